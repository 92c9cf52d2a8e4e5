from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "build", help="regenerate cleaned text, CoNLL-U, schemas/ and dataset/ from raw/ and hand-made inputs"
    )
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--reuse-annotation",
        action="store_true",
        help="keep the shipped CoNLL-U layer (checked) instead of re-running Stanza; needs no [stanza] extra",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.build import build

    results = build(args.root, progress=not args.quiet, annotate=not args.reuse_annotation)
    changed = [o.path for o, c in results if c]
    for path in changed:
        print(f"wrote {path}")
    print(f"build done: {len(results)} file(s), {len(changed)} changed")
    return 0
