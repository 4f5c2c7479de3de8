"""Time: find temporal expressions and normalise them to TimeML values.

Rules, in the manner of HeidelTime, but anchored on two clocks: the document
creation time (DCT) for deictic expressions ("yesterday", "last year", "on
Tuesday"), and the *narrative time* — the last explicitly dated moment — for
expressions that follow the story into the past ("in 1990, the night of January
19 to 20 ... The next day, on January 21" stays in 1990). Anchors to the past
("34 years have passed since", "the 29th anniversary of") are kept so that a
missing publication date can be inferred from them (see `infer_publication_year`).

`tag(text, dct)` is pure: one text and its creation time in, typed timexes out.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from . import datafiles
from .models import Timex

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"

MONTHS = {m: i for i, ms in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")], start=1) for m in ms}
WEEKDAYS = {d: i for i, ds in enumerate([("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
                                         ("thursday", "thu", "thur", "thurs"), ("friday", "fri"),
                                         ("saturday", "sat"), ("sunday", "sun")]) for d in ds}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(_TENS) if w})
for _t in range(2, 10):
    for _o in range(1, 10):
        NUMBER_WORDS[f"{_TENS[_t]}-{_ONES[_o]}"] = NUMBER_WORDS[f"{_TENS[_t]} {_ONES[_o]}"] = 10 * _t + _o
NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
                     "a couple of": 2, "a pair of": 2})
ORDINALS = {w: i for i, w in enumerate(["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                                        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                                        "twentieth"])}
ORDINALS.update({"twenty-first": 21, "twenty-second": 22, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "hundredth": 100})
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
         "decade": "DE", "century": "CE", "quarter": "Q", "weekend": "WE", "night": "D", "fortnight": "W"}
_TIME_UNITS = {"second", "minute", "hour"}

_MONTH_RX = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_DAY_RX = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RX = r"(?:1[5-9]\d\d|20\d\d)"
_WEEKDAY_RX = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_WORD_RX = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUM_RX = rf"(?:\d+(?:\.\d+)?|{_NUM_WORD_RX})"
_VAGUE_RX = r"(?:several|a few|a number of|many|few)"
_UNIT_RX = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?|weekends?|fortnights?)"
_PART_RX = r"(?:morning|afternoon|evening|night)"
_ORD_RX = r"(?:\d+(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


@dataclass(frozen=True)
class PastAnchor:
    """A phrase that measures time back to an event: "34 years have passed since", "the 29th anniversary of"."""

    start: int
    end: int
    text: str
    years: int
    kind: str  # passed_since | anniversary | years_ago | for_years


@dataclass
class Ref:
    """A point in time known to some granularity (year, month or day)."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Ref | None:
        match = re.match(r"^(BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
        if not match:
            return None
        era, year, month, day = match.groups()
        return cls(-int(year) if era else int(year), int(month) if month else None, int(day) if day else None)

    def iso(self) -> str:
        """TimeML's value: "1990-01-20", "1990-01", "1990"; a year before the common era is negative
        here and written "BC0490" (490 BC, as TIMEX2 and TimeML write it)."""
        if self.year is None:
            return "XXXX"
        year = f"BC{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.year and self.year > 0 and self.month and self.day else None


def number(text: str) -> float | None:
    text = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return NUMBER_WORDS.get(text)


def ordinal(text: str) -> int | None:
    text = text.lower()
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", text):
        return int(text[:-2])
    return ORDINALS.get(text)


def _unit(word: str) -> str:
    word = word.lower().rstrip("s") if not word.lower().startswith("centur") else "century"
    return "fortnight" if word == "fortnight" else word


def duration_value(amount: float | None, unit: str) -> str:
    """P34Y, PT24H, P1.5Y; X for a vague amount (PXY)."""
    code = UNITS[unit]
    if unit == "fortnight":
        amount, code = (amount or 0) * 2 if amount is not None else None, "W"
    if unit == "century":
        amount, code = (amount * 100 if amount is not None else None), "Y"
    if unit == "decade":
        amount, code = (amount * 10 if amount is not None else None), "Y"
    if amount is not None and not float(amount).is_integer() and unit in _SMALLER:
        whole, (smaller, per) = int(amount), _SMALLER[unit]  # "2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S
        rest = f"{round((amount - whole) * per)}{smaller}"
        head = f"{whole}{code}" if whole else ""
        return (f"PT{head}{rest}" if unit in _TIME_UNITS else
                f"P{head}{'T' if smaller in ('H',) else ''}{rest}")
    shown = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    return f"PT{shown}{code}" if unit in _TIME_UNITS else f"P{shown}{code}"


_SMALLER = {"year": ("M", 12), "month": ("D", 30), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}


# ---------------------------------------------------------------------------
# Rules: (name, pattern). Longer matches win over shorter ones at the same place.
_RULES: list[tuple[str, str]] = [
    ("iso_date", rf"\b(?P<y>{_YEAR_RX})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:[T ](?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?\b"),
    ("night_of_range", rf"\b(?:the\s+)?night\s+of\s+(?P<mon>{_MONTH_RX})\s+(?P<d1>{_DAY_RX})\s*(?:to|-|–|and)\s*(?P<d2>{_DAY_RX})(?:,?\s+(?P<y>{_YEAR_RX}))?\b"),
    ("night_of_range_dm", rf"\b(?:the\s+)?night\s+of\s+(?P<d1>{_DAY_RX})\s*(?:to|-|–|and)\s*(?P<d2>{_DAY_RX})\s+(?P<mon>{_MONTH_RX})(?:,?\s+(?P<y>{_YEAR_RX}))?\b"),
    ("part_of_date", rf"\b(?:the\s+)?(?P<part>{_PART_RX})\s+of\s+(?P<mon>{_MONTH_RX})\s+(?P<d>{_DAY_RX})(?:,?\s+(?P<y>{_YEAR_RX}))?\b"),
    ("month_day_year", rf"\b(?:(?P<wd>{_WEEKDAY_RX}),?\s+)?(?P<mon>{_MONTH_RX})\s+(?P<d>{_DAY_RX})(?:\s*,\s*|\s+)(?P<y>{_YEAR_RX})\b"),
    ("day_month_year", rf"\b(?:(?P<wd>{_WEEKDAY_RX}),?\s+)?(?:the\s+)?(?P<d>{_DAY_RX})\s+(?:of\s+)?(?P<mon>{_MONTH_RX})(?:\s*,\s*|\s+)(?P<y>{_YEAR_RX})\b"),
    ("month_day", rf"\b(?:(?P<wd>{_WEEKDAY_RX}),?\s+)?(?P<mon>{_MONTH_RX})\s+(?P<d>{_DAY_RX})\b(?!\s*(?:,\s*)?\d)"),
    ("day_month", rf"\b(?:(?P<wd>{_WEEKDAY_RX}),?\s+)?(?:the\s+)?(?P<d>{_DAY_RX})\s+(?:of\s+)?(?P<mon>{_MONTH_RX})\b(?!\s*(?:,\s*)?\d)"),
    # each day of a range is a date, as TimeML marks it: "April 13-15" (the 15th), "6-7 February 1920" (the 6th)
    ("day_range_end", rf"(?<=\d[-–])(?P<d>{_DAY_RX})(?:,?\s+(?P<y>{_YEAR_RX}))?\b(?!\s*(?:,\s*)?\d)(?![-–])"),
    ("day_range_start", rf"\b(?P<d>{_DAY_RX})(?=[-–]{_DAY_RX}\s+(?:of\s+)?(?P<mon>{_MONTH_RX})(?:,?\s+(?P<y>{_YEAR_RX}))?\b)"),
    ("month_year", rf"\b(?:(?:early|late|mid)[\s-]+)?(?P<mon>{_MONTH_RX})(?:\s+of)?,?\s+(?P<y>{_YEAR_RX})\b"),
    ("season_year", r"\b(?:(?P<rel>this|last|next|early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>" + _YEAR_RX + r"))?\b"),
    ("quarter", r"\b(?:(?P<ry>this|last|next)\s+year's\s+|the\s+(?P<yq>" + _YEAR_RX + r")\s+|the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?P<y>" + _YEAR_RX + r"|this year|last year|next year))?\b"),
    ("half_year", r"\b(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?P<y>" + _YEAR_RX + r"|the year|this year|last year|next year)\b"),
    ("decade", r"\b(?:the\s+)?(?:(?P<pos>early|late|mid)[\s-]+)?(?P<dec>1[5-9]\d0|20[0-9]0)'?s\b"),
    ("decade_short", r"\b(?:the\s+)?'(?P<dec2>[2-9]0)s\b"),
    ("century", r"\b(?:the\s+)?(?P<c>" + _ORD_RX + r")\s+century\b"),
    ("month_rel_year", rf"\b(?P<mon>{_MONTH_RX})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
    ("month_alone", r"\b(?:(?P<rel>last|this|next|early|late|mid|in|since|until|by)[\s-]+)?(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?!\s*\d)(?!\w)"),
    ("report_quarter", r"\bthe\s+(?P<which>latest|current|recent|most\s+recent|same|year-ago|year-earlier|previous|prior|fiscal|just-ended|latest\s+fiscal)?\s*(?:fiscal\s+)?(?P<u>quarter|period)\b"),
    ("year_ago_adj", r"\b(?P<w>year-ago|year-earlier)\b"),
    ("the_year", r"\bthe\s+(?:full\s+|fiscal\s+|current\s+|calendar\s+)?year\b(?!\s+(?:before|after|earlier|later|ago|and|of|in)\b)"),
    ("year_end", r"\b(?:the\s+)?(?:year-end|end\s+of\s+the\s+year)\b"),
    # the story's own month: "by the end of the month"
    ("month_end", r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+month\b"),
    ("weekend", r"\b(?P<rel>the|this|last|next)\s+weekend\b"),
    ("the_week", r"\bthe\s+week\b(?!\s+(?:before|after|of|earlier|later)\b)"),
    ("recent_period", r"\brecent\s+(?P<u>years|months|weeks|days|decades)\b"),
    ("spelled_year", r"\b(?:the\s+year\s+)?(?P<sy>nineteen(?:\s+hundred(?:\s+and)?)?\s+(?:" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if w[0].isalpha() and NUMBER_WORDS[w] < 100 and NUMBER_WORDS[w] >= 10), key=len, reverse=True)) + r")|two\s+thousand(?:\s+(?:and\s+)?(?:" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if w[0].isalpha() and 1 <= NUMBER_WORDS[w] < 100 and w not in ("a", "an")), key=len, reverse=True)) + r"))?)\b"),
    ("clock_weekday", rf"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)\s+(?:on\s+)?(?P<wd>{_WEEKDAY_RX})\b"),
    # a 24-hour time and its day, one expression: "15:00 GMT Saturday", "1930 GMT on Thursday"
    ("clock24_weekday", rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?-i:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|ET)?\s+(?:on\s+)?(?P<wd>{_WEEKDAY_RX})\b"),
    ("clockzone_weekday", rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?-i:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|ET)\s+(?:on\s+)?(?P<wd>{_WEEKDAY_RX})\b"),
    ("noon_weekday", rf"\b(?P<nm>noon|midnight|midday)\s+(?:on\s+)?(?P<wd>{_WEEKDAY_RX})\b"),
    ("holiday", r"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Easter(?:\s+Sunday)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Halloween|Valentine's\s+Day)\b"),
    # "1930 GMT", "at 0600 EDT": a clock time, not the year 1930 (zones: annalist/data/not_dates_en.toml)
    ("clock_zone", r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?-i:" + "|".join(
        re.escape(z) for z in sorted(datafiles.load("not_dates_en.toml")["time_zones"], key=len, reverse=True)) + r")\b"),
    # a live blog's entry stamp at the start of a line: "2048 : Protesters gathered ..."
    ("clock_stamp", r"(?m)^\s*(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?=\s*:(?!\d))"),
    # A year, and each year of a range ("1911-1913", "2007-08": TimeML marks both ends); what a year-shaped
    # number counts or names instead ("2000 troops", "the 1500 block") is in annalist/data/not_dates_en.toml.
    # A year of an era: "490 BC", "March 490 B.C.", "AD 43", "43 CE" (histories; TimeML writes BC0490).
    ("era_year", rf"\b(?:(?P<mon>{_MONTH_RX})\s+)?(?:(?P<y>\d{{1,4}})\s*(?P<era>BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE)"
                 rf"|(?P<era2>AD|A\.D\.)\s*(?P<y2>\d{{1,4}}))(?![\w])"),
    ("year_in", rf"(?<![\w$£€.,-])(?P<y>{_YEAR_RX})(?!\d|[\w%,.]\d|\s*(?:%|percent|per cent)|-(?!(?:{_YEAR_RX}|\d\d)(?!\d))\d)"),
    ("year_range_end", rf"(?<=\b{_YEAR_RX}[-–])(?P<y>{_YEAR_RX}|\d\d)(?![\w-])"),
    ("year_part", rf"\b(?:mid|early|late)-(?P<y>{_YEAR_RX})\b"),
    ("decade_words", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("fiscal_year", rf"\bfiscal\s+(?P<y>{_YEAR_RX})\b"),
    # deictic, resolved against the DCT
    ("today", r"\b(?:today|this\s+day)\b"),
    ("tonight", r"\btonight\b"),
    ("yesterday", rf"\b(?:the\s+day\s+before\s+)?yesterday(?:\s+(?P<part>{_PART_RX}))?\b"),
    ("tomorrow", rf"\b(?:the\s+day\s+after\s+)?tomorrow(?:\s+(?P<part>{_PART_RX}))?\b"),
    ("this_part", rf"\b(?:this|early\s+this|late\s+this)\s+(?P<part>{_PART_RX})\b"),
    ("last_night", r"\blast\s+night\b"),
    ("present", r"\b(?:now|currently|current|nowadays|at\s+present|at\s+the\s+moment|the\s+present|these\s+days|right\s+now)\b"),
    # TimeBank/AQUAINT mark "recently" 12 times in 20, "previously" 3 in 23, "the past" 4 in 30: only the first counts
    ("past_ref", r"\brecently\b"),
    ("future_ref", r"\b(?:the\s+future|in\s+the\s+coming\s+(?:days|weeks|months|years))\b"),
    ("relative_period", r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|next|past|previous|coming|current|the\s+same)\s+(?P<u>week|month|year|decade|weekend|quarter|century)\b"),
    ("weekday", rf"\b(?:(?P<rel>last|next|this|on|coming|past)\s+)?(?P<wd>{_WEEKDAY_RX})(?:\s+(?P<part>{_PART_RX}))?\b"),
    ("ago", rf"\b(?:(?:nearly|almost|about|around|some|more\s+than|over|at\s+least|roughly|just)\s+)?(?P<n>{_NUM_RX}|{_VAGUE_RX})(?:\s+and\s+a\s+half)?\s+(?P<u>{_UNIT_RX})\s+ago\b"),
    ("ago_article", rf"\b(?:a|an|one)\s+(?P<u>{_UNIT_RX})(?P<half>\s+and\s+a\s+half)?\s+ago\b"),
    ("later", rf"\b(?P<n>{_NUM_RX}|a|an)\s+(?P<u>{_UNIT_RX})(?P<half>\s+and\s+a\s+half)?\s+(?P<dir>later|earlier|afterwards?)\b"),
    ("next_day", r"\b(?:the|that)\s+(?P<dir>next|following|previous|preceding|same)\s+(?P<u>day|morning|evening|night|week|month|year|weekend)\b"),
    ("day_after", r"\bthe\s+(?P<u>day|morning|evening|night)\s+(?P<dir>after|before)\b"),
    ("morning_following", r"\b(?:on\s+)?the\s+(?P<u>morning|day|evening)\s+(?P<dir>following|after)(?=\s+the\b)"),
    # durations and sets
    ("duration", rf"\b(?:(?:the|a)\s+(?:(?:past|last|next|first|coming|previous)\s+)?)?(?:(?:almost|nearly|about|around|more\s+than|over|some|at\s+least)\s+)?(?P<n>{_NUM_RX}|{_VAGUE_RX})(?P<half>\s+and\s+a\s+half|\s+1/2)?[\s-]+(?P<u>{_UNIT_RX})(?P<old>[\s-]+old)?\b"),
    ("duration_article", r"\b(?:(?:the|a)\s+(?:past|last|next|first|coming|previous)\s+)?(?:a|an|one)\s+(?P<u>second|minute|hour|day|week|month|year|decade|century|fortnight)(?P<half>\s+and\s+a\s+half)?\b"),
    ("duration_plain", r"\b(?:for|over|in|within)\s+(?P<u>years|months|decades|weeks|days|hours|centuries)\b"),
    ("set_every", rf"\b(?:every|each|per)\s+(?P<n>{_NUM_RX}\s+)?(?P<u>second|minute|hour|day|week|month|year|weekend|{_WEEKDAY_RX}|morning|evening|night)s?\b"),
    ("set_adverb", r"\b(?P<adv>daily|weekly|monthly|hourly|nightly|annually)\b"),
    ("clock", r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?=\W|$)"),
    ("clock_24", r"\b(?:at\s+)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!\d)(?:\s*(?:GMT|UTC|local time))?"),
    ("noon", r"\b(?P<nm>noon|midnight|midday)\b"),
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _RULES]

