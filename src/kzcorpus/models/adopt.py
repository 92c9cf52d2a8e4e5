"""Record a model trained elsewhere (a lent GPU machine) from its own training log.

A processor's model or a character language model (``forward_charlm``/``backward_charlm``,
:data:`kzcorpus.models.CHARLMS`); a tagger's later stretch may come from
:mod:`kzcorpus.models.continue_tagger`, run on another machine.

``tools/train_gpu.py`` runs Stanza on a machine where kzcorpus is not installed; what
comes back is the model file and Stanza's log, whose first line is the command that ran
(``$ python -m stanza.models.parser --mode train ...``). The training record is rebuilt
from those two files, so its hyperparameters are the ones on that command line, not a
recipe in this repository; the machine and library versions are given by the caller,
who read them off the run's output.
"""

from __future__ import annotations

import json
from pathlib import Path

from kzcorpus.errors import ModelError
from kzcorpus.io.jsonl import render_json
from kzcorpus.models import CHARLM_MODULE, CHARLMS, TREEBANKS
from kzcorpus.models.train import (
    MODULES,
    _log_span_s,
    dev_scores_from_log,
    learning_curve,
    model_filename,
    ship_model,
)

# Options that name files or the run itself, not the model: kept in the command only.
_NOT_HPARAMS = {
    "mode",
    "shorthand",
    "lang",
    "save_dir",
    "save_name",
    "seed",
    "train_file",
    "eval_file",
    "output_file",
    "txt_file",
    "label_file",
    "dev_txt_file",
    "dev_label_file",
    "dev_conll_gold",
    "conll_file",
    "mwt_json_file",
    "gold_file",
    "continue_from",
    "charlm_forward_file",
    "charlm_backward_file",
    "charlm_shorthand",
    "train_dir",
    "vocab_save_name",
    "direction",
}


def logged_command(log: Path) -> list[str]:
    """The command on the log's first line (``$ python -m ...``)."""
    if not log.is_file():
        raise ModelError("training log not found", path=log)
    first = log.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    if not first.startswith("$ "):
        raise ModelError("expected the command on the first line, starting with '$ '", path=log, line=1)
    return first[2:].split()


def split_command(cmd: list[str]) -> tuple[str, dict[str, str], list[str], dict[str, str]]:
    """Module, hyperparameters (``--key value``), flags (``--key`` alone) and the run's
    own options (files, names, seed)."""
    if len(cmd) < 3 or cmd[1] != "-m":
        raise ModelError(f"expected 'python -m stanza.models.<module> ...', found {' '.join(cmd[:3])!r}")
    module, rest = cmd[2], cmd[3:]
    hp: dict[str, str] = {}
    run_opts: dict[str, str] = {}
    flags: list[str] = []
    i = 0
    while i < len(rest):
        key = rest[i]
        if not key.startswith("--"):
            raise ModelError(f"unexpected argument {key!r} in the logged command")
        name = key[2:]
        has_value = i + 1 < len(rest) and not rest[i + 1].startswith("--")
        if has_value:
            (run_opts if name in _NOT_HPARAMS else hp)[name] = rest[i + 1]
            i += 2
        else:
            flags.append(key)
            i += 1
    return module, hp, flags, run_opts


def _typed(value: str) -> object:
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


def _goodness(point: dict[str, float]) -> float:
    """Higher is better: a dev score, or a charlm's negated dev perplexity."""
    return point["dev_score"] if "dev_score" in point else -point["dev_ppl"]


def stretches(logs: list[Path]) -> tuple[list[dict[str, object]], list[dict[str, float]]]:
    """Each stretch's command, wall time and steps, and one learning curve over all of
    them. A later stretch continues (``--continue_from``) from the best model of the one
    before, so its steps are counted from the step where that model was saved."""
    out: list[dict[str, object]] = []
    curve: list[dict[str, float]] = []
    offset = 0
    for i, log in enumerate(logs):
        cmd = logged_command(log)
        if i and "--continue_from" not in cmd:
            raise ModelError("a later stretch must continue the earlier one (--continue_from)", path=log, line=1)
        part = learning_curve(log)
        shifted = [{**p, "step": p["step"] + offset} for p in part]
        curve += shifted
        out.append({"command": cmd, "wall_time_s": round(_log_span_s(log), 1), "steps": len(part) and part[-1]["step"]})
        if shifted:
            offset = int(max(shifted, key=_goodness)["step"])
    return out, curve


