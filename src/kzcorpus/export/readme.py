"""The README's figure and count blocks, generated the way the dataset card is.

Each ``<!-- name -->`` … ``<!-- /name -->`` block of README.md is rendered from the data
by the function registered in :data:`BLOCKS` (mostly the card's own table functions), so
the README cannot drift from the data: ``kzcorpus readme --check`` (run by the tests)
fails on a stale block and ``kzcorpus readme --write`` refreshes them. Text outside the
blocks is left alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kzcorpus.errors import DataError

if TYPE_CHECKING:
    from kzcorpus.corpus import Corpus

README_NAME = "README.md"
BLOCK_RE = re.compile(r"<!-- ([a-z0-9-]+) -->\n(.*?)<!-- /\1 -->", re.S)


def _repair_scores(corpus: Corpus, repo: Path) -> str:
    scores = json.loads((repo / "models" / "restore" / "scores.json").read_text(encoding="utf-8"))
    rows = [
        "| test set | damaged words | restored % | undamaged words | collateral % |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, label in (("reference", "hand-corrected"), ("synthetic", "synthetic")):
        s = scores[name]
        cells = [label, s["damaged_words"], f"{s['restored_pct']:.2f}", s["clean_words"], f"{s['collateral_pct']:.3f}"]
        rows.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(rows)


def _model_scores(corpus: Corpus, repo: Path) -> str:
    from kzcorpus.models import LANGS, TREEBANKS

    records = {lang: json.loads((repo / "models" / lang / "scores.json").read_text(encoding="utf-8")) for lang in LANGS}
    metrics = list(next(iter(records.values()))["metrics"])
    rows = ["| model | " + " | ".join(metrics) + " |", "| --- |" + " ---: |" * len(metrics)]
    for lang, record in records.items():
        name = TREEBANKS[lang]["treebank"].rsplit("-", 1)[1]
        rows.append(f"| {lang} ({name}), Stanza | " + " | ".join(f"{record['metrics'][m]:.2f}" for m in metrics) + " |")
        if rules := record.get("with_kzcorpus_rules"):  # the pipeline the corpus layer was made with
            cells = " | ".join(f"{rules['metrics'][m]:.2f}" for m in metrics)
            rows.append(f"| {lang} ({name}), kzcorpus pipeline | {cells} |")
    return "\n".join(rows)


def _card(render: Callable[[Corpus], str]) -> Callable[[Corpus, Path], str]:
    return lambda corpus, _repo: render(corpus)


def _blocks() -> dict[str, Callable[[Corpus, Path], str]]:
    from kzcorpus.benchmark.table import results_table
    from kzcorpus.export import card
    from kzcorpus.stats import (
        annotation_stats,
        annotation_table,
        clean_stats,
        clean_table,
        corpus_stats,
        markdown_table,
        parallel_table,
    )

    return {
        "repair-scores": _repair_scores,
        "annotation-quality": _card(lambda c: card.quality_text(c.quality)),
        "ud-validation": _card(lambda c: card.ud_validation_table(c.validation)),
        "ud-gold": _card(lambda c: card.gold_text(c.quality)),
        "stance-counts": _card(lambda c: card.stance_counts_text(c.stance)),
        "stance-agreement": _card(lambda c: card.stance_agreement_text(c.stance_agreement)),
        "parallel-counts": _card(lambda c: parallel_table(c.links)),
        "baseline-results": _card(lambda c: results_table(c.baselines)),
        "model-scores": _model_scores,
        "counts": _card(lambda c: markdown_table(corpus_stats(c.documents))),
        "clean-counts": _card(lambda c: clean_table(clean_stats(c.cleaned))),
        "annotation-counts": _card(lambda c: annotation_table(annotation_stats(c.annotated))),
    }


def rendered_blocks(corpus: Corpus, repo: Path) -> dict[str, str]:
    """Block name → its generated body; blocks not listed here (``ci:`` install and test
    commands) are hand-written."""
    return {name: render(corpus, repo).rstrip("\n") + "\n" for name, render in _blocks().items()}


def render_readme(text: str, blocks: Mapping[str, str], path: Path | str = README_NAME) -> str:
    """``text`` with every generated block replaced; each must be present exactly once."""
    found = [m.group(1) for m in BLOCK_RE.finditer(text)]
    for name in blocks:
        if found.count(name) != 1:
            raise DataError(
                f"block <!-- {name} --> … <!-- /{name} --> found {found.count(name)} times; expected once", path=path
            )

    def replace(m: re.Match[str]) -> str:
        name = m.group(1)
        return f"<!-- {name} -->\n{blocks[name]}<!-- /{name} -->" if name in blocks else m.group(0)

    return BLOCK_RE.sub(replace, text)


def stale_blocks(text: str, blocks: Mapping[str, str]) -> list[str]:
    current = {m.group(1): m.group(2) for m in BLOCK_RE.finditer(text)}
    return [name for name, body in blocks.items() if current.get(name) != body]


def readme_update(repo: Path, corpus: Corpus | None = None) -> tuple[str, str, list[str]]:
    """(current text, regenerated text, names of stale blocks) of ``repo``'s README."""
    from kzcorpus.corpus import Corpus

    path = repo / README_NAME
    text = path.read_text(encoding="utf-8")
    blocks = rendered_blocks(corpus or Corpus(repo), repo)
    return text, render_readme(text, blocks, path), stale_blocks(text, blocks)
