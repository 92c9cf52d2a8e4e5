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
import sys
import time
from collections.abc import Iterator
from pathlib import Path

SEED = 1234


def treebank_files(ud: Path) -> list[Path]:
    """The charlm's Turkish files (``charlm_files`` in tools/train_gpu.py): one text for both."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_gpu import charlm_files

    return charlm_files(ud)["tr"]


def iter_sentences(path: Path) -> Iterator[list[str]]:
    """Lowercased syntactic words (multi-word token ranges and empty nodes skipped), read
    with the project's strict CoNLL-U reader."""
    from kzcorpus.io.conllu import iter_conllu

    for _, sentence in iter_conllu(path):
        yield [t["form"].lower() for t in sentence if isinstance(t["id"], int)]  # type: ignore[attr-defined]


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
