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
from kzcorpus.models.continue_tagger import split_continue_from
from kzcorpus.models.pipeline import charlm_paths
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


CHARLM_CMD = (
    "$ python -m stanza.models.charlm --mode train --shorthand tr_kz --direction {d} --save_dir runs/c "
    "--save_name c.pt --vocab_save_name v.pt --seed 1234 --no_checkpoint --train_dir data/tr/charlm/train "
    "--eval_file data/tr/charlm/dev.txt --char_hidden_dim 512 --epochs 60 --eval_steps -1 --cutoff 20"
)


def _charlm_log(path: Path, direction: str) -> Path:
    lines = [CHARLM_CMD.format(d=direction), "2026-11-30 00:25:00 INFO: Running forward character-level model"]
    lines += [
        f"2026-11-30 00:2{i + 6}:00 INFO: | eval checkpoint @ global step {step:10d} | time elapsed      0s "
        f"| loss  {loss:.2f} | ppl {ppl:8.2f}"
        for i, (step, loss, ppl) in enumerate([(52, 1.9, 6.69), (104, 1.4, 4.06)])
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_adopt_records_a_charlm_with_its_perplexity_curve(tmp_path: Path, models_folder: Path) -> None:
    torch = pytest.importorskip("torch")
    model = tmp_path / "charlm.pt"
    weights = {"rnn.weight": torch.ones(2, dtype=torch.float32)}
    torch.save({"model": {"vocab": {}, "args": {}, "state_dict": weights}, "epoch": 3}, model)
    log = _charlm_log(tmp_path / "c.log", "backward")
    rec = adopt("tr", "backward_charlm", model, [log], models_folder, machine="m", versions={}, train_data="text")
    shipped = models_folder / "tr_imst_backward_charlm.pt"
    assert torch.load(shipped, weights_only=True)["model"]["state_dict"]["rnn.weight"].dtype == torch.float16
    assert rec["learning_curve"] == [
        {"step": 52, "dev_loss": 1.9, "dev_ppl": 6.69},
        {"step": 104, "dev_loss": 1.4, "dev_ppl": 4.06},
    ]
    assert rec["hyperparameters"] == {"char_hidden_dim": 512, "epochs": 60, "eval_steps": -1, "cutoff": 20}
    data = json.loads((models_folder / "training.json").read_text(encoding="utf-8"))
    assert "backward_charlm" in data["charlm"]
    with pytest.raises(ModelError, match="expected forward"):
        adopt("tr", "forward_charlm", model, [log], models_folder, machine="m", versions={}, train_data="t")
    with pytest.raises(ModelError, match="for 'en'"):
        adopt("en", "backward_charlm", model, [log], models_folder, machine="m", versions={}, train_data="t")


def test_a_tagger_stretch_continued_on_another_machine_counts_on(tmp_path: Path) -> None:
    tagger = PARSER_CMD.replace("stanza.models.parser", "stanza.models.tagger")
    first = _log(tmp_path / "gpu.log", tagger, [(500, 0.76), (1000, 0.80), (1500, 0.82)])
    later = tagger.replace("stanza.models.tagger", "kzcorpus.models.continue_tagger --continue_from gpu.pt")
    second = _log(tmp_path / "cpu.log", later, [(250, 0.83)])
    parts, curve = stretches([first, second])
    assert curve[-1] == {"step": 1750, "train_loss": 1.0, "dev_score": 83.0}
    assert parts[1]["command"][2] == "kzcorpus.models.continue_tagger"


def test_continue_tagger_takes_its_model_off_the_tagger_arguments() -> None:
    model, rest = split_continue_from(["--continue_from", "a.pt", "--mode", "train", "--cpu"])
    assert model == "a.pt" and rest == ["--mode", "train", "--cpu"]
    for bad in (["--mode", "train"], ["--mode", "train", "--continue_from"], ["--continue_from", "--cpu"]):
        with pytest.raises(ModelError, match="continue_from"):
            split_continue_from(bad)


def test_charlm_paths_go_to_the_processors_trained_with_one(tmp_path: Path) -> None:
    record = {"processors": {"pos": {"flags": ["--no_pretrain", "--charlm"]}, "depparse": {"flags": []}}}
    files = {"forward_charlm": tmp_path / "f.pt", "backward_charlm": tmp_path / "b.pt"}
    assert charlm_paths(record, files) == {
        "pos_forward_charlm_path": str(tmp_path / "f.pt"),
        "pos_backward_charlm_path": str(tmp_path / "b.pt"),
    }
    with pytest.raises(ModelError, match="reads a backward charlm"):
        charlm_paths(record, {"forward_charlm": tmp_path / "f.pt"})


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


def _tool(name: str):
    path = Path(__file__).resolve().parents[1] / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gpu_tool():
    return _tool("train_gpu")


def test_gpu_jobs_write_to_their_own_folders() -> None:
    jobs = _gpu_tool().make_jobs()
    names = [j["name"] for j in jobs]
    dirs = [j["argv"][j["argv"].index("--save_dir") + 1] for j in jobs]
    assert len(set(names)) == len(names) and dirs == [f"runs/{n}" for n in names]
    for job in jobs:  # no pretrained vectors exist offline; a charlm makes its own
        assert "--no_pretrain" in job["argv"] or job["argv"][1] in ("stanza.models.tokenizer", "stanza.models.charlm")


def test_gpu_jobs_that_read_a_charlm_start_after_both_of_their_language() -> None:
    jobs = {j["name"]: j for j in _gpu_tool().make_jobs()}
    readers = [j for j in jobs.values() if "--charlm" in j["argv"]]
    assert {j["name"] for j in readers} >= {"tr_pos_charlm", "tr_dep_charlm", "en_pos_charlm"}
    for job in readers:
        lang = job["name"][:2]
        assert job["after"] == [f"{lang}_charlm_forward", f"{lang}_charlm_backward"]
        for direction in ("forward", "backward"):
            made = jobs[f"{lang}_charlm_{direction}"]["argv"]
            saved = f"{made[made.index('--save_dir') + 1]}/{made[made.index('--save_name') + 1]}"
            assert job["argv"][job["argv"].index(f"--charlm_{direction}_file") + 1] == saved


def test_gpu_charlm_text_never_holds_the_scoring_splits(tmp_path: Path) -> None:
    ud = tmp_path / "ud"
    for rel, text in [
        ("UD_Turkish-IMST/tr_imst-ud-train.conllu", "train"),
        ("UD_Turkish-IMST/tr_imst-ud-dev.conllu", "DEV"),
        ("UD_Turkish-IMST/tr_imst-ud-test.conllu", "TEST"),
        ("UD_Turkish-Kenet/tr_kenet-ud-test.conllu", "kenet"),
        ("UD_English-EWT/en_ewt-ud-train.conllu", "ewt"),
        ("UD_English-EWT/en_ewt-ud-test.conllu", "EWTTEST"),
        ("UD_English-GUM/en_gum-ud-train.conllu", "gum"),
    ]:
        (ud / rel).parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f"# text = {text} {i}\n1\t{text}\t_\t_\t_\t_\t0\troot\t_\t_\n\n" for i in range(21))
        (ud / rel).write_text(body, encoding="utf-8")
    _gpu_tool().write_charlm_text(ud, tmp_path / "data")
    tr = (tmp_path / "data/tr/charlm/train/text.txt").read_text(encoding="utf-8")
    tr_dev = (tmp_path / "data/tr/charlm/dev.txt").read_text(encoding="utf-8")
    assert "DEV" not in tr + tr_dev and "TEST" not in tr + tr_dev
    assert tr_dev.splitlines() == ["train 0", "train 20", "kenet 19"]  # every 20th sentence, in file order
    assert "kenet 5" in tr and "train 20" not in tr
    en = (tmp_path / "data/en/charlm/train/text.txt").read_text(encoding="utf-8")
    assert "ewt 1" in en and "gum 1" in en and "EWTTEST" not in en


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


def test_wordvec_text_never_holds_the_scoring_splits_and_skips_token_ranges(tmp_path: Path) -> None:
    ud = tmp_path / "ud"
    rows = ["1-2\tEvdeydi", "1\tEvde", "2\tydi", "2.1\tx", "3\tALİ"]
    tree = "# text = Evdeydi ALİ\n" + "".join(r + "\t_" * 8 + "\n" for r in rows) + "\n"
    for rel in ("tr_imst-ud-train.conllu", "tr_imst-ud-dev.conllu", "tr_imst-ud-test.conllu"):
        (ud / "UD_Turkish-IMST").mkdir(parents=True, exist_ok=True)
        (ud / "UD_Turkish-IMST" / rel).write_text(tree, encoding="utf-8")
    tool = _tool("wordvec")
    files = tool.treebank_files(ud)
    assert [p.name for p in files] == ["tr_imst-ud-train.conllu"]
    # words as Stanza looks them up in a pretrain: syntactic words, str.lower()
    assert list(tool.iter_sentences(files[0])) == [["evde", "ydi", "ALİ".lower()]]
