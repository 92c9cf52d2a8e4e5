"""Stance spans: who takes which position toward whom, marked on the cleaned text.

The scheme and its hard cases are in ``docs/stance-guidelines.md``; the actor vocabulary
is closed (ISO 3166-1 alpha-3 for states, a few organisation codes, ``AUTHOR``,
``OTHER`` with a note) so that counts and benchmarks never split one actor in two.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from kzcorpus.schema.common import DocumentId, Language, NonEmptyStr, StrictModel

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
GUIDELINE_VERSION = "1.0"


def check_actor(code: str) -> str:
    if code not in ACTORS:
        raise ValueError(
            f"unknown actor code {code!r}; expected an ISO 3166-1 alpha-3 code, one of "
            f"{', '.join(ORGANISATIONS + SPECIAL)}"
        )
    return code


class StanceSpan(StrictModel):
    """One (holder, target, polarity) on a span of one paragraph of cleaned text."""

    id: NonEmptyStr
    document: DocumentId
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=1)]
    text: NonEmptyStr = Field(description="Must equal the cleaned-text slice [start:end].")
    language: Language
    holder: NonEmptyStr
    target: NonEmptyStr
    polarity: Polarity
    holder_note: str | None = None
    target_note: str | None = None
    annotator: NonEmptyStr
    guideline_version: NonEmptyStr
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> StanceSpan:
        check_actor(self.holder)
        check_actor(self.target)
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"text has {len(self.text)} characters but the span covers {self.end - self.start}")
        for role, code, note in (("holder", self.holder, self.holder_note), ("target", self.target, self.target_note)):
            if code == "OTHER" and not note:
                raise ValueError(f"{role} OTHER needs {role}_note saying who")
        return self

    def key(self) -> tuple[str, int, int, str, str, str]:
        return (self.document, self.start, self.end, self.holder, self.target, self.polarity)
