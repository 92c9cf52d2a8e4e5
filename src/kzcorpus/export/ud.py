"""The CoNLL-U layers released the way UD releases a treebank.

``dataset/ud/automatic/`` (the Stanza layer, every split) and ``dataset/ud/gold/`` (the
hand-annotated layer, dev and test): one file per language and split named as UD names
them (``tr_kzcorpus-ud-test.conllu``), and a README with UD's machine-readable metadata
block. Only UD-valid files go here: the Russian tokens-only file stays in
``annotations/tokens/``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kzcorpus.benchmark.splits import SPLITS
from kzcorpus.io.conllu import Sentence, render_file
from kzcorpus.schema.common import annotated_by

UD_DIR = "ud"
UD_LANGUAGES = annotated_by("stanza")  # the rule-based (Russian) tokens are not UD-valid
TREEBANK = "kzcorpus"
GENRE = "news nonfiction academic"

_README = """# {title}

# Summary

{summary}

# Introduction

Texts on Kazakhstan's foreign policy: two Turkish journal articles (with English and, for one,
Russian abstracts), an academic index record and two Turkish news texts. Files per language and
benchmark split, named as UD names them: {files}. The same sentences, with character offsets
into the cleaned text (`TokenRange` in MISC), are in the kzcorpus repository's `annotations/`
folder; the benchmark splits are assigned per document group (`kzcorpus.benchmark.splits`).

# Acknowledgments

Annotation conventions follow UD_Turkish-IMST and UD_English-EWT (`docs/ud-guidelines.md` in
the kzcorpus repository).

<pre>
=== Machine-readable metadata (DO NOT REMOVE!) ================================
Data available since: kzcorpus 0.1
License: {license}
Includes text: yes
Genre: {genre}
Lemmas: {method}
UPOS: {method}
XPOS: {method}
Features: {method}
Relations: {method}
Contributors: kzcorpus maintainers
Contributing: elsewhere
Contact: the kzcorpus issue tracker
===============================================================================
</pre>
"""

AUTOMATIC_SUMMARY = (
    "The automatic CoNLL-U layer of kzcorpus: every Turkish and English sentence, tokenised, tagged,\n"
    "lemmatised and parsed by the Stanza models shipped with kzcorpus (trained on UD_Turkish-IMST and\n"
    "UD_English-EWT; model names and SHA-256 hashes in each file's header). Not hand-checked: its\n"
    "measured quality against the gold layer is in the kzcorpus dataset card."
)
GOLD_SUMMARY = (
    "The gold CoNLL-U layer of kzcorpus: every sentence of the test split (Turkish and English) and the\n"
    "Turkish sentences of the dev split, annotated from scratch by reading, without any system output,\n"
    "in two independent passes with every difference adjudicated. The annotators were AI annotators (a\n"
    "language model reading the text in separate sessions), not humans; UD's metadata vocabulary has no\n"
    "value for that, so the fields below say `automatic`, and this summary says what it means."
)
LICENSE = "CC BY 4.0 for the annotations; the texts keep their sources' terms (see the dataset card's LICENSE.md)"


def ud_name(lang: str, split: str) -> str:
    return f"{lang}_{TREEBANK}-ud-{split}.conllu"


def split_files(layer: Mapping[tuple[str, str], Sequence[Sentence]], splits: Mapping[str, str]) -> dict[str, str]:
    """UD file name → content: the layer's sentences per language and split, in document order."""
    out = {}
    for lang in UD_LANGUAGES:
        for split in SPLITS:
            docs = sorted(doc for doc, lg in layer if lg == lang and splits[doc] == split)
            if docs:
                out[ud_name(lang, split)] = "".join(render_file(layer[(doc, lang)]) for doc in docs)
    return out


def _readme(title: str, summary: str, files: Sequence[str]) -> str:
    names = ", ".join(f"`{f}`" for f in files)
    return _README.format(title=title, summary=summary, files=names, license=LICENSE, genre=GENRE, method="automatic")


def ud_files(
    annotated: Mapping[tuple[str, str], Sequence[Sentence]],
    gold: Mapping[tuple[str, str], Sequence[Sentence]],
    splits: Mapping[str, str],
) -> dict[str, str]:
    """Relative path inside ``dataset/`` → content of the UD-style release."""
    out: dict[str, str] = {}
    for name, layer, title, summary in (
        ("automatic", annotated, "kzcorpus, automatic UD layer", AUTOMATIC_SUMMARY),
        ("gold", gold, "kzcorpus, gold UD layer", GOLD_SUMMARY),
    ):
        files = split_files(layer, splits)
        if not files:
            continue
        out |= {f"{UD_DIR}/{name}/{f}": text for f, text in files.items()}
        out[f"{UD_DIR}/{name}/README.md"] = _readme(title, summary, list(files))
    return out
