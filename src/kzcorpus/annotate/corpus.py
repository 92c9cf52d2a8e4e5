"""The annotation stage: every cleaned paragraph → sentences in CoNLL-U files.

Files: ``annotations/conllu/<document>.<lang>.conllu``, one per document and language
(a reader of one language never filters), paragraphs in document order. Turkish and
English paragraphs are annotated by that language's Stanza pipeline; Russian ones are
segmented by :mod:`kzcorpus.annotate.rules` only. Sentence ids are
``<document>-p<paragraph index>-s<n>`` (n from 1), stable while the cleaned paragraphs are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from kzcorpus.annotate.rules import METHOD as RULES_METHOD
from kzcorpus.annotate.rules import iter_tokens, split_sentences
from kzcorpus.annotate.segment import Tok
from kzcorpus.annotate.stanza_run import STANZA_LANGUAGES, StanzaAnnotator
from kzcorpus.errors import AnnotationError, KzCorpusError
from kzcorpus.io.cleaned import CleanedLayers
from kzcorpus.io.conllu import (
    CONLLU_DIR,
    TOKENS_DIR,
    Sentence,
    Token,
    Word,
    conllu_relpath,
    paragraph_id,
    render_file,
    sentence_id,
)
from kzcorpus.schema.clean import Paragraph
from kzcorpus.schema.common import annotated_by

RULE_LANGUAGES = annotated_by("rules")
Segmenter = Callable[[str], list[list[Token]]]


def _where(p: Paragraph) -> str:
    return f"document {p.document!r}, paragraph {p.index} ({p.language})"


def rule_segment(text: str) -> list[list[Token]]:
    def token(t: Tok) -> Token:
        return Token(form=t.text, start=t.start, end=t.end, words=(Word(form=t.text),))

    return [[token(t) for t in sent] for sent in split_sentences(list(iter_tokens(text)))]


def assemble(p: Paragraph, text: str, sentences: list[list[Token]]) -> list[Sentence]:
    """Check tokens against the paragraph text, add spacing and document offsets, number them.

    Strict: a token whose form is not its text slice, an empty word, or non-space text
    between tokens (characters a tokenizer lost) is an error naming the paragraph.
    """
    flat = [t for s in sentences for t in s]
    bounds = [0, *[x for t in flat for x in (t.start, t.end)], len(text)]
    for t in flat:
        if text[t.start : t.end] != t.form:
            raise AnnotationError(
                f"{_where(p)}: token {t.form!r} does not match its text {text[t.start : t.end]!r}",
                offset=p.start + t.start,
            )
        if any(not w.form for w in t.words):
            raise AnnotationError(
                f"{_where(p)}: token {t.form!r} was expanded into an empty word", offset=p.start + t.start
            )
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        if b < a or text[a:b].strip():
            raise AnnotationError(f"{_where(p)}: text {text[a:b]!r} is not covered by any token", offset=p.start + a)
    out: list[Sentence] = []
    k = 0
    for n, sent in enumerate(sentences, 1):
        tokens = []
        for t in sent:
            k += 1
            gap = text[t.end : flat[k].start] if k < len(flat) else " "
            tokens.append(replace(t, start=t.start + p.start, end=t.end + p.start, space_after=gap))
        comments = (("newpar id", paragraph_id(p.document, p.index)),) if n == 1 else ()
        out.append(
            Sentence(sentence_id(p.document, p.index, n), text[sent[0].start : sent[-1].end], tuple(tokens), comments)
        )
    return out


def header_comments(doc_id: str, provenance: Mapping[str, Any] | None) -> tuple[tuple[str, str], ...]:
    """``newdoc id`` and who made the file: method, Stanza version, model files and hashes."""
    if provenance is None:
        return (("newdoc id", doc_id), ("annotation", RULES_METHOD))
    source = provenance["source"]
    made_from = (provenance.get("training") or {}).get("treebank") or source.get("resources_dir")
    from kzcorpus.annotate.fixes import DESCRIPTION

    fixes = DESCRIPTION.get(provenance.get("language", ""))
    annotation = (
        f"automatic: Stanza {provenance['versions']['stanza']}, {source['kind']} models ({made_from}); "
        "sentence boundaries corrected by kzcorpus.annotate.segment rules" + (f"; {fixes}" if fixes else "")
    )
    models = tuple((f"model.{proc}", f"{m['file']} sha256:{m['sha256']}") for proc, m in provenance["models"].items())
    return (("newdoc id", doc_id), ("annotation", annotation), *models)


class CorpusAnnotator:
    """Loads each language's annotator on first use; errors name the paragraph."""

    def __init__(self, *, resources_dir: str | Path | None = None, batch_size: int | None = None) -> None:
        self.resources_dir = resources_dir
        self.batch_size = batch_size
        self._stanza: dict[str, StanzaAnnotator] = {}

    def provenance(self, lang: str) -> Mapping[str, Any] | None:
        return self._stanza[lang].provenance if lang in self._stanza else None

    def segmenter(self, p: Paragraph) -> Segmenter:
        if p.language in RULE_LANGUAGES:
            return rule_segment
        if p.language not in STANZA_LANGUAGES:
            raise AnnotationError(
                f"{_where(p)}: no model or segmentation rules for language {p.language!r}; "
                f"expected one of {sorted((*STANZA_LANGUAGES, *RULE_LANGUAGES))}"
            )
        if p.language not in self._stanza:
            try:
                self._stanza[p.language] = StanzaAnnotator(
                    p.language, resources_dir=self.resources_dir, batch_size=self.batch_size
                )
            except KzCorpusError as exc:
                raise AnnotationError(f"{_where(p)}: cannot load the {p.language} model: {exc}") from exc
        return self._stanza[p.language]

    def paragraph(self, p: Paragraph, text: str) -> list[Sentence]:
        segment = self.segmenter(p)
        if not text.strip():
            return []
        try:
            sentences = segment(text)
        except KzCorpusError:
            raise
        except Exception as exc:  # a model failing mid-run: name the paragraph
            raise AnnotationError(f"{_where(p)}: annotation failed ({type(exc).__name__}: {exc})") from exc
        return assemble(p, text, sentences)


def annotate_corpus(
    cleaned: Mapping[str, CleanedLayers],
    *,
    annotator: CorpusAnnotator | None = None,
    progress: bool = False,
) -> dict[tuple[str, str], list[Sentence]]:
    """(document, language) → its sentences, in document order, with file headers."""
    annotator = annotator or CorpusAnnotator()
    items: Iterable[tuple[CleanedLayers, Paragraph]] = [
        (lay, p) for _, lay in sorted(cleaned.items()) for p in lay.paragraphs
    ]
    if progress:
        from tqdm import tqdm  # type: ignore[import-untyped]

        items = tqdm(list(items), desc="annotate", unit="par")
    out: dict[tuple[str, str], list[Sentence]] = {}
    for lay, p in items:
        out.setdefault((p.document, p.language), []).extend(annotator.paragraph(p, lay.paragraph_text(p)))
    for (doc_id, lang), sents in out.items():
        if sents:
            head = header_comments(doc_id, annotator.provenance(lang))
            sents[0] = replace(sents[0], comments=head + sents[0].comments)
    return {k: v for k, v in out.items() if v}


def annotation_files(annotated: Mapping[tuple[str, str], list[Sentence]]) -> dict[str, str]:
    """Relative path inside ``annotations/`` → CoNLL-U content."""
    return {
        conllu_relpath(doc, lang, TOKENS_DIR if lang in RULE_LANGUAGES else CONLLU_DIR): render_file(sents)
        for (doc, lang), sents in sorted(annotated.items())
    }