# A word every match of a rule contains. A rule runs only in windows around the
# occurrences of its words: ~55 rules scanning whole articles made tagging ~40 ms a page.
_MONTH_WORDS = set(MONTHS) | {"sept"}
_UNIT_WORDS = {w + s for w in ("second", "minute", "hour", "day", "week", "month", "year", "decade", "quarter",
                               "weekend", "fortnight", "night") for s in ("", "s")} | {"century", "centuries"}
_DAY_PARTS = {"morning", "afternoon", "evening", "night", "tonight"}
_RULE_WORDS = {
    "night_of_range": {"night"}, "night_of_range_dm": {"night"}, "part_of_date": _MONTH_WORDS,
    "month_day_year": _MONTH_WORDS, "day_month_year": _MONTH_WORDS, "month_day": _MONTH_WORDS,
    "day_month": _MONTH_WORDS, "month_year": _MONTH_WORDS, "month_rel_year": _MONTH_WORDS,
    "month_alone": _MONTH_WORDS, "season_year": {"spring", "summer", "autumn", "fall", "winter"},
    "quarter": {"quarter"}, "half_year": {"half"}, "century": {"century"}, "fiscal_year": {"fiscal"}, "day_range_end": _MONTH_WORDS, "day_range_start": _MONTH_WORDS,
    "spelled_year": {"nineteen", "thousand"}, "era_year": {"bc", "bce", "b", "ad", "a", "ce"}, "year_part": {"mid", "early", "late"},
    "decade_words": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}, "today": {"today", "day"}, "tonight": {"tonight"},
    "yesterday": {"yesterday"}, "tomorrow": {"tomorrow"}, "this_part": _DAY_PARTS, "last_night": {"night"},
    "present": {"now", "currently", "current", "nowadays", "present", "moment", "days"},
    "past_ref": {"recently", "past", "previously", "formerly", "once"},
    "future_ref": {"future", "soon", "coming"}, "relative_period": _UNIT_WORDS, "weekday": set(WEEKDAYS),
    "clock_weekday": set(WEEKDAYS), "clock24_weekday": set(WEEKDAYS), "clockzone_weekday": set(WEEKDAYS), "noon_weekday": set(WEEKDAYS), "ago": {"ago"}, "ago_article": {"ago"},
    "later": {"later", "earlier", "afterward", "afterwards"}, "next_day": _UNIT_WORDS | _DAY_PARTS,
    "day_after": {"after", "before"}, "morning_following": {"following", "after"}, "duration": _UNIT_WORDS,
    "duration_article": _UNIT_WORDS, "duration_plain": _UNIT_WORDS, "recent_period": {"recent"},
    "set_every": {"every", "each", "per"},
    "set_adverb": {"daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly"},
    "clock": {"m", "am", "pm"}, "noon": {"noon", "midnight", "midday"}, "report_quarter": {"quarter", "period"},
    "year_ago_adj": {"ago", "earlier"}, "the_year": {"year"}, "year_end": {"year", "end"},
    "month_end": {"month"},
    "weekend": {"weekend"}, "the_week": {"week"},
    "holiday": {"thanksgiving", "christmas", "new", "easter", "independence", "labor", "memorial", "election",
                "halloween", "valentine"},
}
_NUMERIC_RULES = {"iso_date", "year_in", "clock_24", "clock_zone", "clock_stamp", "decade", "decade_short",
                   "year_range_end"}  # triggered by digits
