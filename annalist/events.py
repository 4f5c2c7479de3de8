"""Events stage: the archive's documents and figures grouped into incidents, each with its tolls.

This is the table Iraq Body Count or the Gun Violence Archive build by hand: per incident, when,
where, what happened, how many were killed and injured, and who says so.

1. Each document gets a *profile*: the day it is about (its event date, else its publication
   date), every full date it states, and its place (dateline, else the place its figures name).
2. Documents are grouped into incidents by annalist.linking: pairs scored on how alike their
   texts, names and titles read and how near their dates lie, then average-link clustering.
3. A document's figures belong to its event, except those the text dates to another time (a
   comparison: "the worst since Piper Alpha in 1988") and, in a story of an attack, the deaths and
   injuries it gives another cause for ("killed in a motorcycle accident"), which are left out of
   this event's tolls.
4. A toll per measure: each independent source (syndication cluster) gives one count — the
   victims (the largest count it states for them) plus the suspects it says were killed or hurt;
   the event's best is the count its latest report gives when reports disagree over time (a
   victim who died later moves from injured to killed), else the count most sources give.

Everything here is per archive and deterministic; the per-document layers it reads (times,
figures) are computed by the annotate stage.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

from . import datafiles
from .figures import DATELINE, counted_sentences_holding
from .implicit import SHOT, lexicon, listed_total, role_of_words, set_off_as_parts
from .linking import (
    Profile,
    ReadTexts,
    as_held,
    ages_of,
    capitalised_words,
    days_between,
    full_dates,
    full_names,
    group,
    regions_in,
    regions_of,
    streets_of,
)
from .linking import model as linking_model
from .models import Document, Figure, Timex
from .reconcile import EVENT_DAYS, NEWS_DAYS, build_facts, lowest_stated
from .store import by_document
from .syndication import STUB_WORDS
from .temporal import ORDINALS, article_event_date

OTHER_EVENT_DAYS = 14  # a figure the text dates further from its event than this counts another event

SUSPECT = "suspect"


@dataclass
class Toll:
    measure: str
    best: int | None
    low: int | None
    high: int | None
    status: str  # consistent | conflict | single_source
    victims: int | None  # the part of best the text gives as victims (officers included)
    suspects: int | None  # the part of best the text gives as suspects
    sources: int  # independent sources stating a count
    spans: list[dict]  # {"doc", "start", "end", "span", "sentence", "part"}
    counts: list[dict]  # per independent source: {"source", "doc", "reported", "count", "victims", "suspects"}
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Event:
    id: str
    date: str | None
    granularity: str  # day | month | year | unknown
    date_how: str  # "stated" (the articles date it) | "published" (only the publication date is known)
    place: str | None
    title: str | None
    documents: list[str]
    sources: int
    tolls: dict[str, Toll]

    def to_dict(self) -> dict:
        return {"id": self.id, "date": self.date, "granularity": self.granularity, "date_how": self.date_how,
                "place": self.place, "title": self.title, "documents": self.documents, "sources": self.sources,
                "tolls": {m: t.to_dict() for m, t in self.tolls.items()}}


def build_events(documents: list[Document], timexes: dict[str, list[Timex]],
                 figures: dict[str, list[Figure]]) -> list[Event]:
    """The archive's events, most documents first."""
    return events_of_profiles(_profiles(documents, timexes, figures), figures)


def events_of_profiles(profiles: list[Profile], figures: dict[str, list[Figure]],
                       read: ReadTexts = as_held) -> list[Event]:
    """build_events from the documents' profiles (the archive's timexes need not be held beside the
    linking's TF-IDF vectors: `ledger` reads them a slice of documents at a time, to profile them).
    `read` gives the documents' texts when the profiles hold them without (linking.ReadTexts)."""
    groups = group(profiles, read=read)
    events = [event_of_group(group, figures) for group in groups]
    # Most documents first, then most independent sources; among equals, the one whose articles say
    # more (tolls stated, then text): a paywall stub is rarely the main story of an archive.
    text = {p.doc.id: p.chars for p in profiles}
    return sorted(events, key=lambda e: (-len(e.documents), -e.sources, -len(e.tolls),
                                         -sum(text.get(d, 0) for d in e.documents), e.date or "", e.id))


def profile(doc: Document, timexes: list[Timex], figures: list[Figure]) -> Profile:
    day = article_event_date(timexes, doc.text, counted_sentences_holding(doc.text, (t.start for t in timexes)))
    how = "stated"
    if day is None and doc.published and len(doc.published) == 10:
        day, how = doc.published, "published"
    places = [f.where for f in figures if f.where and f.where != "worldwide"]
    place = (doc.dateline.place if doc.dateline and doc.dateline.place else None) or \
        (max(dict.fromkeys(places), key=places.count) if places else None) or lead_place(doc)
    killed = document_counts(figures).get("killed")
    return Profile(doc, day, how if day else "unknown", full_dates(timexes), place,
                   killed.count if killed else None, full_names(doc), regions_of(doc),
                   capitalised_words(doc), ages_of(doc), streets_of(doc), _surnames_counted(figures),
                   len(doc.text), is_roundup(doc), tells_of_attack(doc))


def _surnames_counted(figures: list[Figure]) -> frozenset[str]:
    """The last words of the names of the people a story counts as killed, hurt or shot."""
    surnames = set()
    for f in figures:
        names = _name_words(f.who) if f.measure in ("killed", "injured", SHOT) else set()
        last = [w for w in (f.who or "").split() if w in names][-1:]
        surnames.update(last)
    return frozenset(surnames)


# Where a story says it happened, in its first lines: a dateline ("SANFORD, Fla. -", "AKRON, Ohio –")
# or "in/near <Place>[, <State>]" ("in Latta", "in Hamilton Township, New Jersey").
_IN_PLACE = re.compile(r"\b(?:in|near|outside)[ \t]+((?:[A-Z][a-z]+\.?[ \t]?){1,3}(?:,[ \t]*[A-Z][a-z]+\.?(?:[ \t][A-Z][a-z]+)?)?)")
LEAD_CHARS = 600


