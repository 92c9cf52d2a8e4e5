"""``kzcorpus export`` and ``kzcorpus lookup``: the released rows, streamed or by id."""

from __future__ import annotations

import argparse
import sys
from typing import Any

FORMATS = ("jsonl", "tsv", "conllu")


def register(subparsers: Any) -> None:
    from kzcorpus.benchmark.splits import SPLITS
    from kzcorpus.registry import CONFIG_FEATURES

    e = subparsers.add_parser(
        "export",
        help="stream a config's rows (a split, chosen fields) as JSON Lines, TSV or CoNLL-U",
        description="Print the rows of a dataset config to stdout.",
    )
    e.add_argument("config", choices=list(CONFIG_FEATURES))
    e.add_argument("--split", choices=SPLITS, default=None, help="one split (default: all, in train, dev, test order)")
    e.add_argument("--format", choices=FORMATS, default="jsonl", help="conllu: sentences and sentences_gold only")
    e.add_argument("--fields", default=None, help="comma-separated fields to keep (jsonl, tsv)")
    e.set_defaults(func=_cmd_export)
    lk = subparsers.add_parser(
        "lookup",
        help="print the record with this id: a document, sentence, stance label or alignment link",
        description="Print, as JSON, every config's row with the given id.",
    )
    lk.add_argument("id", help="e.g. china-economic-relations-p3-s1, a stance label id, or a link id")
    lk.add_argument("--format", choices=("json", "conllu"), default="json", help="conllu: a sentence's CoNLL-U")
    lk.set_defaults(func=_cmd_lookup)


def _cmd_export(args: argparse.Namespace) -> int:
    from kzcorpus.errors import DataError
    from kzcorpus.export.rows import CONLLU_CONFIGS, iter_rows, row_to_conllu, select_fields, tsv_line
    from kzcorpus.io.jsonl import jsonl_line

    fields = [f.strip() for f in args.fields.split(",")] if args.fields else None
    rows = iter_rows(args.config, args.split)
    out = sys.stdout
    if args.format == "conllu":
        if args.config not in CONLLU_CONFIGS:
            raise DataError(f"--format conllu is for {' and '.join(CONLLU_CONFIGS)}, not {args.config!r}")
        if fields:
            raise DataError("--fields does not apply to --format conllu")
        for row in rows:
            if row["upos"] and any(u is not None for u in row["upos"]):  # Russian rows: tokens only
                out.write(row_to_conllu(row))
        return 0
    header = True
    for row in select_fields(rows, fields):
        if args.format == "jsonl":
            out.write(jsonl_line(row) + "\n")
        else:
            if header:
                out.write(tsv_line(row.keys()))
                header = False
            out.write(tsv_line(row.values()))
    return 0


def _cmd_lookup(args: argparse.Namespace) -> int:
    from kzcorpus.errors import DataError
    from kzcorpus.export.rows import CONLLU_CONFIGS, find_id, row_to_conllu
    from kzcorpus.io.jsonl import render_json

    found = find_id(args.id)
    if not found:
        raise DataError(
            f"no record with id {args.id!r}; ids look like <document> (documents), <document>-p<N>-s<N> "
            "(sentences), <document>:<start>-<end>:<holder>:<target> (stance) or <document>:<segment>:<N> (parallel)"
        )
    if args.format == "conllu":
        rows = [row for config, row in found if config in CONLLU_CONFIGS]
        if not rows:
            raise DataError(f"{args.id!r} is not a sentence; --format conllu prints sentences")
        for config, row in found:
            if config in CONLLU_CONFIGS:
                sys.stdout.write(f"# config = {config}\n" + row_to_conllu(row))
        return 0
    print(render_json([{"config": c, "row": r} for c, r in found]), end="")
    return 0
