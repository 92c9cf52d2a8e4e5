"""Run a shipped (or official) Stanza pipeline over paragraphs; return our sentence model.

One pipeline per language, built once; each paragraph is annotated on its own (the
paragraph is the unit the cleaning layer guarantees), with :class:`BoundaryFixer` as the
tokenizer's postprocessor so that tagging and parsing see corrected sentences, and the
language's rule-based repairs (:mod:`kzcorpus.annotate.fixes`) applied to each sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kzcorpus.annotate.fixes import fix_sentence
from kzcorpus.annotate.segment import BoundaryFixer
from kzcorpus.io.conllu import Token, Word
from kzcorpus.schema.common import annotated_by

STANZA_LANGUAGES = annotated_by("stanza")
MODEL_INPUT_MAP = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
"""What the model reads instead of curly quotes: IMST has none (675 ``'``, 0 ``’`` in train)
and the corpus has hundreds (``Rusya’nın``), which the tagger took for unknown nouns. The
map is one character for one, so offsets hold; forms keep the original characters."""


class StanzaAnnotator:
    """A Stanza pipeline plus its provenance record, for one language."""

    def __init__(self, lang: str, *, resources_dir: str | Path | None = None, batch_size: int | None = None) -> None:
        from kzcorpus.annotate import mwt_lexicon
        from kzcorpus.models.pipeline import load_pipeline, shipped_model_dir

        self.lang = lang
        # the lexicon follows the shipped tokenizer's treebank; official models go without
        lexicon = mwt_lexicon.load(shipped_model_dir(lang)) if resources_dir is None else None
        self.fixer = BoundaryFixer(lang, lexicon)
        self.nlp, self.provenance = load_pipeline(
            lang, resources_dir=resources_dir, batch_size=batch_size, tokenize_postprocessor=self.fixer
        )

    def __call__(self, text: str) -> list[list[Token]]:
        """Token lists per sentence, offsets relative to ``text`` (``fixer.joins``: the joins made)."""
        from kzcorpus.models.pipeline import restore_long_tokens

        model_text = text.translate(MODEL_INPUT_MAP)
        self.fixer.text = model_text
        doc = self.nlp(model_text)
        restore_long_tokens(doc, model_text)
        return [fix_sentence([_token(t, text) for t in s.tokens], self.lang) for s in doc.sentences]


def sort_feats(feats: str | None) -> str | None:
    """UD orders features case-insensitively (``Number`` before ``NumType``); Stanza does not."""
    if not feats:
        return feats
    return "|".join(sorted(feats.split("|"), key=str.lower))


def _original(form: str, model_token: str, token: str) -> str:
    """A word's form with the characters :data:`MODEL_INPUT_MAP` changed in its token put back."""
    back = {m: o for m, o in zip(model_token, token, strict=True) if m != o}
    return "".join(back.get(c, c) for c in form)


def _token(tok: Any, text: str) -> Token:
    original = text[tok.start_char : tok.end_char]
    single = len(tok.words) == 1
    words = tuple(
        Word(
            form=original if single else _original(w.text, tok.text, original),
            lemma=w.lemma,
            upos=w.upos,
            xpos=w.xpos,
            feats=sort_feats(w.feats),
            head=w.head,
            deprel=w.deprel,
        )
        for w in tok.words
    )
    return Token(form=original, start=tok.start_char, end=tok.end_char, words=words)
