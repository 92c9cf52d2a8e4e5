"""Seeded samples for the hand-checked quality references.

The samples are drawn from the cleaned paragraphs alone (never from the system's output),
so a reference made from them is independent of the segmenter being measured; the seed
and budgets are constants, so anyone can redraw the same sample.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator

from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, paragraph_id, split_sentence_id
from kzcorpus.schema.clean import Paragraph

SAMPLE_SEED = 20261122
SENTENCE_SAMPLE_CHARS = {"tr": 16000, "en": 6500, "ru": 10**9}
"""Characters of paragraph text to draw per language (about 150+ sentences in all; every
Russian paragraph, since the corpus has only one Russian abstract)."""


def iter_candidate_paragraphs(cleaned: dict[str, CleanedLayers]) -> Iterator[Paragraph]:
    """Every paragraph with text of its own (the IAD abstract duplicates the article's)."""
    for doc_id in sorted(cleaned):
        for p in cleaned[doc_id].paragraphs:
            if p.duplicate_of is None and p.end > p.start:
                yield p


def sample_paragraphs(
    paragraphs: Iterable[Paragraph], budgets: dict[str, int] = SENTENCE_SAMPLE_CHARS, seed: int = SAMPLE_SEED
) -> list[Paragraph]:
    """Shuffle each language's paragraphs with ``seed`` and take them until its budget is spent."""
    by_lang: dict[str, list[Paragraph]] = {}
    for p in paragraphs:
        by_lang.setdefault(p.language, []).append(p)
    rng = random.Random(seed)
    chosen: list[Paragraph] = []
    for lang in sorted(by_lang):
        pool = list(by_lang[lang])
        rng.shuffle(pool)
        used = 0
        for p in pool:
            if used >= budgets.get(lang, 0):
                break
            chosen.append(p)
            used += p.end - p.start
    return sorted(chosen, key=lambda p: (p.document, p.index))


UPOS_SAMPLE_WORDS = 300


def _draw_key(seed: int, item_id: str) -> str:
    return hashlib.sha256(f"{seed}:{item_id}".encode()).hexdigest()


def sample_sentences(
    sentences: Iterable[Sentence], body_ids: set[str], min_words: int = UPOS_SAMPLE_WORDS, seed: int = SAMPLE_SEED
) -> list[Sentence]:
    """Whole sentences of Turkish body text in seeded hash order of their ids, until ``min_words`` words.

    Whole sentences rather than loose words, so that the hand-corrected sample can also be
    scored with the CoNLL 2018 scorer. Ordering by a hash of each id (not a shuffle of
    the list) keeps the draw stable when sentences elsewhere in the corpus change.
    ``body_ids``: the paragraph ids of body paragraphs.
    """
    pool = sorted(
        (s for s in sentences if paragraph_id(*split_sentence_id(s.sent_id)[:2]) in body_ids),
        key=lambda s: _draw_key(seed, s.sent_id),
    )
    chosen: list[Sentence] = []
    words = 0
    for s in pool:
        if words >= min_words:
            break
        chosen.append(s)
        words += s.word_count()
    return chosen
