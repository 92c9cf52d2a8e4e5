"""Rule-based repairs of the Stanza output: multi-word tokens spell their token, Turkish
-DIr verbs stay whole as in IMST, and the tree stays a tree."""

from __future__ import annotations

from kzcorpus.annotate.fixes import fix_sentence
from kzcorpus.annotate.fixes.tr import merge_dir_copula
from kzcorpus.annotate.fixes.words import exact_forms, merge_token, spells_token
from kzcorpus.io.conllu import Token, Word


def _tok(form: str, start: int, *words: tuple[str, str, int, str]) -> Token:
    return Token(
        form=form,
        start=start,
        end=start + len(form),
        words=tuple(Word(form=f, lemma=f.lower(), upos=u, head=h, deprel=d) for f, u, h, d in words),
    )


def _heads(tokens: list[Token]) -> list[tuple[str, int | None, str | None]]:
    return [(w.form, w.head, w.deprel) for t in tokens for w in t.words]


def _is_tree(tokens: list[Token]) -> bool:
    heads = [w.head for t in tokens for w in t.words]
    n = len(heads)
    if sum(h == 0 for h in heads) != 1 or any(h is None or not 0 <= h <= n for h in heads):
        return False
    for i in range(1, n + 1):  # every word reaches the root without a cycle
        seen, j = set(), i
        while j != 0:
            if j in seen:
                return False
            seen.add(j)
            j = heads[j - 1]  # type: ignore[assignment]
    return True


# "Ekonomi çıkmaktadır ." with the copula split off the verb, as the shipped MWT model does
SPLIT_VERB = [
    _tok("Ekonomi", 0, ("Ekonomi", "NOUN", 2, "nsubj")),
    _tok("geliştirmektedir", 8, ("geliştirmeke", "VERB", 0, "root"), ("dir", "AUX", 2, "cop")),
    _tok(".", 24, (".", "PUNCT", 2, "punct")),
]


def test_invented_letters_are_recut_on_the_tokens_own_letters() -> None:
    fixed = exact_forms(SPLIT_VERB)
    assert [w.form for w in fixed[1].words] == ["geliştirmekte", "dir"]
    assert all(spells_token(t) for t in fixed) and _heads(fixed) == [
        ("Ekonomi", 2, "nsubj"),
        ("geliştirmekte", 0, "root"),
        ("dir", 2, "cop"),
        (".", 2, "punct"),
    ]


def test_locative_ki_keeps_its_split_with_exact_forms() -> None:
    tok = _tok("Hazar’daki", 0, ("Hazar’’da", "PROPN", 2, "nmod"), ("ki", "ADP", 0, "root"))
    (fixed,) = exact_forms([tok])
    assert [w.form for w in fixed.words] == ["Hazar’da", "ki"]


def test_a_split_that_cannot_be_recut_is_merged_and_the_tree_kept() -> None:
    tok = _tok("Denizi’ndeki", 3, ("Denizindende", "PROPN", 4, "nmod"), ("x", "ADP", 2, "case"))
    tokens = [_tok("Bu", 0, ("Bu", "DET", 4, "det")), tok, _tok("yol", 16, ("yol", "NOUN", 0, "root"))]
    fixed = exact_forms(tokens)
    assert [w.form for t in fixed for w in t.words] == ["Bu", "Denizi’ndeki", "yol"]
    assert _heads(fixed) == [("Bu", 3, "det"), ("Denizi’ndeki", 3, "nmod"), ("yol", 0, "root")]
    assert _is_tree(fixed)


def test_dir_verb_is_one_word_with_the_verbs_analysis() -> None:
    fixed = fix_sentence(SPLIT_VERB, "tr")
    assert [len(t.words) for t in fixed] == [1, 1, 1]
    verb = fixed[1].words[0]
    assert (verb.form, verb.upos, verb.head, verb.deprel) == ("geliştirmektedir", "VERB", 0, "root")
    assert _heads(fixed) == [("Ekonomi", 2, "nsubj"), ("geliştirmektedir", 0, "root"), (".", 2, "punct")]
    assert _is_tree(fixed)


def test_when_the_copula_was_the_head_the_merged_word_takes_its_attachment() -> None:
    tokens = [
        _tok("Bu", 0, ("Bu", "PRON", 3, "nsubj")),
        _tok("artmaktadır", 3, ("artmakta", "VERB", 3, "csubj"), ("dır", "AUX", 0, "root")),
    ]
    (a, b) = merge_dir_copula(tokens)
    assert (b.words[0].upos, b.words[0].lemma, b.words[0].head, b.words[0].deprel) == ("VERB", "artmakta", 0, "root")
    assert a.words[0].head == 2 and _is_tree([a, b])


def test_nominal_predicates_keep_their_copula() -> None:
    tok = _tok("önemlidir", 0, ("önemli", "ADJ", 0, "root"), ("dir", "AUX", 1, "cop"))
    assert merge_dir_copula([tok]) == [tok]
    assert fix_sentence([tok], "en") == [tok]  # English has no copula rule


def test_merge_renumbers_heads_after_the_token() -> None:
    tokens = [
        _tok("a", 0, ("a", "X", 0, "root")),
        _tok("bc", 2, ("b", "X", 1, "dep"), ("c", "X", 2, "dep")),
        _tok("d", 5, ("d", "X", 3, "dep")),  # depended on "c" (word 3): now on the merged word 2
        _tok("e", 7, ("e", "X", 4, "dep")),  # depended on "d" (word 4): now word 3
    ]
    merged = merge_token(tokens, 1)
    assert _heads(merged) == [("a", 0, "root"), ("bc", 1, "dep"), ("d", 2, "dep"), ("e", 3, "dep")]
    assert _is_tree(merged)


def test_turkish_digits_are_numerals_with_the_guidelines_tags() -> None:
    tokens = [
        _tok("21", 0, ("21", "CCONJ", 2, "nummod")),
        _tok("Şubat", 3, ("Şubat", "PROPN", 0, "root")),
        _tok("1.511", 9, ("1.511", "NOUN", 2, "nmod")),
    ]
    fixed = fix_sentence(tokens, "tr")
    tags = [(w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel) for t in fixed for w in t.words]
    assert tags == [
        ("21", "21", "NUM", "ANum", "NumType=Card", 2, "nummod"),
        ("Şubat", "şubat", "PROPN", None, None, 0, "root"),
        ("1.511", "1.511", "NUM", "NNum", "Case=Nom|Number=Sing|NumType=Card|Person=3", 2, "nmod"),
    ]
    assert fix_sentence(tokens, "en") == tokens


def test_nominal_verb_forms_keep_their_copula_as_in_imst() -> None:
    """IMST splits ``demektir`` and ``olmamasıdır`` (verbal nouns as predicates)."""
    for form, verb, cop in (
        ("demektir", "demek", "tir"),
        ("olmamasıdır", "olmaması", "dır"),
        ("olandır", "olan", "dır"),
    ):
        tok = _tok(form, 0, (verb, "VERB", 0, "root"), (cop, "AUX", 1, "cop"))
        assert merge_dir_copula([tok]) == [tok], form
