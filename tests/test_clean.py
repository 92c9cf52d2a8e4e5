"""Cleaning: layers are traceable to raw offsets, furniture and notes leave the body,
paragraph labels match the hand-verified list, bad input fails clearly."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzcorpus.clean.layout import PROFILES, get_profile
from kzcorpus.clean.layout.base import is_hard_wrapped, split_lines
from kzcorpus.clean.lexicon import load_lexicon
from kzcorpus.clean.pipeline import clean_document
from kzcorpus.clean.traced import COPY, Traced, apply_edits, from_segments, offset_segments
from kzcorpus.errors import DataError
from kzcorpus.io.cleaned import load_cleaned
from kzcorpus.io.documents import load_documents

from .conftest import REPO

LABELS = REPO / "tests" / "data" / "paragraph_labels.tsv"


@pytest.fixture(scope="module")
def cleaned():
    return load_cleaned(REPO)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(REPO)


@pytest.fixture(scope="module")
def raw_texts() -> dict[str, str]:
    return {d.id: d.raw_text for d in load_documents(REPO)}


def _check_map(text: str, raw: str, segments) -> None:
    """Copies equal their raw slice; every clean character has a raw origin."""
    pos = 0
    for cs, ce, rs, re_, kind in segments:
        assert cs == pos and ce > cs
        assert 0 <= rs <= re_ <= len(raw)
        if kind == COPY:
            assert text[cs:ce] == raw[rs:re_]
        pos = ce
    assert pos == len(text)


def test_offset_maps_point_back_to_raw(cleaned, raw_texts) -> None:
    for doc_id, layers in cleaned.items():
        raw = raw_texts[doc_id]
        _check_map(layers.text, raw, layers.record.offset_map)
        for note in layers.footnotes:
            if note.text is not None:
                _check_map(note.text, raw, note.offset_map)


def test_replacements_are_line_joins_separators_or_repairs(cleaned, raw_texts) -> None:
    for doc_id, layers in cleaned.items():
        raw = raw_texts[doc_id]
        for cs, ce, rs, re_, kind in layers.record.offset_map:
            if kind == COPY:
                continue
            new, old = layers.text[cs:ce], raw[rs:re_]
            if new.strip():  # a repaired letter: base letter (plus the space) in the raw text
                assert (new, old) in {("ğ", "g "), ("ö", "o "), ("ü", "u "), ("Ö", "O "), ("Ü", "U "), ("İ", "İ ")}
            else:  # a line join or paragraph separator stands for raw whitespace or removed material
                assert "\n" in old or old == "" or not old.strip()


def test_paragraph_offsets_and_raw_spans(cleaned, raw_texts) -> None:
    for doc_id, layers in cleaned.items():
        assert layers.text.endswith("\n")
        paras = layers.paragraphs
        assert [p.index for p in paras] == list(range(len(paras)))
        assert "\n\n".join(layers.paragraph_text(p) for p in paras) + "\n" == layers.text
        for p in paras:
            first = layers.paragraph_text(p).split()[0]
            assert (
                first.rstrip("’'") in raw_texts[doc_id][p.raw_start : p.raw_end]
                or p.document == "china-economic-relations"
            )


def test_paragraph_labels_match_hand_verified_list(cleaned) -> None:
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8"), delimiter="\t"))
    got = [(p.document, p.index, p.language, p.role) for lay in cleaned.values() for p in lay.paragraphs]
    want = [(r["document"], int(r["index"]), r["language"], r["role"]) for r in rows]
    assert got == want
    starts = [
        lay.paragraph_text(p)[:40].replace("\t", " ").replace("\n", " ")
        for lay in cleaned.values()
        for p in lay.paragraphs
    ]
    assert starts == [r["start_of_text"] for r in rows]


FURNITURE_PATTERNS = [
    r"\|\d+\|",
    r"Sabir ASKEROĞLU & Emrah KAYA",
    r"Müttefiklik İlişkisinin Sınırları",  # the running head (the title is only printed there)
    r"[\ue000-\uf8ff]",
    r"Home Page|Submit A Journal|About IAD|ORIGINAL ARTICLE URL",
    r"There may have been changes|CopyRight|İzmir Academy Association",
    r"Authors :|Publication Date :|Doi:",
    r"date 2025-10-25",
    r"https?://",  # URLs live in footnotes only
    r"erişim \d\d\.\d\d\.\d{4}",  # footnote access dates
    r"\nRU\n|\nSA\n|\nY-\n|\nC-\n",
]


@pytest.mark.parametrize("pattern", FURNITURE_PATTERNS)
def test_no_furniture_notes_or_navigation_in_text(cleaned, pattern: str) -> None:
    for doc_id, layers in cleaned.items():
        assert not re.search(pattern, layers.text), f"{pattern!r} left in {doc_id}"


def test_removed_layer_records_what_and_why(cleaned, raw_texts) -> None:
    reasons = {}
    for doc_id, layers in cleaned.items():
        for r in layers.removed:
            assert raw_texts[doc_id][r.raw_start : r.raw_end] == r.text
            reasons.setdefault(doc_id, set()).add(r.reason)
    assert reasons["russia-alliance-limits"] == {"page_number", "running_head", "watermark", "private_use_glyph"}
    assert {"navigation", "breadcrumb", "bibliographic_record", "disclaimer", "copyright"} <= reasons[
        "iad-record-russia-alliance-limits"
    ]
    assert reasons["central-asia-kyiv-2025"] == {"header_metadata"}
    watermark = [r.text for r in cleaned["russia-alliance-limits"].removed if r.reason == "watermark"]
    assert watermark[:15] == ["RU", "SA", "D", "13", ", 2", "02", "5", "B", "Y-", "N", "C-", "N", "D", "4.", "0"]


def test_footnotes_run_in_order_with_markers_removed(cleaned, raw_texts) -> None:
    layers = cleaned["russia-alliance-limits"]
    notes = layers.footnotes
    assert [n.number for n in notes] == list(range(1, len(notes) + 1))
    assert len(notes) == 86
    offsets = [n.marker_offset for n in notes]
    assert offsets == sorted(offsets)
    raw = raw_texts["russia-alliance-limits"]
    for n in notes:
        assert raw[n.marker_raw_start : n.marker_raw_end] == str(n.number)
        # the cleaned text no longer has the number glued at the marker's place
        assert not layers.text[n.marker_offset :].startswith(str(n.number))
    with_text = [n for n in notes if n.text is not None]
    assert len(with_text) == 81  # the extract ends before the page holding notes 82-86
    assert all(n.text not in layers.text for n in with_text)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("taşıdığı iddia edilmektedir. 2021’de", "marker 1 after a full stop"),
        ("uzlaşısına bağlı olsa da", "marker 73 glued to a word"),
        ("politikalarla homosovieticus yetiştirmeye", "marker 20 glued to a word"),
        ("11 Eylül saldırıları", "a real number before a line break"),
        ("petrol ihracatını %8,7 artırarak", "a decimal"),
        ("Kazakistan, 28 Şubat 2022’de", "a year with a suffix"),
        ("etmiştir. 15 Temmuz 2022", "marker 58 followed by a real number"),
    ],
)
def test_marker_removal_keeps_real_numbers(cleaned, fragment: str, expected: str) -> None:
    assert fragment in cleaned["russia-alliance-limits"].text, expected


def test_footnote_urls_are_rejoined(cleaned) -> None:
    notes = {n.number: n.text for n in cleaned["russia-alliance-limits"].footnotes}
    assert notes[2] is not None and notes[2].endswith(
        "https://russiancouncil.ru/analytics-and-comments/comments/rossiya-i-kazakhstan-sotrudnichestvo-bez-granits/"
    )
    # note 76 continues across a page break
    assert notes[76] is not None and notes[76].endswith(
        "https://logirus.ru/news/custom_and_ved/bryussel_zapugivaet_kazakhstan_i_odnovremenno_obeshchaet_emu_-morkovku.html"
    )


def test_hyphenated_line_ends_keep_the_hyphen(cleaned) -> None:
    text = cleaned["china-economic-relations"].text
    assert "“Kazakistan-2030”" in text and "post-Soviet" in text
    assert "1991-2022 arasındaki" in cleaned["russia-alliance-limits"].text


def test_pages_are_rejoined_inside_a_paragraph(cleaned) -> None:
    text = cleaned["russia-alliance-limits"].text
    assert "girişim başarısız olmuştur." in text  # across the |179| page break
    assert "birbirinden uzaklaşması üç çerçevede" in text  # across a footnote block


def test_index_page_abstract_is_marked_duplicate(cleaned) -> None:
    iad = cleaned["iad-record-russia-alliance-limits"]
    dup = [p for p in iad.paragraphs if p.duplicate_of is not None]
    assert len(dup) == 1 and dup[0].role == "abstract"
    target = cleaned[dup[0].duplicate_of.document]
    tp = target.paragraphs[dup[0].duplicate_of.index]
    assert iad.paragraph_text(dup[0]) == target.paragraph_text(tp) and tp.role == "abstract" and tp.language == "tr"


def test_header_line_is_metadata_not_text(cleaned) -> None:
    assert cleaned["central-asia-kyiv-2025"].text.startswith("Orta Asya ülkeleri Kazakistan ve Özbekistan")


def test_english_and_russian_paragraphs_are_not_repaired(cleaned) -> None:
    repaired = 0
    for layers in cleaned.values():
        fixes = [
            cs for cs, ce, _rs, _re, kind in layers.record.offset_map if kind != COPY and layers.text[cs:ce].strip()
        ]
        for p in layers.paragraphs:
            inside = [cs for cs in fixes if p.start <= cs < p.end]
            if p.language != "tr":
                assert not inside, f"{p.document} paragraph {p.index} ({p.language}) was repaired"
            repaired += len(inside)
    assert repaired == sum(lay.record.repairs for lay in cleaned.values()) > 500
    assert "also indicate" in cleaned["china-economic-relations"].text


# --- traced text and arbitrary input -------------------------------------------------


@given(st.text(max_size=60), st.data())
def test_traced_edits_keep_offsets(raw: str, data) -> None:
    t = Traced.from_raw(raw)
    edits = []
    pos = 0
    while pos < len(raw) and data.draw(st.booleans()):
        start = data.draw(st.integers(pos, len(raw)))
        end = data.draw(st.integers(start, len(raw)))
        edits.append((start, end, data.draw(st.text(max_size=3))))
        pos = end + 1
    out = apply_edits(t, edits)
    assert from_segments(out.text, list(offset_segments(out, raw))) == out
    for i, ch in enumerate(out.text):
        s, e = out.starts[i], out.ends[i]
        assert 0 <= s <= e <= len(raw)
        if e == s + 1 and raw[s] == ch:
            continue
        assert any(s <= es and e >= ee for es, ee in ((a, b) for a, b, _ in edits)) or s == e


LINES = st.sampled_from(
    ["", " ", "Bu su reçte bo lgesel dengeyi go zeten", "It is also important.", "Россия и Казахстан.",
     "|12|", "RU", "1 A note, https://example.org/a-", "b/c", " continued body.12 text", "Öz", "Keywords: a, b",
     "\uf0af", "date 2025-01-01 Haber", "2. Başlık", "- madde", "x" * 130]
)  # fmt: skip


def _fitting_profile(raw: str) -> str:
    """The profile whose shape check the text passes: pdf for hard-wrapped text, else flat."""
    return "pdf" if is_hard_wrapped(split_lines(Traced.from_raw(raw), raw)) else "flat"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINES, max_size=25), st.booleans())
def test_any_text_cleans_with_a_faithful_offset_map(lexicon, lines: list[str], web: bool) -> None:
    raw = "\n".join(lines)
    meta = load_documents(REPO)[0].metadata.model_copy(update={"id": "fuzz"})
    try:
        doc = clean_document(meta, raw, lexicon, "web" if web else _fitting_profile(raw))
    except DataError as exc:  # the only allowed failure: a footnote without its marker
        assert "has a note but no marker" in str(exc)
        return
    _check_map(doc.text, raw, doc.offset_map)
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(doc.text)
        assert 0 <= p.raw_start <= p.raw_end <= len(raw)


@pytest.mark.parametrize("web", [False, True])
@pytest.mark.parametrize("raw", ["", "x", "Just one English line.", "\n\n\n", "Tek satır."])
def test_tiny_inputs_clean(lexicon, raw: str, web: bool) -> None:
    meta = load_documents(REPO)[0].metadata.model_copy(update={"id": "tiny"})
    doc = clean_document(meta, raw, lexicon, "web" if web else _fitting_profile(raw))
    _check_map(doc.text, raw, doc.offset_map)
    assert doc.text.strip() == raw.strip()


def test_load_cleaned_detects_edited_text(corpus_copy: Path) -> None:
    path = corpus_copy / "annotations" / "text" / "balance-policy-2025.txt"
    path.write_text(path.read_text(encoding="utf-8") + "extra", encoding="utf-8")
    with pytest.raises(DataError, match="text does not match text_sha256 of balance-policy-2025"):
        load_cleaned(corpus_copy)


def test_load_cleaned_names_file_and_line_of_bad_record(corpus_copy: Path) -> None:
    path = corpus_copy / "annotations" / "paragraphs.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[2])
    rec["role"] = "footer"
    lines[2] = json.dumps(rec, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"paragraphs.jsonl:3, field 'role': Input should be 'title'"):
        load_cleaned(corpus_copy)


# --- layout profiles on small synthetic sources ---------------------------------------

PDF_SOURCE = "\n".join(
    [
        "RUSYA VE KAZAKİSTAN İLİŞKİLERİ",
        "",
        "Öz",
        "Bu çalışma iki ülke arasındaki ilişkiyi inceler ve sonuçlarını",
        "tartışır.",
        "Keywords: Rusya, Kazakistan",
        "",
        "1. Giriş",
        "Kazakistan bağımsızlığını 1991 yılında kazandı ve Rusya ile yakın",
        "ilişkiler kurdu.1 Bu ilişkiler Sovyet sonrası dönemde (post-",
        "Soviet) birçok anlaşmayla güçlendi ve iki ülke arasında uzun yıllar",
        "",
        "1 Bir dipnot, https://example.org/a/",
        "b/c",
        "",
        "Rusya ve Kazakistan",
        "",
        "|12|",
        "RU",
        "\uf0af",
        "boyunca istikrarlı kaldı.",
    ]
)
WEB_SOURCE = "\n".join(
    [
        "Test Index",
        "  • Home Page",
        "  • About",
        "    • Team",
        "  • Journal of Tests",
        "  • Issue: 1",
        "  • A TEST ARTICLE TITLE",
        "",
        "A TEST ARTICLE TITLE",
        "",
        "Authors : A. Author",
        "Pages : 1-10",
        "Abstract :This article tests the web profile.",
        "Keywords : test, web",
        "",
        "ORIGINAL ARTICLE URL",
        "",
        "* There may have been changes in the records.",
        "",
        "Test Index Footer",
        "CopyRight © 2024",
    ]
)
NEWS_LINE = (
    "Orta Asya ülkeleri son haftalarda komşularıyla temaslarını artırdı ve bölgedeki dengeleri yeniden tartışmaya açtı."
)
FLAT_SOURCE = "\n".join(
    [
        f" date 2025-01-01 {NEWS_LINE}",
        "",
        "Yeni Dönem",
        f"İkinci paragraf da tek bir satırdır: {NEWS_LINE}",
    ]
)


def _clean(lexicon, raw: str, profile: str):
    meta = load_documents(REPO)[0].metadata.model_copy(update={"id": "synthetic"})
    doc = clean_document(meta, raw, lexicon, profile)
    _check_map(doc.text, raw, doc.offset_map)
    paras = [(p.role, doc.text[p.start : p.end]) for p in doc.paragraphs]
    return doc, paras, [(r.reason, r.text) for r in doc.removed]


def test_pdf_profile_removes_furniture_and_notes_and_joins_lines(lexicon) -> None:
    doc, paras, removed = _clean(lexicon, PDF_SOURCE, "pdf")
    assert removed == [
        ("running_head", "Rusya ve Kazakistan"),
        ("page_number", "|12|"),
        ("watermark", "RU"),
        ("private_use_glyph", "\uf0af"),
    ]
    assert paras == [
        ("title", "RUSYA VE KAZAKİSTAN İLİŞKİLERİ"),
        ("heading", "Öz"),
        ("abstract", "Bu çalışma iki ülke arasındaki ilişkiyi inceler ve sonuçlarını tartışır."),
        ("keywords", "Keywords: Rusya, Kazakistan"),
        ("heading", "1. Giriş"),
        (  # across the footnote block and the page break; the hyphen at the line end stays, the marker goes
            "body",
            "Kazakistan bağımsızlığını 1991 yılında kazandı ve Rusya ile yakın ilişkiler kurdu. Bu ilişkiler Sovyet "
            "sonrası dönemde (post-Soviet) birçok anlaşmayla güçlendi ve iki ülke arasında uzun yıllar boyunca "
            "istikrarlı kaldı.",
        ),
    ]
    assert [(n.number, n.text) for n in doc.footnotes] == [(1, "Bir dipnot, https://example.org/a/b/c")]
    assert PDF_SOURCE[doc.footnotes[0].marker_raw_start : doc.footnotes[0].marker_raw_end] == "1"


def test_web_profile_keeps_title_abstract_and_keywords(lexicon) -> None:
    _doc, paras, removed = _clean(lexicon, WEB_SOURCE, "web")
    assert paras == [
        ("title", "A TEST ARTICLE TITLE"),
        ("abstract", "This article tests the web profile."),
        ("keywords", "test, web"),
    ]
    assert removed == [
        ("navigation", "Test Index"),
        ("navigation", "• Home Page"),
        ("navigation", "• About"),
        ("navigation", "• Team"),
        ("breadcrumb", "• Journal of Tests"),
        ("breadcrumb", "• Issue: 1"),
        ("breadcrumb", "• A TEST ARTICLE TITLE"),
        ("bibliographic_record", "Authors : A. Author"),
        ("bibliographic_record", "Pages : 1-10"),
        ("field_label", "Abstract :"),
        ("field_label", "Keywords :"),
        ("navigation", "ORIGINAL ARTICLE URL"),
        ("disclaimer", "* There may have been changes in the records."),
        ("site_footer", "Test Index Footer"),
        ("copyright", "CopyRight © 2024"),
    ]


def test_flat_profile_drops_the_header_field_and_keeps_one_paragraph_a_line(lexicon) -> None:
    _doc, paras, removed = _clean(lexicon, FLAT_SOURCE, "flat")
    assert removed == [("header_metadata", "date 2025-01-01")]
    assert paras == [
        ("body", NEWS_LINE),
        ("heading", "Yeni Dönem"),  # short and unterminated: a heading in one-line-a-paragraph text
        ("body", f"İkinci paragraf da tek bir satırdır: {NEWS_LINE}"),
    ]


def test_profiles_are_registered_by_name() -> None:
    assert sorted(PROFILES) == ["flat", "pdf", "web"]
    assert all(get_profile(name).name == name for name in PROFILES)


def test_unknown_layout_profile_is_refused(lexicon) -> None:
    meta = load_documents(REPO)[0].metadata
    with pytest.raises(
        DataError, match=r"field 'layout': unknown layout profile 'scan'; expected one of flat, pdf, web"
    ):
        clean_document(meta, FLAT_SOURCE, lexicon, "scan")


@pytest.mark.parametrize(
    ("raw", "profile", "message"),
    [
        (FLAT_SOURCE, "pdf", r"'pdf' reads text that is hard-wrapped .*, but the source is not hard-wrapped"),
        (PDF_SOURCE, "flat", r"'flat' reads text that is not hard-wrapped, but the source is hard-wrapped"),
    ],
)
def test_source_of_the_wrong_shape_is_refused(lexicon, raw: str, profile: str, message: str) -> None:
    meta = load_documents(REPO)[0].metadata
    with pytest.raises(DataError, match=r"field 'layout': layout profile " + message):
        clean_document(meta, raw, lexicon, profile)


def test_web_profile_reads_either_shape() -> None:
    for raw in (PDF_SOURCE, FLAT_SOURCE):
        get_profile("web").check(split_lines(Traced.from_raw(raw), raw))
