"""Numbers, amounts and dates in Korean and English legal text, normalized so the two can be compared.

"100억원" and "KRW 10 billion" both become "10000000000"; "2026년 1월 22일" and "January 22, 2026" both
become "2026-01-22"; "2분의 1" and "1/2" both become "1/2". Used to check that a translation keeps every
figure of its original, and that an answer sentence states only figures its quote contains.
"""
from __future__ import annotations

import calendar
import math
import re
from datetime import date

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
MONTH_RE = "|".join([m for m in _MONTHS] + [m[:3] for m in _MONTHS] + ["sept"])

_KO_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DOT_DATE = re.compile(r"(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "14.10.2029": day, month and year with dots, as much of Europe writes them (month first where the day cannot be one)
_DMY_DOT_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
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


def _dmy(m: re.Match[str]) -> tuple[str, str, str]:
    """Year, month and day of a dotted day-month-year date ("14.10.2029"; "10.14.2029" read month first)."""
    day, month = (m[1], m[2]) if int(m[2]) <= 12 else (m[2], m[1])
    return m[3], month, day


def date_spans(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, ISO date), in order; a month without a day counts as its first day."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []  # spans of fuller dates, valid or not ("31 February 2026" is no "February 2026")
    for pattern, parts in ((_KO_DATE, lambda m: m.groups()), (_DOT_DATE, lambda m: m.groups()),
                           (_ISO_DATE, lambda m: m.groups()), (_DMY_DOT_DATE, _dmy),
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


def relative_date_spans(text: str, today: date, years: dict[str, int]) -> list[tuple[int, int, str]]:
    """Every month named by its year counted from `today` ("작년 12월", "지난해(2025년) 11월 3일", "last December",
    "March next year") as (start, end, ISO date), a month without a day as its first; `years` gives each word's
    distance in years. A year written beside the words is the one read."""
    ko = [w for w in years if not w.isascii()]
    en = [w for w in years if w.isascii()]
    out = []
    patterns = []
    if ko:
        patterns.append((re.compile(rf"({'|'.join(map(re.escape, ko))})\s*(?:\(\s*(\d{{4}})\s*년?\s*\)\s*)?"
                                    rf"(\d{{1,2}})\s*월(?:\s*(\d{{1,2}})\s*일)?"), lambda m: (m[1], m[2], m[3], m[4])))
    if en:
        words = "|".join(map(re.escape, en))
        # (a month's name capitalized: "this may be" names no month)
        patterns.append((re.compile(rf"\b((?i:{words}))\s+({_CAP_MONTH_RE})\b\.?"),
                         lambda m: (m[1].lower(), None, str(month_number(m[2])), None)))
        patterns.append((re.compile(rf"\b({_CAP_MONTH_RE})\.?\s+(?:of\s+)?((?i:{words}))\s+year\b"),
                         lambda m: (m[2].lower(), None, str(month_number(m[1])), None)))
    for pattern, parts in patterns:
        for m in pattern.finditer(text):
            word, year, month, day = parts(m)
            try:
                when = date(int(year) if year else today.year + years[word], int(month), int(day or 1))
            except ValueError:
                continue
            out.append((m.start(), m.end(), when.isoformat()))
    return sorted(out)


def day_range(text: str) -> tuple[int, int] | None:
    """Fewest and most days from the first to the last date `text` names with its year, a month without a day
    standing for any of its days ("fined in February 2027, caught again in June 2029" → 824–880). None for fewer
    than two dates or a last date before the first."""
    found = []
    months = _month_spans(text)
    for start, end, iso in date_spans(text):
        d = date.fromisoformat(iso)
        last = d.replace(day=calendar.monthrange(d.year, d.month)[1]) if (start, end) in months else d
        found.append((d, last))
    if len(found) < 2 or found[-1][1] < found[0][0]:
        return None
    (a0, a1), (b0, b1) = found[0], found[-1]
    return max(0, (b0 - a1).days), (b1 - a0).days


def month_only(text: str, iso: str | None) -> bool:
    """Whether `iso` is a date `text` names by its month alone ("in January 2026", "2026년 1월"), without a day."""
    if not iso:
        return False
    return any((a, b) in _month_spans(text) for a, b, d in date_spans(text) if d == iso)


def _month_spans(text: str) -> set[tuple[int, int]]:
    """Spans of the dates `text` names by year and month without a day."""
    return {(m.start(), m.end()) for p in (_KO_YEAR_MONTH, _EN_MONTH_YEAR) for m in p.finditer(text)}


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
    take(_DMY_DOT_DATE, lambda m: _iso(*_dmy(m)))
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


# ----------------------------------------------------------------------------- quantities people state

# "1조 2천억 원", "약 80억", "120만 명", "1.2 million", "1.2M", "KRW 15 billion", "$2B", "10^26", "3×10^25", "1e26",
# "10의 26승", "1,200,000": a value and, where stated, its currency.
_KO_COMPOSITE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(천|백|십)?\s*(조|억|만)"
                           r"(?:\s*(\d[\d,]*(?:\.\d+)?)\s*(천|백|십)?\s*(억|만))?"
                           r"(?:\s*(\d[\d,]*(?:\.\d+)?)\s*(천|백|십)?\s*(만))?")
_KO_THOUSANDS = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(천|백)(?!\s*(?:\d|억|만|조))")
_EN_SCALE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|tn|bn|[tbmk])(?![a-z])", re.I)
_SCI = re.compile(r"(?:(\d+(?:\.\d+)?)\s*[x×*]\s*)?10\s*(?:\^|\*\*)\s*(\d+)|(\d+(?:\.\d+)?)e\+?(\d+)\b|10\s*의\s*(\d+)\s*승"
                  r"|10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", re.I)
