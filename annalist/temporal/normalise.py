"""Resolving each rule's matches to TimeML values (type, value, the anchor it was resolved against),
reading the two clocks of anchor.py; `tag(text, dct)` runs matching and resolution over one text.
One function per kind of expression; the table _NORMALISERS maps each rule of the lexicon to its
function."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from .. import datafiles
from ..models import Timex
from .anchor import (Clock, Ref, clause_around, clause_span, clause_tense, fronted_tense, looks_ahead_to, modal_before,
                     names_incident, nearest_month, nearest_year, opens_sentence, period_value, shifted, tense_before,
                     told_tense, valid_date, within_sentences, year_value)
from .lexicon import (DAY_RX, DAYS_SAID_ALOUD, DECADE_WORDS, MONTH_RX, MONTHS, NUMBER_WORDS, ORDINALS, PARTS, SEASONS,
                      TIME_UNITS, UNITS, VAGUE_RX, WEEKDAY_RX, WEEKDAYS, YEAR_RX, cue, days_that_name_events,
                      holidays)
from .match import find_candidates

DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"


def number(text: str) -> float | None:
    text = text.lower().strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        text = text.replace(",", "")  # "125,000"
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
        return (f"PT{head}{rest}" if unit in TIME_UNITS else
                f"P{head}{'T' if smaller in ('H',) else ''}{rest}")
    shown = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    return f"PT{shown}{code}" if unit in TIME_UNITS else f"P{shown}{code}"


_SMALLER = {"year": ("M", 12), "month": ("D", 30), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}


def tag(text: str, dct: str | None) -> list[Timex]:
    """Every temporal expression in `text`, normalised against `dct` and the narrative time."""
    clock = Clock(dct=Ref.parse(dct), text=text)
    timexes = []
    for start, end, name, match in find_candidates(text):
        try:
            result = _NORMALISERS[name](match, clock, text, start)
        except (ValueError, OverflowError):  # arithmetic off the calendar ("5000 years ago")
            result = None
        if result is None:
            continue
        kind, value, anchor = result
        if kind in (DATE, TIME):
            start = _with_modifiers(text, start, timexes[-1].end if timexes else 0)
        elif kind == DURATION:
            start = _without_article(text, start, end)
        timexes.append(Timex(start, end, text[start:end], kind, value, anchor, name))
        # what "that year", "later that month", "the day" refer back to: a range's last day ("the night of
        # January 19 to 20 ... The next day" is the 21st)
        told = Ref.parse(value.split("/")[-1])
        if name in _BARE_CLOCKS and cue("day_named_next").match(text, end):
            continue  # "at 3 o'clock in the afternoon on the 20th": the day named next is the clock's, not this one
        if name in _BARE_CLOCKS and anchor.startswith("mentioned ") and not value.startswith(anchor.removeprefix("mentioned ")):
            continue  # the end of a span past midnight ("curfew - currently 8pm to 6am") is no day the story is on
        if kind == DATE and _A_QUARTER.fullmatch(value):
            clock.last_quarter = value  # what "that quarter" refers back to
            if name == "quarter" and clause_tense(text, start) != "future":
                clock.named_quarters.append((value, start))  # what "the latest period" may be: not an outlook's
        if told is not None and told.year:  # before the common era too ("In August" of 480 BC)
            if kind == DATE:
                clock.last_year = Ref(told.year)
            if told.month:
                clock.last_month, clock.last_month_at = told, start
                if kind == DATE:
                    clock.month_years[told.month] = told.year
                if told.day:
                    clock.last_day, clock.last_day_at = told, start
                    if kind == DATE and anchor.startswith(("absolute", "narrative", "mentioned")):
                        clock.day_years[(told.month, told.day)] = told.year  # a year the text gave, not a guess
    return timexes


_A_QUARTER = re.compile(r"\d{4}-Q[1-4]")

# Rules of a time of day alone, whose day is the one its sentence names or, failing that, the report's.
_BARE_CLOCKS = {"clock", "clock_oclock", "clock_24", "clock_zone", "clock_hours", "clock_stamp"}


def _without_article(text: str, start: int, end: int) -> int:
    """Where a duration used as an adjective starts without its article: "a five-year contract" ->
    "five-year"; "a 16 hour day" -> "16 hour" (written apart, only before a noun: "for a six year" stays)."""
    expression = text[start:end]
    article = cue("adjective_duration").match(expression)
    if not article and cue("adjective_follows").match(text[end:end + 3]):
        article = cue("adjective_duration_spaced").match(expression)
    return start + article.end() if article else start


MODIFIER_REACH = 40  # characters before a date where "the end of", "late" or "the" may stand
_SEASON_FIRST = re.compile(rf"(?:(?:early|late|mid)[\s-]+|(?:following|previous)\s+)?(?:{'|'.join(SEASONS)})\b", re.I)


def _with_modifiers(text: str, start: int, earliest: int) -> int:
    """Where a date's expression starts once the words TimeML keeps with it are included: a point
    within it ("the end of May", "late 2008") and a season's article ("the summer"). Its value stays
    the period's own (TimeML marks the point with a mod, which annalist does not give)."""
    low = max(earliest, start - MODIFIER_REACH)
    if _SEASON_FIRST.match(text, start):
        article = cue("season_article").search(text, low, start)
        if article and article.end() == start:
            start = article.start()
    found = cue("point_modifier").search(text, low, start)  # "early in the summer": before the article
    if found and found.end() == start:
        start = found.start()
    return start


