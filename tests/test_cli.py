"""The console script: exit codes and messages users see."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kzcorpus.cli import main
from kzcorpus.io.documents import load_documents

from .conftest import REPO


def test_validate_ok_on_shipped_data(capsys) -> None:
    assert main(["validate"]) == 0
    assert "ok:" in capsys.readouterr().out


def test_validate_reports_file_and_field(unknown_field_metadata: tuple[Path, int], capsys) -> None:
    root, line = unknown_field_metadata
    assert main(["validate", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"documents.jsonl:{line}, field 'publisher': unknown field" in err


def test_validate_json_gives_structured_records(unknown_field_metadata: tuple[Path, int], capsys) -> None:
    root, line = unknown_field_metadata
    assert main(["validate", "--json", "--root", str(root)]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["line"], r["field"]) for r in records if r["path"].endswith("documents.jsonl")] == [(line, "publisher")]
    assert all(set(r) == {"path", "line", "field", "offset", "message"} for r in records)


def test_validate_reports_hash_mismatch(tampered_raw: Path, capsys) -> None:
    assert main(["validate", "--root", str(tampered_raw)]) == 1
    assert "central-asia-kyiv-2025.txt: SHA-256" in capsys.readouterr().err


def test_stats_json_matches_raw_files(capsys) -> None:
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["documents"] == len(list((REPO / "raw").glob("*.txt")))
    raw_chars = sum(len(p.read_bytes().decode("utf-8")) for p in (REPO / "raw").glob("*.txt"))
    assert data["totals"]["characters"] == raw_chars
    languages = Counter(lang for d in load_documents(REPO) for lang in d.metadata.languages)
    assert data["documents_per_language"] == dict(sorted(languages.items()))


def test_stats_table(capsys) -> None:
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "| `russia-alliance-limits` | journal_article | tr,en,ru |" in out


def test_console_script_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from kzcorpus.cli import main; sys.exit(main(['--version']))"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout.startswith("kzcorpus ")


def test_closed_pipe_ends_quietly() -> None:
    """``kzcorpus stats --json | head -1``: no BrokenPipeError traceback, exit 0."""
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; '{sys.executable}' -m kzcorpus.cli stats --json | head -1"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.stdout == "{\n"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert result.returncode == 0


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys) -> None:
    import kzcorpus.commands.stats as stats

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(stats, "run", interrupted)
    assert main(["stats"]) == 130
    assert capsys.readouterr().err == "kzcorpus stats: interrupted\n"


def test_errors_caused_by_the_data_override_name_it(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setenv("KZCORPUS_DATA", str(tmp_path / "nowhere"))
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert "KZCORPUS_DATA=" in err and "is not a directory" in err
    monkeypatch.setenv("KZCORPUS_DATA", str(tmp_path))  # a directory, but no data in it
    assert main(["stats"]) == 1
    assert f"note: the data root comes from KZCORPUS_DATA={tmp_path}" in capsys.readouterr().err


def test_missing_optional_package_hint_names_distribution_and_extra(monkeypatch) -> None:
    import builtins

    from kzcorpus.errors import MissingDependencyError, require

    real_import = builtins.__import__

    def no_sklearn(name: str, *args: object, **kw: object) -> object:
        if name.startswith("sklearn"):
            raise ImportError(name)
        return real_import(name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    monkeypatch.delitem(sys.modules, "sklearn.feature_extraction.text", raising=False)
    with pytest.raises(MissingDependencyError) as err:
        require("sklearn.feature_extraction.text", "benchmark")
    assert "'scikit-learn' package" in str(err.value) and "pip install 'kzcorpus[benchmark]'" in str(err.value)


def test_predictions_from_stdin(tmp_path: Path) -> None:
    labels = [json.loads(x) for x in (REPO / "dataset/stance/test.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = "".join(json.dumps({"id": r["id"], "polarity": r["polarity"]}) + "\n" for r in labels)
    result = subprocess.run(
        [sys.executable, "-m", "kzcorpus.cli", "evaluate", "stance-span", "--predictions", "-"],
        input=gold,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["accuracy"] == 100.0


@pytest.mark.parametrize(
    ("choice", "isatty", "env", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", False, {}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {}, False),
    ],
)
def test_colour_follows_no_color(choice: str, isatty: bool, env: dict, expected: bool) -> None:
    from kzcorpus.commands.show import use_colour

    assert use_colour(choice, isatty, env) is expected


@pytest.mark.slow  # a whole build in a subprocess (about 20 s)
def test_build_prints_no_progress_bar_into_logs(corpus_copy: Path) -> None:
    """stderr is a pipe here, as in CI logs: no tqdm bar unless --progress."""
    result = subprocess.run(
        [sys.executable, "-m", "kzcorpus.cli", "build", "--reuse-annotation", "--root", str(corpus_copy)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "clean:" not in result.stderr and "doc/s" not in result.stderr


def test_validate_reports_every_problem_of_every_file(corpus_copy: Path, capsys) -> None:
    conllu = corpus_copy / "annotations/conllu/central-asia-kyiv-2025.tr.conllu"
    lines = conllu.read_text(encoding="utf-8").split("\n")
    eleven = next(i for i, x in enumerate(lines) if x.startswith("3\t"))
    nine = next(i for i, x in enumerate(lines) if x.startswith("5\t"))
    lines[eleven] += "\textra"
    lines[nine] = lines[nine].rsplit("\t", 1)[0]
    conllu.write_text("\n".join(lines), encoding="utf-8")
    other = corpus_copy / "annotations/conllu/balance-policy-2025.tr.conllu"
    other.write_text(other.read_text(encoding="utf-8").replace("\tNOUN\t", "\tNOUN\tx\t", 1), encoding="utf-8")
    _edit = json.loads
    docs = corpus_copy / "annotations/documents.jsonl"
    rows = [_edit(x) for x in docs.read_text(encoding="utf-8").splitlines()]
    k = next(i for i, r in enumerate(rows) if r["publication_date"] and len(r["publication_date"]) == 10)
    rows[k]["publication_date"] = (
        rows[k]["publication_date"][:8] + "30"
        if rows[k]["publication_date"][5:7] == "02"
        else rows[k]["publication_date"][:5] + "02-30"
    )
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["validate", "--root", str(corpus_copy)]) == 1
    err = capsys.readouterr().err
    assert f"central-asia-kyiv-2025.tr.conllu:{eleven + 1}: expected 10 tab-separated columns, found 11" in err
    assert "balance-policy-2025.tr.conllu:" in err and "found 11" in err
    assert f"documents.jsonl:{k + 1}" in err and "is not a date in the calendar" in err
    assert "3 problem(s) found" in err


def test_validate_names_a_truncated_model_and_a_changed_lexicon(corpus_copy: Path, capsys) -> None:
    import shutil

    models = corpus_copy / "models"
    shutil.copytree(REPO / "models" / "tr", models / "tr")
    pos = models / "tr" / "tr_imst_pos.pt"
    pos.write_bytes(pos.read_bytes()[:1000])
    lexicon = models / "restore" / "lexicon.tsv"
    lexicon.write_text("\n".join(lexicon.read_text(encoding="utf-8").split("\n")[:500]) + "\n", encoding="utf-8")
    mwt = models / "tr" / "mwt_lexicon.tsv"
    rows = mwt.read_text(encoding="utf-8").split("\n")
    rows[10] = rows[10].rsplit("\t", 1)[0]  # a row without its single-word count
    mwt.write_text("\n".join(rows), encoding="utf-8")
    assert main(["validate", "--root", str(corpus_copy)]) == 1
    err = capsys.readouterr().err
    assert "tr_imst_pos.pt" in err and "corrupt" in err
    assert "lexicon.tsv: SHA-256" in err and "kzcorpus models lexicon" in err
    assert "mwt_lexicon.tsv:11: expected form<TAB>multiword count<TAB>single count" in err


def test_a_nine_column_line_is_named_by_its_own_line(corpus_copy: Path, capsys) -> None:
    conllu = corpus_copy / "annotations/conllu/china-economic-relations.en.conllu"
    lines = conllu.read_text(encoding="utf-8").split("\n")
    k = next(i for i, x in enumerate(lines) if x.startswith("7\t"))  # a word line deep inside a sentence
    lines[k] = lines[k].rsplit("\t", 1)[0]
    conllu.write_text("\n".join(lines), encoding="utf-8")
    assert main(["validate", "--root", str(corpus_copy)]) == 1
    assert (
        f"china-economic-relations.en.conllu:{k + 1}: expected 10 tab-separated columns, found 9"
        in capsys.readouterr().err
    )


def test_build_sets_the_torch_thread_count(monkeypatch, capsys) -> None:
    import kzcorpus.build as build_module
    import kzcorpus.models.pipeline as pipeline

    seen: dict[str, object] = {}
    monkeypatch.setattr(pipeline, "set_threads", lambda n: seen.setdefault("threads", n))
    monkeypatch.setattr(build_module, "build", lambda root, progress, annotate: seen.update(progress=progress) or [])
    assert main(["build", "--reuse-annotation"]) == 0
    assert seen == {"threads": pipeline.DEFAULT_THREADS, "progress": False}  # stderr is not a terminal here
    seen.clear()
    assert main(["build", "--threads", "2", "--progress"]) == 0
    assert seen == {"threads": 2, "progress": True}


def test_thread_count_must_be_positive() -> None:
    from kzcorpus.models.pipeline import set_threads

    with pytest.raises(ValueError, match="at least 1"):
        set_threads(0)


def test_refresh_runs_build_quality_baselines_card_readme_in_that_order(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The loop between the layers and the figures computed from them is broken by order."""
    import kzcorpus.annotate.quality as quality
    import kzcorpus.benchmark.results as results
    import kzcorpus.build as build
    import kzcorpus.export.readme as readme

    calls: list[str] = []
    monkeypatch.setattr(build, "build", lambda root, annotate: calls.append(f"build annotate={annotate}") or [])
    monkeypatch.setattr(quality, "quality_report", lambda root: calls.append("quality") or {"q": 1})
    monkeypatch.setattr(results, "results_report", lambda corpus, root: calls.append("baselines") or {"b": 2})
    (corpus_copy / "README.md").write_text("readme\n", encoding="utf-8")
    monkeypatch.setattr(readme, "readme_update", lambda root: calls.append("readme") or ("", "new\n", ["counts"]))
    assert main(["refresh", "--root", str(corpus_copy)]) == 0
    assert calls == ["build annotate=True", "quality", "baselines", "build annotate=False", "readme"]
    assert json.loads((corpus_copy / "annotations" / "quality.json").read_text(encoding="utf-8")) == {"q": 1}
    assert json.loads((corpus_copy / "annotations" / "baselines.json").read_text(encoding="utf-8")) == {"b": 2}
    assert (corpus_copy / "README.md").read_text(encoding="utf-8") == "new\n"
    assert "readme: 1 block(s) rewritten" in capsys.readouterr().out
