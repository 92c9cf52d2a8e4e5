"""A model-free floor for the ``ud`` task: what a tagger/parser must beat to be worth anything.

Tokens: a regular expression (words with their apostrophe suffixes, numbers with inner
``.,:/``, single punctuation marks); no multi-word tokens. Tags and lemma: the most frequent
analysis of the form in the treebank's training file (lower-cased form as a fallback; an
unseen form gets the most frequent open-class analysis: NOUN, its own lower-cased form as
lemma). Tree: every word attached to its right neighbour with the relation most frequent for
its UPOS; the last word is the root.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)*(?:['’]\w+)?|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Analysis:
    lemma: str
    upos: str
    xpos: str
    feats: str


@dataclass(frozen=True)
class FloorModel:
    by_form: Mapping[str, Analysis]
    by_lower: Mapping[str, Analysis]
    deprel_of_upos: Mapping[str, str]

    def analyse(self, form: str) -> Analysis:
        found = self.by_form.get(form) or self.by_lower.get(form.lower())
        return found or Analysis(form.lower(), "NOUN", "_", "_")


def _most_common(counts: Mapping[str, Counter[tuple[str, ...]]]) -> dict[str, Analysis]:
    return {k: Analysis(*c.most_common(1)[0][0]) for k, c in counts.items()}


def train_floor(train_file: Path) -> FloorModel:
    """Counts over the words of a CoNLL-U training file (multi-word token lines skipped)."""
    forms: dict[str, Counter[tuple[str, ...]]] = {}
    lowers: dict[str, Counter[tuple[str, ...]]] = {}
    deprels: dict[str, Counter[str]] = {}
    with open(train_file, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            analysis = (cols[2], cols[3], cols[4], cols[5])
            forms.setdefault(cols[1], Counter())[analysis] += 1
            lowers.setdefault(cols[1].lower(), Counter())[analysis] += 1
            deprels.setdefault(cols[3], Counter())[cols[7].split(":")[0] if cols[7] != "root" else "dep"] += 1
    deprel = {upos: c.most_common(1)[0][0] for upos, c in deprels.items()}
    return FloorModel(_most_common(forms), _most_common(lowers), deprel)


def tokens(text: str) -> Iterator[tuple[str, bool]]:
    """(form, space follows) for the sentence text."""
    matches = list(TOKEN_RE.finditer(text))
    for k, m in enumerate(matches):
        nxt = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        yield m.group(), nxt > m.end()


def floor_sentence(sent_id: str, text: str, model: FloorModel) -> str:
    """One CoNLL-U sentence predicted by the floor."""
    toks = list(tokens(text))
    lines = [f"# sent_id = {sent_id}", f"# text = {text}"]
    for i, (form, space) in enumerate(toks, start=1):
        a = model.analyse(form)
        last = i == len(toks)
        head, deprel = (0, "root") if last else (i + 1, model.deprel_of_upos.get(a.upos, "dep"))
        misc = "_" if space or last else "SpaceAfter=No"
        lines.append("\t".join([str(i), form, a.lemma, a.upos, a.xpos, a.feats, str(head), deprel, "_", misc]))
    return "\n".join(lines) + "\n\n"
