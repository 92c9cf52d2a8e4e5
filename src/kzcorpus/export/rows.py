"""Reading the released dataset rows back: by config and split, by id, and as CoNLL-U.

Serves ``kzcorpus export`` and ``kzcorpus lookup`` (the ir_datasets habit: every record
reachable by id, every config streamable in the format a tool wants) from the files in
``dataset/``, the one source the Hugging Face loader reads too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from kzcorpus.errors import DataError
from kzcorpus.export.hf import HF_SPLIT_NAMES, HF_SPLITS
from kzcorpus.paths import dataset_dir
from kzcorpus.registry import CONFIG_FEATURES

CONLLU_CONFIGS = ("sentences", "sentences_gold")


def config_files(config: str, split: str | None = None, root: Path | None = None) -> list[Path]:
    if config not in CONFIG_FEATURES:
        raise DataError(f"unknown config {config!r}; expected one of {', '.join(CONFIG_FEATURES)}")
    folder = dataset_dir(root) / config
    names = [HF_SPLIT_NAMES.get(split, split)] if split else [*HF_SPLITS]
    files = [folder / f"{name}.jsonl" for name in names if (folder / f"{name}.jsonl").is_file()]
    if split and not files:
        have = sorted(p.stem for p in folder.glob("*.jsonl"))
        raise DataError(
            f"config {config!r} has no split {split!r}; it has {', '.join(have) or 'no files'}", path=folder
        )
    return files


def iter_rows(config: str, split: str | None = None, root: Path | None = None) -> Iterator[dict[str, Any]]:
    """Rows of a config (all splits in train, dev, test order, or one split: the benchmark's
    name ``dev`` or the Hub's ``validation``), streamed."""
    for path in config_files(config, split, root):
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DataError(f"not valid JSON ({exc.msg})", path=path, line=n) from exc


def select_fields(rows: Iterable[Mapping[str, Any]], fields: Sequence[str] | None) -> Iterator[dict[str, Any]]:
    for row in rows:
        if fields:
            missing = [f for f in fields if f not in row]
            if missing:
                raise DataError(f"unknown field(s) {', '.join(missing)}; the rows have {', '.join(row)}")
            yield {f: row[f] for f in fields}
        else:
            yield dict(row)


def tsv_line(values: Iterable[Any]) -> str:
    """Scalars as text (null empty), lists and objects as JSON; tabs and newlines escaped."""
    cells = []
    for v in values:
        text = "" if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        cells.append(str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"))
    return "\t".join(cells) + "\n"


def row_to_conllu(row: Mapping[str, Any]) -> str:
    """A ``sentences``/``sentences_gold`` row as one CoNLL-U sentence (tokens, MWTs, SpaceAfter)."""
    lines = [f"# sent_id = {row['id']}", f"# text = {row['text']}"]
    by_token: dict[int, list[int]] = {}
    for w, t in enumerate(row["word_token"]):
        by_token.setdefault(t, []).append(w)
    n_tokens = len(row["tokens"])

    def col(name: str, w: int) -> str:
        v = row[name][w]
        return "_" if v is None else str(v)

    for t, form in enumerate(row["tokens"]):
        glued = t + 1 < n_tokens and row["token_ends"][t] == row["token_starts"][t + 1]
        misc = "SpaceAfter=No" if glued else "_"
        words = by_token.get(t, [])
        if len(words) > 1:
            lines.append(f"{words[0] + 1}-{words[-1] + 1}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
        for w in words:
            cols = [str(w + 1), row["words"][w], *(col(c, w) for c in ("lemmas", "upos", "xpos", "feats", "head"))]
            cols += [col("deprel", w), "_", misc if len(words) == 1 else "_"]
            lines.append("\t".join(cols))
    return "\n".join(lines) + "\n\n"


def find_id(record_id: str, root: Path | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(config, row) of every config that has a row with this id (a sentence is in
    ``sentences``, ``stance_sentences`` and, in dev/test, ``sentences_gold``)."""
    found = []
    for config, spec in CONFIG_FEATURES.items():
        if "id" not in spec:
            continue
        for row in iter_rows(config, root=root):
            if row.get("id") == record_id:
                found.append((config, row))
                break
    return found
