"""Stance spans: who takes which position toward whom, marked on the cleaned text.

The scheme and its hard cases are in ``docs/stance-guidelines.md``; the actor vocabulary
is closed (ISO 3166-1 alpha-3 for states, a few organisation codes, ``AUTHOR``,
``OTHER`` with a note) so that counts and benchmarks never split one actor in two.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema, model_validator

from kzcorpus.schema.common import DOCUMENT_ID_PATTERN, DocumentId, Language, NonEmptyStr, StrictModel

_ISO_ALPHA3_CODES = """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
    BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
    COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
    FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
    HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
    LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
    MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
    PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
    SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
    TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
"""
ISO_ALPHA3 = frozenset(_ISO_ALPHA3_CODES.split())
"""ISO 3166-1 alpha-3 codes of current states and territories."""

ORGANISATIONS = ("EU", "NATO", "CSTO", "EAEU", "SCO", "UN", "WEST")
SPECIAL = ("AUTHOR", "OTHER")
ACTORS = frozenset(ISO_ALPHA3 | set(ORGANISATIONS) | set(SPECIAL))

Polarity = Literal["FAVOR", "AGAINST", "NEUTRAL"]
POLARITIES: tuple[Polarity, ...] = ("FAVOR", "AGAINST", "NEUTRAL")
GUIDELINE_VERSION = "1.1"
"""Version of ``docs/stance-guidelines.md`` that adjudicated and reviewed records follow."""

CASE_PATTERN = DOCUMENT_ID_PATTERN[:-1] + r":(\d+)-(\d+)$"
CaseId = Annotated[str, StringConstraints(pattern=CASE_PATTERN)]
"""``<document>:<start>-<end>``: a range of one document that a decision rules on."""

Provenance = Literal["agreed", "adjudicated", "reviewed"]
"""How a released label was decided. Every paragraph is read by two independent passes, so
there is no ``single-pass``: a label read once is refused (issue 18)."""


def check_actor(code: str) -> str:
    if code not in ACTORS:
        raise ValueError(
            f"unknown actor code {code!r}; expected an ISO 3166-1 alpha-3 code, one of "
            f"{', '.join(ORGANISATIONS + SPECIAL)}"
        )
    return code


Actor = Annotated[
    str,
    AfterValidator(check_actor),
    WithJsonSchema({"type": "string", "enum": sorted(ACTORS), "description": "Closed actor vocabulary."}),
]


class _Triple(StrictModel):
    """Offsets plus (holder, target, polarity): what every stance record shares."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=1)]
    holder: Actor
    target: Actor
    polarity: Polarity
    holder_note: str | None = None
    target_note: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> _Triple:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        for role, code, note in (("holder", self.holder, self.holder_note), ("target", self.target, self.target_note)):
            if code == "OTHER" and not note:
                raise ValueError(f"{role} OTHER needs {role}_note saying who")
        return self


class StanceSpan(_Triple):
    """One (holder, target, polarity) on a span of one paragraph of cleaned text, as one pass labelled it."""

    id: NonEmptyStr
    document: DocumentId
    text: NonEmptyStr = Field(description="Must equal the cleaned-text slice [start:end].")
    language: Language
    annotator: NonEmptyStr
    guideline_version: NonEmptyStr

    @model_validator(mode="after")
    def _text_length(self) -> StanceSpan:
        if len(self.text) != self.end - self.start:
            raise ValueError(f"text has {len(self.text)} characters but the span covers {self.end - self.start}")
        return self

    def key(self) -> tuple[str, int, int, str, str, str]:
        return (self.document, self.start, self.end, self.holder, self.target, self.polarity)


class DecidedRecord(_Triple):
    """A record an adjudicator or reviewer writes; document, text and language come from the case."""


