"""The dataset card (``dataset/README.md``): YAML header for ``datasets`` plus prose.

Counts and source tables are rendered from the data so they cannot drift; a test also
re-derives them independently.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any

from kzcorpus.benchmark.table import results_table
from kzcorpus.export.features import to_yaml_list
from kzcorpus.io.documents import Document
from kzcorpus.registry import CONFIG_FEATURES
from kzcorpus.schema.common import LANGUAGES
from kzcorpus.schema.stance import GUIDELINE_VERSION, StanceLabel
from kzcorpus.stats import (
    annotation_stats,
    annotation_table,
    clean_stats,
    clean_table,
    corpus_stats,
    documents_per_language,
    markdown_table,
    parallel_table,
    split_table,
    stance_actor_table,
    stance_language_table,
    stance_provenance_counts,
)

if TYPE_CHECKING:
    from kzcorpus.corpus import Corpus

# What each licence lets a user do with the text and with annotations derived from it.
LICENSE_TERMS: dict[str | None, str] = {
    "CC-BY-NC-ND-4.0": (
        "Creative Commons BY-NC-ND 4.0: the verbatim text may be copied and redistributed for "
        "non-commercial purposes with attribution. NoDerivatives: adapted material (for example a "
        "rewritten or translated version of the text) may be made for private use but not "
        "shared. kzcorpus ships the text unmodified in `raw/` and keeps derived layers as offsets "
        "into it. The cleaned text in `annotations/text/` only changes the format (line breaks joined, "
        "page furniture and footnotes moved to their own layers, every change recorded and reversible "
        "through the offset map), a technical modification that CC 4.0 section 2(a)(4) allows and that "
        "does not make adapted material; redistributing a rewritten or translated version is not permitted."
    ),
    None: (
        "No licence is stated in the source. Copyright stays with the rightsholder; kzcorpus "
        "includes the text for non-commercial research (text and data mining) only, and no right "
        "to redistribute it or derived text is granted by the rightsholder. Check the law that "
        "applies to you before redistributing."
    ),
}


def _imst_upos(u: dict[str, Any]) -> str:
    """The IMST test figure beside the hand samples: the corpus pipeline's where recorded."""
    if "imst_test_upos_pipeline" in u:
        return (
            f"UPOS on the IMST test set, end to end, with the corpus pipeline that made this layer: "
            f"{u['imst_test_upos_pipeline']:.2f}; Stanza alone: {u['imst_test_upos']:.2f}"
        )
    return f"the Turkish model's UPOS on the IMST test set, end to end: {u['imst_test_upos']:.2f}"


def _cell(value: object) -> str:
    if value is None or value == () or value == "":
        return "–"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def sources_table(docs: Sequence[Document]) -> str:
    head = (
        "| document | title | authors | date | venue | DOI | licence |\n| --- | --- | --- | --- | --- | --- | --- |\n"
    )
    rows = []
    for d in docs:
        m = d.metadata
        title = m.title or m.titles.en
        venue = None
        if m.venue is not None:
            parts = [
                m.venue.journal,
                m.venue.issue and f"issue {m.venue.issue}",
                m.venue.pages and f"pp. {m.venue.pages}",
            ]
            venue = ", ".join(p for p in parts if p)
        rows.append(
            f"| `{m.id}` | {_cell(title)} | {_cell(m.authors)} | {_cell(m.publication_date)} | {_cell(venue)} "
            f"| {_cell(m.doi)} | {_cell(m.license) if m.license else 'not stated'} |\n"
        )
    return head + "".join(rows)


def license_terms(docs: Sequence[Document]) -> str:
    out = []
    for lic in sorted({d.metadata.license for d in docs}, key=lambda x: (x is None, x or "")):
        ids = ", ".join(f"`{d.id}`" for d in docs if d.metadata.license == lic)
        out.append(f"- {ids}: {LICENSE_TERMS[lic]}\n")
    return "".join(out)


def relations_list(docs: Sequence[Document]) -> str:
    out = [
        f"- `{d.id}` {r.type.replace('_', ' ')} `{r.target}`: {r.note}\n" for d in docs for r in d.metadata.relations
    ]
    return "".join(out) or "None.\n"