def lead_place(doc: Document) -> str | None:
    """The place a story's dateline or first lines name, else None."""
    lead = doc.text[:LEAD_CHARS]
    dateline = DATELINE.match(lead)
    if dateline and dateline.group("place").strip() not in datafiles.load("regions_en.toml")["caption_words"]:
        return dateline.group("place").strip()
    common = set(linking_model()["common_names"]) | _NOT_PLACE_WORDS
    for text in (doc.title or "", lead):
        for found in _IN_PLACE.finditer(text):
            if re.match(r"\s*\d", text[found.end(1):]):
                continue  # a street: "near West 29th and Summit Streets", "near North 15th Street"
            words = []
            for word in found.group(1).strip().rstrip(",.").split():
                if word.strip(",.") in common or \
                        (text is not lead and not _named_in(" ".join(words + [word.strip(",.")]), doc.text)):
                    break
                words.append(word)
            if words:
                return " ".join(words).rstrip(",.")
    return None


def _named_in(phrase: str, text: str) -> bool:
    """Whether a headline's capitalised words are a name the story itself writes: in title case every
    word is capitalised ("in Triple Shooting", "Years in Prison", "in Toddler's Death"). A story of
    some length names its place mid-sentence; a stub, which may not name it at all, only must not
    write it in lower case."""
    if re.search(rf"(?<![.!?\"“]\s)(?<!^)\b{re.escape(phrase)}\b", text):
        return True
    return len(text.split()) < STUB_WORDS and not re.search(rf"\b{re.escape(phrase.lower())}\b", text)


# Capitalised words of headlines and leads that end a place name: "in Dallas Nightclub Shooting".
_NOT_PLACE_WORDS = {"Shooting", "Shootings", "Nightclub", "Killing", "Killings", "Crash", "Fire", "Attack", "Incident",
                    "Home", "House", "Homicide", "Murder", "Standoff", "Robbery", "Spree", "Man", "Woman", "Teen",
                    "Police", "Court", "Common", "Pleas", "Easter", "Christmas", "Thanksgiving", "New"}


def event_of_group(group: list[Profile], figures: dict[str, list[Figure]]) -> Event:
    day, how = _event_day(group)
    docs = [p.doc for p in group]
    places = [p.place for p in group if p.place]
    members = [(p.doc, f) for p in group for f in figures.get(p.doc.id, [])
               if (days_between(f.when, day) <= OTHER_EVENT_DAYS or f.when is None or day is None)
               and not is_aggregate(f) and not told_elsewhere(f, p.regions) and not (p.attack and of_another_cause(f))]
    tolls = event_tolls(_one_incident_of_roundups(members, {p.doc.id for p in group if p.roundup}), day)
    ids = sorted(d.id for d in docs)
    return Event(id=hashlib.sha1(" ".join(ids).encode()).hexdigest()[:12], date=day,
                 granularity=_granularity(day), date_how=how,
                 place=max(dict.fromkeys(places), key=places.count) if places else None,
                 title=_title(group), documents=[d.id for d in sorted(docs, key=lambda d: (d.published or "", d.id))],
                 sources=len({d.cluster or d.id for d in docs}), tolls=tolls)


@lru_cache(maxsize=1)
def _roundup_pattern() -> re.Pattern:
    return re.compile("|".join(lexicon()["roundup"]["patterns"]), re.I)


def _headline_and_lead(doc: Document, chars: int) -> str:
    """The document's headline and its first `chars` characters of text: what it is about."""
    return f"{doc.title or ''}\n{doc.text[:chars]}"


def is_roundup(doc: Document) -> bool:
    """An article whose headline or lead tells of several shootings (see [roundup] in the lexicon)."""
    return bool(_roundup_pattern().search(_headline_and_lead(doc, lexicon()["roundup"]["lead_chars"])))


def _one_incident_of_roundups(members: list[tuple[Document, Figure]],
                              roundups: set[str]) -> list[tuple[Document, Figure]]:
    """The event's figures, a roundup's (the documents `roundups` names: is_roundup) cut to one of the
    incidents it tells. Its totals ("2 dead, 4 hurt in 3 shootings") are over incidents and are left
    out; each incident is told in a sentence of its own, and which one this event is the article alone
    does not say: the one told with the most people is kept. (Measured: single-article GVA incidents
    whose article is a roundup, killed right for 22 of 23, against 16 when the totals counted; tune +7
    -3 incidents; the check half, scored as a whole: multi-article injured 0.776 -> 0.779,
    single-article killed 0.900 -> 0.906.)"""
    by_doc: dict[str, tuple[Document, list[Figure]]] = {}
    for doc, figure in members:
        by_doc.setdefault(doc.id, (doc, []))[1].append(figure)
    kept = []
    for doc, figures in by_doc.values():
        if doc.id not in roundups:
            kept += [(doc, f) for f in figures]
            continue
        by_sentence: dict[tuple[str, str], list[Figure]] = {}
        for f in figures:
            if not _roundup_pattern().search(f.sentence):
                by_sentence.setdefault((f.part, f.sentence), []).append(f)
        if by_sentence:
            kept += [(doc, f) for f in max(by_sentence.values(), key=_people_told)]
    return kept


def _people_told(figures: list[Figure]) -> int:
    counts = document_counts(figures)
    return sum(counts[m].count or 0 for m in ("killed", "injured") if m in counts)


@lru_cache(maxsize=1)
def _aggregate_patterns() -> re.Pattern:
    return re.compile("|".join(lexicon()["aggregate"]["patterns"]), re.I)


