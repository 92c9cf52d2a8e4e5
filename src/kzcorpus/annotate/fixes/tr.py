"""Turkish repairs of the Stanza output, by IMST's conventions.

IMST keeps a finite verb in -DIr whole (``çıkmaktadır``, ``olmuştur``, ``olacaktır``: 118
whole VERB tokens in -DIr in train) and splits the copula off only nominal predicates,
verb forms among them (``önemli`` + ``dir``; ``demek`` + ``tir``, ``olmaması`` + ``dır``,
``olan`` + ``dır``: 19 VERB + AUX splits). The shipped MWT model splits the finite ones
too (``çıkmakta`` + ``dır``): 194 of 443 multi-word tokens of the corpus in release 0.1.
So a copula is merged back only into a finite verb form (progressive -mAktA, perfect
-mIş, future -AcAk, necessitative -mAlI, -Iyor).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kzcorpus.annotate.fixes.words import merge_token
from kzcorpus.io.conllu import Token

FINITE_VERB_RE = re.compile(r"(?:makta|mekte|mış|miş|muş|müş|acak|ecek|malı|meli|yor)$", re.IGNORECASE)
"""Endings of the finite verb forms IMST writes as one word with their -DIr."""
NUMBER_RE = re.compile(r"^\d+(?:[.,/:]\d+)*$")
NOMINAL_NUMBER_FEATS = "Case=Nom|Number=Sing|NumType=Card|Person=3"

DIR_COPULA = frozenset({"dir", "dır", "dur", "dür", "tir", "tır", "tur", "tür"})
"""The -DIr copula's forms (vowel harmony × consonant assimilation)."""


def is_split_dir_verb(token: Token) -> bool:
    """A finite verb split into VERB + AUX(-DIr): one word in IMST."""
    if len(token.words) != 2:
        return False
    verb, cop = token.words
    return (
        verb.upos == "VERB"
        and cop.upos == "AUX"
        and cop.form.lower() in DIR_COPULA
        and bool(FINITE_VERB_RE.search(verb.form))
    )


def merge_dir_copula(tokens: Sequence[Token]) -> list[Token]:
    """Merge every split -DIr verb into one word: the verb's lemma, tags and features, and
    the attachment (head, relation) of whichever of the two words the parser made the head."""
    out = list(tokens)
    for i in range(len(out)):
        if is_split_dir_verb(out[i]):
            verb = out[i].words[0]
            out = merge_token(out, i)
            merged = out[i].words[0]
            analysis = {"lemma": verb.lemma, "upos": verb.upos, "xpos": verb.xpos, "feats": verb.feats}
            out[i] = replace(out[i], words=(replace(merged, **analysis),))
    return out


def digits_are_numerals(tokens: Sequence[Token]) -> list[Token]:
    """A number written in digits (``21``, ``1.511``) is NUM with its own form as lemma.

    IMST writes numbers as words (3 bare digits in train), so the tagger guesses digits
    (``21 Şubat``: 21 = CCONJ; 7 of 57 digits right on the gold layer). The tags follow
    the gold guideline (docs/ud-guidelines.md §2.4(e)): XPOS ANum with ``NumType=Card``
    where it modifies a noun (``nummod``), else the nominal NNum. The tree is left as parsed.
    """
    out = []
    for t in tokens:
        if len(t.words) == 1 and NUMBER_RE.match(t.form):
            w = t.words[0]
            modifier = w.deprel == "nummod"
            tags = ("ANum", "NumType=Card") if modifier else ("NNum", NOMINAL_NUMBER_FEATS)
            t = replace(t, words=(replace(w, lemma=t.form, upos="NUM", xpos=tags[0], feats=tags[1]),))
        out.append(t)
    return out
