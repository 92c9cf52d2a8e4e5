"""Generic word surgery on one sentence's tokens: re-cut a multi-word token's forms, merge
its words into one, renumber heads so the tree stays a tree.

Heads are 1-based word indices over the sentence (0 = root), as in CoNLL-U.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kzcorpus.io.conllu import Token


def spells_token(token: Token) -> bool:
    """Whether the words, concatenated, are the token's letters (case aside): UD's rule for
    a multi-word token split, which the treebanks follow (IMST: 1073 of 1082 in train)."""
    return "".join(w.form for w in token.words).lower() == token.form.lower()


def recut(token: Token) -> Token | None:
    """Two words that do not spell their token, re-cut on the token's letters: the second
    word keeps its form when the token ends with it (``geliştirmeke`` + ``dir`` →
    ``geliştirmekte`` + ``dir``), else the first keeps its form when the token starts with
    it. ``None`` when neither holds (the caller merges the words instead)."""
    if len(token.words) != 2:
        return None
    first, second = token.words
    form = token.form
    if 0 < len(second.form) < len(form) and form.lower().endswith(second.form.lower()):
        cut = len(form) - len(second.form)
    elif 0 < len(first.form) < len(form) and form.lower().startswith(first.form.lower()):
        cut = len(first.form)
    else:
        return None
    return replace(token, words=(replace(first, form=form[:cut]), replace(second, form=form[cut:])))


def word_offsets(tokens: Sequence[Token]) -> list[int]:
    """1-based index of each token's first word."""
    out, n = [], 1
    for t in tokens:
        out.append(n)
        n += len(t.words)
    return out


def merge_token(tokens: Sequence[Token], index: int, keep: int | None = None) -> list[Token]:
    """Token ``index`` as one word: the analysis of its word ``keep`` (default: the word whose
    head lies outside the token, i.e. the token's syntactic head), the token's form; words
    of the sentence that depended on any of its words now depend on the merged word, and
    every head after it is renumbered."""
    token = tokens[index]
    first = word_offsets(tokens)[index]
    size = len(token.words)
    inside = range(first, first + size)
    if keep is None:  # in a tree, some word of the token has its head outside it (or is the root)
        keep = next(i for i, w in enumerate(token.words) if w.head is None or w.head not in inside)

    def renumber(head: int | None) -> int | None:
        if head is None or head < first:
            return head
        return first if head in inside else head - (size - 1)

    kept = token.words[keep]
    merged = replace(kept, form=token.form, head=renumber(kept.head))
    out = []
    for i, t in enumerate(tokens):
        if i == index:
            out.append(replace(t, words=(merged,)))
        else:
            out.append(replace(t, words=tuple(replace(w, head=renumber(w.head)) for w in t.words)))
    return out


def exact_forms(tokens: Sequence[Token]) -> list[Token]:
    """Every multi-word token spells its token: re-cut where two words allow it, else merge."""
    out = list(tokens)
    i = 0
    while i < len(out):
        t = out[i]
        if t.is_multiword and not spells_token(t):
            cut = recut(t)
            if cut is not None:
                out[i] = cut
            else:
                out = merge_token(out, i)
        i += 1
    return out
