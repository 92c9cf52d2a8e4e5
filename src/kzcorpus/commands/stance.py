"""``kzcorpus stance check``: check a stance pass file while it is being written."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

_SCOPE = re.compile(r"^(?P<doc>[a-z0-9-]+):(?P<first>\d+)-(?P<last>\d+)$")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("stance", help="tools for stance annotators (check a pass file)")
    sub = p.add_subparsers(dest="stance_command", required=True, metavar="ACTION")
    c = sub.add_parser(
        "check",
        help="check a stance pass file: schema, offsets, text slices, paragraphs, duplicates",
        description="Every problem of a stance pass file (JSON Lines of stance records), with its line.",
    )
    c.add_argument("file", type=Path)
    c.add_argument(
        "--scope",
        action="append",
        default=[],
        help="DOCUMENT:FIRST-LAST paragraph range the records must fall in (repeatable)",
    )
    c.set_defaults(func=_cmd_check)


def _cmd_check(args: argparse.Namespace) -> int:
    from kzcorpus.errors import DataError
    from kzcorpus.io.cleaned import load_cleaned
    from kzcorpus.io.jsonl import read_located
    from kzcorpus.schema.stance import StanceSpan
    from kzcorpus.stance.labels import find_paragraph, iter_duplicate_problems, iter_span_problems

    scopes = []
    for item in args.scope:
        m = _SCOPE.match(item)
        if m is None:
            raise DataError(f"--scope {item!r}: expected DOCUMENT:FIRST-LAST, e.g. russia-alliance-limits:17-40")
        scopes.append((m["doc"], int(m["first"]), int(m["last"])))
    records = read_located(args.file, StanceSpan)
    cleaned = load_cleaned()
    problems = list(iter_span_problems(records, cleaned))
    problems += iter_duplicate_problems(records, overlapping=False)
    for loc in records:
        s = loc.record
        para = find_paragraph(cleaned[s.document], s.start, s.end) if s.document in cleaned else None
        if (
            scopes
            and para is not None
            and not any(s.document == d and first <= para.index <= last for d, first, last in scopes)
        ):
            problems.append(f"{loc.where}: record {s.id} is in paragraph {para.index}, outside the given scope")
    for p in problems:
        print(p)
    print(f"{len(records)} record(s): {len(problems)} problem(s)")
    sys.stdout.flush()
    return 0 if not problems else 1
