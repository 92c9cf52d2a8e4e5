from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    from kzcorpus.benchmark.baselines import BASELINES
    from kzcorpus.benchmark.evaluate import DEFAULT_DIRECTION, DEFAULT_SPLIT
    from kzcorpus.benchmark.translation import DIRECTIONS
    from kzcorpus.corpus import SPLITS_HELP

    p = subparsers.add_parser(
        "baseline",
        help="run a reference system and write its predictions (score them with `kzcorpus evaluate`)",
        description=(
            "Run one baseline and write a predictions file for `kzcorpus evaluate`, or, with --all, run "
            "every baseline of the results table and print the scores as JSON."
        ),
    )
    p.add_argument("name", nargs="?", choices=list(BASELINES), help="the baseline (omit with --all)")
    p.add_argument("--output", type=Path, help="where to write the predictions")
    p.add_argument("--split", default=DEFAULT_SPLIT, help=f"{SPLITS_HELP} (default: %(default)s)")
    p.add_argument("--direction", choices=DIRECTIONS, default=DEFAULT_DIRECTION, help="translation only")
    p.add_argument("--all", action="store_true", help="run the whole results table instead of one baseline")
    p.add_argument(
        "--save", action="store_true", help="with --all: write annotations/baselines.json (read by the build)"
    )
    p.set_defaults(func=run, parser=p)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.corpus import Corpus
    from kzcorpus.paths import data_root

    corpus = Corpus()
    if args.all:
        from kzcorpus.benchmark.results import RESULTS_PATH, results_report
        from kzcorpus.io.atomic import write_text_atomic
        from kzcorpus.io.jsonl import render_json
        from kzcorpus.paths import annotations_dir

        text = render_json(results_report(corpus, data_root()))
        if args.save:
            write_text_atomic(annotations_dir() / RESULTS_PATH, text)
        print(text, end="")
        return 0
    if args.name is None or args.output is None:
        args.parser.error("give a baseline name and --output FILE, or --all")
    from kzcorpus.benchmark.results import run_baseline

    run_baseline(args.name, corpus, args.split, args.output, args.direction)
    print(f"wrote {args.output}")
    return 0