# ---------------------------------------------------------------------------
# Normalisers: (match, clock, text, start) -> (type, value, anchor) or None
def _month(text: str) -> int:
    word = text.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _day(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else DAYS_SAID_ALOUD[re.sub(r"\s+", " ", text.lower())]


def _story_moves_to(ref: Ref, clock: Clock, start: int, text: str | None = None, end: int | None = None):
    """A date written out in full ("March 3, 1945", "May 1990", "490 BC"): the story's time from here on;
    unless, when the caller gives its `text` and `end`, it names a thing ("surpassing the May 2007 high",
    "the March 19, 2003 invasion"), which leaves the story where it was, as a year naming one does."""
    if text is None or end is None or not _year_as_modifier(text, start, end):
        clock.set_narrative(ref, start)
    return DATE, ref.iso(), "absolute"


def _stated_year(m) -> int:
    """The year a rule's match states: its year of ours (y), or one before the common era (by, the
    fragment year_before_era), negative: "the morning of 2 August 216 BC" is -216. 0 for "0 BC", no year."""
    before_era = m.groupdict().get("by")
    return -int(before_era) if before_era else int(m["y"])


def _full_date(m, clock, text, start):
    year, month, day = _stated_year(m), _month(m["mon"]), _day(m["d"])
    if not year or not valid_date(year, month, day):
        return None
    ref = Ref(year, month, day)
    return _story_moves_to(ref, clock, start, text, m.end())


def _trading_part_of_day(m, clock, text, start):
    """"in morning trading": the morning of the day named later in its clause ("in morning trade on
    Monday", "in morning trading in London yesterday"), else of the day the story is in."""
    later = cue("day_later_in_clause").match(text, m.end())
    if later and later["wd"]:
        when, anchor = _weekday_at(later.start("wd"), clock, text)
    elif later and clock.dct and clock.dct.as_date():
        step = -1 if later["rel"].lower() == "yesterday" else 0
        when, anchor = (clock.dct.as_date() + timedelta(days=step)).isoformat(), clock.dct_anchor
    else:
        day, anchor = clock.mentioned_day(start, text)
        when = day.as_date().isoformat() if day and day.as_date() else "XXXX-XX-XX"
    return TIME, f"{when[:10]}T{PARTS[m['part'].lower()]}", anchor


def _date_said_aloud(m, clock, text, start):
    """"March third", "the twenty-fifth of February, nineteen ninety-eight": read as "March 3", "25 February
    1998" are."""
    if not (m["y"] or m["sy"]):
        return _yearless_date(m, clock, text, start)
    year, month, day = _written_or_spoken_year(m), _month(m["mon"]), _day(m["d"])
    if not year or not valid_date(year, month, day):
        return None
    return _story_moves_to(Ref(year, month, day), clock, start, text, m.end())


def _iso_date(m, clock, text, start):
    ref = Ref(int(m["y"]), int(m["m"]), int(m["d"]))
    if not valid_date(ref.year, ref.month, ref.day):
        return None
    clock.set_narrative(ref, start)
    if m["hh"]:
        return TIME, f"{ref.iso()}T{m['hh']}:{m['mm']}", "absolute"
    return DATE, ref.iso(), "absolute"


def _numeric_date(m, clock, text, start):
    ref = _numeric_day(m, clock)
    return _story_moves_to(ref, clock, start) if ref else None


def _numeric_day(m, clock: Clock) -> Ref | None:
    """The day a numeric date ("09/17/2016", "5/21/16") names, month first (day first when the first number
    cannot be a month), else None."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (second, first) if first > 12 else (first, second)
    if len(m["y"]) == 2:  # the century that puts the year nearest the report's ("1/5/18" in 2017 is 2018)
        near = clock.dct.year if clock.dct and clock.dct.year else 2000
        year = min((century + year for century in (1900, 2000, 2100)), key=lambda y: abs(y - near))
    return Ref(year, month, day) if valid_date(year, month, day) else None


def _clock_numeric_date(m, clock, text, start):
    """"UPDATE (5:04 p.m. 5/17/16)": that time of that day (a live page's stamp: not the story's day)."""
    ref = _numeric_day(m, clock)
    if ref is None:
        return None
    _, clock_value, _ = _clock_time(m, clock, text, start)
    return TIME, f"{ref.iso()}T" + clock_value.split("T")[1], "absolute"


def _ordinal_day(m, clock, text, start):
    """"on the 22nd": that day of the month the story last named nearby, else of the report's month; no
    value when neither is known (a day of no month)."""
    ref, anchor = clock.last_named(start, text)
    if ref is None or ref.year is None or ref.month is None:
        return None
    day = int(m["d"])
    dct = clock.dct
    if dct and dct.month and (ref.year, ref.month) == (dct.year, dct.month):
        # in the report's month: that month, or the one before or after, as the clause's tense says
        told = nearest_month(dct, day, text, start, m.end())
        return (DATE, told.iso(), anchor) if told else None
    if not valid_date(ref.year, ref.month, day):
        return None
    told = Ref(ref.year, ref.month, day)
    clock.set_narrative(told, start)
    return DATE, told.iso(), anchor


def _yearless_date(m, clock, text, start):
    month, day = _month(m["mon"]), _day(m["d"])
    if m["mon"].lower() == "may" and not m["wd"] and re.match(r"\s*(?:be|have|not)\b", text[m.end():]):
        return None  # the verb "may"
    if m.groupdict().get("rel"):  # "June 30 of this year", "25 June last year"
        year, anchor = _relative_year(f"{m['rel']} year", clock, text, start)
        return (DATE, Ref(year, month, day).iso(), anchor) if year and valid_date(year, month, day) else None
    named = _year_of_event_named(month, day, clock, text, start, m.end())
    if named:  # "the September 11 attacks" in 2005
        clock.event_days.add((month, day))
        return DATE, Ref(named, month, day).iso(), "absolute"
    year, anchor = _yearless_year(clock, text, start, m.end(), month, day)
    closing = _RANGE_CLOSING.match(text, m.end()) or cue("coordinated_day_year").match(text, m.end())
    if closing:  # "Oct. 5-7, 2010", "from 20 February to 10 March 1905": the range's year
        year, anchor = int(closing["y"]), "absolute"
    if not valid_date(year, month, day):
        return None
    year = _year_near_report(year, anchor, month, day, clock, text, start, start + len(m.group(0)))
    if not closing:
        year, anchor = _year_named_before(year, anchor, month, day, clock, text, start)
        year = _year_the_weekday_fits(year, month, day, m.groupdict().get("wd"))
    if year and not closing and anchor.startswith("narrative") and clock.narrative_only and clock.narrative.month \
            and clock.narrative.month - month >= NEW_YEAR_MONTHS:
        year += 1  # a history's "10 January" after its December is the next January
    ref = Ref(year, month, day)
    if year:
        clock.set_narrative(ref, start) if anchor.startswith(("narrative", "absolute")) else None
        return DATE, ref.iso(), anchor
    return DATE, f"XXXX-{month:02d}-{day:02d}", anchor


def _year_of_event_named(month: int, day: int, clock: Clock, text: str, start: int, end: int) -> int | None:
    """The year of the event a year-less day names ("the September 11 attacks", "the attacks of Sept. 11",
    "After September 11, I made a commitment": 2001), in a report written after that year, else None (a day
    like any other: "the hearing on Sept. 11", and the day of a story of 2001 itself)."""
    year = days_that_name_events().get((month, day))
    if year is None or (clock.dct is not None and clock.dct.year <= year):
        return None
    before = text[max(0, start - 30):start]
    if cue("event_named_after").match(text, end) or cue("event_named_before").search(before) \
            or cue("event_day_as_noun_before").search(before):
        return year
    if cue("event_day_as_subject_after").match(text, end) and not cue("time_preposition_before").search(before):
        return year  # "September 11 was one of those great earthquakes"
    return None


def _week_of_day(m, clock, text, start):
    """"the week of March 6": the ISO week of the day, read as a year-less day is."""
    found = _yearless_date(m, clock, text, m.start("mon"))
    if found is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", found[1]):
        return found
    year, week, _ = date.fromisoformat(found[1]).isocalendar()
    return DATE, f"{year:04d}-W{week:02d}", found[2]


# How many months before the story's a history's year-less day must lie to be read in the next year, the
# story having crossed New Year (October to January, not July to January: that is a look back). Months
# alone take the nearest year (_nearest_story_year); days keep the story's year otherwise (measured on
# WikiWars's tune half, the nearest year was right less often for days).
NEW_YEAR_MONTHS = 9
RECENT_DAYS = 92  # a year-less day at most this long before the report's date is the recent one


def _yearless_year(clock: Clock, text: str, start: int, end: int, month: int, day: int = 1) -> tuple[int | None, str]:
    """(year, anchor) of a year-less day or month (from `start` to `end`): year_for's, except that one it
    reads in the story's year is the report's instead, to be read against its date as usual, when the
    day lies within the last few months before that date, though a year told nearby moved the story
    ("had purchased 481,000 shares through Sept. 29" after "a program approved by the company in 1987",
    in a report of 1989-10-30, is 1989-09-29; "signed ... on February 10" after "Madrid in July 1997",
    in a report of 1999-02-27, is 1999-02-10): news tells what just happened. The story's year holds
    for days further back, before "that year", and in a text with no creation date."""
    year, anchor = clock.year_for(start, text)
    dct = clock.dct
    if not anchor.startswith("narrative") or not dct or not dct.year or not dct.month or year == dct.year:
        return year, anchor
    if _THAT_YEAR.match(text, end):
        return year, anchor  # "invaded in January 2003, and demobilised in September that year"
    report = date(dct.year, dct.month, dct.day or 15)
    for candidate in (dct.year, dct.year - 1):
        if valid_date(candidate, month, day) and 0 <= (report - date(candidate, month, day)).days <= RECENT_DAYS:
            return candidate, clock.dct_anchor
    return year, anchor


def _year_named_before(year: int | None, anchor: str, month: int, day: int, clock: Clock, text: str,
                       start: int) -> tuple[int | None, str]:
    """(year, anchor) of a year-less day read against the report's date, when the text already placed the
    same day in another year (stated, the story's, or named near: Clock.day_years): that year, the same day
    named again ("On March 17, ... Lord Goldsmith" of 2003, then "the March 17 written answer"); not a day
    read as the event it names when a preposition of time leads it now ("The hearing is on Sept. 11")."""
    before = clock.day_years.get((month, day))
    if before in (None, year) or not anchor.startswith("dct"):
        return year, anchor
    if (month, day) in clock.event_days and cue("time_preposition_before").search(text, max(0, start - 12), start):
        return year, anchor
    return before, f"mentioned {Ref(before, month, day).iso()}"


# How many years back a day written with its weekday may lie: a report's date is sometimes a later crawl's
# (GVA: "The shooting happened at 2:30 a.m. Saturday, Sept. 12" on a page dated January 2017 is 2015's); further
# back, a weekday that fits none of the nearer years is more likely written wrong than a date years old.
WEEKDAY_YEARS_BACK = 2


def _year_the_weekday_fits(year: int | None, month: int, day: int, weekday: str | None) -> int | None:
    """The year of a year-less day written with its weekday ("Saturday, Sept. 12"): the one read for it when
    the weekday fits it, else the year either side of it that fits ("On Monday 7 September Chris Moyles
    becomes" in August 2009: 2009's, not the September before), else an earlier one that does within
    WEEKDAY_YEARS_BACK; the year read when none fits (a weekday written wrong)."""
    if not year or not weekday or year <= 0:
        return year
    target = WEEKDAYS[weekday.lower()]
    candidates = [year, year - 1, year + 1] + [year - back for back in range(2, WEEKDAY_YEARS_BACK + 1)]
    return next((y for y in candidates if valid_date(y, month, day) and date(y, month, day).weekday() == target), year)


def _year_near_report(year: int | None, anchor: str, month: int, day: int, clock: Clock, text: str, start: int,
                      end: int) -> int | None:
    """A year-less day's year: when it is read against the report's date, the year that puts the day
    nearest it (or on the side the clause's tense gives: nearest_year); else the year given."""
    if year and anchor.startswith("dct") and clock.dct.month:
        return nearest_year(clock.dct, month, day, text, start, end=end, day_named=True)
    return year


def _night_range(m, clock, text, start):
    month, first, last = _month(m["mon"]), _day(m["d1"]), _day(m["d2"])
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    else:
        year, anchor = clock.year_for(start, text)
    if not valid_date(year, month, first) or not valid_date(year, month, last):
        return None
    if not year:
        return TIME, f"XXXX-{month:02d}-{first:02d}TNI", anchor
    begin, end = Ref(year, month, first), Ref(year, month, last)
    clock.set_narrative(end, start)
    return TIME, f"{begin.iso()}/{end.iso()}", anchor


def _part_of_date(m, clock, text, start):
    month, day = _month(m["mon"] or m["mon2"]), _day(m["d"] or m["d2"])  # "the night of June 5" / "of 8 February"
    if m["y"] or m["by"]:
        year, anchor = _stated_year(m), "absolute"
        if not year:
            return None
    else:  # the year of a year-less day, as for the day alone ("was shot on the night of Oct. 23": the last one)
        year, anchor = _yearless_year(clock, text, start, m.end(), month, day)
    if not valid_date(year, month, day):
        return None
    year = _year_near_report(year, anchor, month, day, clock, text, start, m.end())
    year, anchor = _year_named_before(year, anchor, month, day, clock, text, start)
    ref = Ref(year, month, day)
    if year:
        clock.set_narrative(ref, start)
    prefix = ref.iso() if year else f"XXXX-{month:02d}-{day:02d}"
    part = m["part"].lower()
    return TIME, f"{prefix}T{PARTS['morning' if part == 'hours' else part]}", anchor


def _month_year(m, clock, text, start):
    year = _written_or_spoken_year(m)
    if year is None:
        return None
    ref = Ref(year, _month(m["mon"]))
    return _story_moves_to(ref, clock, start, text, m.end())


def _month_of_that_year(m, clock, text, start):
    """"In August of that year": the year the story last named, as for "that year" (the one after it for
    "of the following year", before it for "of the previous year")."""
    year, anchor = _that_year(m, clock)
    month = _month(m["mon"])
    day = _day(m["d"] or m["d2"]) if m["d"] or m["d2"] else None  # "25 July of that year"
    if day is not None and not valid_date(year, month, day):
        return None
    if not year:
        return DATE, f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""), anchor
    # the month is placed in full, as "January 1949" is: the story goes on from it ("in January of the
    # following year ... In April" is April of that year)
    _, value, _ = _story_moves_to(Ref(year, month, day), clock, start, text, m.end())
    return DATE, value, anchor


def _season_of_that_year(m, clock, text, start):
    """"the autumn of that year", "the spring of the following year"."""
    year, anchor = _that_year(m, clock)
    code = SEASONS[m["season"].lower()]
    return DATE, f"{year_value(year)}-{code}" if year else f"XXXX-{code}", anchor


# How far "the next/following/previous/preceding/prior/same" day, month or year steps from the story's.
_STEPS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0}


def _that_year(m, clock) -> tuple[int | None, str]:
    """(year, anchor) of "that year", "the same year", "the following year", "the previous year" (the
    fragment that_year, its step group): the year the story last named, or the one after or before it."""
    told = clock.last_year or clock.narrative
    if not told:
        return None, "none"
    step = (m["step"] or "").split()[-1:]
    shift = _STEPS[step[0].lower()] if step else 0
    return told.year + shift, f"mentioned {told.year}"


def _era_year(m, clock, text, start):
    """"490 BC", "March 490 B.C." (a negative year: "the following year" is 489 BC), "2 August 216 BC",
    "AD 43"."""
    year = int(m["y"] or m["y2"])
    before_era = (m["era"] or "").upper().startswith("B")
    if not year or (m["era"] and m["era"].upper() in ("AD", "CE") and m["era"] != m["era"].upper()):
        return None  # "0 BC" is no year; "43 ad" in lower case is an advertisement, not an era
    month = _month(m["mon"]) if m["mon"] else None
    day = int(m["d"] or m["d2"]) if month and (m["d"] or m["d2"]) else None
    if day is not None and not 1 <= day <= 31:
        return None
    ref = Ref(-year if before_era else year, month, day)
    return _story_moves_to(ref, clock, start)


def _era_range_start(m, clock, text, start):
    """"431" of "between 431 and 404 BC": a year before the common era, as the range's end says."""
    year = int(m["y"])
    if not year:
        return None
    ref = Ref(-year)
    return _story_moves_to(ref, clock, start)


def _the_year_number(m, clock, text, start):
    """"in the year 610": that year (a number alone is read as a year from 1500 on)."""
    year = int(m["y"])
    return _story_year(year, clock, start) if year else None


def _year_in(m, clock, text, start):
    return _year(int(m["y"]), clock, text, start, m.end())


def _year(year: int, clock: Clock, text: str, start: int, end: int):
    """A year stated on its own: a DATE, and the story's time unless it names a thing."""
    if _not_a_year(text, start, end):
        return None
    return _story_year(year, clock, start, moves_story=not _year_as_modifier(text, start, end))


def _story_year(year: int, clock: Clock, start: int, moves_story: bool = True):
    ref = Ref(year)
    if moves_story:
        clock.set_narrative(ref, start, same_sentence_only=True)
    return DATE, ref.iso(), "absolute"


def _year_as_modifier(text: str, start: int, end: int) -> bool:
    """"the 1953 expedition", "its 2006 highs", "the 1920 agreement": a year naming a thing leaves the
    story where it was."""
    return bool(re.search(r"\b(?:the|its|his|her|their|this|that|a|an)\s+$", text[max(0, start - 8):start], re.I)
                and re.match(r"\s+[a-z]", text[end:end + 3]))


_RANGE_OPENING = re.compile(rf"(?P<mon>{MONTH_RX})\s+(?P<d1>{DAY_RX})[-–]$", re.IGNORECASE)


_RANGE_CLOSING = re.compile(rf"[-–]{DAY_RX},?\s+(?P<y>{YEAR_RX})\b")


def _day_range_end(m, clock, text, start):
    """"April 13-15": the 15th of the month the range opens with, in its year."""
    opening = _RANGE_OPENING.search(text, max(0, start - 16), start)
    if not opening:
        return None
    return _second_day(opening, _day(m["d"]), int(m["y"]) if m["y"] else None, clock, text, start)


_LIST_OPENING = re.compile(rf"(?P<mon>{MONTH_RX})\.?\s+(?P<d1>{DAY_RX})\s+(?:and|or|to|through)\s+$", re.IGNORECASE)


def _day_list_end(m, clock, text, start):
    """"April 24 and 25", "June 3 to 5": the second day, of the month the first is given with."""
    opening = _LIST_OPENING.search(text, max(0, start - 24), start)
    if not opening or int(m["d"]) <= int(opening["d1"]):
        return None
    return _second_day(opening, _day(m["d"]), int(m["y"]) if m["y"] else None, clock, text, start)


def _second_day(opening: re.Match, day: int, year: int | None, clock: Clock, text: str, start: int):
    """The second day of a range or list whose first day (`opening`: its mon and d1) gives the month: in
    the year stated after it, else the one the first day is read in ("took place Nov. 3 and 4", "talks
    continued November 19-20", in a February report: last November)."""
    month, first = _month(opening["mon"]), _day(opening["d1"])
    if year:
        return _range_day(month, day, year, clock, text, start)
    at, until = opening.start(), opening.end("d1")
    year, anchor = _yearless_year(clock, text, at, until, month, first)
    if year is None or not valid_date(year, month, day):
        return _range_day(month, day, None, clock, text, start)
    year = _year_near_report(year, anchor, month, first, clock, text, at, until)
    return DATE, Ref(year, month, day).iso(), anchor


def _day_range_start(m, clock, text, start):
    """"6-7 February 1920": the 6th of the month (and year) the range closes with."""
    return _range_day(_month(m["mon"]), _day(m["d"]), int(m["y"]) if m["y"] else None, clock, text, start)


def _range_day(month: int, day: int, year: int | None, clock, text, start):
    anchor = "absolute"
    if year is None:
        year, anchor = clock.year_for(start, text)
    if not valid_date(year, month, day):
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
    # ... or after one of its fellows in a list ("resolutions 1970 and 1973")
    listed = re.search(r"(\S+)\s+\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or|&)\s+$", text[max(0, start - 40):start])
    after = re.match(r"[\s-]*([A-Za-z.]+)", text[end:end + 20])
    if any(found and found.group(1).lower() in words["words_before"] for found in (before, listed)):
        return True
    if after and after.group(1).lower().rstrip(".") in words["words_after"] or _street(words).match(text, end):
        return True  # "the 1500 block", "1750 BC", "1600 Pennsylvania Avenue", "1840 West Palma Vista Drive"
    if _car_make(tuple(words["car_makes"]), tuple(words["car_make_followers"])).match(text, end):
        return True  # "a silver 2005 or 2006 Toyota Tacoma"
    if re.search(words["address_after"], text[max(0, start - 6):start], re.I) and _house_number_name(words, text, end):
        return True  # "responded to a shooting at 1602 Dellwood, near ..."
    hhmm = re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", text[start:end])
    return bool(hhmm and re.search(words["clock_before"], text[max(0, start - 30):start]))


@lru_cache(maxsize=1)
def _car_make(makes: tuple[str, ...], followers: tuple[str, ...]) -> re.Pattern:
    """A car's make after a model year, or after another model year listed with it ("2005 or 2006 Toyota"),
    not followed by a lower-case word of another noun ("the 2007 Ford strike")."""
    return re.compile(r"(?:\s*(?:or|and|to|-|/)\s*(?:19|20)\d\d)?\s+(?:model\s+)?(?-i:"
                      + "|".join(re.escape(make) for make in makes) + r")\b"
                      + r"(?!\s+(?!(?:" + "|".join(followers) + r")\b)(?-i:[a-z]))")


@lru_cache(maxsize=1)
def _street_rx(types: tuple[str, ...], directions: tuple[str, ...]) -> re.Pattern:
    direction = r"(?:" + "|".join(directions) + r")\.?"
    name = r"(?:(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))\s+){1,3}(?:" + "|".join(re.escape(t) for t in types) + r")(?!\w)"
    return re.compile(rf"\s+(?:{direction}\s+)?{name}|\s+{direction}\)")


def _street(words: dict) -> re.Pattern:
    """A street after a house number: capitalised words or an ordinal, then a street type ("1600
    Pennsylvania Avenue", "2100 E. Main St.", "1707 Northeast 82nd Avenue"), or a direction alone on a
    city's grid ("(1910 West)")."""
    return _street_rx(tuple(words["street_types"]), tuple(words["street_directions"]))


def _house_number_name(words: dict, text: str, end: int) -> bool:
    """A capitalised name and a pause after a number ("1602 Dellwood, near"), not a month or weekday's."""
    name = re.match(words["address_name"], text[end:end + 30])
    return bool(name) and not re.match(rf"\s+(?:{MONTH_RX}|{WEEKDAY_RX})\b", text[end:end + 12], re.I)


def _decade_words(m, clock, text, start):
    """"the eighties", "the late nineteen seventies"; "in his eighties", "her late twenties" are ages."""
    if cue("age_of_decade").search(text, max(0, start - 12), start):
        return None
    return DATE, f"19{DECADE_WORDS.index(m['dw'].lower()) + 2}", "absolute"


def _fiscal_year(m, clock, text, start):
    return DATE, m["y"], "absolute"


_RELATIVE = ("last", "this", "next", "following", "previous", "that")  # words that place a month or season themselves


def _season(m, clock, text, start):
    code = SEASONS[m["season"].lower()]
    stated = m["y"] or m["sy"] or m["by"]
    if m["season"][0].isupper() and not (m["rel"] or stated) and cue("season_in_name").match(text, m.end()):
        return None  # a place: "Winter Springs High School", "Spring Street", "Summer Avenue"
    if m["season"].istitle() and not (m["rel"] or stated) and _season_in_a_name(text, m.start("season"), m.end()):
        return None
    if m["season"].lower() == "fall" and not (m["rel"] and m["rel"].lower() != "that" or stated):
        return None  # "fall" is mostly the verb ("buildings that fall down")
    if m["y"] or m["sy"]:
        year = _written_or_spoken_year(m)
        if year is None:
            return None
        if clock.narrative_only and (clock.narrative is None or opens_sentence(text, start)):
            # A history that opens on "In the spring of 1862", or a sentence that does ("In the fall of 1862,
            # Lee invaded Maryland"): the story is in that year until a date moves it. (Inside a sentence, a
            # season with its year is as often an aside, "in summer 2007" in a story of 2008.)
            clock.set_narrative(Ref(year), start)
        return _season_told(clock, year, code, start, "absolute")
    if m["by"]:  # "the spring of 480 BC": where the story is, as "480 BC" alone would be
        ref = Ref(-int(m["by"]))
        clock.set_narrative(ref, start)
        return DATE, f"{ref.iso()}-{code}", "absolute"
    rel = (m["rel"] or "").lower()
    joined = None if rel in _RELATIVE else cue("coordinated_year").match(text, m.end())
    if joined:  # "the spring and early summer of 1943"
        return DATE, f"{joined['y']}-{code}", "absolute"
    # "chairman from 1982 until last spring": the report's
    now, anchor = clock.deictic_time(rel) or clock.time_for(start, text)
    if now is None:
        return DATE, f"XXXX-{code}", anchor
    if rel in ("following", "previous"):
        year = _season_year_around(code, now.year, now.month, rel)
    elif not rel and anchor.startswith("dct") and now.month:
        article = re.search(r"\bthe\s+$", text[max(0, start - 4):start], re.I)  # "will visit Moscow in the spring"
        at = start - (len(article.group(0)) if article else 0)
        done = _done_right_before(text, start)
        year = now.year if done else _season_year_by_tense(code, now, clause_tense(text, at, m.end()))
    else:
        year = now.year + {"last": -1, "next": 1}.get(rel, 0)
        if not rel and clock.narrative_only:
            year = _season_after_the_last(clock, code, year)
    return _season_told(clock, year, code, start, anchor)


def _season_told(clock: Clock, year: int, code: str, start: int, anchor: str):
    """A season's value; in a history, also the season the story is in now, which a bare season after it
    follows ("During the winter ... In the spring": the next year's)."""
    if clock.narrative_only:
        clock.last_season = (year, code, start)
    return DATE, f"{year_value(year)}-{code}", anchor


# Seasons in the order a year runs through them (a winter is the one that begins in its year's December).
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_after_the_last(clock: Clock, code: str, year: int) -> int:
    """A history goes forward through the seasons: a season named alone, earlier in the year's cycle than
    the last one it named while the story stayed there, is the next year's ("During the winter [of 1854]
    thousands died. In the spring, reinforcements arrived": 1855-SP). (After a month, the season nearest
    it, as for a year-less month, was tried: WikiWars tune 0.8977 -> 0.8938, histories name seasons of
    the story's year out of order.)"""
    last = clock.last_season
    if last is None or last[0] != year or clock.narrative_at > last[2]:
        return year
    return year + 1 if _SEASON_ORDER[code] < _SEASON_ORDER[last[1]] else year


def _done_right_before(text: str, start: int) -> bool:
    """A past verb or participle right before a season or weekend ("formed over the summer", "agreed upon
    over the weekend"): it has been, whatever the clause looks ahead to."""
    return cue("done_over").search(text, max(0, start - 40), start) is not None


def _season_in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised season (from `start` to `end`) is a word of a name: a capitalised word before
    it that does not open the sentence ("the Arab Spring", "Silver Spring, Md.", "said Ed Winter") or one
    after it ("Summer Infant monitors", "Spring Break"), and no year closing the name. On Timeline17 and
    GVA's coverage this drops 74 seasons, every one a name; it keeps "until the Autumn", "going into
    Autumn/Winter" (and "shot ... in Spring", Spring, Texas, still read as a season)."""
    if cue("season_name_year_after").match(text, end):
        return False
    named_before = cue("season_name_before").search(text, max(0, start - 30), start) and not opens_sentence(text, start)
    return bool(named_before) or cue("season_name_after").match(text, end) is not None


def _season_year_by_tense(code: str, report: Ref, tense: str | None) -> int:
    """A season named alone in a report: the one under way or nearest in the report's year, the next
    when the clause looks ahead and this year's is over ("will visit Moscow in the spring" in November is
    next spring). (A past tense is no sign of the last one: read on Timeline17, "predicted the virus
    would cause an epidemic in the autumn" and "plans in place for the summer exam season" in May are
    this year's; the past-tense reading was wrong as often as right there.)"""
    first = _SEASON_STARTS[code]
    if code == "WI" and report.month <= 2:
        return report.year - 1  # the winter under way began last December ("another winter storm" in January)
    if tense == "future" and report.month >= first + 3:
        return report.year + 1  # this year's season is over
    return report.year


_SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # TimeML's winter of a year is its December to February


def _season_year_around(code: str, year: int, month: int | None, rel: str) -> int:
    """The year of "the following spring" (the first to begin after the story's month) or "the previous
    winter" (the last to end before it); a year step when the story gives no month."""
    first = _SEASON_STARTS[code]
    if month is None:
        return year + (1 if rel == "following" else -1)
    if rel == "following":
        return year if month < first else year + 1
    if code == "WI":  # a winter ends in February of the year after its own
        return year - 1 if month >= 3 else year - 2
    return year if month > first + 2 else year - 1


def _relative_year(word: str | None, clock: Clock, text: str, start: int) -> tuple[int | None, str]:
    if word and re.fullmatch(YEAR_RX, word):
        return int(word), "absolute"
    shift = {"last year": -1, "next year": 1}.get((word or "").lower(), 0)
    # "this/last/next year" count from the report's date, wherever the story has moved ("from Jan. 1,
    # 2014, through June 30 of this year" in 2016), as "this year" alone does
    said = clock.deictic_time(word.split()[0].lower()) if word and word.lower().endswith(" year") else None
    year, anchor = (said[0].year, said[1]) if said else clock.year_for(start, text)
    return (year + shift if year else None), anchor


def _quarter(m, clock, text, start):
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
         "last": 4}[m["q"].lower()]
    named = m["y"] or m["yq"] or m["yp"] or (f"{m['ry']} year" if m["ry"] else None)  # "next year's first quarter"
    year, anchor = _relative_year(named, clock, text, start)
    dct = clock.dct
    if not named and year and dct and dct.month and year == dct.year and q > (dct.month - 1) // 3 + 1 \
            and _last_years_quarter(dct, q, text, start):
        year -= 1
    if anchor == "absolute" and year:  # "the fourth quarter of 2005 and ... for the entire year": 2005's
        clock.set_narrative(Ref(year), start, same_sentence_only=True)
    return DATE, f"{year if year else 'XXXX'}-Q{q}", anchor


def _last_years_quarter(dct: Ref, q: int, text: str, start: int) -> bool:
    """Whether a quarter still to come this year ("the fourth quarter" in a report of August) is last
    year's: news reports on quarters that are over ("the fourth quarter" in January is last year's), so
    in a past clause it is, in a future one it is not, and otherwise it is the one of the two nearer the
    report ("the partial closure of ten plants during the fourth quarter" in August is this year's)."""
    tense = clause_tense(text, start)
    if tense:
        return tense == "past"
    report = date(dct.year, dct.month, dct.day or 15)
    ended = date(dct.year - 1, 3 * q, 1) + relativedelta(months=1, days=-1)
    begins = date(dct.year, 3 * q - 2, 1)
    return (report - ended) < (begins - report)


def _half_year(m, clock, text, start):
    if m["by"]:  # "the first half of 216 BC"
        year, anchor = _stated_year(m), "absolute"
        if not year:
            return None
    else:
        year, anchor = _relative_year(m["y"], clock, text, start)  # "the year" is the story's, "this year" the report's
    if anchor == "absolute":  # "the latter half of 2008" moves the story to 2008 as "2008" does
        clock.set_narrative(Ref(year), start, same_sentence_only=True)
    return DATE, f"{Ref(year).iso() if year else 'XXXX'}-H{1 if m['h'].lower() == 'first' else 2}", anchor


def _decade(m, clock, text, start):
    """"the 1990s" is 199 (TimeML's first three digits of its years); "the 440s BC", 449 to 440 before the
    common era, BC044."""
    if m["bcdec"]:
        year = int(m["bcdec"])
        return (DATE, f"BC{year // 10:03d}", "absolute") if year else None
    digits = m["dec"][:3] if m["dec"] else None
    if digits is None:
        return None
    return DATE, digits, "absolute"


def _decade_short(m, clock, text, start):
    """"the '80s", "the 80s": 198 — unless the tens are degrees or a score ("highs in the 80s", "approval in
    the 20s")."""
    if "'" not in m.group(0) and (cue("tens_not_decade_before").search(text, max(0, start - 80), start)
                                  or cue("degrees_after").match(text, m.end())):
        return None
    return DATE, f"19{m['dec2'][0]}", "absolute"


def _century(m, clock, text, start):
    """"the 20th century" is 19 (TimeML's two first digits of its years); "the 4th century BC", whose years
    are 399 to 300 before the common era, BC03."""
    n = ordinal(m["c"])
    if not n or not 1 <= n <= 22:
        return None
    return DATE, f"{'BC' if m['bc'] else ''}{n - 1:02d}", "absolute"


def _holiday_date(name: str, year: int) -> date:
    """The date of a holiday in a year, from the lexicon's table: the entry its name starts with
    (the longest such: "christmas eve" before "christmas"); a fixed day, the weekday on or after (or
    on or before) a day of its month, or Easter (and the days set from it: Good Friday). An unknown name
    is election day, as the rule's pattern names no other."""
    from dateutil.easter import easter

    name = re.sub(r"[\s-]+", " ", name.lower())  # "All-Saints' Day" is "all saints' day"
    table = holidays()
    key = max((k for k in table if name.startswith(k)), key=len, default="election")
    rule = table[key]
    if rule.get("easter"):
        return easter(year) + timedelta(days=rule.get("offset", 0))
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    weekday = WEEKDAYS[rule["weekday"]]
    if "on_or_after" in rule:
        first = date(year, rule["month"], rule["on_or_after"])
        return first + timedelta(days=(weekday - first.weekday()) % 7)
    last = date(year, rule["month"], rule["on_or_before"])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_YEAR_AFTER = re.compile(rf"\s+in\s+(?P<y>{YEAR_RX})\b")


def _holiday(m, clock, text, start):
    """A holiday's date in the year written with it ("Christmas Day, 2010", "Thanksgiving of 2015",
    "on Halloween in 2014"), else in the year the story is in."""
    rel = (m["rel"] or "").lower()
    written = m["y"] or (found["y"] if (found := _YEAR_AFTER.match(text, m.end())) else None)
    if written:
        when = _holiday_date(m["hol"], int(written))
        return _story_moves_to(Ref(when.year, when.month, when.day), clock, start)
    year, anchor = clock.year_for(start, text)
    if year is None:
        return DATE, "XXXX", anchor
    when = _holiday_date(m["hol"], year)
    dct = clock.dct.as_date() if clock.dct else None
    if dct and anchor.startswith("dct"):
        # "charges will be filed after a teenager was shot on New Year's Eve": the past verb nearest before
        # the holiday governs it, not the clause's "will" (as for a weekday)
        looks_ahead = _clause_looks_ahead(text, start, m.end()) and tense_before(text, start) != "past"
        if rel == "last" or (rel != "next" and not looks_ahead and when > dct + timedelta(days=60)):
            when = _holiday_date(m["hol"], year - 1)
        elif rel == "next" and when < dct:
            when = _holiday_date(m["hol"], year + 1)
    return DATE, when.isoformat(), anchor


def _month_rel_year(m, clock, text, start):
    year, anchor = _relative_year(f"{m['rel']} year", clock, text, start)
    return DATE, (f"{year_value(year)}-{_month(m['mon']):02d}" if year else f"XXXX-{_month(m['mon']):02d}"), anchor


_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)


