"""Parse every document of the manifest (and the user's added documents) into units."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from corpus.manifest import load_manifest, resolve_file, sha256_file
from corpus.model import Document, SourceFile, Unit
from corpus.settings import Settings
from ingest.blocks import ParseError, read_lawgo_xml_en, read_lawgo_xml_ko, read_lawtext
from ingest.fragments import read_fragments
from ingest.guidance import guideline_units
from ingest.lawgo_admrul import read_lawgo_admrul
from ingest.lawgo_json import read_lawgo_json_ko
from ingest.overlay import OverlayError, apply_overlay, read_overlay
from ingest.passages import passage_units
from ingest.structure import strip_tags
from ingest.units import build_units
from ingest.userdocs import load_user_documents

# Bump when parsing or tokenizing changes what a file yields, so that ingest re-indexes unchanged files.
PARSER_VERSION = "22"


class SourceError(ValueError):
    """A source file is missing, unreadable or malformed; the message names the file."""


@dataclass
class ParsedCorpus:
    docs: list[Document]
    units: list[Unit]
    file_hashes: dict[str, str] = field(default_factory=dict)  # "doc|file" -> sha256
    warnings: list[str] = field(default_factory=list)


def parse_file(doc: Document, sf: SourceFile, path: Path) -> list[Unit]:
    """The units of one file, by its format."""
    if sf.format == "lawgo-xml-ko":
        return build_units(doc, sf, read_lawgo_xml_ko(path))
    if sf.format == "lawgo-json-ko":
        return build_units(doc, sf, read_lawgo_json_ko(path))
    if sf.format == "lawgo-admrul-xml":
        return build_units(doc, sf, read_lawgo_admrul(path))
    if sf.format == "lawgo-xml-en":
        return build_units(doc, sf, read_lawgo_xml_en(path))
    if sf.format in ("lawtext-ko", "lawtext-en"):
        return build_units(doc, sf, read_lawtext(path, sf.lang))
    if sf.format in ("guideline-text", "guideline-checklist"):
        return guideline_units(doc, sf, path)
    if sf.format == "draft-fragments":
        return build_units(doc, sf, read_fragments(path, list(sf.guide.get("fragments", []))))
    if sf.format in ("text", "markdown", "html", "pdf"):
        return passage_units(doc, sf, path)
    raise SourceError(f"{sf.file}: unknown format {sf.format!r} in the manifest")


# Levels that official JSON prints as drawn tables and a transcription as running text: their wordings cannot
# be compared, so the amendment tags decide whether they changed.
_RENDERED_DIFFERENTLY = ("annex", "annex-part", "form")


def wording_key(text: str) -> str:
    """A unit's wording for comparing versions: amendment tags and all whitespace left out."""
    return re.sub(r"\s+", "", strip_tags(text))


def next_day(day: str) -> str:
    """The ISO date after `day`."""
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def merge_versions(doc: Document, by_file: dict[str, list[Unit]]) -> dict[tuple[str, str], Unit]:
    """Give each provision one history across the texts of a document in one language.

    A newer text's unit with the same wording as the older text's takes over the older unit's start and the
    older unit is dropped; one with another wording that claims to be in force during the older text's period
    starts the day after the older text ends, the older text deciding its own period. Returns the (file, cid)
    pairs dropped, each with the newer unit that took it over, so that translations of them follow it.
    """
    dropped: dict[tuple[str, str], Unit] = {}
    for lang in sorted({f.lang for f in doc.files}):
        texts = sorted((f for f in doc.files if f.lang == lang and f.file in by_file and not f.twin_of
                        and f.effective_from and f.effective_to and not f.historical), key=lambda f: f.effective_from)
        for older in texts:
            newer_files = [f for f in doc.files if f.lang == lang and f.file in by_file and not f.twin_of
                           and (f.effective_to or "9999") > older.effective_to and f.file != older.file]
            if not newer_files:
                continue
            newer = min(newer_files, key=lambda f: (f.effective_from, f.effective_to or "9999"))
            end, after = older.effective_to, next_day(older.effective_to)
            old_units = {u.cid: u for u in by_file[older.file]}
            for n in by_file[newer.file]:
                o = old_units.get(n.cid)
                # The same wording at both ends is one history, even where an amendment tag on an ancestor dates
                # the newer unit later than its own wording changed.
                if o is not None and (wording_key(o.text) == wording_key(n.text)
                                      or (n.level in _RENDERED_DIFFERENTLY and n.effective_from <= end)):
                    n.effective_from = min(n.effective_from, o.effective_from)
                    dropped[(older.file, n.cid)] = n
                elif n.effective_from <= end:
                    n.effective_from = after
            by_file[older.file] = [u for u in by_file[older.file] if (older.file, u.cid) not in dropped]
    return dropped


