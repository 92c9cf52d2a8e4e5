"""Layout profiles: how each kind of source is read (furniture, notes, paragraphs).

A document's profile is data (``layout`` in ``raw/manifest.json``). Adding a kind of
source is one new module defining a :class:`Profile` and one line in :data:`PROFILES`;
the shared rules (:mod:`kzcorpus.clean.layout.base`) stay as they are.
"""

from __future__ import annotations

from kzcorpus.clean.layout import flat, pdf, web
from kzcorpus.clean.layout.base import Profile
from kzcorpus.errors import DataError

PROFILES: dict[str, Profile] = {p.name: p for p in (flat.PROFILE, pdf.PROFILE, web.PROFILE)}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        expected = ", ".join(sorted(PROFILES))
        raise DataError(f"unknown layout profile {name!r}; expected one of {expected}", field="layout") from None