_TRIGGERS: dict[str, set[str]] = {}
for _rule, _words in _RULE_WORDS.items():
    for _w in _words:
        _TRIGGERS.setdefault(_w, set()).add(_rule)
_WORD_RX = re.compile(r"\w+")

# Phrases that measure back to an earlier event (for the anchoring of publication dates).
_PAST_ANCHORS = [
    ("passed_since", re.compile(rf"\b(?P<n>{_NUM_RX})\s+years?\s+(?:have\s+|has\s+)?(?:passed|elapsed|gone\s+by)\s+since\b", re.I)),
    ("anniversary", re.compile(rf"\b(?P<o>{_ORD_RX})\s+anniversary\s+of\b", re.I)),
    ("years_ago", re.compile(rf"\b(?P<n>{_NUM_RX})\s+years?\s+ago\b", re.I)),
    ("for_years", re.compile(rf"\bfor\s+(?:the\s+(?:past|last)\s+)?(?P<n>{_NUM_RX})\s+years\b", re.I)),
]
_PAST_ANCHOR_KEYS = {"passed_since": re.compile(r"\bsince\b", re.I), "anniversary": re.compile(r"\banniversary\b", re.I),
                     "years_ago": re.compile(r"\bago\b", re.I), "for_years": re.compile(r"\byears\b", re.I)}
_FUTURE_CUES = re.compile(r"\b(?:will|'ll|shall|going to|plans? to|scheduled|expected to|is to|are to)\b", re.I)
_LEADING = re.compile(r"\s*(?:(?:on|in|since|until|by|at|during|for|over|within)\s+(?=\S))?", re.I)
# Sentence and clause bounds by pattern, not spaCy: the tagger runs on every page at ~5 ms, where
# a parse costs ~100 ms; the bounds only limit how far a narrative date or a tense cue reaches.
_SENTENCE_END = re.compile(r"[.!?]\s+|\n")
_REACH = 80  # characters a match may stretch before or after its keyword


def _rule_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, merged stretches of text around the words that can start or anchor it."""
    windows: dict[str, list[list[int]]] = {}
    for word in _WORD_RX.finditer(text):
        token = word.group().lower()
        rules = _TRIGGERS.get(token, _NUMERIC_RULES if token[0].isdigit() else ())
        if not rules:
            continue
        low, high = max(0, word.start() - _REACH), min(len(text), word.end() + _REACH)
        while high < len(text) and not text[high].isspace():
            high += 1  # never cut a word at a window's end
        for rule in rules:
            spans = windows.setdefault(rule, [])
            if spans and low <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], high)
            else:
                spans.append([low, high])
    return {rule: [(low, high) for low, high in spans] for rule, spans in windows.items()}


@dataclass
class _Clock:
    """The two anchors while reading a text: the DCT and the narrative time."""

    dct: Ref | None
    narrative: Ref | None = None
    narrative_at: int = -1  # offset where the narrative time was last set
    narrative_reach: int = 3  # sentences it reaches: a bare year ("in 1990") holds for its own sentence only
    text: str = ""  # the text read, to tell a date that moves the story from one said aside

    @property
    def narrative_only(self) -> bool:
        """A text with no creation date (a history, an encyclopedia article) is read as a narrative: its
        time is the last one it stated, however far back (HeidelTime's narratives mode does the same)."""
        return self.dct is None

    def reaches(self, text: str, position: int, sentences: int) -> bool:
        return self.narrative_at >= 0 and (self.narrative_only or
                                           _within_sentences(text, self.narrative_at, position, sentences))

    def year_for(self, position: int, text: str) -> tuple[int | None, str]:
        """The year of a year-less date: the narrative year if the story moved into the past nearby, else the DCT's."""
        if self.narrative and self.narrative.year and self.reaches(text, position, self.narrative_reach):
            if not self.dct or self.narrative.year != self.dct.year:
                return self.narrative.year, f"narrative {self.narrative.iso()}"
        if self.dct and self.dct.year:
            return self.dct.year, f"dct {self.dct.iso()}"
        return None, "none"

    @property
    def dct_anchor(self) -> str:
        return f"dct {self.dct.iso()}" if self.dct else "none"

    def day_ref(self, position: int, text: str) -> tuple[Ref | None, str]:
        if self.narrative and self.narrative.day and self.reaches(text, position, 6):
            return self.narrative, f"narrative {self.narrative.iso()}"
        if self.dct:
            return self.dct, f"dct {self.dct.iso()}"
        return None, "none"

    def set_narrative(self, ref: Ref, position: int, same_sentence_only: bool = False) -> None:
        if ref.year and not _said_aside(self.text, position):
            self.narrative, self.narrative_at = ref, position
            self.narrative_reach = 1 if same_sentence_only else 3


def _said_aside(text: str, position: int) -> bool:
    """A date that bounds a span or goes back in a flashback (data: not_dates_en.toml, story_asides)
    leaves the story's time where it was: the next "in mid-June" is still the story's year."""
    before = text[max(0, position - CLAUSE_REACH):position]
    clause = re.split(r"[.;:!?,\n]", before)[-1]
    return any(re.search(pattern, clause) for pattern in _story_asides())


@lru_cache(maxsize=1)
def _story_asides() -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in datafiles.load("not_dates_en.toml")["story_asides"]]


def _within_sentences(text: str, start: int, end: int, sentences: int) -> bool:
    if start < 0:
        return False
    return len(_SENTENCE_END.findall(text, start, end)) < sentences


