"""raw/ holds the seeds byte for byte, pinned by the manifest; tampering is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzcorpus.errors import DataError, IntegrityError
from kzcorpus.io.raw import iter_raw_texts, load_manifest, sha256_bytes
from kzcorpus.validate import iter_problems

from .conftest import REPO, SHARED

SEED_NAMES = {
    "balance-policy-2025": "000_fcd67cbf5495556d.txt",
    "china-economic-relations": "001_a908338333d55b79.txt",
    "russia-alliance-limits": "002_5a9a1be8da23524c.txt",
    "iad-record-russia-alliance-limits": "003_0950a3fad6105444.txt",
    "central-asia-kyiv-2025": "004_127ad133190af4d6.txt",
}


def test_manifest_lists_the_five_documents_with_their_seed_names() -> None:
    manifest = load_manifest(REPO)
    assert {e.id: e.source_file for e in manifest.files} == SEED_NAMES
    for entry in manifest.files:
        data = (REPO / "raw" / entry.file).read_bytes()
        assert (len(data), sha256_bytes(data)) == (entry.bytes, entry.sha256)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not present")
def test_raw_files_are_the_seeds_byte_for_byte() -> None:
    for doc_id, seed in SEED_NAMES.items():
        assert (REPO / "raw" / f"{doc_id}.txt").read_bytes() == (SHARED / "seeds" / seed).read_bytes()


def test_tampered_raw_file_fails_with_hash_message(tampered_raw: Path) -> None:
    with pytest.raises(IntegrityError, match=r"central-asia-kyiv-2025\.txt: SHA-256 [0-9a-f]{64} does not match"):
        list(iter_raw_texts(tampered_raw))
    problems = iter_problems(tampered_raw)
    assert len(problems) == 1 and "does not match the manifest" in problems[0].message
    assert problems[0].path is not None and problems[0].path.endswith("central-asia-kyiv-2025.txt")


def test_missing_raw_file_is_named(missing_raw: Path) -> None:
    with pytest.raises(IntegrityError, match=r"balance-policy-2025\.txt: raw file missing"):
        list(iter_raw_texts(missing_raw))


def test_extra_raw_file_is_rejected(extra_raw: Path) -> None:
    with pytest.raises(IntegrityError, match=r"stray-notes\.txt: file not in the manifest"):
        list(iter_raw_texts(extra_raw))
    assert any("stray-notes.txt: file not in raw/manifest.json" in str(p) for p in iter_problems(extra_raw))


def test_non_utf8_is_rejected_with_line(non_utf8_metadata: Path) -> None:
    from kzcorpus.io.documents import load_documents

    with pytest.raises(DataError, match=r"documents\.jsonl:6: not valid UTF-8 \(byte 0xe9 at byte offset \d+\)"):
        load_documents(non_utf8_metadata)
