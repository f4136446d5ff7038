"""Keep the law current: check the law.go.kr Open API for new versions, download them, record them, re-index.

`check` asks the API for each document's version listing (corpus/lawgo.toml: `eflaw` by law ID for the Act and
the decree, `elaw` for the English Act, `admrul` for the Notice) and compares it with the versions the corpus holds
(the manifest and the overlay): a higher promulgation number is a new version, a later enforcement date of a
number already held is a new phase, and the text of a version already held that hashes differently from the
file kaia reads (the API changes texts under the same MST) is a changed text. `update` downloads all of them,
verifies each (the API's answer classified, the text parsed by the reader of its format, its number and date
compared with the listing's), and only when every one is good writes them under `<data_dir>/sources/`, records
them in the overlay and re-indexes (the embeddings of unchanged texts come from the cache). Any fault leaves the
overlay, the downloaded texts and the index as they were. `status` says what is indexed, when the API was last
asked and what newer version it listed, without going online.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import tomllib
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from corpus.manifest import load_manifest, resolve_file
from corpus.model import Document, SourceFile
from corpus.settings import CORPUS_DIR, Settings
from ingest.lawgo_client import LawgoClient, LawgoError, Listed, iso_date
from ingest.overlay import (KnownVersion, Overlay, OverlayError, apply_overlay, overlay_path, read_overlay,
                            source_file, write_overlay)

FEEDS_FILE = CORPUS_DIR / "lawgo.toml"
OFFICIAL_BASE = "https://www.law.go.kr/DRF"
# Formats that are the API's own bytes, so their hash can be compared with a fresh download.
API_FORMATS = ("lawgo-xml-ko", "lawgo-xml-en", "lawgo-json-ko", "lawgo-admrul-xml")
LANG_NAMES = {"ko": "Korean", "en": "English"}


class SyncError(RuntimeError):
    """A check or an update failed; the message names the document and the cause. Nothing was changed."""


@dataclass(frozen=True)
class Feed:
    """Where one document, in one language, is listed on the Open API (corpus/lawgo.toml)."""

    doc: str
    lang: str
    target: str
    law_id: str
    format: str
    version: str  # "Act No. {number}"
    query: str = ""

    @property
    def what(self) -> str:
        return f"{self.doc} ({LANG_NAMES.get(self.lang, self.lang)}, {self.target} listing)"

    def listing_params(self) -> dict[str, str]:
        if self.target == "eflaw":
            return {"LID": self.law_id}
        return {"query": self.query}

    def text_params(self, row: Listed) -> dict[str, str]:
        kind = "JSON" if self.format.endswith("json-ko") else "XML"
        if self.target == "admrul":
            return {"target": "admrul", "ID": row.mst, "type": kind}
        params = {"target": self.target, "MST": row.mst, "type": kind}
        if self.target == "eflaw":  # an MST needs the enforcement date of the phase wanted
            params["efYd"] = row.effective.replace("-", "")
        return params


@lru_cache(maxsize=4)
def load_feeds(path: Path = FEEDS_FILE) -> tuple[Feed, ...]:
    """The feeds of corpus/lawgo.toml (read once)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return tuple(Feed(**f) for f in data.get("feed", []))
    except (OSError, tomllib.TOMLDecodeError, TypeError) as exc:
        raise SyncError(f"cannot read {path}: {exc}") from exc


# ----------------------------------------------------------------------------------------- versions


def version_number(version: str) -> str:
    """The promulgation number a version name carries: 'Act No. 21311' → '21311', 'MSIT Notice No. 2026-50' →
    '2026-50' ('' when none)."""
    m = re.search(r"No\.\s*(\d{4}-\d+|\d+)", version)
    return m.group(1) if m else ""


def number_key(number: str) -> tuple[int, ...]:
    """A promulgation number for ordering: '21311' → (21311,), '2026-50' → (2026, 50)."""
    return tuple(int(x) for x in re.findall(r"\d+", number)) or (0,)


