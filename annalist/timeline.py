"""Timeline stage: dated events merged across sources (timeline summarisation, TLS).

Dates come from the time layer: a sentence is dated by the normalised expressions it
contains ("The next day" -> 1990-01-21), and an article's first sentences without one
by its publication date (the lede reports the news of the day). Dates are ranked by
support — how many independent sources state something dated to it, in sentences on the
collection's topic — and each chosen date is summarised by the sentences closest to the
centroid of what its sources say (CentroidOpt, as in news-tls), keeping the sources and
character spans behind every entry.

`dated_sentences` is pure and per document; the rest works on a collection of them. The timeline of
a user's archive (`archive_timeline`) lists events, not only dates: a day's sentences are split into
the distinct events they tell (two shootings of one Saturday are two entries), each titled from its
sources, and entries are ranked by the independent sources that date them, a source that dates one
only by a deictic ("today", "this week") counting half.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from .cleaning import without_page_stamps
from .figures import sentences as sentence_spans
from .models import Timex
from .temporal import Ref

# An article's first sentences that state no date are dated by its publication (its lede). news-tls takes
# five. `eval tls --folds 2` chooses the number among 2, 3, 5 and 8 on each Timeline17 fold, with its other
# settings: fold A chooses 3 (0.1410 AR1-F against 0.1373 with five, at the shipped settings), fold B 5
# (0.1370 against 0.1355), and the cross-validated AR1-F rose 0.1320 -> 0.1336; on the Entities timelines,
# which nothing was chosen on, three raised Date-F1 0.2575 -> 0.2612, ROUGE-1 0.1893 -> 0.1926 and ROUGE-2
# 0.0268 -> 0.0287 (benchmarks/tls_entities.py): a fourth or fifth sentence is more often background.
LEDE_SENTENCES = 3
NEWS_TLS_LEDE = 5  # what news-tls takes, for the baselines re-implemented in benchmarks/
# A summary sentence's length in words. Under five it is a fragment ("What do we have today?"). news-tls's
# CentroidOpt sets no upper bound; a "sentence" of over 100 words is a run-on of page text (a headline
# run into its standfirst and dateline, a list) that reads badly in a timeline. On Timeline17's fold A
# the bound was chosen over 50 (what this had before) and none: mean AR1-F over the topic-word grid
# 0.1315 at 50, 0.1349 at 60, 0.1370 at 100 and with none. On fold B, checked once, the same mean at 50 and
# at 100 (0.1287). `eval tls --folds 2` chooses it on each fold too (evaluation.SUMMARY_WORDS_GRID).
MIN_WORDS, MAX_WORDS = 5, 100
# Cosine (TF-IDF) between what one article says of a day and what an entry's other articles say of it,
# above which an article of another incident joins the entry. Fitted on 40 mixed archives of GVA's tune
# half (benchmarks/timeline_events.py: pairs of one day's articles in one entry, against GVA's
# incidents): incidents alone P 0.937 R 0.958; with this threshold P 0.934 R 0.966; words alone (no
# incidents) at best F1 0.899.
SAME_EVENT = 0.2
TITLE_CHARS = 90
# A date's summary is chosen among its sentences that use one of the collection's TOPIC_KEYWORDS most
# widespread words (by the documents using them), when some do: a sentence on the topic, not one of
# the day's other news (news-tls filters its summaries by a topic's given keywords; a user's archive
# has none, so they are read off it). The number is fitted on Timeline17's 13 topics; `eval tls --folds
# 2` fits it on each fold and scores the other (evaluation.TOPIC_KEYWORD_GRID).
TOPIC_KEYWORDS = 20
_DEICTIC = re.compile(r"(?:today|tonight|yesterday|now|currently|recently|last night|this (?:morning|afternoon|"
                      r"evening|week|weekend|month|year)|earlier (?:today|this week))", re.IGNORECASE)
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# TimeML writes a date before the common era with a "BC" prefix ("BC0490" is 490 BC); the time layer
# writes one only where the text gives the era ("490 BC"), so such a date is never a stray number.
_BC_VALUE = re.compile(r"^BC(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DatedSentence:
    doc: str
    source: str  # the independent source: the syndication cluster, else the document
    published: str | None  # YYYY-MM-DD
    start: int
    end: int
    text: str
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    mentioned: bool  # dated by a time expression (else: a lede sentence dated by its publication)
    expression: str  # the time expression, or "" for a lede sentence
    anchor: str = ""  # what the expression was resolved against (annalist.models.Timex.anchor)
    position: int = -1  # the sentence's place in its document, 0 the first (-1: not known)


@dataclass
class Entry:
    date: str
    granularity: str  # day | month | year
    summary: list[DatedSentence]
    support: list[DatedSentence] = field(default_factory=list)  # every sentence stating the date
    title: str | None = None  # a short title from the entry's sources (their headline), when they have one

    @property
    def sources(self) -> list[str]:
        return sorted({s.doc for s in self.support})

    def to_dict(self) -> dict:
        return {"date": self.date, "granularity": self.granularity, "title": self.title,
                "summary": " ".join(s.text for s in self.summary),
                "sources": self.sources, "independent_sources": len({s.source for s in self.support}),
                "spans": [{"doc": s.doc, "start": s.start, "end": s.end, "span": s.expression, "sentence": s.text}
                          for s in self.summary],
                "support": [{"doc": s.doc, "start": s.start, "end": s.end, "span": s.expression}
                            for s in self.support]}


def granularity(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}[len(value.removeprefix("BC"))]


def chronological(value: str) -> tuple[int, int, int]:
    """A sort key in time order for a TimeML date, the common era's and the one before it (read as the
    time layer reads it: 490 BC is the year -490)."""
    ref = Ref.parse(value)
    return (ref.year, ref.month or 0, ref.day or 0) if ref and ref.year is not None else (0, 0, 0)


def date_values(timex: Timex) -> list[str]:
    """The calendar dates a time expression names (both ends of "the night of January 19 to 20")."""
    if timex.type not in ("DATE", "TIME"):
        return []
    values = []
    for part in timex.value.split("/"):
        m = _VALUE.match(part[:10]) if len(part) >= 10 and part[4] == "-" and part[7] == "-" else _VALUE.match(part)
        if m and 1000 <= int(m.group(1)) <= 2100:
            values.append(m.group(0))
        elif _BC_VALUE.match(part):
            values.append(part)
    return values


def dated_sentences(doc_id: str, source: str, text: str, published: str | None, timexes: list[Timex],
                    lede: int = LEDE_SENTENCES) -> list[DatedSentence]:
    """Every sentence of a document with each date it states; lede sentences that state none are
    dated by the publication date."""
    found = []
    times = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in times]
    for position, (start, end) in enumerate(sentence_spans(text)):
        sentence = text[start:end]
        inside = times[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]  # not a scan: a long text holds thousands
        dated = [(v, t) for t in inside for v in date_values(t)]
        for value, timex in dict(dated).items():
            found.append(DatedSentence(doc_id, source, published, start, end, sentence, value, True, timex.text,
                                       timex.anchor, position))
        if not dated and position < lede and published and len(published) >= 10:
            found.append(DatedSentence(doc_id, source, published[:10], start, end, sentence, published[:10], False, "",
                                       "", position))
    return found


def words(text: str) -> int:
    return len(text.split())


# --- summarising a date ------------------------------------------------------------------------

def centroid_summary(candidates: list[DatedSentence], k: int, vectorizer,
                     max_words: int = MAX_WORDS) -> list[DatedSentence]:
    """CentroidOpt (news-tls): greedily add the sentence that brings the summary's vector closest (cosine)
    to the centroid of all candidate sentences of MIN_WORDS to `max_words` words; one copy of a repeated
    sentence. Vectors are TF-IDF (sparse) or sentence embeddings (dense); the cosines of all candidates
    are computed at once, without densifying the TF-IDF matrix."""
    unique = list({_norm(c.text): c for c in candidates if MIN_WORDS <= words(c.text) <= max_words}.values())
    if not unique or k <= 0:
        return []
    x = vectorizer.transform([c.text for c in unique])
    sparse = hasattr(x, "toarray")
    centroid = np.asarray(x.mean(axis=0)).ravel()
    centroid_norm = np.linalg.norm(centroid)
    if not centroid_norm:
        return unique[:k]
    x_dot_c = np.asarray(x @ centroid).ravel()
    x_norms = np.asarray((x.multiply(x) if sparse else x * x).sum(axis=1)).ravel()
    summary = np.zeros_like(centroid)
    chosen: list[int] = []
    for _ in range(min(k, len(unique))):
        # |s + x|^2 = |s|^2 + 2 s.x + |x|^2, so each candidate's cosine needs only dot products
        x_dot_s = np.asarray(x @ summary).ravel()
        norms = np.sqrt(np.maximum(summary @ summary + 2 * x_dot_s + x_norms, 1e-12)) * centroid_norm
        scores = (summary @ centroid + x_dot_c) / norms
        scores[chosen] = -np.inf
        best = int(np.argmax(scores))
        chosen.append(best)
        summary = summary + (x[best].toarray().ravel() if sparse else x[best])
    return [unique[i] for i in chosen]


def summarise(telling: list[DatedSentence], k: int, vectorizer, max_words: int = MAX_WORDS) -> list[DatedSentence]:
    """A date's (or an event's) summary: `centroid_summary` of its telling sentences, else the first k.
    A page's stamps inside a sentence ("Wednesday 30 June 2010 19.49 BST", "-LRB- Update 8:14 a.m. ...
    -RRB-") are not what it says: the summary quotes, and is chosen on, the sentences without them
    (`cleaning.without_page_stamps`; the spans still point at the whole sentence). Chosen on fold A of
    Timeline17 (AR1-F at the shipped settings 0.1410 -> 0.1458); fold B 0.1355 -> 0.1396."""
    quoted = [replace(s, text=without_page_stamps(s.text)) for s in telling]
    return centroid_summary(quoted, k, vectorizer, max_words) or quoted[:k]


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def tfidf(texts: list[str]):
    """The TF-IDF space sentences are compared in, fitted on the collection's own sentences."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return TfidfVectorizer(stop_words="english", lowercase=True, sublinear_tf=True).fit(texts)
    except ValueError:  # no sentence, or only stop words: an empty space, every vector zero
        return TfidfVectorizer(lowercase=True).fit(["annalist_no_vocabulary"])


