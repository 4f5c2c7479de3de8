"""The two clocks a time expression is resolved against: the document creation time (DCT) and the
narrative time — the last explicitly dated moment of the story, which moves with its dated sentences
("in 1990, the night of January 19 to 20 ... The next day" stays in 1990). Which clock an expression
takes, and which side of it a year-less date lies on, is decided here from the clause's tense
(past, future, reported speech "would") and from whether the date is said aside (a span's bound, a
flashback). A text with no creation date is read as a narrative (HeidelTime's narratives mode)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from .. import datafiles
from .lexicon import cue

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


# Sentence and clause bounds by pattern, not spaCy: the tagger runs on every page at ~5 ms, where
# a parse costs ~100 ms; the bounds only limit how far a narrative date or a tense cue reaches. A point
# before a closing quote, and a blank line between paragraphs, end one sentence, not two.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*")


DEICTIC_STEPS = ("last", "next", "this")  # Clock.deictic_time


@dataclass
class Clock:
    """The two anchors while reading a text: the DCT and the narrative time."""

    dct: Ref | None
    narrative: Ref | None = None
    narrative_at: int = -1  # offset where the narrative time was last set
    narrative_reach: int = 3  # sentences it reaches: a bare year ("in 1990") holds for its own sentence only
    text: str = ""  # the text read, to tell a date that moves the story from one said aside
    last_day: Ref | None = None  # the last full date resolved ("Monday", "yesterday", "March 3"), and where
    last_day_at: int = -1
    last_month: Ref | None = None  # the last month resolved ("in March", "March 3, 1945")
    last_month_at: int = -1
    last_year: Ref | None = None  # the last year resolved ("in 1990", "last year", "in March")
    last_quarter: str | None = None  # the last quarter resolved ("the second quarter ended Oct. 31"), its value
    named_quarters: list[tuple[str, int]] = field(default_factory=list)  # the quarters the text named ("In 4th Quarter"): value, where
    # The last time of day read: its day, hour and where it ends ("at 10 a.m. and 1 p.m.": the second is on the first's day)
    last_time: tuple[date, int, int] | None = None
    # The year each month was last resolved in ("in February 2015", "on Feb. 3"): a report that names a
    # month again with nothing to place it means the same one.
    month_years: dict[int, int] = field(default_factory=dict)
    # The year each day of a month was last resolved in ("On March 17, ... Lord Goldsmith" of 2003): the same
    # day named again with nothing to place it is the same day ("did not draw up the March 17 written answer").
    day_years: dict[tuple[int, int], int] = field(default_factory=dict)
    # The days read as the event they name ("the September 11 attacks"): named again after a preposition of
    # time ("The hearing is on Sept. 11"), such a day is a day like any other, not the event's.
    event_days: set[tuple[int, int]] = field(default_factory=set)
    # The last season a history named, its year and where ("During the winter" of 1854): the next season
    # it names alone, earlier in the year's cycle, is of the year after ("In the spring": 1855).
    last_season: tuple[int, str, int] | None = None

    @property
    def narrative_only(self) -> bool:
        """A text with no creation date (a history, an encyclopedia article) is read as a narrative: its
        time is the last one it stated, however far back (HeidelTime's narratives mode does the same)."""
        return self.dct is None

    def reaches(self, text: str, position: int, sentences: int) -> bool:
        return self.narrative_at >= 0 and (self.narrative_only or
                                           within_sentences(text, self.narrative_at, position, sentences))

    def year_for(self, position: int, text: str) -> tuple[int | None, str]:
        """The year of a year-less date: the narrative year if the story moved into the past nearby, else the DCT's."""
        ref, anchor = self.time_for(position, text)
        return (ref.year if ref else None), anchor

    def time_for(self, position: int, text: str) -> tuple[Ref | None, str]:
        """The time year_for takes its year from (the narrative's or the DCT's), with its month when it has one."""
        if self.narrative and self.narrative.year and self.reaches(text, position, self.narrative_reach):
            if not self.dct or self.narrative.year != self.dct.year and not self._tense_against_story(position, text):
                return self.narrative, f"narrative {self.narrative.iso()}"
        if self.dct and self.dct.year:
            return self.dct, f"dct {self.dct.iso()}"
        return None, "none"

    def _tense_against_story(self, position: int, text: str) -> bool:
        """A clause whose tense points the other way from the story's time: past while the story is in
        a year after the report's ("1990" in a forecast, then "the third-quarter earnings were ...");
        future while it is in a year before ("Madrid in July 1997 ... will join NATO on March 12").
        What has happened is not in a year to come, nor what will happen in one gone."""
        if not self.dct or not self.dct.year or self.narrative.year == self.dct.year:
            return False
        if self.narrative.year > self.dct.year:
            return _tense_nearest(text, position) == "past"
        return tense_before(text, position) == "future"

    @property
    def dct_anchor(self) -> str:
        return f"dct {self.dct.iso()}" if self.dct else "none"

    def deictic_time(self, step: str) -> tuple[Ref, str] | None:
        """The time a deictic step counts from ("last June", "next spring", "this summer"): the report's
        date in a text that has one, wherever the story has moved ("He joined the firm in 1975 and
        retired last June"); None for another step or without a dated report."""
        if step in DEICTIC_STEPS and self.dct and self.dct.year:
            return self.dct, self.dct_anchor
        return None

    def day_ref(self, position: int, text: str) -> tuple[Ref | None, str]:
        if self.narrative and self.narrative.day and self.reaches(text, position, 6):
            return self.narrative, f"narrative {self.narrative.iso()}"
        if self.dct:
            return self.dct, f"dct {self.dct.iso()}"
        return None, "none"

    def mentioned_day(self, position: int, text: str, sentences: int = 6) -> tuple[Ref | None, str]:
        """The day the story last named, nearby ("stocks fell on Monday ... to end the day"), else
        the day day_ref gives."""
        if self.last_day is not None and within_sentences(text, self.last_day_at, position, sentences) \
                and not self._moved_past(self.last_day, self.last_day_at):
            return self.last_day, f"mentioned {self.last_day.iso()}"
        return self.day_ref(position, text)

    def latest_day(self, position: int, text: str, sentences: int, told_as_past: bool) -> tuple[Ref | None, str]:
        """The day a time of day with no day of its own is on: one its own sentence names, else the later
        named of the day last named nearby and the story's dated moment ("(Published Thursday, Mar 14,
        2013) Four teenagers were involved in a shooting ... Wednesday ... It happened around 9 p.m." is
        Wednesday's 9 p.m.), else the day day_ref gives. Without the story's moment, only a time told as
        past goes back to the day last named: "The meeting is at 3 p.m." is the report's day."""
        ref, anchor = self.mentioned_day(position, text, sentences=1)
        if anchor.startswith("mentioned") or not self._day_named_since_the_story_moved():
            return ref, anchor
        if told_as_past or anchor.startswith("narrative"):
            return self.mentioned_day(position, text, sentences)
        return ref, anchor

    def _day_named_since_the_story_moved(self) -> bool:
        """Whether a day was named after the story's dated moment, and not one after the report's date
        (a plan: "will be paid on 21 June")."""
        if self.last_day is None or self.last_day_at < self.narrative_at:
            return False
        after = self.dct.as_date() if self.dct else None
        return not (after and self.last_day.as_date() and self.last_day.as_date() > after)

    def _moved_past(self, day: Ref, at: int) -> bool:
        """Whether a history's story moved to another month after a day was named ("At noon on 7 June ...
        In the last days of April 1945 ... the next day" is not 8 June 1944)."""
        return self.narrative_only and self.narrative is not None and self.narrative_at > at \
            and (self.narrative.year, self.narrative.month) != (day.year, day.month)

    def last_named(self, position: int, text: str, sentences: int = 6) -> tuple[Ref | None, str]:
        """What "three months later" counts from: the time the story last named nearby, its own or a day
        or month read against the report's date ("the rig exploded on April 20 ... capped three months
        later" is July, not three months after the report), the finest of those named at one place (a
        day's month is named with it); else the day day_ref gives."""
        named = []
        if self.narrative and self.narrative.year and self.reaches(text, position, sentences):
            named.append((self.narrative_at, 0, self.narrative, "narrative"))
        for at, finer, ref in ((self.last_month_at, 1, self.last_month), (self.last_day_at, 2, self.last_day)):
            if ref is not None and within_sentences(text, at, position, sentences):
                named.append((at, finer, ref, "mentioned"))
        if not named:
            return self.day_ref(position, text)
        _, _, ref, label = max(named, key=lambda told: told[:2])
        return ref, f"{label} {ref.iso()}"

    def set_narrative(self, ref: Ref, position: int, same_sentence_only: bool = False) -> None:
        if ref.year and not _said_aside(self.text, position) and not self._planned_in_story(position):
            if self._restates_the_story(ref, position):
                ref = self.narrative  # "married on Halloween in 2014": the story stays on its day
            self.narrative, self.narrative_at = ref, position
            self.narrative_reach = 1 if same_sentence_only or self._ahead_of_report(ref) else 3

    def _restates_the_story(self, ref: Ref, position: int) -> bool:
        """Whether a coarser date in the sentence of the story's finer one is that one's year or month
        again ("on Halloween in 2014", "on June 3 in 2014"), not a move to the year at large."""
        story = self.narrative
        return story is not None and self.narrative_at >= 0 and story.year == ref.year \
            and (ref.month is None or story.month == ref.month) and ref.day is None \
            and (story.month or 0) > 0 and (ref.month is None or story.day is not None) \
            and within_sentences(self.text, self.narrative_at, position, 1)

    def _planned_in_story(self, position: int) -> bool:
        """In a history, a date its clause looks ahead to ("Elections were scheduled for July 1956 but never
        held") is a plan, not where the story goes on (a report's plans are those after its date:
        _ahead_of_report)."""
        return self.narrative_only and tense_before(self.text, position) == "future"

    def _ahead_of_report(self, ref: Ref) -> bool:
        """A date after the report's own (a plan, a forecast: "intend to launch ... in November 2006")
        is not where the story goes on: the next sentence's "November 11" is still the report's."""
        if not self.dct or not self.dct.year:
            return False
        return (ref.year, ref.month or 0) > (self.dct.year, self.dct.month or 12)


def _said_aside(text: str, position: int) -> bool:
    """A date that bounds a span or goes back in a flashback (data: not_dates_en.toml, story_asides)
    leaves the story's time where it was: the next "in mid-June" is still the story's year."""
    before = text[max(0, position - CLAUSE_REACH):position]
    clause = re.split(r"[.;:!?,\n]", before)[-1]
    return any(re.search(pattern, clause) for pattern in _story_asides())


@lru_cache(maxsize=1)
def _story_asides() -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in datafiles.load("not_dates_en.toml")["story_asides"]]