def told_elsewhere(figure: Figure, regions: frozenset[str]) -> bool:
    """A figure whose own clause places it in another state than the story's ("hours before three
    police officers were shot dead in Baton Rouge, Louisiana" in a Milwaukee story): another incident."""
    found = regions_in(figure.where or "")
    return bool(regions and found and not found & regions)


@lru_cache(maxsize=1)
def _other_cause_patterns() -> tuple[re.Pattern, re.Pattern, int, int]:
    words = lexicon()["other_cause"]
    return (re.compile("|".join(words["attack"]), re.I), re.compile("|".join(words["causes"]), re.I),
            words["lead_chars"], words["near_chars"])


def tells_of_attack(doc: Document) -> bool:
    """The document's headline or lead tells of an attack (see [other_cause] in the lexicon)."""
    attack, _, lead_chars, _ = _other_cause_patterns()
    return bool(attack.search(_headline_and_lead(doc, lead_chars)))


def of_another_cause(figure: Figure) -> bool:
    """A death or injury given another cause near it (an accident, natural causes, a fire, an
    obituary's "dies at 96"), with no attack named as near: in a story that tells of an attack
    (tells_of_attack), another event's figure (see [other_cause] in the lexicon). Near: within the
    lexicon's near_chars of the figure's span in its sentence, so that "the motive for the shooting
    was ... a wake held for a person who died of natural causes" is read for the person's own death.
    A story about a crash or a fire keeps its dead: its lead names no attack."""
    attack, causes, _, near_chars = _other_cause_patterns()
    at = _span_at(figure)
    near = figure.sentence[max(0, at - near_chars):at + len(figure.span) + near_chars]
    return bool(causes.search(near) and not attack.search(near))


def is_aggregate(figure: Figure) -> bool:
    """A tally over several incidents ("4 killed, 11 wounded in city shootings Tuesday"): a figure
    of its own, not this incident's toll."""
    return bool(_aggregate_patterns().search(figure.sentence))


def _event_day(group: list[Profile]) -> tuple[str | None, str]:
    """The day most documents state, else the earliest publication date. Between days as many
    documents state, the one nearest the first report (news follows its event within days; the
    other is most often a background date one article picked up), then the earliest."""
    stated = [p.day for p in group if p.day and p.day_how == "stated"]
    if stated:
        first_report = min((p.doc.published for p in group if p.doc.published), default=None)
        return min(set(stated), key=lambda d: (-stated.count(d), days_between(d, first_report), d)), "stated"
    published = sorted(p.day for p in group if p.day)
    return (published[0], "published") if published else (None, "unknown")


def _granularity(day: str | None) -> str:
    if not day:
        return "unknown"
    return {10: "day", 7: "month", 4: "year"}.get(len(day), "day")


def _title(group: list[Profile]) -> str | None:
    """The title of the earliest report that has one (sources' own words, not a summary)."""
    titled = sorted((p.doc.published or "9999", p.doc.title) for p in group if p.doc.title)
    return titled[0][1] if titled else None


# --- tolls -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Count:
    """What one document says of one measure."""

    count: int | None  # None: only bounds or vague amounts
    low: int | None
    high: int | None
    victims: int | None
    suspects: int | None
    where: str | None = None  # the place the largest count is stated for ("137 killed in Baku")
    # No one said to be hurt: the people shot less the dead came to nothing ("shot all three" of the
    # three killed). A document about the dead alone gives that zero; it is not a report of no injuries.
    by_subtraction: bool = False


def _count_of(figures: list[Figure]) -> Count | None:
    """The largest count a document states for victims (a later sentence naming one of them repeats,
    not adds), plus the largest for suspects. Bounds and vague amounts give a low but no count; an
    upper bound alone ("as many as 20 others injured") gives a high."""
    if not figures:
        return None

    def best_of(role_figures: list[Figure]) -> tuple[int | None, int | None]:
        exact = [f.value for f in role_figures if f.value is not None and f.qualifier in ("exact", "about")]
        lows = [n for n in map(lowest_stated, role_figures) if n is not None]
        return (max(exact) if exact else None), (max(lows) if lows else None)

    v, v_low = best_of([f for f in figures if f.role != SUSPECT])
    s, s_low = best_of([f for f in figures if f.role == SUSPECT])
    suspects = [f for f in figures if f.role == SUSPECT]
    if s is not None and v is not None and suspects and all(_reflexive(f) for f in suspects) and \
            any(_reflexive(f) and f.role != SUSPECT for f in figures):
        # One sentence calls the shooting of oneself an accident ("accidentally shot himself"): the one
        # who shot himself is the victim the story counts, not a suspect besides him.
        v, s = max(v, s), 0
    if s is not None and v is not None and not any(_named_suspect(f) for f in figures if f.role == SUSPECT):
        # Only inferred a suspect ("fatally shot by police"): maybe the same person the text calls the victim.
        v, s = max(v, s), 0
    if v is None and s is None:
        low = (v_low or 0) + (s_low or 0) if (v_low is not None or s_low is not None) else None
        return Count(None, low, _highest_bound(figures) if low is None else None, None, None)
    count = (v or 0) + (s or 0)
    where = next((f.where for f in figures if f.value == v and f.where), None)
    return Count(count, count, count, v, s, where)


def _highest_bound(figures: list[Figure]) -> int | None:
    """The most people a document's upper bounds allow, when they are all it says: the tightest."""
    bounds = [f.high for f in figures if f.qualifier == "up_to" and f.high is not None]
    return min(bounds) if bounds else None


def _reflexive(figure: Figure) -> bool:
    return bool(set((figure.who or "").lower().split()) & set(lexicon()["people"]["reflexive"]))


def _named_suspect(figure: Figure) -> bool:
    """A suspect the text tells apart from the victims: one who killed himself, or one called the
    gunman or the suspect."""
    return _reflexive(figure) or role_of_words((figure.who or "").lower().split()) == SUSPECT