def find_candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    """All rule matches, overlaps resolved: the longest span wins, then the earlier rule."""
    found = []
    windows = _rule_windows(text)
    for order, (name, pattern) in enumerate(_COMPILED):
        seen = set()
        for low, high in windows.get(name, ()):
            for match in pattern.finditer(text, low, high):
                if match.span() not in seen:
                    seen.add(match.span())
                    found.append((order, name, match))
    return _resolve_overlaps(text, found)


def _resolve_overlaps(text: str, matches: list[tuple[int, str, re.Match]]) -> list[tuple[int, int, str, re.Match]]:
    found = []
    for order, name, match in matches:
        start, end = match.span()
        while end > start and text[end - 1] in " ,":
            end -= 1
        lead = _LEADING.match(text, start, end)
        if lead and lead.end() < end:
            start = lead.end()  # TimeML extents leave out the preposition: "on Friday" -> "Friday"
        if end > start:
            found.append((start, end, order, name, match))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2]))
    # Longest first; the spans taken never overlap, so kept sorted by start each new one need only
    # be checked against its two neighbours (a scan of all taken spans made long texts quadratic).
    starts: list[int] = []
    taken: list[tuple[int, int, str, re.Match]] = []
    for start, end, _, name, match in found:
        at = bisect.bisect_right(starts, start)
        if at > 0 and taken[at - 1][1] > start or at < len(taken) and taken[at][0] < end:
            continue
        starts.insert(at, start)
        taken.insert(at, (start, end, name, match))
    return taken


def tag(text: str, dct: str | None) -> list[Timex]:
    """Every temporal expression in `text`, normalised against `dct` and the narrative time."""
    clock = _Clock(dct=Ref.parse(dct), text=text)
    timexes = []
    for start, end, name, match in find_candidates(text):
        try:
            result = _NORMALISERS[name](match, clock, text, start)
        except (ValueError, OverflowError):  # arithmetic off the calendar ("5000 years ago")
            result = None
        if result is None:
            continue
        kind, value, anchor = result
        timexes.append(Timex(start, end, text[start:end], kind, value, anchor, name))
    return timexes


# ---------------------------------------------------------------------------
# Normalisers: (match, clock, text, start) -> (type, value, anchor) or None
def _month(text: str) -> int:
    word = text.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)
        return True
    except ValueError:
        return False


def _full_date(m, clock, text, start):
    year, month, day = int(m["y"]), _month(m["mon"]), _day(m["d"])
    if not _valid(year, month, day):
        return None
    ref = Ref(year, month, day)
    clock.set_narrative(ref, start)
    return DATE, ref.iso(), "absolute"


def _iso_date(m, clock, text, start):
    ref = Ref(int(m["y"]), int(m["m"]), int(m["d"]))
    if not _valid(ref.year, ref.month, ref.day):
        return None
    clock.set_narrative(ref, start)
    if m["hh"]:
        return TIME, f"{ref.iso()}T{m['hh']}:{m['mm']}", "absolute"
    return DATE, ref.iso(), "absolute"


def _yearless_date(m, clock, text, start):
    month, day = _month(m["mon"]), _day(m["d"])
    if m["mon"].lower() == "may" and not m["wd"] and re.match(r"\s*(?:be|have|not)\b", text[m.end():]):
        return None  # the verb "may"
    year, anchor = clock.year_for(start, text)
    closing = _RANGE_CLOSING.match(text, m.end())
    if closing:  # "Oct. 5-7, 2010": the range's year
        year, anchor = int(closing["y"]), "absolute"
    if not _valid(year, month, day):
        return None
    if year and anchor.startswith("dct") and clock.dct.month:
        year = _nearest_year(clock.dct, month, day, text, start)
    ref = Ref(year, month, day)
    if year:
        clock.set_narrative(ref, start) if anchor.startswith(("narrative", "absolute")) else None
        return DATE, ref.iso(), anchor
    return DATE, f"XXXX-{month:02d}-{day:02d}", anchor


def _night_range(m, clock, text, start):
    month, first, last = _month(m["mon"]), _day(m["d1"]), _day(m["d2"])
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    else:
        year, anchor = clock.year_for(start, text)
    if not _valid(year, month, first) or not _valid(year, month, last):
        return None
    if not year:
        return TIME, f"XXXX-{month:02d}-{first:02d}TNI", anchor
    begin, end = Ref(year, month, first), Ref(year, month, last)
    clock.set_narrative(end, start)
    return TIME, f"{begin.iso()}/{end.iso()}", anchor


def _part_of_date(m, clock, text, start):
    month, day = _month(m["mon"]), _day(m["d"])
    year, anchor = (int(m["y"]), "absolute") if m["y"] else clock.year_for(start, text)
    if not _valid(year, month, day):
        return None
    ref = Ref(year, month, day)
    if year:
        clock.set_narrative(ref, start)
    prefix = ref.iso() if year else f"XXXX-{month:02d}-{day:02d}"
    return TIME, f"{prefix}T{_PARTS[m['part'].lower()]}", anchor


def _month_year(m, clock, text, start):
    ref = Ref(int(m["y"]), _month(m["mon"]))
    clock.set_narrative(ref, start)
    return DATE, ref.iso(), "absolute"


def _year_value(year: int) -> str:
    """A year as TimeML writes it: "1990"; 490 BC (the year -490 here) "BC0490"."""
    return Ref(year).iso()


def _period_value(year: int, length: int, shift: int, digits: int) -> str:
    """The decade (length 10: "199") or century (100: "19") of a year, moved by `shift`; before the
    common era counted back from it, as the year is ("the 440s BC": "BC044")."""
    if year > 0:
        return f"{year // length + shift:0{digits}d}"
    period = -year // length - shift
    return f"BC{period:0{digits}d}" if period >= 0 else f"{-period - 1:0{digits}d}"


def _era_year(m, clock, text, start):
    """"490 BC", "March 490 B.C." (a negative year: "the following year" is 489 BC), "AD 43"."""
    year = int(m["y"] or m["y2"])
    before_era = (m["era"] or "").upper().startswith("B")
    if not year or (m["era"] and m["era"].upper() in ("AD", "CE") and m["era"] != m["era"].upper()):
        return None  # "0 BC" is no year; "43 ad" in lower case is an advertisement, not an era
    ref = Ref(-year if before_era else year, _month(m["mon"]) if m["mon"] else None)
    clock.set_narrative(ref, start)
    return DATE, ref.iso(), "absolute"


def _year_in(m, clock, text, start):
    return _year(int(m["y"]), clock, text, start, m.end())


def _year(year: int, clock: _Clock, text: str, start: int, end: int):
    """A year stated on its own: a DATE, and the story's time unless it names a thing."""
    if _not_a_year(text, start, end):
        return None
    return _story_year(year, clock, start, moves_story=not _year_as_modifier(text, start, end))


def _story_year(year: int, clock: _Clock, start: int, moves_story: bool = True):
    ref = Ref(year)
    if moves_story:
        clock.set_narrative(ref, start, same_sentence_only=True)
    return DATE, ref.iso(), "absolute"


def _year_as_modifier(text: str, start: int, end: int) -> bool:
    """"the 1953 expedition", "its 2006 highs", "the 1920 agreement": a year naming a thing leaves the
    story where it was."""
    return bool(re.search(r"\b(?:the|its|his|her|their|this|that|a|an)\s+$", text[max(0, start - 8):start], re.I)
                and re.match(r"\s+[a-z]", text[end:end + 3]))


_RANGE_OPENING = re.compile(rf"(?P<mon>{_MONTH_RX})\s+(?P<d1>{_DAY_RX})[-–]$", re.IGNORECASE)
_RANGE_CLOSING = re.compile(rf"[-–]{_DAY_RX},?\s+(?P<y>{_YEAR_RX})\b")


def _day_range_end(m, clock, text, start):
    """"April 13-15": the 15th of the month the range opens with, in its year."""
    opening = _RANGE_OPENING.search(text, max(0, start - 16), start)
    if not opening:
        return None
    return _range_day(_month(opening["mon"]), _day(m["d"]), int(m["y"]) if m["y"] else None, clock, text, start)


def _day_range_start(m, clock, text, start):
    """"6-7 February 1920": the 6th of the month (and year) the range closes with."""
    return _range_day(_month(m["mon"]), _day(m["d"]), int(m["y"]) if m["y"] else None, clock, text, start)


def _range_day(month: int, day: int, year: int | None, clock, text, start):
    anchor = "absolute"
    if year is None:
        year, anchor = clock.year_for(start, text)
    if not _valid(year, month, day):
        return None
    return DATE, Ref(year, month, day).iso() if year else f"XXXX-{month:02d}-{day:02d}", anchor


