"""Models trained elsewhere: the record is rebuilt from the model file and Stanza's log
(kzcorpus.models.adopt), extra train files are zipped with the treebank's
(kzcorpus.models.train.with_extra_train), the GPU tool's job list and ship order, and
the size budget of the shipped models."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from kzcorpus.errors import ModelError
from kzcorpus.models.adopt import adopt, logged_command, split_command, stretches
from kzcorpus.models.train import with_extra_train

PARSER_CMD = (
    "$ python -m stanza.models.parser --mode train --shorthand tr_imst --save_dir runs/x --save_name m.pt "
    "--seed 1234 --lang tr --train_file data/train.conllu --eval_file data/dev.conllu --hidden_dim 256 "
    "--lr 0.002 --optim adam --no_pretrain"
)


def _log(path: Path, command: str, scores: list[tuple[int, float]], start: str = "21:46:00") -> Path:
    lines = [command, f"2026-11-29 {start} INFO: Running parser in train mode"]
    lines += [
        f"2026-11-29 21:5{i}:00 INFO: step {step}: train_loss = 1.000000, dev_score = {score:.4f}"
        for i, (step, score) in enumerate(scores)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_split_command_separates_hyperparameters_flags_and_run_options() -> None:
    module, hp, flags, run = split_command(PARSER_CMD[2:].split())
    assert module == "stanza.models.parser"
    assert hp == {"hidden_dim": "256", "lr": "0.002", "optim": "adam"}
    assert flags == ["--no_pretrain"]
    assert run["shorthand"] == "tr_imst" and run["train_file"] == "data/train.conllu"


def test_split_command_refuses_what_is_not_a_stanza_module() -> None:
    with pytest.raises(ModelError, match="python -m"):
        split_command(["python", "train.py", "--x", "1"])


def test_log_without_command_line_names_file_and_line(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_text("2026-11-29 INFO: no command here\n", encoding="utf-8")
    with pytest.raises(ModelError) as err:
        logged_command(log)
    assert str(err.value).startswith(f"{log}:1: expected the command")


def test_later_stretch_counts_steps_from_the_best_model_it_continued(tmp_path: Path) -> None:
    first = _log(tmp_path / "a.log", PARSER_CMD, [(100, 0.5), (200, 0.7), (300, 0.6)])
    second = _log(tmp_path / "b.log", PARSER_CMD + " --continue_from m.pt", [(100, 0.72)])
    parts, curve = stretches([first, second])
    assert [p["step"] for p in curve] == [100, 200, 300, 300]
    assert len(parts) == 2 and parts[1]["steps"] == 100
    with pytest.raises(ModelError, match="continue_from"):
        stretches([first, first])


@pytest.fixture
def models_folder(tmp_path: Path) -> Path:
    out = tmp_path / "models" / "tr"
    out.mkdir(parents=True)
    record = {"processor": "pos", "wall_time_s": 10.0, "size_bytes": 1, "sha256": "0" * 64}
    (out / "training.json").write_text(
        json.dumps({"language": "tr", "processors": {"pos": record}, "total_wall_time_s": 10.0}), encoding="utf-8"
    )
    return out


def test_adopt_records_the_logged_command_and_ships_float16(tmp_path: Path, models_folder: Path) -> None:
    torch = pytest.importorskip("torch")
    model = tmp_path / "trained.pt"
    torch.save({"model": {"w": torch.ones(3, dtype=torch.float32)}, "config": {"hidden_dim": 256}}, model)
    log = _log(tmp_path / "run.log", PARSER_CMD, [(100, 0.5), (200, 0.61)])
    rec = adopt(
        "tr", "depparse", model, [log], models_folder, machine="a GPU", versions={"torch": "x"}, train_data="IMST"
    )
    shipped = models_folder / "tr_imst_depparse.pt"
    assert torch.load(shipped, weights_only=True)["model"]["w"].dtype == torch.float16
    data = json.loads((models_folder / "training.json").read_text(encoding="utf-8"))
    assert data["processors"]["pos"]["wall_time_s"] == 10.0  # the other records stay
    got = data["processors"]["depparse"]
    assert got == json.loads(json.dumps(rec))
    assert got["hyperparameters"] == {"hidden_dim": 256, "lr": 0.002, "optim": "adam"}
    assert got["machine"] == "a GPU" and got["train_data"] == "IMST"
    assert [p["dev_score"] for p in got["learning_curve"]] == [50.0, 61.0]
    import hashlib

    assert got["sha256"] == hashlib.sha256(shipped.read_bytes()).hexdigest()
    assert data["total_wall_time_s"] == pytest.approx(10.0 + got["wall_time_s"])


@pytest.mark.parametrize(
    ("processor", "command", "expected"),
    [
        ("pos", PARSER_CMD, "expected stanza.models.tagger"),
        ("depparse", PARSER_CMD.replace("tr_imst", "en_ewt"), "expected 'tr_imst'"),
    ],
)
def test_adopt_refuses_a_log_of_another_model(
    tmp_path: Path, models_folder: Path, processor: str, command: str, expected: str
) -> None:
    model = tmp_path / "m.pt"
    model.write_bytes(b"x")
    log = _log(tmp_path / "run.log", command, [(100, 0.5)])
    with pytest.raises(ModelError, match=expected):
        adopt("tr", processor, model, [log], models_folder, machine="m", versions={}, train_data="d")
    assert not (models_folder / "tr_imst_depparse.pt").exists()


def test_extra_train_files_are_zipped_with_the_treebank(tmp_path: Path) -> None:
    ud = tmp_path / "ud"
    (ud / "UD_English-EWT").mkdir(parents=True)
    (ud / "UD_English-GUM").mkdir()
    train = ud / "UD_English-EWT" / "en_ewt-ud-train.conllu"
    train.write_text("# a\n", encoding="utf-8")
    (ud / "UD_English-GUM" / "en_gum-ud-train.conllu").write_text("# b\n", encoding="utf-8")
    files = {"train": train, "dev": train}
    got, names = with_extra_train("en", "pos", files, tmp_path / "work")
    assert names == ["en_ewt-ud-train.conllu", "en_gum-ud-train.conllu"]
    with zipfile.ZipFile(got["train"]) as z:
        assert z.namelist() == names


def test_missing_extra_train_file_is_named(tmp_path: Path) -> None:
    train = tmp_path / "ud" / "UD_English-EWT" / "en_ewt-ud-train.conllu"
    train.parent.mkdir(parents=True)
    train.write_text("# a\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"en_gum-ud-train\.conllu"):
        with_extra_train("en", "pos", {"train": train, "dev": train}, tmp_path / "work")
    same, names = with_extra_train("tr", "pos", {"train": train, "dev": train}, tmp_path / "work")
    assert same["train"] == train and names == [train.name]


def _gpu_tool():
    path = Path(__file__).resolve().parents[1] / "tools" / "train_gpu.py"
    spec = importlib.util.spec_from_file_location("train_gpu", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gpu_jobs_write_to_their_own_folders() -> None:
    jobs = _gpu_tool().make_jobs()
    names = [j["name"] for j in jobs]
    dirs = [j["argv"][j["argv"].index("--save_dir") + 1] for j in jobs]
    assert len(set(names)) == len(names) and dirs == [f"runs/{n}" for n in names]
    for job in jobs:
        assert "--no_pretrain" in job["argv"] or "tokenizer" in job["argv"][1]


def test_gpu_environment_names_python_and_device() -> None:
    import platform

    env = _gpu_tool().environment()
    assert env["python"] == platform.python_version()
    assert "device" in env or "import_error" in env


def test_gpu_ship_order_puts_each_groups_best_model_first() -> None:
    summary = {
        "a": {"group": "tr/depparse", "model": "a.pt", "best_dev": 0.6, "size_bytes": 5},
        "b": {"group": "tr/depparse", "model": "b.pt", "best_dev": 0.7, "size_bytes": 9},
        "c": {"group": "en/pos", "model": "c.pt", "best_dev": 0.9, "size_bytes": 2},
        "d": {"group": "en/pos", "model": None, "best_dev": 0.95},
    }
    assert _gpu_tool().ship_order(summary) == ["c", "b", "a"]


MODEL_BUDGET_BYTES = 80_000_000  # issue 15: models/ stays within 80 MB


def test_shipped_models_fit_the_budget_and_match_their_records() -> None:
    from kzcorpus.paths import models_dir

    total = 0
    for lang in ("tr", "en"):
        folder = models_dir() / lang
        records = json.loads((folder / "training.json").read_text(encoding="utf-8"))["processors"]
        shipped = sorted(p.name for p in folder.glob("*.pt"))
        assert shipped == sorted(r["model_file"] for r in records.values()), f"{lang}: a model without a record"
        for rec in records.values():
            assert (folder / rec["model_file"]).stat().st_size == rec["size_bytes"], rec["model_file"]
            total += rec["size_bytes"]
    assert total <= MODEL_BUDGET_BYTES, f"models use {total / 1e6:.1f} MB, over the 80 MB budget"