def document_counts(figures: list[Figure]) -> dict[str, Count]:
    """measure -> what one document says. People shot and not said to be dead are injured unless
    they are among the killed: "four people were shot and one person killed" is 1 killed and 3
    injured; "a man was shot ... he died" is 1 killed; "a man was killed and a woman was shot" 1 and 1."""
    by_measure: dict[str, list[Figure]] = {}
    figures = figures + _listed_together(figures)
    dead = [f for f in figures if f.measure == "killed"]
    for f in figures:
        # A person said to be hurt without a numeral ("a man was wounded") is like one shot: injured
        # unless the document says he died ("... and died at the hospital"); so are the hurt some of
        # whom died ("One of five people hurt ... has died": five hit, one of them dead).
        hurt_person = f.measure == "injured" and (f.implicit and f.value or any(_part_of(f, k) for k in dead))
        by_measure.setdefault(SHOT if hurt_person else f.measure, []).append(f)
    counts = {m: c for m, fs in by_measure.items() if m != SHOT and (c := _count_of(fs)) is not None}
    shot = by_measure.get(SHOT, [])
    if shot:
        stated = counts.get("injured")
        injured = _shot_not_killed(shot, by_measure.get("killed", []), counts.get("killed"),
                                   hurt_numbered=bool(stated and stated.count))
        if injured is not None and (stated is None or stated.count is None or injured > stated.count):
            counts["injured"] = Count(injured, injured, injured, injured, 0, by_subtraction=not injured and not stated)
    return counts


_LIST_SEPARATOR = re.compile(r"\s*(?:,|,?\s+and)\s*")


def _listed_together(figures: list[Figure]) -> list[Figure]:
    """Counts of one measure listed side by side as their sum ("2 Girls, 2 Men Shot At Birthday
    Party": 4), when the parse gave each its own figure and none their total. Each names whom it
    counts: not a part of a group ("five people, four of them teenagers", "four people, one
    seriously") nor a count the text marks as others."""
    sums = []
    by_sentence: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if not f.implicit and f.value and f.who and " of " not in f" {f.span} " and not _marked_other(f):
            by_sentence.setdefault((f.part, f.sentence), []).append(f)
    for listed in by_sentence.values():
        listed.sort(key=lambda f: f.start)
        run = listed[:1]
        for f in listed[1:] + [None]:
            if f is not None and f.measure == run[-1].measure and f.start > run[-1].end and \
                    _LIST_SEPARATOR.fullmatch(_text_between(run[-1], f)):
                run.append(f)
                continue
            closed = _text_after(run[-1]).startswith(",") if len(run) > 2 else False
            total = listed_total([x.value for x in run], set_off_as_parts(run[0].span.split()[-1], closed))
            said_whole = any(g.implicit and g.measure == run[0].measure and g.value == total for g in figures)
            if len(run) > 1 and total != run[0].value and not said_whole:
                sums.append(replace(run[0], value=total, low=total, high=total, end=run[-1].end,
                                    span=_text_from(run[0], run[-1])))
            run = [f] if f is not None else []
    return sums


def _part_of(group: Figure, part: Figure) -> bool:
    """Whether one figure counts a part of another's group: its span holds the other's ("One of five
    people" and "five people")."""
    return (group is not part and group.part == part.part and part.start <= group.start
            and group.end <= part.end and (part.end - part.start) > (group.end - group.start))


def _shot_not_killed(shot: list[Figure], killed: list[Figure], killed_count: Count | None,
                     hurt_numbered: bool = False) -> int | None:
    """How many of the people shot were not killed: a number of people shot less the killed; a
    singular person shot, unless the document says someone died and this one is not told apart from
    them (news names one victim many ways: "the boy", "Devon", "the 7-year-old")."""
    dead = killed_count.count if killed_count and killed_count.count is not None else 0
    numbered = [f.value for f in shot if not f.implicit and f.value is not None and not _marked_other(f)]
    # "he and four others were shot": one and others than him, all shot, the dead among them as among
    # the people a numeral counts ...
    numbered += [f.value for f in shot if _one_and_others(f) and not _others_besides_the_dead(f)]
    numbered += _with_new_people(shot)
    numbered += [n for f in shot if f.implicit and (n := _ordinal_of(f))]
    # "five others were shot", "hitting five additional people": people besides the dead, none of them dead;
    # so are "he and two other people", when they "are in stable condition", or "were also shot".
    others = [f.value for f in shot if not f.implicit and f.value is not None and _marked_other(f)]
    others += [f.value for f in shot if _one_and_others(f) and _others_besides_the_dead(f)]
    from_numbers = max([n - dead for n in numbered] + others) if numbered or others else None
    people = [f for f in shot if f.implicit and f.value and not _one_and_others(f)]
    if not people:
        return max(0, from_numbers) if from_numbers is not None else None
    if not dead:
        # One person told of many ways is counted once; one the text brings in as hit besides ("a man
        # was also shot", "a shooting that also wounded a man") is one more.
        # Only in a story that gives no number: a number counts the people it goes on to tell of.
        new = [f for f in people if _brought_in_as_another(f)] \
            if from_numbers is None and not hurt_numbered and all(f.value == 1 for f in people) else []
        first = [f.value for f in people if f not in new]
        return max(0, from_numbers or 0, max(first, default=0) + (_distinct_people(new) if new else 0))
    fired_at_self = [f for f in shot + killed if f.role == SUSPECT and _reflexive(f)]
    others = [f for f in people if _told_apart(f, killed, fired_at_self)]
    # Failing all else, one the text places in a condition of the living is not among the dead ("Sharon
    # Watson is in stable condition" beside "Emma Watson died"). Only then: told apart this way, every
    # mention of one survivor ("the 3-year-old", "a boy") would count again.
    alive = others or [f for f in people if _out_of_danger(f)]
    return max(0, from_numbers or 0, _distinct_people(alive))


_AND_OTHERS = re.compile(r"\band\s+(?:\w+\s+)?other", re.I)