def within_sentences(text: str, start: int, end: int, sentences: int) -> bool:
    if start < 0:
        return False
    return len(_SENTENCE_END.findall(text, start, end)) < sentences


def valid_date(year: int | None, month: int, day: int) -> bool:
    try:
        date(year if year and year > 0 else 2000, month, day)  # a year before the common era (negative): any day of its month
        return True
    except ValueError:
        return False


def year_value(year: int) -> str:
    """A year as TimeML writes it: "1990"; 490 BC (the year -490 here) "BC0490"."""
    return Ref(year).iso()


def period_value(year: int, length: int, shift: int, digits: int) -> str:
    """The decade (length 10: "199") or century (100: "19") of a year, moved by `shift`; before the
    common era counted back from it, as the year is ("the 440s BC": "BC044")."""
    if year > 0:
        return f"{year // length + shift:0{digits}d}"
    period = -year // length - shift
    return f"BC{period:0{digits}d}" if period >= 0 else f"{-period - 1:0{digits}d}"


# A day told as past that falls this many days after the report's date is that day, not the year before: a
# report is dated early more often than a year back is meant (a chronology's line "June 4 : Oil is seen
# gushing" under June 3; as for a weekday the day after the report's, normalise._weekday).
DAYS_A_REPORT_LAGS = 3


