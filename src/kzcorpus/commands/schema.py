from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("schema", help="write (or --check) the JSON Schemas generated from the models")
    p.add_argument("--out", type=Path, default=None, help="directory (default: the shipped schemas/)")
    p.add_argument("--check", action="store_true", help="exit 1 if the files differ from the models")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.export.schemas import schema_files
    from kzcorpus.io.atomic import write_text_atomic
    from kzcorpus.paths import schemas_dir

    out = args.out or schemas_dir()
    stale = []
    for name, text in schema_files().items():
        path = out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        elif write_text_atomic(path, text):
            print(f"wrote {path}")
    for path in stale:
        print(f"error: {path}: differs from the pydantic models; run `kzcorpus schema`", file=sys.stderr)
    return 1 if stale else 0
