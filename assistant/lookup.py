"""Provisions by citation: the text of "Art. 31(1)" or "시행령 제29조" in force on a date, in ko and/or en."""
from __future__ import annotations

from dataclasses import dataclass, field

from corpus.citations import Citation, parse_citation
from corpus.labels import label
from corpus.model import Unit
from ingest.store import IndexStore


class UnknownProvisionError(LookupError):
    """The citation names no provision of the corpus (or could not be read)."""


@dataclass
class Lookup:
    citation: Citation
    units: list[Unit]  # in force on the date asked, Korean first
    other_versions: list[Unit] = field(default_factory=list)  # the same provision on other dates


def lookup(store: IndexStore, text: str, lang: str | None = None, as_of: str | None = None) -> Lookup:
    """Resolve a citation; raise UnknownProvisionError when it names nothing in the corpus."""
    cite = parse_citation(text)
    if cite is None:
        raise UnknownProvisionError(f"cannot read {text!r} as a citation (try \"Art. 31(1)\", \"제36조\", "
                                    "\"Decree Art. 29\", \"Annex 2\")")
    every = [u for u in store.find(cite.cid) if lang is None or u.lang == lang]
    if not every:
        doc = store.docs.get(cite.doc)
        name = doc.short_en if doc else cite.doc
        raise UnknownProvisionError(f"no provision {cite.text!r} ({cite.cid}) in the {name}")
    day = as_of
    inforce = [u for u in every if u.in_force(day)] if day else _latest(every)
    return Lookup(cite, sorted(inforce, key=lambda u: u.lang != "ko"), [u for u in every if u not in inforce])


def _latest(units: list[Unit]) -> list[Unit]:
    """Without a date: the current wording in each language (the one with no end date, else the newest)."""
    out: list[Unit] = []
    for lang in ("ko", "en"):
        mine = [u for u in units if u.lang == lang]
        if mine:
            out.append(max(mine, key=lambda u: (u.effective_to == "", u.effective_from)))
    return out


def describe(store: IndexStore, u: Unit) -> str:
    """A header line for a unit: labels, version and dates in force."""
    doc = store.docs[u.doc]
    dates = f"in force {u.effective_from or '?'} → {u.effective_to or 'now'}" if (u.effective_from or u.effective_to) else ""
    sf = next((f for f in doc.files if f.file == u.source_file), None)
    status = "official text" if sf and sf.official else (sf.version_note if sf and sf.version_note else doc.authority)
    bits = [label(u, doc, "en") + " / " + label(u, doc, "ko"), u.version, dates, f"[{u.lang}: {status}]"]
    return " · ".join(b for b in bits if b)