def known_versions(doc: Document, lang: str) -> dict[str, set[str]]:
    """Promulgation number → the enforcement dates the corpus holds a text for (a consolidated text holds the
    dates its amendment tags map to, too)."""
    out: dict[str, set[str]] = {}
    for f in doc.files:
        n = version_number(f.version)
        if f.lang != lang or not n:
            continue
        out.setdefault(n, set()).update(d for d in (f.effective_from, *f.amendments.values()) if d)
    return out


def classify(feed: Feed, doc: Document, rows: list[Listed]) -> list[KnownVersion]:
    """The rows of a listing that are new to the corpus: a higher number than any held (new version), or a later
    enforcement date of the newest number held (new phase). Older rows are history the corpus does not need."""
    known = known_versions(doc, feed.lang)
    top = max((number_key(n) for n in known), default=(0,))
    out: dict[tuple[str, str], KnownVersion] = {}
    for r in rows:
        if r.law_id.lstrip("0") != feed.law_id.lstrip("0"):
            continue  # a name query also finds other laws (the Act's query finds its decree)
        if number_key(r.number) > top:
            change = "new-version"
        elif number_key(r.number) == top and r.number in known and r.effective > max(known[r.number]):
            change = "new-phase"  # a later phase of the newest version held (an older version's phases are past)
        else:
            continue
        out[(r.mst, r.effective)] = KnownVersion(feed.doc, feed.lang, feed.target, r.mst, r.number, r.promulgated,
                                                 r.effective, r.status, change)
    return sorted(out.values(), key=lambda k: (k.effective, number_key(k.number)))


def _query(sf: SourceFile) -> dict[str, str]:
    q = urllib.parse.parse_qs(urllib.parse.urlparse(sf.source_url).query)
    return {k: v[0] for k, v in q.items() if k != "OC"}


def text_params_of(sf: SourceFile) -> dict[str, str] | None:
    """The lawService.do parameters that fetch a manifest file's text again (None: not an Open API text)."""
    if "lawService.do" not in sf.source_url:
        return None
    params = _query(sf)
    if "target" not in params:
        return None
    if sf.format in API_FORMATS:
        params["type"] = "JSON" if sf.format.endswith("json-ko") else "XML"
    elif params["target"] == "admrul":  # a transcription of a rule: kaia reads the API's XML of it
        params["type"] = "XML"
    else:  # a transcription of a law: kaia reads the API's official JSON of it
        params["type"] = "JSON"
    return params


def api_format(sf: SourceFile, params: dict[str, str]) -> str:
    """The format of the API's own text of a manifest file (a transcription's is the API's JSON or XML)."""
    if sf.format in API_FORMATS:
        return sf.format
    return "lawgo-admrul-xml" if params.get("target") == "admrul" else "lawgo-json-ko"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def documents(settings: Settings, overlay: Overlay | None = None) -> list[Document]:
    """The manifest's documents with the overlay applied (what the next ingest reads)."""
    ov = overlay if overlay is not None else _read(settings)
    return apply_overlay(load_manifest(settings.manifest), ov)


def _read(settings: Settings) -> Overlay:
    try:
        return read_overlay(settings)
    except OverlayError as exc:
        raise SyncError(str(exc)) from exc


# --------------------------------------------------------------------------------------------- check


@dataclass
class FeedResult:
    feed: Feed
    rows: int
    new: list[KnownVersion]


@dataclass
class CheckReport:
    checked_at: str
    feeds: list[FeedResult]
    requests: int = 0
    bodies: dict[tuple[str, str], bytes] = field(default_factory=dict, repr=False)  # (doc, file) -> text fetched

    @property
    def new(self) -> list[KnownVersion]:
        return [k for f in self.feeds for k in f.new]


def _open_files(doc: Document, lang: str) -> list[SourceFile]:
    """The texts of a document in one language that are the current (or future) wording: not closed, not history."""
    return [f for f in doc.files if f.lang == lang and not f.historical and not f.effective_to]


