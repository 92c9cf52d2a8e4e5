"""``kzcorpus stance check``: check a stance pass file while it is being written."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

_SCOPE = re.compile(r"^(?P<doc>[a-z0-9-]+):(?P<first>\d+)-(?P<last>\d+)$")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("stance", help="tools for stance annotators (check a pass file)")
    sub = p.add_subparsers(dest="stance_command", required=True, metavar="ACTION")
    c = sub.add_parser(
        "check",
        help="check a stance pass file: schema, offsets, text slices, paragraphs, duplicates",
        description="Every problem of a stance pass file (JSON Lines of stance records), with its line.",
    )
    c.add_argument("file", type=Path)
    c.add_argument(
        "--scope",
        action="append",
        default=[],
        help="DOCUMENT:FIRST-LAST paragraph range the records must fall in (repeatable)",
    )
    c.set_defaults(func=_cmd_check)
    k = sub.add_parser(
        "cases",
        help="list the disagreement clusters between the passes (JSON Lines), for adjudicators",
        description="Every disagreement cluster inside the second pass's scope, with both passes' records.",
    )
    k.add_argument("--undecided", action="store_true", help="only clusters without a decision in adjudication.jsonl")
    k.set_defaults(func=_cmd_cases)
    d = sub.add_parser(
        "check-decisions",
        help="check an adjudication file: schema, one decision per listed case, records inside their paragraph",
    )
    d.add_argument("file", type=Path)
    d.add_argument(
        "--cases", type=Path, required=True, help="the cases file the decisions answer (from `stance cases`)"
    )
    d.add_argument(
        "--partial", action="store_true", help="a review: decisions only for the cases that change (all 'custom')"
    )
    d.set_defaults(func=_cmd_check_decisions)


def _cmd_check(args: argparse.Namespace) -> int:
    from kzcorpus.errors import DataError
    from kzcorpus.io.cleaned import load_cleaned
    from kzcorpus.io.jsonl import read_located
    from kzcorpus.schema.stance import StanceSpan
    from kzcorpus.stance.labels import find_paragraph, iter_duplicate_problems, iter_span_problems

    scopes = []
    for item in args.scope:
        m = _SCOPE.match(item)
        if m is None:
            raise DataError(f"--scope {item!r}: expected DOCUMENT:FIRST-LAST, e.g. russia-alliance-limits:17-40")
        scopes.append((m["doc"], int(m["first"]), int(m["last"])))
    records = read_located(args.file, StanceSpan)
    cleaned = load_cleaned()
    problems = list(iter_span_problems(records, cleaned))
    problems += iter_duplicate_problems(records, overlapping=False)
    for loc in records:
        s = loc.record
        para = find_paragraph(cleaned[s.document], s.start, s.end) if s.document in cleaned else None
        if (
            scopes
            and para is not None
            and not any(s.document == d and first <= para.index <= last for d, first, last in scopes)
        ):
            problems.append(loc.problem(f"record {s.id} is in paragraph {para.index}, outside the given scope"))
    for p in problems:
        print(p)
    print(f"{len(records)} record(s): {len(problems)} problem(s)")
    sys.stdout.flush()
    return 0 if not problems else 1


def _cmd_cases(args: argparse.Namespace) -> int:
    from kzcorpus.io.cleaned import load_cleaned
    from kzcorpus.io.jsonl import jsonl_line
    from kzcorpus.io.stance import read_stance_inputs
    from kzcorpus.stance.adjudicate import iter_clusters
    from kzcorpus.stance.labels import split_by_scope

    inputs = read_stance_inputs()
    cleaned = load_cleaned()
    decided = {loc.record.case for loc in inputs.adjudication}
    split = split_by_scope(inputs, cleaned)
    n = 0
    for c in iter_clusters(split.a_in, split.b_in):
        if c.agreed or (args.undecided and c.case_id in decided):
            continue
        text = cleaned[c.document].text
        row = {
            "case": c.case_id,
            "document": c.document,
            "start": c.start,
            "end": c.end,
            "text": text[c.start : c.end],
            "a": [r.model_dump(mode="json", exclude={"document", "annotator", "guideline_version", "id"}) for r in c.a],
            "b": [r.model_dump(mode="json", exclude={"document", "annotator", "guideline_version", "id"}) for r in c.b],
        }
        print(jsonl_line(row))
        n += 1
    print(f"{n} case(s)", file=sys.stderr)
    return 0


def _cmd_check_decisions(args: argparse.Namespace) -> int:
    import json

    from kzcorpus.io.cleaned import load_cleaned
    from kzcorpus.io.jsonl import read_located
    from kzcorpus.schema.stance import Decision
    from kzcorpus.stance.labels import find_paragraph

    cases = {json.loads(x)["case"] for x in args.cases.read_text(encoding="utf-8").splitlines() if x.strip()}
    decisions = read_located(args.file, Decision)
    cleaned = load_cleaned()
    problems = []
    seen: dict[str, int] = {}
    for loc in decisions:
        d = loc.record
        if d.case in seen:
            problems.append(f"{loc.where}: case {d.case} decided twice (first at line {seen[d.case]})")
        seen.setdefault(d.case, loc.line)
        if d.case not in cases:
            problems.append(f"{loc.where}: case {d.case} is not in {args.cases}")
        layers = cleaned[d.document]
        for r in d.records:
            if find_paragraph(layers, r.start, r.end) is None:
                problems.append(f"{loc.where}: record {r.start}-{r.end} is not inside one paragraph")
    if args.partial:
        problems += [
            f"{loc.where}: a review decision is 'custom'" for loc in decisions if loc.record.decision != "custom"
        ]
    else:
        problems += [f"{args.file}: case {c} has no decision" for c in sorted(cases - set(seen))]
    for p in problems:
        print(p)
    print(f"{len(decisions)} decision(s) for {len(cases)} case(s): {len(problems)} problem(s)")
    return 0 if not problems else 1
