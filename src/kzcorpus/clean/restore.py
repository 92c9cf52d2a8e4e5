"""Repair Turkish letters that a PDF extractor split into a base letter plus a space.

The damage is regular: ğ, ö, ü, Ğ, Ö, Ü became ``g``, ``o``, ``u``, ``G``, ``O``, ``U``
followed by an inserted space, and İ got a space after it. So every base letter that is
followed by a space is a *site* with two readings: literal (letter and space are real) or
broken (restore the letter, drop the one inserted space). Sites chained by single spaces
form a region (``go ru lmektedir``); each region is decoded exactly by dynamic
programming over the words each reading produces, scored by a clean-text lexicon with a
spelling back-off (:mod:`kzcorpus.clean.lexicon`) plus a prior for "this site is broken"
that is estimated from the input itself (EM). Clean text drives the prior towards zero,
so correct Turkish, English and Russian text is left alone; a damaged document drives it
up, so ties between unknown words go to the repair.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kzcorpus.clean.language import is_turkish_or_unknown
from kzcorpus.clean.lexicon import Lexicon, iter_words, load_lexicon

RESTORED = {"g": "ğ", "o": "ö", "u": "ü", "G": "Ğ", "O": "Ö", "U": "Ü", "İ": "İ"}
"""Base letter left by the extractor → the letter it stands for when broken."""

CHUNK_RE = re.compile(r"\S+")
NO_REPAIR_RE = re.compile(r"https?://|www\.|@|\.(?:com|org|ru|kz|html?)\b")
"""Chunks that are addresses, where letters and spaces are never damaged this way."""

MAX_WORD_CHUNKS = 8
EM_ROUNDS = 3
PRIOR_BROKEN, PRIOR_INTACT = 1.0, 9.0
"""Beta prior on the share of broken sites: with little evidence (a short input) the
repair leans to leaving text alone; a long damaged text outweighs it within a round."""


@dataclass(frozen=True)
class Repair:
    """Replace ``text[start:end]`` (a letter and its inserted space) by ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class _Chunk:
    start: int
    end: int
    text: str
    site: str | None  # None, "join" (one space, then the next chunk) or "final"


def _foreign_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines that read as English or Russian: never repaired (``also indicate``
    must not become ``alsöindicate``). Lines with no evidence either way stay eligible."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and not is_turkish_or_unknown(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _chunks(text: str) -> list[_Chunk]:
    out = []
    foreign = _foreign_lines(text)
    fi = 0
    for m in CHUNK_RE.finditer(text):
        s, e, t = m.start(), m.end(), m.group()
        while fi < len(foreign) and foreign[fi][1] < s:
            fi += 1
        in_foreign = fi < len(foreign) and foreign[fi][0] <= s < foreign[fi][1]
        site = None
        if in_foreign:
            pass
        elif t[-1] in RESTORED and e < len(text) and text[e] == " " and not NO_REPAIR_RE.search(t):
            site = "join" if e + 1 < len(text) and not text[e + 1].isspace() else "final"
        out.append(_Chunk(s, e, t, site))
    for i, ch in enumerate(out[:-1]):  # one space and a word that cannot continue: no site
        if ch.site == "join" and not _can_join(ch.text[-1], out[i + 1].text):
            out[i] = _Chunk(ch.start, ch.end, ch.text, None)
    return out


def _can_join(site_letter: str, following: str) -> bool:
    """Case shape of a joined word: ``müMebrure`` or ``CasinöVenüs`` is no word, ``KGAÖ``
    and ``Örgütü`` are; a following capital starts a new word unless all is upper case."""
    first = next((c for c in following if c.isalpha()), "")
    if not following[0].isalpha() or first.islower():
        return True
    letters = [c for c in following if c.isalpha()]
    return site_letter.isupper() and all(c.isupper() for c in letters)


def _regions(chunks: Sequence[_Chunk]) -> Iterator[list[_Chunk]]:
    """Runs of chunks linked by join sites; only those with a site matter."""
    run: list[_Chunk] = []
    for ch in chunks:
        run.append(ch)
        if ch.site != "join":
            if any(c.site for c in run):
                yield run
            run = []
    if run and any(c.site for c in run):
        yield run


def _word_score(lex: Lexicon, word: str) -> float:
    return sum(lex.logprob(w) for w in iter_words(word))


def _decode(lex: Lexicon, region: list[_Chunk], log_p: float, log_q: float) -> list[int]:
    """Indices (into ``region``) of chunks whose final site is read as broken."""
    n = len(region)
    best = [-math.inf] * (n + 1)
    back: list[tuple[int, bool]] = [(0, False)] * (n + 1)
    best[0] = 0.0
    for b in range(n):
        for a in range(max(0, b - MAX_WORD_CHUNKS + 1), b + 1):
            if best[a] == -math.inf:
                continue
            # chunks a..b-1 broken (joined), chunk b ends the word
            stem = "".join(c.text[:-1] + RESTORED[c.text[-1]] for c in region[a:b])
            prior = (b - a) * log_p
            last = region[b]
            options = [(last.text, False)]
            if last.site is not None:
                options.append((last.text[:-1] + RESTORED[last.text[-1]], True))
            for tail, broken in options:
                site_cost = 0.0 if last.site is None else (log_p if broken else log_q)
                if last.site == "join" and broken:
                    continue  # a broken join site continues the word: handled by larger b
                score = best[a] + prior + site_cost + _word_score(lex, stem + tail)
                if score > best[b + 1]:
                    best[b + 1] = score
                    back[b + 1] = (a, broken)
    picked: list[int] = []
    k = n
    while k > 0:
        a, broken_last = back[k]
        picked.extend(range(a, k - 1))
        if broken_last:
            picked.append(k - 1)
        k = a
    return sorted(picked)


def _decode_all(lex: Lexicon, regions: list[list[_Chunk]], p: float) -> list[Repair]:
    log_p, log_q = math.log(p), math.log1p(-p)
    repairs = []
    for region in regions:
        for i in _decode(lex, region, log_p, log_q):
            c = region[i]
            repairs.append(Repair(c.end - 1, c.end + 1, RESTORED[c.text[-1]]))
    return repairs


def iter_repairs(text: str, lexicon: Lexicon | None = None) -> Iterator[Repair]:
    """The repairs of ``text``, in order; the prior is re-estimated from the text (EM)."""
    lex = lexicon or load_lexicon()
    chunks = _chunks(text)
    regions = list(_regions(chunks))
    sites = sum(1 for r in regions for c in r if c.site)
    if not sites:
        return
    p = PRIOR_BROKEN / (PRIOR_BROKEN + PRIOR_INTACT)
    repairs: list[Repair] = []
    for _ in range(EM_ROUNDS):
        repairs = _decode_all(lex, regions, p)
        p = (len(repairs) + PRIOR_BROKEN) / (sites + PRIOR_BROKEN + PRIOR_INTACT)
    yield from repairs


def apply_repairs(text: str, repairs: Sequence[Repair]) -> str:
    out, pos = [], 0
    for r in repairs:
        out.append(text[pos : r.start])
        out.append(r.replacement)
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


def restore_text(text: str, lexicon: Lexicon | None = None) -> str:
    """Repaired text: the function behind ``kzcorpus restore`` and the build's cleaning."""
    return apply_repairs(text, list(iter_repairs(text, lexicon)))
