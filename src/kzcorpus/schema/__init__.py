"""Pydantic models of every record type; the root of the import graph."""

from kzcorpus.schema.benchmark import SentencePrediction, SpanPrediction, TranslationPrediction
from kzcorpus.schema.clean import CleanedText, Footnote, Paragraph, ParagraphRef, Removed, Role
from kzcorpus.schema.common import LANGUAGES, Language, ProducedBy, StrictModel
from kzcorpus.schema.document import DocumentMetadata, Evidence, Keywords, Relation, Titles, Venue
from kzcorpus.schema.manifest import Manifest, ManifestEntry
from kzcorpus.schema.parallel import AlignmentLink
from kzcorpus.schema.stance import Decision, Scope, StanceLabel, StanceSpan, TranslationLink

RECORD_TYPES: dict[str, type[StrictModel]] = {
    "document": DocumentMetadata,
    "manifest": Manifest,
    "cleaning": CleanedText,
    "paragraph": Paragraph,
    "footnote": Footnote,
    "removed": Removed,
    "stance-pass": StanceSpan,
    "stance-scope": Scope,
    "stance-decision": Decision,
    "stance-translation": TranslationLink,
    "stance": StanceLabel,
    "alignment": AlignmentLink,
    "prediction-stance-span": SpanPrediction,
    "prediction-stance-sentence": SentencePrediction,
    "prediction-translation": TranslationPrediction,
}
"""Record types that get a JSON Schema file in schemas/ (``<name>.schema.json``)."""

__all__ = [
    "LANGUAGES",
    "RECORD_TYPES",
    "AlignmentLink",
    "CleanedText",
    "Decision",
    "DocumentMetadata",
    "Evidence",
    "Footnote",
    "Keywords",
    "Language",
    "Manifest",
    "ManifestEntry",
    "Paragraph",
    "ParagraphRef",
    "ProducedBy",
    "Relation",
    "Removed",
    "Role",
    "Scope",
    "SentencePrediction",
    "SpanPrediction",
    "StanceLabel",
    "StanceSpan",
    "StrictModel",
    "Titles",
    "TranslationLink",
    "TranslationPrediction",
    "Venue",
]
