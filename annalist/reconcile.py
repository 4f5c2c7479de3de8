"""Reconcile stage: figures about the same thing become facts, as Iraq Body Count and UCDP do by hand.

A fact is one measure (killed, injured, ...) of one event date. It keeps every
distinct value with the independent sources behind it (a syndication cluster
counts once), low/best/high, a status — `single_source` (one independent source),
`consistent` (the values' intervals meet: 744 lies inside "more than 700") or
`conflict` — the reasons the text gives for a conflict (another place scope, a
qualifier, another date, a later report), and the series of values by report date.
Figures whose date the text does not give stay out of facts: they are listed as
undated rather than merged with the event's.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date

from .models import Document, Figure

INFINITY = float("inf")
EVENT_DAYS = 7
NEWS_DAYS = 366  # reports within a year of the event can revise its toll


@dataclass
class Value:
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    where: str | None
    sources: list[str] = field(default_factory=list)  # independent sources (cluster ids)
    source_documents: list[str] = field(default_factory=list)  # one document per independent source
    documents: list[str] = field(default_factory=list)  # every document stating the value
    spans: list[dict] = field(default_factory=list)  # {"doc", "start", "end", "span", "sentence"}
    implicit: bool = False  # read without a numeral ("a worker was killed"): at least that many


@dataclass
class Fact:
    measure: str
    event_date: str | None
    status: str  # consistent | conflict | single_source
    low: int | None
    best: int | None
    high: int | None
    reasons: list[str]
    values: list[Value]
    series: list[dict]  # {"reported", "value", "doc"} by report date
    sources: int  # independent sources behind the fact

    def to_dict(self) -> dict:
        return asdict(self)


def interval(f: Value | Figure) -> tuple[float, float] | None:
    """The people counts a statement allows; None for a vague amount."""
    if f.qualifier == "vague":
        return None
    if f.qualifier == "about" and f.value is not None:
        return 0.9 * f.value, f.high if f.high is not None else 1.1 * f.value
    low = f.low if f.low is not None else 0
    high = f.high if f.high is not None else INFINITY
    return low, high


def build_facts(figures: list[tuple[str, Figure]], documents: dict[str, Document],
                incident_of: Callable[[str, Figure], str | None] | None = None) -> tuple[list[Fact], list[tuple[str, Figure]]]:
    """Facts from (doc id, figure) pairs; returns (facts, undated figures). With `incident_of` (the
    incident a figure is about: annalist.events), figures of different incidents are never one fact,
    so that two shootings of one weekend keep two tolls and a revision is claimed within one incident."""
    by_measure: dict[tuple[str, str], list[tuple[str, Figure]]] = {}
    undated = []
    for doc_id, figure in figures:
        if figure.when is None:
            undated.append((doc_id, figure))
        else:
            incident = (incident_of(doc_id, figure) if incident_of else None) or ""
            by_measure.setdefault((figure.measure, incident), []).append((doc_id, figure))
    facts = []
    for (measure, _), members in sorted(by_measure.items()):
        for event in _events(members):
            for scoped in _by_place(event):
                for group in _by_group(scoped):
                    facts.append(_fact(measure, _event_date(group), group, documents))
    facts.sort(key=lambda f: (f.measure, f.event_date or ""))
    return facts, undated


# Groups whose counts are never part of a count of civilians or of "people" in general: fighters on
# either side, and children (usually given as "including 3 children"). Other groups ("civilians",
# "workers", "citizens", "people") are compatible with each other.
_GROUP_CLASSES = {
    "armed": {"soldier", "troop", "serviceman", "servicemen", "fighter", "rebel", "militant", "insurgent", "guard",
              "gunman", "gunmen", "policeman", "policemen", "marine", "militiaman", "militiamen", "loyalist",
              "combatant", "defender"},
    "children": {"child", "children", "kid", "infant", "baby", "babies", "grandchild", "grandchildren", "son",
                 "daughter"},
}


def group_class(who: str | None) -> str | None:
    """'armed' or 'children' for a counted group that cannot be part of a general toll, else None."""
    if not who:
        return None
    head = who.split()[-1].lower()
    for name, words in _GROUP_CLASSES.items():
        if head in words or head.rstrip("s") in words:
            return name
    return None


def _by_group(members: list[tuple[str, Figure]]) -> list[list[tuple[str, Figure]]]:
    """One fact per incompatible group: "12 civilians" and "5 rebels" killed that day are two tolls."""
    classes: dict[str | None, list[tuple[str, Figure]]] = {}
    for member in members:
        classes.setdefault(group_class(member[1].who), []).append(member)
    return [classes[c] for c in sorted(classes, key=lambda c: (c is not None, c or ""))]


def _by_place(members: list[tuple[str, Figure]]) -> list[list[tuple[str, Figure]]]:
    """One fact per place the figures are scoped to. Figures with no place join the place when
    there is only one ("137 killed in Baku" vs "150 killed": one fact, a conflict of scope);
    with several places ("in Scotland", "in the US") they stand apart."""
    places: dict[str | None, list[tuple[str, Figure]]] = {}
    for member in members:
        places.setdefault(member[1].where, []).append(member)
    named = [p for p in places if p is not None]
    if len(named) <= 1:
        return [members]
    return [places[p] for p in sorted(places, key=lambda p: (p is None, p or ""))]


def _events(members: list[tuple[str, Figure]]) -> list[list[tuple[str, Figure]]]:
    """Figures whose dates follow each other within EVENT_DAYS are about one event: a toll
    "on Tuesday night" and one "on Wednesday" count the same dead."""
    ordered = sorted(members, key=lambda m: m[1].when)
    events: list[list[tuple[str, Figure]]] = []
    for member in ordered:
        if events and _days_between(events[-1][-1][1].when, member[1].when) <= EVENT_DAYS:
            events[-1].append(member)
        else:
            events.append([member])
    return events


def _days_between(a: str, b: str) -> float:
    try:
        return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days)
    except ValueError:  # a year or a month only: the same event only if it is the same text
        return 0 if a == b else INFINITY


def _event_date(members: list[tuple[str, Figure]]) -> str:
    """The date most of the figures give (the earliest on a tie)."""
    counts: dict[str, int] = {}
    for _, f in members:
        counts[f.when] = counts.get(f.when, 0) + 1
    return min(counts, key=lambda d: (-counts[d], d))


def _fact(measure: str, event_date: str, members: list[tuple[str, Figure]], documents: dict[str, Document]) -> Fact:
    values: dict[tuple, Value] = {}
    largest = _largest_exact(members)
    for doc_id, f in members:
        value, low, high, qualifier = _as_stated(f, largest.get((doc_id, f.where)))
        key = (value, low, high, qualifier, f.where, f.implicit)
        v = values.setdefault(key, Value(value, low, high, qualifier, f.where, implicit=f.implicit))
        source = documents[doc_id].cluster or doc_id
        if source not in v.sources:
            v.sources.append(source)
            v.source_documents.append(doc_id)
        if doc_id not in v.documents:
            v.documents.append(doc_id)
        v.spans.append({"doc": doc_id, "start": f.start, "end": f.end, "span": f.span, "sentence": f.sentence})
    ordered = sorted(values.values(), key=lambda v: (v.implicit, -(len(v.sources)), v.value if v.value is not None else -1))
    sources = {s for v in ordered for s in v.sources}
    # Counts read without a numeral ("nobody was killed", "the victim died") are weaker evidence than
    # numbers: where a fact has numbers, they alone decide its status, bounds and reasons.
    deciding = [v for v in ordered if not v.implicit] or ordered
    status = _status(deciding, sources)
    low, best, high = _bounds(deciding)
    series = _series(members, documents)
    return Fact(measure, event_date, status, low, best, high,
                _reasons(deciding, series, event_date) if status == "conflict" else [], ordered, series, len(sources))


def _largest_exact(members: list[tuple[str, Figure]]) -> dict[tuple[str, str | None], int]:
    """The largest exact count each document states for the fact, per place scope."""
    largest: dict[tuple[str, str | None], int] = {}
    for doc_id, f in members:
        if f.qualifier == "exact" and f.value is not None and not f.implicit:
            key = (doc_id, f.where)
            largest[key] = max(largest.get(key, f.value), f.value)
    return largest


def _as_stated(f: Figure, largest_of_its_report: int | None = None) -> tuple[int | None, int | None, int | None, str]:
    """(value, low, high, qualifier) a figure brings to a fact. A casualty read without a numeral ("a
    worker was killed", "the victim died") names one of the dead, not the toll: at least one. So does
    a smaller count beside the report's own larger one for the same place ("The explosion killed 11
    workers ... Nine workers on the drill deck were killed, along with two others"): a report does
    not contradict itself, it tells a part."""
    if f.implicit and f.value:
        return f.value, f.value, None, "at_least"
    if f.qualifier == "exact" and f.value is not None and largest_of_its_report is not None \
            and f.value < largest_of_its_report:
        return f.value, f.value, None, "at_least"
    return f.value, f.low, f.high, f.qualifier


def _status(values: list[Value], sources: set[str]) -> str:
    if len(sources) <= 1:
        return "single_source"
    intervals = [i for i in (interval(v) for v in values) if i is not None]
    if not intervals:
        return "consistent"
    return "consistent" if max(i[0] for i in intervals) <= min(i[1] for i in intervals) else "conflict"


def lowest_stated(statement: Value | Figure) -> int | None:
    """The fewest people a statement allows, where it says: its low, else its number; none for an
    upper bound alone ("up to 20 injured", "fewer than 30 killed" say nothing of the fewest)."""
    if statement.low is not None:
        return statement.low
    return None if statement.qualifier == "up_to" else statement.value


def _bounds(values: list[Value]) -> tuple[int | None, int | None, int | None]:
    """Lowest and highest counts the statements allow, and the best: the exact value most
    independent sources give (744 over "more than 700"), else an "about" value; unknown for bounds alone."""
    lows = [n for n in map(lowest_stated, values) if n is not None]
    highs = [v.high for v in values if v.high is not None]  # "more than 700" has no upper bound
    # A bound ("more than 40") is no estimate; "about 2,000" is one when no source gives an exact count.
    exact = [v for v in values if v.qualifier == "exact"] or [v for v in values if v.qualifier == "about"]
    best = max(exact, key=lambda v: len(v.sources)).value if exact else None
    return (min(lows) if lows else None), best, (max(highs) if highs else None)


def _series(members: list[tuple[str, Figure]], documents: dict[str, Document]) -> list[dict]:
    """One point per report: the document's publication date and the highest value it states for
    the fact (a live page that recaps 117, 231 and 311 deaths ends on its newest, highest tally)."""
    highest: dict[str, int] = {}
    for doc_id, f in members:
        if f.value is not None and documents[doc_id].published:
            highest[doc_id] = max(highest.get(doc_id, f.value), f.value)
    points = sorted((documents[d].published, v, d) for d, v in highest.items())
    return [{"reported": r, "value": v, "doc": d} for r, v, d in points]


def _reasons(values: list[Value], series: list[dict], event_date: str) -> list[str]:
    """What the text says that could explain a conflict."""
    reasons = []
    scoped = [v for v in values if v.where]
    unscoped = [v for v in values if not v.where]
    if scoped and unscoped:
        for v in scoped:
            reasons.append(f"different place scope: {_show(v)} is stated for {v.where}, "
                           + ", ".join(_show(u) for u in unscoped) + " without that scope")
    elif len({v.where for v in scoped}) > 1:
        reasons.append("different place scopes: " + ", ".join(f"{_show(v)} for {v.where}" for v in scoped))
    stated = [v for v in values if v.qualifier != "vague"]
    qualifiers: dict[str, list[str]] = {}
    for v in stated:
        qualifiers.setdefault(v.qualifier, []).append(_show(v))
    if len(qualifiers) > 1:
        reasons.append("different qualifiers: " + "; ".join(f"{q} {', '.join(shown)}" for q, shown in qualifiers.items()))
    reasons.append(_revision(series, event_date))
    return [r for r in reasons if r]


def _revision(series: list[dict], event_date: str) -> str | None:
    """Reports on different dates with different values, while the event was news: a toll that rose
    as reports came in is a revision, and the latest report is the one to read. Articles written
    years later (anniversaries) are not revisions of each other."""
    series = [p for p in series if _days_between(event_date, p["reported"]) <= NEWS_DAYS]
    if len({p["reported"] for p in series}) < 2 or len({p["value"] for p in series}) < 2:
        return None
    first, last = series[0], series[-1]
    values = [p["value"] for p in series]
    if values == sorted(values):
        return (f"a later revision: the figure rose from {first['value']} ({first['reported']}) to "
                f"{last['value']} ({last['reported']}); the latest report gives {last['value']}")
    return (f"reported on different dates: {first['value']} on {first['reported']}, {last['value']} on "
            f"{last['reported']} (the later report may be a revision)")


def _show(v: Value) -> str:
    if v.value is not None:
        return str(v.value)
    return f"{v.low}-{v.high}" if v.low is not None else "a vague amount"
