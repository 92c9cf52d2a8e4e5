"""Offline Stanza models for Turkish and English: training, loading, scoring.

Kept import-light: stanza, torch and udtools are imported inside the functions that
need them. See :mod:`kzcorpus.models.pipeline` for loading and
:mod:`kzcorpus.models.train` for the reproducible training driver.
"""

from __future__ import annotations

from kzcorpus.schema.common import annotated_by

LANGS = annotated_by("stanza")
"""The languages with shipped models (see :data:`kzcorpus.schema.common.ANNOTATOR`)."""

# One UD treebank per language; its shorthand is both Stanza's model prefix and the
# treebank's file prefix (``tr_imst-ud-train.conllu``).
TREEBANKS: dict[str, dict[str, str]] = {
    "tr": {"treebank": "UD_Turkish-IMST", "shorthand": "tr_imst"},
    "en": {"treebank": "UD_English-EWT", "shorthand": "en_ewt"},
}

DEFAULT_UD: dict[str, str] = {lang: f"../shared/ud/{TREEBANKS[lang]['treebank']}" for lang in LANGS}
"""Where training, the floor baseline and the repair evaluation look for each treebank by
default: a ``shared/ud/`` folder beside the repository."""

CHARLMS = {"forward_charlm": "forward", "backward_charlm": "backward"}
"""Character language models (Stanza's charlm) a tagger or parser can read: records of
their own in training.json beside the processors', made by ``stanza.models.charlm``."""
CHARLM_MODULE = "stanza.models.charlm"

MWT_LEXICON_FILE = "mwt_lexicon.tsv"
"""Beside a language's models: which forms its treebank makes multi-word tokens
(:mod:`kzcorpus.annotate.mwt_lexicon`); part of the models' provenance."""

__all__ = ["CHARLMS", "CHARLM_MODULE", "DEFAULT_UD", "LANGS", "MWT_LEXICON_FILE", "TREEBANKS"]