def _that_year_before(text: str, position: int) -> bool:
    """Whether the sentence says "that year" or "the same year" before a position (the sentence bound
    within_sentences keeps)."""
    said = list(re.finditer(r"\b(?:that|the\s+same)\s+year\b", text[max(0, position - 300):position], re.I))
    return bool(said) and within_sentences(text, max(0, position - 300) + said[-1].start(), position, 1)


def _nearest_story_year(story: Ref, month: int) -> int:
    """The year that puts a year-less month nearest the story's own month: a history crosses New Year
    ("the Ardennes offensive of December 1944 ... had been repulsed by January" is January 1945), as a
    news report's months are the ones nearest its date; the story's year on a tie. (Month-and-day
    dates keep the story's year: measured on WikiWars's tune half, the nearest year was right less often.)"""
    options = (story.year, story.year + 1, story.year - 1)
    return min(options, key=lambda y: abs((y * 12 + month) - (story.year * 12 + story.month)))


def _month_alone(m, clock, text, start):
    month, rel = _month(m["mon"]), (m["rel"] or "").lower()
    if not m["mon"][0].isupper():
        return None  # "may" the verb; month names are capitalised
    joined = None if rel in _RELATIVE else cue("coordinated_year").match(text, m.end())
    led = bool(rel or m["step"] or joined or cue("month_lead_before").search(text[max(0, start - 14):start])
               or cue("month_determiner_before").search(text[max(0, start - 8):start])
               and cue("month_as_noun_modifier_after").match(text, m.end()))  # "a March report"
    if not led and (m["mon"] == "May" or m["mon"] == "March" and re.match(r"\s+[a-z]", text[m.end():])):
        return None  # "May God bless", "Theresa May"; "March on": a wish, a name, a verb ("(May-August 1950)" is led)
    if m["mon"] == "MAY" and not (rel or m["step"]):
        return None  # in capitals, the modal as often as not, led or not: "AND MAY HAVE ALSO INJURED", "THAT MAY ALLAH"
    if not rel and not m["step"] and cue("month_in_name").search(text, max(0, start - 40), start):
        return None  # part of a name: "the Long March", "the Women's March"
    if joined:  # "January and February 1943"
        return DATE, f"{joined['y']}-{month:02d}", "absolute"
    if m["step"]:  # "the following January": the first after the time the story last named
        return _month_stepped(month, m["step"].lower() == "following", clock, text, start)
    if clock.narrative_only and rel in ("next", "last"):
        # a history has no report to count from: "peace was signed at Paris the next March" after September
        # 1855 is March 1856, as "the following March" is
        return _month_stepped(month, rel == "next", clock, text, start)
    year, anchor = _year_of_month(month, rel, clock, text, start, m.end())
    return DATE, f"{year_value(year)}-{month:02d}" if year is not None else f"XXXX-{month:02d}", anchor


