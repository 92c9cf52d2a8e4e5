"""``kzcorpus validate``: every shipped file against its schema, manifest and build.

Checks run file by file and collect every problem (a user fixes them in one pass); the
comparison with a fresh build runs only when every input it reads is valid, since a broken
input would otherwise surface as a confusing difference in a generated file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from kzcorpus.errors import KzCorpusError
from kzcorpus.paths import data_root

Check = Callable[[Path], Iterator[str]]


def _manifest(base: Path) -> Iterator[str]:
    from kzcorpus.io.raw import load_manifest, unlisted_files, verify_entry

    try:
        manifest = load_manifest(base)
    except KzCorpusError as exc:
        yield str(exc)
        return
    for path in unlisted_files(manifest, base):
        yield f"{path}: file not in raw/manifest.json; expected only the listed raw files"
    for entry in manifest.files:
        try:
            verify_entry(entry, base)
        except KzCorpusError as exc:
            yield str(exc)


def _documents(base: Path) -> Iterator[str]:
    from kzcorpus.io.documents import load_documents

    try:
        load_documents(base)
    except KzCorpusError as exc:
        yield str(exc)


def _conllu(base: Path) -> Iterator[str]:
    """Each CoNLL-U file of the automatic layer on its own (format; ranges need the build)."""
    from kzcorpus.io.conllu import CONLLU_DIR, TOKENS_DIR, read_sentences
    from kzcorpus.paths import annotations_dir

    for path in sorted(p for d in (CONLLU_DIR, TOKENS_DIR) for p in (annotations_dir(base) / d).glob("*.conllu")):
        try:
            read_sentences(path)
        except KzCorpusError as exc:
            yield str(exc)


def _gold_inputs(base: Path) -> Iterator[str]:
    """Each pass file of the gold UD layer, every problem of it."""
    from kzcorpus.paths import annotations_dir
    from kzcorpus.udgold.check import check_text
    from kzcorpus.udgold.layer import INPUT_DIR, PASSES

    for name in PASSES:
        for path in sorted((annotations_dir(base) / INPUT_DIR / name).glob("*.conllu")):
            _, problems = check_text(path.read_text(encoding="utf-8"), str(path))
            yield from (str(p) for p in problems)


def _models(base: Path) -> Iterator[str]:
    """Stanza model files against the SHA-256 their training record names (the data root's
    ``models/<lang>/`` where it has one, else the package's, which the build uses)."""
    from kzcorpus.models import LANGS
    from kzcorpus.models.pipeline import shipped_files
    from kzcorpus.paths import models_dir

    for lang in LANGS:
        own = models_dir(base)
        try:
            shipped_files(lang, own if (own / lang).is_dir() else None)
        except KzCorpusError as exc:
            yield str(exc)


_LEXICON_SHA = re.compile(r"lexicon sha256=([0-9a-f]{64})")


def _lexicon(base: Path) -> Iterator[str]:
    """The repair lexicon must be the one the cleaned layer records having used."""
    from kzcorpus.io.raw import read_text, sha256_file
    from kzcorpus.paths import annotations_dir, models_dir

    lexicon = models_dir(base) / "restore" / "lexicon.tsv"
    cleaning = annotations_dir(base) / "cleaning.jsonl"
    if not lexicon.is_file() or not cleaning.is_file():
        return
    recorded = set(_LEXICON_SHA.findall(read_text(cleaning)))
    actual = sha256_file(lexicon)
    if recorded and actual not in recorded:
        yield (
            f"{lexicon}: SHA-256 {actual[:12]}... differs from the lexicon the cleaned layer was built with "
            f"({', '.join(sorted(r[:12] + '...' for r in recorded))}, recorded in {cleaning}); restore the shipped "
            "lexicon or rebuild it with `kzcorpus models lexicon` and then `kzcorpus build`"
        )


def _build(base: Path) -> Iterator[str]:
    from kzcorpus.build import stale_outputs

    try:
        stale = stale_outputs(base)
    except KzCorpusError as exc:
        yield str(exc)
        return
    yield from (f"{p}: differs from a fresh build; run `kzcorpus build`" for p in stale)


def _stance(base: Path) -> Iterator[str]:
    from kzcorpus.stance.labels import stance_problems

    yield from stance_problems(base)


INPUT_CHECKS: tuple[Check, ...] = (_manifest, _documents, _conllu, _gold_inputs, _models, _lexicon)
"""Independent checks of what the build reads; all run, every problem is kept."""


def iter_problems(root: Path | None = None) -> list[str]:
    """All problems found, each naming file and line/field; empty means valid."""
    base = root or data_root()
    # dict.fromkeys: one broken file can fail two checks (a tampered raw file fails the
    # manifest and the metadata that reads it); report it once
    problems = list(dict.fromkeys(p for check in INPUT_CHECKS for p in check(base)))
    if problems:
        return problems
    problems += _build(base)
    if not problems:
        problems += _stance(base)
    return problems
