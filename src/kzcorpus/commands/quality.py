from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "quality",
        help="score the shipped annotation against the hand-made references (sentence boundaries, UPOS)",
        description=(
            "Print, as JSON, sentence-boundary precision/recall against annotations/reference/sentence_reference.jsonl "
            "and UPOS accuracy against annotations/reference/upos_reference.tsv."
        ),
    )
    p.add_argument("--repo", type=Path, default=None, help="repository checkout (default: the data root)")
    p.add_argument("--save", action="store_true", help="also write annotations/quality.json (read by the build)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.annotate.quality import QUALITY_PATH, quality_report
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.io.jsonl import render_json
    from kzcorpus.paths import annotations_dir, data_root

    repo = args.repo or data_root()
    text = render_json(quality_report(repo))
    if args.save:
        write_text_atomic(annotations_dir(repo) / QUALITY_PATH, text)
    print(text, end="")
    return 0