def _year_placed(clock: Clock, month: int) -> int | None:
    """The year the report has already placed a month in, if it is one of the years around the report's."""
    placed = clock.month_years.get(month)
    return placed if placed is not None and abs(placed - clock.dct.year) <= 1 else None


# A span of two year-less months: the first month, its start and end in the text; the second month, its start
# and end; and whether the month being read is the second.
MonthPair = tuple[int, int, int, int, int, int, bool]


def _month_pair(month: int, text: str, start: int, end: int) -> MonthPair | None:
    """The span a year-less month from `start` to `end` opens or closes with another, capitalised and with
    no day ("between April and July", "from April to June", "late July and early August"), else None."""
    after = cue("month_pair_after").match(text, end)
    if after and after["mon"][0].isupper():
        return month, start, end, _month(after["mon"]), after.start("mon"), after.end("mon"), False
    before = cue("month_pair_before").search(text, max(0, start - 30), start)
    if before and before["mon"][0].isupper() and not re.search(r"(?:\d|\b(?:last|this|next|since|until|by))\s*$",
                                                               text[max(0, before.start() - 6):before.start()], re.I):
        return _month(before["mon"]), before.start("mon"), before.end("mon"), month, start, end, True
    return None


def _year_in_month_pair(clock: Clock, pair: MonthPair, text: str) -> int:
    """The year of one month of a pair read as one span: the span nearest the report on the side the tense
    of either month's clause gives ("recorded from April to June" in January: last April to June; "had
    planned to fish in May and June" on June 1: this one; "From April through June, when BP's stock was
    tanking"), else (not "in" April) in the year the report has placed the first, else the nearest; the second
    month a year on when it comes before the first in the calendar ("December and January"). Read one at a
    time, the two could straddle the report ("which between April and July dumped", October 2010: April
    2011, July 2010)."""
    first, first_start, first_end, second, second_start, second_end, is_second = pair
    dct = clock.dct
    tense = told_tense(text, first_start, first_end) or told_tense(text, second_start, second_end)
    placed = _year_placed(clock, first)
    if tense is None and placed is not None \
            and not re.search(r"\b(?:in|early|late|mid)[\s-]+$", text[max(0, first_start - 8):first_start], re.I):
        return placed + (second < first) if is_second else placed  # as a month alone the report placed is read
    report = date(dct.year, dct.month, dct.day or 15)
    spans = {year: (date(year, first, 1), date(year + (second < first), second, 1) + relativedelta(months=1, days=-1))
             for year in (dct.year - 1, dct.year, dct.year + 1)}
    if tense == "past":
        candidates = [year for year, (begins, _) in spans.items() if begins <= report] or list(spans)
    elif tense == "future":
        candidates = [year for year, (_, ends) in spans.items() if ends >= report] or list(spans)
    else:
        candidates = list(spans)

    def distance(year: int) -> int:
        begins, ends = spans[year]
        return 0 if begins <= report <= ends else min(abs((begins - report).days), abs((ends - report).days))
    year = min(candidates, key=distance)
    return year + (second < first) if is_second else year


def _month_stepped(month: int, forward: bool, clock: Clock, text: str, start: int):
    """"the following January" after 1990 (or after March 1990) is January 1991; "the previous July" after
    March 1990 July 1989, after a year alone the year before's."""
    ref, anchor = clock.last_named(start, text)
    if ref is None or ref.year is None:
        return DATE, f"XXXX-{month:02d}", anchor
    if forward:
        year = ref.year + 1 if ref.month is None or month <= ref.month else ref.year
    else:
        year = ref.year - 1 if ref.month is None or month >= ref.month else ref.year
    return DATE, f"{year_value(year)}-{month:02d}", anchor


def _year_of_month(month: int, rel: str, clock: Clock, text: str, start: int, end: int) -> tuple[int | None, str]:
    """(year, anchor) of a month named without its year, from `start` to `end` ("in March", "last July")."""
    dct = clock.dct
    deictic = clock.deictic_time(rel)  # "retired last June" after "joined in 1975": the report's
    year, anchor = (deictic[0].year, deictic[1]) if deictic else _yearless_year(clock, text, start, end, month)
    if year is None:
        return None, anchor
    if anchor.startswith("narrative") and clock.narrative.month and rel not in ("last", "this", "next", "since") \
            and not _THAT_YEAR.match(text, end) and not _that_year_before(text, start):
        # ("demobilised in September that year", "Later that year, ... in November": the story's year)
        year = _nearest_story_year(clock.narrative, month)
        if clock.narrative_only and (year, month) > (clock.narrative.year, clock.narrative.month):
            # a history goes on from a month it names ahead of its story ("Marshall arrived in December")
            clock.set_narrative(Ref(year, month), start)
    pair = _month_pair(month, text, start, end) if rel in ("", "in", "early", "late", "mid") else None
    if anchor.startswith("dct") and dct and dct.month and pair:
        return _year_in_month_pair(clock, pair, text), anchor
    if anchor.startswith("dct") and dct and dct.month:
        if month == dct.month and rel != "last":
            # the report's own month is this year's whatever the tense ("It was hot in July" on July 6); "next
            # July" is a year on ("last July" is left to nearest_year: late in the month it can be this one)
            year = dct.year + (rel == "next")
        elif not rel and _year_placed(clock, month) is not None and clause_tense(text, start, end) is None:
            year = _year_placed(clock, month)
        elif rel != "this":
            year = nearest_year(dct, month, 15, text, start, rel, end=end)
    return year, anchor


_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _week_of_month(m, clock, text, start):
    """"the first week of July", "the last week of August 1944": the ISO week of that week's Thursday (a
    week is the month's whose Thursday falls in it, as ISO 8601 counts weeks into years)."""
    month, nth = _month(m["mon"]), m["nth"].lower()
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    else:
        year, anchor = _year_of_month(month, "", clock, text, start, m.end())
    if year is None or year <= 0:
        return DATE, f"XXXX-{month:02d}", anchor
    if nth in ("last", "final"):
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
        thursday = last - timedelta(days=(last.weekday() - 3) % 7)
    else:
        first = date(year, month, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 7 * _NTH_WEEK[nth])
    iso_year, week, _ = thursday.isocalendar()
    if anchor == "absolute":  # "In the first week of May 1951 ... The following week": the story is there
        clock.set_narrative(Ref(thursday.year, thursday.month, thursday.day), start)
    return DATE, f"{iso_year:04d}-W{week:02d}", anchor


def _results_of_quarter(text: str, start: int, end: int) -> bool:
    """Whether "this quarter" names the quarter a report gives results for ("This quarter's loss includes
    pretax charges"), not one under way ("this quarter's results will be weak")."""
    return cue("results_after_quarter").match(text, end) is not None and tense_before(text, start) != "future" \
        and not _clause_looks_ahead(text, start, end)


def _reported_quarter(clock: Clock, text: str, start: int, back_years: int = 0) -> str:
    """The quarter a report on results is about: of the quarters the text has named (of the report's year
    or the one before, none after the DCT's), the last when its sentence or the one before named it, else
    the first ("Ralston Profit Declined 47% In 4th Quarter" of 1989-11-02: a company's fiscal quarter, not
    the calendar's last, is "the latest period", and "a year earlier" is that quarter a year back; "in the
    third quarter ..., down 9 percent from a year ago" after "first-quarter" is the third); with none named,
    the last one ended before the DCT."""
    dct = clock.dct
    now = f"{dct.year:04d}-Q{(dct.month - 1) // 3 + 1}"
    named = [(q, at) for q, at in clock.named_quarters if f"{dct.year - 1:04d}" <= q <= now]
    if not named:
        return _reporting_quarter(dct, back_years)
    quarter, at = named[-1]
    if not within_sentences(text, at, start, 2):
        quarter = named[0][0]
    return f"{int(quarter[:4]) - back_years:04d}{quarter[4:]}"


def _reporting_quarter(dct: Ref, back_years: int = 0) -> str:
    """The quarter a news report is about: the last one that has ended before the DCT."""
    q = (dct.month - 1) // 3  # quarters ended before this month's quarter
    year = dct.year if q else dct.year - 1
    return f"{year - back_years:04d}-Q{q if q else 4}"


