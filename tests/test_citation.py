"""CITATION.cff is valid CFF 1.2.0 and agrees with the document metadata."""

from __future__ import annotations

import json

import jsonschema
import yaml

from kzcorpus.io.documents import load_documents

from .conftest import REPO


class _CffLoader(yaml.SafeLoader):
    """CFF dates are strings in the schema; PyYAML would turn them into date objects."""


_CffLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _cff() -> dict:
    return yaml.load((REPO / "CITATION.cff").read_text(encoding="utf-8"), Loader=_CffLoader)


def test_citation_cff_validates_against_the_official_schema() -> None:
    # tests/data/cff-1.2.0.schema.json is the CFF 1.2.0 schema (citation-file-format, CC BY 4.0).
    schema = json.loads((REPO / "tests" / "data" / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(_cff())


def test_references_agree_with_metadata() -> None:
    import kzcorpus

    cff = _cff()
    assert cff["version"] == kzcorpus.__version__
    meta = {d.id: d.metadata for d in load_documents(REPO)}
    refs = {r["title"]: r for r in cff["references"]}
    ral = meta["russia-alliance-limits"]
    ref = refs[ral.titles.tr]
    assert str(ref["doi"]) == ral.doi
    assert ref["date-published"] == ral.publication_date
    assert ref["license"] == ral.license
    assert [f"{a['given-names']} {a['family-names']}" for a in ref["authors"]] == list(ral.authors)
    assert f"{ref['start']}-{ref['end']}" == ral.venue.pages
    assert meta["china-economic-relations"].titles.tr in refs


def test_preferred_citation_is_the_dataset_with_its_terms() -> None:
    cff = _cff()
    assert cff["date-released"] and cff["license"] == "MIT"
    pref = cff["preferred-citation"]
    assert pref["type"] == "data" and pref["license"] == "CC-BY-4.0"
    assert "CC BY-NC-ND 4.0" in pref["notes"] and "MIT" in pref["notes"]
