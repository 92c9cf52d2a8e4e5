"""The official UD validator (``udtools``) over the shipped CoNLL-U files.

Level 2 (format, ids, trees, text vs forms, universal tags) must pass with zero errors;
level 3 (content tests, e.g. ``punct`` attached to a non-leaf) errors are model errors,
counted and reported in ``annotations/conllu/validation.json`` and the README, never hidden.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kzcorpus.annotate.stanza_run import STANZA_LANGUAGES
from kzcorpus.errors import require
from kzcorpus.io.conllu import split_conllu_name
from kzcorpus.io.jsonl import render_json

REPORT_PATH = "conllu/validation.json"  # inside annotations/
REQUIRED_LEVEL = 2
REPORTED_LEVEL = 3
VALIDATED_LANGUAGES = STANZA_LANGUAGES  # the rule-based (Russian) files hold tokens only


def validate_file(path: Path, lang: str, level: int) -> dict[str, Any]:
    """Errors per test class, warnings, and the first messages, for one file at one level."""
    require("udtools", "stanza")
    from udtools.incident import IncidentType  # type: ignore[import-untyped]
    from udtools.validator import Validator  # type: ignore[import-untyped]

    out = io.StringIO()
    state = Validator(lang=lang, level=level, output=out, max_store=0).validate_files([str(path)])
    errors = {str(k): v for k, v in sorted(state.error_counter[IncidentType.ERROR].items(), key=str) if v}
    warnings = sum(state.error_counter[IncidentType.WARNING].values())
    return {"errors": errors, "warnings": warnings, "messages": out.getvalue().splitlines()[:20]}


def validation_report(files: Iterable[tuple[Path, str]]) -> dict[str, Any]:
    """Per file: level-2 errors (must be none) and level-3 errors per test class."""
    report: dict[str, Any] = {"validator": _version(), "files": {}}
    for path, lang in files:
        l2 = validate_file(path, lang, REQUIRED_LEVEL)
        l3 = validate_file(path, lang, REPORTED_LEVEL)
        report["files"][path.name] = {
            "language": lang,
            f"level{REQUIRED_LEVEL}_errors": sum(l2["errors"].values()),
            f"level{REPORTED_LEVEL}_errors": sum(l3["errors"].values()),
            f"level{REPORTED_LEVEL}_errors_by_class": l3["errors"],
        }
    return report


def validation_files(conllu_files: dict[str, str]) -> dict[str, str]:
    """The report for rendered CoNLL-U files (relative path → content) of languages with models."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        todo = []
        for rel, text in sorted(conllu_files.items()):
            _, lang = split_conllu_name(Path(rel).name)
            if lang in VALIDATED_LANGUAGES:
                path = Path(tmp) / Path(rel).name
                path.write_text(text, encoding="utf-8")
                todo.append((path, lang))
        return {REPORT_PATH: render_report(validation_report(todo))}


def _version() -> str:
    import importlib.metadata as md

    return f"udtools {md.version('udtools')}"


def render_report(report: dict[str, Any]) -> str:
    return render_json(report)
