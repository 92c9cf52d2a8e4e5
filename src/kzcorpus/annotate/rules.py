"""Rule-based sentences and tokens for a language without a model (Russian here).

Method (documented in the CoNLL-U header of every file it produces): tokens are maximal
runs of word characters with inner hyphens or apostrophes, numbers with inner ``.``/``,``,
or single other non-space characters; a sentence ends after ``.``, ``!``, ``?`` or ``…``
(plus closing quotes/brackets) when the next token starts with a capital letter, a digit
or an opening quote, unless the period follows an abbreviation or an initial. Nothing
else is annotated: lemma, POS, features and dependencies stay empty (``_``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kzcorpus.annotate.segment import Tok

METHOD = (
    "rule-based (kzcorpus.annotate.rules): sentences and tokens only; no lemmas, POS, features or "
    "dependencies, so not a UD treebank file (HEAD is empty: the UD validator rejects it)"
)
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-‐’']\w+)*|[^\w\s]")
TERMINAL = frozenset({".", "!", "?", "…"})
CLOSERS = frozenset({"»", "”", '"', ")", "]", "’"})
OPENERS = frozenset({"«", "“", '"', "(", "„"})
RU_ABBREVIATIONS = frozenset({"г", "гг", "т", "е", "д", "др", "см", "ст", "им", "проф", "англ", "рус", "с"})
"""Words whose period never ends a sentence (год, годы, то есть, и т. д., смотри, …)."""


def iter_tokens(text: str, offset: int = 0) -> Iterator[Tok]:
    for m in TOKEN_RE.finditer(text):
        yield Tok(m.group(), m.start() + offset, m.end() + offset)


def _starts_sentence(tok: Tok) -> bool:
    c = tok.text[:1]
    return c.isupper() or c.isdigit() or tok.text in OPENERS


def split_sentences(tokens: list[Tok]) -> list[list[Tok]]:
    out: list[list[Tok]] = []
    cur: list[Tok] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        cur.append(tok)
        i += 1
        if tok.text not in TERMINAL:
            continue
        while i < len(tokens) and tokens[i].text in CLOSERS and tokens[i].start == cur[-1].end:
            cur.append(tokens[i])
            i += 1
        prev = cur[-2].text if len(cur) >= 2 and tok.text == "." else ""
        abbreviated = prev.lower() in RU_ABBREVIATIONS or (len(prev) == 1 and prev.isupper())
        if i < len(tokens) and _starts_sentence(tokens[i]) and not abbreviated:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out
