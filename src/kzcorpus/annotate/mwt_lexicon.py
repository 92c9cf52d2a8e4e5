"""Which tokens are multi-word tokens, as the treebank's own train split decides them.

The Turkish tokenizer misses many of IMST's multi-word tokens (``vardı`` = var + dı,
``hafifçe`` = hafif + çe): on IMST dev, 151 of the 279 gold multi-word tokens came out as
one word, which costs a word in every score. A form seen in the train split is decided as
the treebank decided it most often there; forms never seen keep the tokenizer's decision
(a suffix vote was tried on IMST dev and fixed none of those while adding errors).

The lexicon file (``models/<lang>/mwt_lexicon.tsv``) is built by :func:`build` from the
train split alone and names it in ``#`` header lines; :class:`MwtLexicon` reads it, and
:func:`decide_tokens` applies it inside the tokenizer's postprocessor hook
(:class:`kzcorpus.annotate.segment.BoundaryFixer`), so that only the words inside tokens
change: sentence boundaries and token offsets stay as the tokenizer made them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kzcorpus.clean.lexicon import tr_lower
from kzcorpus.errors import DataError
from kzcorpus.models import MWT_LEXICON_FILE

HEADER = "form\tmultiword\tsingle"


def iter_token_splits(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """``(token form, is a multi-word token)`` for every surface token of CoNLL-U lines."""
    covered = 0
    for line in lines:
        line = line.rstrip("\n")
        if not line:
            covered = 0
            continue
        if line.startswith("#"):
            continue
        tid, form = line.split("\t", 2)[:2]
        if "-" in tid:
            covered = int(tid.split("-")[1])
            yield form, True
        elif "." not in tid and int(tid) > covered:
            yield form, False


def count(pairs: Iterable[tuple[str, bool]]) -> dict[str, tuple[int, int]]:
    """Lower-cased form -> (times a multi-word token, times a single word)."""
    multi: Counter[str] = Counter()
    single: Counter[str] = Counter()
    for form, is_multi in pairs:
        (multi if is_multi else single)[tr_lower(form)] += 1
    return {f: (multi[f], single[f]) for f in sorted(set(multi) | set(single))}


@dataclass(frozen=True)
class MwtLexicon:
    counts: dict[str, tuple[int, int]]

    def decide(self, form: str) -> bool | None:
        """True/False where the train split decided ``form`` (ties: False), else None."""
        seen = self.counts.get(tr_lower(form))
        if seen is None:
            return None
        return seen[0] > seen[1]

    def render(self, source: Sequence[str]) -> str:
        head = [f"# {line}" for line in source] + [HEADER]
        rows = [f"{form}\t{m}\t{s}" for form, (m, s) in self.counts.items()]
        return "\n".join(head + rows) + "\n"


def build(train_file: Path, source: Sequence[str]) -> str:
    """The lexicon file's text for a CoNLL-U train split; ``source`` goes in its header."""
    with open(train_file, encoding="utf-8") as fh:
        return MwtLexicon(count(iter_token_splits(fh))).render(source)


def parse(text: str, path: Path) -> MwtLexicon:
    counts: dict[str, tuple[int, int]] = {}
    seen_header = False
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") or not line:
            continue
        if not seen_header:
            if line != HEADER:
                raise DataError(f"expected the header {HEADER!r}", path=path, line=n)
            seen_header = True
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[1].isdigit() or not cols[2].isdigit():
            raise DataError("expected form<TAB>multiword count<TAB>single count", path=path, line=n)
        counts[cols[0]] = (int(cols[1]), int(cols[2]))
    if not seen_header:
        raise DataError(f"expected the header {HEADER!r}", path=path)
    return MwtLexicon(counts)


@lru_cache(maxsize=4)
def _parsed(path: Path, text: str) -> MwtLexicon:
    return parse(text, path)


def load(model_dir: Path) -> MwtLexicon | None:
    """The language's lexicon, or None where it ships none (English)."""
    path = model_dir / MWT_LEXICON_FILE
    if not path.is_file():
        return None
    return _parsed(path, path.read_text(encoding="utf-8"))


def decide_tokens(tokens: Sequence[tuple[str, bool]], lexicon: MwtLexicon) -> list[tuple[str, bool]]:
    """``(form, is multi-word)`` per token, with the lexicon's decision where it has one."""
    out = []
    for form, is_multi in tokens:
        decided = lexicon.decide(form)
        out.append((form, is_multi if decided is None else decided))
    return out
