"""Train the shipped Stanza models from a UD treebank, reproducibly, on CPU.

Drives Stanza's own training entry points (``python -m stanza.models.<module>``) as
subprocesses, one processor after another, and writes ``models/<lang>/training.json``
recording every hyperparameter, the seed, Stanza and torch versions, the treebank
commit (its ``SOURCE`` file), wall time, dev scores and the SHA-256 of each model file.

No pretrained word vectors or character LMs are used (none are available offline): the
tagger and parser run with ``--no_pretrain`` and learn their word embeddings from the
treebank's training text (``word_emb_dim``); character models are trained from scratch.

Sizes are chosen for a 2-core CPU (batch ~32 sentences, hidden ~128-200, parser batches
of ~1500 tokens, Adam from the start); early stopping on the dev set is Stanza's own
(``max_steps_before_stop`` keeps the best dev checkpoint).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kzcorpus.errors import ModelError
from kzcorpus.io.jsonl import render_json
from kzcorpus.io.raw import sha256_file
from kzcorpus.models import TREEBANKS

SEED = 1234
DEFAULT_WORK = Path("build/train_work")  # scratch; build/ is git-ignored

# processors per language, in training order; mwt only where the treebank has MWTs
PROCESSORS = {
    "tr": ("tokenize", "mwt", "lemma", "pos", "depparse"),
    "en": ("tokenize", "mwt", "lemma", "pos", "depparse"),
}

MODULES = {
    "tokenize": "stanza.models.tokenizer",
    "mwt": "stanza.models.mwt_expander",
    "lemma": "stanza.models.lemmatizer",
    "pos": "stanza.models.tagger",
    "depparse": "stanza.models.parser",
}

# Hyperparameters passed explicitly on the command line (everything else is Stanza's
# default, which is also recorded: Stanza echoes its full config into the log and the
# model file; we store the explicit overrides plus the command line).
HPARAMS: dict[str, dict[str, dict[str, object]]] = {
    "tr": {
        "tokenize": {
            "batch_size": 32,
            "hidden_dim": 64,
            "emb_dim": 32,
            "steps": 1600,
            "eval_steps": 200,
            "max_steps_before_stop": 800,
        },
        "mwt": {"batch_size": 50, "hidden_dim": 100, "emb_dim": 50, "num_epoch": 20},
        "lemma": {"batch_size": 50, "hidden_dim": 128, "emb_dim": 50, "num_epoch": 12},
        # Stanza's default sizes except char_hidden_dim 256 (400 doubles the step time
        # on 2 cores) and batch 32; the second optimiser (AMSGrad) is kept. The tagger
        # cannot resume, so one run must fit a 3-hour session on 2 cores (~0.45 s/step):
        # the first optimiser plateaus near step 6,500 (learning curve in training.json),
        # so it switches after 2,000 flat steps and the run is capped at 14,000.
        "pos": {
            "batch_size": 32,
            "hidden_dim": 200,
            "char_hidden_dim": 256,
            "deep_biaff_hidden_dim": 400,
            "composite_deep_biaff_hidden_dim": 100,
            "word_emb_dim": 75,
            "max_steps": 14000,
            "eval_interval": 250,
            "max_steps_before_stop": 2000,
            "optim": "adam",
            "lr": 0.003,
            "dropout": 0.33,
            "word_dropout": 0.2,
        },
        # The next parser run (issue 15): larger than release 0.1's (hidden 160, batch 1000,
        # 1,400 steps, gold tags, no checkpoint), trained on the tagger's predicted tags, and
        # resumable: Stanza's parser continues from its checkpoint in the work folder, so it
        # can run across sessions (stop it, then record the best dev model with --adopt).
        "depparse": {
            "batch_size": 2000,
            "hidden_dim": 256,
            "char_hidden_dim": 128,
            "deep_biaff_hidden_dim": 256,
            "word_emb_dim": 75,
            "num_layers": 2,
            "max_steps": 20000,
            "eval_interval": 250,
            "checkpoint_interval": 250,
            "max_steps_before_stop": 3000,
            "optim": "adam",
            "lr": 0.002,
            "beta2": 0.95,
            "dropout": 0.33,
            "word_dropout": 0.2,
        },
    },
    "en": {
        "tokenize": {
            "batch_size": 32,
            "hidden_dim": 64,
            "emb_dim": 32,
            "steps": 4000,
            "eval_steps": 300,
            "max_steps_before_stop": 900,
        },
        "mwt": {"batch_size": 50, "hidden_dim": 100, "emb_dim": 50, "num_epoch": 20},
        "lemma": {"batch_size": 100, "hidden_dim": 128, "emb_dim": 50, "num_epoch": 5},
        # Issue 15: EWT + GUM train (EXTRA_TRAIN), the Turkish tagger's sizes except char
        # hidden 128; evaluated every 500 steps (EWT dev is 25k words). About 1.1 s per
        # step on 2 idle cores, so a session's run stops near step 5,000 (stopped by hand).
        "pos": {
            "batch_size": 32,
            "hidden_dim": 200,
            "char_hidden_dim": 128,
            "deep_biaff_hidden_dim": 400,
            "composite_deep_biaff_hidden_dim": 100,
            "word_emb_dim": 75,
            "max_steps": 12000,
            "eval_interval": 500,
            "max_steps_before_stop": 2500,
            "optim": "adam",
            "lr": 0.003,
            "dropout": 0.33,
            "word_dropout": 0.2,
        },
        # The shipped English parser: this recipe (the Turkish one) on EWT + GUM, trained on
        # a GPU (tools/train_gpu.py; its record in training.json names the machine).
        "depparse": {
            "batch_size": 2000,
            "hidden_dim": 256,
            "char_hidden_dim": 128,
            "deep_biaff_hidden_dim": 256,
            "word_emb_dim": 75,
            "max_steps": 20000,
            "eval_interval": 250,
            "checkpoint_interval": 250,
            "max_steps_before_stop": 3000,
            "optim": "adam",
            "lr": 0.002,
            "beta2": 0.95,
            "dropout": 0.33,
            "word_dropout": 0.2,
        },
    },
}

_RELEASE_01_FLAGS = {
    "pos": ["--no_pretrain", "--no_second_optim"],
    "depparse": ["--no_pretrain", "--no_second_optim", "--no_checkpoint"],
    "lemma": [],
    "mwt": [],
    "tokenize": [],
}
# Flags per language and processor (a record of what each shipped model was trained with).
FLAGS: dict[str, dict[str, list[str]]] = {
    "tr": {**_RELEASE_01_FLAGS, "pos": ["--no_pretrain"], "depparse": ["--no_pretrain"]},
    "en": {**_RELEASE_01_FLAGS, "pos": ["--no_pretrain"], "depparse": ["--no_pretrain"]},
}

EXTRA_TRAIN: dict[str, dict[str, tuple[str, ...]]] = {
    "tr": {},
    "en": {"pos": ("UD_English-GUM/en_gum-ud-train.conllu",), "depparse": ("UD_English-GUM/en_gum-ud-train.conllu",)},
}
"""Train files added to the treebank's own, per processor, relative to the folder that
holds the UD treebanks (Stanza's default English is trained on EWT + GUM). They are
zipped with the treebank's train file: Stanza's tagger and parser read every member."""

PARSER_TAGS = {"tr": "predicted", "en": "gold"}
"""Which tags the parser trains on: ``predicted`` retags its train and dev files with the
tagger it will run behind (:mod:`kzcorpus.models.retag`), Stanza's own recipe."""


def model_filename(lang: str, processor: str) -> str:
    return f"{TREEBANKS[lang]['shorthand']}_{processor}.pt"


def _versions() -> dict[str, str]:
    import importlib.metadata as md

    out = {"python": platform.python_version()}
    for pkg in ("stanza", "torch", "udtools"):
        try:
            out[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def treebank_files(ud: Path, lang: str) -> dict[str, Path]:
    prefix = TREEBANKS[lang]["shorthand"]
    files = {split: ud / f"{prefix}-ud-{split}.conllu" for split in ("train", "dev", "test")}
    for split, path in files.items():
        if not path.is_file():
            raise ModelError(f"treebank {split} file not found; pass --ud <UD_... folder>", path=path)
    return files


def treebank_source(ud: Path) -> str:
    src = ud / "SOURCE"
    return src.read_text(encoding="utf-8").strip() if src.is_file() else "unknown (no SOURCE file)"


def with_extra_train(
    lang: str, processor: str, files: dict[str, Path], work: Path
) -> tuple[dict[str, Path], list[str]]:
    """``files`` with the train file replaced by a zip of it and :data:`EXTRA_TRAIN`, and
    the names of the train files for the record."""
    extra = EXTRA_TRAIN[lang].get(processor, ())
    if not extra:
        return files, [files["train"].name]
    import zipfile

    root = files["train"].resolve().parent.parent
    members = [files["train"]] + [root / rel for rel in extra]
    for m in members:
        if not m.is_file():
            raise ModelError("extra train file not found (EXTRA_TRAIN)", path=m)
    work.mkdir(parents=True, exist_ok=True)
    dst = work / f"{processor}_train.zip"
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for m in members:
            z.write(m, m.name)
    return {**files, "train": dst}, [m.name for m in members]


def prepare_tokenizer_data(conllu: Path, out_dir: Path, name: str) -> dict[str, Path]:
    """Raw text + per-character labels + MWT list, via Stanza's own utilities."""
    from stanza.utils.datasets import conllu_to_text
    from stanza.utils.datasets import prepare_tokenizer_data as ptd

    out_dir.mkdir(parents=True, exist_ok=True)
    txt = out_dir / f"{name}.txt"
    labels = out_dir / f"{name}.toklabels"
    mwt = out_dir / f"{name}-mwt.json"
    conllu_to_text.convert_text(str(conllu), str(txt))
    ptd.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
    return {"txt": txt, "labels": labels, "mwt": mwt}


def build_command(
    lang: str, processor: str, files: dict[str, Path], work: Path, save_dir: Path, hp: dict[str, object]
) -> list[str]:
    sh = TREEBANKS[lang]["shorthand"]
    cmd = [
        sys.executable,
        "-m",
        MODULES[processor],
        "--mode",
        "train",
        "--shorthand",
        sh,
        "--save_dir",
        str(save_dir),
        "--save_name",
        model_filename(lang, processor),
        "--seed",
        str(SEED),
        "--cpu",
    ]
    if processor != "lemma":
        cmd += ["--lang", lang]
    if processor == "tokenize":
        tr = prepare_tokenizer_data(files["train"], work / "tokenize", "train")
        dv = prepare_tokenizer_data(files["dev"], work / "tokenize", "dev")
        cmd += [
            "--txt_file",
            str(tr["txt"]),
            "--label_file",
            str(tr["labels"]),
            "--dev_txt_file",
            str(dv["txt"]),
            "--dev_label_file",
            str(dv["labels"]),
            "--dev_conll_gold",
            str(files["dev"]),
            "--conll_file",
            str(work / "tokenize" / "dev.pred.conllu"),
        ]
        # Stanza's tokenizer always reads the MWT list; both treebanks have MWTs
        cmd += ["--mwt_json_file", str(tr["mwt"])]
        cmd += ["--use_mwt"] if "mwt" in PROCESSORS[lang] else ["--no_use_mwt"]
    else:
        out = work / processor / "dev.pred.conllu"
        out.parent.mkdir(parents=True, exist_ok=True)
        cmd += ["--train_file", str(files["train"]), "--eval_file", str(files["dev"]), "--output_file", str(out)]
        if processor == "mwt":
            cmd += ["--gold_file", str(files["dev"])]
    for key, value in hp.items():
        cmd += [f"--{key}", str(value)]
    cmd += FLAGS[lang][processor]
    return cmd


def dev_scores_from_log(log: Path) -> list[str]:
    """Lines of the training log that report dev scores (kept verbatim)."""
    if not log.is_file():
        return []
    keep = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        low = line.lower()
        if ("dev" in low and ("score" in low or "f1" in low)) or "best" in low or "eval checkpoint" in low:
            keep.append(line.strip()[-240:])
    return keep[-12:]


_TS = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) ")
_DEV_SCORE = re.compile(r"step (\d+): train_loss = ([\d.]+), dev_score = ([\d.]+)")
_CHARLM_DEV = re.compile(r"eval checkpoint @ global step +(\d+) .*\| loss +([\d.]+) \| ppl +([\d.]+)")


def learning_curve(log: Path) -> list[dict[str, float]]:
    """Every dev evaluation of a Stanza training log: step, train loss, dev score (x100);
    for a charlm, step, dev loss and dev perplexity (lower is better)."""
    if not log.is_file():
        return []
    out: list[dict[str, float]] = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := _DEV_SCORE.search(line):
            out.append({"step": int(m[1]), "train_loss": float(m[2]), "dev_score": round(100 * float(m[3]), 2)})
        elif c := _CHARLM_DEV.search(line):
            out.append({"step": int(c[1]), "dev_loss": float(c[2]), "dev_ppl": float(c[3])})
    return out


def _log_span_s(log: Path) -> float:
    """Seconds between the first and last timestamped lines of a Stanza log."""
    stamps = [
        m.group(1) for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if (m := _TS.match(line))
    ]
    if len(stamps) < 2:
        return 0.0
    fmt = "%Y-%m-%d %H:%M:%S"
    first, last = (_dt.datetime.strptime(x, fmt) for x in (stamps[0], stamps[-1]))
    return (last - first).total_seconds()


def compact_model_file(path: Path) -> str:
    """Store the network weights as float16 to keep the shipped models small.

    Only the floating-point tensors of ``checkpoint["model"]`` (a charlm's
    ``checkpoint["model"]["state_dict"]``) change; Stanza copies them
    into its float32 parameters on load (``load_state_dict`` casts), so inference runs in
    float32. Everything is read back with ``weights_only=True``.
    """
    import torch

    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    model = checkpoint.get("model") if isinstance(checkpoint, dict) else None
    if isinstance(model, dict) and isinstance(model.get("state_dict"), dict):
        model = model["state_dict"]  # a charlm keeps its weights one level down
    if not isinstance(model, dict):
        return "as saved by Stanza"
    for name, tensor in model.items():
        if isinstance(tensor, torch.Tensor) and tensor.dtype == torch.float32:
            model[name] = tensor.to(torch.float16)
    torch.save(checkpoint, path)
    return "float16 weights (cast from float32 after training)"


def ship_model(src: Path, dst: Path) -> dict[str, object]:
    """Put a trained model at its shipped path (float16, :func:`compact_model_file`) and
    return the facts every training record keeps about the file."""
    if src != dst:
        dst.write_bytes(src.read_bytes())
    stored_as = compact_model_file(dst)
    return {
        "model_file": dst.name,
        "sha256": sha256_file(dst),
        "size_bytes": dst.stat().st_size,
        "stored_as": stored_as,
    }


def retagged_files(
    lang: str, files: dict[str, Path], work: Path, out_dir: Path, threads: int
) -> tuple[dict[str, Path], str]:
    """Train and dev files with the tagger's predicted tags (made once per tagger, cached
    in the work folder under the tagger's hash), and a note for the training record."""
    from kzcorpus.models.retag import retag_file, stanza_tagger
    from kzcorpus.paths import models_dir

    pos = out_dir / model_filename(lang, "pos")
    if not pos.is_file():
        pos = models_dir() / lang / model_filename(lang, "pos")
    digest = sha256_file(pos)
    folder = work / "retagged" / digest[:12]
    out = dict(files)
    tagger = None
    for split in ("train", "dev"):
        dst = folder / files[split].name
        if not dst.is_file():
            tagger = tagger or stanza_tagger(lang, pos, threads)
            retag_file(files[split], dst, tagger)
        out[split] = dst
    return out, f"trained on UPOS/XPOS/FEATS predicted by {pos.name} sha256:{digest} (gold words and trees)"


def train_processor(
    lang: str, processor: str, ud: Path, work: Path, out_dir: Path, threads: int, adopt: bool = False
) -> dict[str, object]:
    files = treebank_files(ud, lang)
    pwork = work / lang
    pwork.mkdir(parents=True, exist_ok=True)
    hp = dict(HPARAMS[lang][processor])
    save_dir = pwork / "saved"
    save_dir.mkdir(parents=True, exist_ok=True)
    tags_note = None
    if processor == "depparse" and PARSER_TAGS[lang] == "predicted":
        files, tags_note = retagged_files(lang, files, pwork, out_dir, threads)
    files, train_data = with_extra_train(lang, processor, files, pwork)
    cmd = build_command(lang, processor, files, pwork, save_dir, hp)
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), PYTHONHASHSEED=str(SEED))
    log = pwork / f"{processor}.log"
    note = None
    if adopt:
        # A run that was stopped by hand (time budget): keep its best dev checkpoint,
        # which Stanza saved at the last improving evaluation, and its real wall time.
        if not log.is_file():
            raise ModelError("no previous training log to adopt", path=log)
        started = "see log"
        wall = _log_span_s(log)
        rc = 0
        note = "stopped by hand before max_steps (time budget); best dev checkpoint kept"
    else:
        started = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        t0 = time.monotonic()
        with open(log, "w", encoding="utf-8") as fh:
            fh.write("$ " + " ".join(cmd) + "\n")
            fh.flush()
            rc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=pwork).returncode
        wall = time.monotonic() - t0
    if rc != 0:
        raise ModelError(f"training {processor} failed with exit code {rc}; see the log", path=log)
    src = save_dir / model_filename(lang, processor)
    if not src.is_file():
        raise ModelError(f"training {processor} produced no model file; see {log}", path=src)
    out_dir.mkdir(parents=True, exist_ok=True)
    record = {
        "processor": processor,
        "module": MODULES[processor],
        **ship_model(src, out_dir / src.name),
        "hyperparameters": hp,
        "flags": FLAGS[lang][processor],
        "command": [Path(c).name if c == sys.executable else c for c in cmd],
        "train_data": " + ".join(train_data),
        "threads": threads,
        "started_utc": started,
        "wall_time_s": round(wall, 1),
        "dev_log_tail": dev_scores_from_log(log),
        "learning_curve": learning_curve(log),
    }
    if note:
        record["note"] = note
    if tags_note:
        record["tags"] = tags_note
    rec_dir = pwork / "records"
    rec_dir.mkdir(parents=True, exist_ok=True)
    (rec_dir / f"{processor}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    return record


def compact_recorded(lang: str, work: Path, out_dir: Path) -> None:
    """Apply :func:`compact_model_file` to models recorded before it existed; refresh hashes."""
    rec_dir = work / lang / "records"
    for f in sorted(rec_dir.glob("*.json")):
        record = json.loads(f.read_text(encoding="utf-8"))
        if record.get("stored_as", "").startswith("float16"):
            continue
        path = out_dir / record["model_file"]
        record.update(ship_model(path, path))
        f.write_text(json.dumps(record, indent=2), encoding="utf-8")


def write_training_json(lang: str, ud: Path, work: Path, out_dir: Path) -> Path:
    """Merge per-processor records into ``models/<lang>/training.json``."""
    rec_dir = work / lang / "records"
    records = {}
    for proc in PROCESSORS[lang]:
        f = rec_dir / f"{proc}.json"
        if f.is_file():
            records[proc] = json.loads(f.read_text(encoding="utf-8"))
    data = {
        "language": lang,
        "treebank": TREEBANKS[lang]["treebank"],
        "treebank_source": treebank_source(ud),
        "seed": SEED,
        "versions": _versions(),
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform()},
        "pretrained_embeddings": "none (--no_pretrain; word embeddings learned from the treebank train split)",
        "charlm": "none",
        "processors": records,
        "total_wall_time_s": round(sum(r["wall_time_s"] for r in records.values()), 1),
        "reproduce": f"kzcorpus models train {lang} --ud <path>/{TREEBANKS[lang]['treebank']}",
    }
    path = out_dir / "training.json"
    path.write_text(render_json(data, ensure_ascii=True), encoding="utf-8")
    return path


