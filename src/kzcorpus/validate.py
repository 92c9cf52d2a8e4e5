"""``kzcorpus validate``: every shipped file against its schema, manifest and build.

The checks are the layers' own (:mod:`kzcorpus.checks`, listed per layer in the registry).

Checks run file by file and collect every problem (a user fixes them in one pass); the
comparison with a fresh build runs only when every input it reads is valid, since a broken
input would otherwise surface as a confusing difference in a generated file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kzcorpus.errors import KzCorpusError, Problem
from kzcorpus.paths import data_root
from kzcorpus.registry import input_checks, output_checks


def _build(base: Path) -> Iterator[Problem]:
    from kzcorpus.build import stale_outputs

    try:
        stale = stale_outputs(base)
    except KzCorpusError as exc:
        yield Problem.of(exc)
        return
    yield from (Problem(str(p), None, "differs from a fresh build; run `kzcorpus build`") for p in stale)


def iter_problems(root: Path | None = None) -> list[Problem]:
    """All problems found, each naming file and line/field (``str()`` prints it as an
    error message); empty means valid."""
    base = root or data_root()
    # dict.fromkeys: one broken file can fail two checks (a tampered raw file fails the
    # manifest and the metadata that reads it); report it once
    problems = list(dict.fromkeys(p for check in input_checks() for p in check(base)))
    if problems:
        return problems
    problems += _build(base)
    if not problems:
        problems += [p for check in output_checks() for p in check(base)]
    return problems