def _one_and_others(figure: Figure) -> bool:
    """A person and a number of others listed as one count: "he and four others were shot"."""
    return figure.implicit and (figure.value or 0) > 1 and bool(_AND_OTHERS.search(figure.span))


def _others_besides_the_dead(figure: Figure) -> bool:
    """One and others the text sets apart from the dead: in a condition of the living ("he and two other
    people are in stable condition"), or shot as well ("A woman and two other men were also shot")."""
    return _out_of_danger(figure) or "also" in figure.span.lower().split()


_INDEFINITE = re.compile(r"an?\s", re.I)
_NEW_OBJECT = re.compile(r"(?:an?|her|his|their)\s", re.I)


def _brought_in_as_another(figure: Figure) -> bool:
    """A person told of as new (an indefinite noun) and as hit besides someone already told of: "A man
    was also shot", "a shooting that also wounded a man". (Not "he was also shot in the arm": the same
    person, hit again; nor "another student was struck": another than the student who fired.)"""
    words = figure.span.lower().split()
    if _INDEFINITE.match(figure.span):  # "A man was also shot"
        return "also" in words
    # The verb before the person: "also wounded a man", "also injured her son".
    before = figure.sentence[:_span_at(figure)].lower().split()[-1:]
    return len(words) > 1 and bool(_NEW_OBJECT.match(" ".join(words[1:]))) and before == ["also"]


_ORDINAL_PERSON = re.compile(r"^(?:an?|the)\s+(\w+)\b", re.I)


def _ordinal_of(figure: Figure) -> int | None:
    """The N of one person told of as the Nth hit ("a fourth man suffered a gunshot wound", "the fourth
    victim survived", "an eighth teen was injured"): N people were hit in all, the dead among them."""
    found = _ORDINAL_PERSON.match(figure.span)
    word = found.group(1).lower() if found else ""
    n = int(word[:-2]) if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", word) else ORDINALS.get(word)
    return n if n and n >= 2 and figure.value == 1 else None


def _with_new_people(shot: list[Figure]) -> list[int]:
    """A number of people shot plus the people the same sentence goes on to tell of as new, by an
    indefinite noun after it ("two women were shot, and a 9-year-old boy was hit": 3). Not one the
    number includes ("four people were shot, including a 5-year-old girl") or one told of definitely
    ("the man"): they are among the number."""
    totals = []
    for f in shot:
        if f.implicit or f.value is None or _marked_other(f):
            continue
        after = [g for g in shot if g.implicit and g.value and g.part == f.part and g.sentence == f.sentence
                 and g.start >= f.end and re.match(r"(?:an?|another)\s", g.span, re.I)
                 and not _SUBSET_BETWEEN.search(_text_between(f, g))]
        if after:
            totals.append(f.value + sum(g.value for g in after))
    return totals


def _span_at(figure: Figure) -> int:
    """Where a figure's span starts in its sentence (its first occurrence; 0 if not found)."""
    return max(figure.sentence.find(figure.span), 0)


def _text_between(first: Figure, second: Figure) -> str:
    """The sentence's text from the end of one figure to the start of a later one in it."""
    at = _span_at(first)
    return first.sentence[at + len(first.span):at + second.start - first.start]


def _text_after(figure: Figure) -> str:
    """The sentence's text after a figure."""
    return figure.sentence[_span_at(figure) + len(figure.span):]


def _text_from(first: Figure, last: Figure) -> str:
    """The sentence's text from the start of one figure to the end of a later one in it."""
    at = _span_at(first)
    return first.sentence[at:at + last.end - first.start]


# Words between a count and people it goes on to name that make them its members, not more people:
# "including", "one of", and a dash or a colon that opens the list ("All three victims -- a 16-year-old
# boy shot in the leg, ...").
_SUBSET_BETWEEN = re.compile(r"\b(?:including|among|of\s+them|of\s+whom|one\s+of|two\s+of|both|all)\b|^\s*(?:--|—|–|:)", re.I)


_ALSO_AFTER = re.compile(r"\s+(?:who\s+|that\s+)?(?:were|was|are|is|had\s+been|have\s+been)\s+also\b", re.I)


def _marked_other(figure: Figure) -> bool:
    """A count of people the text marks as others than someone already told of ("four others",
    "three other males were also shot", "five additional people", "two women who were also shot")."""
    distinct = lexicon()["distinct"]
    words = set((figure.who or "").lower().split()) | set(figure.span.lower().split())
    if not figure.implicit and _ALSO_AFTER.match(_text_after(figure)):
        return True  # "Two women who were also shot", "Three men were also wounded"
    if not words & set(distinct["markers"]):
        return False
    if re.search(r"\band\s+" + re.escape(figure.span), figure.sentence):
        # "she and three others had been shot": others than she, who may be the one who lived. They are
        # besides the dead when the sentence says she died ("he died after he and four others were shot").
        return bool(set(re.findall(r"[a-z]+", figure.sentence.lower())) & set(distinct["death_words"]))
    return True


def _distinct_people(figures: list[Figure]) -> int:
    """People counted once each over their mentions: by sex when the text gives it, else by the last
    word of how they are called ("Leanne Smith" and "Smith" are one). Those told by name and those
    told by sex are two counts of the same people, not one count each."""
    by_sex: dict[str, int] = {}
    by_name: dict[str, int] = {}
    by_noun: dict[str, int] = {}
    for f in figures:
        words = (f.who or "").lower().split()
        sex = _sex(f.who)
        if sex:
            table, key = by_sex, sex
        elif _told_by_name(f.who):
            table, key = by_name, words[-1]
        else:
            table, key = by_noun, words[-1] if words else ""
        table[key] = max(table.get(key, 0), f.value or 0)
    # The text tells one survivor by name in one place and by sex in another ("injured Tillie Turner",
    # "woman injured"): the people the names count and those the sexes count are the same people.
    return sum(by_noun.values()) + max(sum(by_name.values()), sum(by_sex.values()))