_PLAIN = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?(?![\d])")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SCALE_EN = {"trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "m": 1e6,
             "thousand": 1e3, "k": 1e3}
_WON = re.compile(r"^\s*(원|won\b|krw\b)|(krw|₩|won)\s*$", re.I)
_FOREIGN_MONEY = re.compile(r"^\s*(달러|dollars?\b|usd\b|euros?\b|eur\b|엔|yen\b|위안|크로네|크로나|프랑|파운드|루피|바트|페소|링깃|"
                            r"(kroner|krone|kronor|krona|francs?|pounds?|rupees?|baht|pesos?|ringgit|yuan|rmb|nok|sek|dkk|chf|gbp|"
                            r"inr|thb|myr|sgd|aud|cad|hkd|twd|cny|jpy)\b)|(\$|€|£|¥|usd|eur)\s*$", re.I)


def _f(s: str) -> float:
    return float(s.replace(",", ""))


def quantities(text: str) -> list[tuple[int, int, float, str]]:
    """Quantities stated in `text` as (start, end, value, currency), currency "KRW", "foreign" or "".

    Korean composites are read whole ("1조 2천억 원" = 1.2e12), scientific notation as powers of ten."""
    out: list[tuple[int, int, float, str]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, value: float) -> None:
        before, after = text[max(0, a - 6):a], text[b:b + 8]
        cur = "KRW" if (_WON.search(after) or _WON.search(before)) else \
            "foreign" if (_FOREIGN_MONEY.search(after) or _FOREIGN_MONEY.search(before)) else ""
        out.append((a, b, value, cur))
        taken.append((a, b))

    for m in _SCI.finditer(text):
        if m.group(2):
            value = (_f(m.group(1)) if m.group(1) else 1.0) * 10 ** int(m.group(2))
        elif m.group(4):
            value = _f(m.group(3)) * 10 ** int(m.group(4))
        elif m.group(5):
            value = 10.0 ** int(m.group(5))
        else:
            value = 10.0 ** int(m.group(6).translate(_SUPERSCRIPT))
        add(m.start(), m.end(), value)
    for m in _KO_COMPOSITE.finditer(text):
        if not free(m.start(), m.end()) or (m.group(3) == "조" and (text[max(0, m.start() - 1):m.start()] == "제"
                                                                  or re.match(r"\s*(의|제|항)", text[m.end():]))):
            continue  # 제31조 is an article, not an amount
        value = 0.0
        for num, small, unit in ((m.group(1), m.group(2), m.group(3)), (m.group(4), m.group(5), m.group(6)),
                                 (m.group(7), m.group(8), m.group(9))):
            if num:
                value += _f(num) * (_KO_SMALL[small] if small else 1) * _KO_UNIT[unit]
        add(m.start(), m.end(), value)
    for m in _KO_THOUSANDS.finditer(text):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), _f(m.group(1)) * _KO_SMALL[m.group(2)])
    for m in _EN_SCALE.finditer(text):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), _f(m.group(1)) * _SCALE_EN[m.group(2).lower()])
    for m in _PLAIN.finditer(text):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), _f(m.group(0)))
    return sorted(out)