def nearest_year(dct: Ref, month: int, day: int, text: str, start: int, rel: str = "", end: int | None = None,
                 day_named: bool = False) -> int:
    """The year that puts a year-less date nearest the DCT ("Jan. 2" in a November report is next
    January, "Nov. 25" in a January one last November), unless "last"/"next" or the clause's tense
    says which side of the DCT it lies on; a date that opens its sentence, set off by a comma, takes the
    tense of the clause after it ("On July 19, the HCAO dropped charges": `fronted_tense`). A date that
    names an incident ("the April 7 shooting", "what would be after the January 8 shooting") tells of one
    that has happened, whatever the clause's tense (`end` is where the date ends). A day named
    (`day_named`, not a month's middle) told as past a day or two after the report's date is that day
    (DAYS_A_REPORT_LAGS)."""
    anchor = date(dct.year, dct.month, dct.day or 15)
    options = [date(y, month, day) for y in (dct.year - 1, dct.year, dct.year + 1) if valid_date(y, month, day)]
    tense = told_tense(text, start, end)
    until = looks_ahead_to(text, start, rel)
    side = "past" if rel in ("last", "since") or (rel != "next" and tense == "past") else \
        "future" if rel == "next" or until or tense == "future" else None
    best = _nearest_on_side(options, anchor, side)
    if best is None:
        raise ValueError(f"no {month:02d}-{day:02d} in the three years around {dct.iso()}")  # February 29
    soon_after = [d for d in options if 0 < (d - anchor).days <= DAYS_A_REPORT_LAGS]
    if side == "past" and day_named and dct.day and soon_after:
        return soon_after[0].year  # told as past a day or two after the report's date: the report is dated early
    return best.year