def _told_apart(figure: Figure, killed: list[Figure], fired_at_self: list[Figure] = ()) -> bool:
    """Whether a person said to be shot or hurt is someone other than the dead: the text marks them
    as another ("a woman was also shot", "the other victim"); one sentence kills some and hurts
    others ("killing Sarah Davidson and injuring Leanne Smith"); of a victim, no dead victim (the dead
    gunman is not the one he hit), or a name or a sex none of the dead victims has."""
    markers = set(lexicon()["distinct"]["markers"])
    if set((figure.who or "").lower().split()) & markers or set(figure.span.lower().split()) & markers:
        return True
    dead = [f for f in killed if f.value]
    if figure.measure == "injured" and any(_same_sentence_other(figure, f) for f in dead):
        return True
    if figure.role != SUSPECT and not _reflexive(figure):
        # A victim is not the one who fired, told of as the gunman or as dead by his own hand ("the
        # gunman then shot himself"): only the dead victims may be this one. ("then shot himself" is
        # the one who "killed himself".)
        dead = [f for f in dead if not (f.role == SUSPECT and _named_suspect(f))
                and not _who_shot_himself(f, fired_at_self)]
        if not dead:
            return True
    names = _told_by_name(figure.who)
    if names and dead and not any(names & _told_by_name(f.who) for f in dead) and all(_told_by_name(f.who) for f in dead):
        return True
    # The sexes of all the dead; "a husband and wife were found dead" are both.
    dead_sexes = {sex for f in dead for sex in (_sexes(f"{f.who} {f.span}" if f.value > 1 else f.who) or {None})}
    sex = _sex(figure.who)
    return sex is not None and None not in dead_sexes and sex not in dead_sexes


def _who_shot_himself(dead: Figure, fired_at_self: list[Figure]) -> bool:
    """Whether the dead, told by name, is the one a sentence says shot himself: "pronounced 18-year-old
    Emery Collins ... dead" beside "Collins shot her and then himself" — the one who fired, not one he
    hit. (The reader gives "himself" the suspect's role but not his name: only the sentence ties them.)"""
    names = _told_by_name(dead.who)
    surname = (dead.who or "").split()[-1] if names else None
    return bool(surname) and any(
        re.search(rf"\b{re.escape(surname)}\b[^.;]*\b(?:himself|herself)\b", f.sentence) for f in fired_at_self)


def _out_of_danger(figure: Figure) -> bool:
    """A person the text places in a condition of the living ("is in stable condition") or says survived
    ("was shot in the leg, but survived"): not one of the dead."""
    words = figure.span.lower().split()
    if words and words[-1] == "condition" and set(words) & set(lexicon()["condition"]["alive"]):
        return True
    clause = re.split(r"[.;:]", _text_after(figure), maxsplit=1)[0].lower()
    return bool(set(re.findall(r"[a-z]+", clause)) & set(lexicon()["condition"]["survived"]))


def _same_sentence_other(hurt: Figure, dead: Figure) -> bool:
    return (hurt.part == dead.part and hurt.sentence == dead.sentence
            and (hurt.end <= dead.start or dead.end <= hurt.start))


def _name_words(who: str | None) -> set[str]:
    """The capitalised words of a name ("Leanne Smith"); none for a common noun or a pronoun."""
    words = [w for w in (who or "").split() if w != "old"]  # "old Jeremy Mardis" from "6-year-old Jeremy Mardis"
    if not words or not all(w[:1].isupper() for w in words):
        return set()  # a common noun ("the Fairmont student"), a pronoun
    return {w for w in words if w.lower() not in lexicon()["distinct"]["not_names"]}


def _told_by_name(who: str | None) -> set[str]:
    """`_name_words`, less a person noun a headline or a sentence's start capitalises ("Deputy wounded,
    suspect killed" tells of a deputy, not of someone named Deputy). For counting people only: the
    linking model was fitted on `_name_words` as it is (`_surnames_counted`); read this way there, it
    joined more stories of different incidents (tune grouping P 0.9805 -> 0.9784)."""
    people = set(lexicon()["people"]["nouns"])
    return {w for w in _name_words(who) if w.strip(",;:").lower() not in people}  # a headline's "Baby, Man"


def _sexes(who: str | None) -> set[str]:
    """Every sex the words name ("husband and wife": both)."""
    distinct = lexicon()["distinct"]
    words = set((who or "").lower().split())
    return {sex for sex in ("male", "female") if words & set(distinct[sex])}


def _sex(who: str | None) -> str | None:
    """The one sex the words name, male first when they name both."""
    sexes = _sexes(who)
    return "male" if "male" in sexes else "female" if sexes else None


def event_tolls(members: list[tuple[Document, Figure]], day: str | None = None) -> dict[str, Toll]:
    """One toll per measure from the (document, figure) pairs of one event that happened on `day`."""
    documents = {d.id: d for d, _ in members}
    figures_of: dict[str, list[Figure]] = {}
    for doc, f in members:
        figures_of.setdefault(doc.id, []).append(f)
    counts_of = {doc_id: document_counts(fs) for doc_id, fs in figures_of.items()}
    # The dead first: a person one article tells of only as shot may be one the others tell of as dead.
    measures = sorted({m for counts in counts_of.values() for m in counts}, key=lambda m: (m != "killed", m))
    tolls = {}
    for measure in measures:
        if measure == "injured" and "killed" in tolls:
            counts_of = _shot_among_the_dead(counts_of, figures_of, tolls["killed"].best)
        spans = [{"doc": d.id, "start": f.start, "end": f.end, "span": f.span, "sentence": f.sentence,
                  "part": f.part, "implicit": f.implicit, "role": f.role}
                 for d, f in members if f.measure == measure or (measure == "injured" and f.measure == SHOT)]
        dead = {d: counts_of[d]["killed"].count for d in counts_of if "killed" in counts_of[d]}
        toll = _toll(measure, {d: counts_of[d][measure] for d in counts_of if measure in counts_of[d]}, documents, spans,
                     day, dead)
        if toll:
            tolls[measure] = toll
    return tolls