_EN_DAYMONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_CAP_MONTH_RE})\b")


# Words joining the two ends of a range ("8×10^25에서 1.3×10^26까지", "between 0.8 and 1.3 ×10^26", "900k–1.1m"); "and"
# joins them only after "between" ("5 billion and 2 billion" may be two figures).
_BARE = re.compile(r"\d+(?:\.\d+)?")
# ("between KRW 500 billion and KRW 1.5 trillion": a currency word may stand beside the join and after "between")
_MONEY_WORD = r"(?:\b(?:krw|won|usd|eur|jpy|cny|gbp)\b|[₩$€£¥])"
_RANGE_JOIN = re.compile(rf"\s*(?:{_MONEY_WORD}\s*)?(~|-|–|—|to|and|or|에서|부터|내지|~에서)\s*(?:{_MONEY_WORD}\s*)?", re.I)
_BETWEEN = re.compile(rf"between\s*(about |around |roughly )?(?:{_MONEY_WORD}\s*)?$", re.I)
# A figure given as a ceiling ("under USD 20 million", "100만 명 미만", "2조 원이 안 되는", "a tiny fraction of 10^26"): it
# says only that the true figure lies between nothing and it.
_UPPER_BEFORE = re.compile(r"\b(under|below|less than|fewer than|at most|up to|no more than|not even|not quite|"
                           r"just under|short of|(an?\s+)?(tiny\s+|small\s+|mere\s+)?fraction\s+of)\s*"
                           r"(about |around |roughly |approximately |some )?"
                           r"(krw|usd|eur|us\$|\$|€|£|₩)?\s*$", re.I)
_UPPER_AFTER = re.compile(r"^\s*(원|명|달러|won|krw|usd|dollars?|users?|people)?\s*(미만|이하|(이|가|도|은|는)?\s*(채\s*)?안\s*(되|돼|됩|된)|"
                          r"(에|은|는|엔|에는)\s*(한참|훨씬|많이|크게|아직|조금|살짝)?\s*(못|안)\s*미(치|쳐|칩|친|쳤)|에\s*미달)", re.I)
# the ceiling words that let the figure itself be reached
_INCLUSIVE = re.compile(r"\b(at most|up to|no more than)\b|이하", re.I)
# A figure named as the law's line, not the asker's own ("Do we cross the KRW 1 trillion revenue line?", "100만 명
# 기준을 넘나요?")
_THRESHOLD_AFTER = re.compile(r"^\s*(원|명|won|krw|users?|people)?\s*(([\w-]+\s+){0,2}(line|threshold|mark|cut-?off|bar)\b"
                              r"|(기준선|기준(을|에|이|은|치)|문턱|요건))", re.I)
# A unit of time right after a figure ("10~12월", "4분기", "1일"): the figure counts months or days, not people.
_TIME_UNIT = re.compile(r"\s*(월|분기|년|개월|주차|시|일|\s*(months?|quarters?|years?)\b)", re.I)


