"""Load the corpus manifest (corpus/manifest.toml) into Document records and locate their files."""
from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from corpus.model import Document, SourceFile
from corpus.settings import CORPUS_DIR, Settings


class ManifestError(ValueError):
    """The manifest is malformed."""


def load_manifest(path: Path) -> list[Document]:
    """Parse the manifest; ids must be unique and each file entry complete."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError(f"cannot read manifest {path}: {exc}") from exc
    docs: list[Document] = []
    seen: set[str] = set()
    defaults = data.get("kind", {})
    for raw in data.get("document", []):
        raw = {**defaults.get(raw.get("kind", ""), {}), **raw}
        files = tuple(SourceFile(**f) for f in raw.pop("file", []))
        raw["asked_by"] = tuple(raw.get("asked_by", ()))
        raw["interprets"] = tuple(raw.get("interprets", ()))
        raw["mentioned_by"] = tuple(raw.get("mentioned_by", ()))
        doc = Document(**raw, files=files)
        if doc.id in seen:
            raise ManifestError(f"duplicate document id {doc.id!r} in {path}")
        seen.add(doc.id)
        docs.append(doc)
    return docs


def load_missing(path: Path) -> list[dict[str, object]]:
    """Documents known to be missing from the corpus, with question patterns (the manifest's [[missing]])."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError(f"cannot read manifest {path}: {exc}") from exc
    return list(data.get("missing", []))


def resolve_file(sf: SourceFile, settings: Settings) -> Path:
    """Where a manifest file lives on disk."""
    if sf.local:
        return settings.lawgo_dir / sf.local
    if sf.origin == "project":
        return CORPUS_DIR / sf.file
    if sf.origin == "user":
        return settings.user_docs_dir / sf.file
    return settings.sources / sf.file


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def document_by_id(docs: list[Document], doc_id: str) -> Document:
    for d in docs:
        if d.id == doc_id:
            return d
    raise KeyError(doc_id)
