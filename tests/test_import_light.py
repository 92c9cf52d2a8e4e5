"""`import kzcorpus` (and the CLI module) must not drag in the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("torch", "stanza", "datasets", "pyarrow", "pandas", "udtools", "zeyrek", "nltk", "sklearn", "sacrebleu")


@pytest.mark.parametrize(
    "module",
    [
        "kzcorpus",
        "kzcorpus.cli",
        "kzcorpus.validate",
        "kzcorpus.models",
        "kzcorpus.benchmark.evaluate",
        "kzcorpus.benchmark.results",
    ],
)
def test_import_is_light(module: str) -> None:
    code = (
        f"import json, sys, importlib; importlib.import_module({module!r}); "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert not loaded & set(HEAVY), f"{module} imported {sorted(loaded & set(HEAVY))}"


def test_cli_parser_builds_without_heavy_imports() -> None:
    code = (
        "import json, sys; from kzcorpus.cli import build_parser; build_parser(); "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not set(json.loads(out)) & set(HEAVY)


def test_missing_optional_dependency_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzcorpus.errors import MissingDependencyError, require

    monkeypatch.setitem(sys.modules, "datasets", None)  # makes `import datasets` fail
    with pytest.raises(
        MissingDependencyError,
        match=r"needs the 'datasets' package \(module 'datasets'\); install it with `pip install datasets`",
    ):
        require("datasets")
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'kzcorpus\[stanza\]'"):
        require("stanza", "stanza")


def test_every_error_class_is_exported() -> None:
    """A user catches our errors from the package itself: every one is public and a KzCorpusError."""
    import inspect

    import kzcorpus
    from kzcorpus import errors

    defined = {n for n, c in inspect.getmembers(errors, inspect.isclass) if c.__module__ == errors.__name__}
    exceptions = {n for n in defined if issubclass(getattr(errors, n), BaseException)}
    assert {"AnnotationError", "DataError", "MissingDependencyError"} <= exceptions
    assert defined - exceptions == {"Problem"}  # the record collecting checks yield, exported too
    for name in defined:
        assert name in kzcorpus.__all__, name
        assert getattr(kzcorpus, name) is getattr(errors, name)
    for name in exceptions:
        assert issubclass(getattr(errors, name), errors.KzCorpusError), name
