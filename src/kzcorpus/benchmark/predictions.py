"""Reading a predictions file against the items it must cover.

Every problem stops the evaluation with the file and line (or the missing items): a
prediction for an unknown item, a second prediction for one item, or an item without a
prediction. Nothing is ever scored as wrong by default.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

from kzcorpus.errors import DataError

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

SHOW_MISSING = 5


def index_predictions(
    rows: Iterable[tuple[int, K, V]],
    expected: Collection[K],
    path: Path,
    *,
    what: str,
    describe: Callable[[K], str] = str,
) -> dict[K, V]:
    """(line, item, prediction) rows → item → prediction, covering ``expected`` exactly once."""
    out: dict[K, V] = {}
    first_line: dict[K, int] = {}
    for line, key, value in rows:
        if key not in expected:
            raise DataError(
                f"{describe(key)} is not an item of {what}; expected one of its items", path=path, line=line
            )
        if key in out:
            raise DataError(
                f"second prediction for {describe(key)} (the first is on line {first_line[key]})", path=path, line=line
            )
        out[key], first_line[key] = value, line
    missing = [k for k in expected if k not in out]
    if missing:
        shown = ", ".join(describe(k) for k in missing[:SHOW_MISSING])
        more = f" and {len(missing) - SHOW_MISSING} more" if len(missing) > SHOW_MISSING else ""
        raise DataError(
            f"incomplete: no prediction for {len(missing)} of the {len(expected)} items of {what}: {shown}{more}",
            path=path,
        )
    return out