def _report_quarter(m, clock, text, start):
    if cue("not_the_reported_period").match(text, m.end()):
        return None
    which = re.sub(r"\s+", " ", (m["which"] or "").lower())
    dct = clock.dct
    if dct is None or dct.month is None:
        return DATE, "XXXX-QX", "none"
    back = 1 if which in ("year-ago", "year-earlier") or m["year_back"] else 0  # "last year's quarter"
    if which == "current":  # the quarter under way, not the last one reported on
        return DATE, f"{dct.year:04d}-Q{(dct.month - 1) // 3 + 1}", f"dct {dct.iso()}"
    ended = cue("quarter_ended_on").match(text, m.end())
    if ended and m["u"].lower() == "quarter" and which not in ("current", "previous", "prior", "same"):
        return DATE, _quarter_ended(dct, _month(ended["mon"]), back), f"dct {dct.iso()}"
    if which in ("previous", "prior"):
        value = _reporting_quarter(Ref(dct.year, max(1, dct.month - 3)))
    else:
        value = _reported_quarter(clock, text, start, back)
    return DATE, value, f"dct {dct.iso()}"


def _quarter_ended(dct: Ref, month: int, back_years: int) -> str:
    """The calendar quarter of a company's quarter that ended in `month` (the last one before the report):
    the three months up to it lie mostly in the quarter of the middle one ("the quarter ended July 31",
    May to July, is the second)."""
    year = dct.year - (month > dct.month) - back_years
    middle = (month - 2) % 12 + 1
    year -= middle > month  # "the quarter ended Jan. 31": November to January, last year's fourth
    return f"{year:04d}-Q{(middle - 1) // 3 + 1}"


def _same_period_year_back(m, clock, text, start):
    """"the same month a year ago" after "in January": last January; "the same period last year" is the
    month the sentence named, else (a report on quarterly results) the quarter reported, a year back."""
    unit, month = m["u"].lower(), clock.last_month
    named_here = month is not None and within_sentences(text, clock.last_month_at, start, 1)
    if unit == "month" and month is not None or unit == "period" and named_here:
        return DATE, f"{year_value(month.year - 1)}-{month.month:02d}", f"mentioned {month.iso()}"
    dct = clock.dct
    if unit == "quarter" and dct and dct.month:
        return DATE, _reported_quarter(clock, text, start, 1), f"dct {dct.iso()}"
    return _year_ago_adj(m, clock, text, start)  # the reported quarter a year back, else the year before


def _year_ago_adj(m, clock, text, start):
    dct = clock.dct
    if dct and dct.month and _about_quarters(text, start):
        return DATE, _reported_quarter(clock, text, start, 1), f"dct {dct.iso()}"
    return (DATE, f"{dct.year - 1:04d}", f"dct {dct.iso()}") if dct and dct.year else (DATE, "XXXX", "none")


def _about_quarters(text: str, position: int) -> bool:
    """In a report on quarterly results, "a year ago" means the same quarter a year ago: the
    article speaks of quarters and the phrase sits among results ("$3.1 million a year ago")."""
    return bool(cue("quarter").search(text)) and bool(cue("results").search(text, max(0, position - 250), position + 60))


def _the_year(m, clock, text, start):
    year, anchor = clock.year_for(start, text)
    return DATE, year_value(year) if year else "XXXX", anchor


def _year_end(m, clock, text, start):
    """"year-end" is the year's last day; "the end of the year" is a point within the year, whose
    value is the year's own, as for "the end of May" (TimeML marks the point with a mod)."""
    year, anchor = clock.year_for(start, text)
    if "year-end" not in m.group(0).lower():
        return DATE, year_value(year) if year else "XXXX", anchor
    return DATE, f"{year:04d}-12-31" if year else "XXXX-12-31", anchor


def _month_end(m, clock, text, start):
    return _month_of_story(clock, text, start)


def _decade_of_story(m, clock, text, start):
    year, anchor = clock.year_for(start, text)
    digits = 3 if m["u"].lower() == "decade" else 2  # TimeML's decade 199, century 19
    return DATE, (year_value(year)[:digits] if year and year > 0 else "X" * digits), anchor


def _month_of_story(clock: Clock, text: str, start: int):
    """The month the story is in ("by the middle of the month"); in a history whose story names only a
    year so far, a month of that year (1942-XX)."""
    narrative = clock.narrative if clock.narrative and clock.narrative.month and \
        clock.reaches(text, start, clock.narrative_reach) else None
    if narrative is None and clock.narrative_only and clock.narrative and clock.narrative.year:
        narrative = clock.narrative
    ref, anchor = (narrative, f"narrative {narrative.iso()}") if narrative else (clock.dct, clock.dct_anchor)
    if ref is None or ref.year is None:
        return DATE, "XXXX-XX", anchor
    return DATE, f"{year_value(ref.year)}-{ref.month:02d}" if ref.month else f"{year_value(ref.year)}-XX", anchor


def _weekend(m, clock, text, start):
    rel = m["rel"].lower()
    # "this/last/next weekend" in a dated report point from the day it was written, as "this week" does
    # ("curfew ... for this weekend's election" in a report naming November 2003 three sentences before);
    # "the weekend" is the story's
    ref, anchor = clock.deictic_time(rel) or clock.day_ref(start, text)
    if ref is None or ref.as_date() is None:
        return DATE, "XXXX-WXX-WE", anchor
    base = ref.as_date()
    # "the weekend" is the last one, unless what comes before it in its clause looks ahead ("talks will
    # continue through the weekend"; not "agreed upon over the weekend")
    ahead = rel == "next" or (rel == "this" and base.weekday() < 5 and _this_weekend_ahead(m, base, text, start)) or (
        rel == "the" and base.weekday() < 5 and tense_before(text, start) == "future"
        and not _done_right_before(text, start))
    if base.weekday() >= 5:  # on a weekend, "last weekend" is the one before it and "next weekend" the one after
        saturday = base - timedelta(days=base.weekday() - 5) + timedelta(days={"last": -7, "next": 7}.get(rel, 0))
    elif ahead:
        saturday = base + timedelta(days=5 - base.weekday())
    else:
        saturday = base - timedelta(days=base.weekday() + 2)
    iso = saturday.isocalendar()
    return DATE, f"{iso[0]:04d}-W{iso[1]:02d}-WE", anchor


def _this_weekend_ahead(m, base: date, text: str, start: int) -> bool:
    """Whether "this weekend", written on a weekday, is the coming one: when its clause looks ahead ("Should
    a hurricane strike the Gulf this weekend"), not when it is told as past ("the boy got killed this
    weekend", "Following the failure this weekend of BP's attempt") or, early in the week, with no tense
    ("a mass shooting this weekend" in Monday's paper: a report early in the week is mostly of the weekend
    it follows). It was always the coming one; read on every value this changed, Timeline17 21 of 25 are
    right now (4 were), GVA's coverage 6 of 7. MEANTIME's tune gold gives one Monday's "became public
    attention this weekend" the coming weekend (value F1 0.8792 -> 0.8750); TimeBank, AQUAINT unchanged."""
    told_as_past = tense_before(text, start) == "past"
    looks_ahead = _clause_looks_ahead(text, start, m.end()) or _scheduled_in_present(text, start, m.end()) \
        or cue("modal_future").search(clause_around(text, start))
    if looks_ahead and not told_as_past:
        return True
    told_then = told_as_past or _done_right_before(text, start) \
        or cue("past_verb_after").match(text, m.end()) or names_incident(text, m.end(), start)
    return not told_then and base.weekday() >= 2


def _the_week(m, clock, text, start):
    """"the week" of no stated week; but "the end of the week", "earlier in the week" are the week of the
    day its sentence names, else of the report's day (a day named sentences before is often another
    week's: "the April 20 explosion ... Earlier in the week, officials ..." in May)."""
    part = cue("part_of_the_week").search(text, max(0, start - 24), start)
    if part:
        day, anchor = clock.mentioned_day(start, text, sentences=1)
        when = day.as_date() if day else None
        if when and when.weekday() == 6 and part.group(0).lower().startswith(("end", "later", "late")):
            when += timedelta(days=1)  # a Sunday's "by the end of the week": the week it opens (ISO weeks end Sundays)
        if when:
            iso = when.isocalendar()
            return DATE, f"{iso[0]:04d}-W{iso[1]:02d}", anchor
    year, anchor = clock.year_for(start, text)
    return DATE, f"{year:04d}-WXX" if year else "XXXX-WXX", anchor


def spoken_year(said: str) -> int | None:
    """The year a spoken year names (the fragment spoken_year): "nineteen ninety-four" is 1994."""
    words = re.sub(r"\s+", " ", said.lower()).replace(" hundred", "").replace(" and", "")
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].strip()
        return 2000 + (NUMBER_WORDS.get(rest, 0) if rest else 0)
    rest = words[len("nineteen"):].strip()
    return 1900 + NUMBER_WORDS[rest] if rest in NUMBER_WORDS else None


def _written_or_spoken_year(m) -> int | None:
    """The year a rule's match states in digits (y) or aloud (sy: "March of nineteen ninety-six")."""
    return int(m["y"]) if m["y"] else spoken_year(m["sy"])


def _spelled_year(m, clock, text, start):
    year = spoken_year(m["sy"])
    if year is None:
        return None
    ref = Ref(year)
    clock.set_narrative(ref, start, same_sentence_only=True)
    return DATE, ref.iso(), "absolute"


_AFTER_NOON = ("afternoon", "evening", "night")


def _clock_weekday(m, clock, text, start):
    """"10 p.m. Wednesday", "noon Thursday", "9:15 Wednesday night": the weekday's date at that time (a
    part of the day after noon makes "9:15" 21:15, the morning "12:17" 00:17)."""
    _, day, anchor = _weekday(m, clock, text, start)
    _, clock_value, _ = (_noon if m.groupdict().get("nm") else _clock_time)(m, clock, text, start)
    time = clock_value.split("T")[1]
    part = (m.groupdict().get("part") or "").lower()
    if not m.groupdict().get("ap") and part:
        hour = int(time[:2])
        if part in _AFTER_NOON and hour < 12:
            time = f"{hour + 12:02d}{time[2:]}"
        elif part == "morning" and hour == 12:  # "12:17 Saturday morning" is just after midnight
            time = f"00{time[2:]}"
    return TIME, day.split("T")[0] + "T" + time, anchor


def _clock_date(m, clock, text, start):
    """"at 10 a.m. Dec. 29", "1930 CDT on 1 June": the date after the clock time, at that time; the
    date's year as a year-less date's, unless written."""
    month, day = _month(m["mon"] or m["mon2"]), _day(m["d"] or m["d2"])
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    else:
        year, anchor = clock.year_for(start, text)
        year = _year_near_report(year, anchor, month, day, clock, text, start, start + len(m.group(0)))
        year, anchor = _year_named_before(year, anchor, month, day, clock, text, start)
        year = _year_the_weekday_fits(year, month, day, m.groupdict().get("swd"))
    if not valid_date(year, month, day):
        return None
    _, clock_value, _ = (_noon if m.groupdict().get("nm") else _clock_time)(m, clock, text, start)
    if not year:
        return TIME, f"XXXX-{month:02d}-{day:02d}T" + clock_value.split("T")[1], anchor
    ref = Ref(year, month, day)
    if anchor.startswith(("narrative", "absolute")):
        clock.set_narrative(ref, start)
    return TIME, f"{ref.iso()}T" + clock_value.split("T")[1], anchor


def _dct_day(clock: Clock, shift_days: int = 0, part: str | None = None) -> tuple[str, str, str]:
    dct = clock.dct
    kind = TIME if part else DATE
    suffix = f"T{PARTS[part.lower()]}" if part else ""
    if dct is None:
        return kind, f"XXXX-XX-XX{suffix}", "none"
    day = dct.as_date()
    if day is None:
        return kind, f"{dct.iso()}{'-XX' * (2 - (dct.month is not None))}{suffix}", f"dct {dct.iso()}"
    return kind, (day + timedelta(days=shift_days)).isoformat() + suffix, f"dct {dct.iso()}"


def _the_day(m, clock, text, start):
    """"to end the day", "later in the day": the day the story last named, else its current day."""
    if cue("end_of_the_day_idiom").search(text[max(0, start - 40):start]):
        return None  # "But at the end of the day, we have a choice"
    ref, anchor = clock.mentioned_day(start, text)
    day = ref.as_date() if ref else None
    return DATE, day.isoformat() if day else "XXXX-XX-XX", anchor


def _today(m, clock, text, start):
    """The report's day; in a text with no creation date (a history), "is still in force today", "to
    this day" are the writer's present, a day the text does not give: PRESENT_REF, as TIMEX2 writes it."""
    if _in_a_name(m, text, start):
        return None
    if clock.dct is None:
        return DATE, "PRESENT_REF", "none"
    return _dct_day(clock)