def check(settings: Settings, client: LawgoClient | None = None, *, record: bool = True) -> CheckReport:
    """Ask the API for every feed's listing and for the current texts the corpus holds; SyncError (naming the
    document and the cause) on the first failure, with nothing recorded. `record` writes the check's date and
    the new versions into the overlay."""
    client = client or LawgoClient(settings)
    overlay = _read(settings)
    docs = {d.id: d for d in documents(settings, overlay)}
    report = CheckReport(_now(), [])
    try:
        for feed in load_feeds():
            doc = docs.get(feed.doc)
            if doc is None:
                continue
            rows = client.listing(feed.target, feed.listing_params(), feed.what)
            new = classify(feed, doc, rows)
            if feed.format in API_FORMATS:
                new += _changed_texts(settings, client, feed, doc, rows, report)
            report.feeds.append(FeedResult(feed, len(rows), new))
    except LawgoError as exc:
        raise SyncError(str(exc)) from None
    report.requests = client.requests
    if record:
        ov = _read(settings)
        checked = {f.feed.doc for f in report.feeds}
        ov.known = [k for k in ov.known if k.doc not in checked] + report.new
        for d in checked:
            ov.checked[d] = report.checked_at
        write_overlay(settings, ov)
    return report


def _changed_texts(settings: Settings, client: LawgoClient, feed: Feed, doc: Document, rows: list[Listed],
                   report: CheckReport) -> list[KnownVersion]:
    """Texts held whose API copy now hashes differently (a text can change under the same MST)."""
    out = []
    for sf in _open_files(doc, feed.lang):
        params = text_params_of(sf)
        if sf.format not in API_FORMATS or params is None:
            continue
        body = client.text(params, f"{doc.id} ({sf.file})", "json" if params["type"] == "JSON" else "xml")
        report.bodies[(doc.id, sf.file)] = body
        path = resolve_file(sf, settings)
        held = _sha(path.read_bytes()) if path.is_file() else sf.sha256
        if _sha(body) != held:
            mst = params.get("MST", params.get("ID", ""))
            row = next((r for r in rows if r.mst == mst), None)
            out.append(KnownVersion(doc.id, feed.lang, feed.target, mst, version_number(sf.version),
                                    row.promulgated if row else "", sf.effective_from, row.status if row else "",
                                    "changed-text", sf.file))
    return out


# -------------------------------------------------------------------------------------------- verify


def text_identity(data: bytes, fmt: str) -> dict[str, str]:
    """The number, enforcement date and law ID a downloaded text states about itself ('' where it does not)."""
    import json

    if fmt == "lawgo-json-ko":
        info = (json.loads(data.decode("utf-8")).get("법령") or {}).get("기본정보") or {}
        return {"number": str(info.get("공포번호", "")).lstrip("0"), "effective": iso_date(str(info.get("시행일자", ""))),
                "law_id": str(info.get("법령ID", ""))}
    root = ET.fromstring(data)
    if fmt == "lawgo-admrul-xml":
        from ingest.lawgo_admrul import admrul_identity

        return admrul_identity(root)
    if fmt == "lawgo-xml-en":
        return {"number": (root.findtext("InfSection/ancNo") or "").strip().lstrip("0"), "effective": "",
                "law_id": (root.findtext("InfSection/lsId") or "").strip()}
    return {"number": (root.findtext("기본정보/공포번호") or "").strip().lstrip("0"),
            "effective": iso_date(root.findtext("기본정보/시행일자") or ""),
            "law_id": (root.findtext("기본정보/법령ID") or "").strip()}


def verify_text(doc: Document, sf: SourceFile, data: bytes, what: str, expect: KnownVersion | None = None) -> int:
    """Parse a downloaded text with the reader of its format and compare what it says of itself with what the
    listing announced; the number of provisions read, or SyncError naming the cause."""
    from ingest.blocks import ParseError
    from ingest.loader import SourceError, parse_file

    # Parsed from a scratch copy outside the data folder: a text that fails leaves no trace there.
    with tempfile.TemporaryDirectory(prefix="kaia-verify-") as scratch:
        path = Path(scratch) / f"text{Path(sf.file).suffix or '.txt'}"
        path.write_bytes(data)
        try:
            units = parse_file(doc, sf, path)
        except (ParseError, SourceError, ValueError) as exc:
            raise SyncError(f"{what}: the text cannot be parsed as {sf.format} ({exc}); nothing was changed") from None
    if not any(u.level == "article" for u in units):
        raise SyncError(f"{what}: the text has no articles kaia can read ({sf.format}); nothing was changed")
    if expect is not None:
        try:
            ident = text_identity(data, sf.format)
        except (ValueError, ET.ParseError, AttributeError) as exc:
            raise SyncError(f"{what}: cannot read the text's basic information ({exc}); nothing was changed") from None
        if ident["number"] and ident["number"] != expect.number.lstrip("0"):
            raise SyncError(f"{what}: the API sent No. {ident['number']}, not No. {expect.number} as listed; "
                            "nothing was changed")
        if ident["effective"] and expect.effective and ident["effective"] != expect.effective:
            raise SyncError(f"{what}: the API sent the text in force {ident['effective']}, not {expect.effective} "
                            "as listed; nothing was changed")
    return len(units)