def train(
    lang: str,
    ud: Path,
    *,
    out_dir: Path | None = None,
    work: Path = DEFAULT_WORK,
    processors: list[str] | None = None,
    threads: int = 2,
    adopt: bool = False,
    compact_only: bool = False,
    log: Callable[[str], object] = print,
) -> Path:
    if lang not in TREEBANKS:
        raise ModelError(f"unknown language {lang!r}; expected one of {sorted(TREEBANKS)}")
    from kzcorpus.paths import models_dir

    ud = Path(ud).resolve()
    work = Path(work).resolve()
    out_dir = Path(out_dir).resolve() if out_dir else (models_dir() / lang)
    if compact_only:
        compact_recorded(lang, work, out_dir)
        return write_training_json(lang, ud, work, out_dir)
    procs = processors or list(PROCESSORS[lang])
    for p in procs:
        if p not in PROCESSORS[lang]:
            raise ModelError(f"processor {p!r} is not trained for {lang}; choose from {PROCESSORS[lang]}")
    path = out_dir / "training.json"
    for p in procs:
        log(f"[{lang}] training {p} ...")
        rec = train_processor(lang, p, ud, work, out_dir, threads, adopt=adopt)
        log(f"[{lang}] {p} done in {rec['wall_time_s']} s -> {rec['model_file']}")
        path = write_training_json(lang, ud, work, out_dir)  # after each run, so a crash keeps the rest
    return path
