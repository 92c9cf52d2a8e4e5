"""Reference systems for every task, each writing a predictions file that ``evaluate`` scores.

Stance: the majority class of the training documents, and TF-IDF + logistic regression
(scikit-learn) trained on them: the train split, or for ``fold-k`` the other folds.
Tagging/parsing: the shipped Stanza models, run as the build runs them. Diacritics: the
identity (the broken text unchanged) and the shipped repair. Translation: copying the
source (a floor for chrF on names and numbers).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kzcorpus.benchmark.stance import sentence_items, span_items
from kzcorpus.corpus import Corpus, training_split
from kzcorpus.errors import require
from kzcorpus.io.jsonl import render_jsonl

TFIDF = {"ngram_range": (1, 2), "sublinear_tf": True, "min_df": 1}
LOGREG = {"C": 1.0, "max_iter": 2000}
"""Fixed hyper-parameters (not tuned on dev or test): scikit-learn defaults plus word bigrams."""


def _sentence_texts(corpus: Corpus) -> dict[str, str]:
    return {s.sent_id: s.text for ss in corpus.annotated.values() for s in ss}


def stance_examples(corpus: Corpus, unit: str, split: str) -> tuple[list[Any], list[str], list[str]]:
    """(item keys, classifier inputs, gold polarities) of a split; inputs name holder/target as tokens."""
    if unit == "span":
        labels = {x.id: x for x in corpus.stance}
        span = span_items(corpus.stance, corpus, split)
        keys: list[Any] = list(span)
        texts = [f"{labels[k].text} __holder_{labels[k].holder} __target_{labels[k].target}" for k in keys]
        return keys, texts, [span[k] for k in keys]
    sentences = _sentence_texts(corpus)
    pairs = sentence_items(corpus.stance, corpus, split)
    keys = list(pairs)
    return keys, [f"{sentences[s]} __target_{t}" for s, t in keys], [pairs[k] for k in keys]


def _stance_rows(unit: str, keys: Sequence[Any], polarities: Sequence[str]) -> list[dict[str, Any]]:
    if unit == "span":
        return [{"id": k, "polarity": p} for k, p in zip(keys, polarities, strict=True)]
    return [{"sentence": s, "target": t, "polarity": p} for (s, t), p in zip(keys, polarities, strict=True)]


def majority(corpus: Corpus, unit: str, split: str) -> str:
    _, _, train_gold = stance_examples(corpus, unit, training_split(split))
    top = sorted(Counter(train_gold).items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    keys, _, _ = stance_examples(corpus, unit, split)
    return render_jsonl(_stance_rows(unit, keys, [top] * len(keys)))


def tfidf_logreg(corpus: Corpus, unit: str, split: str) -> str:
    text: Any = require("sklearn.feature_extraction.text", "benchmark")
    linear: Any = require("sklearn.linear_model", "benchmark")
    _, train_x, train_y = stance_examples(corpus, unit, training_split(split))
    keys, x, _ = stance_examples(corpus, unit, split)
    vectorizer = text.TfidfVectorizer(**TFIDF)
    model = linear.LogisticRegression(**LOGREG).fit(vectorizer.fit_transform(train_x), train_y)
    return render_jsonl(_stance_rows(unit, keys, [str(p) for p in model.predict(vectorizer.transform(x))]))


def stanza_ud(corpus: Corpus, split: str) -> str:
    """The shipped Stanza pipelines over the split's Turkish and English paragraphs, as the build runs them."""
    from kzcorpus.annotate.corpus import annotate_corpus
    from kzcorpus.benchmark.ud import LANGUAGES
    from kzcorpus.io.conllu import render_file

    only = {
        d: replace(lay, paragraphs=[p for p in lay.paragraphs if p.language in LANGUAGES])
        for d, lay in corpus.cleaned.items()
        if corpus.in_split(d, split)
    }
    annotated = annotate_corpus(only, progress=sys.stderr.isatty())
    return "".join(render_file(s) for (_, lang), s in sorted(annotated.items()) if lang in LANGUAGES)


def floor_ud(corpus: Corpus, split: str) -> str:
    """The model-free floor (:mod:`kzcorpus.benchmark.floor`) trained on each language's treebank train file."""
    from kzcorpus.benchmark.floor import floor_sentence, train_floor
    from kzcorpus.benchmark.ud import shipped_sentences
    from kzcorpus.models import DEFAULT_UD
    from kzcorpus.models.train import treebank_files

    shipped = shipped_sentences(corpus, split)
    models = {
        lang: train_floor(treebank_files(Path(DEFAULT_UD[lang]), lang)["train"])
        for lang in {lg for lg, _ in shipped.values()}
    }
    return "".join(floor_sentence(sid, s.text, models[lang]) for sid, (lang, s) in shipped.items())


def identity_repair(corpus: Corpus) -> str:
    from kzcorpus.benchmark.diacritics import raw_input_text

    return raw_input_text(corpus.root)


def shipped_repair(corpus: Corpus) -> str:
    from kzcorpus.benchmark.diacritics import raw_input_text
    from kzcorpus.clean.lexicon import load_lexicon
    from kzcorpus.clean.restore import restore_text

    return restore_text(raw_input_text(corpus.root), load_lexicon(corpus.root))


def copy_source(corpus: Corpus, split: str, direction: str) -> str:
    from kzcorpus.benchmark.translation import translation_items

    items = translation_items(corpus, split, direction)
    return render_jsonl([{"id": k, "translation": src} for k, (src, _) in items.items()])


@dataclass(frozen=True)
class Baseline:
    name: str
    task: str
    predict: Callable[[Corpus, str, str], str]  # (corpus, split, direction) → predictions text


BASELINES: dict[str, Baseline] = {
    b.name: b
    for b in (
        Baseline("stance-span-majority", "stance-span", lambda c, s, d: majority(c, "span", s)),
        Baseline("stance-span-tfidf-lr", "stance-span", lambda c, s, d: tfidf_logreg(c, "span", s)),
        Baseline("stance-sentence-majority", "stance-sentence", lambda c, s, d: majority(c, "sentence", s)),
        Baseline("stance-sentence-tfidf-lr", "stance-sentence", lambda c, s, d: tfidf_logreg(c, "sentence", s)),
        Baseline("ud-stanza", "ud", lambda c, s, d: stanza_ud(c, s)),
        Baseline("ud-floor", "ud", lambda c, s, d: floor_ud(c, s)),
        Baseline("diacritics-identity", "diacritics", lambda c, s, d: identity_repair(c)),
        Baseline("diacritics-shipped-repair", "diacritics", lambda c, s, d: shipped_repair(c)),
        Baseline("translation-copy-source", "translation", lambda c, s, d: copy_source(c, s, d)),
    )
}
