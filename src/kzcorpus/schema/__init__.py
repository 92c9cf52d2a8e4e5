"""Pydantic models of every record type; the root of the import graph."""

from kzcorpus.schema.common import LANGUAGES, Language, ProducedBy, StrictModel
from kzcorpus.schema.document import DocumentMetadata, Evidence, Keywords, Relation, Titles, Venue
from kzcorpus.schema.manifest import Manifest, ManifestEntry

RECORD_TYPES: dict[str, type[StrictModel]] = {
    "document": DocumentMetadata,
    "manifest": Manifest,
}
"""Record types that get a JSON Schema file in schemas/ (``<name>.schema.json``)."""

__all__ = [
    "LANGUAGES",
    "RECORD_TYPES",
    "DocumentMetadata",
    "Evidence",
    "Keywords",
    "Language",
    "Manifest",
    "ManifestEntry",
    "ProducedBy",
    "Relation",
    "StrictModel",
    "Titles",
    "Venue",
]
