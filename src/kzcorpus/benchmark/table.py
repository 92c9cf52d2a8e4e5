"""The baseline results as a Markdown table, for the README and the dataset card."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def summary(run: Mapping[str, Any]) -> str:
    """The headline figures of one run, for the table."""
    task = run["task"]
    if task.startswith("stance"):
        return (
            f"F_avg {run['f_avg']:.2f}, macro-F1 {run['macro_f1']:.2f}, accuracy {run['accuracy']:.2f} "
            f"({run['items']} items)"
        )
    if task == "ud":
        parts = [
            f"gold {lang} UPOS {g['UPOS']['f1']:.2f} Lemmas {g['Lemmas']['f1']:.2f} LAS {g['LAS']['f1']:.2f} "
            f"({g['words']} words)"
            for lang, g in run.get("gold", {}).items()
        ]
        hand = run["hand"].get("tr")
        parts += [f"hand UPOS tr {hand['UPOS']['f1']:.2f} ({hand['words']} words)"] if hand else []
        for lang, s in run["silver"].items():
            parts.append(f"silver (secondary) {lang} UPOS {s['UPOS']['f1']:.2f} LAS {s['LAS']['f1']:.2f}")
        return "; ".join(parts)
    if task == "diacritics":
        return (
            f"damaged words restored {run['restored_pct']:.2f}% ({run['damaged_restored']}/{run['damaged_words']}), "
            f"clean words changed {run['clean_changed']}"
        )
    return f"{run['direction']}: BLEU {run['bleu']:.2f}, chrF {run['chrf']:.2f} ({run['segments']} segments)"


def results_table(report: Mapping[str, Any] | None) -> str:
    if report is None:
        return "No baseline results saved yet (`kzcorpus baseline --all --save`).\n"
    rows = "".join(f"| {r['task']} | `{r['baseline']}` | {r['split']} | {summary(r)} |\n" for r in report["runs"])
    commit = report["commit"] or "unknown"
    state = " (with uncommitted changes)" if report["dirty"] else ""
    return (
        "| task | baseline | split | scores |\n| --- | --- | --- | --- |\n"
        + rows
        + f"\nProduced by commit `{commit}`{state} with `kzcorpus baseline --all --save`.\n"
    )
