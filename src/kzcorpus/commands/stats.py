from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("stats", help="documents, characters and languages as a table")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--layers", action="store_true", help="the size of every layer of the registry, as JSON")
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.io.documents import load_documents
    from kzcorpus.io.jsonl import render_json
    from kzcorpus.stats import as_json, corpus_stats, documents_per_language, markdown_table

    if args.layers:
        from kzcorpus.corpus import Corpus
        from kzcorpus.stats import layer_counts

        print(render_json(layer_counts(Corpus(args.root))), end="")
        return 0
    rows = corpus_stats(load_documents(args.root))
    if args.json:
        print(render_json(as_json(rows)), end="")
    else:
        print(markdown_table(rows), end="")
        print("documents per language: " + ", ".join(f"{k} {v}" for k, v in documents_per_language(rows).items()))
    return 0
