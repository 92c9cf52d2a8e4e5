from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kzcorpus.models import DEFAULT_UD


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "restore",
        help="repair split Turkish letters (g o u + space → ğ ö ü): UTF-8 stdin → stdout",
        description=(
            "Read UTF-8 text on stdin, write it with split Turkish letters repaired on stdout, "
            "using the same function as the build. With --evaluate, print repair accuracy as JSON instead."
        ),
    )
    p.add_argument(
        "--evaluate",
        action="store_true",
        help="score the repair on the hand-corrected reference and on damaged UD_Turkish-IMST test sentences",
    )
    p.add_argument("--ud", type=Path, default=Path(DEFAULT_UD["tr"]), help="UD_Turkish-IMST folder (for --evaluate)")
    p.add_argument("--save", type=Path, default=None, help="with --evaluate: also write the JSON here")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.clean.lexicon import load_lexicon

    lexicon = load_lexicon()
    if args.evaluate:
        from kzcorpus.clean.report import repair_report
        from kzcorpus.io.jsonl import render_json

        text = render_json(repair_report(lexicon, args.ud))
        if args.save:
            from kzcorpus.io.atomic import write_text_atomic

            write_text_atomic(args.save, text)
        print(text, end="")
        return 0
    from kzcorpus.clean.restore import restore_text
    from kzcorpus.io.raw import decode_utf8

    data = sys.stdin.buffer.read()
    sys.stdout.write(restore_text(decode_utf8(data, "<stdin>"), lexicon))
    return 0