def range_end(text: str, qs: list[tuple[int, int, float, str]], qa: int, qb: int, value: float,
              cur: str) -> tuple[int, int, float, str] | None:
    """The other end of a range the figure at text[qa:qb] (one of `qs`, from `quantities`) is one end of: a figure
    of the same currency and order of magnitude joined to it by a range word (or, after a bare figure, one of a larger
    scale whose scale it shares; `scaled` gives its value)."""
    bare = _BARE.fullmatch(text[qa:qb]) is not None
    for q in qs:
        lo, hi = (q, (qa, qb)) if q[1] <= qa else ((qa, qb), q)
        # ("between 0.9 and 1.1 million": a bare first end shares the scale of the second, found from either end)
        shared = (bare and q[0] >= qb and q[2] > value * 100) or (
            q[1] <= qa and value > q[2] * 100 and _BARE.fullmatch(text[q[0]:q[1]]) is not None)
        # ("between KRW 500 billion and 1.5 trillion": the currency said once stands for both ends)
        if q[:2] == (qa, qb) or (q[3] != cur and "" not in (q[3], cur)) or not (
                value / 100 <= q[2] <= value * 100 or shared):
            continue
        join = _RANGE_JOIN.fullmatch(text[lo[1]:hi[0]])
        if join and (join.group(1).lower() != "and" or _BETWEEN.search(text[max(0, lo[0] - 24):lo[0]])):
            return q
    return None


def scaled(value: float, other: float) -> float:
    """A bare range end read at the scale of the other end ("0.9" beside "1.1 million" → 900,000)."""
    return value * 10 ** round(math.log10(other / value)) if 0 < value and other > value * 100 else value


def upper_bound(text: str, start: int, end: int, value: float) -> float | None:
    """The most the figure `value` at text[start:end] allows where it is said to be a ceiling: itself where it may
    be reached ("up to 2 million", "1조 원 이하"), just below it where it may not ("under 2 million", "1조 원 미만",
    "1조원에 못 미쳐요"); None where it is no ceiling."""
    before = _UPPER_BEFORE.search(text[max(0, start - 30):start])
    after = _UPPER_AFTER.match(text[end:end + 24])
    if not (before or after):
        return None
    reached = _INCLUSIVE.search((before or after).group(0))
    return value if reached else math.nextafter(value, 0.0)


def names_threshold(text: str, end: int) -> bool:
    """Whether the figure ending at `end` is named as a threshold ("the KRW 1 trillion revenue line")."""
    return bool(_THRESHOLD_AFTER.match(text[end:end + 30]))


def unit_follows(text: str, end: int) -> bool:
    """Whether a unit of time follows the figure ending at `end` ("10~12월", "4분기", "1일")."""
    return bool(_TIME_UNIT.match(text, end))


def days_between(text: str, year: int) -> int | None:
    """Days from the first to the last date `text` names ("filed on 2 March; today is 10 April" → 39); a date without
    a year takes `year`, and a later date that would fall before the first is read in the next year. None for fewer
    than two dates."""
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for start, end, iso in date_spans(text):
        if iso[-2:] == "01" and not re.search(r"\d\s*일|\d{1,2}(st|nd|rd|th)?\s|\b\d{1,2},", text[start:end]):
            continue  # a month without a day ("March 2026") is no day to count from
        found.append((start, date.fromisoformat(iso)))
        taken.append((start, end))
    for pattern, order in ((_KO_MONTHDAY, (1, 2)), (_EN_MONTHDAY, (1, 2)), (_EN_DAYMONTH, (2, 1))):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            month, day = m.group(order[0]), m.group(order[1])
            try:
                found.append((m.start(), date(year, month_number(month) if not month.isdigit() else int(month),
                                              int(day))))
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
    found.sort()
    if len({d for _, d in found}) < 2:
        return None
    first, last = found[0][1], found[-1][1]
    if last < first and last.replace(year=last.year + 1) >= first:
        last = last.replace(year=last.year + 1)
    return (last - first).days