def source_bibtex(docs: Sequence[Document]) -> str:
    """BibTeX for the journal articles, with only the fields their metadata records."""
    entries = []
    for d in docs:
        m = d.metadata
        if m.document_type != "journal_article":
            continue
        fields = {
            "title": m.title,
            "author": " and ".join(m.authors) or None,
            "journal": m.venue and m.venue.journal,
            "number": m.venue and m.venue.issue,
            "pages": m.venue and m.venue.pages and m.venue.pages.replace("-", "--"),
            "year": m.publication_date and m.publication_date[:4],
            "doi": m.doi,
            "note": None if m.authors else "author, venue and year not stated in the source text",
        }
        body = "".join(f"  {k:<7} = {{{v}}},\n" for k, v in fields.items() if v)
        entries.append(f"@article{{{m.id},\n{body}}}\n")
    return "\n".join(entries)


LICENSE_NAME = "kzcorpus-source-terms"
LICENSE_FILE = "LICENSE.md"
"""The dataset folder's licence file (``license_link`` of the card): the terms per source."""


def license_file(docs: Sequence[Document]) -> str:
    """``dataset/LICENSE.md``: what each source's licence permits, and the annotations' terms."""
    return (
        "# kzcorpus: licence terms\n\n"
        "The corpus combines source texts under different terms; each document keeps its own.\n\n"
        + license_terms(docs)
        + "\n"
        + ANNOTATION_TERMS
    )


ANNOTATION_TERMS = (
    "The package code is released under the MIT licence. kzcorpus's own annotations (metadata\n"
    "records and later layers) are offered under CC BY 4.0 as far as the rights in the source\n"
    "texts allow; the source texts keep their own terms, stated above, and nothing here grants\n"
    "rights the rightsholders have not granted.\n"
)


def card_header(splits: Mapping[str, Mapping[str, tuple[int, int]]]) -> dict[str, Any]:
    """``splits``: config → {split: (rows, bytes)} of its data files (``<config>/<split>.jsonl``)."""
    return {
        "pretty_name": "kzcorpus",
        "language": list(LANGUAGES),
        # the sources carry different terms (one CC BY-NC-ND 4.0, four unstated): no single
        # SPDX id fits, so the Hub's "other" with a named licence file, per its card spec
        "license": "other",
        "license_name": LICENSE_NAME,
        "license_link": LICENSE_FILE,
        # texts were found (published articles and news); annotations were made by
        # machines: automatic Stanza models and AI annotators (a language model reading the
        # text), never by human annotators -- the card's "Bias, risks and limitations" says which layer is which
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "multilinguality": "multilingual",
        "size_categories": ["n<1K"],
        "source_datasets": ["original"],
        "task_categories": ["text-classification", "token-classification", "translation"],
        "task_ids": ["part-of-speech", "parsing", "lemmatization", "multi-class-classification"],
        "tags": [
            "stance-detection",
            "universal-dependencies",
            "dependency-parsing",
            "parallel-corpus",
            "political-science",
            "foreign-policy",
            "kazakhstan",
        ],
        "configs": [
            {
                "config_name": name,
                "data_files": [{"split": x, "path": f"{name}/{x}.jsonl"} for x in splits[name]],
                "default": i == 0,
            }
            for i, name in enumerate(CONFIG_FEATURES)
            if name in splits  # a corpus without a gold UD layer has no sentences_gold files
        ],
        "dataset_info": [
            {
                "config_name": name,
                "features": to_yaml_list(spec),
                "splits": [{"name": x, "num_bytes": size, "num_examples": n} for x, (n, size) in splits[name].items()],
            }
            for name, spec in CONFIG_FEATURES.items()
            if name in splits
        ],
    }


def render_yaml(data: Any) -> str:
    """The card's YAML header via PyYAML's safe dumper: values such as ``no``, ``on``,
    ``1.0`` or ``0123`` are quoted as needed and read back as the strings they are."""
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def ud_validation_table(validation: Mapping[str, str]) -> str:
    """Level-2/3 error counts of the official UD validator, per CoNLL-U file."""
    if not validation:
        return "No validation report (the CoNLL-U layer has not been validated).\n"
    report = json.loads(next(iter(validation.values())))
    head = "| file | level-2 errors | level-3 errors |\n| --- | ---: | ---: |\n"
    body = "".join(
        f"| `{name}` | {r['level2_errors']} | {r['level3_errors']} |\n" for name, r in report["files"].items()
    )
    return f"Validator: {report['validator']}.\n\n" + head + body


