"""``dataset/croissant.json``: a Croissant 1.0 description (with its Responsible-AI fields).

Written from the same data files and feature spec as the dataset card, so the three never
disagree: one ``FileObject`` per JSON Lines file (with its SHA-256), one ``RecordSet`` per
config and split with a field per column. ``mlcroissant`` validates it offline (tested).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from kzcorpus import RELEASE_DATE
from kzcorpus.export.features import Labels, Spec
from kzcorpus.io.jsonl import render_json
from kzcorpus.registry import CONFIG_FEATURES
from kzcorpus.schema.common import LANGUAGES

CROISSANT_FILE = "croissant.json"
_CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
    "samplingRate": "cr:samplingRate",
    "equivalentProperty": "cr:equivalentProperty",
}

RAI = {
    "rai:dataCollection": (
        "Five published texts on Kazakhstan's foreign policy (two Turkish journal articles with English and Russian "
        "abstracts, an academic index record, two Turkish news texts), received as plain-text extractions and kept "
        "byte for byte in raw/."
    ),
    "rai:dataCollectionType": "Secondary data: found, published texts.",
    "rai:dataPreprocessingProtocol": (
        "Rule-based cleaning with an offset map back to the raw characters (page furniture, footnotes and web "
        "boilerplate moved to their own layers, PDF-split Turkish letters repaired by a lexicon and morphology "
        "model); every change is recorded and reversible."
    ),
    "rai:dataAnnotationProtocol": (
        "Automatic layer: Stanza models trained offline on UD_Turkish-IMST and UD_English-EWT (names, versions and "
        "hashes in each CoNLL-U header). Gold UD layer, stance labels, sentence alignment and the hand-made "
        "references: made by reading, by AI annotators (sessions of a language model, not humans), following "
        "written guidelines (docs/ud-guidelines.md, docs/stance-guidelines.md); gold UD and stance in two "
        "independent passes with every disagreement adjudicated by a third reader with a recorded rationale."
    ),
    "rai:dataAnnotationPlatform": "Language-model sessions reading plain text and writing CoNLL-U or JSON Lines.",
    "rai:dataAnnotationAnalysis": (
        "Inter-annotator agreement of the two passes (CoNLL 2018 scorer for UD; span F1 and Cohen's kappa for "
        "stance) and the automatic layer's scores on the gold layer are in the dataset card; because all "
        "annotators are instances of one model, agreement is likely higher than between human annotators."
    ),
    "rai:annotationsPerItem": (
        "Two independent passes plus adjudication (gold UD, stance); one reader plus one verifier (alignment)."
    ),
    "rai:annotatorDemographics": "No human annotators: AI annotators (a language model).",
    "rai:dataBiases": (
        "All five texts were written in Turkey, in Turkish; they present Kazakhstan's relations mainly with Russia "
        "and China from that perspective. The stance labels describe what these texts say, not a balanced sample "
        "of views."
    ),
    "rai:dataLimitations": (
        "Five documents; the test split is one article. The automatic UD layer has known error classes measured "
        "against the gold layer. Source licences are non-commercial or unstated."
    ),
    "rai:dataUseCases": (
        "Benchmarking Turkish/English taggers and parsers on academic and news prose, stance detection toward "
        "states and organisations, small-scale translation evaluation, querying positions in the texts. Not for "
        "training large models or commercial use of the texts."
    ),
    "rai:dataSocialImpact": (
        "Positions attributed to states could be misread as facts about those states; every label links to its "
        "sentence so a reader can check it."
    ),
    "rai:personalSensitiveInformation": (
        "Names of living politicians in their public roles and of the journal articles' authors; no private "
        "individuals' data or sensitive categories are annotated."
    ),
    "rai:dataReleaseMaintenancePlan": "Versioned releases of the kzcorpus package; corrections via its issue tracker.",
}


def _data_type(spec: Spec) -> str:
    if isinstance(spec, Labels) or spec == "string":
        return "sc:Text"
    if spec == "int64":
        return "sc:Integer"
    return "sc:Text"  # lists and structs: the JSON value of the column


def _fields(record_set: str, file_id: str, features: Mapping[str, Spec]) -> list[dict[str, Any]]:
    out = []
    for name, spec in features.items():
        field: dict[str, Any] = {
            "@type": "cr:Field",
            "@id": f"{record_set}/{name}",
            "name": f"{record_set}/{name}",
            "dataType": _data_type(spec),
            "source": {"fileObject": {"@id": file_id}, "extract": {"column": name}},
        }
        if isinstance(spec, list):
            field["repeated"] = True
            field["dataType"] = _data_type(spec[0]) if not isinstance(spec[0], dict) else "sc:Text"
        if isinstance(spec, dict) or (isinstance(spec, list) and isinstance(spec[0], dict)):
            field["description"] = "A JSON object per row (see the dataset card for its keys)."
            field.pop("repeated", None)
            field["dataType"] = "sc:Text"
        if isinstance(spec, Labels):
            field["description"] = "One of: " + ", ".join(spec.names) + "."
        out.append(field)
    return out


def croissant(data: Mapping[str, str], version: str, citation: str) -> str:
    """The Croissant JSON-LD for the data files (``<config>/<split>.jsonl`` → content)."""
    distribution = []
    record_sets = []
    for rel, text in sorted(data.items()):
        config, _, name = rel.partition("/")
        if not name.endswith(".jsonl") or config not in CONFIG_FEATURES:
            continue
        split = name.removesuffix(".jsonl")
        file_id = rel
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": file_id,
                "name": file_id,
                "contentUrl": rel,
                "encodingFormat": "application/jsonlines",
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            }
        )
        rs_id = f"{config}_{split}"
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": rs_id,
                "name": rs_id,
                "description": f"Config {config}, split {split} (see the dataset card).",
                "field": _fields(rs_id, file_id, CONFIG_FEATURES[config]),
            }
        )
    doc = {
        "@context": _CONTEXT,
        "@type": "sc:Dataset",
        "name": "kzcorpus",
        "description": (
            "An annotated Turkish-English corpus on Kazakhstan's foreign policy (with one Russian abstract): cleaned "
            "text, sentences, automatic and gold Universal Dependencies layers, stance spans and aligned translations, "
            "every layer traceable by character offsets to the raw source."
        ),
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        # the sources carry different terms: the licence is the dataset's own terms file
        "license": "LICENSE.md",
        "version": version,
        "datePublished": RELEASE_DATE,
        "citeAs": citation,
        "inLanguage": list(LANGUAGES),
        "creator": {"@type": "sc:Organization", "name": "kzcorpus maintainers"},
        **RAI,
        "distribution": distribution,
        "recordSet": record_sets,
    }
    return render_json(doc)
