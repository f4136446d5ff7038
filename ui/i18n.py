"""The page's interface text in English and Korean: ui/i18n.toml read and checked, `t(key, lang)` for what the
server writes, `gr_i18n()` for Gradio's own client-side translation of static labels, and the language of a request.

One language choice drives both sides: the browser's language (or the page's visible switch, remembered in the
`kaia_lang` cookie) sets Gradio's locale on the client, and the server reads the same cookie or the request's
Accept-Language header. Endpoints therefore keep their inputs (the API contract does not change), and a client that
says nothing (gradio_client) gets English.
"""
from __future__ import annotations

import string
import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGS = ("en", "ko")
DEFAULT = "en"
COOKIE = "kaia_lang"
TABLE_FILE = Path(__file__).with_name("i18n.toml")


class I18nFileError(ValueError):
    """ui/i18n.toml breaks its schema: a key without both languages, an empty text, or mismatched placeholders."""


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def load(path: Path = TABLE_FILE) -> dict[str, dict[str, str]]:
    """The tables as {lang: {key: text}}; I18nFileError if any key lacks a language, is empty or if its two texts
    use different placeholders (a Korean text missing {n} would silently drop the number)."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for key, entry in raw.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGS):
            raise I18nFileError(f"{path.name}: [{key}] must have exactly {' and '.join(LANGS)}")
        for lang in LANGS:
            text = entry[lang]
            if not isinstance(text, str) or not text.strip():
                raise I18nFileError(f"{path.name}: [{key}] {lang} is empty")
            out[lang][key] = text
        if _fields(entry["en"]) != _fields(entry["ko"]):
            raise I18nFileError(f"{path.name}: [{key}] en and ko use different placeholders")
    return out


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, str]]:
    """The tables, read once per process."""
    return load()


def norm(lang: str | None) -> str:
    """A supported interface language: "ko" for any Korean tag ("ko", "ko-KR"), English otherwise."""
    return "ko" if (lang or "").strip().lower().split("-")[0].split("_")[0] == "ko" else DEFAULT


def t(key: str, lang: str | None = DEFAULT, /, **fields: Any) -> str:
    """The text of `key` in `lang` (English for anything but Korean), with its {placeholders} filled."""
    text = tables()[norm(lang)][key]
    return text.format(**fields) if fields else text


def fmt_date(iso: str | None, lang: str | None = DEFAULT) -> str:
    """An ISO date the way the language writes it: 2026-07-21, or 2026년 7월 21일; anything else unchanged."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return t("date", lang, y=d.year, m=d.month, d=d.day)


def error_text(exc: Exception, lang: str | None = DEFAULT) -> str:
    """An error about a user's file in the interface language: by its key where it has one (ParseError), else its
    own message."""
    key = getattr(exc, "key", None)
    if key and f"parse_{key}" in tables()[norm(lang)]:
        return t(f"parse_{key}", lang, **getattr(exc, "fields", {}))
    return str(exc)


def gr_i18n():  # noqa: ANN201 - a gr.I18n; gradio is imported late (it is slow to import, and reads env vars)
    """Gradio's translation tables: every text without placeholders (those are filled on the server only)."""
    import gradio as gr

    static = {lang: {k: v for k, v in tab.items() if "{" not in v and "}" not in v} for lang, tab in tables().items()}
    return gr.I18n(**static)


def accept_language(header: str | None) -> str:
    """The interface language an Accept-Language header asks for: the first supported tag by weight."""
    tags = []
    for i, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag:
            tags.append((-q, i, tag.strip()))
    for _, _, tag in sorted(tags):
        base = tag.lower().split("-")[0]
        if base in LANGS:
            return base
    return DEFAULT


def request_lang(request: Any) -> str:
    """The interface language of a page request: the visible switch's cookie, else Accept-Language, else English.
    `request` is a gr.Request (or None outside a page event)."""
    if request is None:
        return DEFAULT
    cookies = getattr(request, "cookies", None) or {}
    chosen = cookies.get(COOKIE) if hasattr(cookies, "get") else None
    if chosen in LANGS:
        return chosen
    headers = getattr(request, "headers", None) or {}
    return accept_language(headers.get("accept-language") if hasattr(headers, "get") else None)