def align_twins(doc: Document, by_file: dict[str, list[Unit]], dropped: dict[tuple[str, str], Unit]) -> None:
    """Give each translation unit the dates of the Korean wording it renders. The translation of a unit that
    another text of the document took over (merge_versions) is dropped where that text has a translation of its
    own; where it has none (a newer Korean text downloaded from the Open API before its translation exists), the
    translation follows the unit that took over, whose wording is the same."""
    translated: dict[str, set[str]] = {}
    for f in doc.files:
        if f.twin_of and f.file in by_file:
            translated.setdefault(f.twin_of, set()).update(u.cid for u in by_file[f.file])
    for sf in doc.files:
        if not sf.twin_of or sf.file not in by_file or sf.twin_of not in by_file:
            continue
        twin = {u.cid: u for u in by_file[sf.twin_of]}
        kept: list[Unit] = []
        for u in by_file[sf.file]:
            heir = dropped.get((sf.twin_of, u.cid))
            if heir is not None:
                # Follow the wording to the text that holds it now, unless a text on the way has its own translation.
                while u.cid not in translated.get(heir.source_file, ()) and (heir.source_file, u.cid) in dropped:
                    heir = dropped[(heir.source_file, u.cid)]
                if u.cid in translated.get(heir.source_file, ()):
                    continue
                u.effective_from, u.effective_to = heir.effective_from, heir.effective_to
                kept.append(u)
                continue
            k = twin.get(u.cid)
            if k is not None:
                u.effective_from, u.effective_to = k.effective_from, k.effective_to
            kept.append(u)
        by_file[sf.file] = kept


def parse_corpus(settings: Settings, only: set[str] | None = None) -> ParsedCorpus:
    """Parse all documents; raise SourceError naming the first file that cannot be read."""
    try:
        overlay = read_overlay(settings)
    except OverlayError as exc:
        raise SourceError(str(exc)) from exc
    downloaded = any(overlay.files.values()) or any(c.get("local") for v in overlay.changes.values() for c in v)
    # Without the sources folder, the texts `kaia sources update` downloaded are the corpus; the rest (guidance,
    # commentary: not on the Open API) is left out with a warning.
    if not settings.sources.is_dir() and not downloaded:
        raise SourceError(f"sources folder not found: {settings.sources} (set KAIA_SOURCES, or download the law "
                          "with `kaia sources update`)")
    docs = apply_overlay(load_manifest(settings.manifest), overlay) + load_user_documents(settings)
    result = ParsedCorpus(docs=docs, units=[])
    for doc in docs:
        if only is not None and doc.id not in only:
            continue
        if overlay.doc_key(doc.id):
            result.file_hashes[f"{doc.id}|overlay"] = overlay.doc_key(doc.id)
        by_file: dict[str, list[Unit]] = {}
        for sf in doc.files:
            path = resolve_file(sf, settings)
            if not path.is_file() and not settings.sources.is_dir() and sf.origin == "sources" and not sf.local:
                result.warnings.append(f"{sf.file}: left out (no sources folder at {settings.sources}, and the "
                                       "Open API does not have it)")
                continue
            if not path.is_file():
                raise SourceError(f"{path}: file not found (document {doc.id})")
            digest = sha256_file(path)
            if sf.sha256 and digest != sf.sha256:
                result.warnings.append(f"{sf.file}: SHA-256 differs from the manifest (the source changed)")
            result.file_hashes[f"{doc.id}|{sf.file}"] = digest
            try:
                by_file[sf.file] = parse_file(doc, sf, path)
            except (ParseError, ValueError) as exc:
                raise SourceError(str(exc) if path.name in str(exc) else f"{path.name}: {exc}") from exc
        align_twins(doc, by_file, merge_versions(doc, by_file))
        for units in by_file.values():
            result.units.extend(units)
    return result