def _changed(sample: Mapping[str, Any]) -> str:
    n = sample.get("segmentation_changed", 0)
    return f" ({n} more left out: merged or re-cut by the layer since the sample was tagged)" if n else ""


def quality_text(quality: Mapping[str, Any] | None) -> str:
    """The hand-checked quality figures (annotations/quality.json), or a note that there are none."""
    if not quality:
        return "Not measured yet.\n"
    b = quality["sentence_boundaries"]
    per_lang = ", ".join(f"{k} {v['reference_sentences']}" for k, v in b.items() if k != "all")
    lines = [
        f"- Sentence boundaries, {b['all']['reference_sentences']} hand-segmented sentences "
        f"({per_lang}): "
        f"precision {b['all']['precision']:.2f}, recall {b['all']['recall']:.2f}, "
        f"exact sentences {b['all']['exact_sentences']:.2f}%.\n"
    ]
    u = quality.get("upos")
    if u:
        lines.append(
            f"- UPOS, {u['words']} hand-tagged Turkish body-text words{_changed(u)}: accuracy {u['accuracy']:.2f} "
            f"(95% interval {u['wilson95'][0]:.1f}–{u['wilson95'][1]:.1f}; {_imst_upos(u)}).\n"
        )
    f = quality.get("upos_first_draw")
    if f:
        lines.append(
            f"- UPOS on an earlier, independent hand-tagged draw of {f['words']} words{_changed(f)}: accuracy "
            f"{f['accuracy']:.2f} (95% interval {f['wilson95'][0]:.1f}–{f['wilson95'][1]:.1f}).\n"
        )
    lines.append(error_classes_text(quality.get("error_classes")))
    return "".join(lines)


ERROR_CLASSES = {
    "country_names_upos": "country names, UPOS",
    "country_names_lemma": "country names, lemma",
    "digits_upos": "numbers in digits, UPOS",
    "numbers_one_token": "numbers with separators (`1.511`, `71/187`) kept as one token",
    "dir_verbs_one_word": "Turkish finite verbs in -DIr kept as one word (IMST)",
}


def error_classes_text(report: Mapping[str, Any] | None) -> str:
    """The known error classes of the automatic layer, scored on the gold layer."""
    if not report:
        return ""
    on_gold = report["on_gold"]
    cells = [
        f"{label} {r['accuracy']:.2f} ({r['correct']}/{r['n']})"
        for key, label in ERROR_CLASSES.items()
        if (r := on_gold.get(key)) and r["n"]
    ]
    whole = report["whole_layer"]
    return (
        "- Known error classes, on the gold UD layer (dev and test; "
        f"`{report['country_names']}` selects the country names): " + "; ".join(cells) + ". "
        f"In the whole layer, {whole['multiword_tokens_not_spelling_the_token']} of "
        f"{whole['multiword_tokens']} multi-word tokens do not spell their token and "
        f"{whole['dir_verbs_split_verb_aux']} Turkish finite -DIr verbs are split into VERB + AUX.\n"
    )


def _scores_table(rows: Mapping[str, Mapping[str, Any]], head: Sequence[str], metrics: Sequence[str], cell: Any) -> str:
    """A Markdown table: one row per ``language-split``, ``head`` counts, then ``cell(score)`` per metric."""
    out = ["| language-split | " + " | ".join([*head, *metrics]) + " |\n"]
    out.append("| --- |" + " ---: |" * (len(head) + len(metrics)) + "\n")
    for key, r in rows.items():
        out.append(f"| {key} | " + " | ".join([*(str(r[h]) for h in head), *(cell(r[m]) for m in metrics)]) + " |\n")
    return "".join(out)


def gold_text(quality: Mapping[str, Any] | None) -> str:
    """Agreement of the gold UD passes and the shipped layer's scores on gold (quality.json)."""
    from kzcorpus.udgold.scores import AGREEMENT_METRICS, SHIPPED_METRICS

    gold = (quality or {}).get("gold")
    if not gold:
        return "No gold UD layer yet.\n"
    return (
        "Agreement of the two independent passes (pass B scored against pass A, CoNLL 2018 scorer, F1):\n\n"
        + _scores_table(gold["agreement"], ("sentences", "words"), AGREEMENT_METRICS, lambda s: f"{s['f1']:.2f}")
        + "\nThe shipped automatic layer scored against the gold layer (F1; 95% Wilson interval on "
        "correct/gold words):\n\n"
        + _scores_table(
            gold["shipped_on_gold"],
            ("words",),
            SHIPPED_METRICS,
            lambda s: f"{s['f1']:.2f} ({s['interval'][0]:.1f}–{s['interval'][1]:.1f})",
        )
    )