def _year_range_end(m, clock, text, start):
    """"1947-54": the second year, in the first one's century."""
    year = m["y"] if len(m["y"]) == 4 else text[start - 5:start - 3] + m["y"]
    return _year(int(year), clock, text, start, m.end())


def _not_a_year(text: str, start: int, end: int) -> bool:
    """A year-shaped number that names a thing: an identifier after its word ("Route 1776"), a street
    block or an amount before its noun ("the 1500 block", "2000 troops")."""
    words = datafiles.load("not_dates_en.toml")
    before = re.search(r"(\S+)\s*$", text[max(0, start - 16):start])
    after = re.match(r"\s*([A-Za-z.]+)", text[end:end + 20])
    if before and before.group(1).lower() in words["words_before"]:
        return True
    if after and after.group(1).lower().rstrip(".") in words["words_after"] or _street(words).match(text, end):
        return True  # "the 1500 block", "1750 BC", "1600 Pennsylvania Avenue"
    hhmm = re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", text[start:end])
    return bool(hhmm and re.search(words["clock_before"], text[max(0, start - 30):start]))


@lru_cache(maxsize=1)
def _street_rx(types: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'-]*\s+){1,2}(?:" + "|".join(re.escape(t) for t in types) + r")(?!\w)")


def _street(words: dict) -> re.Pattern:
    """Capitalised words, then a street type: "1600 Pennsylvania Avenue", "2100 E. Main St."."""
    return _street_rx(tuple(words["street_types"]))


def _decade_words(m, clock, text, start):
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return DATE, f"19{tens.index(m['dw'].lower()) + 2}", "absolute"


def _fiscal_year(m, clock, text, start):
    return DATE, m["y"], "absolute"


def _season(m, clock, text, start):
    code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[m["season"].lower()]
    if m["season"].lower() == "fall" and not (m["rel"] or m["y"]):
        return None  # "fall" is mostly the verb
    if m["y"]:
        return DATE, f"{m['y']}-{code}", "absolute"
    shift = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    year, anchor = clock.year_for(start, text)
    return DATE, (f"{_year_value(year + shift)}-{code}" if year else f"XXXX-{code}"), anchor


def _relative_year(word: str | None, clock: _Clock, text: str, start: int) -> tuple[int | None, str]:
    if word and re.fullmatch(_YEAR_RX, word):
        return int(word), "absolute"
    shift = {"last year": -1, "next year": 1}.get((word or "").lower(), 0)
    year, anchor = clock.year_for(start, text)
    return (year + shift if year else None), anchor


def _quarter(m, clock, text, start):
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m["q"].lower()]
    named = m["y"] or m["yq"] or (f"{m['ry']} year" if m["ry"] else None)  # "next year's first quarter"
    year, anchor = _relative_year(named, clock, text, start)
    dct = clock.dct
    if not named and year and dct and dct.month and year == dct.year and q > (dct.month - 1) // 3 + 1:
        year -= 1  # news reports on quarters that are over: "the fourth quarter" in January is last year's
    return DATE, f"{year if year else 'XXXX'}-Q{q}", anchor


def _half_year(m, clock, text, start):
    year, anchor = _relative_year(m["y"] if re.fullmatch(_YEAR_RX, m["y"]) else m["y"].replace("the year", "this year"),
                                  clock, text, start)
    return DATE, f"{year if year else 'XXXX'}-H{1 if m['h'].lower() == 'first' else 2}", anchor


def _decade(m, clock, text, start):
    digits = m["dec"][:3] if m["dec"] else None
    if digits is None:
        return None
    return DATE, digits, "absolute"


def _decade_short(m, clock, text, start):
    return DATE, f"19{m['dec2'][0]}", "absolute"


def _century(m, clock, text, start):
    n = ordinal(m["c"])
    return (DATE, f"{n - 1:02d}", "absolute") if n and 1 <= n <= 22 else None


def _holiday_date(name: str, year: int) -> date:
    """The date of a (US/Western) holiday in a year."""
    from dateutil.easter import easter

    name = re.sub(r"\s+", " ", name.lower())
    fixed = {"christmas eve": (12, 24), "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
             "independence day": (7, 4)}
    for key, (month, day) in fixed.items():
        if name.startswith(key):
            return date(year, month, day)
    if name.startswith("christmas"):
        return date(year, 12, 25)
    if name.startswith("new year"):
        return date(year, 1, 1)
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("thanksgiving"):  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("labor"):  # first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name.startswith("memorial"):  # last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    first = date(year, 11, 2)  # election day: the Tuesday after the first Monday of November
    return first + timedelta(days=(1 - first.weekday()) % 7)


def _holiday(m, clock, text, start):
    rel = (m["rel"] or "").lower()
    year, anchor = clock.year_for(start, text)
    if year is None:
        return DATE, "XXXX", anchor
    when = _holiday_date(m["hol"], year)
    dct = clock.dct.as_date() if clock.dct else None
    if dct and anchor.startswith("dct"):
        if rel == "last" or (rel != "next" and not _FUTURE_CUES.search(_clause(text, start)) and when > dct + timedelta(days=60)):
            when = _holiday_date(m["hol"], year - 1)
        elif rel == "next" and when < dct:
            when = _holiday_date(m["hol"], year + 1)
    return DATE, when.isoformat(), anchor


def _month_rel_year(m, clock, text, start):
    year, anchor = _relative_year(f"{m['rel']} year", clock, text, start)
    return DATE, (f"{_year_value(year)}-{_month(m['mon']):02d}" if year else f"XXXX-{_month(m['mon']):02d}"), anchor


def _month_alone(m, clock, text, start):
    month, rel = _month(m["mon"]), (m["rel"] or "").lower()
    if not m["mon"][0].isupper():
        return None  # "may" the verb; month names are capitalised
    if m["mon"] in ("May", "March") and not rel and re.match(r"\s+[a-z]", text[m.end():]) and \
            not re.search(r"\b(?:in|of|since|until|by|early|late|mid|last|next|this)\s*$", text[max(0, start - 8):start]):
        return None  # "May" / "March" as a verb or a name
    year, anchor = clock.year_for(start, text)
    if year is None:
        return DATE, f"XXXX-{month:02d}", anchor
    dct = clock.dct
    if anchor.startswith("dct") and dct and dct.month and rel != "this":
        year = _nearest_year(dct, month, 15, text, start, rel)
    return DATE, f"{_year_value(year)}-{month:02d}", anchor


def _nearest_year(dct: Ref, month: int, day: int, text: str, start: int, rel: str = "") -> int:
    """The year that puts a year-less date nearest the DCT ("Jan. 2" in a November report is next
    January, "Nov. 25" in a January one last November), unless "last"/"next" or the clause's tense
    says which side of the DCT it lies on."""
    anchor = date(dct.year, dct.month, dct.day or 15)
    options = [y for y in (dct.year - 1, dct.year, dct.year + 1) if _valid(y, month, day)]
    tense = _tense_nearest(text, start)
    if rel in ("last", "since") or (rel != "next" and tense == "past"):
        options = [y for y in options if date(y, month, day) <= anchor] or options
    elif rel == "next" or tense == "future":
        options = [y for y in options if date(y, month, day) >= anchor] or options
    return min(options, key=lambda y: abs((date(y, month, day) - anchor).days))


_PAST_ONLY = re.compile(r"\b(?:ago|was|were|had|last|earlier|previously|since)\b", re.I)
# Reported speech looks ahead from a past verb: "the mayor said the town would hold a day of mourning on March 8".
_FUTURE_IN_PAST = re.compile(r"\bwould\s+(?!have\b)\w+", re.I)


def _tense_nearest(text: str, position: int) -> str | None:
    """"past", "future" or None: the tense cue of the clause nearest before the date (else the first
    after it). "said 11 people had lost their lives and that the town would hold ... on March 8" is
    the future: the cue next to the date governs it, not one that opened the clause."""
    before = text[_clause_start(text, position):position]
    cues = [(m.end(), "past") for m in _PAST_ONLY.finditer(before)] + \
           [(m.end(), "future") for pattern in (_FUTURE_CUES, _FUTURE_IN_PAST) for m in pattern.finditer(before)]
    if cues:
        return max(cues)[1]
    after = text[position:_clause_end(text, position)]
    if _PAST_ONLY.search(after):
        return "past"
    return "future" if _FUTURE_CUES.search(after) or _FUTURE_IN_PAST.search(after) else None


_CLAUSE_END = re.compile(r"[,;.!?\n]")
CLAUSE_REACH = 200  # characters a clause reaches either way when no punctuation ends it (text without any would make each lookup read to its end)


def _clause(text: str, position: int) -> str:
    """The clause around a position: tense cues elsewhere in the sentence speak of other events."""
    return text[_clause_start(text, position):_clause_end(text, position)]


def _clause_start(text: str, position: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(text, max(0, position - CLAUSE_REACH), position)),
               default=max(0, position - CLAUSE_REACH))


