"""Train Stanza's default configurations on a GPU machine, in parallel, within a deadline.

Issue 15 asks that, where a GPU is available, Stanza's full default configurations are
trained on it. A lent GPU machine here is bare (no kzcorpus, no stanza, nothing reachable)
and lent for minutes, so the work is cut in two:

``bundle`` (here, with kzcorpus installed) writes a self-contained folder: the treebank
files, the parser's train/dev files retagged by the shipped tagger (kzcorpus.models.retag,
Stanza's own recipe), the tokenizer's character labels, and ``jobs.json`` with the exact
Stanza command of every run.

``run`` (there, standard library + stanza only) starts each job once the jobs it comes
``after`` have stopped (the charlm readers after their charlms), stops the ones still
training at the deadline or their own ``stop_after_s`` (each keeps the best dev model Stanza
saved), stores the weights as float16 and packs models and logs into parts small enough
to come back.

Each log starts with ``$ <command>``; ``kzcorpus models adopt`` records a returned model
from its log, so the training record shows the command that really ran, and
``summary.json`` names the versions and device the runs used.

Learned on the first run (docs/training/2026-11-29-h200): nine jobs at once left each
with a few steps per second, and dev evaluations every 100 steps cost seconds each; run
fewer jobs (``--only``), evaluate less often (``--more "NAME=--eval_interval 500"``) and
continue a parser in a second stretch (``--continue_from``). The second run
(docs/training/2026-11-30-h200) found a Stanza tagger no faster than 0.13 s per step even
alone on the machine: one long run per lease, not many short ones.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

SEED = 1234
PART_BYTES = 15 * 1024 * 1024

# Extra Turkish trees tried for the parser (issue 15: "more Turkish data, only where it
# measurably helps"): news-like BOUN-style treebanks; chosen on IMST dev, never IMST test.
EXTRA_TR = [
    "UD_Turkish-Kenet/tr_kenet-ud-dev.conllu",
    "UD_Turkish-Kenet/tr_kenet-ud-test.conllu",
    "UD_Turkish-Penn/tr_penn-ud-dev.conllu",
    "UD_Turkish-Penn/tr_penn-ud-test.conllu",
    "UD_Turkish-BOUN/tr_boun-ud-dev.conllu",
]

# Parser sizes. Stanza's default parser (hidden 400, deep biaffine 400) has about 20M
# parameters, 40 MB even as float16, so two of them break the 80 MB budget for models/;
# the parsers here keep Stanza's other defaults (three layers, Adadelta then Adam, batch
# 5000 tokens) at a size that fits, beside the Adam recipe prepared for two CPU cores
# (kzcorpus.models.train.HPARAMS["tr"]["depparse"]).
BUDGET_PARSER = {
    "tr": {"hidden_dim": 320, "deep_biaff_hidden_dim": 256},
    "en": {"hidden_dim": 256, "deep_biaff_hidden_dim": 200},
}
COMPACT_PARSER = {
    "batch_size": 2000,
    "hidden_dim": 256,
    "char_hidden_dim": 128,
    "deep_biaff_hidden_dim": 256,
    "word_emb_dim": 75,
    "optim": "adam",
    "lr": 0.002,
    "beta2": 0.95,
    "dropout": 0.33,
    "word_dropout": 0.2,
}
# The returned models are packed best first: what cannot come back in the first call
# stays on the machine for a second, short one.
FIRST_CALL_PARTS = 4


def _flags(hp: dict[str, object]) -> list[str]:
    out: list[str] = []
    for key, value in hp.items():
        out += [f"--{key}", str(value)]
    return out


def _common(module: str, shorthand: str, name: str, save: str, lang: str | None) -> list[str]:
    cmd = ["-m", module, "--mode", "train", "--shorthand", shorthand, "--save_dir", f"runs/{name}"]
    cmd += ["--save_name", save, "--seed", str(SEED)]
    return cmd + (["--lang", lang] if lang else [])


TAGGER, PARSER, TOKENIZER = "stanza.models.tagger", "stanza.models.parser", "stanza.models.tokenizer"
TR = {"train": "data/tr/train.conllu", "dev": "data/tr/dev.conllu"}
TR_RETAGGED = {"train": "data/tr/train.retagged.conllu", "dev": "data/tr/dev.retagged.conllu"}
EN = {"train": "data/en/train.zip", "dev": "data/en/dev.conllu"}

# name, module, train file, dev file, options beyond Stanza's defaults, note
TAGGED_JOBS: list[tuple[str, str, str, str, dict[str, object], str]] = [
    ("tr_pos_default", TAGGER, TR["train"], TR["dev"], {}, "Stanza's default tagger, IMST train"),
    (
        "tr_dep_default",
        PARSER,
        TR_RETAGGED["train"],
        TR_RETAGGED["dev"],
        BUDGET_PARSER["tr"],
        "Stanza's default parser at the budget size, on the shipped tagger's predicted tags",
    ),
    (
        "tr_dep_compact",
        PARSER,
        TR_RETAGGED["train"],
        TR_RETAGGED["dev"],
        COMPACT_PARSER,
        "the 2-core recipe (smaller, Adam) on predicted tags",
    ),
    (
        "tr_dep_goldtags",
        PARSER,
        TR["train"],
        TR_RETAGGED["dev"],
        BUDGET_PARSER["tr"],
        "as tr_dep_default, trained on gold tags (dev on predicted tags, comparable)",
    ),
    (
        "tr_dep_extra",
        PARSER,
        "data/tr/train_extra.zip",
        TR_RETAGGED["dev"],
        BUDGET_PARSER["tr"],
        "as tr_dep_default, IMST (twice) + Kenet/Penn/BOUN trees, all retagged",
    ),
    ("en_pos_default", TAGGER, EN["train"], EN["dev"], {}, "Stanza's default tagger, EWT + GUM train"),
    (
        "en_dep_default",
        PARSER,
        EN["train"],
        EN["dev"],
        BUDGET_PARSER["en"],
        "Stanza's default parser at the budget size, EWT + GUM train, gold tags",
    ),
    (
        "en_dep_compact",
        PARSER,
        EN["train"],
        EN["dev"],
        COMPACT_PARSER,
        "the 2-core recipe (smaller, Adam), EWT + GUM train, gold tags",
    ),
]


CHARLM = "stanza.models.charlm"
# Character language models made here (issue 15: "Stanza's character LM from the text you
# have"): Stanza's charlm at hidden 512 (its default 1024 is four times the size, about 19 MB
# a pair as float16, past the models/ budget), trained on the raw text of the treebanks in
# ../shared only -- never IMST dev/test or EWT dev/test, which score the models.
CHARLM_TEXT = {
    "tr": "every Turkish treebank file in ../shared/ud except tr_imst-ud-dev and tr_imst-ud-test",
    "en": "en_ewt-ud-train and en_gum-ud-train",
}
CHARLM_OPTIONS: dict[str, object] = {"char_hidden_dim": 512, "epochs": 60, "eval_steps": -1, "cutoff": 20}
CHARLM_SECONDS = 130  # stopped then (best dev model kept), so the taggers get the rest
# The shipped Turkish parser's sizes (models/tr/training.json): the Adam recipe at hidden 256
# is 2.3 times its size, which with four charlms would break the models/ budget.
SHIPPED_TR_PARSER: dict[str, object] = {
    "batch_size": 1000,
    "hidden_dim": 160,
    "char_hidden_dim": 128,
    "deep_biaff_hidden_dim": 160,
    "word_emb_dim": 75,
    "num_layers": 2,
    "optim": "adam",
    "lr": 0.002,
    "beta2": 0.95,
    "dropout": 0.25,
    "word_dropout": 0.15,
}


def charlm_flags(lang: str) -> list[str]:
    """A tagger's or parser's options to use the charlm pair trained in the same run."""
    return [
        "--charlm",
        "--charlm_shorthand",
        f"{lang}_kz",
        "--charlm_forward_file",
        f"runs/{lang}_charlm_forward/{lang}_kz_forward_charlm.pt",
        "--charlm_backward_file",
        f"runs/{lang}_charlm_backward/{lang}_kz_backward_charlm.pt",
    ]


def charlm_jobs() -> list[dict[str, object]]:
    jobs: list[dict[str, object]] = []
    for lang in ("tr", "en"):
        for direction in ("forward", "backward"):
            name = f"{lang}_charlm_{direction}"
            argv = ["-m", CHARLM, "--mode", "train", "--shorthand", f"{lang}_kz", "--direction", direction]
            argv += ["--save_dir", f"runs/{name}", "--save_name", f"{lang}_kz_{direction}_charlm.pt"]
            argv += ["--vocab_save_name", f"{lang}_kz_vocab.pt", "--seed", str(SEED), "--no_checkpoint"]
            argv += ["--train_dir", f"data/{lang}/charlm/train", "--eval_file", f"data/{lang}/charlm/dev.txt"]
            argv += _flags(CHARLM_OPTIONS)
            note = f"Stanza's charlm ({direction}), hidden 512, on {CHARLM_TEXT[lang]}"
            jobs.append(
                {
                    "name": name,
                    "group": f"{lang}/charlm_{direction}",
                    "argv": argv,
                    "note": note,
                    "stop_after_s": CHARLM_SECONDS,
                }
            )
    return jobs


def with_charlm_jobs() -> list[dict[str, object]]:
    """Taggers and parsers that use the charlm pair: started once both have stopped."""
    from kzcorpus.models.train import HPARAMS

    gpu = {"eval_interval": 500, "max_steps": 50000}
    specs = [
        ("tr_pos_charlm", TAGGER, TR, {**HPARAMS["tr"]["pos"], **gpu}, "the shipped Turkish tagger's recipe + charlm"),
        (
            "tr_pos_charlm64",
            TAGGER,
            TR,
            {**HPARAMS["tr"]["pos"], **gpu, "batch_size": 64},
            "as tr_pos_charlm, batch 64",
        ),
        (
            "tr_dep_charlm",
            PARSER,
            TR_RETAGGED,
            SHIPPED_TR_PARSER | {"eval_interval": 250},
            "the shipped Turkish parser's sizes + charlm, on the shipped tagger's predicted tags",
        ),
        ("en_pos_charlm", TAGGER, EN, {**HPARAMS["en"]["pos"], **gpu}, "the shipped English tagger's recipe + charlm"),
        (
            "en_dep_charlm",
            PARSER,
            EN,
            COMPACT_PARSER | {"eval_interval": 250},
            "the shipped English parser's recipe + charlm, EWT + GUM, gold tags",
        ),
    ]
    jobs: list[dict[str, object]] = []
    for name, module, files, options, note in specs:
        job = tagged_job(name, module, files["train"], files["dev"], options, note)
        lang = name[:2]
        job["argv"] = [*job["argv"], *charlm_flags(lang)]  # type: ignore[misc]
        job["after"] = [f"{lang}_charlm_forward", f"{lang}_charlm_backward"]
        jobs.append(job)
    return jobs


def tagged_job(
    name: str, module: str, train: str, dev: str, options: dict[str, object], note: str
) -> dict[str, object]:
    """A tagger or parser run on a UD train/dev pair (the language is the name's prefix)."""
    lang = name[:2]
    processor = "pos" if module == TAGGER else "depparse"
    shorthand = "tr_imst" if lang == "tr" else "en_ewt"
    argv = _common(module, shorthand, name, f"{shorthand}_{processor}.pt", lang)
    argv += ["--train_file", train, "--eval_file", dev, "--output_file", f"runs/{name}/dev.pred.conllu"]
    argv += [*_flags(options), "--no_pretrain"]
    return {"name": name, "group": f"{lang}/{processor}", "argv": argv, "note": note}


def make_jobs() -> list[dict[str, object]]:
    """Every run: name, group (what it would replace), Stanza's argv (paths relative to
    the bundle) and the jobs it starts after. No pretrained word vectors exist offline
    (--no_pretrain); the charlms are made by jobs of their own (:func:`charlm_jobs`)."""
    jobs = [tagged_job(*spec) for spec in TAGGED_JOBS]
    tok = _common(TOKENIZER, "en_ewt", "en_tok_default", "en_ewt_tokenize.pt", "en")
    tok += ["--txt_file", "data/en/tok/train.txt", "--label_file", "data/en/tok/train.toklabels"]
    tok += ["--dev_txt_file", "data/en/tok/dev.txt", "--dev_label_file", "data/en/tok/dev.toklabels"]
    tok += ["--dev_conll_gold", "data/en/dev.conllu", "--conll_file", "runs/en_tok_default/dev.pred.conllu"]
    tok += ["--mwt_json_file", "data/en/tok/train-mwt.json", "--use_mwt"]
    note = "Stanza's default tokenizer, EWT + GUM train"
    jobs.append({"name": "en_tok_default", "group": "en/tokenize", "argv": tok, "note": note})
    return jobs + charlm_jobs() + with_charlm_jobs()


# ---------------------------------------------------------------- bundle (here)


def bundle(out: Path, ud: Path, threads: int) -> None:
    """Write the bundle folder (data + jobs.json); uses kzcorpus and the shipped tagger."""
    import zipfile

    from kzcorpus.io.raw import sha256_file
    from kzcorpus.models.retag import retag_file, stanza_tagger
    from kzcorpus.models.train import model_filename, prepare_tokenizer_data
    from kzcorpus.paths import models_dir

    data = out / "data"
    (data / "tr").mkdir(parents=True, exist_ok=True)
    (data / "en").mkdir(parents=True, exist_ok=True)
    imst = ud / "UD_Turkish-IMST"
    shutil.copy(imst / "tr_imst-ud-train.conllu", data / "tr/train.conllu")
    shutil.copy(imst / "tr_imst-ud-dev.conllu", data / "tr/dev.conllu")
    pos = models_dir() / "tr" / model_filename("tr", "pos")
    tagger = stanza_tagger("tr", pos, threads)
    for split in ("train", "dev"):
        if not (data / f"tr/{split}.retagged.conllu").is_file():
            retag_file(data / f"tr/{split}.conllu", data / f"tr/{split}.retagged.conllu", tagger)
    extra_dir = data / "tr/extra"
    extra_dir.mkdir(exist_ok=True)
    imst2 = extra_dir / "train.retagged.copy2.conllu"
    shutil.copy(data / "tr/train.retagged.conllu", imst2)
    members = [data / "tr/train.retagged.conllu", imst2]
    for rel in EXTRA_TR:
        dst = extra_dir / Path(rel).name
        if not dst.is_file():
            retag_file(ud / rel, dst, tagger)
        members.append(dst)
    with zipfile.ZipFile(data / "tr/train_extra.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for m in members:
            z.write(m, m.name)
    ewt, gum = ud / "UD_English-EWT", ud / "UD_English-GUM"
    shutil.copy(ewt / "en_ewt-ud-train.conllu", data / "en/ewt_train.conllu")
    shutil.copy(gum / "en_gum-ud-train.conllu", data / "en/gum_train.conllu")
    shutil.copy(ewt / "en_ewt-ud-dev.conllu", data / "en/dev.conllu")
    with zipfile.ZipFile(data / "en/train.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("ewt_train.conllu", "gum_train.conllu"):
            z.write(data / "en" / name, name)
    both = data / "en/tok/train.conllu"
    both.parent.mkdir(exist_ok=True)
    both.write_text(
        (data / "en/ewt_train.conllu").read_text(encoding="utf-8").rstrip("\n")
        + "\n\n"
        + (data / "en/gum_train.conllu").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    prepare_tokenizer_data(both, data / "en/tok", "train")
    prepare_tokenizer_data(data / "en/dev.conllu", data / "en/tok", "dev")
    both.unlink()
    for name in ("ewt_train.conllu", "gum_train.conllu"):
        (data / "en" / name).unlink()  # both taggers and parsers read train.zip
    write_charlm_text(ud, data)
    sources = {
        "tagger_for_predicted_tags": {"file": pos.name, "sha256": sha256_file(pos)},
        "treebanks": {
            p.name: (p / "SOURCE").read_text(encoding="utf-8").strip() if (p / "SOURCE").is_file() else None
            for p in sorted(ud.iterdir())
            if p.is_dir()
        },
    }
    (out / "jobs.json").write_text(json.dumps({"seed": SEED, "sources": sources, "jobs": make_jobs()}, indent=2))
    # the parser reads the zip; the loose extra files need not travel
    shutil.rmtree(extra_dir)
    print(f"bundle written to {out}")


def _sentence_texts(path: Path) -> list[str]:
    prefix = "# text = "
    with open(path, encoding="utf-8") as fh:
        return [line[len(prefix) :].rstrip("\n") for line in fh if line.startswith(prefix)]


def charlm_files(ud: Path) -> dict[str, list[Path]]:
    """The treebank files whose text the embeddings made here read (CHARLM_TEXT); also
    tools/wordvec.py's, so the word vectors and the charlm share one text."""
    held_out = {"tr_imst-ud-dev.conllu", "tr_imst-ud-test.conllu"}
    return {
        "tr": [p for p in sorted(ud.glob("UD_Turkish-*/*.conllu")) if p.name not in held_out],
        "en": [ud / "UD_English-EWT/en_ewt-ud-train.conllu", ud / "UD_English-GUM/en_gum-ud-train.conllu"],
    }


def write_charlm_text(ud: Path, data: Path) -> None:
    """Raw sentence text for the charlm (CHARLM_TEXT): every 20th sentence is its dev set."""
    for lang, paths in charlm_files(ud).items():
        lines = [t for p in paths for t in _sentence_texts(p)]
        out = data / lang / "charlm"
        (out / "train").mkdir(parents=True, exist_ok=True)
        dev = lines[::20]
        train = [t for i, t in enumerate(lines) if i % 20]
        (out / "train/text.txt").write_text("\n".join(train) + "\n", encoding="utf-8")
        (out / "dev.txt").write_text("\n".join(dev) + "\n", encoding="utf-8")
        print(f"charlm text {lang}: {len(train)} train / {len(dev)} dev sentences from {len(paths)} files")


# ---------------------------------------------------------------- run (there)

_DEV = re.compile(r"step (\d+): train_loss = ([\d.]+), dev_score = ([\d.]+)")
# the charlm reports dev perplexity; its curve is stored as -ppl so that higher is better
_CHARLM_DEV = re.compile(r"eval checkpoint @ global step +(\d+) .* ppl +([\d.]+)")


def dev_curve(log: Path) -> list[tuple[int, float]]:
    # twin of kzcorpus.models.train.learning_curve: kzcorpus is not installed there
    out = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _DEV.search(line)
        if m:
            out.append((int(m[1]), float(m[3])))
        elif c := _CHARLM_DEV.search(line):
            out.append((int(c[1]), -float(c[2])))
    return out


def compact(path: Path) -> None:
    # twin of kzcorpus.models.train.compact_model_file, for the same reason
    import torch

    ck = torch.load(path, map_location="cpu", weights_only=True)
    model = ck.get("model") if isinstance(ck, dict) else None
    if isinstance(model, dict) and isinstance(model.get("state_dict"), dict):
        model = model["state_dict"]  # a charlm keeps its weights one level down
    if isinstance(model, dict):
        for k, t in model.items():
            if isinstance(t, torch.Tensor) and t.dtype == torch.float32:
                model[k] = t.to(torch.float16)
        torch.save(ck, path)


def run(bundle_dir: Path, out: Path, deadline_s: float, only: list[str], cpu: bool, more: dict[str, list[str]]) -> int:
    spec = json.loads((bundle_dir / "jobs.json").read_text())
    jobs = [j for j in spec["jobs"] if not only or j["name"] in only]
    for job in jobs:  # e.g. a second stretch: --continue_from a model returned by the first
        job["argv"] = [*job["argv"], *more.get(str(job["name"]), [])]
    logs = bundle_dir / "logs"
    logs.mkdir(exist_ok=True)
    t0 = time.monotonic()
    procs: dict[str, tuple[subprocess.Popen[bytes], object, float, float]] = {}
    waiting = list(jobs)
    names = {str(j["name"]) for j in jobs}
    status: dict[str, dict[str, object]] = {}

    def start(job: dict[str, object]) -> None:
        name = str(job["name"])
        (bundle_dir / "runs" / name).mkdir(parents=True, exist_ok=True)
        argv = [sys.executable, *job["argv"]] + (["--cpu"] if cpu else [])  # type: ignore[misc]
        fh = open(logs / f"{name}.log", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
        fh.write("$ " + " ".join(["python", *argv[1:]]) + "\n")
        fh.flush()
        env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONHASHSEED=str(SEED))
        p = subprocess.Popen(argv, cwd=bundle_dir, stdout=fh, stderr=subprocess.STDOUT, env=env)
        stop_at = min(deadline_s, time.monotonic() - t0 + float(job.get("stop_after_s", deadline_s)))  # type: ignore[arg-type]
        procs[name] = (p, fh, time.monotonic(), stop_at)
        print(f"started {name} at {int(time.monotonic() - t0)} s", flush=True)

    while waiting or procs:
        for job in list(waiting):  # a job starts once every job it comes after has stopped
            # a job it comes after that is not in this run (--only) was run before: its model is in the bundle
            after = [str(a) for a in job.get("after", []) if a in names]  # type: ignore[attr-defined]
            if all(a in status for a in after):
                waiting.remove(job)
                if time.monotonic() - t0 < deadline_s - 30:
                    start(job)
                else:
                    status[str(job["name"])] = {"rc": None, "stopped_at_deadline": True, "wall_s": 0.0}
        time.sleep(5)
        elapsed = time.monotonic() - t0
        for name, (p, fh, started, stop_at) in list(procs.items()):
            rc = p.poll()
            if rc is None and elapsed < stop_at:
                continue
            stopped = rc is None
            if stopped:
                p.send_signal(signal.SIGTERM)
                try:
                    rc = p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    rc = p.wait()
            fh.close()  # type: ignore[attr-defined]
            status[name] = {"rc": rc, "stopped_at_deadline": stopped, "wall_s": round(time.monotonic() - started, 1)}
            print(f"{name}: rc={rc} stopped={stopped} after {status[name]['wall_s']} s", flush=True)
            del procs[name]
        if int(elapsed) % 60 < 5:
            for name in procs:
                curve = dev_curve(logs / f"{name}.log")
                if curve:
                    print(f"  {int(elapsed)} s {name}: step {curve[-1][0]} dev {curve[-1][1]:.4f}", flush=True)
    pack(bundle_dir, out, jobs, status)
    return 0


def ship_order(summary: dict[str, dict[str, object]]) -> list[str]:
    """Jobs with a model, best first: each group's best dev model, then the others."""
    with_model = [n for n, e in summary.items() if e.get("model")]

    def dev(n: str) -> float:
        v = summary[n].get("best_dev")
        return float(v) if isinstance(v, (int, float)) else -1.0

    best: dict[str, str] = {}
    for n in with_model:
        g = str(summary[n]["group"])
        if g not in best or dev(n) > dev(best[g]):
            best[g] = n
    firsts = [best[g] for g in sorted(best, key=lambda g: float(summary[best[g]].get("size_bytes", 0)))]
    rest = sorted((n for n in with_model if n not in firsts), key=dev, reverse=True)
    return firsts + rest


def environment() -> dict[str, object]:
    """What the training records need to name the machine: versions and the device."""
    import platform

    env: dict[str, object] = {"python": platform.python_version(), "cpu_count": os.cpu_count()}
    try:
        import stanza
        import torch
    except ImportError as exc:  # reported, not fatal: the logs still come back
        env["import_error"] = repr(exc)
        return env
    env["stanza"] = stanza.__version__
    env["torch"] = torch.__version__
    env["device"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
    return env


def pack(bundle_dir: Path, out: Path, jobs: list[dict[str, object]], status: dict[str, dict[str, object]]) -> None:
    """Compact every model, write summary.json, tar logs then models best first, and split
    the tar into parts: the first FIRST_CALL_PARTS go to ``out``, the rest wait in
    /tmp/kz_ship_rest for a second call (``cp /tmp/kz_ship_rest/* $OUT``)."""
    summary: dict[str, dict[str, object]] = {}
    stage = bundle_dir / "ship"
    stage.mkdir(exist_ok=True)
    for job in jobs:
        name = str(job["name"])
        argv = list(job["argv"])  # type: ignore[arg-type]
        save = Path(argv[argv.index("--save_dir") + 1]) / argv[argv.index("--save_name") + 1]
        model = bundle_dir / save
        curve = dev_curve(bundle_dir / "logs" / f"{name}.log")
        entry: dict[str, object] = {**status.get(name, {}), "group": job["group"], "note": job["note"], "model": None}
        entry["best_dev"] = max((s for _, s in curve), default=None)
        entry["last_step"] = curve[-1][0] if curve else None
        if model.is_file():
            try:
                compact(model)
                dst = stage / f"{name}.pt"
                shutil.copy(model, dst)
                entry["model"] = dst.name
                entry["size_bytes"] = dst.stat().st_size
            except Exception as exc:  # a model cut short mid-write is reported, not shipped
                entry["model_error"] = repr(exc)
        summary[name] = entry
        if (bundle_dir / "logs" / f"{name}.log").is_file():  # not there for a job never started
            shutil.copy(bundle_dir / "logs" / f"{name}.log", stage / f"{name}.log")
    order = ship_order(summary)
    record = {"environment": environment(), "order": order, "jobs": summary}
    (stage / "summary.json").write_text(json.dumps(record, indent=2))
    print(json.dumps(summary, indent=1), flush=True)
    tar = bundle_dir / "ship.tar"
    with tarfile.open(tar, "w") as t:
        t.add(stage / "summary.json", arcname="summary.json")
        for f in sorted(stage.glob("*.log")):
            t.add(f, arcname=f.name)
        for name in order:
            t.add(stage / f"{name}.pt", arcname=f"{name}.pt")
    out.mkdir(parents=True, exist_ok=True)
    rest = Path("/tmp/kz_ship_rest")
    shutil.rmtree(rest, ignore_errors=True)
    rest.mkdir(parents=True)
    shutil.copy(stage / "summary.json", out / "summary.json")
    with open(tar, "rb") as fh:
        i = 0
        while chunk := fh.read(PART_BYTES):
            (out if i < FIRST_CALL_PARTS else rest).joinpath(f"ship.tar.part{i:02d}").write_bytes(chunk)
            i += 1
    print(f"packed {tar.stat().st_size} bytes in {i} parts; ship order {order}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bundle", help="write the data and jobs.json (here, kzcorpus installed)")
    b.add_argument("--out", type=Path, default=Path(".gpu"))
    b.add_argument("--ud", type=Path, default=Path("../shared/ud"))
    b.add_argument("--threads", type=int, default=2)
    r = sub.add_parser("run", help="run every job until the deadline and pack the results (there)")
    r.add_argument("--bundle", type=Path, default=Path(".gpu"))
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--deadline", type=float, required=True, help="seconds after which training runs are stopped")
    r.add_argument("--only", default="", help="comma-separated job names (default: all)")
    r.add_argument("--cpu", action="store_true", help="pass --cpu to Stanza (a local dry run)")
    r.add_argument("--more", action="append", default=[], help="NAME=ARGS: append ARGS to job NAME's command")
    args = ap.parse_args(argv)
    if args.cmd == "bundle":
        bundle(args.out, args.ud, args.threads)
        return 0
    only = [x for x in args.only.split(",") if x]
    more = {name: extra.split() for name, _, extra in (m.partition("=") for m in args.more)}
    return run(args.bundle, args.out, args.deadline, only, args.cpu, more)


if __name__ == "__main__":
    sys.exit(main())