# --- ranking dates -----------------------------------------------------------------------------

def date_support(sentences: list[DatedSentence]) -> dict[str, float]:
    """How strongly the collection points at each date: one vote per independent source that states
    something dated to it; a source whose lede is dated only by its publication counts half.
    (A second vote for sources referring back to a date after the fact was measured on Timeline17
    and did not help: AR1-F 0.115 with it, 0.117 without.)"""
    mentioned, published = defaultdict(set), defaultdict(set)
    for s in sentences:
        (mentioned if s.mentioned else published)[s.date].add(s.source)
    dates = set(mentioned) | set(published)
    return {d: len(mentioned[d]) + 0.5 * len(published[d] - mentioned[d]) for d in dates}


def in_range(value: str, start: date | None, end: date | None) -> bool:
    day = _as_day(value)
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _as_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def rank_dates(by_date: dict[str, list[DatedSentence]]) -> list[str]:
    """Dates by support, then by how often they are referred to."""
    support = date_support([s for group in by_date.values() for s in group])
    return sorted(support, key=lambda d: (-support[d], -len(by_date[d]), d))


def _ranked_dates(by_date: dict[str, list[DatedSentence]], on_topic: re.Pattern | None) -> list[str]:
    """The dates by support (`rank_dates`), counted over the sentences on the collection's topic when
    it has one: a date its sources mention only in passing (a match result, another country's
    election, a reader's comment stamped with the day) ranks after every date they tell the topic on.
    Measured against ranking by every sentence alike: Timeline17 cross-validated (`eval tls --folds 2`)
    AR1-F / AR2-F / Date-F1 0.1316 / 0.0459 / 0.619 -> 0.1331 / 0.0475 / 0.623, higher in 26 and equal
    in 1 of the 28 fold means of its grid of settings; Date-F1 on the Entities timelines, which nothing
    was tuned on, 0.2482 -> 0.2575 (benchmarks/tls_entities.py). Months and years each sentence of
    which also gives a finer date are left out (`_covered`)."""
    every = [d for d in rank_dates(by_date) if not _covered(d, by_date)]
    if on_topic is None:
        return every
    kept = set(every)
    topical = {d: told for d, group in by_date.items() if (told := [s for s in group if on_topic.search(s.text)])}
    first = [d for d in rank_dates(topical) if d in kept]
    told_on_topic = set(first)
    return first + [d for d in every if d not in told_on_topic]


