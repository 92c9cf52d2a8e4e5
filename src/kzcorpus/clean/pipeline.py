"""Clean one document: repair → layout → paragraphs → footnote markers → layers.

The only entry point the build needs is :func:`clean_document`; it is pure (same raw
text and lexicon in, same layers out), which is what makes the shipped files
reproducible byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kzcorpus.clean.language import detect_language
from kzcorpus.clean.layout import get_profile
from kzcorpus.clean.layout.base import RemovedLine, assign_roles, join_group, split_lines
from kzcorpus.clean.lexicon import Lexicon
from kzcorpus.clean.restore import iter_repairs
from kzcorpus.clean.traced import Traced, apply_edits, concat, offset_segments
from kzcorpus.errors import DataError
from kzcorpus.io.cleaned import CleanedLayers, text_relpath
from kzcorpus.io.raw import sha256_bytes
from kzcorpus.schema import DocumentMetadata, ProducedBy
from kzcorpus.schema.clean import CleanedText, Footnote, Paragraph, ParagraphRef, Removed, Role, Segment

MARKER_RE = re.compile(r"(?<=[^\W\d_]|[.,;:!?”’\")])\d{1,3}(?=[\s.,;:)]|$)")
"""Digits glued to a word or punctuation: a footnote marker if it is the next number."""

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class CleanedDocument:
    text: str
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    removed: list[Removed]
    offset_map: list[Segment]
    repairs: int


def nfc(traced: Traced) -> Traced:
    """NFC, keeping offsets: each changed cluster (starter + combining marks) is replaced."""
    if unicodedata.is_normalized("NFC", traced.text):
        return traced
    edits, start = [], 0
    text = traced.text
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            cluster = text[start:i]
            norm = unicodedata.normalize("NFC", cluster)
            if norm != cluster:
                edits.append((start, i, norm))
            start = i
    return apply_edits(traced, edits)


def remove_markers(
    paragraphs: Sequence[Traced], roles: Sequence[Role], count: int
) -> tuple[list[Traced], list[tuple[int, int, int, int]]]:
    """Drop footnote markers 1, 2, 3, … in order from body text.

    Returns the new paragraphs and, per marker, (paragraph, offset, raw_start, raw_end).
    Only the expected next number counts as a marker, so ``%8,7`` or ``2022’de`` stay.
    Every note in 1..count must have its marker; markers may run past ``count`` when
    the source ends before the page that holds their notes.
    """
    expected = 1
    found: list[tuple[int, int, int, int]] = []
    out = []
    for pi, (para, role) in enumerate(zip(paragraphs, roles, strict=True)):
        if role not in ("body", "list_item", "quote") or (count == 0):
            out.append(para)
            continue
        edits: list[tuple[int, int, str]] = []
        for m in MARKER_RE.finditer(para.text):
            if int(m.group()) != expected:
                continue
            before = para.text[m.start() - 1]
            if not before.isalpha() and m.start() >= 2 and para.text[m.start() - 2].isdigit():
                continue  # 1.511, 3,2: a decimal, not a marker
            removed = sum(e - s for s, e, _ in edits)
            rs, re_ = para.raw_span(m.start(), m.end())
            found.append((pi, m.start() - removed, rs, re_))
            edits.append((m.start(), m.end(), ""))
            expected += 1
        out.append(apply_edits(para, edits))
    if expected <= count:
        raise DataError(f"footnote {expected} has a note but no marker in the body text (markers run 1..{count})")
    return out, found


def clean_document(meta: DocumentMetadata, raw: str, lexicon: Lexicon, profile: str) -> CleanedDocument:
    """``profile``: the document's layout profile (``layout`` in ``raw/manifest.json``)."""
    reader = get_profile(profile)
    repairs = list(iter_repairs(raw, lexicon))
    traced = apply_edits(Traced.from_raw(raw), [(r.start, r.end, r.replacement) for r in repairs])
    lines = split_lines(traced, raw)
    reader.check(lines)
    layout = reader.read(lines)
    groups = list(reader.paragraphs(layout.body))
    roles = assign_roles(groups, layout.roles, reader)
    paras = [nfc(join_group(g)) for g in groups]
    paras, markers = remove_markers(paras, roles, len(layout.footnotes))

    pieces: list[Traced] = []
    starts: list[int] = []
    pos = 0
    for i, para in enumerate(paras):
        if i:
            end = para.raw_span()[0]
            prev_end = paras[i - 1].raw_span()[1]
            pieces.append(Traced.inserted(PARAGRAPH_SEPARATOR, prev_end, max(prev_end, end)))
            pos += len(PARAGRAPH_SEPARATOR)
        starts.append(pos)
        pieces.append(para)
        pos += len(para)
    if paras:
        pieces.append(Traced.inserted("\n", len(raw), len(raw)))
    doc = concat(pieces)

    paragraphs = []
    for i, (para, role, start) in enumerate(zip(paras, roles, starts, strict=True)):
        rs, re_ = para.raw_span()
        paragraphs.append(
            Paragraph(
                document=meta.id,
                index=i,
                start=start,
                end=start + len(para),
                raw_start=rs,
                raw_end=re_,
                language=detect_language(para.text),
                role=role,
            )
        )
    footnotes = []
    for number, (pi, off, mrs, mre) in enumerate(markers, 1):
        draft = layout.footnotes[number - 1] if number <= len(layout.footnotes) else None
        note = nfc(join_group(draft.lines)) if draft else None
        footnotes.append(
            Footnote(
                document=meta.id,
                number=number,
                text=note.text if note else None,
                marker_offset=starts[pi] + off,
                marker_raw_start=mrs,
                marker_raw_end=mre,
                offset_map=list(offset_segments(note, raw)) if note else [],
            )
        )
    removed = [_removed_record(meta.id, r, raw) for r in layout.removed]
    return CleanedDocument(
        text=doc.text,
        paragraphs=paragraphs,
        footnotes=footnotes,
        removed=sorted(removed, key=lambda r: r.raw_start),
        offset_map=list(offset_segments(doc, raw)),
        repairs=len(repairs),
    )


