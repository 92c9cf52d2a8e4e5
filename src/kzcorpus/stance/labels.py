"""The released stance layer, made from the hand-made inputs in ``annotations/stance/``.

Order of precedence (each step recorded on the label as ``provenance``):

1. every paragraph is read by both passes (the second pass's scope covers the corpus); a
   first-pass record outside that scope is an error, so no released label is read once;
2. clusters where both passes agree keep pass A's records (``agreed``), and
   every other cluster takes the adjudicator's decision (``adjudicated``);
3. the review replaces every label inside each of its case ranges (``reviewed``).

Then each label gets its stable id, the sentences it overlaps and its translation links.
Every check names the offending record by file and line; nothing is dropped silently.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzcorpus.errors import DataError, KzCorpusError, Problem
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import Sentence, split_sentence_id
from kzcorpus.io.jsonl import Located
from kzcorpus.io.stance import LABELS, SCOPE, StanceInputs, iter_labels
from kzcorpus.schema.clean import Paragraph
from kzcorpus.schema.stance import (
    GUIDELINE_VERSION,
    DecidedRecord,
    Decision,
    Provenance,
    StanceLabel,
    StanceSpan,
    TranslationLink,
    label_id,
)
from kzcorpus.stance.adjudicate import Cluster, iter_clusters
from kzcorpus.stance.agreement import Agreement, agreement

AGREED_ANNOTATOR = "annotator-a+annotator-b"


def find_paragraph(layers: CleanedLayers, start: int, end: int) -> Paragraph | None:
    """The paragraph that holds [start, end) whole, or None."""
    starts = [p.start for p in layers.paragraphs]
    i = bisect.bisect_right(starts, start) - 1
    if i < 0:
        return None
    p = layers.paragraphs[i]
    return p if start >= p.start and end <= p.end else None


def span_problem(span: StanceSpan, cleaned: Mapping[str, CleanedLayers]) -> str | None:
    """Why a span does not fit the cleaned text (offsets, text, paragraph, language), or None."""
    layers = cleaned.get(span.document)
    if layers is None:
        return f"unknown document {span.document!r}"
    n = len(layers.text)
    if span.end > n:
        return f"offsets {span.start}-{span.end} fall outside the text ({n} characters)"
    para = find_paragraph(layers, span.start, span.end)
    if para is None:
        return f"offsets {span.start}-{span.end} are not inside one paragraph"
    if layers.text[span.start : span.end] != span.text:
        return f"text {span.text!r} does not equal the cleaned text there {layers.text[span.start : span.end]!r}"
    if span.language != para.language:
        return f"language {span.language!r} but paragraph {para.index} is {para.language!r}"
    return None


def iter_duplicate_problems(records: Sequence[Located[StanceSpan]], *, overlapping: bool = True) -> Iterator[Problem]:
    """Exact duplicates, contradictions (same span and pair, two polarities) and, unless
    ``overlapping`` is False (a raw pass, whose overlaps the review settles), overlapping
    spans with the same (holder, target, polarity)."""
    seen: dict[tuple[str, int, int, str, str], Located[StanceSpan]] = {}
    by_triple: dict[tuple[str, str, str, str], list[Located[StanceSpan]]] = defaultdict(list)
    for loc in records:
        s = loc.record
        key = (s.document, s.start, s.end, s.holder, s.target)
        first = seen.setdefault(key, loc)
        if first is not loc:
            what = "duplicates" if first.record.polarity == s.polarity else "contradicts the polarity of"
            yield loc.problem(f"record {s.id} {what} record {first.record.id} ({first.where})")
            continue
        by_triple[(s.document, s.holder, s.target, s.polarity)].append(loc)
    if not overlapping:
        return
    for group in by_triple.values():
        group.sort(key=lambda x: (x.record.start, x.record.end))
        for prev, cur in itertools.pairwise(group):
            if cur.record.start < prev.record.end:
                yield cur.problem(
                    f"record {cur.record.id} overlaps record {prev.record.id} ({prev.where}) "
                    f"with the same holder, target and polarity; expected one span or two disjoint ones"
                )


def iter_span_problems(
    records: Iterable[Located[StanceSpan]], cleaned: Mapping[str, CleanedLayers]
) -> Iterator[Problem]:
    for loc in records:
        problem = span_problem(loc.record, cleaned)
        if problem:
            yield loc.problem(f"record {loc.record.id}: {problem}")


@dataclass(frozen=True)
class Draft:
    """A label before ids, sentences and links are attached."""

    document: str
    triple: DecidedRecord
    annotator: str
    guideline_version: str
    provenance: Provenance
    case: str | None = None

    @property
    def key(self) -> tuple[str, int, int, str, str]:
        t = self.triple
        return (self.document, t.start, t.end, t.holder, t.target)


def _from_pass(s: StanceSpan, annotator: str, provenance: Provenance, case: str | None = None) -> Draft:
    triple = DecidedRecord.model_validate(s.model_dump(include=set(DecidedRecord.model_fields)))
    version = s.guideline_version if provenance == "agreed" else GUIDELINE_VERSION
    return Draft(s.document, triple, annotator, version, provenance, case)


def _paragraph_of(s: StanceSpan, cleaned: Mapping[str, CleanedLayers]) -> int:
    para = find_paragraph(cleaned[s.document], s.start, s.end)
    assert para is not None  # checked by iter_span_problems before
    return para.index


@dataclass(frozen=True)
class ScopeSplit:
    a_in: list[StanceSpan]
    b_in: list[StanceSpan]
    a_out: list[StanceSpan]
    b_out: list[Located[StanceSpan]]  # an error: the second pass has no scope there


def split_by_scope(inputs: StanceInputs, cleaned: Mapping[str, CleanedLayers]) -> ScopeSplit:
    """Each pass's records inside and outside the paragraphs the second pass labelled in full."""
    split = ScopeSplit([], [], [], [])
    for loc in inputs.pass_a:
        s = loc.record
        (split.a_in if inputs.scope.covers(s.document, _paragraph_of(s, cleaned)) else split.a_out).append(s)
    for loc in inputs.pass_b:
        s = loc.record
        if inputs.scope.covers(s.document, _paragraph_of(s, cleaned)):
            split.b_in.append(s)
        else:
            split.b_out.append(loc)
    return split