# -------------------------------------------------------------------------------------------- update


@dataclass
class Fetched:
    """A text downloaded and verified, waiting to be written."""

    doc: str
    local: str  # path under <data_dir>/sources
    data: bytes
    entry: dict[str, Any]  # the overlay's file entry (a new file) or change (a replaced shipped file)
    replaces: str = ""  # the shipped file it replaces ("" for a new version)
    describe: str = ""
    units: int = 0


@dataclass
class UpdateReport:
    check: CheckReport
    fetched: list[Fetched]
    skipped: list[str]  # known versions not downloaded, and why
    index: Any = None  # ingest.index.IngestReport when re-indexed


def _official_url(params: dict[str, str]) -> str:
    return f"{OFFICIAL_BASE}/lawService.do?" + urllib.parse.urlencode(params)


def _slug(doc: str) -> str:
    return re.sub(r"[^\w.-]+", "_", doc)


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def _plan(settings: Settings, client: LawgoClient, report: CheckReport, docs: dict[str, Document],
          feeds: dict[tuple[str, str], Feed]) -> tuple[list[Fetched], list[str]]:
    """Download and verify every text the update needs; nothing is written here."""
    fetched: list[Fetched] = []
    skipped: list[str] = []
    readable = set(API_FORMATS)
    today = date.today().isoformat()
    for k in report.new:
        feed, doc = feeds[(k.doc, k.lang)], docs[k.doc]
        version = feed.version.format(number=k.number)
        what = f"{k.doc} ({LANG_NAMES.get(k.lang, k.lang)}, {version}, in force {k.effective})"
        if feed.format not in readable:
            skipped.append(f"{what}: kaia cannot read the {feed.format} format yet; not downloaded")
            continue
        if k.change == "changed-text":
            sf = next(f for f in doc.files if f.file == k.file)
            params = text_params_of(sf) or {}
            data = report.bodies.get((k.doc, k.file)) or client.text(params, what, _expect(params))
            local = f"lawgo/{_slug(k.doc)}/{Path(sf.file).stem}-{_sha(data)[:12]}{Path(sf.file).suffix}"
            n = verify_text(doc, replace(sf, local=local), data, what, k)
            entry = {"file": sf.file, "local": local, "sha256": _sha(data), "fetched": today}
            fetched.append(Fetched(k.doc, local, data, entry, sf.file, f"changed text of {sf.file}: {version}", n))
            continue
        row = Listed(k.target, k.mst, feed.law_id, "", k.number, k.promulgated, k.effective, k.status)
        params = feed.text_params(row)
        twin = ""
        if k.lang != "ko":
            twin = _twin_for(doc, fetched, k)
            if not twin:
                skipped.append(f"{what}: its Korean text is not in the corpus, so the translation is not downloaded "
                               "yet")
                continue
        data = client.text(params, what, _expect(params))
        ext = ".json" if params["type"] == "JSON" else ".xml"
        local = f"lawgo/{_slug(k.doc)}/{k.target}-{k.mst}-{k.effective.replace('-', '')}-{_sha(data)[:12]}{ext}"
        entry: dict[str, Any] = {
            "file": local, "local": local, "format": feed.format, "lang": k.lang, "version": version,
            "version_note": f"downloaded from the law.go.kr Open API ({k.target}, MST {k.mst}, in force {k.effective})",
            "effective_from": k.effective, "effective_to": "", "official": k.lang == "ko", "sha256": _sha(data),
            "source_url": _official_url(params), "fetched": today, "mst": k.mst, "promulgated": k.promulgated}
        if twin:
            entry["twin_of"] = twin
        n = verify_text(doc, source_file(entry), data, what, k)
        fetched.append(Fetched(k.doc, local, data, entry, "", f"{k.change.replace('-', ' ')}: {version}, in force "
                               f"{k.effective}", n))
    replaced = {(f.doc, f.replaces) for f in fetched}
    for doc in docs.values():  # shipped texts that are not here (no sources folder) and that the API has
        for sf in doc.files:
            params = text_params_of(sf)
            if (sf.local or sf.origin != "sources" or params is None or (doc.id, sf.file) in replaced
                    or resolve_file(sf, settings).is_file()):
                continue  # present, fetched above as a changed text, or not a text of the API
            what = f"{doc.id} ({sf.file})"
            fmt = api_format(sf, params)
            data = client.text(params, what, _expect(params))
            ext = ".json" if params["type"] == "JSON" else ".xml"
            local = f"lawgo/{_slug(doc.id)}/{Path(sf.file).stem}-{_sha(data)[:12]}{ext}"
            n = verify_text(doc, replace(sf, local=local, format=fmt), data, what)
            said = _identity_or_empty(data, fmt)
            if said and version_number(sf.version) and said != version_number(sf.version):
                # The API's current text is a later version than the one the manifest names (it comes in as a new
                # version, from its own date); taking it for the manifest's text would misdate every provision.
                skipped.append(f"{what}: the API's text is No. {said}, not No. {version_number(sf.version)} as "
                               "the manifest says; not used in its place")
                continue
            entry = {"file": sf.file, "local": local, "format": fmt, "sha256": _sha(data), "fetched": today}
            fetched.append(Fetched(doc.id, local, data, entry, sf.file, f"missing text {sf.file}", n))
    return fetched, skipped