def _in_a_name(m, text: str, start: int) -> bool:
    """"Now", "Today", "Tonight" capitalised after a capitalised word mid-sentence are a name's or a
    title's: "Hawaii News Now", "USA Today", "Russia Today", "Piers Morgan Tonight", "Showbiz Tonight";
    not when a clause opens after it ("Reply Now we know", "Reply Today the weapons")."""
    opens_a_clause = cue("now_opens_a_clause" if m.group(0) == "Now" else "today_opens_a_clause")
    return m.group(0) in ("Now", "Today", "Tonight") and cue("now_in_a_name").search(text, max(0, start - 30), start) \
        is not None and not opens_a_clause.match(text, m.end())


def _night_generic(m, clock, text, start):
    if cue("clock_at_night").search(text[max(0, start - 24):start]):
        return None
    # Like a clock time, one night is part of the day (or month) its own sentence names: "In mid April the
    # Cheka made mass arrests in a night-raid" is a night of that April; "conducted night raids" are
    # many nights (Timeline17: of five nights in a dated sentence, the one of "night raids" was not that
    # day's).
    ref, anchor = clock.last_named(start, text, sentences=1)
    many = m["modifier"] and re.match(r"[\s-]+\w+s\b", text[m.end():])  # "night raids", not "at night ..."
    if ref is None or many or not anchor.startswith("mentioned") or ref.month is None:
        return TIME, "XXXX-XX-XXTNI", "none"
    return TIME, ref.iso() + "-XX" * (ref.day is None) + "TNI", anchor


def _tonight(m, clock, text, start):
    return None if _in_a_name(m, text, start) else _dct_day(clock, 0, "night")


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


def _present(m, clock, text, start):
    """"now", "currently", "at the moment": PRESENT_REF; not "Now" in a name ("Hawaii News Now")."""
    if _in_a_name(m, text, start):
        return None
    return DATE, "PRESENT_REF", clock.dct_anchor


def _soon(m, clock, text, start):
    """FUTURE_REF in a report whose clause looks ahead ("may soon seek", "expects ... to soon grow")."""
    if clock.dct is None or not cue("modal_future").search(clause_around(text, start)):
        return None
    return DATE, "FUTURE_REF", clock.dct_anchor


def _relative_period(m, clock, text, start):
    unit, rel = m["u"].lower(), re.sub(r"\s+", " ", m["rel"].lower()).replace("this past", "past")
    in_story = clock.narrative_only and clock.narrative is not None and clock.narrative.year is not None
    if rel == "past" or rel == "previous" and not in_story:
        if unit != "weekend" and not m["mod"]:
            return DURATION, duration_value(1, unit), "none"
    # "this past weekend" is the last one, as "last weekend" is
    shift = {"last": -1, "latest": -1, "next": 1, "coming": 1, "previous": -1,
             "past": -1 if unit == "weekend" else 0}.get(rel, 0)
    # A history has no "now": its "the previous year", "next year" count from the story's time.
    # "that year", "later that month": the year or month the story is in, in news as in a history.
    ref, anchor = (clock.narrative, f"narrative {clock.narrative.iso()}") if (rel in ("the same", "that") or in_story) \
        and clock.narrative else (clock.dct, clock.dct_anchor)
    mentioned = {"month": clock.last_month, "year": clock.last_year}.get(unit) if rel == "that" else None
    if rel == "that" and unit == "quarter" and clock.last_quarter:
        return DATE, clock.last_quarter, f"mentioned {clock.last_quarter}"  # "Results for that quarter"
    if mentioned is not None:
        ref, anchor = mentioned, f"mentioned {mentioned.iso()}"  # "in March ... later that month"
    elif rel == "that" and ref is clock.dct:
        return DATE, _UNKNOWN_OF_UNIT.get(unit, "XXXX"), "none"  # the story named no time to refer back to
    if ref is None or ref.year is None:
        return DATE, "XXXX", anchor
    if unit == "quarter" and rel == "this" and ref is clock.dct and ref.month \
            and _results_of_quarter(text, start, m.end()):
        return DATE, _reported_quarter(clock, text, start), anchor  # "This quarter's loss includes charges": the quarter reported
    if unit == "year":
        return DATE, year_value(ref.year + shift), anchor
    if unit == "decade":
        return DATE, period_value(ref.year, 10, shift, 3), anchor
    if unit == "century":
        return DATE, period_value(ref.year, 100, shift, 2), anchor
    if unit == "quarter":
        if ref.month is None:
            return DATE, f"{year_value(ref.year)}-QX", anchor
        q = (ref.month - 1) // 3 + shift
        return DATE, f"{year_value(ref.year + q // 4)}-Q{q % 4 + 1}", anchor
    if unit == "month":
        if ref.month is None:
            return DATE, f"{year_value(ref.year)}-XX", anchor
        return DATE, shifted(ref, "month", shift), anchor
    if ref.day is None:
        return DATE, f"{year_value(ref.year)}-WXX", anchor
    return DATE, shifted(ref, unit, shift), anchor


