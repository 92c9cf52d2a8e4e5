from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("show", help="print a document's cleaned text, optionally with its stance spans")
    p.add_argument("document", help="document id, e.g. russia-alliance-limits")
    p.add_argument("--stance", action="store_true", help="mark stance spans and list their labels")
    p.add_argument("--paragraph", type=int, default=None, help="only this paragraph (0-based index)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour by polarity")
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.errors import DataError
    from kzcorpus.io.cleaned import load_cleaned
    from kzcorpus.stance.labels import load_stance
    from kzcorpus.stance.show import iter_rendered

    cleaned = load_cleaned(args.root)
    layers = cleaned.get(args.document)
    if layers is None:
        raise DataError(f"unknown document {args.document!r}; expected one of {', '.join(sorted(cleaned))}")
    if args.paragraph is not None and not 0 <= args.paragraph < len(layers.paragraphs):
        raise DataError(
            f"{args.document} has paragraphs 0–{len(layers.paragraphs) - 1}; got --paragraph {args.paragraph}"
        )
    labels = [x for x in load_stance(args.root, cleaned) if x.document == args.document] if args.stance else []
    colour = use_colour(args.color, sys.stdout.isatty(), os.environ)
    for block in iter_rendered(layers, labels, args.paragraph, colour):
        print(block)
    return 0


def use_colour(choice: str, isatty: bool, environ: Mapping[str, str]) -> bool:
    """``always``/``never`` as asked; ``auto`` colours a terminal unless NO_COLOR is set
    (https://no-color.org: any non-empty value)."""
    if choice != "auto":
        return choice == "always"
    return isatty and not environ.get("NO_COLOR")