def _shot_among_the_dead(counts_of: dict[str, dict[str, Count]], figures_of: dict[str, list[Figure]],
                         event_dead: int | None) -> dict[str, dict[str, Count]]:
    """A document that tells of people shot only by naming them ("Police name shooting victim"), with
    no dead or dead it does not count ("a fatal shooting"), where the event's other sources tell of as
    many dead or more: those it names shot are taken as among the dead, its people shot less the dead
    nothing (a zero by subtraction). Measured on the tune half: right for every multi-article incident
    it changed (with no dead; with uncounted dead, session 39: the one incident it changed, 773797)."""
    if not event_dead:
        return counts_of
    revised = {}
    for doc_id, counts in counts_of.items():
        hurt = counts.get("injured")
        told_by_names = [f for f in figures_of[doc_id] if f.measure in ("injured", SHOT)]
        told_dead = counts.get("killed")
        if (hurt is not None and hurt.count is not None and 0 < hurt.count <= event_dead
                and (told_dead is None or told_dead.count is None)
                and told_by_names and all(f.implicit for f in told_by_names)):
            counts = {**counts, "injured": Count(0, 0, 0, 0, 0, by_subtraction=True)}
        revised[doc_id] = counts
    return revised


def _toll(measure: str, counts_by_doc: dict[str, Count], documents: dict[str, Document], spans: list[dict],
          day: str | None, dead: dict[str, int | None]) -> Toll | None:
    by_source: dict[str, list[Document]] = {}
    for doc_id in counts_by_doc:
        doc = documents[doc_id]
        by_source.setdefault(doc.cluster or doc.id, []).append(doc)
    counts = []
    for source, docs in by_source.items():
        latest = max(docs, key=lambda d: (d.published or "", d.id))
        c = counts_by_doc[latest.id]
        counts.append({"source": source, "doc": latest.id, "reported": latest.published, "count": c.count,
                       "low": c.low, "high": c.high, "victims": c.victims, "suspects": c.suspects, "where": c.where,
                       "by_subtraction": c.by_subtraction, "dead": dead.get(latest.id)})
    stated = _not_silent([c for c in counts if c["count"] is not None])
    lows = [c["low"] for c in counts if c["low"] is not None]
    highs = [c["high"] for c in counts if c["high"] is not None]
    if not stated and not lows and not highs:
        return None
    best_count, reasons = _best(stated, day, measure)
    status = "single_source" if len(counts) <= 1 else (
        "consistent" if _meet([(c["low"], c["high"]) for c in counts]) else "conflict")
    chosen = next((c for c in reversed(_by_report(stated)) if c["count"] == best_count), None)
    return Toll(measure=measure, best=best_count, low=min(lows) if lows else None,
                high=max(highs) if highs and len(highs) == len(counts) else None, status=status,
                victims=chosen["victims"] if chosen else None, suspects=chosen["suspects"] if chosen else None,
                sources=len(counts), spans=spans, counts=counts,
                reasons=reasons if status == "conflict" else [])


def _not_silent(stated: list[dict]) -> list[dict]:
    """Counts less the zeros by subtraction of sources that say no more dead than a source reporting
    people hurt: those articles are about the dead and silent on the hurt. A zero that comes with more
    dead stays: the hurt may have died ("a 4-year-old in critical condition" then "has died")."""
    reported = [c["dead"] or 0 for c in stated if not c["by_subtraction"]]
    if not reported:
        return stated
    return [c for c in stated if not c["by_subtraction"] or (c["dead"] or 0) > max(reported)]


def _by_report(counts: list[dict]) -> list[dict]:
    return sorted(counts, key=lambda c: (c["reported"] or "", c["doc"]))


