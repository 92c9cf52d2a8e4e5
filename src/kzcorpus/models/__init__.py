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

__all__ = ["DEFAULT_UD", "LANGS", "TREEBANKS"]
