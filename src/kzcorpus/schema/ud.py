"""Closed vocabularies of the UD layers (they travel with the data as class labels)."""

from __future__ import annotations

UPOS_TAGS: tuple[str, ...] = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
)  # fmt: skip
"""The 17 universal part-of-speech tags, in UD's alphabetical order."""

HF_UD_UPOS: tuple[str, ...] = (
    "NOUN", "PUNCT", "ADP", "NUM", "SYM", "SCONJ", "ADJ", "PART", "DET",
    "CCONJ", "PROPN", "PRON", "X", "_", "ADV", "INTJ", "VERB", "AUX",
)  # fmt: skip
"""The label list (and order) of the Hub's ``universal_dependencies`` dataset, where ``_``
is the UPOS of a multi-word token's range line; kept exactly so its users' code runs."""

DEPRELS: tuple[str, ...] = (
    "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "advmod:emph", "amod", "appos", "aux",
    "aux:pass", "aux:q", "case", "cc", "cc:preconj", "ccomp", "clf", "compound", "compound:lvc",
    "compound:prt", "compound:redup", "conj", "cop", "csubj", "csubj:outer", "csubj:pass", "dep",
    "det", "det:predet", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj",
    "list", "mark", "nmod", "nmod:desc", "nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer",
    "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:unmarked", "orphan", "parataxis",
    "punct", "reparandum", "root", "vocative", "xcomp",
)  # fmt: skip
"""UD's 37 universal relations plus every subtype UD_Turkish-IMST and UD_English-EWT use
(the conventions of both layers); a relation outside this list is refused at export."""
