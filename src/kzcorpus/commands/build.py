from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "build", help="regenerate cleaned text, CoNLL-U, schemas/ and dataset/ from raw/ and hand-made inputs"
    )
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.add_argument("--quiet", action="store_true", help="no progress bar (the default when stderr is not a terminal)")
    p.add_argument("--progress", action="store_true", help="progress bar even when stderr is not a terminal")
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        help="torch threads for annotation (default 1: fastest on a busy machine, about as fast on an idle one)",
    )
    p.add_argument(
        "--reuse-annotation",
        action="store_true",
        help="keep the shipped CoNLL-U layer (checked) instead of re-running Stanza; needs no [stanza] extra",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from kzcorpus.build import build
    from kzcorpus.models.pipeline import DEFAULT_THREADS, set_threads

    set_threads(args.threads or DEFAULT_THREADS)
    progress = args.progress or (not args.quiet and sys.stderr.isatty())
    results = build(args.root, progress=progress, annotate=not args.reuse_annotation)
    changed = [o.path for o, c in results if c]
    for path in changed:
        print(f"wrote {path}")
    print(f"build done: {len(results)} file(s), {len(changed)} changed")
    return 0
