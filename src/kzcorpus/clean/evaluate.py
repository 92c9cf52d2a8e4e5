"""How well the diacritic repair works: on hand-corrected lines and on synthetic damage.

Both the reference (gold) and the repair's output are derived from the same damaged
text by restoring letters and dropping inserted spaces, so each word of either maps to a
span of the damaged text. A gold word counts as restored when the output has a word with
the same span and the same spelling; that is exact word accuracy, free of alignment
heuristics.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from kzcorpus.clean.lexicon import Lexicon
from kzcorpus.clean.restore import RESTORED, restore_text
from kzcorpus.errors import DataError

DAMAGE = {v: k + " " for k, v in RESTORED.items() if v != "İ"} | {"İ": "İ "}
"""What the extractor did: ğ → "g ", ö → "o ", ü → "u ", Ğ/Ö/Ü likewise, İ → "İ "."""

WORD_RE = re.compile(r"\S+")
TEXT_COMMENT = "# text = "


def damage(text: str) -> str:
    return "".join(DAMAGE.get(c, c) for c in text)


def _spaces(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n] == " ":
        n += 1
    return n


def word_spans(derived: str, damaged: str) -> Iterator[tuple[str, int, int, bool]]:
    """(word, start, end, damaged?) for each word of ``derived`` in ``damaged`` coordinates."""
    spans: list[int] = []  # damaged offset of each derived char
    touched: list[bool] = []
    j = 0
    for i, ch in enumerate(derived):
        form = DAMAGE.get(ch)
        if form and damaged.startswith(form, j):
            # İ is unchanged by the damage: its space is inserted only if the damaged text
            # has one more space there than the derived text
            literal = ch == damaged[j] and _spaces(damaged, j + 1) == _spaces(derived, i + 1)
            hit = not literal
        elif j < len(damaged) and damaged[j] == ch:
            hit = False
        else:
            raise DataError(f"text is not derived from the damaged text at offset {i}", offset=i)
        spans.append(j)
        touched.append(hit)
        j += len(form) if hit and form else 1
    spans.append(j)
    for m in WORD_RE.finditer(derived):
        last = m.end() - 1  # the span ends where the last char's damaged form ends
        end = spans[last] + (len(DAMAGE[derived[last]]) if touched[last] else 1)
        yield m.group(), spans[m.start()], end, any(touched[m.start() : m.end()])


@dataclass(frozen=True)
class RepairScore:
    damaged_words: int
    damaged_restored: int
    clean_words: int
    clean_changed: int

    @property
    def accuracy(self) -> float:
        return 100.0 * self.damaged_restored / self.damaged_words if self.damaged_words else 100.0

    @property
    def collateral(self) -> float:
        return 100.0 * self.clean_changed / self.clean_words if self.clean_words else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self) | {
            "restored_pct": round(self.accuracy, 2),
            "collateral_pct": round(self.collateral, 3),
        }


def score_pairs(pairs: Iterable[tuple[str, str, str]]) -> RepairScore:
    """Score (damaged, gold, output) triples."""
    dw = dr = cw = cc = 0
    for damaged, gold, output in pairs:
        got = {(s, e): w for w, s, e, _ in word_spans(output, damaged)}
        for w, s, e, hit in word_spans(gold, damaged):
            ok = got.get((s, e)) == w
            if hit:
                dw += 1
                dr += ok
            else:
                cw += 1
                cc += not ok
    return RepairScore(dw, dr, cw, cc)


def load_reference(path: Path) -> list[dict[str, object]]:
    from kzcorpus.io.raw import read_text

    rows = [json.loads(line) for line in read_text(path).splitlines() if line.strip()]
    for n, row in enumerate(rows, 1):
        if set(row) != {"line", "raw", "corrected"}:
            raise DataError("expected keys line, raw, corrected", path=path, line=n)
    return rows


def score_reference(path: Path, raw_text: str, lexicon: Lexicon | None = None) -> RepairScore:
    """Repair the whole document (as the build does), then score the reference lines."""
    rows = load_reference(path)
    raw_lines = raw_text.split("\n")
    out_lines = restore_text(raw_text, lexicon).split("\n")
    if len(out_lines) != len(raw_lines):
        raise DataError("the repair changed the number of lines", path=path)
    triples = []
    for row in rows:
        n = int(row["line"])  # type: ignore[call-overload]
        if raw_lines[n - 1] != row["raw"]:
            raise DataError(f"reference line {n} does not match the raw file", path=path)
        triples.append((str(row["raw"]), str(row["corrected"]), out_lines[n - 1]))
    return score_pairs(triples)


def conllu_sentences(path: Path) -> list[str]:
    from kzcorpus.io.raw import read_text

    out = [line[len(TEXT_COMMENT) :] for line in read_text(path).splitlines() if line.startswith(TEXT_COMMENT)]
    if not out:
        raise DataError("no '# text = ' lines; expected a CoNLL-U file with sentence text", path=path)
    return out


def score_synthetic(sentences: Sequence[str], lexicon: Lexicon | None = None) -> RepairScore:
    """Damage clean sentences the way the extractor did, repair them as one text, score."""
    damaged = [damage(s) for s in sentences]
    output = restore_text("\n".join(damaged), lexicon).split("\n")
    return score_pairs(zip(damaged, sentences, output, strict=True))


def throughput(text: str, lexicon: Lexicon, repeat: int = 3) -> dict[str, float]:
    """Words per second of :func:`restore_text` on ``text`` (best of ``repeat``)."""
    words = len(text.split())
    best = float("inf")
    for _ in range(repeat):
        lexicon._cache.clear()  # time cold word scoring, as a new text would see it
        t0 = time.perf_counter()
        restore_text(text, lexicon)
        best = min(best, time.perf_counter() - t0)
    return {"words": words, "seconds": round(best, 3), "words_per_second": round(words / best, 1)}


__all__ = ["damage", "score_reference", "score_synthetic", "throughput", "word_spans"]