def looks_ahead_to(text: str, start: int, word: str) -> bool:
    """Whether a date after "until", "till" or "by" (`word`) is an end the clause looks ahead to ("continues
    until September", "vaccine by December", "is expected by Monday"), not one a past verb earlier in its
    clause looks back to ("stayed until September", "the oil reached the coast by Monday")."""
    return word in ("until", "till", "by") \
        and not cue("past_verb_earlier").search(text, _tense_clause_start(text, start), start)


def nearest_month(dct: Ref, day: int, text: str, start: int, end: int) -> Ref | None:
    """The month of the DCT, the one before or the one after, whose day (an ordinal alone: "on the 22nd",
    from `start` to `end`) lies nearest the DCT on the side the clause's tense gives ("I said on the 25th"
    in a report of February 11 is January 25; so is "On the 25th, I said": a date set off by a comma takes
    the tense of the clause after it, as a weekday that opens its sentence does, wherever it stands: "you
    know, on the 25th, I said")."""
    anchor = date(dct.year, dct.month, dct.day or 15)
    months = [(dct.year + (dct.month + step - 1) // 12, (dct.month + step - 1) % 12 + 1) for step in (-1, 0, 1)]
    options = [date(y, m, day) for y, m in months if valid_date(y, m, day)]
    tense = clause_tense(text, start) or fronted_tense(text, start, end, opening_only=False)
    best = _nearest_on_side(options, anchor, tense)
    return Ref(best.year, best.month, best.day) if best else None


def _nearest_on_side(options: list[date], anchor: date, side: str | None) -> date | None:
    """The option nearest the anchor among those on its `side` ("past": on or before it, "future": on or
    after it; all when none lies there, or when the side is not known)."""
    if side == "past":
        options = [d for d in options if d <= anchor] or options
    elif side == "future":
        options = [d for d in options if d >= anchor] or options
    return min(options, key=lambda d: abs((d - anchor).days), default=None)


def clause_tense(text: str, start: int, end: int | None = None) -> str | None:
    """"past" or "future" as the clause around a date at `start` tells, else None. Past whatever the tense
    cues say: a date that names an incident ("the April 20 well blowout"), one whose noun's past verb
    follows it ("The rig explosion in April killed"), a chronology's line or a dateline, the earlier
    figure of a change ("up from 4.5% in August") and a date "back in" ("speaking back in March")."""
    if end is not None and (names_incident(text, end, start) or _verb_of_its_noun_after(text, start, end)
                            or _chronology_entry(text, start, end)):
        return "past"
    if cue("back_in_before").search(text, max(0, start - 20), start):
        return "past"  # "speaking back in March"
    if cue("compared_from_before").search(text, max(0, start - 90), start) and tense_before(text, start) != "future":
        return "past"  # "has risen to $42 from $29.75 in March" (not "will rise to 3,000 from 2,600 in March")
    return tense_before(text, start) or _past_participle_before(text, start) or _tense_after(text, start)


def told_tense(text: str, start: int, end: int | None = None) -> str | None:
    """clause_tense, else, for a date that opens its sentence set off by a comma (from `start` to `end`),
    the tense of the clause after it ("On July 19, the HCAO dropped charges"), else, for one set off by
    commas within a clause, the tense of the clause it interrupts ("there were, as of March, five major
    ones")."""
    if end is None:
        return clause_tense(text, start)
    return clause_tense(text, start, end) or fronted_tense(text, start, end) or _interrupted_tense(text, start, end)


def _interrupted_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause before a date set off by commas on both sides (cue aside_opening_before):
    "the investment banks -- there were, as of March, five major ones" (past), "who was in charge at the
    time of its explosion, on 20 April, will not testify" (past)."""
    aside = _aside_opening(text, start)
    if aside is None or re.match(r"\s*,", text[end:end + 3]) is None:
        return None
    return tense_before(text, aside.start())


def _aside_opening(text: str, start: int) -> re.Match | None:
    """The comma and preposition that set off a date starting at `start` as an aside (cue
    aside_opening_before: ", in September", ", as of March"), if any."""
    return cue("aside_opening_before").search(text, max(0, start - 24), start)


def _chronology_entry(text: str, start: int, end: int) -> bool:
    """Whether a date opens a chronology's line or a dateline (cues chronology_before/_after)."""
    return cue("chronology_before").search(text, max(0, start - 40), start) is not None \
        and cue("chronology_after").match(text, end) is not None


def _verb_of_its_noun_after(text: str, start: int, end: int) -> bool:
    """Whether a past verb right after a date is the one of the noun the date is "in" or "on" ("The rig
    explosion in April killed 11 workers", "his defection to the rebels in February inspired dozens"): not
    after a participle ("the hurricane season starting on 1 June predicted"), another preposition ("Brent
    futures for April closed up"), or a future ("would end his rule in September came after")."""
    return cue("past_verb_after").match(text, end) is not None \
        and cue("noun_in_date_before").search(text, max(0, start - 40), start) is not None \
        and tense_before(text, start) != "future"


def names_incident(text: str, end: int, start: int | None = None) -> bool:
    """Whether the date ending at `end` names an incident ("the April 20 explosion", "Saturday's
    shooting"), or, when its `start` is given, dates the incident a noun phrase right before it names
    ("after the explosion at the Deepwater Horizon rig April 20") in a clause that does not look ahead
    ("will halt the spill in August", "is expected to discuss the disaster Thursday" are to come): one
    that has happened."""
    if cue("incident_after").match(text, end) is not None:
        return True
    return start is not None and cue("incident_before").search(text, max(0, start - 80), start) is not None \
        and tense_before(text, start) != "future"


def _past_participle_before(text: str, position: int) -> str | None:
    """"past" for a month or day right after a past verb or participle ("plans announced in January", "the
    well ruptured on April 20"), or after "in"/"on" in a clause with a past verb earlier ("the uprising
    began in February": `_past_verb_earlier`), unless a modal, "be" or a present governs the last such verb
    (just before it) or the date (between them): "should be completed in October", "the leak is plugged in
    August", "ordered Dr Murray should stand trial in March"."""
    clause = text[_tense_clause_start(text, position):position]
    verbs = [found for found in (cue("past_verb_in").search(clause), _past_verb_earlier(clause),
                                 cue("past_verb_right_before").search(clause)) if found]
    if not verbs:
        return None
    verb = max(verbs, key=lambda found: found.start())
    if cue("not_past_before_participle").search(clause, max(0, verb.start() - GOVERNOR_REACH)):
        return None
    return "past"


# Characters before a past verb or participle within which a modal, "be" or a present governs it ("should
# be completed in October", "the leak is plugged in August", "I hope he is dismissed in May"); one further
# back speaks of another verb ("Part of our strategy is to help ensure that the hopes Iraqis expressed at
# the polls in January": past). One after it, before the date, governs the date ("A judge ordered Dr
# Conrad Murray should stand trial in March": to come).
GOVERNOR_REACH = 20


def _past_verb_earlier(clause: str) -> re.Match | None:
    """The last past verb of the clause before a date ("in"/"on" it), when it tells of the past: not a
    perfect ("have booked a holiday in"), nor one an infinitive or a clause of its own follows ("agreed to
    sell the unit in", "announced that the plant opens in"); else None."""
    verbs = list(cue("past_verb_earlier").finditer(clause))
    if not verbs or cue("past_verb_date_after").search(clause) is None:
        return None
    verb = verbs[-1]
    if cue("perfect_before").search(clause[:verb.start()]) or cue("infinitive_between").search(clause, verb.end()):
        return None
    return verb


MODAL_REACH = 60  # characters before a date within which "may" or "might" governs it


def modal_before(before: str) -> int | None:
    """Where the "may" or "might" that governs a date ends, in the text `before` it, else None: the last
    one near it, with no clause opened between ("that may change if Thursday's report" is not)."""
    modals = list(cue("modal_before").finditer(before, max(0, len(before) - MODAL_REACH)))
    if not modals or cue("clause_opens").search(before, modals[-1].end()):
        return None
    return modals[-1].end()


def tense_before(text: str, position: int) -> str | None:
    """"past", "future" or None: the tense cue nearest before the date in its clause."""
    before = text[_tense_clause_start(text, position):position]
    cues = [(m.end(), "past") for pattern in (cue("past_only"), cue("relative_past"), cue("subordinate_past"))
             for m in pattern.finditer(before)] + \
           [(m.end(), "future") for pattern in (cue("future"), cue("future_in_past")) for m in pattern.finditer(before)] + \
           [(end, "future") for end in [modal_before(before)] if end is not None] + \
           [(m.end(), "") for m in cue("present_verb").finditer(before)]
    return max(cues)[1] or None if cues else None  # "" : a present verb nearest, no side


def _tense_nearest(text: str, position: int) -> str | None:
    """"past", "future" or None: the tense cue of the clause nearest before the date (else the first
    after it). "said 11 people had lost their lives and that the town would hold ... on March 8" is
    the future: the cue next to the date governs it, not one that opened the clause."""
    return tense_before(text, position) or _tense_after(text, position)


def _tense_after(text: str, position: int) -> str | None:
    """The first tense cue after a date in its clause; not a future one after a past verb, whose clause it
    is ("... in March as the ministry warned it will not allow ...")."""
    after = text[position:_clause_end(text, position)]
    if cue("past_only").search(after):
        return "past"
    future = cue("future").search(after) or cue("future_in_past").search(after)
    return "future" if future and not cue("past_verb_earlier").search(after, 0, future.start()) else None


def opens_sentence(text: str, start: int) -> bool:
    """Whether an expression opens its sentence, after at most a preposition and an article ("In the
    fall of 1862, ...", "By the spring of 1865 ..."), an approximation ("At about 7 p.m., ...") and a time
    adverbial set off before them ("A month earlier, on June 11, ...": cue sentence_opening_before)."""
    return cue("sentence_opening_before").search(text, max(0, start - SENTENCE_OPENING_REACH), start) is not None


# Characters before an expression that may still open its sentence ("Two weeks later, shortly after ").
SENTENCE_OPENING_REACH = 48


def fronted_tense(text: str, start: int, end: int, opening_only: bool = True) -> str | None:
    """The tense of the clause after a date that opens its sentence (or a clause after ", and" or a reporting
    verb's "that"; any date, not `opening_only`) and is set off by a comma, by its first cue ("On Monday, all
    pending claims will be paid": future; "On Wednesday, BP said it would pay": past; "Allen said, and by
    Friday, crews plan to start": future), looked for past an apposition or an aside that has none ("On
    May 13, the joint venture, OTS, signed"), else None."""
    comma = re.match(r"\s*,\s*", text[end:end + 4])
    opens = not opening_only or opens_sentence(text, start) or \
        cue("clause_opening_before").search(text, max(0, start - 28), start) or _aside_after_verbless_phrase(text, start) \
        or _closes_opening_phrase(text, start)
    if comma is None or not opens:
        return None
    after = end + comma.end()
    for _ in range(FRONTED_CLAUSES):
        until = clause_span(text, after)[1]
        if cue("relative_clause_opening").match(text, after):
            tense = None
        else:
            tense = _first_tense_cue(text, after, until)
            if tense is None and cue("verb_without_side").search(text, after, until):
                return None  # the clause has its verb, of no side ("By Wednesday, workers should finish")
        if tense or until >= len(text) or text[until] != ",":
            return tense
        after = until + 1  # past an apposition ("On May 13, the joint venture, Ocean Therapies Solutions, signed")
    return None


def _aside_after_verbless_phrase(text: str, start: int) -> bool:
    """Whether a date set off by a comma before it (cue aside_opening_before) follows a phrase with no verb
    of its own since the clause or its last subordinator opened ("although at the time of its release, in
    September, economists hadn't declared"; not "who was in charge at the time of its explosion, on 20
    April, will not testify")."""
    aside = _aside_opening(text, start)
    if aside is None:
        return False
    phrase = text[_clause_start(text, aside.start()):aside.start()]
    opener = list(cue("phrase_opens").finditer(phrase))
    return cue("tense_cues_of_a_verb").search(phrase, opener[-1].end() if opener else 0) is None


def _closes_opening_phrase(text: str, start: int) -> bool:
    """Whether a date closes a phrase that opens its sentence with a preposition and has no verb of its own
    (cue opening_phrase): "After a meeting with the king in March, the minister resigned"."""
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - OPENING_PHRASE_REACH), start)),
                   default=0 if start <= OPENING_PHRASE_REACH else None)
    if sentence is None or not cue("opening_phrase").match(text, sentence):
        return False
    return cue("tense_cues_of_a_verb").search(text, sentence, start) is None and "," not in text[sentence:start]