def _identity_or_empty(data: bytes, fmt: str) -> str:
    """The number a text states about itself ('' when it states none, or cannot be read for it)."""
    try:
        return text_identity(data, fmt)["number"]
    except (ValueError, ET.ParseError, AttributeError):
        return ""


def _expect(params: dict[str, str]) -> str:
    return "json" if params.get("type") == "JSON" else "xml"


def _twin_for(doc: Document, fetched: list[Fetched], k: KnownVersion) -> str:
    """The Korean text an English version translates: the one of the same number (and date, where both say)."""
    ko = [f for f in doc.files if f.lang == "ko" and version_number(f.version) == k.number and not f.twin_of]
    ko += [source_file(f.entry) for f in fetched if not f.replaces and f.entry.get("lang") == "ko"
           and version_number(f.entry.get("version", "")) == k.number]
    if not ko:
        return ""
    return max(ko, key=lambda f: f.effective_from).file


def _apply(ov: Overlay, docs: dict[str, Document], fetched: list[Fetched]) -> None:
    """Record the fetched texts in the overlay: new files, replaced shipped files, and the older text of each
    language closed the day before a newer one takes effect."""
    for f in fetched:
        if f.replaces:
            changes = [c for c in ov.changes.setdefault(f.doc, []) if c.get("file") != f.replaces]
            old = next((c for c in ov.changes.get(f.doc, []) if c.get("file") == f.replaces), {})
            changes.append({**old, **f.entry})
            ov.changes[f.doc] = changes
        else:
            ov.files.setdefault(f.doc, []).append(dict(f.entry))
    for f in sorted((f for f in fetched if not f.replaces and not f.entry.get("twin_of")),
                    key=lambda f: f.entry["effective_from"]):
        start, lang = f.entry["effective_from"], f.entry["lang"]
        current = apply_overlay([docs[f.doc]], ov)[0]
        for sf in current.files:
            if (sf.lang != lang or sf.twin_of or sf.historical or sf.effective_to or sf.file == f.entry["file"]
                    or not sf.effective_from or sf.effective_from >= start):
                continue
            added = next((e for e in ov.files.get(f.doc, []) if e.get("file") == sf.file), None)
            if added is not None:
                added["effective_to"] = _day_before(start)
            else:
                changes = ov.changes.setdefault(f.doc, [])
                ch = next((c for c in changes if c.get("file") == sf.file), None)
                if ch is None:
                    changes.append({"file": sf.file, "effective_to": _day_before(start)})
                else:
                    ch["effective_to"] = _day_before(start)


