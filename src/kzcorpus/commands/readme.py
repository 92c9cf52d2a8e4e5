from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "readme",
        help="check or refresh README.md's generated figure and count blocks",
        description=(
            "Every <!-- name --> … <!-- /name --> block of README.md that holds counts or figures is rendered from "
            "the data (the same functions as the dataset card). --check exits 1 naming the stale blocks; --write "
            "rewrites them (text outside the blocks is kept)."
        ),
    )
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report stale blocks; change nothing")
    mode.add_argument("--write", action="store_true", help="rewrite stale blocks in place")
    p.add_argument("--repo", type=Path, default=None, help="repository checkout (default: the data root)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.export.readme import README_NAME, readme_update
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.paths import data_root

    repo = args.repo or data_root()
    _, new, stale = readme_update(repo)
    if args.check:
        for name in stale:
            print(f"error: {repo / README_NAME}: block <!-- {name} --> is stale; run `kzcorpus readme --write`",
                  file=sys.stderr)  # fmt: skip
        if stale:
            return 1
        print("ok: README blocks match the data")
        return 0
    write_text_atomic(repo / README_NAME, new)
    print(f"rewrote {len(stale)} block(s)" + (f": {', '.join(stale)}" if stale else ""))
    return 0