def _clause_end(text: str, position: int) -> int:
    after = _CLAUSE_END.search(text, position, position + CLAUSE_REACH)
    return after.start() if after else min(len(text), position + CLAUSE_REACH)


def _reporting_quarter(dct: Ref, back_years: int = 0) -> str:
    """The quarter a news report is about: the last one that has ended before the DCT."""
    q = (dct.month - 1) // 3  # quarters ended before this month's quarter
    year = dct.year if q else dct.year - 1
    return f"{year - back_years:04d}-Q{q if q else 4}"


def _report_quarter(m, clock, text, start):
    which = re.sub(r"\s+", " ", (m["which"] or "").lower())
    dct = clock.dct
    if dct is None or dct.month is None:
        return DATE, "XXXX-QX", "none"
    back = 1 if which in ("year-ago", "year-earlier") else 0
    if which in ("previous", "prior"):
        value = _reporting_quarter(Ref(dct.year, max(1, dct.month - 3)))
    else:
        value = _reporting_quarter(dct, back)
    return DATE, value, f"dct {dct.iso()}"


def _year_ago_adj(m, clock, text, start):
    dct = clock.dct
    if dct and dct.month and _about_quarters(text, start):
        return DATE, _reporting_quarter(dct, 1), f"dct {dct.iso()}"
    return (DATE, f"{dct.year - 1:04d}", f"dct {dct.iso()}") if dct and dct.year else (DATE, "XXXX", "none")


def _about_quarters(text: str, position: int) -> bool:
    """In a report on quarterly results, "a year ago" means the same quarter a year ago: the
    article speaks of quarters and the phrase sits among results ("$3.1 million a year ago")."""
    return bool(_QUARTER.search(text)) and bool(_RESULTS.search(text, max(0, position - 250), position + 60))


_QUARTER = re.compile(r"\bquarter", re.I)
_RESULTS = re.compile(r"\$|\bcents\b|\bshare\b|\bprofit|\bnet\b|\bincome\b|\bloss\b|\brevenue|\bsales\b|\bearnings\b",
                      re.I)


def _the_year(m, clock, text, start):
    year, anchor = clock.year_for(start, text)
    return DATE, _year_value(year) if year else "XXXX", anchor


def _year_end(m, clock, text, start):
    year, anchor = clock.year_for(start, text)
    return DATE, f"{year:04d}-12-31" if year else "XXXX-12-31", anchor


def _month_end(m, clock, text, start):
    return _month_of_story(clock, text, start)


def _month_of_story(clock: _Clock, text: str, start: int):
    narrative = clock.narrative if clock.narrative and clock.narrative.month and \
        clock.reaches(text, start, clock.narrative_reach) else None
    ref, anchor = (narrative, f"narrative {narrative.iso()}") if narrative else (clock.dct, clock.dct_anchor)
    if ref is None or ref.year is None:
        return DATE, "XXXX-XX", anchor
    return DATE, f"{_year_value(ref.year)}-{ref.month:02d}" if ref.month else f"{_year_value(ref.year)}-XX", anchor


def _weekend(m, clock, text, start):
    ref, anchor = clock.day_ref(start, text)
    if ref is None or ref.as_date() is None:
        return DATE, "XXXX-WXX-WE", anchor
    base = ref.as_date()
    rel = m["rel"].lower()
    saturday = base + timedelta(days=(5 - base.weekday()) % 7) if rel == "next" or (
        rel == "this" and base.weekday() < 5) else base - timedelta(days=(base.weekday() - 5) % 7)
    iso = saturday.isocalendar()
    return DATE, f"{iso[0]:04d}-W{iso[1]:02d}-WE", anchor


def _the_week(m, clock, text, start):
    year, anchor = clock.year_for(start, text)
    return DATE, f"{year:04d}-WXX" if year else "XXXX-WXX", anchor


def _spelled_year(m, clock, text, start):
    words = re.sub(r"\s+", " ", m["sy"].lower()).replace(" hundred", "").replace(" and", "")
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].strip()
        year = 2000 + (NUMBER_WORDS.get(rest, 0) if rest else 0)
    else:
        rest = words[len("nineteen"):].strip()
        if rest not in NUMBER_WORDS:
            return None
        year = 1900 + NUMBER_WORDS[rest]
    ref = Ref(year)
    clock.set_narrative(ref, start, same_sentence_only=True)
    return DATE, ref.iso(), "absolute"


def _clock_weekday(m, clock, text, start):
    """"10 p.m. Wednesday", "noon Thursday": the weekday's date at that time."""
    _, day, anchor = _weekday(m, clock, text, start)
    _, clock_value, _ = (_noon if m.groupdict().get("nm") else _clock_time)(m, clock, text, start)
    return TIME, day.split("T")[0] + "T" + clock_value.split("T")[1], anchor


def _dct_day(clock: _Clock, shift_days: int = 0, part: str | None = None) -> tuple[str, str, str]:
    dct = clock.dct
    kind = TIME if part else DATE
    suffix = f"T{_PARTS[part.lower()]}" if part else ""
    if dct is None:
        return kind, f"XXXX-XX-XX{suffix}", "none"
    day = dct.as_date()
    if day is None:
        return kind, f"{dct.iso()}{'-XX' * (2 - (dct.month is not None))}{suffix}", f"dct {dct.iso()}"
    return kind, (day + timedelta(days=shift_days)).isoformat() + suffix, f"dct {dct.iso()}"


def _today(m, clock, text, start):
    return _dct_day(clock)


def _tonight(m, clock, text, start):
    return _dct_day(clock, 0, "night")


def _yesterday(m, clock, text, start):
    back = 2 if m.group(0).lower().startswith("the day before") else 1
    return _dct_day(clock, -back, m["part"])


def _tomorrow(m, clock, text, start):
    ahead = 2 if m.group(0).lower().startswith("the day after") else 1
    return _dct_day(clock, ahead, m["part"])


def _this_part(m, clock, text, start):
    return _dct_day(clock, 0, m["part"])


def _last_night(m, clock, text, start):
    return _dct_day(clock, -1, "night")


def _reference(value: str):
    """A normaliser for "now", "recently", "in recent years", "the future": a TimeML reference value."""
    return lambda m, clock, text, start: (DATE, value, clock.dct_anchor)


def _shifted(ref: Ref, unit: str, amount: float) -> str:
    """ref moved by amount units, at the granularity of the unit."""
    months = {"year": 12, "decade": 120, "century": 1200, "month": 1, "quarter": 3}.get(unit)
    if ref.year <= 0:  # before the common era, off Python's calendar: count months ("two years later" than 490 BC)
        if months is None:
            return ref.iso()
        year, month = divmod(ref.year * 12 + (ref.month or 1) - 1 + round(amount * months), 12)
        if unit in ("year", "decade", "century") and float(amount).is_integer():
            return _year_value(year)
        return f"{_year_value(year)}-{month + 1:02d}"
    base = date(ref.year, ref.month or 1, ref.day or 1)
    if months is not None:
        moved = base + relativedelta(months=round(amount * months))
        if unit in ("year", "decade", "century") and float(amount).is_integer():
            return f"{moved.year:04d}"
        return f"{moved.year:04d}-{moved.month:02d}"
    days = {"day": 1, "week": 7, "fortnight": 14, "weekend": 7, "night": 1}.get(unit)
    if days is None or ref.day is None:
        return ref.iso()
    moved = base + timedelta(days=round(amount * days))
    if unit in ("week", "fortnight", "weekend"):
        iso = moved.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else "")
    return moved.isoformat()


def _relative_period(m, clock, text, start):
    unit, rel = m["u"].lower(), re.sub(r"\s+", " ", m["rel"].lower())
    in_story = clock.narrative_only and clock.narrative is not None and clock.narrative.year is not None
    if rel == "past" or rel == "previous" and not in_story:
        if unit != "weekend" and not m["mod"]:
            return DURATION, duration_value(1, unit), "none"
    shift = {"last": -1, "next": 1, "coming": 1, "previous": -1}.get(rel, 0)
    # A history has no "now": its "the previous year", "next year" count from the story's time.
    ref, anchor = (clock.narrative, f"narrative {clock.narrative.iso()}") if (rel == "the same" or in_story) \
        and clock.narrative else (clock.dct, clock.dct_anchor)
    if ref is None or ref.year is None:
        return DATE, "XXXX", anchor
    if unit == "year":
        return DATE, _year_value(ref.year + shift), anchor
    if unit == "decade":
        return DATE, _period_value(ref.year, 10, shift, 3), anchor
    if unit == "century":
        return DATE, _period_value(ref.year, 100, shift, 2), anchor
    if unit == "quarter":
        if ref.month is None:
            return DATE, f"{_year_value(ref.year)}-QX", anchor
        q = (ref.month - 1) // 3 + shift
        return DATE, f"{_year_value(ref.year + q // 4)}-Q{q % 4 + 1}", anchor
    if unit == "month":
        if ref.month is None:
            return DATE, f"{_year_value(ref.year)}-XX", anchor
        return DATE, _shifted(ref, "month", shift), anchor
    if ref.day is None:
        return DATE, f"{_year_value(ref.year)}-WXX", anchor
    return DATE, _shifted(ref, unit, shift), anchor


