from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("validate", help="check all shipped data against schemas, manifest and build")
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.add_argument("--json", action="store_true", help="print the problems as JSON records (path, line, field, ...)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.validate import iter_problems

    problems = iter_problems(args.root)
    if args.json:
        from kzcorpus.io.jsonl import render_json

        print(render_json([p.as_dict() for p in problems]), end="")
        return 1 if problems else 0
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("ok: raw files match the manifest, metadata and generated files are valid")
    return 0
