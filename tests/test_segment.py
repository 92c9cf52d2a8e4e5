"""Sentence-boundary rules and the rule-based Russian segmenter: one case per rule."""

from __future__ import annotations

import pytest

from kzcorpus.annotate.rules import iter_tokens, split_sentences
from kzcorpus.annotate.segment import BoundaryFixer, Tok, fix_sentences, join_reason, locate


def _pair(text: str, first: list[str], second: list[str]) -> list[list[Tok]]:
    return locate([first, second], text)  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("text", "first", "second", "lang", "reason"),
    [
        (
            "olmuştur (Yuneman, 2023, s. 8).",
            ["olmuştur", "(", "Yuneman", ",", "2023", ",", "s."],
            ["8", ")", "."],
            "tr",
            "abbreviation",
        ),
        (
            "belirtmektedir (Burchill vd. 2013",
            ["belirtmektedir", "(", "Burchill", "vd", "."],
            ["2013"],
            "tr",
            "abbreviation",
        ),
        ("Haziran’da St. Petersburg Forumu", ["Haziran’da", "St."], ["Petersburg", "Forumu"], "tr", "abbreviation"),
        ("yazan A. Nazarbayev dedi", ["yazan", "A."], ["Nazarbayev", "dedi"], "tr", "initial"),
        ("1. Giriş", ["1."], ["Giriş"], "tr", "numbered_heading"),
        ("2.1. Yöntem", ["2.1", "."], ["Yöntem"], "tr", "numbered_heading"),
        ("Finlandiya’ya 1.000 ton", ["Finlandiya’ya", "1."], ["000", "ton"], "tr", "thousands"),
        ("KGAÖ’nün 4. Maddesi’ne göre", ["KGAÖ’nün", "4."], ["Maddesi’ne", "göre"], "tr", "turkish_ordinal"),
        (
            "However, the Russian-Ukrainian War started",
            ["However", ",", "the", "Russian-Ukrainian"],
            ["War", "started"],
            "en",
            "unterminated",
        ),
        ("Abstract: In the period", ["Abstract", ":"], ["In", "the", "period"], "en", "unterminated"),
        ("realism and liberalism. “", ["realism", "and", "liberalism", "."], ["“"], "en", "punctuation_only"),
    ],
)
def test_false_boundary_is_joined(text: str, first: list[str], second: list[str], lang: str, reason: str) -> None:
    sents = _pair(text, first, second)
    assert join_reason(sents[0], sents[1], lang) == reason
    fixed, reasons = fix_sentences(sents, lang)
    assert len(fixed) == 1 and reasons == [reason]


@pytest.mark.parametrize(
    ("text", "first", "second", "lang"),
    [
        ("It started in 2022. The study", ["It", "started", "in", "2022", "."], ["The", "study"], "en"),
        ("Rusya’yı desteklemiştir. Bu", ["Rusya’yı", "desteklemiştir", "."], ["Bu"], "tr"),
        ("gerginleşti! Kazakistan", ["gerginleşti", "!"], ["Kazakistan"], "tr"),
        ("“Bağımsızdır.” Bu", ["“", "Bağımsızdır", ".", "”"], ["Bu"], "tr"),
        ("Bölüm 4. Sonra", ["Bölüm", "4."], ["Sonra"], "en"),  # ordinals only in Turkish
    ],
)
def test_true_boundary_is_kept(text: str, first: list[str], second: list[str], lang: str) -> None:
    fixed, reasons = fix_sentences(_pair(text, first, second), lang)
    assert len(fixed) == 2 and reasons == []


def test_thousands_join_makes_one_token() -> None:
    text = "ayda 25.000 ton"
    sents = locate([["ayda", "25."], ["000", "ton"]], text)
    fixed, _ = fix_sentences(sents, "tr")
    assert [t.text for t in fixed[0]] == ["ayda", "25.000", "ton"]
    assert text[fixed[0][1].start : fixed[0][1].end] == "25.000"


def test_thousands_at_paragraph_start_is_one_token_not_a_heading() -> None:
    fixed, reasons = fix_sentences(locate([["1."], ["000", "ton"]], "1.000 ton"), "tr")
    assert reasons == ["thousands"] and [t.text for t in fixed[0]] == ["1.000", "ton"]


def test_fixer_hook_keeps_multiword_flags() -> None:
    fixer = BoundaryFixer("tr")
    fixer.text = "KGAÖ’nün 4. Maddesi’ne göre"
    out = fixer([[("KGAÖ’nün", True), "4."], ["Maddesi’ne", "göre"]])
    assert out == [[("KGAÖ’nün", True), "4.", "Maddesi’ne", "göre"]]
    assert fixer.joins == ["turkish_ordinal"]


def test_locate_rejects_a_token_not_in_the_text() -> None:
    with pytest.raises(ValueError, match="token 'Astana' not found in the paragraph after offset 0"):
        locate([["Astana"]], "Nur-Sultan")


def test_russian_rules_split_and_keep_abbreviations() -> None:
    text = "Казахстан и Россия — союзники, т. е. партнёры. В 2022 г. началась война! «Итоги» ясны."
    sents = split_sentences(list(iter_tokens(text)))
    got = [text[s[0].start : s[-1].end] for s in sents]
    assert got == [
        "Казахстан и Россия — союзники, т. е. партнёры.",
        "В 2022 г. началась война!",
        "«Итоги» ясны.",
    ]


def test_russian_tokens_cover_every_non_space_character() -> None:
    text = "российско-украинская война (2022), 1.511 км."
    toks = list(iter_tokens(text))
    assert [t.text for t in toks] == ["российско-украинская", "война", "(", "2022", ")", ",", "1.511", "км", "."]
    assert "".join(t.text for t in toks) == text.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ("1.511 kişi", ["1", ".", "511", "kişi"], ["1.511", "kişi"]),
        ("oran 71/187 idi", ["oran", "71", "/", "187", "idi"], ["oran", "71/187", "idi"]),
        ("%8,7 arttı", ["%", "8", ",", "7", "arttı"], ["%", "8,7", "arttı"]),
        ("18.03.2025 günü", ["18.03", ".", "2025", "günü"], ["18.03.2025", "günü"]),
        ("2022, 2023 ve", ["2022", ",", "2023", "ve"], ["2022", ",", "2023", "ve"]),  # a space: two numbers
        ("madde 4. bent", ["madde", "4", ".", "bent"], ["madde", "4", ".", "bent"]),  # no digit after the period
    ],
)
def test_numbers_with_separators_stay_one_token(text: str, cut: list[str], expected: list[str]) -> None:
    from kzcorpus.annotate.segment import merge_numbers

    (sent,) = locate([cut], text)
    merged = merge_numbers(sent)
    assert [t.text for t in merged] == expected
    assert all(text[t.start : t.end] == t.text for t in merged)
