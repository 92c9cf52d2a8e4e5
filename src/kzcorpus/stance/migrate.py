"""Carry label ids over a change of spans (ids contain offsets, so a review that trims a span
renames its label): links that point at the old id are pointed at its successor.

The successor of a vanished label is the new label of the same document, holder, target and
polarity whose span overlaps it; with none or several, the link is reported, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kzcorpus.schema.stance import StanceLabel


def successors(old: Iterable[StanceLabel], new: Iterable[StanceLabel]) -> tuple[dict[str, str], list[str]]:
    """Old id → new id for every label whose id changed, and the ids that have no single successor."""
    new = list(new)
    new_ids = {x.id for x in new}
    mapping: dict[str, str] = {}
    unresolved: list[str] = []
    for o in old:
        if o.id in new_ids:
            continue
        found = [
            n
            for n in new
            if (n.document, n.holder, n.target, n.polarity) == (o.document, o.holder, o.target, o.polarity)
            and n.start < o.end
            and o.start < n.end
        ]
        if len(found) == 1:
            mapping[o.id] = found[0].id
        else:
            unresolved.append(o.id)
    return mapping, unresolved


def relink(record: Mapping[str, object], mapping: Mapping[str, str]) -> dict[str, object]:
    """A translation-link record with its ``span`` and ``translation_of`` ids renamed."""
    out = dict(record)
    out["span"] = mapping.get(str(out["span"]), out["span"])
    out["translation_of"] = [mapping.get(x, x) for x in out["translation_of"]]  # type: ignore[union-attr]
    return out
