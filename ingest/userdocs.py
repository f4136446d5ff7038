"""User documents added with `kaia ingest --add` (or the chat page): checked, copied under the data folder,
and listed in a registry that the next ingest reads like the manifest."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from corpus.model import Document, SourceFile
from corpus.settings import Settings
from ingest.blocks import ParseError
from ingest.passages import MAX_BYTES  # noqa: F401 - the upload limit, read from here by the page and the tests

MAX_PDF_PAGES = 500
REGISTRY = "registry.json"


def _registry_path(settings: Settings) -> Path:
    return settings.user_docs_dir / REGISTRY


def _read_registry(settings: Settings) -> list[dict[str, str]]:
    p = _registry_path(settings)
    if not p.exists():
        return []
    return json.loads(p.read_text(encoding="utf-8"))


def _write_registry(settings: Settings, entries: list[dict[str, str]]) -> None:
    p = _registry_path(settings)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, p)


def _document(e: dict[str, str]) -> Document:
    sf = SourceFile(file=e["file"], format=e["format"], lang="", version=f"added {e['added']}", sha256=e["sha256"],
                    origin="user")
    return Document(id=e["id"], kind="user", rank=5, title_ko=e["title"], title_en=e["title"], short_ko=e["title"],
                    short_en=e["title"], authority="User document (not law)",
                    authority_ko="사용자 문서(법령 아님)", files=(sf,))


def load_user_documents(settings: Settings) -> list[Document]:
    return [_document(e) for e in _read_registry(settings)]


def slugify(name: str) -> str:
    stem = re.sub(r"[^0-9A-Za-z가-힣]+", "-", Path(name).stem).strip("-").lower()
    return stem[:60] or "document"


def check_user_file(path: Path, display_name: str | None = None) -> str:
    """Validate a file before it touches the index; return its format or raise ParseError naming it."""
    from ingest.passages import SUPPORTED, check_file, pdf_pages, read_passages

    name = display_name or path.name
    fmt = check_file(path, name, SUPPORTED, "PDF, .txt, .md or .html")
    if fmt == "pdf":
        from pypdf import PdfReader

        try:
            n = len(PdfReader(str(path)).pages)
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files
            if "encrypt" in str(exc).lower():
                raise ParseError(f"{name}: the PDF is encrypted; save an unencrypted copy and add that",
                                 key="pdf_encrypted", name=name) from exc
            raise ParseError(f"{name}: not a readable PDF ({type(exc).__name__})", key="pdf_unreadable", name=name,
                             error=type(exc).__name__) from exc
        if n > MAX_PDF_PAGES:
            raise ParseError(f"{name}: {n} pages is over the {MAX_PDF_PAGES}-page limit", key="too_many_pages", name=name,
                             pages=n, limit=MAX_PDF_PAGES)
        pdf_pages(path)
    else:
        read_passages(path, fmt)
    return fmt


def register_user_file(settings: Settings, path: Path, display_name: str | None = None) -> tuple[Document, callable]:
    """Copy a checked file into the data folder and register it; return the document and an undo function."""
    fmt = check_user_file(path, display_name)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    entries = _read_registry(settings)
    for e in entries:
        if e["sha256"] == digest:
            raise ParseError(f"{display_name or path.name}: already added as {e['id']}", key="already_added",
                             name=display_name or path.name, doc=e["id"])
    slug = slugify(display_name or path.name)
    doc_id = f"user/{slug}-{digest[:8]}"
    # The stored name is ours, never the uploader's, so no path in a name can escape the folder.
    stored = f"{slug}-{digest[:8]}{path.suffix.lower()}"
    settings.user_docs_dir.mkdir(parents=True, exist_ok=True)
    target = settings.user_docs_dir / stored
    shutil.copyfile(path, target)
    from datetime import date

    entry = {"id": doc_id, "title": Path(display_name or path.name).name, "file": stored, "format": fmt,
             "sha256": digest, "added": date.today().isoformat()}
    _write_registry(settings, entries + [entry])

    def undo() -> None:
        _write_registry(settings, [e for e in _read_registry(settings) if e["id"] != doc_id])
        target.unlink(missing_ok=True)

    return _document(entry), undo