def _weekday(m, clock, text, start):
    """A weekday is deictic: the nearest one to the DCT, before it unless the clause speaks of the future."""
    target = WEEKDAYS[m["wd"].lower()]
    rel = (m.groupdict().get("rel") or "").lower()
    part = m.groupdict().get("part")
    dct = clock.dct.as_date() if clock.dct else None
    anchor = clock.dct_anchor
    if dct is None:
        value = f"XXXX-WXX-{target + 1}"
        return (TIME, value + f"T{_PARTS[part.lower()]}", anchor) if part else (DATE, value, anchor)
    clause = _clause(text, start)
    ahead = (target - dct.weekday()) % 7
    if rel in ("next", "coming") or (rel not in ("last", "past") and _FUTURE_CUES.search(clause)):
        day = dct + timedelta(days=ahead or (7 if rel == "next" else 0))
    elif rel not in ("last", "past") and 0 < ahead <= 1 and not _PAST_CUES.search(clause):
        day = dct + timedelta(days=ahead)  # "Tuesday" in Monday's paper, with no past tense near: tomorrow
    else:
        back = (dct.weekday() - target) % 7
        day = dct - timedelta(days=back or (7 if rel == "last" else 0))
    return DATE, day.isoformat(), anchor


_PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|says|told|\w+ed)\b", re.I)


def _amount(m) -> float | None:
    raw = (m.groupdict().get("n") or "").lower()
    if re.fullmatch(_VAGUE_RX, raw):
        return None
    value = number(raw) if raw else 1.0
    if value is not None and m.groupdict().get("half"):
        value += 0.5
    return value


def _ago(m, clock, text, start):
    unit, amount = _unit(m["u"]), _amount(m)
    dct = clock.dct
    if amount is None or dct is None or dct.year is None:
        return DATE, "PAST_REF" if amount is None else "XXXX", "dct " + dct.iso() if dct else "none"
    if unit in _TIME_UNITS:
        return _dct_day(clock)
    if "and a half" in m.group(0).lower() and unit == "year":
        return DATE, _shifted(dct, "month", -amount * 12), f"dct {dct.iso()}"
    if unit == "year" and amount == 1 and dct.month and _about_quarters(text, start):
        return DATE, _reporting_quarter(dct, 1), f"dct {dct.iso()}"
    return DATE, _shifted(dct, unit, -amount), f"dct {dct.iso()}"


def _later(m, clock, text, start):
    unit, amount = _unit(m["u"]), _amount(m)
    direction = -1 if m["dir"].lower() in ("earlier", "before") else 1
    ref, anchor = clock.day_ref(start, text)
    if clock.narrative and clock.narrative.year and clock.reaches(text, start, 6):
        ref, anchor = clock.narrative, f"narrative {clock.narrative.iso()}"
    if amount is None or ref is None or ref.year is None or unit in _TIME_UNITS:
        return DURATION, duration_value(amount, unit), "none"
    if unit == "year" and amount == 1 and direction < 0 and anchor.startswith("dct") and ref.month \
            and _about_quarters(text, start):
        return DATE, _reporting_quarter(ref, 1), anchor
    if unit == "year" and not float(amount).is_integer():
        value = _shifted(ref, "month", direction * amount * 12)
    else:
        value = _shifted(ref, unit, direction * amount)
    return DATE, value, anchor


def _next_day(m, clock, text, start):
    unit = m["u"].lower()
    direction = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[m["dir"].lower()]
    return _step_from_narrative(unit, direction, clock, text, start)


def _day_after(m, clock, text, start):
    return _step_from_narrative(m["u"].lower(), 1 if m["dir"].lower() == "after" else -1, clock, text, start)


def _morning_following(m, clock, text, start):
    return _step_from_narrative(m["u"].lower(), 1, clock, text, start)


def _step_from_narrative(unit: str, direction: int, clock: _Clock, text: str, start: int):
    ref, anchor = clock.day_ref(start, text)
    part = unit if unit in ("morning", "evening", "night") else None
    if unit in ("month", "year") and clock.narrative_only and clock.narrative and clock.narrative.year:
        ref, anchor = clock.narrative, f"narrative {clock.narrative.iso()}"  # "the following year" of a history
        if unit == "month" and ref.month is None:
            return DATE, "XXXX-XX", anchor
    if unit in ("week", "month", "year", "weekend"):
        if ref is None or ref.year is None:
            return DATE, "XXXX", anchor
        return DATE, _shifted(ref, unit, direction) if unit != "year" else _year_value(ref.year + direction), anchor
    if ref is None or ref.as_date() is None:
        return (TIME if part else DATE), "XXXX-XX-XX" + (f"T{_PARTS[part]}" if part else ""), anchor
    day = ref.as_date() + timedelta(days=direction)
    clock.set_narrative(Ref(day.year, day.month, day.day), start)
    return (TIME, f"{day.isoformat()}T{_PARTS[part]}", anchor) if part else (DATE, day.isoformat(), anchor)


def _duration(m, clock, text, start):
    unit = _unit(m["u"])
    if unit == "quarter" or m.groupdict().get("old") or re.match(r"-old\b", text[m.end():]):
        return None  # an age ("the 69-year-old") describes a person, not a time
    if m["u"].lower() == "second" and _amount(m) not in (1, None):
        return None  # "the 1988 second quarter": an ordinal, not seconds
    return DURATION, duration_value(_amount(m), unit), "none"


def _duration_plain(m, clock, text, start):
    return DURATION, duration_value(None, _unit(m["u"])), "none"


def _set_every(m, clock, text, start):
    unit = m["u"].lower().rstrip("s")
    amount = number(m["n"].strip()) if m["n"] else 1
    if unit in WEEKDAYS:
        return SET, f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "none"
    if unit in _PARTS:
        return SET, f"T{_PARTS[unit]}", "none"
    return SET, duration_value(amount, unit), "none"


def _set_adverb(m, clock, text, start):
    if re.search(r"(?:%|percent|per cent)\s*$", text[max(0, start - 14):start]):
        return None  # "rise 8.5% annually": a rate, not times that recur
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "hourly": "hour", "nightly": "day",
            "annually": "year", "yearly": "year"}[m["adv"].lower()]
    return SET, duration_value(1, unit), "none"