def _best(stated: list[dict], day: str | None, measure: str = "killed") -> tuple[int | None, list[str]]:
    """The count most independent sources give; when sources disagree and the later reports give
    another count, the latest report while the incident was news (a toll revised as victims died
    or were found; an anniversary piece a year on revises nothing). The hurt are revised only as
    some of them die: a later report that names fewer hurt and more dead. A later report with
    other hurt is most often a follow-up about one of them (measured on the tune half: taking
    the latest for the hurt as for the dead was right for fewer incidents)."""
    if not stated:
        return None, []
    values = [c["count"] for c in stated]
    if len(set(values)) == 1:
        return values[0], []
    scoped = [f"{c['count']} is stated for {c['where']}" for c in stated if c["where"]]
    scope = [f"different place scope: {'; '.join(dict.fromkeys(scoped))}"] if scoped else []
    news = _by_report([c for c in stated if day is None or days_between(day, c["reported"]) <= NEWS_DAYS])
    if len(news) > 1 and news[0]["reported"] and news[-1]["reported"] and news[-1]["reported"] > news[0]["reported"] \
            and (measure != "injured" or _hurt_died(news[0], news[-1])):
        earliest, latest = news[0], news[-1]
        return latest["count"], scope + [f"reports differ over time: {earliest['count']} ({earliest['reported']}) "
                                         f"then {latest['count']} ({latest['reported']}); the latest report is taken"]
    # The count most sources give; between counts as many give, their lower median: the smaller of
    # two (measured on the tune half, the larger of an even split is more often a roundup's or another
    # incident's people), the middle of three or more (one source's roundup and another's follow-up
    # about one victim both fall away).
    top = max(values.count(v) for v in values)
    tied = sorted(v for v in set(values) if values.count(v) == top)
    most = tied[(len(tied) - 1) // 2]
    return most, scope + [f"sources differ: {', '.join(str(v) for v in sorted(set(values)))}; "
                          f"{most} is given by {values.count(most)} of {len(values)}"]


def _hurt_died(earlier: dict, later: dict) -> bool:
    """The later report moves some of the hurt to the dead: fewer hurt and more dead, both stated;
    or, when the earlier report tells of no dead ("a 16-year-old boy was injured"), as many people
    shot in both, so that the ones the later report calls dead are the ones it no longer calls hurt
    ("the boy has died"). Measured on the tune half: a later report of another number of dead, with
    an earlier one silent on the dead, is a follow-up on something else as often as a revision."""
    if later["dead"] is None or later["count"] >= earlier["count"]:
        return False
    if earlier["dead"] is not None:
        return later["dead"] > earlier["dead"]
    return later["dead"] > 0 and later["count"] + later["dead"] == earlier["count"]


def _meet(bounds: list[tuple[int | None, int | None]]) -> bool:
    lows = [lo for lo, _ in bounds if lo is not None]
    highs = [hi for _, hi in bounds if hi is not None]
    return not lows or not highs or max(lows) <= min(highs)


def incident_of(events: list[Event]) -> dict[str, str]:
    """Document id -> the id of its event."""
    return {doc_id: e.id for e in events for doc_id in e.documents}


def _event_of_document(events: list[Event]) -> dict[str, Event]:
    return {doc: e for e in events for doc in e.documents}


def event_of_fact(fact, event_of: dict[str, Event]) -> str | None:
    """The event holding most of the documents behind a ledger fact (None when none does)."""
    held: dict[str, int] = {}
    for value in fact.values:
        for doc in value.documents:
            if doc in event_of:
                held[event_of[doc].id] = held.get(event_of[doc].id, 0) + 1
    return min(held, key=lambda e: (-held[e], e)) if held else None


def archive_events(store) -> list[Event]:
    """The events of a whole archive, from what the annotate stage stored (its texts and timexes read
    a slice of documents at a time, as `ledger` reads them)."""
    return _events_of_store(store, store.documents(texts=False), by_document(store.figures()))


def dated_elsewhere(when: str | None, day: str | None) -> bool:
    """Whether a figure dated `when` is about another time than its document's event of `day`."""
    return when is not None and day is not None and days_between(when, day) > EVENT_DAYS


def incident_of_figure(events: list[Event], event_of: dict[str, Event]):
    """(doc id, figure) -> the event a figure is about: its document's event, unless the text dates
    the figure to another event's days ("the worst since Piper Alpha in 1988", a follow-up's "11
    killed in the April 20 blast"), then the largest event of those days, or none of this archive's."""
    largest_near: dict[str, Event | None] = {}  # by day: an archive's figures name few days, each many times

    def incident(doc_id: str, figure: Figure) -> str | None:
        own = event_of.get(doc_id)
        if own is None or not dated_elsewhere(figure.when, own.date):
            return own.id if own else None
        if figure.when not in largest_near:
            near = [e for e in events if days_between(figure.when, e.date) <= EVENT_DAYS]
            largest_near[figure.when] = max(near, key=lambda e: (len(e.documents), e.id)) if near else None
        found = largest_near[figure.when]
        return found.id if found else f"{own.id}@{figure.when}"

    return incident


def ledger_facts(documents: list[Document], figures: list[tuple[str, Figure]], events: list[Event]):
    """([(fact, event id)], undated figures): the ledger, each fact within one event."""
    event_of = _event_of_document(events)
    facts, undated = build_facts(figures, {d.id: d for d in documents}, incident_of_figure(events, event_of))
    return [(f, event_of_fact(f, event_of)) for f in facts], undated


def _profiles(documents: list[Document], timexes: dict[str, list[Timex]],
              figures: dict[str, list[Figure]]) -> list[Profile]:
    return [profile(d, timexes.get(d.id, []), figures.get(d.id, [])) for d in documents]


# Documents profiled at once: their texts and timexes are read together, then let go.
PROFILED_AT_ONCE = 500


def _profiles_of_store(store, documents: list[Document], figures: dict[str, list[Figure]]) -> list[Profile]:
    """The profiles of the documents (held without texts), each made from its text and timexes read a
    slice of documents at a time, and holding its document as given."""
    profiles = []
    for some, with_texts in _slices_of_store(store, documents):
        made = _profiles(with_texts, store.timexes_of([d.id for d in some]), figures)
        profiles += [replace(p, doc=d) for p, d in zip(made, some)]
    return profiles


def _slices_of_store(store, documents: list[Document]):
    """(slice of the documents, the same with their texts), PROFILED_AT_ONCE documents at a time."""
    for start in range(0, len(documents), PROFILED_AT_ONCE):
        some = documents[start:start + PROFILED_AT_ONCE]
        texts = store.texts_of([d.id for d in some])
        yield some, [replace(d, text=texts[d.id]) for d in some]


def _texts_of_store(store) -> ReadTexts:
    """linking.ReadTexts of stored documents: their texts read PROFILED_AT_ONCE documents at a time."""
    def read(documents: list[Document]):
        for _, with_texts in _slices_of_store(store, documents):
            yield from with_texts
    return read


def _events_of_store(store, documents: list[Document], figures: dict[str, list[Figure]]) -> list[Event]:
    """build_events of stored documents held without their texts."""
    return events_of_profiles(_profiles_of_store(store, documents, figures), figures, _texts_of_store(store))


def ledger(store) -> tuple[list[Event], list[tuple[object, str | None]], list]:
    """(events, [(fact, event id)], undated figures) of a whole archive, each table read once but the
    texts. The documents are held without them (100 of the 130 MB a 14,000-article archive's documents
    hold, and the events step's peak): their profiles, the linking's TF-IDF vectors and its place
    tests read them a slice at a time, as do the timexes, which only the profiles need."""
    documents, figures = store.documents(texts=False), store.figures()
    events = _events_of_store(store, documents, by_document(figures))
    pairs, undated = ledger_facts(documents, figures, events)
    return events, pairs, undated