def stance_agreement_text(report: Mapping[str, Any] | None) -> str:
    """The two passes' agreement (``kzcorpus.stance.labels.agreement_report``), as a list."""
    if not report:
        return "Not measured yet.\n"
    share = 100.0 * report["scope_sentences"] / report["all_sentences"]
    whole = ", ".join(f"`{d}`" for d in report["scope_documents_whole"])
    dec = report["decisions"]
    return (
        f"- Scope of the second pass: {report['scope_sentences']} of {report['all_sentences']} sentences "
        f"({share:.1f}%), whole documents {whole}.\n"
        f"- Spans (distinct ranges): pass A {report['ranges_a']}, pass B {report['ranges_b']}; span F1 "
        f"{report['span_f1_overlap']:.2f} (overlapping ranges), {report['span_f1_exact']:.2f} (exact offsets).\n"
        f"- Holder/target pairs on matched spans: {report['holder_target_agreement']:.2f}% found by both "
        f"of those found by either.\n"
        f"- Polarity on the {report['polarity_pairs']} pairs both passes put on a matched span: "
        f"{report['polarity_observed']:.2f}% identical, Cohen's kappa {report['polarity_kappa']:.3f}.\n"
        f"- Adjudication: {report['cases']} disagreement cases (pass A kept {dec['a']}, pass B kept "
        f"{dec['b']}, new records {dec['custom']}); review of released labels against "
        f"guideline {GUIDELINE_VERSION}: {report['review_cases']} cases.\n"
        + _per_split_agreement(report.get("per_split"))
    )


def _per_split_agreement(per_split: Mapping[str, Any] | None) -> str:
    if not per_split:
        return ""
    head = (
        "\nPer split (the same figures on each split's documents):\n\n"
        "| split | ranges A | ranges B | span F1 (overlap) | span F1 (exact) | holder/target | polarity pairs | "
        "kappa |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    rows = "".join(
        f"| {name} | {r['ranges_a']} | {r['ranges_b']} | {r['span_f1_overlap']:.2f} | {r['span_f1_exact']:.2f} | "
        f"{r['holder_target_agreement']:.2f} | {r['polarity_pairs']} | {r['polarity_kappa']:.3f} |\n"
        for name, r in per_split.items()
    )
    return head + rows


def stance_counts_text(labels: Sequence[StanceLabel]) -> str:
    prov = stance_provenance_counts(labels)
    return (
        stance_language_table(labels)
        + "\nBy provenance: "
        + ", ".join(f"{k} {v}" for k, v in prov.items())
        + ".\n\nBy actor (each label counts once for its holder and once for its target):\n\n"
        + stance_actor_table(labels)
    )


def render_card(layers: Corpus, splits: Mapping[str, Mapping[str, tuple[int, int]]]) -> str:
    docs = layers.documents
    rows = corpus_stats(docs)
    per_lang = documents_per_language(rows)
    template = Template(resources.files("kzcorpus.export").joinpath("card_template.md").read_text(encoding="utf-8"))
    body = template.substitute(
        languages=", ".join(f"{k} {v}" for k, v in per_lang.items()),
        n_documents=len(docs),
        counts_table=markdown_table(rows),
        clean_table=clean_table(clean_stats(layers.cleaned)),
        annotation_table=annotation_table(annotation_stats(layers.annotated)),
        ud_validation=ud_validation_table(layers.validation),
        annotation_quality=quality_text(layers.quality),
        ud_gold=gold_text(layers.quality),
        stance_counts=stance_counts_text(layers.stance),
        stance_agreement=stance_agreement_text(layers.stance_agreement),
        parallel_table=parallel_table(layers.links),
        n_links=len(layers.links),
        baseline_results=results_table(layers.baselines),
        split_table=split_table(layers.splits, layers.annotated, layers.stance, layers.links),
        sources_table=sources_table(docs),
        license_terms=license_terms(docs),
        annotation_terms=ANNOTATION_TERMS,
        relations=relations_list(docs),
        version=layers.version,
        source_bibtex=source_bibtex(docs),
    )
    return "---\n" + render_yaml(card_header(splits)) + "---\n\n" + body
