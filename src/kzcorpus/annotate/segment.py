"""Sentence-boundary corrections applied to Stanza's tokenizer output.

Stanza's IMST/EWT tokenizers end sentences at periods that do not end one in this
corpus: page citations ``(Yuneman, 2023, s. 8).``, ``Burchill vd.``, Turkish ordinals
(``KGAÖ’nün 4. Maddesi``), ``St. Petersburg``, numbered headings (``1. Giriş``) and
thousands separators (``1.000 ton``, which it also cuts into two tokens). The rules below
undo exactly those cuts; they run inside Stanza (its ``tokenize_postprocessor`` hook),
before tagging and parsing, so the tagger and parser see the corrected sentences.

Every rule is a named predicate over two neighbouring sentences with character offsets,
so each can be tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kzcorpus.annotate.mwt_lexicon import MwtLexicon, decide_tokens

StanzaToken = str | tuple[str, bool]
"""A token as Stanza's postprocessor hook passes it: text, or (text, is multi-word token)."""

ABBREVIATIONS = frozenset(
    {
        # Turkish: sayfa, sayfalar, ve diğerleri, bakınız, ve benzeri, versus, çeviren,
        # yayına hazırlayan, editör, numara, Doktor, Profesör, Doçent, Saint
        "s",
        "ss",
        "vd",
        "bkz",
        "vb",
        "vs",
        "çev",
        "haz",
        "ed",
        "eds",
        "No",
        "no",
        "Dr",
        "Prof",
        "Doç",
        "St",
        # English
        "p",
        "pp",
        "al",
        "cf",
        "Mr",
        "Mrs",
        "Ms",
        "Jr",
        "vol",
        "Vol",
    }
)
"""Words that end in a period without ending the sentence (checked case-sensitively)."""

INITIAL_RE = re.compile(r"^[A-ZÇĞİÖŞÜ]$")
NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*$")
THOUSANDS_HEAD_RE = re.compile(r"^\d{1,3}$")
THOUSANDS_TAIL_RE = re.compile(r"^\d{3}(?:\.\d{3})*(?:,\d+)?$")
ALNUM_RE = re.compile(r"\w")
LETTER_START_RE = re.compile(r"^[^\W\d_]")
TERMINAL_RE = re.compile(r"[.!?…]$")
CLOSERS = frozenset({"”", "’", "»", '"', "'", ")", "]"})


@dataclass(frozen=True)
class Tok:
    """A token with its character range in the paragraph text."""

    text: str
    start: int
    end: int
    mwt: bool = False

    def stanza(self) -> StanzaToken:
        return (self.text, True) if self.mwt else self.text


def locate(sentences: Sequence[Sequence[StanzaToken]], text: str) -> list[list[Tok]]:
    """Attach offsets the way Stanza does after the hook: each token is searched for in order."""
    out: list[list[Tok]] = []
    pos = 0
    for sent in sentences:
        row: list[Tok] = []
        for tok in sent:
            form, mwt = (tok, False) if isinstance(tok, str) else (tok[0], bool(tok[1]))
            start = text.find(form, pos)
            if start < 0:
                raise ValueError(f"token {form!r} not found in the paragraph after offset {pos}")
            row.append(Tok(form, start, start + len(form), mwt))
            pos = start + len(form)
        out.append(row)
    return out


def _final_word(sent: Sequence[Tok]) -> str | None:
    """The word a sentence-final period is attached to (``s.`` or ``s`` + ``.``), else None."""
    last = sent[-1]
    if last.text == "." and len(sent) >= 2 and sent[-2].end == last.start:
        return sent[-2].text
    if last.text.endswith(".") and len(last.text) > 1:
        return last.text[:-1]
    return None


