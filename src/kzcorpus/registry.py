"""The layer registry: what each layer requires, reads, computes, writes, checks and exports.

Build, validate, export and the benchmark iterate over :data:`LAYERS` and
:data:`HF_CONFIGS` instead of naming layers themselves, so adding a layer is one package
(its compute/load/render functions) plus one entry here. Order matters and is kept
deliberately: layers are built in registry order (each after what it requires), and
Hugging Face configs are rendered in the order listed (the card and Croissant list them
so).

Heavy modules are imported inside the functions, so importing the registry stays light.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kzcorpus import checks
from kzcorpus.export import features
from kzcorpus.paths import annotations_dir, dataset_dir, schemas_dir

if TYPE_CHECKING:
    from kzcorpus.corpus import Corpus

Files = Mapping[Path, "str | bytes"]


@dataclass(frozen=True)
class Layer:
    """One layer of the corpus.

    ``build`` computes it from the inputs (and the layers in ``requires``); ``load`` reads
    the shipped generated files back, checked (``None``: computed from inputs either way,
    which is cheap). ``files`` renders what the build writes for it, ``inputs`` names the
    hand-made or shipped inputs it reads (relative to the data root; a fresh build is
    reproducible from them), ``checks`` validate those inputs one by one and
    ``output_checks`` what was built (run after the build comparison).
    """

    name: str
    build: Callable[[Corpus], Any]
    requires: tuple[str, ...] = ()
    load: Callable[[Corpus], Any] | None = None
    files: Callable[[Corpus, Any], Files] | None = None
    stage: str | None = None  # name of the build stage that writes ``files`` (printed by the build)
    inputs: tuple[str, ...] = ()
    checks: tuple[checks.Check, ...] = ()
    output_checks: tuple[checks.Check, ...] = ()
    count: Callable[[Any], Mapping[str, int]] | None = None  # its size, for `kzcorpus stats --layers`
    doc: str = ""


RowShape = Literal["single", "split", "plain"]


@dataclass(frozen=True)
class HfConfig:
    """A Hugging Face config: its rows and how they are split into files.

    ``single``: one ``train.jsonl`` (corpus-level tables); ``split``: one file per benchmark
    split, with ``split`` and ``fold`` columns added; ``plain``: one file per split, rows
    kept in a foreign schema (``rows`` yields (document, row) pairs). ``features``: the
    row schema (typed columns of the card's ``dataset_info`` and of Croissant)."""

    name: str
    layer: str
    rows: Callable[[Corpus], Iterable[Any]]
    shape: RowShape
    columns: Mapping[str, features.Spec]

    @property
    def features(self) -> dict[str, features.Spec]:
        return dict(self.columns) | (features.SPLIT_COLUMNS if self.shape == "split" else {})


def _under(base: Callable[[Path | None], Path]) -> Callable[[Corpus, Mapping[str, Any]], Files]:
    """Files given relative to ``base(root)`` (annotations/, dataset/, schemas/)."""

    def files(corpus: Corpus, rel: Mapping[str, Any]) -> Files:
        return {base(corpus.root) / name: content for name, content in rel.items()}

    return files


def _texts(corpus: Corpus) -> dict[str, str]:
    return {k: v.text for k, v in corpus.cleaned.items()}


def _read_json(name: str) -> Callable[[Corpus], dict[str, Any] | None]:
    def read(corpus: Corpus) -> dict[str, Any] | None:
        from kzcorpus.io.raw import read_text

        path = annotations_dir(corpus.root) / name
        return json.loads(read_text(path)) if path.is_file() else None  # type: ignore[no-any-return]

    return read


# --- compute / load / render / count, one small function each ------------------------


def _count_sentences(annotated: Mapping[Any, Any]) -> dict[str, int]:
    sentences = [s for sents in annotated.values() for s in sents]
    return {
        "files": len(annotated),
        "sentences": len(sentences),
        "tokens": sum(len(s.tokens) for s in sentences),
        "words": sum(s.word_count() for s in sentences),
    }


def _schemas(corpus: Corpus) -> dict[str, str]:
    from kzcorpus.export.schemas import schema_files

    return schema_files()


def _documents(corpus: Corpus) -> Any:
    from kzcorpus.io.documents import load_documents

    return load_documents(corpus.root)


def _clean(corpus: Corpus) -> Any:
    from kzcorpus.clean.corpus import clean_corpus

    return clean_corpus(corpus.documents, corpus.root, progress=corpus.progress)


def _load_cleaned(corpus: Corpus) -> Any:
    from kzcorpus.io.cleaned import load_cleaned

    return load_cleaned(corpus.root)


def _clean_files(corpus: Corpus, cleaned: Any) -> Files:
    from kzcorpus.clean.corpus import annotation_files

    return _under(annotations_dir)(corpus, annotation_files(cleaned))


def _annotate(corpus: Corpus) -> Any:
    from kzcorpus.annotate.corpus import annotate_corpus

    return annotate_corpus(corpus.cleaned, progress=corpus.progress)


def _load_annotated(corpus: Corpus) -> Any:
    from kzcorpus.io.conllu import load_annotation

    return load_annotation(annotations_dir(corpus.root), _texts(corpus))


def _render_conllu(corpus: Corpus) -> Any:
    from kzcorpus.annotate.corpus import annotation_files

    return annotation_files(corpus.annotated)


def _conllu_files(corpus: Corpus, annotated: Any) -> Files:
    return _under(annotations_dir)(corpus, corpus.layer("conllu"))


def _validate_ud(corpus: Corpus) -> Any:
    from kzcorpus.annotate.udcheck import validation_files

    return validation_files(corpus.layer("conllu"))


def _load_validation(corpus: Corpus) -> Any:
    from kzcorpus.annotate.udcheck import REPORT_PATH
    from kzcorpus.io.raw import read_text

    path = annotations_dir(corpus.root) / REPORT_PATH
    return {REPORT_PATH: read_text(path)} if path.is_file() else {}


def _gold(corpus: Corpus) -> Any:
    from kzcorpus.udgold.layer import gold_layer

    return gold_layer(annotations_dir(corpus.root), _texts(corpus), corpus.annotated, corpus.splits)


def _load_gold(corpus: Corpus) -> Any:
    from kzcorpus.io.conllu import load_annotation
    from kzcorpus.udgold.layer import GOLD_DIR

    return load_annotation(annotations_dir(corpus.root), _texts(corpus), (GOLD_DIR,))


def _gold_files(corpus: Corpus, gold: Any) -> Files:
    from kzcorpus.udgold.layer import gold_files

    return _under(annotations_dir)(corpus, gold_files(gold))


def _stance_inputs(corpus: Corpus) -> Any:
    from kzcorpus.io.stance import read_stance_inputs

    return read_stance_inputs(corpus.root)


def _stance(corpus: Corpus) -> Any:
    from kzcorpus.stance.labels import make_labels

    return make_labels(corpus.stance_inputs, corpus.cleaned, corpus.annotated)


def _load_stance(corpus: Corpus) -> Any:
    from kzcorpus.stance.labels import load_stance

    return load_stance(corpus.root, corpus.cleaned)


def _stance_files(corpus: Corpus, labels: Any) -> Files:
    from kzcorpus.io.stance import LABELS, render_labels

    return {annotations_dir(corpus.root) / LABELS: render_labels(labels)}


def _stance_agreement(corpus: Corpus) -> Any:
    from kzcorpus.stance.labels import agreement_report

    return agreement_report(corpus.stance_inputs, corpus.cleaned, corpus.annotated, corpus.splits)


def _parallel(corpus: Corpus) -> Any:
    from kzcorpus.parallel.align import load_links

    return load_links(corpus.root, corpus.documents, corpus.cleaned, corpus.annotated)


def _dataset(corpus: Corpus) -> Any:
    from kzcorpus.export.hf import dataset_files

    return dataset_files(corpus)


LAYERS: dict[str, Layer] = {
    layer.name: layer
    for layer in (
        Layer(
            "schemas",
            _schemas,
            files=_under(schemas_dir),
            stage="schemas",
            doc="JSON Schemas of every record type",
        ),
        Layer(
            "documents",
            _documents,
            inputs=("raw", "annotations/documents.jsonl"),
            checks=(checks.check_manifest, checks.check_documents),
            count=lambda docs: {"documents": len(docs)},
            doc="raw files (pinned by raw/manifest.json) joined with their metadata records",
        ),
        Layer(
            "cleaned",
            _clean,
            requires=("documents",),
            load=_load_cleaned,
            files=_clean_files,
            stage="clean",
            inputs=("models/restore/lexicon.tsv",),
            checks=(checks.check_lexicon,),
            count=lambda c: {
                "paragraphs": sum(len(x.paragraphs) for x in c.values()),
                "footnotes": sum(len(x.footnotes) for x in c.values()),
                "removed": sum(len(x.removed) for x in c.values()),
            },
            doc="cleaned text, paragraphs, footnotes, removed spans, offset maps",
        ),
        Layer(
            "annotated",
            _annotate,
            requires=("cleaned",),
            load=_load_annotated,
            files=_conllu_files,
            stage="annotate",
            checks=(checks.check_conllu, checks.check_models),
            count=_count_sentences,
            doc="the automatic CoNLL-U layer (Stanza for tr/en, rules for ru)",
        ),
        Layer(
            "conllu",
            _render_conllu,
            requires=("annotated",),
            doc="the automatic layer rendered as CoNLL-U text, once for its files and the validator",
        ),
        Layer(
            "validation",
            _validate_ud,
            requires=("conllu",),
            load=_load_validation,
            files=_under(annotations_dir),
            stage="annotate",
            doc="the official UD validator's report on the automatic layer",
        ),
        Layer(
            "gold",
            _gold,
            requires=("documents", "cleaned", "annotated"),
            load=_load_gold,
            files=_gold_files,
            stage="gold",
            inputs=("annotations/ud-gold",),
            checks=(checks.check_gold_inputs,),
            count=_count_sentences,
            doc="the hand-annotated (AI annotators) UD layer of the dev and test splits",
        ),
        Layer(
            "stance_inputs",
            _stance_inputs,
            inputs=("annotations/stance",),
            doc="the annotators' passes, adjudications and reviews",
        ),
        Layer(
            "stance",
            _stance,
            requires=("stance_inputs", "cleaned", "annotated"),
            load=_load_stance,
            files=_stance_files,
            stage="stance",
            output_checks=(checks.check_stance_labels,),
            count=lambda labels: {"labels": len(labels)},
            doc="released stance labels (agreed, adjudicated or reviewed)",
        ),
        Layer(
            "stance_agreement",
            _stance_agreement,
            requires=("documents", "stance_inputs", "cleaned", "annotated"),
            doc="agreement between the two stance passes, whole corpus and per split",
        ),
        Layer(
            "parallel",
            _parallel,
            requires=("documents", "cleaned", "annotated"),
            inputs=("annotations/parallel",),
            count=lambda p: {"links": len(p[0])},
            doc="sentence alignment links between translations",
        ),
        Layer(
            "quality",
            _read_json("quality.json"),
            # the references are not read by the build: `kzcorpus quality` scores against them
            inputs=("annotations/quality.json", "annotations/reference"),
            doc="hand-checked quality figures saved by `kzcorpus quality --save`",
        ),
        Layer(
            "baselines",
            _read_json("baselines.json"),
            inputs=("annotations/baselines.json",),
            doc="baseline scores saved by `kzcorpus baseline --all --save`",
        ),
        Layer(
            "dataset",
            _dataset,
            requires=(
                "documents",
                "cleaned",
                "annotated",
                "validation",
                "gold",
                "stance",
                "stance_agreement",
                "parallel",
                "quality",
                "baselines",
            ),
            files=_under(dataset_dir),
            stage="export",
            doc="the Hugging Face folder, UD and OPUS files, card, Croissant, Parquet",
        ),
    )
}
"""Every layer, in build order."""


# --- Hugging Face configs -------------------------------------------------------------


def _rows(function: str, *attributes: str, constant: str | None = None) -> Callable[[Corpus], Iterator[Any]]:
    """A config's rows: ``kzcorpus.export.hf.<function>`` over these :class:`Corpus`
    attributes (and one constant of that module); export.hf is imported on first use."""

    def rows(corpus: Corpus) -> Iterator[Any]:
        from kzcorpus.export import hf

        args = [getattr(corpus, name) for name in attributes]
        return getattr(hf, function)(*args, *([getattr(hf, constant)] if constant else []))

    rows.__name__ = rows.__qualname__ = f"rows_{function}"
    return rows


HF_CONFIGS: tuple[HfConfig, ...] = (
    HfConfig(
        "documents", "documents", _rows("iter_document_rows", "documents", "cleaned"), "single", features.DOCUMENTS
    ),
    HfConfig(
        "paragraphs", "cleaned", _rows("iter_paragraph_rows", "documents", "cleaned"), "single", features.PARAGRAPHS
    ),
    HfConfig("footnotes", "cleaned", _rows("iter_footnote_rows", "documents", "cleaned"), "single", features.FOOTNOTES),
    HfConfig("sentences", "annotated", _rows("iter_sentence_rows", "annotated"), "split", features.SENTENCES),
    HfConfig(
        "sentences_gold",
        "gold",
        _rows("iter_sentence_rows", "gold", constant="GOLD_ANNOTATION"),
        "split",
        features.SENTENCES,
    ),
    HfConfig("stance", "stance", _rows("iter_stance_rows", "stance"), "split", features.STANCE),
    HfConfig(
        "stance_sentences",
        "stance",
        _rows("iter_stance_sentence_rows", "annotated", "stance"),
        "split",
        features.STANCE_SENTENCES,
    ),
    HfConfig(
        "parallel", "parallel", _rows("iter_parallel_rows", "links", "link_sentences"), "split", features.PARALLEL
    ),
    HfConfig("ud", "annotated", _rows("iter_ud_rows", "annotated"), "plain", features.UNIVERSAL_DEPENDENCIES),
    HfConfig("ud_gold", "gold", _rows("iter_ud_rows", "gold"), "plain", features.UNIVERSAL_DEPENDENCIES),
)
"""Every Hugging Face config, in the order the card lists them."""

CONFIG_FEATURES: dict[str, dict[str, features.Spec]] = {c.name: c.features for c in HF_CONFIGS}
"""Config → its columns (with ``split``/``fold`` for split configs)."""


def build_inputs() -> tuple[str, ...]:
    """What a build reads from a data root (relative paths), from every layer's ``inputs``."""
    return tuple(dict.fromkeys(p for layer in LAYERS.values() for p in layer.inputs))


def input_checks() -> tuple[checks.Check, ...]:
    return tuple(c for layer in LAYERS.values() for c in layer.checks)


def output_checks() -> tuple[checks.Check, ...]:
    return tuple(c for layer in LAYERS.values() for c in layer.output_checks)