def _clock_time(m, clock, text, start):
    hour = int(m["h"])
    ap = (m.groupdict().get("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    minute = m["mi"] or "00"
    ref, anchor = clock.day_ref(start, text)
    day = ref.as_date().isoformat() if ref and ref.as_date() else "XXXX-XX-XX"
    return TIME, f"{day}T{hour:02d}:{minute}", anchor


def _clock_stamp(m, clock, text, start):
    """A line led by "2048 :" in an article of 2011 is a live blog's entry time; a line led by a year
    that has passed ("2003: the invasion", a history's heading) is that year."""
    number = int(m["h"] + m["mi"])
    if number < 1500 or (clock.dct is not None and number > clock.dct.year):
        return _clock_time(m, clock, text, start)
    return _story_year(number, clock, start)


def _noon(m, clock, text, start):
    hour = "12:00" if m["nm"].lower() in ("noon", "midday") else "24:00"
    ref, anchor = clock.day_ref(start, text)
    day = ref.as_date().isoformat() if ref and ref.as_date() else "XXXX-XX-XX"
    return TIME, f"{day}T{hour}", anchor


_NORMALISERS = {
    "iso_date": _iso_date, "night_of_range": _night_range, "night_of_range_dm": _night_range,
    "part_of_date": _part_of_date, "month_day_year": _full_date, "day_month_year": _full_date,
    "month_day": _yearless_date, "day_month": _yearless_date, "month_year": _month_year,
    "season_year": _season, "quarter": _quarter, "half_year": _half_year, "decade": _decade,
    "decade_short": _decade_short, "century": _century, "year_in": _year_in, "era_year": _era_year, "fiscal_year": _fiscal_year,
    "today": _today, "tonight": _tonight, "yesterday": _yesterday, "tomorrow": _tomorrow,
    "this_part": _this_part, "last_night": _last_night, "present": _reference("PRESENT_REF"),
    "past_ref": _reference("PAST_REF"), "future_ref": _reference("FUTURE_REF"), "relative_period": _relative_period,
    "weekday": _weekday, "ago": _ago,
    "ago_article": _ago, "later": _later, "next_day": _next_day, "day_after": _day_after,
    "morning_following": _morning_following, "duration": _duration, "duration_article": _duration,
    "duration_plain": _duration_plain, "set_every": _set_every, "set_adverb": _set_adverb,
    "clock": _clock_time, "clock_24": _clock_time, "clock_zone": _clock_time, "clock_stamp": _clock_stamp, "year_range_end": _year_range_end,
    "day_range_end": _day_range_end, "day_range_start": _day_range_start, "noon": _noon,
    "month_rel_year": _month_rel_year, "month_alone": _month_alone, "report_quarter": _report_quarter,
    "year_ago_adj": _year_ago_adj, "the_year": _the_year, "year_end": _year_end, "month_end": _month_end, "weekend": _weekend,
    "the_week": _the_week, "holiday": _holiday, "year_part": _year_in, "decade_words": _decade_words,
    "recent_period": _reference("PAST_REF"), "spelled_year": _spelled_year,
    "clock_weekday": _clock_weekday, "clock24_weekday": _clock_weekday, "clockzone_weekday": _clock_weekday, "noon_weekday": _clock_weekday,
}


def past_anchors(text: str) -> list[PastAnchor]:
    """Phrases measuring years back to an event: the evidence for inferring a publication year."""
    anchors = {}
    for kind, pattern in _PAST_ANCHORS:
        # The number alternation is slow to try at every word: look only before each closing keyword.
        for key in _PAST_ANCHOR_KEYS[kind].finditer(text):
            low = max(0, key.start() - _REACH)
            for m in pattern.finditer(text, low, min(len(text), key.end() + 8)):
                years = ordinal(m["o"]) if kind == "anniversary" else number(m["n"])
                if years and float(years).is_integer() and 0 < years < 200:
                    anchors[m.start(), m.end()] = PastAnchor(m.start(), m.end(), m.group(0), int(years), kind)
    return sorted(anchors.values(), key=lambda a: a.start)


def resolve_past_anchors(text: str, dct: str | None) -> list[Timex]:
    """Each past anchor as a DATE: the year it measures back to ("34 years have passed since" in 2024 -> 1990)."""
    ref = Ref.parse(dct)
    resolved = []
    for a in past_anchors(text):
        value = f"{ref.year - a.years:04d}" if ref and ref.year else "XXXX"
        anchor = f"dct {ref.iso()} minus {a.years} years" if ref and ref.year else "none"
        resolved.append(Timex(a.start, a.end, a.text, DATE, value, anchor, f"past_anchor_{a.kind}"))
    return resolved


def annotate(text: str, dct: str | None) -> list[Timex]:
    """The time layer of one document: its timexes and its resolved past anchors."""
    anchors = resolve_past_anchors(text, dct)
    tagged = tag(text, dct)
    full_dates = [t.value for t in tagged if t.rule in _FULL_DATE_RULES]  # written out in full: "January 20, 1990"
    return [_named_event_date(t, text, anchors, full_dates) for t in tagged] + anchors


# "the tragedy of January 20", "the 20 January martyrs": a day and month that name a past event.
_NAMING_BEFORE = re.compile(r"(?:tragedy|tragedies|martyrs|massacre|events?|victims|heroes|anniversary|memory|"
                            r"commemoration|day)\s+of\s+(?:the\s+)?$", re.I)
_NAMING_AFTER = re.compile(r"^\s+(?:tragedy|massacre|martyrs|events|victims|heroes|attacks?)\b", re.I)


def _named_event_date(timex: Timex, text: str, anchors: list[Timex], full_dates: list[str]) -> Timex:
    """A yearless day that names a commemorated event is that event's day, not this year's: its year is
    the one the same day is given with elsewhere in the article ("January 20, 1990"), else the one
    the article's past anchors measure back to, those in its own sentence first ("commemorating the
    martyrs of January 20 for 32 years" in 2022 -> 1990), then those that measure a span."""
    if timex.rule not in ("month_day", "day_month"):
        return timex
    if not (_NAMING_BEFORE.search(text[max(0, timex.start - 40):timex.start])
            or _NAMING_AFTER.match(text[timex.end:timex.end + 20])):
        return timex
    if not timex.anchor.startswith(("dct", "none")):  # the narrative already gives its year: keep it, say it names
        return replace(timex, anchor=f"named event, {timex.anchor}")
    month_day = timex.value[4:10]
    stated = re.findall(rf"\b(\d{{4}}){month_day}\b", " ".join(full_dates))
    dated = [a for a in anchors if re.fullmatch(r"\d{4}", a.value)]
    near = [a for a in dated if _within_sentences(text, min(a.start, timex.start), max(a.end, timex.end), 1)]
    # "N years ago" often dates another event; "for 32 years", "34 years have passed since", "the 29th
    # anniversary" measure the commemorated one.
    measuring = [a for a in dated if a.rule != "past_anchor_years_ago"]
    years = [a.value for a in near or measuring or dated]
    year = stated[0] if stated else (max(years, key=years.count) if years else None)
    if year is None:
        return timex
    return replace(timex, value=f"{year}{month_day}", anchor=f"named event {year}")


_FULL_DATE_RULES = ("month_day_year", "day_month_year", "iso_date")


@dataclass(frozen=True)
class Inference:
    year: int
    anchor: PastAnchor
    event: str  # the event date the anchor measures from
    event_source: str  # "this article" | "the corpus"

    @property
    def evidence(self) -> str:
        return (f"'{self.anchor.text}' measured from the event of {self.event} "
                f"(dated by {self.event_source}) gives {self.year}")


_FULL_DATE_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def main_event_date(timexes: list[Timex]) -> str | None:
    """The day an article is about: its most often stated explicit full date (earliest on a tie)."""
    counts: dict[str, int] = {}
    for t in timexes:
        if t.anchor == "absolute" and t.type == DATE and _FULL_DATE_VALUE.match(t.value):
            counts[t.value] = counts.get(t.value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


# Relative days that name when something happened ("Saturday", "Feb. 18", "yesterday", "Labor Day"); not
# the report's own day ("today") or what is to come ("tomorrow").
_REPORT_DAY_RULES = {"today", "tomorrow", "tonight"}


def article_event_date(timexes: list[Timex]) -> str | None:
    """The day an article is about: its most often written full date (main_event_date); when it writes
    none, its most often stated day resolved against the publication date ("late Friday night" in a
    Saturday paper), the earliest on a tie. (An anniversary piece's "January 20" is this year's; its
    "January 20, 1990" is the event's.)"""
    written = main_event_date(timexes)
    if written:
        return written
    counts: dict[str, int] = {}
    for t in timexes:
        if t.type == DATE and _FULL_DATE_VALUE.match(t.value) and t.rule not in _REPORT_DAY_RULES \
                and not t.rule.startswith("past_anchor") and t.anchor.startswith("dct"):
            counts[t.value] = counts.get(t.value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def corpus_event_date(timexes_by_doc: dict[str, list[Timex]]) -> str | None:
    """The day most articles of a corpus state explicitly."""
    docs_per_date: dict[str, int] = {}
    for timexes in timexes_by_doc.values():
        for value in {t.value for t in timexes if t.anchor == "absolute" and _FULL_DATE_VALUE.match(t.value)}:
            docs_per_date[value] = docs_per_date.get(value, 0) + 1
    return min(docs_per_date, key=lambda v: (-docs_per_date[v], v)) if docs_per_date else None


def infer_publication_year(text: str, timexes: list[Timex], corpus_event: str | None) -> Inference | None:
    """A missing publication year from "N years have passed since" / "the Nth anniversary of" the event.

    Only anchors in the article's own voice count: one inside quotes or in a sentence
    that states another year ("the decree of January 5, 1994 'On holding the 4th
    anniversary'") speaks of another time.
    """
    anchors = [a for a in past_anchors(text) if a.kind in ("passed_since", "anniversary") and _own_voice(text, a)]
    own_event = main_event_date(timexes)
    event = own_event or corpus_event
    if not anchors or not event:
        return None
    return Inference(int(event[:4]) + anchors[0].years, anchors[0], event,
                     "this article" if own_event else "the corpus")


def _own_voice(text: str, anchor: PastAnchor) -> bool:
    start = max(text.rfind(".", 0, anchor.start), text.rfind("\n", 0, anchor.start)) + 1
    end_candidates = [i for i in (text.find(".", anchor.end), text.find("\n", anchor.end)) if i >= 0]
    sentence = text[start:min(end_candidates) if end_candidates else len(text)]
    before = text[start:anchor.start]
    in_quotes = (before.count('"') + before.count("“")) % 2 == 1 or before.count("“") > before.count("”")
    return not in_quotes and not re.search(rf"\b{_YEAR_RX}\b", sentence)