def pass_agreement(inputs: StanceInputs, cleaned: Mapping[str, CleanedLayers]) -> Agreement:
    """Agreement of the two passes on exactly the paragraphs both labelled in full."""
    split = split_by_scope(inputs, cleaned)
    return agreement(split.a_in, split.b_in)


def _adjudicated(inputs: StanceInputs, cleaned: Mapping[str, CleanedLayers]) -> tuple[list[Draft], list[Problem]]:
    split = split_by_scope(inputs, cleaned)
    drafts: list[Draft] = []
    problems = [
        Problem(
            str(inputs.adjudication_path.parent / "pass-a.jsonl"),
            None,
            f"record {s.id} lies outside the second pass's scope "
            f"({SCOPE}); every paragraph must be read by both passes (no single-pass labels)",
        )
        for s in split.a_out
    ]
    problems += [
        loc.problem(
            f"record {loc.record.id} lies outside the second pass's scope ({SCOPE}); "
            f"expected scope to list its paragraph"
        )
        for loc in split.b_out
    ]
    decisions: dict[str, Located[Decision]] = {}
    for loc in inputs.adjudication:
        first = decisions.setdefault(loc.record.case, loc)
        if first is not loc:
            problems.append(loc.problem(f"case {loc.record.case} is decided twice (first at line {first.line})"))
    used: set[str] = set()
    for cluster in iter_clusters(split.a_in, split.b_in):
        if cluster.agreed:
            drafts.extend(_from_pass(s, AGREED_ANNOTATOR, "agreed") for s in cluster.a)
            continue
        found = decisions.get(cluster.case_id)
        if found is None:
            problems.append(
                Problem(
                    str(inputs.adjudication_path),
                    None,
                    f"disagreement {cluster.case_id} has no decision; expected a line with this case",
                )
            )
            continue
        used.add(cluster.case_id)
        drafts.extend(_decided(found.record, cluster))
    for case, loc in decisions.items():
        if case not in used:
            problems.append(loc.problem(f"case {case} is not a disagreement between the passes (stale decision?)"))
    return drafts, problems


