"""Paragraph language (tr/en/ru) from script and function words.

Three languages with distinct signals: Cyrillic means Russian; Turkish and English
differ in letters (ç ğ ı ö ş ü) and in their most frequent words. The result is checked
against a hand-verified list for every shipped paragraph.
"""

from __future__ import annotations

import re

from kzcorpus.clean.lexicon import iter_words
from kzcorpus.schema.common import Language

CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[A-Za-zÀ-ɏ]")
TURKISH_LETTERS_RE = re.compile(r"[çğıöşüÇĞİÖŞÜ]")
TURKISH_WORDS = frozenset(
    [
        "ve",
        "bir",
        "bu",
        "ile",
        "için",
        "olarak",
        "da",
        "de",
        "ki",
        "ne",
        "olan",
        "gibi",
        "daha",
        "çok",
        "en",
        "ise",
        "her",
        "arasında",
        "sonra",
        "kadar",
    ]
)
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "that",
        "for",
        "with",
        "are",
        "from",
        "this",
        "which",
        "was",
        "were",
        "has",
        "have",
        "its",
        "between",
    ]
)
"""Only words that Turkish text, even with split letters (``Hu seyin'in``), never yields."""


def _evidence(text: str) -> tuple[int, int, int]:
    """(Cyrillic letters, Turkish evidence, English evidence)."""
    cyr = len(CYRILLIC_RE.findall(text))
    lat = len(LATIN_RE.findall(text))
    words = list(iter_words(text))
    tr = sum(w in TURKISH_WORDS for w in words) + len(TURKISH_LETTERS_RE.findall(text))
    en = sum(w in ENGLISH_WORDS for w in words) * 3
    return (cyr if cyr > lat else 0), tr, en


def detect_language(text: str) -> Language:
    cyr, tr, en = _evidence(text)
    if cyr:
        return "ru"
    return "en" if en > tr or tr == 0 else "tr"


def is_turkish_or_unknown(text: str) -> bool:
    """False only on positive evidence of English or Russian (for short or damaged lines)."""
    cyr, tr, en = _evidence(text)
    return not cyr and en <= tr
