"""The time layer of one document, and what is read from a document's or a corpus's times: the
day an article is about, a corpus's event day, past anchors ("34 years have passed since") and a
missing publication year inferred from them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..models import Timex
from .anchor import Ref, within_sentences
from .lexicon import YEAR_RX, cue, past_anchor_patterns
from .match import REACH
from .normalise import DATE, TIME, number, ordinal, tag


@dataclass(frozen=True)
class PastAnchor:
    """A phrase that measures time back to an event: "34 years have passed since", "the 29th anniversary of"."""

    start: int
    end: int
    text: str
    years: int
    kind: str  # passed_since | anniversary | years_ago | for_years


def past_anchors(text: str) -> list[PastAnchor]:
    """Phrases measuring years back to an event: the evidence for inferring a publication year."""
    anchors = {}
    for kind, pattern, closing, clause in past_anchor_patterns():
        # The number alternation is slow to try at every word: look only before each closing keyword.
        for key in closing.finditer(text):
            low = max(0, key.start() - REACH)
            for m in pattern.finditer(text, low, min(len(text), key.end() + 8)):
                if clause is not None and not clause.search(_sentence_around(text, m.start(), m.end())):
                    continue  # "dragged on for two years": not measured back from the report
                years = ordinal(m["o"]) if kind == "anniversary" else number(m["n"])
                if years and float(years).is_integer() and 0 < years < 200:
                    anchors[m.start(), m.end()] = PastAnchor(m.start(), m.end(), m.group(0), int(years), kind)
    return sorted(anchors.values(), key=lambda a: a.start)


SENTENCE_REACH = 200  # characters a sentence is read back from a past anchor for its verb


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], less the span itself (at most SENTENCE_REACH characters
    either way): "For eight years, he has ruled" holds its verb after the span."""
    before = re.split(r"[.;!?\n]", text[max(0, start - SENTENCE_REACH):start])[-1]
    after = re.split(r"[.;!?\n]", text[end:end + SENTENCE_REACH])[0]
    return f"{before} {after}"


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
    # "a year ago" is both a timex and a past anchor: one date, listed once (so "about twenty years ago",
    # the anchor "twenty years ago" within it, and "two to three years ago", read at its lower end)
    return [_named_event_date(t, text, anchors, full_dates) for t in tagged] + \
        [a for a in anchors if not _said_within(a, tagged)]


def _said_within(anchor: Timex, tagged: list[Timex]) -> bool:
    return any(t.start <= anchor.start and anchor.end <= t.end and (t.value == anchor.value or t.rule == "ago")
               for t in tagged)


def _named_event_date(timex: Timex, text: str, anchors: list[Timex], full_dates: list[str]) -> Timex:
    """A yearless day that names a commemorated event is that event's day, not this year's: its year is
    the one the same day is given with elsewhere in the article ("January 20, 1990"), else the one
    the article's past anchors measure back to, those in its own sentence first ("commemorating the
    martyrs of January 20 for 32 years" in 2022 -> 1990), then those that measure a span."""
    if timex.rule not in ("month_day", "day_month"):
        return timex
    if not (cue("naming_before").search(text[max(0, timex.start - 40):timex.start])
            or cue("naming_after").match(text[timex.end:timex.end + 20])):
        return timex
    if not timex.anchor.startswith(("dct", "none")):  # the narrative already gives its year: keep it, say it names
        return replace(timex, anchor=f"named event, {timex.anchor}")
    month_day = timex.value[4:10]
    stated = re.findall(rf"\b(\d{{4}}){month_day}\b", " ".join(full_dates))
    dated = [a for a in anchors if re.fullmatch(r"\d{4}", a.value)]
    near = [a for a in dated if within_sentences(text, min(a.start, timex.start), max(a.end, timex.end), 1)]
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


_DAY_OF_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T[A-Z0-9:]+)?$")