def best_entries(entries: list[Entry], n: int) -> list[Entry]:
    """The n entries best supported, in date order: by the support of the sentences on the archive's
    topic, as dates are ranked (`_ranked_dates`), then by all their support (`entry_support`), then by
    how many sentences."""
    on_topic = _any_of(topic_keywords([s for e in entries for s in e.support], TOPIC_KEYWORDS))
    told = [_sources_vote([s for s in e.support if on_topic.search(s.text)]) if on_topic else 0.0 for e in entries]
    ranked = sorted(range(len(entries)), key=lambda i: (-told[i], -entry_support(entries[i]), -len(entries[i].support),
                                                        entries[i].date, i))
    kept = set(ranked[:n])
    return [e for i, e in enumerate(entries) if i in kept]


def entry_support(entry: Entry) -> float:
    """Independent sources that date the entry: one each, half for a source that dates it only by its
    publication (a lede) or by a deictic of its own ("this week")."""
    return _sources_vote(entry.support)


def _sources_vote(support: list[DatedSentence]) -> float:
    """`entry_support` of any of an entry's sentences (those on the topic, for `best_entries`)."""
    weight: dict[str, float] = {}
    for s in support:
        firm = s.mentioned and not _DEICTIC.fullmatch(s.expression.strip())
        weight[s.source] = max(weight.get(s.source, 0.0), 1.0 if firm else 0.5)
    return sum(weight.values())