_UNKNOWN_OF_UNIT = {"month": "XXXX-XX", "quarter": "XXXX-QX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                    "decade": "XXX", "century": "XX"}


def _weekday(m, clock, text, start):
    """A weekday is deictic: the nearest one to the DCT, before it unless the clause speaks of the future
    or it is the DCT's next day."""
    target = WEEKDAYS[m["wd"].lower()]
    rel = (m.groupdict().get("rel") or "").lower()
    part = m.groupdict().get("part")
    dct = clock.dct.as_date() if clock.dct else None
    anchor = clock.dct_anchor
    if cue("nth_weekday_before").search(text[max(0, m.start("wd") - 12):m.start("wd")]) \
            and cue("weekday_of_a_period").match(text, m.end()):
        return None  # "the last Sunday in January", "the first Monday in October": of a period, not the report's week
    if dct is None:
        return _weekday_of_story(target, part, clock, text, start)
    first = _first_of_weekday_pair(clock, text, start) if not rel else None
    if first is not None:  # "from Thursday through Saturday": the Saturday after that Thursday
        return _day_value(first + timedelta(days=(target - first.weekday()) % 7 or 7), part, anchor)
    ahead = (target - dct.weekday()) % 7
    told_then = cue("past_verb_before").search(text, max(0, start - 30), start) and \
        not cue("passive_participle_before").search(text, max(0, start - 40), start) \
        or cue("past_verb_after").match(text, m.start() + len(m.group(0).rstrip(" ,")))
    # "would be traveling Thursday"; not "there will not be any charges after a boy was shot in the head
    # Tuesday night", where the past verb nearest before the weekday governs it
    looks_ahead = (_clause_looks_ahead(text, start, m.end())
                   or _scheduled_in_present(text, start, start + len(m.group(0)))
                   or _deadline_ahead(text, start, m.end())) and \
        tense_before(text, start) != "past"
    fronted = fronted_tense(text, start, m.end())  # "On Monday, the board will meet": the clause after the comma
    told_then = told_then or fronted == "past"
    looks_ahead = looks_ahead or fronted == "future"
    # "will investigate Saturday's shooting": a weekday that names an incident tells of one gone by
    gone_by = names_incident(text, start + len(m.group(0)), start)
    if rel == "this" and not (told_then and target < dct.weekday()):
        day = dct + timedelta(days=ahead)  # "this Friday" in a Wednesday's paper: two days on (not if told as past)
    elif rel in ("next", "coming") or (rel not in ("last", "past") and not told_then and looks_ahead and not gone_by):
        day = dct + timedelta(days=ahead or (7 if rel == "next" else 0))
    elif rel not in ("last", "past") and ahead == 1 and not gone_by:
        # The day after the report's: "Tuesday" in Monday's paper with no past tense near is tomorrow;
        # with one ("police said Friday" under a Thursday date) the report is dated a day early (a time
        # zone, or the first date of a story updated the next day), not six days back. On the GVA
        # articles the day an article is about fell 6 days before the incident for 21 of 1,232 tune
        # documents. Measured on the tune halves: AQUAINT +1 value, TimeBank and MEANTIME unchanged,
        # GVA incident dates 0.810 -> 0.816.
        day = dct + timedelta(days=1)
    else:
        back = (dct.weekday() - target) % 7
        day = dct - timedelta(days=back or (7 if rel == "last" else 0))
    return _day_value(day, part, anchor)


def _deadline_ahead(text: str, start: int, end: int) -> bool:
    """Whether a weekday after "until", "till" or "by" is an end the clause looks ahead to ("could reach the
    coasts by Monday", "giving parliament until Monday", "None are expecting deliveries until Tuesday"): not
    when a past verb comes before it in its clause (`looks_ahead_to`) or after it ("by Tuesday morning was
    siphoning", "By Monday she had a high temperature", "until Thursday afternoon, the well defied all
    plans"), nor a day's possessive ("affected by Thursday's fire") or "stand by"."""
    word = cue("deadline_before").search(text, max(0, start - 12), start)
    if word is None or not looks_ahead_to(text, start, word["word"].lower()) or re.match(r"\s?['’]s\b", text[end:]):
        return False
    clause_end = clause_span(text, end)[1]
    told_after = any(cue(name).search(text, end, clause_end) for name in ("past_only", "past_verb_earlier"))
    return not told_after and fronted_tense(text, start, end, opening_only=False) != "past"


def _day_value(day: date, part: str | None, anchor: str):
    """A day's DATE, or with its part of the day a TIME ("Thursday night": ...TNI)."""
    return (TIME, f"{day.isoformat()}T{PARTS[part.lower()]}", anchor) if part else (DATE, day.isoformat(), anchor)


def _first_of_weekday_pair(clock: Clock, text: str, start: int) -> date | None:
    """The day of the weekday just before this one in a pair ("on Monday and Tuesday"), else None."""
    first = _last_day_joined(clock, text, start, "weekday_pair_between")
    return first.as_date() if first else None


def _last_day_joined(clock: Clock, text: str, start: int, joined_by: str, reach: int = 40) -> Ref | None:
    """The day the story last named, when it and only the words of the cue `joined_by` stand within `reach`
    characters before `start` (the first of "Monday and Tuesday", the date of "Feb. 5 at about 8:30")."""
    if clock.last_day is None or clock.last_day_at < 0 or not 0 < start - clock.last_day_at < reach:
        return None
    return clock.last_day if cue(joined_by).fullmatch(text, clock.last_day_at, start) else None


def _clause_looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the clause of a date (from `start` to `end`) looks ahead: a future cue before it, or after
    it with no past verb or past "was/were/had" between, whose clause the cue would be ("Police turned water
    cannons on protesters in the early hours of Wednesday morning ... as the Interior Ministry warned it
    'will not allow any protest'": the "will" is the ministry's; "A missile struck ... early Saturday when
    the Libyan leader was making an address in which he said he would never step down"), nor after a
    reporting verb before the date and "that" or a question word after it ("said on his blog Wednesday that
    ... would", "asked Obama in a letter on Wednesday how he would": the day it was said, then what)."""
    clause_start, clause_end = clause_span(text, start)
    if modal_before(text[clause_start:start]) is not None:
        return True
    reported = cue("reported_past").search(text, clause_start, start) is not None \
        and cue("reported_clause_after").match(text, end) is not None
    for pattern in (cue("future"), cue("future_in_past")):
        for found in pattern.finditer(text, clause_start, clause_end):
            if found.start() < start:
                return True
            if not (reported or cue("past_verb_earlier").search(text, end, found.start())
                    or cue("past_only").search(text, end, found.start())):
                return True
    return False


def _weekday_of_story(target: int, part: str | None, clock: Clock, text: str, start: int):
    """A weekday in a text with no creation date ("described Thursday's killing as heroic" after "On
    September 13, 2007, Abu Risha was killed"): the one nearest the day the story names nearby (three days
    either way at most), else a weekday of no known week."""
    story, anchor = clock.mentioned_day(start, text)
    day = story.as_date() if story else None
    if day is None:
        value, anchor = f"XXXX-WXX-{target + 1}", "none"
    else:
        back = (day.weekday() - target) % 7
        day = day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)
        value = day.isoformat()
    return (TIME, value + f"T{PARTS[part.lower()]}", anchor) if part else (DATE, value, anchor)


def _scheduled_in_present(text: str, start: int, end: int) -> bool:
    """A weekday (from `start` to `end`) a present verb of a timetable sets, in its clause (cue
    present_schedule_before), unless it is a possessive ("Tuesday night's explosion")."""
    clause = re.split(r"[.;:!?,()\n]", text[max(0, start - 60):start])[-1]
    return not re.match(r"['’]s\b", text[end:end + 3]) and cue("present_schedule_before").search(clause) is not None


def _amount(m) -> float | None:
    raw = (m.groupdict().get("low") or m.groupdict().get("n") or "").lower()
    if re.fullmatch(VAGUE_RX, raw):
        return None
    value = number(raw) if raw else 1.0
    if m.groupdict().get("halfof"):
        value = 0.5  # "half an hour"
    if value is not None and m.groupdict().get("half"):
        value += 0.5
    return value


def _this_day_in_year(m, clock, text, start):
    """"On this day in 1990" in a report of 2020-01-20: 1990-01-20 (the year alone when the report's day
    is not known)."""
    dct, year = clock.dct, int(m["y"])
    day = dct.as_date() if dct else None
    if day is None or not valid_date(year, day.month, day.day):
        return _story_moves_to(Ref(year), clock, start)
    return _story_moves_to(Ref(year, day.month, day.day), clock, start)


def _set_every_date(m, clock, text, start):
    """"Every January 20": XXXX-01-20, a set; "every January" XXXX-01; "every spring" XXXX-SP."""
    if m["season"]:
        return SET, f"XXXX-{SEASONS[m['season'].lower()]}", "none"
    month = _month(m["mon"] or m["mon2"])
    if (m["mon"] or m["mon2"])[0].islower():
        return None  # "each may": the verb; month names are capitalised
    day = m["d"] or m["d2"]
    if day and not valid_date(None, month, _day(day)):
        return None
    return SET, f"XXXX-{month:02d}-{_day(day):02d}" if day else f"XXXX-{month:02d}", "none"


def _ago(m, clock, text, start):
    return _counted_from_report(m, clock, text, start, -1)


def _from_now(m, clock, text, start):
    """"ten years from now", "two weeks from today": as "ago" reads a time back from the report, ahead."""
    return _counted_from_report(m, clock, text, start, 1)


def _counted_from_report(m, clock, text, start, direction: int):
    """A time counted back (`direction` -1: "three years ago") or ahead (1: "ten years from now") from the
    report's date: at the unit's grain, a day when counted from the report's day ("ago today", "from
    today"), a quarter for "a year ago" among quarterly results."""
    unit, amount = _counted_unit_and_amount(m)
    dct = clock.dct
    if amount is None or dct is None or dct.year is None:
        vague = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return DATE, vague if amount is None else "XXXX", "dct " + dct.iso() if dct else "none"
    if unit in TIME_UNITS:
        return _dct_day(clock)
    whole = dct.as_date() is not None and float(amount).is_integer() and unit in ("year", "month", "week", "day")
    on_the_day = (m.groupdict().get("today") or "").split()
    if direction < 0 and on_the_day and whole:
        return DATE, _anniversary(dct.as_date(), unit, int(amount), on_the_day[-1].lower()), f"dct {dct.iso()}"
    if direction > 0 and m.group(0).lower().endswith("today") and whole:  # "two weeks from today" is a day
        return DATE, (dct.as_date() + relativedelta(**{f"{unit}s": int(amount)})).isoformat(), f"dct {dct.iso()}"
    if "and a half" in m.group(0).lower() and unit == "year":
        return DATE, shifted(dct, "month", direction * amount * 12), f"dct {dct.iso()}"
    if direction < 0 and unit == "year" and amount == 1 and dct.month and _about_quarters(text, start):
        return DATE, _reported_quarter(clock, text, start, 1), f"dct {dct.iso()}"
    return DATE, shifted(dct, unit, direction * amount), f"dct {dct.iso()}"


_HALF_IN_SMALLER = {"century": ("year", 50), "decade": ("year", 5), "year": ("month", 6)}


def _counted_unit_and_amount(m) -> tuple[str, float | None]:
    """The unit and amount a time counted back or on moves by: half of a unit in the next smaller one
    ("half a century ago" is 50 years back, a year; not 0.5 of a century, a month)."""
    unit = _unit(m["u"])
    if m.groupdict().get("halfof") and unit in _HALF_IN_SMALLER:
        return _HALF_IN_SMALLER[unit]
    return unit, _amount(m)


def _anniversary(report: date, unit: str, amount: int, period: str) -> str:
    """"Thirty years ago today" (period "today"): the report's day that long before; "four years ago this
    week" ("week") that day's week, "50 years ago this month" ("month") its month."""
    then = report - relativedelta(**{f"{unit}s": amount})
    if period == "today":
        return then.isoformat()
    return shifted(Ref(then.year, then.month, then.day), period, 0)


_LONG_UNITS = ("month", "quarter", "year", "decade", "century")  # a count of these after the report is no year to come


def _later(m, clock, text, start):
    unit, amount = _counted_unit_and_amount(m)
    direction = -1 if m["dir"].lower().startswith(("earlier", "before")) else 1  # "two days before that"
    if amount is None:  # "a few days later": after the story's time by how much the text does not say
        return DATE, "PAST_REF" if direction < 0 else "FUTURE_REF", "none"
    ref, anchor = clock.last_named(start, text)
    if amount is None or ref is None or ref.year is None or unit in TIME_UNITS:
        return DURATION, duration_value(amount, unit), "none"
    if unit == "year" and amount == 1 and direction < 0 and clock.dct and clock.dct.month \
            and not anchor.startswith("narrative") and _about_quarters(text, start):
        # Results compared "a year earlier" are the report's quarter a year back, whatever day was named.
        return DATE, _reported_quarter(clock, text, start, 1), clock.dct_anchor
    if unit == "year" and not float(amount).is_integer():
        value = shifted(ref, "month", direction * amount * 12)
    else:
        value = shifted(ref, unit, direction * amount)
    # "Twenty-one years later, the BBC's correspondent finds", "Three years later, the family settled": a
    # count of months or more that lands after the report's date, whatever it was counted from here, or a
    # shorter one counted from the report's own date, counts from a past the text does not date
    long_count = unit in _LONG_UNITS
    vague = _step_past_the_report(value, long_count or anchor.startswith("dct"), direction, clock, text, start, m.end(),
                                  present_too=long_count)
    return (DATE, vague, "none") if vague else (DATE, value, anchor)


def _after_the_report(value: str, clock: Clock) -> bool:
    """Whether a value lies after the report's date, at its own granularity (a year after the report's
    year, a month after its month, a day after its day)."""
    ref, dct = Ref.parse(value), clock.dct
    if ref is None or ref.year is None or dct is None or dct.year is None:
        return False
    return (ref.year, ref.month or 0, ref.day or 0) > \
        (dct.year, (dct.month or 0) if ref.month else 0, (dct.day or 0) if ref.day else 0)


def _next_day(m, clock, text, start):
    unit = m["u"].lower()
    direction = _STEPS[m["dir"].lower()]
    return _step_from_narrative(unit, direction, clock, text, start, m.end())


def _that_day(m, clock, text, start):
    return _step_from_narrative(m["u"].lower(), 0, clock, text, start, m.end())


def _day_after(m, clock, text, start):
    if m["u"].lower() == "day" and _set_beside_a_day(clock, text, start, m.end()):
        # "Oct. 12, the day before the stock market plunge", "July 4, the day after Pickett's Charge": the
        # day just named, told again by the event it comes before or after, not a step from it
        return DATE, clock.last_day.iso(), f"mentioned {clock.last_day.iso()}"
    return _step_from_narrative(m["u"].lower(), 1 if m["dir"].lower() == "after" else -1, clock, text, start, m.end())


def _set_beside_a_day(clock: Clock, text: str, start: int, end: int) -> bool:
    """Whether an expression (from `start` to `end`) follows the day last named, set off by a comma,
    and goes on with what it is the day before or after: an apposition."""
    return clock.last_day is not None and clock.last_day_at >= 0 \
        and re.fullmatch(r"[^,;\n]{1,30},\s*", text[clock.last_day_at:start]) is not None \
        and re.match(r"\s+(?:the|a|an|his|her|their|its|[A-Z0-9])", text[end:]) is not None


def _morning_following(m, clock, text, start):
    return _step_from_narrative(m["u"].lower(), 1, clock, text, start, m.end())


def _step_from_narrative(unit: str, direction: int, clock: Clock, text: str, start: int, end: int):
    # A day steps from the day the story last named ("was shot Friday. ... The following day they
    # arrested him" is Saturday, whatever the report's date), as "the day" does; else from the story's day.
    kind, value, anchor = _step_value(unit, direction, clock, text, start)
    vague = _step_past_the_report(value, anchor.startswith("dct"), direction, clock, text, start, end)
    if vague:
        return DATE, vague, "none"
    stepped_day = Ref.parse(value) if unit == "day" or unit in PARTS else None
    if stepped_day is not None and stepped_day.day:
        clock.set_narrative(stepped_day, start)
    return kind, value, anchor


def _step_value(unit: str, direction: int, clock: Clock, text: str, start: int):
    part = unit if unit in PARTS else None  # a part of a day: "the next morning", "that night"
    ref, anchor = clock.mentioned_day(start, text) if unit == "day" or part else clock.day_ref(start, text)
    if unit in ("month", "year") and not clock.narrative_only:
        # a report's "He was elected in 1990. The following year he resigned": from the time it last named
        # nearby (1991), else from the report's date
        ref, anchor = clock.last_named(start, text, sentences=2)
    if unit in ("month", "year") and clock.narrative_only and clock.narrative and clock.narrative.year:
        ref, anchor = clock.narrative, f"narrative {clock.narrative.iso()}"  # "the following year" of a history
        if unit == "month" and ref.month is None:
            return DATE, "XXXX-XX", anchor
    if unit in ("week", "month", "year", "weekend"):
        if ref is None or ref.year is None:
            return DATE, "XXXX", anchor
        if unit == "year" and direction and clock.narrative_only and not cue("span_before").search(text, max(0, start - 12), start):
            clock.set_narrative(Ref(ref.year + direction), start)  # "Early the next year ... in April": that year's
        return DATE, shifted(ref, unit, direction) if unit != "year" else year_value(ref.year + direction), anchor
    if ref is None or ref.as_date() is None:
        return (TIME if part else DATE), "XXXX-XX-XX" + (f"T{PARTS[part]}" if part else ""), anchor
    day = ref.as_date() + timedelta(days=direction)
    return _day_value(day, part, anchor)


def _step_past_the_report(value: str, counted_from_report: bool, direction: int, clock: Clock, text: str,
                          start: int, end: int, present_too: bool = False) -> str | None:
    """PAST_REF for a step forward counted from the report's own date (no day or year named before it)
    that lands after that date in a clause told as past ("The next day he was asked to sign a form", "Two
    days later, the plant reopened", "until his family arrived the next year"): it counts from a past the
    text does not date, not from the report. With `present_too`, PRESENT_REF for one in a clause of the
    present ("Ten years later, the USA and UK remain there"), as long as the clause does not look ahead;
    not for a day or a year "next" in the present, which is mostly the one to come ("over the next year",
    "in the next day or two"). Else None."""
    if direction <= 0 or not counted_from_report or not _after_the_report(value, clock) \
            or _clause_looks_ahead(text, start, end):
        return None
    if told_tense(text, start, end) == "past":
        return "PAST_REF"
    return "PRESENT_REF" if present_too else None


# Quarters that are time, not a share or a place: counted back or ahead ("the past two quarters", "the
# next three quarters") or in a row ("three consecutive quarters"); "three quarters of its food" is a
# share, "criticism from several quarters" and "in many quarters" are places, "the first two quarters
# of 1990" is a half-year.
_QUARTERS_OF_TIME = re.compile(r"(?:the|a)\s+(?:past|last|next|coming|previous)\s", re.I)


def _quarters_of_time(m, text: str, start: int) -> bool:
    """Whether quarters counted (from `start`) are time, not a share or a place: see _QUARTERS_OF_TIME and
    the cues quarters_of_results_after / quarters_of_time_before."""
    if _QUARTERS_OF_TIME.match(m.group(0)) or m.groupdict().get("between"):
        return True
    if cue("quarters_of_results_after").match(text, m.end()):
        return True
    return bool(cue("quarters_of_time_before").search(text, max(0, start - 12), start)) and \
        not re.match(r"\s+(?:of|century)\b", text[m.end():], re.I)  # "for a quarter century" is 25 years


def _duration(m, clock, text, start):
    unit = _unit(m["u"])
    if unit == "quarter" and not _quarters_of_time(m, text, start):
        return None
    if m.groupdict().get("old") or cue("age_after_duration").match(text, m.end()):
        return None  # an age ("the 69-year-old", "two 17-year-olds", "a 16-year girl") describes a person, not a time
    if cue("names_a_war").match(text, m.end()):
        return None  # "the Six-Day War", "the Thirty Years' War": a name
    if m["u"].lower() == "second" and _amount(m) not in (1, None):
        return None  # "the 1988 second quarter": an ordinal, not seconds
    if m["u"].lower() == "second" and cue("second_as_ordinal").match(text, m.end()):
        return None  # "a second resolution": the second one, not a second of time
    if re.fullmatch(r"a\s+second", m.group(0), re.I) and not _second_of_time_led(text, start):
        return None  # "A second 40-year-old man", "a second-floor apartment", "a second, larger wave"
    if re.fullmatch(r"one\s+day", m.group(0), re.I) and cue("someday_before").search(text, max(0, start - 12), start):
        return DATE, "FUTURE_REF", "none"  # "Islam will one day be ...": some day to come, not a day's length
    if re.fullmatch(r"an?\s+\w+", m.group(0), re.I) and cue("rate_before").search(text, max(0, start - 40), start) \
            and not cue("not_a_rate_after").match(text, m.end()):
        return SET, duration_value(1, unit), "none"  # "four flights a week": a rate
    return DURATION, duration_value(_amount(m), unit), "none"


def _second_of_time_led(text: str, start: int) -> bool:
    """Whether "a second" is led as a length of time ("for a second", "a fraction of a second") or a
    rate ("213 pages a second")."""
    before = text[max(0, start - 40):start]
    return bool(cue("a_second_of_time_before").search(before) or cue("rate_before").search(before))


def _duration_plain(m, clock, text, start):
    return DURATION, duration_value(None, _unit(m["u"])), "none"


def _set_times(m, clock, text, start):
    return SET, duration_value(2 if m["other"] else 1, m["u"].lower()), "none"


def _set_every(m, clock, text, start):
    unit = m["u"].lower().rstrip("s")
    amount = number(m["n"].strip()) if m["n"] else 1
    if unit in WEEKDAYS:
        return SET, f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "none"
    if unit in PARTS:  # "every morning": the morning of any day, as "Tuesday nights" is XXXX-WXX-2TNI
        return SET, f"XXXX-XX-XXT{PARTS[unit]}", "none"
    return SET, duration_value(amount, unit), "none"


def _set_weekdays(m, clock, text, start):
    """"on Sundays" XXXX-WXX-7, "Monday nights" XXXX-WXX-1TNI."""
    day = WEEKDAYS[(m["wd"] or m["wd2"] or m["wd3"]).lower()] + 1
    part = m["part"] or m["part3"]
    return SET, f"XXXX-WXX-{day}" + (f"T{PARTS[part.lower()[:-1]]}" if part else ""), "none"


def _set_adverb(m, clock, text, start):
    if re.search(r"(?:%|percent|per cent)\s*$", text[max(0, start - 14):start]):
        return None  # "rise 8.5% annually": a rate, not times that recur
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "hourly": "hour", "nightly": "day",
            "annually": "year", "yearly": "year"}[m["adv"].lower()]
    return SET, duration_value(1, unit), "none"


_WEEKDAY_ALONE = re.compile(rf"(?P<wd>{WEEKDAY_RX})\b", re.I)


def _weekday_at(position: int, clock: Clock, text: str) -> tuple[str, str]:
    """(value, anchor) of the weekday written at `position`, read as the weekday rule reads one: for a
    time of day whose day is named after it ("10:35 a.m. (0735 GMT) Friday", "in morning trade on Monday")."""
    weekday = _WEEKDAY_ALONE.match(text, position)
    _, value, anchor = _weekday(weekday, clock, text, weekday.start())
    return value, anchor


def _clock_time(m, clock, text, start):
    hour = int(m["h"]) if m["h"].isdigit() else NUMBER_WORDS[m["h"].lower()]  # "six o'clock"
    ap = (m.groupdict().get("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    half = (m.groupdict().get("half") or "").split()  # "at night", "in the evening", "in the afternoon"
    if not half and not ap:  # "Thursday night around 8:30": the half of the day named just before
        before = cue("half_of_day_before_clock").search(text, max(0, start - 24), start)
        half = [before["half"].lower()] if before else []
    if half and (half[-1] == "afternoon" and hour < 12 or half[-1] in ("evening", "night", "tonight") and 6 <= hour < 12):
        hour += 12
    minute = m.groupdict().get("mi") or "00"
    # A time of day is part of the day its own sentence names ("first test flight Tuesday ... at
    # 18:00 UTC"), else of the story's current day; a weekday after a bracketed time on another clock
    # is its own ("10:35 a.m. (0735 GMT) Friday").
    bracketed = cue("weekday_after_bracketed_clock").match(text, m.end())
    if bracketed:
        day, anchor = _weekday_at(bracketed.start("wd"), clock, text)
        return TIME, f"{day[:10]}T{hour:02d}:{minute}{_utc_suffix(m.group(0))}", anchor
    joined = _day_of_time_joined_before(clock, text, start, hour)
    ref, anchor = joined or _day_right_before(clock, text, start) or _day_of_time(clock, text, start, m.end())
    when = ref.as_date() if ref else None
    if when:
        clock.last_time = (when, hour, m.end())
    day = when.isoformat() if when else "XXXX-XX-XX"
    return TIME, f"{day}T{hour:02d}:{minute}{_utc_suffix(m.group(0))}", anchor


def _day_of_time(clock: Clock, text: str, start: int, end: int) -> tuple[Ref | None, str]:
    """The day of a time of day that names none: a time in local time the story's latest day; one on a named
    clock its sentence's day; a live page's entry stamp the day its sentence names ("6 January 2011 Last
    updated at 04:46 GMT"), else the report's (not the story's: "... on the night of Nov. 3, 2015. / 2
    a.m. / Jurors are set to hear" is the trial's day). Only a time in local time and no stamp may be on a
    day the story named before it ("shot Saturday night ... officers were called around 8:10 p.m.")."""
    stamp = _entry_stamp(text, start, end)
    if not stamp and not _on_a_named_clock(text, start, end):
        return clock.latest_day(start, text, 3, _told_as_past(text, start, end))
    ref, anchor = clock.mentioned_day(start, text, sentences=1)
    if stamp and clock.dct is not None and not anchor.startswith("mentioned"):
        return clock.dct, clock.dct_anchor
    return ref, anchor


def _day_of_time_joined_before(clock: Clock, text: str, start: int, hour: int) -> tuple[Ref, str] | None:
    """The day of a time of day joined to the one read just before it ("this Sunday at 10 a.m. and 1 p.m.":
    the Sunday; it was the report's day), the next one for a span that passes midnight ("from 10 p.m. to
    6 a.m.")."""
    if clock.last_time is None:
        return None
    day, earlier_hour, end = clock.last_time
    joined = cue("clock_joined_before").match(text[end:start]) if 0 <= start - end <= 16 else None
    if joined is None:
        return None
    anchor = f"mentioned {day.isoformat()}"
    if joined["how"].lower() not in ("and", "or") and hour < earlier_hour:
        day += timedelta(days=1)  # read against the earlier time's day, not the story's next one
    return Ref(day.year, day.month, day.day), anchor


def _clock_24(m, clock, text, start):
    """"at 14:30", "16:08 UTC", "around 8:30": a time of day; "H:MM" alone, no word of time before it nor
    zone or part of the day after it, is a video's length in a page's list of clips ("1:38 Donald Trump's
    old classmate", "| 0:38"), not a time."""
    bare = not (m.group(0).lower().startswith("at") or m.end("mi") < m.end())
    if bare and not cue("clock_24_lead").search(text, max(0, start - 16), start):
        return None
    return _clock_time(m, clock, text, start)


def _day_right_before(clock: Clock, text: str, start: int) -> tuple[Ref, str] | None:
    """The day written right before a time of day ("on Feb. 5 at about 8:30 p.m."), with its anchor."""
    day = _last_day_joined(clock, text, start, "day_right_before_clock")
    return (day, f"mentioned {day.iso()}") if day else None


_UTC = re.compile(r"\b(?:UTC|GMT)\b(?!\s*[+-]\s*\d)")


def _utc_suffix(matched: str) -> str:
    """ISO 8601's "Z" for a time stated in UTC or GMT ("16:08 UTC", "0800 GMT"). Other zones are
    left off the value, as TimeML's corpora annotate them ("4 a.m. EDT Thursday" -> T04:00): their
    offset changes with daylight saving, which the text does not always settle."""
    return "Z" if _UTC.search(matched) else ""


def _clock_stamp(m, clock, text, start):
    """A line led by "2048 :" in an article of 2011 is a live blog's entry time; a line led by a year
    that has passed ("2003: the invasion", a history's heading) is that year."""
    number = int(m["h"] + m["mi"])
    if number < 1500 or (clock.dct is not None and number > clock.dct.year):
        return _clock_time(m, clock, text, start)
    return _story_year(number, clock, start)


def _noon(m, clock, text, start):
    """Noon or midnight of the day its sentence names, else of the story's or the report's day. A
    midnight gone by in a report that names no day is the one that began the report's day: "the
    shooting happened just before midnight" is the evening before, "shortly after midnight" the
    report's own first hour (TimeML's T24:00 is the end of a day)."""
    hour = "12:00" if m["nm"].lower() in ("noon", "midday") else "24:00"
    ref, anchor = clock.mentioned_day(start, text, sentences=1)
    day = ref.as_date() if ref else None
    if day is None:
        return TIME, f"XXXX-XX-XXT{hour}", anchor
    if hour == "24:00" and anchor.startswith("dct") and _told_as_past(text, start, m.end()):
        if cue("after_midnight").search(text[max(0, start - 12):start]):
            return TIME, f"{day.isoformat()}T00:00", anchor
        day -= timedelta(days=1)
    return TIME, f"{day.isoformat()}T{hour}", anchor


def _on_a_named_clock(text: str, start: int, end: int) -> bool:
    """Whether a time of day is a wire's time on a named clock (a price "at 1516 GMT" is the report day's,
    not the day the story last named; the zone may follow the match: "by 2:50 p.m. EST")."""
    return cue("clock_on_a_zone").search(text, start, end + 6) is not None


def _entry_stamp(text: str, start: int, end: int) -> bool:
    """Whether a time of day is a live page's entry stamp: "UPDATE: 12:35 PM", a time alone on its line
    (AP's "The Latest": "11:25 a.m.", then the entry) or opening its sentence before a colon ("12.20 pm :
    The senators are starting to ...")."""
    return bool(cue("update_stamp_before").search(text[max(0, start - 12):start])
                or cue("stamp_line_before").search(text[max(0, start - 8):start])
                and cue("stamp_line_after").match(text[end:end + 8])
                or opens_sentence(text, start) and cue("stamp_colon_after").match(text[end:end + 12]))


def _told_as_past(text: str, start: int, end: int) -> bool:
    """Whether the sentence before a time of day tells of the past: a past tense cue or a past verb; or, for
    a time that opens its sentence set off by a comma, the clause after it ("... were shot late Saturday.
    Around 11:30 p.m., officers responded")."""
    before = re.split(r"[.!?]\s", text[max(0, start - 200):start])[-1]
    return tense_before(text, start) == "past" or bool(cue("past_verb_earlier").search(before)) \
        or fronted_tense(text, start, end) == "past"


_NORMALISERS = {
    "iso_date": _iso_date, "numeric_date": _numeric_date, "night_of_range": _night_range, "night_of_range_dm": _night_range,
    "part_of_date": _part_of_date, "trading_part_of_day": _trading_part_of_day, "month_day_year": _full_date,
    "day_month_year": _full_date,
    "ordinal_day": _ordinal_day, "month_day": _yearless_date, "week_of_day": _week_of_day, "day_month": _yearless_date,
    "month_day_said_aloud": _date_said_aloud, "day_month_said_aloud": _date_said_aloud, "month_year": _month_year,
    "month_of_that_year": _month_of_that_year, "season_of_that_year": _season_of_that_year,
    "season_year": _season, "quarter": _quarter, "half_year": _half_year, "decade": _decade,
    "decade_short": _decade_short, "century": _century, "year_in": _year_in, "era_year": _era_year, "fiscal_year": _fiscal_year,
    "era_range_start": _era_range_start,
    "today": _today, "the_day": _the_day, "tonight": _tonight, "night_generic": _night_generic, "yesterday": _yesterday, "tomorrow": _tomorrow,
    "this_part": _this_part, "last_night": _last_night, "present": _present,
    "past_ref": _reference("PAST_REF"), "future_ref": _reference("FUTURE_REF"), "soon": _soon, "relative_period": _relative_period,
    "weekday": _weekday, "ago": _ago, "from_now": _from_now,
    "ago_article": _ago, "later": _later, "next_day": _next_day, "that_day": _that_day, "day_after": _day_after,
    "morning_following": _morning_following, "duration": _duration, "duration_article": _duration, "duration_long": _duration,
    "duration_plain": _duration_plain, "duration_following": _duration_plain, "coming_period": _duration_plain,
    "past_hour_or_day": _duration, "set_every": _set_every, "set_weekdays": _set_weekdays,
    "set_adverb": _set_adverb,
    "clock": _clock_time, "clock_oclock": _clock_time, "clock_24": _clock_24, "clock_zone": _clock_time,
    "clock_hours": _clock_time,
    "clock_stamp": _clock_stamp, "year_range_end": _year_range_end,
    "day_range_end": _day_range_end, "day_list_end": _day_list_end, "day_range_start": _day_range_start, "noon": _noon,
    "month_rel_year": _month_rel_year, "month_alone": _month_alone, "the_year_number": _the_year_number,
    "set_times": _set_times, "this_day_in_year": _this_day_in_year, "set_every_date": _set_every_date,
    "decade_of_story": _decade_of_story, "week_of_month": _week_of_month, "report_quarter": _report_quarter,
    "same_period_year_back": _same_period_year_back,
    "year_ago_adj": _year_ago_adj, "the_year": _the_year, "year_end": _year_end, "month_end": _month_end, "weekend": _weekend,
    "the_week": _the_week, "holiday": _holiday, "year_part": _year_in, "decade_words": _decade_words,
    "recent_period": _reference("PAST_REF"), "spelled_year": _spelled_year,
    "clock_weekday": _clock_weekday, "clock24_weekday": _clock_weekday, "clockzone_weekday": _clock_weekday, "noon_weekday": _clock_weekday,
    "clock_date": _clock_date, "clock_numeric_date": _clock_numeric_date, "clockzone_date": _clock_date, "noon_date": _clock_date, "clock24_date": _clock_date,
}