OPENING_PHRASE_REACH = 80  # characters a phrase opening a sentence may run to the date that closes it


FRONTED_CLAUSES = 3  # the clauses after a fronted date its tense is looked for in: its own and two appositions


def _first_tense_cue(text: str, start: int, end: int) -> str | None:
    """"past" or "future" by the first tense cue between start and end, else None."""
    cues = []
    for pattern in ("past_verb_earlier", "past_verb_with_infinitive", "reported_past", "past_only", "future", "future_in_past"):
        found = cue(pattern).search(text, start, end)
        if found:
            cues.append((found.start(), "past" if pattern.startswith(("past", "reported")) or _plan_told(text, found)
                         else "future"))
    return min(cues)[1] if cues else None


def _plan_told(text: str, found: re.Match) -> bool:
    """Whether a future cue is a plan told in the past ("On Friday, the government planned to pay"), not in
    the present passive ("On Monday, he is scheduled to go")."""
    return re.match(r"[a-z]+ed\b", found.group(0)) is not None \
        and re.search(r"\b(?:is|are|am)\s+$", text[max(0, found.start() - 6):found.start()]) is None


# Punctuation that ends a clause; not a decimal point or a thousands comma ("will redeem 9.5 million shares
# on Oct. 31" is one clause), nor an abbreviation's point before a comma or a word in lower case, as no
# sentence goes on so ("Lonnie David Franklin Jr. was arrested", "called to Schex Dr. around 1 p.m.").
_CLAUSE_END = re.compile(r"[;!?\n]|,(?!\d)|\.(?!\d)(?!\s*,)(?![ \t]+[a-z])")


