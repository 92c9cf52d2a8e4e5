from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "add",
        help="add a document (raw file + metadata record) to a data root and rebuild every layer",
        description=(
            "Copy RAW_FILE into raw/ as <ID>.txt, add its manifest entry (size, hash, split, layout profile) and "
            "its metadata record to annotations/documents.jsonl, then run the build. Nothing changes if the "
            "metadata or the build fails. A dev or test document also needs gold UD passes "
            "(annotations/ud-gold/): the build refuses a dev/test document without them."
        ),
    )
    p.add_argument("raw_file", type=Path, metavar="RAW_FILE", help="the source text, UTF-8, byte for byte as received")
    p.add_argument("--id", required=True, help="document id (lowercase letters, digits, hyphens)")
    p.add_argument(
        "--metadata",
        type=Path,
        required=True,
        help="JSON file with one documents.jsonl record (id, source_file, raw_sha256 may be left out)",
    )
    p.add_argument("--split", default="train", help="benchmark split: train, dev or test (default: %(default)s)")
    p.add_argument("--layout", default="flat", help="layout profile: flat, pdf or web (default: %(default)s)")
    p.add_argument(
        "--lexicon-source",
        action="store_true",
        help="its Turkish letters are intact: its words may feed the repair lexicon (`kzcorpus models lexicon`)",
    )
    p.add_argument("--source-file", default=None, help="name of the file as received (default: RAW_FILE's name)")
    p.add_argument("--root", type=Path, default=None, help="data root (default: the shipped data)")
    p.add_argument("--no-build", action="store_true", help="only add the files; run `kzcorpus build` later")
    p.add_argument(
        "--reuse-annotation",
        action="store_true",
        help="build without Stanza (the new document then has no CoNLL-U layer until a full build)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kzcorpus.add import NewDocument, add_document, read_metadata_file
    from kzcorpus.paths import data_root

    new = NewDocument(
        id=args.id,
        raw_file=args.raw_file,
        metadata=read_metadata_file(args.metadata),
        split=args.split,
        layout=args.layout,
        lexicon_source=args.lexicon_source,
        source_file=args.source_file,
        metadata_file=args.metadata,
    )
    written = add_document(
        args.root or data_root(),
        new,
        build=not args.no_build,
        annotate=not args.reuse_annotation,
        progress=sys.stderr.isatty(),  # progress bars on a terminal only
    )
    for path in written:
        print(f"wrote {path}")
    print(f"added {args.id}" + ("" if args.no_build else " and rebuilt the corpus"))
    return 0
