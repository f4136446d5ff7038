"""Commentary and user documents (text, Markdown, HTML, PDF) as passages of a sensible size, with pages."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from corpus.model import Document, SourceFile, Unit, make_cid
from ingest.blocks import ParseError

# pypdf logs damage it works around ("EOF marker not found"); our own error message is the one users see.
logging.getLogger("pypdf").setLevel(logging.ERROR)

SUPPORTED = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Documents whose citations `kaia verify` checks: the same formats, and Word files.
READABLE = {**SUPPORTED, ".docx": "docx"}
MAX_BYTES = 20 * 1024 * 1024
TARGET_CHARS = 700  # about 100-150 English words: one idea, and well inside the embedder's 512 tokens
MAX_CHARS = 1200


class _TextOfHTML(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    p = _TextOfHTML()
    p.feed(html)
    return "".join(p.parts)


def pdf_pages(path: Path) -> list[str]:
    """Text of each page of a PDF; a clear ParseError for encrypted, corrupt or textless files."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ParseError(f"{path.name}: the PDF is encrypted; save an unencrypted copy and add that",
                                 key="pdf_encrypted", name=path.name)
        pages = [(page.extract_text() or "") for page in reader.pages]
    except ParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as exc:
        raise ParseError(f"{path.name}: not a readable PDF ({type(exc).__name__}: {exc})", key="pdf_unreadable",
                         name=path.name, error=f"{type(exc).__name__}: {exc}") from exc
    if not pages:
        raise ParseError(f"{path.name}: the PDF has no pages", key="pdf_no_pages", name=path.name)
    if not any(p.strip() for p in pages):
        raise ParseError(f"{path.name}: the PDF has no extractable text (a scan? run OCR first)", key="pdf_no_text",
                         name=path.name)
    return pages


