from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

# The order breaks the loop: quality and baselines are computed from built layers and
# read back by the build (the card shows them), so the build runs again after them.


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "refresh",
        help="rebuild everything in order: build → quality → baselines → build (card) → README blocks",
        description=(
            "annotations/quality.json and annotations/baselines.json are computed from built layers and shown by the "
            "dataset card, so a change upstream needs: build, `quality --save`, `baseline --all --save`, build again, "
            "`readme --write`. This command runs exactly that sequence."
        ),
    )
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.add_argument(
        "--reuse-annotation", action="store_true", help="keep the shipped CoNLL-U layer (no Stanza in the build)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.annotate.quality import QUALITY_PATH, quality_report
    from kzcorpus.benchmark.results import RESULTS_PATH, results_report
    from kzcorpus.build import build
    from kzcorpus.corpus import Corpus
    from kzcorpus.export.readme import README_NAME, readme_update
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.io.jsonl import render_json
    from kzcorpus.paths import annotations_dir, data_root

    root = args.root or data_root()
    annotate = not args.reuse_annotation
    changed = [o.path for o, c in build(root, annotate=annotate) if c]
    print(f"build: {len(changed)} file(s) changed")
    write_text_atomic(annotations_dir(root) / QUALITY_PATH, render_json(quality_report(root)))
    print(f"quality: wrote {annotations_dir(root) / QUALITY_PATH}")
    write_text_atomic(annotations_dir(root) / RESULTS_PATH, render_json(results_report(Corpus(root), root)))
    print(f"baselines: wrote {annotations_dir(root) / RESULTS_PATH}")
    changed = [o.path for o, c in build(root, annotate=False) if c]  # the card now shows the new figures
    print(f"card: {len(changed)} file(s) changed")
    if (root / README_NAME).is_file():
        _, new, stale = readme_update(root)
        write_text_atomic(root / README_NAME, new)
        print(f"readme: {len(stale)} block(s) rewritten")
    return 0
