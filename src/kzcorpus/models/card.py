"""Render ``models/<lang>/MODEL_CARD.md`` from the recorded facts.

Every number in the card comes from ``training.json`` (training run), ``scores.json``
(``kzcorpus models evaluate --save``) and ``benchmark.json``
(``benchmarks/bench_annotate.py --out``); ``notes.md`` (optional, hand-written) is
appended verbatim.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kzcorpus.models.evaluate import METRICS

NAMES = {"tr": "Turkish", "en": "English"}
_DEV_LINE = re.compile(r"dev_score|Dev score|dev F1|Best dev")


def _load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _fmt(value: object) -> str:
    return "–" if value is None else (f"{value:.2f}" if isinstance(value, float) else str(value))


def render(lang: str, model_dir: Path) -> str:
    training = _load(model_dir / "training.json") or {}
    scores = _load(model_dir / "scores.json")
    bench = _load(model_dir / "benchmark.json")
    notes = model_dir / "notes.md"
    procs = training.get("processors", {})
    lines = [f"# Model card: kzcorpus Stanza models, {NAMES[lang]} (`{lang}`)", ""]
    lines += [
        "## Data",
        "",
        f"- Treebank: {training.get('treebank')} ({training.get('treebank_source')}), "
        "train split for training, dev split for early stopping, test split for the scores below.",
        *(f"- {name} trained on {rec['train_data']}." for name, rec in procs.items() if rec.get("train_data")),
        f"- Pretrained embeddings: {training.get('pretrained_embeddings')}; charlm: {training.get('charlm')}.",
        "",
    ]
    lines += [
        "## Models",
        "",
        "| processor | file | size (bytes) | SHA-256 | training wall time (s) | note |",
        "|---|---|---:|---|---:|---|",
    ]
    total = 0
    for name, rec in procs.items():
        total += rec["size_bytes"]
        lines.append(
            f"| {name} | `{rec['model_file']}` | {rec['size_bytes']} | `{rec['sha256'][:16]}…` "
            f"| {rec['wall_time_s']} | {rec.get('note', 'ran to completion or early stop')} |"
        )
    lines += [
        "",
        f"Total size: {total / 1e6:.2f} MB. Total training wall time: "
        f"{training.get('total_wall_time_s')} s; on {training.get('machine', {}).get('cpu_count')} CPU cores "
        "unless a run names its machine below (full hashes in `training.json`).",
        "",
    ]
    lines += [
        "## Configuration",
        "",
        f"Seed {training.get('seed')}; versions {json.dumps(training.get('versions'))}. "
        "Hyperparameters given explicitly (everything else is Stanza's default):",
        "",
    ]
    for name, rec in procs.items():
        hp = ", ".join(f"{k}={v}" for k, v in rec["hyperparameters"].items())
        flags = " ".join(rec.get("flags", []))
        where = f"{rec['machine']}, versions {json.dumps(rec.get('versions'))}" if rec.get("machine") else None
        where = where or f"{rec.get('threads')} thread(s)"
        lines.append(f"- **{name}** (`{rec['module']}`, {where}): {hp} {flags}".rstrip())
        for i, stretch in enumerate(rec.get("stretches", []), 1):
            lines.append(f"  - stretch {i}: `{' '.join(stretch['command'][3:])}`")
    lines += ["", "Dev-set log lines of each run (Stanza's own early stopping keeps the best dev checkpoint):", ""]
    for name, rec in procs.items():
        tail = [t for t in rec.get("dev_log_tail") or [] if _DEV_LINE.search(t) and "scheduler" not in t]
        if tail:
            lines.append(f"- {name}: `{tail[-1]}`")
    lines.append("")
    lines += ["## Scores (test set, end to end from raw text)", ""]
    if scores:
        lines += [f"Gold: `{scores['gold']}` ({scores.get('treebank_source')}); scorer: {scores['scorer']}.", ""]
        rules = scores.get("with_kzcorpus_rules")
        rows = [("Stanza alone", scores)] + ([("kzcorpus pipeline", rules)] if rules else [])
        lines += ["| pipeline | " + " | ".join(METRICS) + " |", "|---|" + "---:|" * len(METRICS)]
        for label, row in rows:
            lines.append(f"| {label} | " + " | ".join(_fmt(row["metrics"][m]) for m in METRICS) + " |")
        lines.append("")
        if rules:
            lines += [f"kzcorpus pipeline: {rules['what']}.", ""]
        for label, row in rows:
            lines += [
                f"Acceptance ({label}): "
                + "; ".join(
                    f"{k} {v['measured']:.2f} vs ≥ {v['threshold']} ({'pass' if v['pass'] else 'FAIL'})"
                    for k, v in row["acceptance"].items()
                ),
                "",
            ]
        lines += [
            "Published scores of other systems (not measured here):",
            "",
            "| system | data | " + " | ".join(METRICS) + " |",
            "|---|---|" + "---:|" * len(METRICS),
        ]
        for ref in scores["reference_published"]:
            lines.append(
                f"| {ref['system']} | {ref['split']} | "
                + " | ".join(_fmt(ref["metrics"].get(m)) for m in METRICS)
                + " |"
            )
        lines.append("")
    else:
        lines += ["Not scored yet.", ""]
    lines += ["## Throughput (this machine)", ""]
    if bench:
        m = bench["machine"]
        lines += [
            f"{m['cpu_count']} CPU cores, {m['torch_threads']} torch threads, {m['platform']}; "
            f"`benchmarks/bench_annotate.py`, whole pipeline from raw text.",
            "",
            "| batch_size (mwt/pos/lemma/depparse) | sentences | tokens | seconds | tokens/s |",
            "|---|---:|---:|---:|---:|",
        ]
        for r in bench["results"]:
            if r["lang"] == lang:
                lines.append(
                    f"| {r['batch_size']} | {r['sentences']} | {r['tokens']} | {r['seconds']} | {r['tokens_per_s']} |"
                )
        lines.append("")
    else:
        lines += ["Not measured yet.", ""]
    tb = training.get("treebank", "UD_...")
    lines += [
        "## How to reproduce",
        "",
        "```bash",
        f"kzcorpus models train {lang} --ud ../shared/ud/{tb} --threads 1",
        f"kzcorpus models evaluate {lang} --gold ../shared/ud/{tb}/{'tr_imst' if lang == 'tr' else 'en_ewt'}"
        f"-ud-test.conllu --save models/{lang}/scores.json",
        f"python benchmarks/bench_annotate.py --langs {lang} --out models/{lang}/benchmark.json",
        f"kzcorpus models card {lang}",
        "```",
        "",
        "Loading: `from kzcorpus.models.pipeline import load_pipeline; nlp, provenance = "
        f"load_pipeline('{lang}')` (offline, `download_method=None`, explicit model paths; "
        "files are hash-checked, Stanza reads them with `torch.load(weights_only=True)`). "
        "Pass `resources_dir=` to use an official Stanza resources directory instead.",
        "",
    ]
    if notes.is_file():
        lines += [notes.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


def write_card(lang: str, model_dir: Path | None = None) -> Path:
    from kzcorpus.models.pipeline import shipped_model_dir

    model_dir = model_dir or shipped_model_dir(lang)
    path = model_dir / "MODEL_CARD.md"
    path.write_text(render(lang, model_dir), encoding="utf-8")
    return path