def docx_text(path: Path) -> str:
    """The paragraphs and table cells of a Word file, in document order; a clear ParseError for a damaged one."""
    import zipfile

    from docx import Document as WordDocument
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = WordDocument(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ParseError(f"{path.name}: not a readable Word (.docx) file ({type(exc).__name__})",
                         key="docx_unreadable", name=path.name, error=type(exc).__name__) from exc
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds on damaged parts
        raise ParseError(f"{path.name}: not a readable Word (.docx) file ({type(exc).__name__})",
                         key="docx_unreadable", name=path.name, error=type(exc).__name__) from exc
    body = word.element.body
    lines: list[str] = []
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = ["".join(t.text or "" for t in c.iter() if t.tag.endswith("}t"))
                             for c in row.iterchildren() if c.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text that is text (no NUL bytes), or a one-line ParseError naming `name`."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{name}: not UTF-8 text", key="not_utf8", name=name) from exc
    if "\x00" in text:
        raise ParseError(f"{name}: binary data, not text", key="binary", name=name)
    return text


def document_text(path: Path, fmt: str) -> str:
    """The whole text of a document in a supported format (PDF pages separated by form feeds)."""
    if fmt == "pdf":
        return "\f".join(pdf_pages(path))
    if fmt == "docx":
        return docx_text(path)
    raw = _decode(path.read_bytes(), path.name)
    return html_to_text(raw) if fmt == "html" else raw


def check_file(path: Path, name: str, formats: dict[str, str], kinds: str) -> str:
    """The checks every file a user brings passes first (exists, a known type, not empty, within the size limit, a
    PDF that says so); its format, or a one-line ParseError naming it. `kinds` words the accepted types."""
    if not path.is_file():
        raise ParseError(f"{name}: file not found", key="not_found", name=name)
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise ParseError(f"{name}: unsupported file type {path.suffix or '(none)'}; use {kinds}", key="unsupported",
                         name=name, suffix=path.suffix or "(none)", kinds=kinds)
    size = path.stat().st_size
    if size == 0:
        raise ParseError(f"{name}: the file is empty", key="empty", name=name)
    if size > MAX_BYTES:
        raise ParseError(f"{name}: {size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit", key="too_big",
                         name=name, mb=f"{size / 1e6:.1f}", limit=MAX_BYTES // (1024 * 1024))
    if fmt == "pdf" and b"%PDF" not in path.read_bytes()[:1024]:
        raise ParseError(f"{name}: not a PDF file (no %PDF header)", key="not_pdf", name=name)
    return fmt


def read_document(path: Path, display_name: str | None = None) -> str:
    """The text of a document a user brings (to check its citations); a one-line ParseError for anything unreadable."""
    name = display_name or path.name
    text = document_text(path, check_file(path, name, READABLE, ".txt, .md, .html, PDF or Word (.docx)"))
    if not text.strip():
        raise ParseError(f"{name}: the file has no text", key="no_text", name=name)
    return text


def text_of_bytes(data: bytes, name: str = "standard input") -> str:
    """Text given as bytes (standard input, a paste): UTF-8, within the size limit, not binary."""
    if len(data) > MAX_BYTES:
        raise ParseError(f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit",
                         key="too_big", name=name, mb=f"{len(data) / 1e6:.1f}", limit=MAX_BYTES // (1024 * 1024))
    text = _decode(data, name)
    if not text.strip():
        raise ParseError(f"{name}: no text", key="no_text_short", name=name)
    return text


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n")
    chunks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [re.sub(r"\s+", " ", c).strip() for c in chunks if c.strip()]


def _split_long(par: str) -> list[str]:
    if len(par) <= MAX_CHARS:
        return [par]
    out, cur = [], ""
    for sent in re.split(r"(?<=[.!?。다])\s+", par):
        if cur and len(cur) + len(sent) + 1 > TARGET_CHARS:
            out.append(cur)
            cur = sent
        else:
            cur = f"{cur} {sent}".strip()
    if cur:
        out.append(cur)
    return [c[i:i + MAX_CHARS] for c in out for i in range(0, len(c), MAX_CHARS)]


def chunk(paragraphs: list[str]) -> list[str]:
    """Merge short paragraphs and split long ones into passages of about TARGET_CHARS."""
    out: list[str] = []
    cur = ""
    for par in paragraphs:
        for piece in _split_long(par):
            if cur and len(cur) + len(piece) + 1 > TARGET_CHARS:
                out.append(cur)
                cur = piece
            else:
                cur = f"{cur}\n{piece}".strip()
    if cur:
        out.append(cur)
    return out


def read_passages(path: Path, fmt: str) -> list[tuple[int | None, str]]:
    """(page, passage) pairs of a commentary or user document; page is None except for PDFs."""
    if fmt == "pdf":
        out: list[tuple[int | None, str]] = []
        for n, page in enumerate(pdf_pages(path), 1):
            out.extend((n, c) for c in chunk(_paragraphs(page)))
        return out
    passages = chunk(_paragraphs(document_text(path, fmt)))
    if not passages:
        raise ParseError(f"{path.name}: the file has no text", key="no_text", name=path.name)
    return [(None, c) for c in passages]


def passage_units(doc: Document, sf: SourceFile, path: Path) -> list[Unit]:
    """Units of a passage document: `article` is "passage-N", `page` the PDF page."""
    units: list[Unit] = []
    for n, (page, text) in enumerate(read_passages(path, sf.format), 1):
        art = f"passage-{n}"
        cid = make_cid(doc.id, art)
        units.append(Unit(
            uid=f"{cid}@{sf.file}", cid=cid, doc=doc.id, lang=sf.lang or guess_lang(text), version=sf.version,
            level="passage", text=text, article=art, title=doc.title_en, page=page, url=doc.url,
            source_file=sf.file, effective_from=sf.effective_from, effective_to=sf.effective_to,
        ))
    return units


def guess_lang(text: str) -> str:
    """'ko' when Hangul outweighs Latin letters, else 'en'."""
    hangul = len(re.findall(r"[가-힣]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul * 2 >= latin and hangul else "en"