def build_timeline(sentences: list[DatedSentence], dates: int | None = None, per_date: int = 1,
                   start: date | None = None, end: date | None = None, days_only: bool = False,
                   vectorizer=None, keywords: int = TOPIC_KEYWORDS, max_words: int = MAX_WORDS) -> list[Entry]:
    """The dated timeline: the best-supported dates, each summarised from its sentences; ordered by date.
    Without `days_only`, months and years the text gives no finer date for are entries too. `keywords`:
    how many of the collection's most widespread words a summary sentence should use (0: any);
    `max_words`: the longest sentence a summary may quote."""
    on_topic = _any_of(topic_keywords(sentences, keywords)) if keywords else None
    if days_only or start or end:
        sentences = [s for s in sentences if in_range(s.date, start, end)]
    by_date: dict[str, list[DatedSentence]] = defaultdict(list)
    for s in sentences:
        by_date[s.date].append(s)
    ranked = _ranked_dates(by_date, on_topic)
    chosen = ranked[:dates] if dates else ranked
    vectorizer = vectorizer or tfidf([s.text for s in sentences])
    entries = []
    for d in sorted(chosen, key=chronological):
        # What sources say dated to the day and the ledes of that day's articles (news-tls's "PM"
        # candidates): measured better than the dated sentences alone (AR1-F 0.115 vs 0.102).
        # A sentence that only names the event ("the martyrs of 20 January") supports the date but
        # says little of what happened: it summarises only when nothing else does.
        telling = [s for s in by_date[d] if not s.anchor.startswith("named event")] or by_date[d]
        if on_topic is not None:
            telling = [s for s in telling if on_topic.search(s.text)] or telling
        summary = summarise(telling, per_date, vectorizer, max_words)
        entries.append(Entry(d, granularity(d), summary, by_date[d]))
    return entries


def topic_keywords(sentences: list[DatedSentence], n: int) -> list[str]:
    """The n words the most documents of the collection use in their dated sentences, the more often
    used first among as many (English stop words, numbers and words under three letters left out):
    what the collection is about."""
    from sklearn.feature_extraction.text import CountVectorizer

    by_doc: dict[str, list[str]] = defaultdict(list)
    for s in sentences:
        by_doc[s.doc].append(s.text)
    if n <= 0 or len(by_doc) < 2:
        return []
    counter = CountVectorizer(stop_words="english", min_df=2)
    try:
        counts = counter.fit_transform([" ".join(texts) for texts in by_doc.values()])
    except ValueError:  # only stop words, or no word in two documents
        return []
    documents = np.asarray((counts > 0).sum(axis=0)).ravel()
    uses = np.asarray(counts.sum(axis=0)).ravel()  # between words as widespread, the more used first
    vocabulary = counter.get_feature_names_out()
    order = np.lexsort((-uses, -documents))
    return [w for w in vocabulary[order] if w.isalpha() and len(w) > 2][:n]


def _any_of(words: list[str]) -> re.Pattern | None:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE) if words else None


