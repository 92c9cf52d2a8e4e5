"""Document metadata: schema strictness, evidence checks and messages that point at the fault."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from kzcorpus.errors import DataError
from kzcorpus.io.documents import load_documents
from kzcorpus.io.raw import load_manifest
from kzcorpus.schema import DocumentMetadata

from .conftest import REPO

Case = tuple[Path, int]


def test_shipped_metadata_loads_and_every_fact_is_quoted() -> None:
    docs = {d.id: d for d in load_documents(REPO)}
    assert list(docs) == [e.id for e in load_manifest(REPO).files]
    for doc in docs.values():
        for ev in doc.metadata.evidence:
            assert docs[ev.document].raw_text[ev.start : ev.end] == ev.text
        assert doc.metadata.produced_by.method == "language-model"


def test_unknown_facts_stay_null() -> None:
    docs = {d.id: d.metadata for d in load_documents(REPO)}
    china = docs["china-economic-relations"]
    assert (china.authors, china.publication_date, china.doi, china.license) == ((), None, None, None)
    assert docs["balance-policy-2025"].publication_date is None
    assert docs["central-asia-kyiv-2025"].publication_date == "2025-10-25"
    assert docs["russia-alliance-limits"].license == "CC-BY-NC-ND-4.0"


def test_iad_record_relates_to_the_article() -> None:
    iad = next(d for d in load_documents(REPO) if d.id == "iad-record-russia-alliance-limits").metadata
    assert {(r.type, r.target) for r in iad.relations} == {
        ("bibliographic_record_of", "russia-alliance-limits"),
        ("repeats_abstract_of", "russia-alliance-limits"),
    }


def test_unknown_field(unknown_field_metadata: Case) -> None:
    root, line = unknown_field_metadata
    with pytest.raises(DataError, match=rf"documents\.jsonl:{line}, field 'publisher': unknown field"):
        load_documents(root)


def test_invalid_date(bad_date_metadata: Case) -> None:
    root, line = bad_date_metadata
    with pytest.raises(DataError, match=rf"documents\.jsonl:{line}, field 'publication_date': String should match"):
        load_documents(root)


def test_closed_vocabulary(bad_type_metadata: Case) -> None:
    root, line = bad_type_metadata
    with pytest.raises(DataError, match=rf":{line}, field 'document_type': Input should be 'journal_article'"):
        load_documents(root)


def test_fact_without_evidence(unsupported_fact_metadata: Case) -> None:
    root, line = unsupported_fact_metadata
    with pytest.raises(DataError, match=rf":{line}: Value error, no evidence for non-null fact\(s\): doi"):
        load_documents(root)


def test_misquoted_evidence(misquoted_evidence: Case) -> None:
    root, line = misquoted_evidence
    with pytest.raises(DataError, match=rf":{line}, field 'evidence\[1\]': text ' date 2025-10-25' does not match raw"):
        load_documents(root)


def test_relation_to_unknown_document(dangling_relation: Case) -> None:
    root, line = dangling_relation
    with pytest.raises(DataError, match=rf":{line}, field 'relations\[0\]\.target': target 'no-such-document'"):
        load_documents(root)


def test_raw_hash_must_match_manifest(hash_mismatch_metadata: Case) -> None:
    root, line = hash_mismatch_metadata
    with pytest.raises(DataError, match=rf":{line}, field 'raw_sha256': 0{{64}} differs from the manifest"):
        load_documents(root)


def test_every_document_needs_a_record(missing_record: Path) -> None:
    with pytest.raises(DataError, match=r"no metadata record for document 'central-asia-kyiv-2025'"):
        load_documents(missing_record)


def test_models_are_frozen() -> None:
    record = load_documents(REPO)[0].metadata
    with pytest.raises(ValidationError, match="frozen"):
        record.doi = "10.1/x"  # type: ignore[misc]


def test_year_only_date_is_not_padded() -> None:
    record = load_documents(REPO)[0].metadata.model_dump()
    record.update(
        publication_date="2025",
        evidence=[
            *record["evidence"],
            {"field": "publication_date", "document": record["id"], "start": 0, "end": 4, "line": 1, "text": "Kaza"},
        ],
    )
    assert DocumentMetadata.model_validate(record).publication_date == "2025"
    record["publication_date"] = "2025-13"
    with pytest.raises(ValidationError, match="publication_date"):
        DocumentMetadata.model_validate(record)