def _decided(d: Decision, cluster: Cluster) -> Iterator[Draft]:
    if d.decision == "custom":
        for r in d.records:
            yield Draft(cluster.document, r, d.adjudicator, GUIDELINE_VERSION, "adjudicated", d.case)
        return
    for s in cluster.a if d.decision == "a" else cluster.b:
        yield _from_pass(s, s.annotator, "adjudicated", d.case)


def _reviewed(drafts: list[Draft], review: Sequence[Located[Decision]]) -> tuple[list[Draft], list[Problem]]:
    problems: list[Problem] = []
    for loc in review:
        d = loc.record
        if d.decision != "custom":
            problems.append(loc.problem(f"review case {d.case}: expected decision 'custom' with the new records"))
            continue
        start, end = d.range
        inside = [x for x in drafts if x.document == d.document and x.triple.start >= start and x.triple.end <= end]
        if not inside and not d.records:
            problems.append(loc.problem(f"review case {d.case} neither replaces a label nor adds one"))
            continue
        drafts = [x for x in drafts if x not in inside]
        drafts += [Draft(d.document, r, d.adjudicator, GUIDELINE_VERSION, "reviewed", d.case) for r in d.records]
    return drafts, problems


def _sentence_index(annotated: Mapping[tuple[str, str], Sequence[Sentence]]) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc_id, _lang), sentences in annotated.items():
        out[doc_id].extend((s.start, s.end, s.sent_id) for s in sentences)
    for rows in out.values():
        rows.sort()
    return out


def overlapping_sentences(index: Sequence[tuple[int, int, str]], start: int, end: int) -> tuple[str, ...]:
    return tuple(sid for s, e, sid in index if s < end and e > start)


def translation_problem(label: StanceLabel, other: StanceLabel) -> str | None:
    """Why ``other`` cannot be the original of the translated ``label``, or None."""
    if other.document != label.document or other.language == label.language:
        return f"translation_of {other.id!r} must be a label of the same document in another language"
    return None


def iter_label_problems(
    located: Sequence[Located[StanceLabel]], cleaned: Mapping[str, CleanedLayers]
) -> Iterator[Problem]:
    """Checks of the released layer: every span against the text, duplicates, links."""
    yield from iter_span_problems(located, cleaned)
    yield from iter_duplicate_problems(located)
    by_id = {loc.record.id: loc.record for loc in located}
    for loc in located:
        lab = loc.record
        for other_id in lab.translation_of:
            other = by_id.get(other_id)
            problem = (
                f"translation_of names no label {other_id!r}" if other is None else translation_problem(lab, other)
            )
            if problem:
                yield loc.problem(f"record {lab.id}: {problem}")


def _link_problems(
    links: Sequence[Located[TranslationLink]], labels: Mapping[str, StanceLabel], cleaned: Mapping[str, CleanedLayers]
) -> Iterator[Problem]:
    seen: set[str] = set()
    for loc in links:
        link = loc.record
        lab = labels.get(link.span)
        if lab is None:
            yield loc.problem(f"span {link.span!r} is not a released label id")
            continue
        if link.span in seen:
            yield loc.problem(f"span {link.span!r} is linked twice; expected one line per translated span")
        seen.add(link.span)
        for other_id in link.translation_of:
            other = labels.get(other_id)
            if other is None:
                yield loc.problem(f"translation_of {other_id!r} is not a released label id")
                continue
            for side in (lab, other):
                para = find_paragraph(cleaned[side.document], side.start, side.end)
                if para is None or para.role not in ("abstract", "title", "keywords"):
                    yield loc.problem(f"{side.id} is not in an abstract, title or keyword list")
            problem = translation_problem(lab, other)
            if problem:
                yield loc.problem(f"span {link.span}: {problem}")