def _removed_record(doc_id: str, item: RemovedLine, raw: str) -> Removed:
    rs, re_ = (item.part if item.part is not None else item.line.stripped()).raw_span()
    return Removed(
        document=doc_id, raw_start=rs, raw_end=re_, line=item.line.number, text=raw[rs:re_], reason=item.reason
    )


def provenance(morphology: str, version: str) -> ProducedBy:
    """Who made the cleaned layer; the lexicon's hash is a field of each record (``lexicon_sha256``)."""
    return ProducedBy(
        method="rule-based",
        agent=f"kzcorpus.clean {version}",
        note=(
            "layout rules (kzcorpus.clean.layout, the profile named in raw/manifest.json); diacritic repair with "
            f"the lexicon named by lexicon_sha256 and {morphology}; paragraph language and role checked against a "
            "hand-verified list (tests/data/paragraph_labels.tsv)"
        ),
    )


def to_layers(
    meta: DocumentMetadata, cleaned: CleanedDocument, produced_by: ProducedBy, lexicon_sha256: str
) -> CleanedLayers:
    record = CleanedText(
        document=meta.id,
        text_file=text_relpath(meta.id),
        text_sha256=sha256_bytes(cleaned.text.encode("utf-8")),
        characters=len(cleaned.text),
        paragraphs=len(cleaned.paragraphs),
        footnotes=len(cleaned.footnotes),
        removed=len(cleaned.removed),
        repairs=cleaned.repairs,
        lexicon_sha256=lexicon_sha256,
        produced_by=produced_by,
        offset_map=cleaned.offset_map,
    )
    return CleanedLayers(record, cleaned.text, cleaned.paragraphs, cleaned.footnotes, cleaned.removed)


def link_duplicates(metas: Sequence[DocumentMetadata], layers: dict[str, CleanedLayers]) -> None:
    """Mark paragraphs that repeat, word for word, a paragraph of a related document
    (``repeats_abstract_of``), so benchmark splits can keep the two together."""
    for meta in metas:
        for rel in meta.relations:
            if rel.type != "repeats_abstract_of" or rel.target not in layers:
                continue
            target = layers[rel.target]
            index = {target.paragraph_text(p): p.index for p in target.paragraphs}
            mine = layers[meta.id]
            found = False
            for i, p in enumerate(mine.paragraphs):
                hit = index.get(mine.paragraph_text(p))
                if hit is not None and p.role == "abstract":
                    mine.paragraphs[i] = p.model_copy(
                        update={"duplicate_of": ParagraphRef(document=rel.target, index=hit)}
                    )
                    found = True
            if not found:
                raise DataError(
                    f"{meta.id} declares {rel.type} {rel.target}, but no abstract paragraph of it has the same text"
                )
