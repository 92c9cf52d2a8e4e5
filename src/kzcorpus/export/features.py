"""Column types of every Hugging Face config, in one light spec.

The spec is plain data (``"string"``/``"int64"`` leaves, :class:`Labels` for closed
vocabularies, dicts for structs, one-element lists for lists), so the build can write the
dataset card's ``dataset_info`` YAML without importing ``datasets``; :func:`to_features`
turns it into real ``datasets.Features``. A closed vocabulary is a ``ClassLabel``: the label
list travels with the data, and ``datasets`` stores each value as its index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from kzcorpus.errors import require
from kzcorpus.schema.clean import Role
from kzcorpus.schema.common import LANGUAGES
from kzcorpus.schema.stance import ACTORS, POLARITIES
from kzcorpus.schema.ud import DEPRELS, HF_UD_UPOS, UPOS_TAGS


@dataclass(frozen=True)
class Labels:
    """A closed vocabulary (``datasets.ClassLabel``): values are stored as indices."""

    names: tuple[str, ...]


Spec = str | Labels | dict[str, "Spec"] | list["Spec"]

_S = "string"
LANGUAGE = Labels(tuple(LANGUAGES))
POLARITY = Labels(tuple(POLARITIES))
ACTOR = Labels(tuple(sorted(ACTORS)))
UPOS = Labels(UPOS_TAGS)
DEPREL = Labels(DEPRELS)
_TITLES: Spec = {"tr": _S, "en": _S, "ru": _S}
_KEYWORDS: Spec = {"tr": [_S], "en": [_S], "ru": [_S]}

DOCUMENTS: dict[str, Spec] = {
    "id": _S,
    "source_file": _S,
    "raw_sha256": _S,
    "document_type": _S,
    "original_language": _S,
    "languages": [_S],
    "titles": _TITLES,
    "authors": [_S],
    "publication_date": _S,
    "venue": {"journal": _S, "volume": _S, "issue": _S, "pages": _S},
    "doi": _S,
    "url": _S,
    "license": _S,
    "copyright": _S,
    "keywords": _KEYWORDS,
    "relations": [{"type": _S, "target": _S, "note": _S}],
    "evidence": [
        {"field": _S, "document": _S, "start": "int64", "end": "int64", "line": "int64", "text": _S, "note": _S}
    ],
    "discrepancies": [_S],
    "notes": _S,
    "produced_by": {"method": _S, "agent": _S, "date": _S, "note": _S},
    "raw_text": _S,
    "text": _S,
}

PARAGRAPHS: dict[str, Spec] = {
    "document": _S,
    "index": "int64",
    "start": "int64",
    "end": "int64",
    "raw_start": "int64",
    "raw_end": "int64",
    "language": LANGUAGE,
    "role": Labels(get_args(Role)),
    "duplicate_of": {"document": _S, "index": "int64"},
    "text": _S,
}

FOOTNOTES: dict[str, Spec] = {
    "document": _S,
    "number": "int64",
    "text": _S,
    "marker_offset": "int64",
    "marker_raw_start": "int64",
    "marker_raw_end": "int64",
}

SENTENCES: dict[str, Spec] = {
    "id": _S,
    "document": _S,
    "paragraph": "int64",
    "language": LANGUAGE,
    "annotation": _S,
    "start": "int64",
    "end": "int64",
    "text": _S,
    "tokens": [_S],
    "token_starts": ["int64"],
    "token_ends": ["int64"],
    "words": [_S],
    "word_token": ["int64"],
    "lemmas": [_S],
    "upos": [UPOS],
    "xpos": [_S],
    "feats": [_S],
    "head": ["int64"],
    "deprel": [DEPREL],
}

UNIVERSAL_DEPENDENCIES: dict[str, Spec] = {
    "idx": _S,
    "text": _S,
    "tokens": [_S],
    "lemmas": [_S],
    "upos": [Labels(HF_UD_UPOS)],
    "xpos": [_S],
    "feats": [_S],
    "head": [_S],
    "deprel": [_S],
    "deps": [_S],
    "misc": [_S],
}
"""Exactly the schema of the Hub's ``universal_dependencies`` dataset (configs ``ud`` and
``ud_gold``), so code written for it runs unchanged."""

STANCE: dict[str, Spec] = {
    "id": _S,
    "document": _S,
    "language": LANGUAGE,
    "start": "int64",
    "end": "int64",
    "text": _S,
    "holder": ACTOR,
    "holder_note": _S,
    "target": ACTOR,
    "target_note": _S,
    "polarity": POLARITY,
    "note": _S,
    "sentences": [_S],
    "translation_of": [_S],
    "annotator": _S,
    "guideline_version": _S,
    "method": _S,
    "provenance": _S,
    "case": _S,
}

STANCE_SENTENCES: dict[str, Spec] = {
    "id": _S,
    "document": _S,
    "paragraph": "int64",
    "language": LANGUAGE,
    "text": _S,
    "stances": [{"holder": ACTOR, "target": ACTOR, "polarity": POLARITY}],
    "labels": [_S],
}

PARALLEL: dict[str, Spec] = {
    "id": _S,
    "document": _S,
    "segment": _S,
    "type": _S,
    "tr": _S,
    "en": _S,
    "ru": _S,
    "tr_ids": [_S],
    "en_ids": [_S],
    "ru_ids": [_S],
    "method": _S,
    "annotator": _S,
    "verified_by": _S,
    "note": _S,
}

SPLIT_COLUMNS: dict[str, Spec] = {"split": _S, "fold": "int64"}
"""Benchmark columns added to every sentence- and span-level config (kzcorpus.benchmark.splits)."""


def _class_label(spec: Labels) -> dict[str, Any]:
    return {"class_label": {"names": {str(i): n for i, n in enumerate(spec.names)}}}


def _yaml_item(name: str, spec: Spec) -> dict[str, Any]:
    if isinstance(spec, str):
        return {"name": name, "dtype": spec}
    if isinstance(spec, Labels):
        return {"name": name, "dtype": _class_label(spec)}
    if isinstance(spec, dict):
        return {"name": name, "struct": [_yaml_item(k, v) for k, v in spec.items()]}
    inner = spec[0]
    if isinstance(inner, str):
        return {"name": name, "list": inner}
    if isinstance(inner, Labels):
        return {"name": name, "list": _class_label(inner)}
    if isinstance(inner, dict):
        return {"name": name, "list": [_yaml_item(k, v) for k, v in inner.items()]}
    raise TypeError(f"nested lists are not used in kzcorpus features: {name}")


def to_yaml_list(features: dict[str, Spec]) -> list[dict[str, Any]]:
    """The ``features:`` list of a dataset card's ``dataset_info`` entry."""
    return [_yaml_item(name, spec) for name, spec in features.items()]


def to_features(features: dict[str, Spec]) -> Any:
    """Build ``datasets.Features`` (imported lazily) from the spec."""
    ds: Any = require("datasets")

    def convert(spec: Spec) -> Any:
        if isinstance(spec, str):
            return ds.Value(spec)
        if isinstance(spec, Labels):
            return ds.ClassLabel(names=list(spec.names))
        if isinstance(spec, dict):
            return {k: convert(v) for k, v in spec.items()}
        return ds.List(convert(spec[0]))

    return ds.Features({k: convert(v) for k, v in features.items()})
