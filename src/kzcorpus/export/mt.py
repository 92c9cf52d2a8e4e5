"""The parallel layer in the formats MT tools read: Moses plain text and TMX, per language pair.

OPUS conventions: pairs are named with their language codes in alphabetical order
(``en-tr``, ``ru-tr``, ``en-ru``), one Moses file per side and one TMX file per pair. Only
links with text on both sides of a pair become a line or a translation unit; a side of
several sentences is one line, sentences joined by a space, so line *n* of
``kzcorpus.en-tr.tr`` translates line *n* of ``kzcorpus.en-tr.en``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from xml.sax.saxutils import escape, quoteattr

from kzcorpus.parallel.align import SentenceInfo, side_text
from kzcorpus.schema.common import LANGUAGES, Language
from kzcorpus.schema.parallel import AlignmentLink

MT_DIR = "mt"
PAIRS: tuple[tuple[Language, Language], ...] = tuple(
    sorted((a, b) if a < b else (b, a) for a, b in combinations(LANGUAGES, 2))
)
"""(en, ru), (en, tr), (ru, tr): each pair's codes in alphabetical order, as OPUS names them."""
ORIGINAL: Language = "tr"
"""The language every document was written in: a pair's TMX source language where it has it."""


def pair_links(links: Sequence[AlignmentLink], pair: tuple[Language, Language]) -> list[AlignmentLink]:
    return [x for x in links if all(x.side(lang) for lang in pair)]


def moses_files(links: Sequence[AlignmentLink], sentences: Mapping[str, SentenceInfo]) -> dict[str, str]:
    """``mt/kzcorpus.<l1>-<l2>.<lang>`` → one side per line."""
    out = {}
    for pair in PAIRS:
        selected = pair_links(links, pair)
        for lang in pair:
            lines = [side_text(x, lang, sentences) for x in selected]
            assert all("\n" not in line for line in lines)  # sentences never span lines
            out[f"{MT_DIR}/kzcorpus.{pair[0]}-{pair[1]}.{lang}"] = "".join(f"{line}\n" for line in lines)
    return out


def tmx_file(
    links: Sequence[AlignmentLink],
    sentences: Mapping[str, SentenceInfo],
    version: str,
    pair: tuple[Language, Language],
) -> str:
    """TMX 1.4b for one pair: a ``tu`` per link with both sides; no dates, so rebuilds are identical."""
    units = []
    for x in pair_links(links, pair):
        props = {"x-document": x.document, "x-segment": x.segment, "x-link-type": x.link_type}
        body = "".join(f"      <prop type={quoteattr(k)}>{escape(v)}</prop>\n" for k, v in props.items())
        body += "".join(
            f'      <tuv xml:lang="{lang}"><seg>{escape(side_text(x, lang, sentences))}</seg></tuv>\n' for lang in pair
        )
        units.append(f"    <tu tuid={quoteattr(x.id)}>\n{body}    </tu>\n")
    srclang = ORIGINAL if ORIGINAL in pair else "*all*"  # en-ru: both are translations of the Turkish
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="kzcorpus" creationtoolversion="{version}" segtype="sentence" '
        f'o-tmf="kzcorpus-jsonl" adminlang="en" srclang="{srclang}" datatype="plaintext"/>\n'
        "  <body>\n" + "".join(units) + "  </body>\n</tmx>\n"
    )


def mt_files(links: Sequence[AlignmentLink], sentences: Mapping[str, SentenceInfo], version: str) -> dict[str, str]:
    tmx = {f"{MT_DIR}/kzcorpus.{a}-{b}.tmx": tmx_file(links, sentences, version, (a, b)) for a, b in PAIRS}
    return {**moses_files(links, sentences), **tmx}
