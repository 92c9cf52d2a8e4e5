"""``kzcorpus gold``: tools for the hand-annotated UD layer (check a pass, list differences)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "gold",
        help="check hand-written CoNLL-U and compare annotation passes (the gold UD layer)",
        description="Tools for the hand-annotated UD layer: strict checks for annotators and pass comparison.",
    )
    sub = p.add_subparsers(dest="gold_command", required=True, metavar="ACTION")
    c = sub.add_parser("check", help="check a hand-written CoNLL-U file (all problems, then the UD validator)")
    c.add_argument("file", type=Path)
    c.add_argument("--lang", required=True, help="language code for the UD validator (tr, en)")
    c.add_argument("--input", type=Path, default=None, help="the input sentences (# sent_id / # text blocks)")
    c.add_argument("--level", type=int, default=2, help="UD validator level (default 2)")
    c.set_defaults(func=_cmd_check)
    d = sub.add_parser("diff", help="list the differences between two passes as adjudication cases (JSON Lines)")
    d.add_argument("a", type=Path, help="pass A file")
    d.add_argument("b", type=Path, help="pass B file")
    d.set_defaults(func=_cmd_diff)
    m = sub.add_parser("merge", help="apply adjudication decisions to two passes and check the result")
    m.add_argument("a", type=Path, help="pass A file")
    m.add_argument("b", type=Path, help="pass B file")
    m.add_argument("--decisions", type=Path, required=True, help="adjudication JSON Lines")
    m.add_argument("--lang", required=True, help="language code for the UD validator (tr, en)")
    m.add_argument("--output", type=Path, default=None, help="write the merged CoNLL-U here")
    m.set_defaults(func=_cmd_merge)


def _cmd_check(args: argparse.Namespace) -> int:
    from kzcorpus.annotate.udcheck import validate_file
    from kzcorpus.udgold.check import check_text, read_expected

    expected = read_expected(args.input) if args.input else None
    blocks, probs = check_text(args.file.read_text(encoding="utf-8"), str(args.file), expected)
    for p in probs:
        print(p)
    result = validate_file(args.file, args.lang, args.level)
    n_ud = sum(result["errors"].values())
    for line in result["messages"]:
        print(f"udtools: {line}")
    print(
        f"{len(blocks)} sentences, {sum(len(b.words) for b in blocks)} words: {len(probs)} problem(s); "
        f"UD validator level {args.level}: {n_ud} error(s) {result['errors'] or ''}"
    )
    sys.stdout.flush()
    return 0 if not probs and n_ud == 0 else 1


def _cmd_diff(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kzcorpus.io.jsonl import jsonl_line
    from kzcorpus.udgold.check import read_checked
    from kzcorpus.udgold.diff import iter_cases

    a, b = read_checked(args.a), read_checked(args.b)
    n = 0
    for case in iter_cases(a, b):
        print(jsonl_line(asdict(case)))
        n += 1
    print(f"{n} case(s)", file=sys.stderr)
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    import tempfile

    from kzcorpus.annotate.udcheck import validate_file
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.io.jsonl import read_located
    from kzcorpus.schema.udgold import UdDecision
    from kzcorpus.udgold.check import check_text, read_checked, render_blocks
    from kzcorpus.udgold.merge import merge

    a, b = read_checked(args.a), read_checked(args.b)
    decisions = [loc.record for loc in read_located(args.decisions, UdDecision)]
    merged, probs = merge(a, b, decisions)
    for p in probs:
        print(f"{args.decisions}: {p}")
    text = render_blocks(merged)
    _, checks = check_text(text, "merged")
    for c in checks:
        print(c)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "merged.conllu"
        path.write_text(text, encoding="utf-8")
        result = validate_file(path, args.lang, 2)
    for line in result["messages"]:
        print(f"udtools: {line}")
    n_ud = sum(result["errors"].values())
    print(
        f"{len(decisions)} decision(s): {len(probs)} problem(s); merged file: {len(checks)} problem(s), "
        f"UD validator level 2: {n_ud} error(s)"
    )
    ok = not probs and not checks and n_ud == 0
    if ok and args.output:
        write_text_atomic(args.output, text)
    return 0 if ok else 1
