"""Load a Stanza pipeline offline, with a provenance record.

Two sources:

* **shipped** (default): the models trained by :mod:`kzcorpus.models.train`, found
  under :func:`kzcorpus.paths.models_dir` (``models/<lang>/`` in a checkout,
  ``kzcorpus/_data/models/<lang>/`` in an installed wheel). Every file is checked against
  the SHA-256 recorded in ``training.json`` before Stanza sees it.
* **official**: an official Stanza resources directory (``stanza.download`` output,
  e.g. ``~/stanza_resources``) passed as ``resources_dir``; nothing is downloaded.

Either way the pipeline is built with ``download_method=None`` and the processors named
explicitly; Stanza reads every model file with ``torch.load(weights_only=True)``, so no
pickled code runs. :func:`load_pipeline` returns ``(pipeline, provenance)``; callers
must store the provenance with every output they produce.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kzcorpus.errors import ModelError, require
from kzcorpus.io.raw import sha256_file
from kzcorpus.models import CHARLMS, MWT_LEXICON_FILE, TREEBANKS

PROCESSORS = {
    "tr": ("tokenize", "mwt", "pos", "lemma", "depparse"),
    "en": ("tokenize", "mwt", "pos", "lemma", "depparse"),
}
EMPTY_RESOURCES = "resources.json"  # shipped ``{}``: Stanza needs a resources file


def _how_to_get(lang: str) -> str:
    return (
        f"reinstall kzcorpus (the wheel ships models/{lang}/) or rebuild them with "
        f"`kzcorpus models train {lang} --ud <path>/{TREEBANKS[lang]['treebank']}`"
    )


def _check_lang(lang: str) -> None:
    if lang not in PROCESSORS:
        raise ModelError(f"no models for language {lang!r}; expected one of {sorted(PROCESSORS)}")


def shipped_model_dir(lang: str, root: Path | None = None) -> Path:
    from kzcorpus.paths import models_dir

    _check_lang(lang)
    return (root if root is not None else models_dir()) / lang


def _training_record(model_dir: Path, lang: str) -> dict[str, Any]:
    path = model_dir / "training.json"
    if not path.is_file():
        raise ModelError(f"model record missing; {_how_to_get(lang)}", path=path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"model record is not valid JSON ({exc}); {_how_to_get(lang)}", path=path) from exc


def shipped_files(lang: str, root: Path | None = None, *, verify: bool = True) -> dict[str, Path]:
    """Processor (or charlm) -> model file for the shipped models, checked for presence and
    hash. The charlms are there only when a record names them."""
    model_dir = shipped_model_dir(lang, root)
    record = _training_record(model_dir, lang)
    procs = record.get("processors", {})
    files: dict[str, Path] = {}
    for proc in (*PROCESSORS[lang], *(c for c in CHARLMS if c in procs)):
        if proc not in procs:
            raise ModelError(
                f"no trained {proc!r} model recorded for {lang}; {_how_to_get(lang)}", path=model_dir / "training.json"
            )
        path = model_dir / procs[proc]["model_file"]
        if not path.is_file():
            raise ModelError(f"model file for {proc!r} is missing; {_how_to_get(lang)}", path=path)
        if verify:
            digest = sha256_file(path)
            if digest != procs[proc]["sha256"]:
                raise ModelError(
                    f"model file for {proc!r} is corrupt: SHA-256 {digest[:12]}... differs from "
                    f"the recorded {procs[proc]['sha256'][:12]}...; {_how_to_get(lang)}",
                    path=path,
                )
        files[proc] = path
    return files


def charlm_paths(record: dict[str, Any], files: dict[str, Path]) -> dict[str, str]:
    """Stanza's ``<processor>_forward_charlm_path`` options for every processor trained
    with ``--charlm``: Stanza keeps a charlm out of the model file that reads it."""
    out: dict[str, str] = {}
    for proc, rec in record.get("processors", {}).items():
        if "--charlm" not in rec.get("flags", []):
            continue
        for name, direction in CHARLMS.items():
            if name not in files:
                raise ModelError(f"the {proc!r} model reads a {direction} charlm, but none is recorded")
            out[f"{proc}_{direction}_charlm_path"] = str(files[name])
    return out


def _official_files(lang: str, resources_dir: Path) -> tuple[dict[str, Path], dict[str, str]]:
    """Model files Stanza's default package would use, read from resources.json."""
    res_file = resources_dir / "resources.json"
    if not res_file.is_file():
        raise ModelError(
            "not a Stanza resources directory (no resources.json); create one with "
            f"`python -c \"import stanza; stanza.download('{lang}')\"` while online",
            path=res_file,
        )
    resources = json.loads(res_file.read_text(encoding="utf-8"))
    if lang not in resources:
        raise ModelError(f"language {lang!r} not in this resources file", path=res_file)
    lang_res = resources[lang]
    default = lang_res.get("default_processors", {})
    files: dict[str, Path] = {}
    deps: dict[str, str] = {}
    for proc in PROCESSORS[lang]:
        if proc not in default:
            continue
        package = default[proc]
        files[proc] = resources_dir / lang / proc / f"{package}.pt"
        for dep in lang_res.get(proc, {}).get(package, {}).get("dependencies", []) or []:
            key = f"{proc}_{dep['model']}_path"
            deps[key] = str(resources_dir / lang / dep["model"] / f"{dep['package']}.pt")
    for path in [*files.values(), *map(Path, deps.values())]:
        if not path.is_file():
            raise ModelError(
                "model file is missing from the Stanza resources directory; run "
                f"`stanza.download('{lang}', model_dir='{resources_dir}')` while online",
                path=path,
            )
    return files, deps