def update(settings: Settings, client: LawgoClient | None = None, *, index: bool = True,
           progress: bool = False) -> UpdateReport:
    """Check, download and verify every new text, then write them, the overlay and a new index; SyncError (or the
    ingest's own error) with the overlay, the downloaded texts and the index left as they were."""
    client = client or LawgoClient(settings)
    report = check(settings, client, record=False)
    before = _read(settings)
    docs = {d.id: d for d in documents(settings, before)}
    feeds = {(f.doc, f.lang): f for f in load_feeds()}
    try:
        fetched, skipped = _plan(settings, client, report, docs, feeds)
    except LawgoError as exc:
        raise SyncError(f"{exc}; nothing was changed") from None
    ov = _read(settings)
    _apply(ov, docs, fetched)
    done = {(f.entry.get("mst"), f.entry.get("effective_from")) for f in fetched if not f.replaces}
    done_files = {f.replaces for f in fetched if f.replaces}
    checked = {f.feed.doc for f in report.feeds}
    ov.known = [k for k in before.known if k.doc not in checked] + [
        k for k in report.new if (k.mst, k.effective) not in done and k.file not in done_files]
    for d in checked:
        ov.checked[d] = report.checked_at
    written: list[Path] = []
    old_overlay = _overlay_bytes(settings)
    try:
        for f in fetched:
            path = settings.lawgo_dir / f.local
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(f.data)
            os.replace(tmp, path)
            written.append(path)
        write_overlay(settings, ov)
        result = UpdateReport(report, fetched, skipped)
        if index and fetched:
            from ingest.index import build_index

            result.index = build_index(settings, progress=progress)
        return result
    except BaseException:
        _restore(settings, old_overlay)
        for p in written:
            if not any(p == settings.lawgo_dir / e.get("local", "") for e in _all_entries(before)):
                p.unlink(missing_ok=True)
        raise


def _overlay_bytes(settings: Settings) -> bytes | None:
    p = overlay_path(settings)
    return p.read_bytes() if p.is_file() else None


def _restore(settings: Settings, data: bytes | None) -> None:
    """Put the overlay back as it was before a failed update (gone, if there was none)."""
    p = overlay_path(settings)
    if data is None:
        p.unlink(missing_ok=True)
        return
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, p)


def _all_entries(ov: Overlay) -> list[dict[str, Any]]:
    return [e for v in ov.files.values() for e in v] + [c for v in ov.changes.values() for c in v]


# -------------------------------------------------------------------------------------------- status


@dataclass
class TextStatus:
    lang: str
    version: str
    effective_from: str
    effective_to: str
    downloaded: str  # "" (shipped) or the date it was downloaded


@dataclass
class DocStatus:
    """What `kaia sources status` says of one document."""

    doc: str
    title: str
    title_ko: str
    on_api: bool
    in_force: list[TextStatus]  # the texts in force today, by language
    upcoming: list[TextStatus]  # indexed texts that take effect later
    checked: str  # ISO time of the last good check ("" never)
    newer: list[KnownVersion]  # listed by that check, not in the corpus yet
    not_indexed: list[str]  # downloaded but not in the index yet (run `kaia ingest`)
    indexed: bool = True  # False: there is no index yet, and the texts are those the next ingest reads

    def newer_lines(self, feeds: dict[tuple[str, str], Feed]) -> list[str]:
        out = []
        for k in self.newer:
            feed = feeds.get((k.doc, k.lang))
            out.append(k.describe(feed.version.format(number=k.number) if feed else f"No. {k.number}"))
        return out


