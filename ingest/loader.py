"""Parse every document of the manifest (and the user's added documents) into units."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from corpus.manifest import load_manifest, resolve_file, sha256_file
from corpus.model import Document, SourceFile, Unit
from corpus.settings import Settings
from ingest.blocks import ParseError, read_lawgo_xml_en, read_lawgo_xml_ko, read_lawtext
from ingest.passages import passage_units
from ingest.structure import strip_tags
from ingest.units import build_units
from ingest.userdocs import load_user_documents

# Bump when parsing or tokenizing changes what a file yields, so that ingest re-indexes unchanged files.
PARSER_VERSION = "14"


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
    if sf.format == "lawgo-xml-en":
        return build_units(doc, sf, read_lawgo_xml_en(path))
    if sf.format in ("lawtext-ko", "lawtext-en"):
        return build_units(doc, sf, read_lawtext(path, sf.lang))
    if sf.format in ("text", "markdown", "html", "pdf"):
        return passage_units(doc, sf, path)
    raise SourceError(f"{sf.file}: unknown format {sf.format!r} in the manifest")


def align_twins(doc: Document, by_file: dict[str, list[Unit]]) -> None:
    """Give each translation unit the dates of the Korean wording it renders.

    A translation of one version also renders an earlier version wherever the Korean wording did not
    change, so its dates reach back across Korean versions whose unit text (amendment tags aside) is equal.
    """
    ko_files = sorted((f for f in doc.files if f.lang == "ko" and f.file in by_file), key=lambda f: f.effective_from)
    for sf in doc.files:
        if not sf.twin_of or sf.file not in by_file or sf.twin_of not in by_file:
            continue
        twin = {u.cid: u for u in by_file[sf.twin_of]}
        earlier = [{u.cid: u for u in by_file[f.file]} for f in ko_files if f.effective_from < _start(doc, sf.twin_of)]
        for u in by_file[sf.file]:
            k = twin.get(u.cid)
            if k is None:
                continue
            u.effective_from, u.effective_to = k.effective_from, k.effective_to
            wording = strip_tags(k.text)
            for older in reversed(earlier):
                o = older.get(u.cid)
                if o is None or strip_tags(o.text) != wording:
                    break
                u.effective_from = min(u.effective_from, o.effective_from)


def _start(doc: Document, file: str) -> str:
    return next(f.effective_from for f in doc.files if f.file == file)


def parse_corpus(settings: Settings, only: set[str] | None = None) -> ParsedCorpus:
    """Parse all documents; raise SourceError naming the first file that cannot be read."""
    if not settings.sources.is_dir():
        raise SourceError(f"sources folder not found: {settings.sources} (set KAIA_SOURCES)")
    docs = load_manifest(settings.manifest) + load_user_documents(settings)
    result = ParsedCorpus(docs=docs, units=[])
    for doc in docs:
        if only is not None and doc.id not in only:
            continue
        by_file: dict[str, list[Unit]] = {}
        for sf in doc.files:
            path = resolve_file(sf, settings)
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
        align_twins(doc, by_file)
        for units in by_file.values():
            result.units.extend(units)
    return result
