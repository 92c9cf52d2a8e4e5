"""Full build time and annotation throughput, and how time grows with input size.

Usage::

    python benchmarks/bench_build.py [--scales 1 4 16] [--out bench_build.json]

1. The full build (clean → annotate → validate → export) into a temporary data root made
   from the shipped inputs, timed end to end.
2. The annotation stage alone over every cleaned paragraph repeated 1x, 4x and 16x
   (models loaded once, outside the timing): seconds, tokens/s, and seconds per 1x, so
   that linear growth shows as a flat last column.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def full_build_seconds() -> float:
    from kzcorpus.build import build, copy_inputs

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copy_inputs(REPO, root)
        t0 = time.perf_counter()
        build(root)
        return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", nargs="+", type=int, default=[1, 4, 16])
    ap.add_argument("--skip-build", action="store_true", help="only the scaling runs")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)

    from tqdm import tqdm  # type: ignore[import-untyped]

    from kzcorpus.annotate.corpus import CorpusAnnotator
    from kzcorpus.io.cleaned import load_cleaned

    report: dict[str, object] = {
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0]},
    }
    if not args.skip_build:
        report["full_build_seconds"] = round(full_build_seconds(), 1)
        print(json.dumps({"full_build_seconds": report["full_build_seconds"]}), flush=True)

    cleaned = load_cleaned()
    paragraphs = [(lay, p) for _, lay in sorted(cleaned.items()) for p in lay.paragraphs]
    annotator = CorpusAnnotator()
    for lang_para in {p.language: (lay, p) for lay, p in paragraphs}.values():  # load every model first
        annotator.paragraph(lang_para[1], lang_para[0].paragraph_text(lang_para[1])[:200])
    rows = []
    base = None
    for scale in args.scales:
        tokens = 0
        t0 = time.perf_counter()
        for lay, p in tqdm(paragraphs * scale, desc=f"annotate x{scale}", unit="par"):
            tokens += sum(len(s.tokens) for s in annotator.paragraph(p, lay.paragraph_text(p)))
        secs = time.perf_counter() - t0
        base = base or secs / scale
        row = {
            "scale": scale,
            "paragraphs": len(paragraphs) * scale,
            "tokens": tokens,
            "seconds": round(secs, 1),
            "tokens_per_s": round(tokens / secs, 1),
            "seconds_per_1x": round(secs / scale, 2),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    report["annotation_scaling"] = rows
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