CLAUSE_REACH = 200  # characters a clause reaches either way when no punctuation ends it (text without any would make each lookup read to its end)


def clause_around(text: str, position: int) -> str:
    """The clause around a position: tense cues elsewhere in the sentence speak of other events."""
    start, end = clause_span(text, position)
    return text[start:end]


def clause_span(text: str, position: int) -> tuple[int, int]:
    """Where the clause around a position starts and ends."""
    return _clause_start(text, position), _clause_end(text, position)


def _clause_start(text: str, position: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(text, max(0, position - CLAUSE_REACH), position)),
               default=max(0, position - CLAUSE_REACH))


def _tense_clause_start(text: str, position: int) -> int:
    """Where the clause whose tense a date takes begins: a relative clause has its own ("charges will be
    filed against a boy who accidentally shot a friend in February": the February gone by)."""
    start = _clause_start(text, position)
    relatives = list(cue("relative_clause").finditer(text, start, position))
    return relatives[-1].end() if relatives else start


def _clause_end(text: str, position: int) -> int:
    after = _CLAUSE_END.search(text, position, position + CLAUSE_REACH)
    return after.start() if after else min(len(text), position + CLAUSE_REACH)


def shifted(ref: Ref, unit: str, amount: float) -> str:
    """ref moved by amount units, at the granularity of the unit."""
    months = {"year": 12, "decade": 120, "century": 1200, "month": 1, "quarter": 3}.get(unit)
    if ref.year <= 0:  # before the common era, off Python's calendar: count months ("two years later" than 490 BC)
        if months is None:
            return ref.iso()
        year, month = divmod(ref.year * 12 + (ref.month or 1) - 1 + round(amount * months), 12)
        if unit in ("year", "decade", "century") and float(amount).is_integer():
            return year_value(year)
        return f"{year_value(year)}-{month + 1:02d}"
    base = date(ref.year, ref.month or 1, ref.day or 1)
    if months is not None and ref.month is None and unit in ("month", "quarter"):
        # months from a year alone ("Over a month later" than a story in 2011): the year they reach, no month
        return year_value(ref.year + int(amount * months / 12))
    if months is not None:
        moved = base + relativedelta(months=round(amount * months))
        if unit in ("year", "decade", "century") and float(amount * months / 12).is_integer():
            return f"{moved.year:04d}"  # whole years ("two and a half decades ago": 25 years back, a year)
        if unit == "quarter" and float(amount).is_integer():
            return f"{moved.year:04d}-Q{(moved.month - 1) // 3 + 1}"  # "two quarters ago": a quarter, not a month
        return f"{moved.year:04d}-{moved.month:02d}"
    days = {"day": 1, "week": 7, "fortnight": 14, "weekend": 7, "night": 1}.get(unit)
    if days is None or ref.day is None:
        return ref.iso()
    moved = base + timedelta(days=round(amount * days))
    if unit in ("week", "fortnight", "weekend"):
        iso = moved.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else "")
    return moved.isoformat()
