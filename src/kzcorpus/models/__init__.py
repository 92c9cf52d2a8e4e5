"""Offline Stanza models for Turkish and English: training, loading, scoring.

Kept import-light: stanza, torch and udtools are imported inside the functions that
need them. See :mod:`kzcorpus.models.pipeline` for loading and
:mod:`kzcorpus.models.train` for the reproducible training driver.
"""

from __future__ import annotations

LANGS = ("tr", "en")

__all__ = ["LANGS"]
