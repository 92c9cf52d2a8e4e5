"""The baseline results table: every baseline run on its splits and scored by ``evaluate``.

``kzcorpus baseline --all --save`` writes ``annotations/baselines.json`` with the commit
whose code produced it; the build renders the same table into the dataset card and a test
checks the README's copy and re-runs the light baselines against the saved figures.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from kzcorpus.benchmark.baselines import BASELINES
from kzcorpus.benchmark.evaluate import DEFAULT_DIRECTION, evaluate
from kzcorpus.corpus import Corpus

RESULTS_PATH = "baselines.json"  # inside annotations/
PLAN: tuple[tuple[str, str], ...] = (
    ("stance-span-majority", "dev"),
    ("stance-span-majority", "test"),
    ("stance-span-tfidf-lr", "dev"),
    ("stance-span-tfidf-lr", "test"),
    ("stance-sentence-majority", "dev"),
    ("stance-sentence-majority", "test"),
    ("stance-sentence-tfidf-lr", "dev"),
    ("stance-sentence-tfidf-lr", "test"),
    ("stance-span-tfidf-lr", "fold-*"),  # one run per fold: as many as the corpus has document groups
    ("ud-stanza", "dev"),
    ("ud-stanza", "test"),
    ("ud-stanza", "all"),  # the shipped models never saw the corpus: every hand-tagged word counts
    ("ud-floor", "dev"),
    ("ud-floor", "test"),
    ("diacritics-identity", "test"),
    ("diacritics-shipped-repair", "test"),
    ("translation-copy-source", "test"),
)
"""(baseline, split) pairs of the results table; translation runs tr-en; ``fold-*`` expands to every fold."""
VERSIONED = ("kzcorpus", "scikit-learn", "sacrebleu", "stanza", "udtools")


def run_baseline(name: str, corpus: Corpus, split: str, out: Path, direction: str = DEFAULT_DIRECTION) -> Path:
    """Write the baseline's predictions to ``out`` (atomically) and return the path."""
    from kzcorpus.io.atomic import write_text_atomic

    write_text_atomic(out, BASELINES[name].predict(corpus, corpus.check_split(split), direction))
    return out


def expand_plan(corpus: Corpus, plan: Iterable[tuple[str, str]] = PLAN) -> list[tuple[str, str]]:
    return [(name, f) for name, split in plan for f in (corpus.fold_splits if split == "fold-*" else (split,))]


def run_plan(
    corpus: Corpus, plan: Iterable[tuple[str, str]] = PLAN, direction: str = DEFAULT_DIRECTION
) -> list[dict[str, Any]]:
    """Each (baseline, split) run into a temporary file and scored."""
    plan = expand_plan(corpus, plan)
    runs = []
    with tempfile.TemporaryDirectory(prefix="kzcorpus-baselines-") as tmp:
        for name, split in plan:
            task = BASELINES[name].task
            path = run_baseline(name, corpus, split, Path(tmp) / f"{name}.{split}", direction)
            scores = evaluate(task, path, split=split, direction=direction, corpus=corpus)
            runs.append({"baseline": name} | scores)
    return runs


def git_commit(root: Path) -> dict[str, Any]:
    """The checkout's HEAD and whether tracked files differ from it (null outside git)."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}
    return {"commit": head.stdout.strip(), "dirty": bool(status.stdout.strip())}


def versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def results_report(corpus: Corpus, root: Path) -> dict[str, Any]:
    return git_commit(root) | {"versions": versions(), "runs": run_plan(corpus)}
