"""Problems collected by checks are records (file, line, field) printed like errors."""

from __future__ import annotations

from kzcorpus.errors import DataError, Problem


def test_problem_of_an_error_keeps_its_location_and_prints_the_same() -> None:
    exc = DataError("unknown field", path="annotations/documents.jsonl", line=3, field="publisher")
    problem = Problem.of(exc)
    assert (problem.path, problem.line, problem.field, problem.message) == (
        "annotations/documents.jsonl",
        3,
        "publisher",
        "unknown field",
    )
    assert str(problem) == str(exc) == "annotations/documents.jsonl:3, field 'publisher': unknown field"


def test_problem_prints_like_an_error() -> None:
    assert str(Problem("f.conllu", 0, "sentence s1 is missing")) == "f.conllu:0: sentence s1 is missing"
