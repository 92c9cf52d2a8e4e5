"""Turkish word vectors made here, for issue 15's "embeddings made here" experiment.

fastText skip-gram vectors (gensim; subword n-grams 2-5, so rare Turkish forms share their
suffixes' vectors) on the words of every Turkish treebank in ../shared/ud except IMST dev
and test, which score the models: the same text as the character language model of
docs/training/2026-11-30-h200. Words are lowercased with ``str.lower`` because that is how
Stanza looks a word up in a pretrain (``stanza/models/pos/data.py``).

Writes a word2vec text file (``<count> <dim>`` header, one word per line) that Stanza's
tagger and parser read with ``--wordvec_file``, converting it to their pretrain format.
With two worker threads gensim is not bit-reproducible (its docs: one worker and a fixed
PYTHONHASHSEED for that): a rerun gives other vectors from the same recipe.
The run and its result are in models/tr/notes.md (2026-11-30, session 10).

Usage: python tools/wordvec.py --ud ../shared/ud --out tr_kz_ft100.vec [--dim 100]
needs: pip install gensim
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path

HELD_OUT = {"tr_imst-ud-dev.conllu", "tr_imst-ud-test.conllu"}
SEED = 1234


def treebank_files(ud: Path) -> list[Path]:
    return [p for p in sorted(ud.glob("UD_Turkish-*/*.conllu")) if p.name not in HELD_OUT]


def iter_sentences(path: Path) -> Iterator[list[str]]:
    """Lowercased syntactic words (multi-word token ranges and empty nodes skipped)."""
    words: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    words.append(cols[1].lower())
    if words:
        yield words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, default=Path("../shared/ud"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=20)
    args = ap.parse_args()
    try:
        from gensim.models import FastText
    except ImportError:
        raise SystemExit("tools/wordvec.py needs gensim: pip install gensim") from None

    sents = [s for p in treebank_files(args.ud) for s in iter_sentences(p)]
    print(f"{len(sents)} sentences, {sum(map(len, sents))} words", flush=True)
    start = time.time()
    model = FastText(vector_size=args.dim, window=5, min_count=1, sg=1, min_n=2, max_n=5, workers=2, seed=SEED)
    model.build_vocab(corpus_iterable=sents)
    model.train(corpus_iterable=sents, total_examples=len(sents), epochs=args.epochs)
    words = [w for w in model.wv.index_to_key if not any(c.isspace() for c in w)]
    tmp = args.out.with_name(args.out.name + ".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {args.dim}\n")
        for w in words:
            fh.write(w + " " + " ".join(f"{x:.5f}" for x in model.wv[w]) + "\n")
    tmp.replace(args.out)
    print(f"{len(words)} vectors of {args.dim} in {time.time() - start:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