def day_of(timex: Timex) -> str | None:
    """The full date a DATE or a TIME names: "2016-03-25" for "Friday" and for "Friday night"
    (2016-03-25TNI) alike; None for a month, a year, a duration, a set."""
    if timex.type not in (DATE, TIME):
        return None
    found = _DAY_OF_VALUE.match(timex.value)
    return found.group(1) if found else None


def main_event_date(timexes: list[Timex]) -> str | None:
    """The day an article is about: its most often stated explicit full date (earliest on a tie)."""
    counts: dict[str, int] = {}
    for t in timexes:
        if t.anchor == "absolute" and (day := day_of(t)):
            counts[day] = counts.get(day, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


# Relative days that name when something happened ("Saturday", "Feb. 18", "yesterday", "Labor Day"); not
# the report's own day ("today") or what is to come ("tomorrow").
_REPORT_DAY_RULES = {"today", "tomorrow", "tonight"}
# A clock time alone ("at 9 p.m.") names no day: resolved against the publication date it is that day's
# only by default, and a next-day paper's "at 9 p.m." was the day before.
_DAYLESS_RULES = {"clock", "clock_24", "noon"}


def article_event_date(timexes: list[Timex], text: str | None = None,
                       told_in: list[tuple[int, int]] = ()) -> str | None:
    """The day an article is about: the day it states most often, the earliest on a tie. Stated days
    are full dates ("January 20, 1990"), days that name a commemorated event ("the tragedy of January
    20") and days resolved against the publication date ("late Friday night" in a Saturday paper).
    When `told_in` gives the sentences that tell what happened (the counted sentences: "was shot
    Friday night"), only their days vote if they state any, so that a follow-up's many "Saturday"s of
    what was said and done since do not outvote the day of the shooting. Not votes: the report's own
    day ("today", "police said Tuesday", a page's "Published Saturday" in `text`), what is to come
    ("tomorrow"), a past anchor's year; a clock time without its day votes only when nothing else dates
    the article."""
    told = sorted(told_in)
    in_told = lambda t: bool(told) and any(s <= t.start < e for s, e in told)  # noqa: E731
    stated = [(t, day) for t in timexes if (day := day_of(t)) and not t.rule.startswith("past_anchor")
              and (t.anchor == "absolute" or t.anchor.startswith("named event")
                   or (t.anchor.startswith("dct") and t.rule not in _REPORT_DAY_RULES))]
    voting = [(t, day) for t, day in stated if t.rule not in _DAYLESS_RULES and not _report_day(text, t)]
    for votes in ([day for t, day in voting if in_told(t)], [day for _, day in voting],
                  [day for t, day in stated if t.anchor.startswith("dct")]):
        if votes:
            counts = Counter(votes)
            return min(counts, key=lambda v: (-counts[v], v))
    return None


def _report_day(text: str | None, timex: Timex) -> bool:
    """A day told as the report's own: when a statement was made ("police said Tuesday", "in a Friday
    afternoon statement"), a tally stood ("as of 12 a.m. Sunday") or a page was stamped ("(Published
    Saturday, April 9, 2016)", "Updated: 4/16/2016"), often a video's of another story beside it.
    (Measured on the GVA tune incidents: event dates 0.816 -> 0.822 with the stamps.)"""
    if text is None:
        return False
    return bool(cue("reported_on").search(text[max(0, timex.start - 50):timex.start])
                or cue("stamped_on").search(text[max(0, timex.start - 40):timex.start])
                or cue("as_of").search(text[max(0, timex.start - 8):timex.start])
                or cue("statement_named_before").search(text[max(0, timex.start - 12):timex.start])
                and cue("statement_of_day").match(text, timex.end))


def corpus_event_date(timexes_by_doc: dict[str, list[Timex]]) -> str | None:
    """The day most articles of a corpus state explicitly."""
    docs_per_date: dict[str, int] = {}
    for timexes in timexes_by_doc.values():
        for value in {day for t in timexes if t.anchor == "absolute" and (day := day_of(t))}:
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
    return not in_quotes and not re.search(rf"\b{YEAR_RX}\b", sentence)