def indexed_documents(settings: Settings) -> list[Document] | None:
    """The documents (and files) of the current index, read from its docs.json; None when there is no index."""
    import json

    from ingest.store import current_generation, doc_from_dict

    gen = current_generation(settings)
    if not gen:
        return None
    try:
        raw = json.loads((settings.index_root / gen / "docs.json").read_text(encoding="utf-8"))
        return [doc_from_dict(d) for d in raw]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def status(settings: Settings, today: str | None = None) -> list[DocStatus]:
    """Every document of the manifest: the texts indexed (in force today, and later), the last check of the law.go.kr
    Open API and the newer versions it listed; offline."""
    day = today or date.today().isoformat()
    ov = _read(settings)
    planned = {d.id: d for d in documents(settings, ov)}
    indexed = indexed_documents(settings)
    source = {d.id: d for d in indexed} if indexed is not None else planned
    feeds = load_feeds()
    on_api = {f.doc for f in feeds}
    out = []
    for doc_id, doc in planned.items():
        held = source.get(doc_id, doc)
        texts = [f for f in held.files if not f.historical]
        fetched_on = {e.get("file"): str(e.get("fetched", "")) for e in ov.files.get(doc_id, [])}
        fetched_on.update({c.get("file"): str(c.get("fetched", "")) for c in ov.changes.get(doc_id, [])
                           if c.get("fetched")})

        def ts(f: SourceFile) -> TextStatus:
            return TextStatus(f.lang, f.version, f.effective_from, f.effective_to, fetched_on.get(f.file, ""))

        in_force = [ts(f) for f in texts if (not f.effective_from or f.effective_from <= day)
                    and (not f.effective_to or f.effective_to >= day) and not f.twin_of]
        # A translation follows its original's dates (its own entry may not say when it stopped being current).
        in_force += [ts(f) for f in texts if f.twin_of and not any(t.lang == f.lang for t in in_force)
                     and (not f.effective_from or f.effective_from <= day)
                     and (not f.effective_to or f.effective_to >= day)][:1]
        upcoming = [ts(f) for f in texts if f.effective_from and f.effective_from > day and not f.twin_of]
        held_files = {f.file for f in held.files}
        not_indexed = [e["file"] for e in ov.files.get(doc_id, []) if e.get("file") not in held_files]
        out.append(DocStatus(doc_id, doc.short_en, doc.short_ko, doc_id in on_api, in_force, upcoming,
                             ov.checked.get(doc_id, ""), ov.known_for(doc_id), not_indexed, indexed is not None))
    return out


def page_status(settings: Settings) -> list[DocStatus]:
    """`status` for the chat page, which must open whatever state the data folder is in: [] when the overlay
    cannot be read (the page then shows no versions line; `kaia sources status` says why)."""
    try:
        return status(settings)
    except (SyncError, OSError, ValueError):
        return []


def answer_versions(settings: Settings, docs: dict[str, Document], doc_ids: list[str], as_of: str
                    ) -> list[dict[str, Any]]:
    """For `kaia ask --json` and the page: each law document an answer cites, the version it was answered from
    (the Korean text in force on `as_of`), when the API was last checked (None: never) and the newer versions
    that check listed which are not indexed yet."""
    try:
        ov = read_overlay(settings)
    except OverlayError:
        ov = Overlay()
    feeds = {(f.doc, f.lang): f for f in load_feeds()}
    out = []
    for doc_id in doc_ids:
        doc = docs.get(doc_id)
        if doc is None or doc.kind not in ("act", "decree", "notice"):
            continue
        texts = [f for f in doc.files if f.lang == "ko" and not f.historical and not f.twin_of
                 and (not f.effective_from or f.effective_from <= as_of)
                 and (not f.effective_to or f.effective_to >= as_of)]
        version = max(texts, key=lambda f: f.effective_from).version if texts else ""
        newer = []
        for k in ov.known_for(doc_id):
            feed = feeds.get((k.doc, k.lang))
            newer.append({"version": feed.version.format(number=k.number) if feed else k.number, "lang": k.lang,
                          "effective": k.effective, "change": k.change})
        out.append({"doc": doc_id, "version": version, "checked": ov.checked.get(doc_id) or None,
                    "newer_known": newer})
    return out