class Decision(StrictModel):
    """One ruling on a case: keep pass A's records, pass B's, or replace them with new ones.

    In ``adjudication.jsonl`` a case is a disagreement cluster between the passes; in
    ``review.jsonl`` (decision ``custom`` only) it is a range of the labels after
    adjudication whose records are replaced, e.g. agreed records that a later guideline
    rule contradicts.
    """

    case: CaseId
    decision: Literal["a", "b", "custom"]
    records: tuple[DecidedRecord, ...] = ()
    rationale: NonEmptyStr
    adjudicator: NonEmptyStr

    @model_validator(mode="after")
    def _records_only_when_custom(self) -> Decision:
        if self.decision != "custom" and self.records:
            raise ValueError(f"decision {self.decision!r} keeps a pass's records; only 'custom' lists records")
        start, end = self.range
        for r in self.records:
            if r.start < start or r.end > end:
                raise ValueError(f"record {r.start}-{r.end} lies outside the case range {start}-{end}")
        return self

    @property
    def document(self) -> str:
        return self.case.rsplit(":", 1)[0]

    @property
    def range(self) -> tuple[int, int]:
        start, end = self.case.rsplit(":", 1)[1].split("-")
        return int(start), int(end)


class Scope(StrictModel):
    """The paragraphs (inclusive index ranges) the second pass labelled in full."""

    note: NonEmptyStr
    paragraphs: dict[DocumentId, tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]]]

    def covers(self, document: str, paragraph: int) -> bool:
        first, last = self.paragraphs.get(document, (0, -1))
        return first <= paragraph <= last


class TranslationLink(StrictModel):
    """A span of a translated abstract and the span(s) of the original abstract it renders."""

    span: NonEmptyStr = Field(description="Id of a final stance label in the translated abstract.")
    translation_of: Annotated[tuple[NonEmptyStr, ...], Field(min_length=1)]
    linker: NonEmptyStr
    note: str | None = None


LABEL_ID_PATTERN = DOCUMENT_ID_PATTERN[:-1] + r":\d+-\d+:[A-Z]+:[A-Z]+$"


def label_id(document: str, start: int, end: int, holder: str, target: str) -> str:
    """Stable id of a final label: the same span and pair keep their id across rebuilds."""
    return f"{document}:{start}-{end}:{holder}:{target}"


LABEL_FIELDS = (
    "id",
    "document",
    "language",
    "start",
    "end",
    "text",
    "holder",
    "holder_note",
    "target",
    "target_note",
    "polarity",
    "note",
    "sentences",
    "translation_of",
    "annotator",
    "guideline_version",
    "method",
    "provenance",
    "case",
)
"""Field order of a released label on disk and in the ``stance`` config (id first)."""


class StanceLabel(StanceSpan):
    """A released stance label: one record of ``annotations/stance.jsonl``, made by the build
    from the two passes, the adjudication and the review."""

    id: Annotated[str, StringConstraints(pattern=LABEL_ID_PATTERN)]
    sentences: Annotated[tuple[NonEmptyStr, ...], Field(min_length=1)] = Field(
        description="sent_id of every CoNLL-U sentence the span overlaps."
    )
    translation_of: tuple[NonEmptyStr, ...] = Field(
        default=(), description="Ids of the original-abstract labels this translated span renders."
    )
    method: Literal["language-model"] = Field(
        default="language-model",
        description="Made by a language model reading the text (AI annotators), not by a person.",
    )
    provenance: Provenance = Field(
        description="agreed (both passes), adjudicated or reviewed (see case); never single-pass."
    )
    case: CaseId | None = None

    @model_validator(mode="after")
    def _id_matches(self) -> StanceLabel:
        expected = label_id(self.document, self.start, self.end, self.holder, self.target)
        if self.id != expected:
            raise ValueError(f"id {self.id!r} does not match the record; expected {expected!r}")
        if (self.case is None) != (self.provenance == "agreed"):
            raise ValueError(f"provenance {self.provenance!r} {'needs' if self.case is None else 'takes no'} case")
        return self
