"""A client for the law.go.kr DRF Open API (`lawSearch.do` lists, `lawService.do` one text).

The API's quirks (shared/LAWGO_API.md) decide the shape of this module: errors arrive as HTTP 200 bodies (a rejected
key as `<Response><result>사용자 정보 검증에 실패…`, an unknown law as `<Law>일치하는 법령이 없습니다…`, a target the key
was not registered for as an HTML page saying 미신청된 목록/본문), the service has maintenance pages, empty 200s and
bursts of 429/5xx, and bodies can arrive cut short. So every body is classified before anyone reads it, and each
failure becomes a `LawgoError` naming what was asked for and why, marked retryable where a later attempt may succeed.

Only the configured host is contacted (KAIA_LAWGO_URL); the key (KAIA_LAWGO_OC) is sent as the API requires and is
never printed: messages show the request without it.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from corpus.settings import Settings

USER_AGENT = "kaia (law.go.kr Open API client; https://github.com/kaia)"
# HTTP statuses worth another attempt: the service's own rate limit, its gateways, and the spurious 404 bursts seen
# by other clients (CR fetch-with-retry.ts).
RETRY_STATUSES = frozenset({404, 408, 429, 500, 502, 503, 504})
MAX_DELAY = 60.0  # seconds: no single wait longer than this, whatever Retry-After says
MAX_PAGES = 10  # of 100 rows each: far more versions than any one law has

_KEY_REJECTED = "사용자 정보 검증에 실패"
_NOT_APPLIED = "미신청된 목록/본문"
_NOT_FOUND = re.compile(r"일치하는\s*(법령|행정규칙)이\s*없습니다")


class LawgoError(RuntimeError):
    """A request to the Open API failed. `what` names the document (or listing) asked for, `cause` why."""

    def __init__(self, what: str, cause: str, *, retryable: bool = False) -> None:
        super().__init__(f"{what}: {cause}")
        self.what, self.cause, self.retryable = what, cause, retryable


class NoKeyError(LawgoError):
    """KAIA_LAWGO_OC is not set; nothing was sent."""


class KeyRejectedError(LawgoError):
    """The API answered that the key (or the caller's registered IP) failed its check."""


class NotFoundError(LawgoError):
    """The API knows no such law, rule or version."""


@dataclass(frozen=True)
class Listed:
    """One row of a listing: a version (or an enforcement phase of one) of a law or an administrative rule."""

    target: str  # eflaw | elaw | law | admrul
    mst: str  # 법령일련번호 (MST) / 행정규칙일련번호: the text's serial number
    law_id: str  # 법령ID / 행정규칙ID: the same across versions
    name: str
    number: str  # 공포번호 / 발령번호 without zero padding ("21311", "2026-50")
    promulgated: str  # ISO date
    effective: str  # ISO date of this phase (시행일자)
    status: str  # 현행 | 시행예정 | 연혁 ("" where the listing has none)
    kind: str = ""  # 제정 | 일부개정 | 타법개정 …


def iso_date(yyyymmdd: str) -> str:
    """The API's dates ('20260721', '2026.7.21' with padding) as ISO ('2026-07-21'); '' when not a full date."""
    d = re.sub(r"\D", "", yyyymmdd or "")
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else ""


def _number(raw: str) -> str:
    """'09897' → '9897'; '제2026-50호' → '2026-50'."""
    m = re.search(r"\d{4}-\d+|\d+", raw or "")
    if not m:
        return ""
    n = m.group(0)
    return n if "-" in n else str(int(n))


def redact(url: str) -> str:
    """A request URL without the key, for messages and logs."""
    return re.sub(r"([?&]OC=)[^&]*", r"\1…", url)


def classify_body(body: bytes, what: str, expect: str) -> Any:
    """The parsed body (an XML element or a JSON value), or a LawgoError saying what the API sent instead.

    `expect` is "xml" or "json": the format asked for. The API's errors come as HTTP 200 in either format, or as
    HTML whatever was asked."""
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text:
        raise LawgoError(what, "the API sent an empty response", retryable=True)
    head = text[:4000]
    if _KEY_REJECTED in head:
        raise KeyRejectedError(what, "the API rejected the key (사용자 정보 검증에 실패): check KAIA_LAWGO_OC and that "
                               "this machine's IP address is registered for it at open.law.go.kr")
    if _NOT_APPLIED in head:
        raise NotFoundError(what, "the API refused this list or text (미신청된 목록/본문): the key is not registered "
                            "for this target, or no such version (MST and enforcement date) exists")
    if _NOT_FOUND.search(head) and len(text) < 2000:
        raise NotFoundError(what, "the API knows no such law or version (일치하는 법령이 없습니다)")
    low = head.lower()
    if low.startswith(("<!doctype html", "<html")) or "<html" in low[:300]:
        if "location.assign" in low or "location.replace" in low:
            raise LawgoError(what, "the API sent a browser check page instead of data (it does this to some cloud "
                             "addresses)", retryable=True)
        raise LawgoError(what, "the API sent an HTML page instead of data (maintenance?)", retryable=True)
    if expect == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            cut = exc.pos >= len(text.rstrip())  # the parser ran out of text, not into a wrong character
            raise LawgoError(what, ("the JSON response was cut short" if cut else f"malformed JSON ({exc.msg} at "
                                    f"character {exc.pos})"), retryable=True) from None
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        # Cut short: the root element is never closed (where the parser stops says little: an unclosed CDATA
        # section is reported where it opened).
        root = re.search(r"<([^\s>/?!]+)", re.sub(r"^<\?xml[^>]*\?>", "", text).lstrip())
        cut = root is not None and not text.rstrip().endswith(f"</{root.group(1)}>")
        raise LawgoError(what, ("the XML response was cut short" if cut else f"malformed XML ({exc})"),
                         retryable=True) from None


def _rows_json(data: Any, root: str, row: str) -> list[dict[str, Any]]:
    inner = data.get(root) if isinstance(data, dict) else None
    if not isinstance(inner, dict):
        return []
    rows = inner.get(row) or []
    return [rows] if isinstance(rows, dict) else [r for r in rows if isinstance(r, dict)]


def parse_listing(parsed: Any, target: str, what: str) -> list[Listed]:
    """The rows of a lawSearch.do response (XML element or JSON value), as Listed versions."""
    admrul = target == "admrul"
    root, row = ("AdmRulSearch", "admrul") if admrul else ("LawSearch", "law")
    if isinstance(parsed, ET.Element):
        if parsed.tag != root:
            raise LawgoError(what, f"unexpected listing <{parsed.tag}> (expected <{root}>)")
        code = (parsed.findtext("resultCode") or "00").strip()
        if code != "00":
            raise LawgoError(what, f"the API answered result code {code} "
                                   f"({(parsed.findtext('resultMsg') or '').strip()})")
        rows = [{c.tag: (c.text or "").strip() for c in el} for el in parsed.findall(row)]
    else:
        if not (isinstance(parsed, dict) and root in parsed):
            raise LawgoError(what, f"unexpected listing (no {root} object)")
        rows = [{k: str(v).strip() for k, v in r.items()} for r in _rows_json(parsed, root, row)]
    out: list[Listed] = []
    for r in rows:
        if admrul:
            item = Listed(target, r.get("행정규칙일련번호", ""), r.get("행정규칙ID", ""), r.get("행정규칙명", ""),
                          _number(r.get("발령번호", "")), iso_date(r.get("발령일자", "")), iso_date(r.get("시행일자", "")),
                          r.get("현행연혁구분", ""), r.get("제개정구분명", ""))
        else:
            item = Listed(target, r.get("법령일련번호", ""), r.get("법령ID", ""),
                          re.sub(r"<[^>]+>", "", r.get("법령명한글", "")), _number(r.get("공포번호", "")),
                          iso_date(r.get("공포일자", "")), iso_date(r.get("시행일자", "")), r.get("현행연혁코드", ""),
                          r.get("제개정구분명", ""))
        if not item.mst or not item.number or not item.effective:
            raise LawgoError(what, "a listing row lacks its serial number, number or enforcement date (malformed "
                             "listing)")
        out.append(item)
    return out


def listing_total(parsed: Any, target: str) -> int:
    """totalCnt of a listing (0 where absent)."""
    root = "AdmRulSearch" if target == "admrul" else "LawSearch"
    if isinstance(parsed, ET.Element):
        raw = parsed.findtext("totalCnt") or "0"
    else:
        raw = str((parsed.get(root) or {}).get("totalCnt", "0")) if isinstance(parsed, dict) else "0"
    return int(raw) if raw.strip().isdigit() else 0


class LawgoClient:
    """GET requests to the configured DRF host with the key, a timeout, and retries with exponential backoff."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep) -> None:
        self.base = settings.lawgo_url.rstrip("/")
        self.oc = settings.lawgo_oc.strip()
        self.timeout = settings.lawgo_timeout
        self.retries = max(0, settings.lawgo_retries)
        self.backoff = max(0.0, settings.lawgo_backoff)
        self.sleep = sleep
        self.requests = 0  # sent, for reports and tests

    def url(self, endpoint: str, params: dict[str, str]) -> str:
        query = urllib.parse.urlencode({"OC": self.oc, **params})
        return f"{self.base}/{endpoint}?{query}"

    def get(self, endpoint: str, params: dict[str, str], what: str, expect: str = "xml") -> tuple[bytes, Any]:
        """The raw body and its parsed form; LawgoError after the retries are spent (or at once where retrying
        cannot help: no key, a rejected key, an unknown law, HTTP 4xx)."""
        if not self.oc:
            raise NoKeyError(what, "no Open API key: set KAIA_LAWGO_OC to your open.law.go.kr ID (the part of the "
                             "registered e-mail before @); nothing was sent")
        url = self.url(endpoint, params)
        attempt = 0
        while True:
            try:
                body = self._fetch(url, what)
                return body, classify_body(body, what, expect)
            except LawgoError as exc:
                if not exc.retryable or attempt >= self.retries:
                    if exc.retryable and attempt:
                        raise LawgoError(exc.what, f"{exc.cause} (gave up after {attempt + 1} attempts)") from None
                    raise
                delay = getattr(exc, "retry_after", None)
                self.sleep(min(MAX_DELAY, delay if delay is not None else self.backoff * 2 ** attempt))
                attempt += 1

    def _fetch(self, url: str, what: str) -> bytes:
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        self.requests += 1
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 - the configured API only
                return resp.read()
        except urllib.error.HTTPError as exc:
            retry = exc.code in RETRY_STATUSES
            err = LawgoError(what, f"HTTP {exc.code} {exc.reason} from {redact(url)}", retryable=retry)
            after = (exc.headers or {}).get("Retry-After", "") if exc.headers else ""
            if retry and str(after).strip().isdigit():
                err.retry_after = float(after)  # type: ignore[attr-defined]
            raise err from None
        except (TimeoutError, socket.timeout):
            raise LawgoError(what, f"no answer within {self.timeout:g} s from {redact(url)}", retryable=True) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise LawgoError(what, f"no answer within {self.timeout:g} s from {redact(url)}",
                                 retryable=True) from None
            raise LawgoError(what, f"cannot reach {self.base} ({reason})", retryable=True) from None
        except http.client.IncompleteRead:
            raise LawgoError(what, "the response was cut short (fewer bytes than announced)", retryable=True) from None
        except (ConnectionError, OSError, http.client.HTTPException) as exc:  # reset or cut mid-body
            raise LawgoError(what, f"the connection failed ({type(exc).__name__}: {exc})", retryable=True) from None

    # ------------------------------------------------------------------ the two endpoints

    def listing(self, target: str, params: dict[str, str], what: str) -> list[Listed]:
        """Every row of a lawSearch.do listing (XML), page by page."""
        rows: list[Listed] = []
        for page in range(1, MAX_PAGES + 1):
            _, parsed = self.get("lawSearch.do", {"target": target, "type": "XML", "display": "100",
                                                  "page": str(page), **params}, what)
            got = parse_listing(parsed, target, what)
            rows.extend(got)
            if len(got) < 100 or len(rows) >= listing_total(parsed, target):
                break
        return rows

    def text(self, params: dict[str, str], what: str, expect: str) -> bytes:
        """One text from lawService.do, classified (not parsed further: the readers of ingest/ do that)."""
        body, _ = self.get("lawService.do", params, what, expect)
        return body
