"""Checks of what each layer reads (its inputs) and writes, for ``kzcorpus validate``.

Each check takes a data root and yields every problem it finds as a
:class:`~kzcorpus.errors.Problem` (file, line, field, message); none raises, so one run
reports everything. The registry
(:mod:`kzcorpus.registry`) says which checks belong to which layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kzcorpus.errors import KzCorpusError, Problem

Check = Callable[[Path], Iterator[Problem]]


def check_manifest(base: Path) -> Iterator[Problem]:
    from kzcorpus.io.raw import load_manifest, unlisted_files, verify_entry

    try:
        manifest = load_manifest(base)
    except KzCorpusError as exc:
        yield Problem.of(exc)
        return
    for path in unlisted_files(manifest, base):
        yield Problem(str(path), None, "file not in raw/manifest.json; expected only the listed raw files")
    for entry in manifest.files:
        try:
            verify_entry(entry, base)
        except KzCorpusError as exc:
            yield Problem.of(exc)


def check_documents(base: Path) -> Iterator[Problem]:
    from kzcorpus.io.documents import load_documents

    try:
        load_documents(base)
    except KzCorpusError as exc:
        yield Problem.of(exc)


def check_conllu(base: Path) -> Iterator[Problem]:
    """Each CoNLL-U file of the automatic layer on its own (format; ranges need the build)."""
    from kzcorpus.io.conllu import CONLLU_DIR, TOKENS_DIR, read_sentences
    from kzcorpus.paths import annotations_dir

    for path in sorted(p for d in (CONLLU_DIR, TOKENS_DIR) for p in (annotations_dir(base) / d).glob("*.conllu")):
        try:
            read_sentences(path)
        except KzCorpusError as exc:
            yield Problem.of(exc)


def check_gold_inputs(base: Path) -> Iterator[Problem]:
    """Each pass file of the gold UD layer, every problem of it."""
    from kzcorpus.paths import annotations_dir
    from kzcorpus.udgold.check import check_text
    from kzcorpus.udgold.layer import INPUT_DIR, PASSES

    for name in PASSES:
        for path in sorted((annotations_dir(base) / INPUT_DIR / name).glob("*.conllu")):
            _, problems = check_text(path.read_text(encoding="utf-8"), str(path))
            yield from problems


def check_models(base: Path) -> Iterator[Problem]:
    """Stanza model files against the SHA-256 their training record names (the data root's
    ``models/<lang>/`` where it has one, else the package's, which the build uses), and the
    multi-word-token lexicon beside them, read strictly."""
    from kzcorpus.annotate.mwt_lexicon import load
    from kzcorpus.models import LANGS
    from kzcorpus.models.pipeline import shipped_files, shipped_model_dir
    from kzcorpus.paths import models_dir

    for lang in LANGS:
        own = models_dir(base)
        root = own if (own / lang).is_dir() else None
        try:
            shipped_files(lang, root)
        except KzCorpusError as exc:
            yield Problem.of(exc)
        try:
            load(shipped_model_dir(lang, root))
        except KzCorpusError as exc:
            yield Problem.of(exc)


def check_lexicon(base: Path) -> Iterator[Problem]:
    """The repair lexicon must be the one the cleaned layer records having used
    (``lexicon_sha256`` of each ``cleaning.jsonl`` record; read leniently, since the
    layer's own format is checked by the build)."""
    import json

    from kzcorpus.io.raw import read_text, sha256_file
    from kzcorpus.paths import annotations_dir, models_dir

    lexicon = models_dir(base) / "restore" / "lexicon.tsv"
    cleaning = annotations_dir(base) / "cleaning.jsonl"
    if not lexicon.is_file() or not cleaning.is_file():
        return
    recorded = set()
    for line in read_text(cleaning).splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and isinstance(record.get("lexicon_sha256"), str):
            recorded.add(record["lexicon_sha256"])
    actual = sha256_file(lexicon)
    if recorded and actual not in recorded:
        yield Problem(
            str(lexicon),
            None,
            f"SHA-256 {actual[:12]}... differs from the lexicon the cleaned layer was built with "
            f"({', '.join(sorted(r[:12] + '...' for r in recorded))}, recorded in {cleaning}); restore the shipped "
            "lexicon or rebuild it with `kzcorpus models lexicon` and then `kzcorpus build`",
        )


def check_stance_labels(base: Path) -> Iterator[Problem]:
    from kzcorpus.stance.labels import stance_problems

    yield from stance_problems(base)
