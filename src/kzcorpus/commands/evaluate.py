from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    from kzcorpus.benchmark.evaluate import DEFAULT_DIRECTION, DEFAULT_SPLIT, TASKS
    from kzcorpus.benchmark.translation import DIRECTIONS
    from kzcorpus.corpus import SPLITS_HELP

    formats = "; ".join(f"{name}: {fmt}" for name, (_, fmt) in TASKS.items())
    p = subparsers.add_parser(
        "evaluate",
        help="score a predictions file for a benchmark task; prints JSON",
        description=f"Score predictions against the corpus and print the scores as JSON. Formats: {formats}.",
    )
    p.add_argument("task", choices=list(TASKS))
    p.add_argument(
        "--predictions", type=Path, required=True, help="the system's output (format per task above); - reads stdin"
    )
    p.add_argument("--split", default=DEFAULT_SPLIT, help=f"{SPLITS_HELP} (default: %(default)s)")
    p.add_argument(
        "--direction", choices=DIRECTIONS, default=DEFAULT_DIRECTION, help="translation only (default: %(default)s)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys
    import tempfile

    from kzcorpus.benchmark.evaluate import evaluate
    from kzcorpus.io.jsonl import render_json

    if str(args.predictions) != "-":
        result = evaluate(args.task, args.predictions, split=args.split, direction=args.direction)
    else:  # the scorers read files (line numbers in errors): spool stdin to one named <stdin>
        with tempfile.TemporaryDirectory(prefix="kzcorpus-stdin-") as tmp:
            path = Path(tmp) / "<stdin>"
            path.write_text(sys.stdin.read(), encoding="utf-8")
            result = evaluate(args.task, path, split=args.split, direction=args.direction)
    print(render_json(result), end="")
    return 0
