"""Annotation throughput of the shipped Stanza models, end to end from raw text.

Usage::

    python benchmarks/bench_annotate.py [--langs tr en] [--sentences 300]
        [--batch-sizes default 100 1000 5000] [--threads 2] [--out bench.json]

For each language the raw text of the first ``--sentences`` sentences of the UD test
set is annotated (tokenize, mwt, pos, lemma, depparse) once as warm-up on a small slice
and then timed; tokens/s counts the tokens the pipeline produced. ``--batch-sizes``
sets Stanza's ``batch_size`` of mwt/pos/lemma/depparse (``default`` = Stanza's own).
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
TEST = {
    "tr": REPO.parent / "shared" / "ud" / "UD_Turkish-IMST" / "tr_imst-ud-test.conllu",
    "en": REPO.parent / "shared" / "ud" / "UD_English-EWT" / "en_ewt-ud-test.conllu",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", nargs="+", default=["tr", "en"])
    ap.add_argument("--sentences", type=int, default=300)
    ap.add_argument("--batch-sizes", nargs="+", default=["default", "100", "1000", "5000"])
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's)")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)

    import torch

    from kzcorpus.models.evaluate import _first_sentences, raw_text
    from kzcorpus.models.pipeline import load_pipeline

    if args.threads:
        torch.set_num_threads(args.threads)
    results = []
    for lang in args.langs:
        with tempfile.TemporaryDirectory() as tmp:
            gold = _first_sentences(TEST[lang], args.sentences, Path(tmp) / "g.conllu")
            text = raw_text(gold)
        for bs in args.batch_sizes:
            batch = None if bs == "default" else int(bs)
            t0 = time.perf_counter()
            nlp, prov = load_pipeline(lang, batch_size=batch)
            load_s = time.perf_counter() - t0
            nlp(text[:2000])  # warm-up
            best = None
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                doc = nlp(text)
                elapsed = time.perf_counter() - t0
                best = elapsed if best is None else min(best, elapsed)
            tokens = sum(len(s.tokens) for s in doc.sentences)
            row = {
                "lang": lang,
                "batch_size": bs,
                "sentences": args.sentences,
                "tokens": tokens,
                "chars": len(text),
                "seconds": round(best, 3),
                "tokens_per_s": round(tokens / best, 1),
                "load_s": round(load_s, 2),
            }
            results.append(row)
            print(json.dumps(row), flush=True)
    report = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "versions": prov["versions"],
        "results": results,
    }
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