def punctuation_only(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    """A sentence of bare punctuation (a stray quote) belongs with its neighbour."""
    return not any(ALNUM_RE.search(t.text) for t in nxt) or not any(ALNUM_RE.search(t.text) for t in prev)


def unterminated(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    """Inside a paragraph a sentence ends in . ! ? or … (maybe before a closing quote or
    bracket); headings and titles are paragraphs of their own, so a cut anywhere else
    (``However, the Russian-Ukrainian | War``, ``Abstract: | In the …``) is false."""
    tail = [t.text for t in prev[-2:]]
    if tail[-1] in CLOSERS and len(tail) == 2:
        return not TERMINAL_RE.search(tail[0])
    return not TERMINAL_RE.search(tail[-1])


def abbreviation(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    word = _final_word(prev)
    return word is not None and word in ABBREVIATIONS


def initial(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    """``A. Surname``: a single capital letter with a period, followed by a capitalised word."""
    word = _final_word(prev)
    return word is not None and bool(INITIAL_RE.match(word)) and nxt[0].text[:1].isupper()


def numbered_heading(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    """``1.`` / ``2.1.`` alone: the number of the heading that follows."""
    word = _final_word(prev)
    only_number = len(prev) == 1 or (len(prev) == 2 and prev[-1].text == ".")
    return word is not None and bool(NUMBER_RE.match(word)) and only_number


def thousands(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    """``1.`` + ``000``: a number with a thousands separator, cut at its period."""
    word = _final_word(prev)
    return (
        word is not None
        and bool(THOUSANDS_HEAD_RE.match(word))
        and prev[-1].end == nxt[0].start
        and bool(THOUSANDS_TAIL_RE.match(nxt[0].text))
    )


def turkish_ordinal(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> bool:
    """``4. Maddesi``: in Turkish a numeral with a period is an ordinal; sentences end in a verb."""
    word = _final_word(prev)
    return lang == "tr" and word is not None and word.isdigit() and bool(LETTER_START_RE.match(nxt[0].text))


JoinRule = Callable[[Sequence[Tok], Sequence[Tok], str], bool]
JOIN_RULES: tuple[tuple[str, JoinRule], ...] = (
    ("punctuation_only", punctuation_only),
    ("unterminated", unterminated),
    ("abbreviation", abbreviation),
    ("initial", initial),
    ("thousands", thousands),  # before numbered_heading: "1." + "000" must become one token
    ("numbered_heading", numbered_heading),
    ("turkish_ordinal", turkish_ordinal),
)


def join_reason(prev: Sequence[Tok], nxt: Sequence[Tok], lang: str) -> str | None:
    """Name of the first rule that says the boundary between ``prev`` and ``nxt`` is false."""
    for name, rule in JOIN_RULES:
        if rule(prev, nxt, lang):
            return name
    return None


def _join(prev: list[Tok], nxt: list[Tok], reason: str) -> list[Tok]:
    if reason == "thousands":  # one token again: "1." + "000" -> "1.000"
        head = prev
        if prev[-1].text == ".":  # "1" "." "000": first make "1."
            head = [*prev[:-2], Tok(prev[-2].text + ".", prev[-2].start, prev[-1].end)]
        merged = Tok(head[-1].text + nxt[0].text, head[-1].start, nxt[0].end)
        return [*head[:-1], merged, *nxt[1:]]
    return [*prev, *nxt]


NUMBER_TOKEN_RE = re.compile(r"^\d+(?:[.,/:]\d+)+$")
NUMBER_PREFIX_RE = re.compile(r"^\d+(?:[.,/:]\d*)*$")


def merge_numbers(sent: Sequence[Tok]) -> list[Tok]:
    """Numbers with separators written without spaces stay one token (``1.511``, ``8,7``,
    ``71/187``, ``18.03.2025``), as in the UD treebanks; the tokenizers cut some of them
    (``1`` ``.`` ``511``)."""
    out: list[Tok] = []
    i = 0
    while i < len(sent):
        j, text, best = i, sent[i].text, i
        while j + 1 < len(sent) and sent[j].end == sent[j + 1].start:
            nxt = text + sent[j + 1].text
            if not NUMBER_PREFIX_RE.match(nxt):
                break
            j, text = j + 1, nxt
            if NUMBER_TOKEN_RE.match(text):
                best = j
        if best > i and not any(t.mwt for t in sent[i : best + 1]):
            out.append(Tok("".join(t.text for t in sent[i : best + 1]), sent[i].start, sent[best].end))
            i = best + 1
        else:
            out.append(sent[i])
            i += 1
    return out


def fix_sentences(sentences: list[list[Tok]], lang: str) -> tuple[list[list[Tok]], list[str]]:
    """Undo false sentence boundaries and number cuts; returns the sentences and the rule
    used at each join."""
    out: list[list[Tok]] = []
    reasons: list[str] = []
    for sent in sentences:
        if not sent:
            continue
        reason = join_reason(out[-1], sent, lang) if out else None
        if reason is None:
            out.append(list(sent))
        else:
            out[-1] = _join(out[-1], sent, reason)
            reasons.append(reason)
    return [merge_numbers(s) for s in out], reasons


class BoundaryFixer:
    """Stanza's ``tokenize_postprocessor`` hook.

    Stanza hands the hook token strings only; the adjacency tests need the paragraph's
    characters, so the caller sets :attr:`text` before each paragraph it annotates, and
    reads the joins made in :attr:`joins`. With a ``mwt_lexicon``, the tokens it knows are
    made multi-word tokens or single words as the treebank's train split has them
    (:mod:`kzcorpus.annotate.mwt_lexicon`); boundaries and offsets do not move.
    """

    def __init__(self, lang: str, mwt_lexicon: MwtLexicon | None = None) -> None:
        self.lang = lang
        self.mwt_lexicon = mwt_lexicon
        self.text = ""
        self.joins: list[str] = []

    def __call__(self, sentences: list[list[StanzaToken]]) -> list[list[StanzaToken]]:
        fixed, self.joins = fix_sentences(locate(sentences, self.text), self.lang)
        if self.mwt_lexicon is not None:
            fixed = [_with_lexicon(sent, self.mwt_lexicon) for sent in fixed]
        return [[t.stanza() for t in sent] for sent in fixed]


def _with_lexicon(sent: list[Tok], lexicon: MwtLexicon) -> list[Tok]:
    decided = decide_tokens([(t.text, t.mwt) for t in sent], lexicon)
    return [t if t.mwt == mwt else replace(t, mwt=mwt) for t, (_, mwt) in zip(sent, decided, strict=True)]