def model_provenance(lang: str, *, resources_dir: str | Path | None = None, root: Path | None = None) -> dict[str, Any]:
    """The record to store beside every output: source, versions, model hashes."""
    import importlib.metadata as md

    _check_lang(lang)
    versions: dict[str, str | None] = {}
    for pkg in ("stanza", "torch"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = None
    if resources_dir is not None:
        rdir = Path(resources_dir)
        files, deps = _official_files(lang, rdir)
        all_files = {**files, **{k: Path(v) for k, v in deps.items()}}
        source = {"kind": "official", "resources_dir": str(rdir)}
        trained = None
    else:
        all_files = shipped_files(lang, root)
        lexicon = shipped_model_dir(lang, root) / MWT_LEXICON_FILE
        if lexicon.is_file():  # read by the annotator's tokenizer hook, so part of what made the layer
            all_files["mwt_lexicon"] = lexicon
        record = _training_record(shipped_model_dir(lang, root), lang)
        source = {"kind": "shipped", "models_dir": str(shipped_model_dir(lang, root))}
        trained = {
            "treebank": record.get("treebank"),
            "treebank_source": record.get("treebank_source"),
            "trained_with": record.get("versions"),
        }
    return {
        "language": lang,
        "source": source,
        "processors": list(PROCESSORS[lang]),
        "versions": versions,
        "models": {
            k: {"file": p.name, "sha256": sha256_file(p), "size_bytes": p.stat().st_size} for k, p in all_files.items()
        },
        "training": trained,
    }


DEFAULT_THREADS = 1
"""Torch threads for annotation. One: Stanza runs the corpus paragraph by paragraph in small
batches, where a second thread gains little on an idle 2-core machine and costs minutes when
the cores are busy (OpenMP threads spin against other processes); the outputs do not depend on
it (``benchmarks/bench_build.py --threads`` measures both)."""


def set_threads(threads: int) -> None:
    """Set torch's intra-op threads (no-op without torch installed)."""
    if threads < 1:
        raise ValueError(f"threads must be at least 1, got {threads}")
    try:
        import torch
    except ImportError:
        return
    torch.set_num_threads(threads)


def load_pipeline(
    lang: str,
    *,
    resources_dir: str | Path | None = None,
    root: Path | None = None,
    batch_size: int | None = None,
    device: str = "cpu",
    **stanza_kwargs: Any,
) -> tuple[Any, dict[str, Any]]:
    """Build an offline Stanza pipeline for ``lang``; return ``(pipeline, provenance)``.

    ``resources_dir`` switches from the shipped models to an official Stanza resources
    directory. ``batch_size`` sets Stanza's ``batch_size`` of mwt, pos, lemma and
    depparse (the tokenizer keeps its default). Missing or corrupt files raise :class:`ModelError` naming
    the file and how to get it.
    """
    _check_lang(lang)
    provenance = model_provenance(lang, resources_dir=resources_dir, root=root)
    stanza = require("stanza", "stanza")
    kwargs: dict[str, Any] = {}
    if resources_dir is not None:
        rdir = Path(resources_dir)
        files, deps = _official_files(lang, rdir)
        kwargs.update(deps)
        kwargs["dir"] = str(rdir)
    else:
        files = shipped_files(lang, root, verify=False)  # hashes were checked just above
        mdir = shipped_model_dir(lang, root)
        kwargs["dir"] = str(mdir)
        kwargs["resources_filepath"] = str(mdir.parent / EMPTY_RESOURCES)
        kwargs["allow_unknown_language"] = True
    procs = [p for p in PROCESSORS[lang] if p in files]
    for proc in procs:
        kwargs[f"{proc}_model_path"] = str(files[proc])
    if resources_dir is None:
        record = _training_record(shipped_model_dir(lang, root), lang)
        kwargs.update(charlm_paths(record, files))
    if batch_size is not None:  # the tokenizer keeps its own (character-window) batching
        for proc in procs:
            if proc != "tokenize":
                kwargs[f"{proc}_batch_size"] = batch_size
    kwargs.update(stanza_kwargs)
    try:
        nlp = stanza.Pipeline(
            lang, processors=",".join(procs), download_method=None, device=device, logging_level="ERROR", **kwargs
        )
    except FileNotFoundError as exc:
        raise ModelError(
            f"model file not found while building the pipeline; {_how_to_get(lang)}",
            path=getattr(exc, "filename", None) or "?",
        ) from exc
    except Exception as exc:  # corrupt/incompatible file: torch/pickle/zip errors
        culprit = _find_unloadable(files)
        raise ModelError(
            f"cannot load model ({type(exc).__name__}): the file is corrupt or not a "
            f"Stanza model readable with weights_only=True; {_how_to_get(lang)}",
            path=culprit or "?",
        ) from exc
    return nlp, provenance


def restore_long_tokens(doc: Any, text: str) -> int:
    """Put back the text of tokens Stanza replaced by ``<UNK>`` for being too long.

    Stanza's tokenize processor swaps tokens longer than ``max_seqlen`` characters (very
    long URLs, in practice) for ``<UNK>`` to protect downstream GPU memory; the annotation
    layer and the scorer need the characters back, and the token's offsets still point at
    them. Here, beside :func:`load_pipeline`, because every caller of a pipeline needs it.
    """
    fixed = 0
    for sentence in doc.sentences:
        for token in sentence.tokens:
            if token.text == "<UNK>" and token.start_char is not None and token.end_char is not None:
                original = text[token.start_char : token.end_char]
                if original and original != "<UNK>":
                    token.text = original
                    if len(token.words) == 1:
                        token.words[0].text = original
                    fixed += 1
    return fixed


def _find_unloadable(files: dict[str, Path]) -> Path | None:
    """The first file that torch cannot read with ``weights_only=True``."""
    try:
        import torch
    except ImportError:  # pragma: no cover
        return None
    for path in files.values():
        try:
            torch.load(path, map_location="cpu", weights_only=True)
        except Exception:
            return path
    return None