def make_labels(
    inputs: StanceInputs,
    cleaned: Mapping[str, CleanedLayers],
    annotated: Mapping[tuple[str, str], Sequence[Sentence]],
) -> list[StanceLabel]:
    """The released labels in document order; raises :class:`DataError` listing every problem."""
    problems = list(iter_span_problems(inputs.pass_a + inputs.pass_b, cleaned))
    for records in (inputs.pass_a, inputs.pass_b):
        problems += iter_duplicate_problems(records, overlapping=False)
    if problems:
        raise DataError("invalid stance records:\n" + "\n".join(map(str, problems)))
    drafts, problems = _adjudicated(inputs, cleaned)
    drafts, more = _reviewed(drafts, inputs.review)
    problems += more
    sentences = _sentence_index(annotated)
    links = {loc.record.span: loc.record.translation_of for loc in inputs.translations}
    labels: list[StanceLabel] = []
    for d in sorted(drafts, key=lambda x: (x.key, x.triple.polarity)):
        t, text = d.triple, cleaned[d.document].text
        para = find_paragraph(cleaned[d.document], t.start, t.end)
        if para is None:
            problems.append(Problem(None, None, f"case {d.case}: record {t.start}-{t.end} is not inside one paragraph"))
            continue
        lid = label_id(d.document, t.start, t.end, t.holder, t.target)
        labels.append(
            StanceLabel(
                id=lid,
                document=d.document,
                text=text[t.start : t.end],
                language=para.language,
                sentences=overlapping_sentences(sentences[d.document], t.start, t.end),
                translation_of=links.get(lid, ()),
                annotator=d.annotator,
                guideline_version=d.guideline_version,
                provenance=d.provenance,
                case=d.case,
                **t.model_dump(),
            )
        )
    problems += _link_problems(inputs.translations, {lab.id: lab for lab in labels}, cleaned)
    built = Path(f"{LABELS} (as built)")
    problems += iter_label_problems([Located(x, built, i) for i, x in enumerate(labels, start=1)], cleaned)
    if problems:
        raise DataError("invalid stance records:\n" + "\n".join(map(str, problems)))
    return labels


def _checked_labels(
    root: Path | None, cleaned: Mapping[str, CleanedLayers] | None
) -> tuple[list[StanceLabel], list[Problem]]:
    from kzcorpus.io.cleaned import load_cleaned

    try:
        located = iter_labels(root)
        layers = cleaned if cleaned is not None else load_cleaned(root)
    except KzCorpusError as exc:
        return [], [Problem.of(exc)]
    return [loc.record for loc in located], list(iter_label_problems(located, layers))


def stance_problems(root: Path | None = None, cleaned: Mapping[str, CleanedLayers] | None = None) -> list[Problem]:
    """Every problem of the released ``annotations/stance.jsonl``, each naming file, line and record."""
    return _checked_labels(root, cleaned)[1]


def load_stance(root: Path | None = None, cleaned: Mapping[str, CleanedLayers] | None = None) -> list[StanceLabel]:
    """The released labels, each checked against the cleaned text; refuses invalid data."""
    labels, problems = _checked_labels(root, cleaned)
    if problems:
        raise DataError("invalid stance labels:\n" + "\n".join(map(str, problems)))
    return labels


def agreement_report(
    inputs: StanceInputs,
    cleaned: Mapping[str, CleanedLayers],
    annotated: Mapping[tuple[str, str], Sequence[Sentence]],
    splits: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Agreement figures plus the scope they were measured on and how cases were decided;
    with ``splits`` (document → benchmark split) also the figures per split."""
    sentences = [s.sent_id for ss in annotated.values() for s in ss]
    in_scope = sum(inputs.scope.covers(*split_sentence_id(sid)[:2]) for sid in sentences)
    decisions = Counter(loc.record.decision for loc in inputs.adjudication)
    return {
        "scope_sentences": in_scope,
        "all_sentences": len(sentences),
        "scope_documents_whole": sorted(
            doc
            for doc, (first, last) in inputs.scope.paragraphs.items()
            if first == 0 and last == len(cleaned[doc].paragraphs) - 1
        ),
        **pass_agreement(inputs, cleaned).as_dict(),
        "cases": sum(decisions.values()),
        "decisions": {k: decisions[k] for k in ("a", "b", "custom")},
        "review_cases": len(inputs.review),
        **({"per_split": _per_split(inputs, cleaned, splits)} if splits else {}),
    }


def _per_split(
    inputs: StanceInputs, cleaned: Mapping[str, CleanedLayers], splits: Mapping[str, str]
) -> dict[str, dict[str, float | int]]:
    from kzcorpus.benchmark.splits import SPLITS

    split = split_by_scope(inputs, cleaned)
    return {
        name: agreement(
            [s for s in split.a_in if splits[s.document] == name], [s for s in split.b_in if splits[s.document] == name]
        ).as_dict()
        for name in SPLITS
    }