def _check_shorthand(lang: str, processor: str, run_opts: dict[str, str], log: Path) -> None:
    """A processor's model names its treebank (``tr_imst``); a charlm names its language and
    text (``tr_kz``) and must run in the direction its record is for."""
    got = run_opts.get("shorthand") or ""
    if processor in CHARLMS:
        if not got.startswith(f"{lang}_"):
            raise ModelError(f"the log trained a charlm for {got!r}, expected one for {lang!r}", path=log, line=1)
        direction = run_opts.get("direction", "forward")
        if direction != CHARLMS[processor]:
            raise ModelError(f"the log trained a {direction} charlm, expected {CHARLMS[processor]}", path=log, line=1)
        return
    shorthand = TREEBANKS[lang]["shorthand"]
    if got != shorthand:
        raise ModelError(f"the log trained {got!r}, expected {shorthand!r}", path=log, line=1)


def adopt(
    lang: str,
    processor: str,
    model: Path,
    logs: list[Path],
    out_dir: Path,
    *,
    machine: str,
    versions: dict[str, str],
    train_data: str,
    note: str | None = None,
    tags: str | None = None,
) -> dict[str, object]:
    """Copy ``model`` into ``out_dir`` under its shipped name and put its record, read
    from its training ``logs`` (one per stretch, in order), into ``out_dir/training.json``;
    the other processors' records stay."""
    if lang not in TREEBANKS:
        raise ModelError(f"unknown language {lang!r}; expected one of {sorted(TREEBANKS)}")
    modules = {**MODULES, **dict.fromkeys(CHARLMS, CHARLM_MODULE)}
    if processor not in modules:
        raise ModelError(f"unknown processor {processor!r}; expected one of {sorted(modules)}")
    if not logs:
        raise ModelError("at least one training log is needed")
    log = logs[0]
    cmd = logged_command(log)
    module, hp, flags, run_opts = split_command(cmd)
    if module != modules[processor]:
        raise ModelError(f"the log trained {module}, expected {modules[processor]} for {processor}", path=log, line=1)
    _check_shorthand(lang, processor, run_opts, log)
    if not model.is_file():
        raise ModelError("model file not found", path=model)
    training = out_dir / "training.json"
    if not training.is_file():
        raise ModelError("no training record to add to", path=training)
    data = json.loads(training.read_text(encoding="utf-8"))
    parts, curve = stretches(logs)
    record: dict[str, object] = {
        "processor": processor,
        "module": module,
        **ship_model(model, out_dir / model_filename(lang, processor)),
        "hyperparameters": {k: _typed(v) for k, v in hp.items()},
        "flags": flags,
        "command": cmd,
        "train_data": train_data,
        "machine": machine,
        "versions": versions,
        "threads": None,
        "started_utc": "see log",
        "wall_time_s": round(sum(float(p["wall_time_s"]) for p in parts), 1),  # type: ignore[arg-type]
        "dev_log_tail": dev_scores_from_log(logs[-1]),
        "learning_curve": curve,
    }
    if len(parts) > 1:
        record["stretches"] = parts
    if note:
        record["note"] = note
    if tags:
        record["tags"] = tags
    data["processors"][processor] = record
    if processor in CHARLMS:
        data["charlm"] = (
            "made here: Stanza's charlm, forward and backward (records forward_charlm and backward_charlm), "
            "read by the processors whose flags include --charlm"
        )
    data["total_wall_time_s"] = round(sum(r["wall_time_s"] for r in data["processors"].values()), 1)
    training.write_text(render_json(data, ensure_ascii=True), encoding="utf-8")
    return record