def _covered(value: str, by_date: dict[str, list[DatedSentence]]) -> bool:
    """A month or year is not an entry of its own when each sentence giving it also gives a finer date
    inside it ("on 20 January 1990" is tagged 1990-01-20, not also 1990)."""
    if len(value) == 10:
        return False
    finer = {(s.doc, s.start) for d, group in by_date.items() if len(d) > len(value) and d.startswith(value)
             for s in group}
    return all((s.doc, s.start) in finer for s in by_date[value])


def archive_timeline(documents: list, timexes: dict[str, list[Timex]], dates: int | None = None,
                     per_date: int = 1, event_of: dict[str, str] | None = None) -> list[Entry]:
    """The timeline of a whole archive (annalist.models.Document list, timexes by document id): its
    events by date, the `dates` best supported when given. `event_of` (document id -> incident, from
    annalist.events) keeps the articles of one incident in one entry of a day."""
    sentences = [s for d in documents
                 for s in dated_sentences(d.id, d.cluster or d.id, d.text, d.published, timexes.get(d.id, []))]
    vectorizer = tfidf([s.text for s in sentences])
    titles = {d.id: d.title for d in documents}
    entries = [event for day in build_timeline(sentences, per_date=per_date, vectorizer=vectorizer)
               for event in events_of_entry(day, vectorizer, titles, per_date, event_of or {})]
    return best_entries(entries, dates) if dates else entries


def events_of_entry(entry: Entry, vectorizer, titles: dict[str, str | None], per_date: int = 1,
                    event_of: dict[str, str] | None = None) -> list[Entry]:
    """A day's entry as the distinct events its articles tell: each article joins the event that holds
    an article of its incident (`event_of`), else the one whose articles say most alike of that day
    (TF-IDF cosine at least SAME_EVENT), else starts one. Months and years stay whole (what they hold
    is not one happening)."""
    by_doc: dict[str, list[DatedSentence]] = defaultdict(list)
    for s in entry.support:
        by_doc[s.doc].append(s)
    groups = _articles_by_event(by_doc, vectorizer, event_of or {}) if entry.granularity == "day" else [list(by_doc)]
    if len(groups) == 1:  # one event: the day's own summary stands
        return [Entry(entry.date, entry.granularity, entry.summary, entry.support, _title(by_doc, titles))]
    events = []
    for group in groups:
        docs = set(group)
        support = [s for s in entry.support if s.doc in docs]
        telling = [s for s in support if not s.anchor.startswith("named event")] or support
        summary = summarise(telling, per_date, vectorizer)
        events.append(Entry(entry.date, entry.granularity, summary, support,
                            _title({d: by_doc[d] for d in docs}, titles)))
    return sorted(events, key=lambda e: (-entry_support(e), -len(e.support)))


def _articles_by_event(by_doc: dict[str, list[DatedSentence]], vectorizer, event_of: dict[str, str]) -> list[list[str]]:
    """The day's articles (most sentences first) in groups, one a told event (`events_of_entry`)."""
    order = sorted(by_doc, key=lambda d: (-len(by_doc[d]), d))
    if len(order) == 1:
        return [order]
    vectors = vectorizer.transform([" ".join(s.text for s in by_doc[d]) for d in order])
    groups: list[list[int]] = []
    for i in range(len(order)):
        incident = event_of.get(order[i])
        same = [g for g, group in enumerate(groups) if incident and any(event_of.get(order[j]) == incident for j in group)]
        scores = [_cosine(vectors[i], vectors[group]) for group in groups]
        best = same[0] if same else int(np.argmax(scores)) if scores else -1
        if best >= 0 and (same or scores[best] >= SAME_EVENT):
            groups[best].append(i)
        else:
            groups.append([i])
    return [[order[i] for i in group] for group in groups]


def _cosine(vector, group_vectors) -> float:
    """Cosine between one article's vector and the sum of a group's."""
    centroid = np.asarray(group_vectors.sum(axis=0)).ravel()
    one = vector.toarray().ravel() if hasattr(vector, "toarray") else np.asarray(vector).ravel()
    norm = np.linalg.norm(one) * np.linalg.norm(centroid)
    return float(one @ centroid / norm) if norm else 0.0


def _title(by_doc: dict[str, list[DatedSentence]], titles: dict[str, str | None]) -> str | None:
    """The headline of the article that says most of the entry (a short one; cut at a word)."""
    titled = [d for d in sorted(by_doc, key=lambda d: (-len(by_doc[d]), d)) if titles.get(d)]
    if not titled:
        return None
    title = " ".join(titles[titled[0]].split())
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
