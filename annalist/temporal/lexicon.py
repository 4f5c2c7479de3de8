"""The time layer's words and patterns, read from annalist/data/time_en.toml: month and weekday
names, numbers in words, units, the regular-expression fragments and the rules built from them, the
words that trigger each rule, cue patterns and holidays. Nothing here decides a value; match.py and
normalise.py apply what this module reads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import datafiles
from ..patterns import word_alternation

LEXICON = "time_en.toml"
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def _data() -> dict:
    return datafiles.load(LEXICON)


def _numbered(groups: list[list[str]], first: int) -> dict[str, int]:
    return {word: number for number, words in enumerate(groups, start=first) for word in words}


def _number_words() -> dict[str, int]:
    """"one" .. "nineteen", the tens, every "twenty-one" / "twenty one", and phrases ("a dozen")."""
    ones, tens = _data()["ones"], _data()["tens"]
    words = {w: i for i, w in enumerate(ones)}
    words.update({w: 10 * i for i, w in enumerate(tens) if w})
    for t in range(2, 10):
        for o in range(1, 10):
            words[f"{tens[t]}-{ones[o]}"] = words[f"{tens[t]} {ones[o]}"] = 10 * t + o
    words.update(_data()["number_phrases"])
    return words


MONTHS = _numbered(_data()["months"], 1)
WEEKDAYS = _numbered(_data()["weekdays"], 0)
NUMBER_WORDS = _number_words()
ORDINALS = {w: i for i, w in enumerate(_data()["ordinals"])} | _data()["ordinal_phrases"]


def _days_said_aloud() -> dict[str, int]:
    """"first" .. "thirty-first" (also "twenty first"): a day of the month as a transcript writes it."""
    ones = {w: n for w, n in ORDINALS.items() if 1 <= n <= 9}
    days = {w: n for w, n in ORDINALS.items() if 1 <= n <= 31}
    for tens, word in ((20, "twenty"), (30, "thirty")):
        for w, n in ones.items():
            if tens + n <= 31:
                days[f"{word}-{w}"] = days[f"{word} {w}"] = tens + n
    return days


DAYS_SAID_ALOUD = _days_said_aloud()
UNITS = dict(_data()["units"])
PARTS = dict(_data()["parts_of_day"])
SEASONS = dict(_data()["seasons"])
DECADE_WORDS = list(_data()["decade_words"])
TIME_UNITS = {"second", "minute", "hour"}


def _spelled(low: int, high: int) -> str:
    return word_alternation(w for w, n in NUMBER_WORDS.items()
                            if w[0].isalpha() and low <= n < high and w not in ("a", "an"))


# The word lists grouped by their letters (word_alternation): the number words open a dozen rules,
# tried at every place of a window.
FRAGMENTS = dict(_data()["fragments"])
FRAGMENTS["number"] = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?|{word_alternation(NUMBER_WORDS)})"  # "125,000 years ago"
FRAGMENTS["ordinal"] = r"(?:\d+(?:st|nd|rd|th)|" + word_alternation(ORDINALS) + ")"
FRAGMENTS["tens_to_ninety_nine"] = _spelled(10, 100)
FRAGMENTS["one_to_ninety_nine"] = _spelled(1, 100)
FRAGMENTS["day_said_aloud"] = word_alternation(DAYS_SAID_ALOUD)
FRAGMENTS["time_zones"] = word_alternation(datafiles.load("not_dates_en.toml")["time_zones"])

MONTH_RX, DAY_RX, YEAR_RX = FRAGMENTS["month"], FRAGMENTS["day"], FRAGMENTS["year"]
WEEKDAY_RX, NUM_RX, VAGUE_RX = FRAGMENTS["weekday"], FRAGMENTS["number"], FRAGMENTS["vague"]


def expand(pattern: str) -> str:
    """A pattern with its ${fragment}s written out, and theirs (a fragment may use others)."""
    while _PLACEHOLDER.search(pattern):
        pattern = _PLACEHOLDER.sub(lambda m: FRAGMENTS[m.group(1)], pattern)
    return pattern


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    words: frozenset[str]  # a match lies near one of these (lower case), or near digits if `digits`
    digits: bool


_WORD_GROUPS = {"@months": set(MONTHS) | {"sept"},
                "@weekdays": set(WEEKDAYS),
                "@units": {w + s for w in ("second", "minute", "hour", "day", "week", "month", "year", "decade",
                                           "quarter", "weekend", "fortnight", "night") for s in ("", "s")}
                | {"century", "centuries"},
                "@day_parts": {"morning", "afternoon", "evening", "night", "tonight"}}


def _words(listed: list[str]) -> frozenset[str]:
    return frozenset(w for item in listed for w in _WORD_GROUPS.get(item, {item}))


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    """The rules in their order of precedence."""
    digits = set(_data()["rule_words"]["digits"])
    return [Rule(r["name"], re.compile(expand(r["pattern"]), re.IGNORECASE), _words(r.get("words", [])),
                 r["name"] in digits) for r in _data()["rule"]]


def cue(name: str) -> re.Pattern:
    """A cue pattern of [cues] (case-insensitive, ${fragment}s written out)."""
    return _cues()[name]


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    return {name: re.compile(expand(pattern), re.I) for name, pattern in _data()["cues"].items()}


@lru_cache(maxsize=1)
def past_anchor_patterns() -> list[tuple[str, re.Pattern, re.Pattern, re.Pattern | None]]:
    """(kind, pattern, closing keyword, what its sentence must hold or None) of each phrase that measures
    years back to an event."""
    return [(kind, re.compile(expand(p["pattern"]), re.I), re.compile(p["key"], re.I),
             re.compile(p["clause"], re.I) if "clause" in p else None)
            for kind, p in _data()["past_anchors"].items()]


def holidays() -> dict[str, dict]:
    return _data()["holidays"]


@lru_cache(maxsize=1)
def days_that_name_events() -> dict[tuple[int, int], int]:
    """(month, day) -> the year of the event the day names ("September 11": 2001)."""
    return {tuple(int(part) for part in key.split("-")): year for key, year in _data()["days_that_name_events"].items()}
