"""The Hugging Face dataset folder: JSON Lines per config plus the card.

JSON Lines rather than Parquet because the bytes are reproducible across library
versions (a fresh build must equal the shipped files) and diff well in git; the card's
``dataset_info`` gives ``datasets`` the typed features.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kzcorpus.export.card import render_card
from kzcorpus.io.documents import Document

CARD_NAME = "README.md"


def iter_document_rows(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        row = doc.metadata.model_dump(mode="json")
        row["raw_text"] = doc.raw_text
        yield row


def render_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def dataset_files(docs: Sequence[Document], version: str) -> dict[str, str]:
    """Relative path inside ``dataset/`` → file content."""
    return {
        "documents/train.jsonl": render_jsonl(iter_document_rows(docs)),
        CARD_NAME: render_card(docs, version),
    }
