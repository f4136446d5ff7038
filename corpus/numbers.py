"""Numbers, amounts and dates in Korean and English legal text, normalized so the two can be compared.

"100억원" and "KRW 10 billion" both become "10000000000"; "2026년 1월 22일" and "January 22, 2026" both
become "2026-01-22"; "2분의 1" and "1/2" both become "1/2". Used to check that a translation keeps every
figure of its original, and that an answer sentence states only figures its quote contains.
"""
from __future__ import annotations

import re
from datetime import date

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
MONTH_RE = "|".join([m for m in _MONTHS] + [m[:3] for m in _MONTHS] + ["sept"])

_KO_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DOT_DATE = re.compile(r"(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_EN_DATE = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_EN_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)

# A month without a day ("2026년 3월", "March 2026") stands for its first day where a date is asked about.
_KO_YEAR_MONTH = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월(?!\s*\d{1,2}\s*일)")
_EN_MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)

_KO_MONTHDAY = re.compile(r"(?<!\d)(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_CAP_MONTH_RE = "|".join(m.capitalize() for m in MONTH_RE.split("|"))
# Month names are capitalized here so that "the Minister may 5 ..." is not read as a date.
_EN_MONTHDAY = re.compile(rf"\b({_CAP_MONTH_RE})\.?\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})")
_KO_UNIT = {"조": 10**12, "억": 10**8, "만": 10**4}
_KO_SMALL = {"천": 1000, "백": 100, "십": 10}
# 조 is also "Article" (제31조), so a 조 amount must be followed by 원 (won).
_KO_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(천|백|십)?\s*(?:(억|만)|(조)(?=\s*원))")
_KO_POWER = re.compile(r"(\d+)\s*의\s*(\d+)\s*승")
_KO_FRACTION = re.compile(r"(\d+)\s*분의\s*(\d+)")
_EN_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand)\b", re.I)
_EN_UNIT = {"trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3}
_EN_POWER = re.compile(r"(\d+)\s*\^\s*(\d+)")
_FRACTION = re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Phrases whose digit is not a figure of the provision ("1일 평균" = "a daily average").
_KO_IDIOMS = re.compile(r"1\s*일\s*평균")


def _num(s: str) -> str:
    s = s.replace(",", "")
    if "." in s:
        f = float(s)
        return str(int(f)) if f.is_integer() else repr(f)
    return str(int(s))


def _iso(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    for i, m in enumerate(_MONTHS, 1):
        if m.startswith(name[:3]):
            return i
    raise ValueError(name)


def date_spans(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, ISO date), in order; a month without a day counts as its first day."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []  # spans of fuller dates, valid or not ("31 February 2026" is no "February 2026")
    for pattern, parts in ((_KO_DATE, lambda m: m.groups()), (_DOT_DATE, lambda m: m.groups()),
                           (_ISO_DATE, lambda m: m.groups()),
                           (_EN_DATE, lambda m: (m[3], str(month_number(m[1])), m[2])),
                           (_EN_DATE_DMY, lambda m: (m[3], str(month_number(m[2])), m[1])),
                           (_KO_YEAR_MONTH, lambda m: (m[1], m[2], "1")),
                           (_EN_MONTH_YEAR, lambda m: (m[2], str(month_number(m[1])), "1"))):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            try:
                out.append((m.start(), m.end(), date(*map(int, parts(m))).isoformat()))
            except ValueError:
                continue
    return sorted(out)


def figures(text: str) -> set[str]:
    """All figures in `text` (Korean or English), normalized."""
    out: set[str] = set()

    def take(pattern: re.Pattern[str], fn) -> None:  # noqa: ANN001 - local helper
        nonlocal text
        def repl(m: re.Match[str]) -> str:
            out.add(fn(m))
            return " "
        text = pattern.sub(repl, text)

    text = _KO_IDIOMS.sub(" ", text)
    take(_KO_DATE, lambda m: _iso(*m.groups()))
    take(_DOT_DATE, lambda m: _iso(*m.groups()))
    take(_ISO_DATE, lambda m: _iso(*m.groups()))
    take(_EN_DATE, lambda m: _iso(m.group(3), str(month_number(m.group(1))), m.group(2)))
    take(_EN_DATE_DMY, lambda m: _iso(m.group(3), str(month_number(m.group(2))), m.group(1)))
    take(_KO_MONTHDAY, lambda m: f"{int(m.group(1)):02d}-{int(m.group(2)):02d}")
    take(_EN_MONTHDAY, lambda m: f"{month_number(m.group(1)):02d}-{int(m.group(2)):02d}")
    take(_KO_POWER, lambda m: f"{int(m.group(1))}^{int(m.group(2))}")
    take(_EN_POWER, lambda m: f"{int(m.group(1))}^{int(m.group(2))}")
    take(_KO_FRACTION, lambda m: f"{int(m.group(2))}/{int(m.group(1))}")
    take(_FRACTION, lambda m: f"{int(m.group(1))}/{int(m.group(2))}")

    def ko_amount(m: re.Match[str]) -> str:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= _KO_SMALL[m.group(2)]
        value *= _KO_UNIT[m.group(3) or m.group(4)]
        return _num(str(int(round(value))))

    take(_KO_AMOUNT, ko_amount)
    take(_EN_AMOUNT, lambda m: _num(str(int(round(float(m.group(1).replace(",", "")) * _EN_UNIT[m.group(2).lower()])))))
    for m in _NUMBER.finditer(text):
        out.add(_num(m.group(0)))
    return out


def missing_figures(original: str, rendering: str) -> set[str]:
    """Figures of `original` that `rendering` lacks."""
    return figures(original) - figures(rendering)
