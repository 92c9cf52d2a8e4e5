"""Rule-based repairs of the Stanza output, applied per sentence before it is stored.

The generic core (:mod:`kzcorpus.annotate.fixes.words`) knows how to re-cut or merge the
words of a multi-word token and keep the tree valid; what to repair is language-specific
and lives in its own module (as udapi keeps ``block/ud/<lang>/``): :data:`FIXES` maps a
language to its rules. Every file says in its ``# annotation`` header that these rules ran.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kzcorpus.annotate.fixes import tr
from kzcorpus.annotate.fixes.words import exact_forms
from kzcorpus.io.conllu import Token

Fix = Callable[[Sequence[Token]], list[Token]]

FIXES: dict[str, tuple[Fix, ...]] = {
    "tr": (exact_forms, tr.merge_dir_copula, tr.digits_are_numerals),
    "en": (exact_forms,),
}
"""Language → its repairs, in the order they run."""

DESCRIPTION = {
    "tr": (
        "multi-word tokens re-cut to the token's own letters, -DIr copulas merged into their verbs and "
        "numbers in digits tagged NUM by kzcorpus.annotate.fixes rules"
    ),
    "en": "multi-word tokens re-cut to the token's own letters by kzcorpus.annotate.fixes rules",
}
"""What :data:`FIXES` does, in the words the CoNLL-U header uses."""


def fix_sentence(tokens: Sequence[Token], lang: str) -> list[Token]:
    out = list(tokens)
    for fix in FIXES.get(lang, ()):
        out = fix(out)
    return out
