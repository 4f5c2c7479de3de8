"""Which documents report the same incident: pairwise scores, then average-link clustering.

A pair of documents is scored by a logistic model over what an editor would compare: how alike
their whole texts, their proper names (victims, streets, towns) and their titles read (TF-IDF
cosines within the archive), which capitalised words they share and how few other documents of the
archive use them ("Pulse", "Marksville": a trial report months later still names them), how far
apart the days they are about lie (their event days, and the nearest of all the full dates each
states: a follow-up written months later still names the day of the shooting), whether they say it
happened in the same town, whether both give the victims' ages and none in common (two shootings
of one weekend in one city read alike, but "a 14-year-old" is not "a 23-year-old"), whether both
give street addresses and no street in common, whether one publisher wrote both (one outlet's
reports of two shootings read alike), and whether one of them states no day at all (its day is
then only its publication's). The weights are data (annalist/data/event_linking.json), fitted on
the `tune` half of the development incidents by benchmarks/train_event_linking.py.

Documents then form groups by average linkage: two groups merge while their pairs' mean
probability of being one incident stays above the threshold. Pairs that share no word or name
score below it, so the clustering runs within the connected parts of the graph of likely pairs
(exactly the same answer as over the whole archive, without a quadratic distance matrix of it).
Copies of one article (a syndication cluster) are always one incident.
"""
from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

import numpy as np

from . import datafiles
from .models import Document, Timex
from .temporal import day_of

INFINITY = float("inf")
# Below this on both text and names, a pair is not scored (it counts 0). At 0.05, 16 of the 1,023
# same-incident pairs of the tune archives were lost so (follow-ups months later share few words).
CANDIDATE_SIMILARITY = 0.02
NEIGHBOURS = 25  # candidates per document and similarity (an incident of the development data has at most 12 reports)


@dataclass
class Profile:
    """What one document says about the incident it reports."""

    doc: Document
    day: str | None  # the day it is about (article_event_date), else its publication day
    day_how: str  # stated | published | unknown
    days: frozenset[str]  # every full date it states
    place: str | None
    killed: int | None = None  # the number killed it gives (annalist.events.document_counts)
    names: frozenset[str] = frozenset()  # the full names it uses ("Latina Herring", "Long Canyon Trail")
    regions: frozenset[str] = frozenset()  # the regions (states) its title and lead name
    words: frozenset[str] = frozenset()  # capitalised words not opening a sentence (capitalised_words)
    ages: frozenset[int] = frozenset()  # the ages it gives ("a 14-year-old", "Kelvin Watford, 50,")
    streets: frozenset[str] = frozenset()  # the streets of the addresses it gives ("the 1200 block of N. Woodward Ave.")
    victims: frozenset[str] = frozenset()  # the surnames of the people it counts ("Arrington" of "Consuela Arrington")
    chars: int = 0  # the length of its text
    roundup: bool = False  # its headline or lead tells of several incidents (annalist.events.is_roundup)
    attack: bool = False  # its headline or lead tells of an attack (annalist.events.tells_of_attack)


# Documents with their texts, in the order given, from documents that may not hold them: the events
# step of a stored archive holds its documents without texts and reads them a slice at a time.
ReadTexts = Callable[[list[Document]], Iterable[Document]]


def as_held(documents: list[Document]) -> Iterable[Document]:
    """ReadTexts of documents that hold their texts."""
    return documents


@dataclass
class Archive:
    """What the pair scores compare a pair against: the archive's TF-IDF cosines (texts, names,
    titles), its rare full names, and how many of its documents use each capitalised word."""

    text: object
    names: object
    titles: object
    rare: frozenset[str]
    size: int
    documents_with: dict[str, int] = field(default_factory=dict)


def model() -> dict:
    return datafiles.load("event_linking.json")


def days_between(a: str | None, b: str | None) -> float:
    if not a or not b:
        return INFINITY
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0 if a[:7] == b[:7] else INFINITY


def full_dates(timexes: list[Timex]) -> frozenset[str]:
    """The days a document states ("Friday night" is its Friday), less the report's own."""
    return frozenset(day for t in timexes if (day := day_of(t)) and t.rule not in ("today", "tomorrow", "tonight"))


# The name patterns open with their capital and only then test what precedes it, as lookbehinds (a
# word character, a sentence's end, the text's start): Python's re then leaps from capital to capital
# instead of trying those tests at every character, in a third of the time, with the same matches.
_NAME = re.compile(r"[A-Z](?<![.!?]\s[A-Z])(?<!^[A-Z])(?<!\w[A-Z])[a-z]+(?:\s+[A-Z][a-z]+)*")


def names_of(doc: Document) -> str:
    """The proper names a document uses, each as one token ("Libby_Lake"), less the ones every crime
    report uses (weekdays, months, "Police")."""
    common = set(model()["common_names"])
    found = _NAME.findall(f"{doc.title or ''}. {doc.text}")
    return " ".join(n.replace(" ", "_") for n in found if n not in common) or "_"


_CAPITALISED = re.compile(r"[A-Z](?<![.!?]\s[A-Z])(?<!\w[A-Z])[a-z][A-Za-z'’]+")


def capitalised_words(doc: Document) -> frozenset[str]:
    """The capitalised words of its title and text that do not open a sentence, less the ones every
    crime report uses: what a reader would look for to tell one incident from another."""
    common = set(model()["common_names"])
    # interned: an archive's stories share most of their words, and its profiles are held together
    # while it is linked (capitalised words took 110 MB of a 14,000-article archive's 160 MB of profiles)
    return frozenset(sys.intern(w) for w in _CAPITALISED.findall(f"{doc.title or ''}. {doc.text}")
                     if w not in common)


@lru_cache(maxsize=1)
def _age_patterns() -> list[tuple[re.Pattern, re.Pattern, int]]:
    """Each way of giving an age, with what each of its matches holds (searched first: a plain word,
    found fast, where the pattern itself is tried at every word of every article) and how many of its
    units make a year (a baby's age is given in months: "a 13-month-old" is the "1-year-old" of another
    report). No two ways' matches can overlap, so each is searched on its own."""
    return [(re.compile(way["pattern"]), re.compile(way["holds"]), way.get("per_year", 1))
            for way in model()["age_patterns"]]


def ages_of(doc: Document) -> frozenset[int]:
    """The ages a story gives its people: "a 14-year-old", "Four-year-old", "Kelvin Watford, 50,"."""
    from .figures import parse_number

    ages = set()
    text = f"{doc.title or ''}. {doc.text}"
    for pattern, holds, per_year in _age_patterns():
        for found in pattern.finditer(text) if holds.search(text) else ():
            value = parse_number(next(g for g in found.groups() if g))
            years = int(value) // per_year if value is not None else 0
            if years:  # a baby under a year has no age another report would write in years ("the infant")
                ages.add(years)
    return frozenset(ages)


@lru_cache(maxsize=1)
def _address_pattern() -> re.Pattern:
    """The street address pattern: it opens with its house number's first digit, not after a word
    character, so that Python's re leaps from digit to digit."""
    return re.compile(model()["address_pattern"])


def streets_of(doc: Document) -> frozenset[str]:
    """The streets of the street addresses a story gives ("the 1200 block of North Woodward Ave." ->
    "woodward"; an address needs its street type): where it happened, as GVA records it. Two stories
    that each give addresses and no street in common are most often two shootings (one city's
    homicides of one month read alike: a family on Holton Avenue, a sports bar on Wayne Trace)."""
    return frozenset(" ".join(found.group("street").lower().split())
                     for found in _address_pattern().finditer(f"{doc.title or ''}\n{doc.text}"))


_FULL_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def full_names(doc: Document) -> frozenset[str]:
    """Names of two or three words (people, streets, businesses), less those with a common word."""
    common = set(model()["common_names"])
    return frozenset(sys.intern(n) for n in _FULL_NAME.findall(f"{doc.title or ''}. {doc.text}")
                     if not any(word in common for word in n.split()))


@lru_cache(maxsize=1)
def _region_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every region's spellings, longest first, so that "West Virginia" is read
    once and not also as "Virginia"; and the region each spelling names."""
    table = datafiles.load("regions_en.toml")
    region_of = {}
    for regions in (value for value in table.values() if isinstance(value, dict)):
        for name, abbreviations in regions.items():
            for spelling in [name] + [a for a in abbreviations if "." in a]:
                region_of[spelling] = name
    spellings = "|".join(map(re.escape, sorted(region_of, key=len, reverse=True)))
    within = "|".join(map(re.escape, table["names_within"] + table["edges"] + table["organisations"]))
    # one fixed-width look-behind per word: Python's look-behinds cannot vary in width
    not_after = "".join(rf"(?<!\b{re.escape(word)} )" for word in table["origin_before"])
    not_before = "|".join(map(re.escape, table["origin_after"]))
    elsewhere = "|".join(rf"{re.escape(word)}(?!\w)" for word in table["other_place_after"])
    return re.compile(rf"{not_after}(?<!\w)(?:{spellings})(?!\w)(?!{not_before})(?!\s+(?:{within})\b)"
                      rf"(?![\s,]+(?:{elsewhere}))"), region_of


REGION_CHARS = 400


def regions_of(doc: Document) -> frozenset[str]:
    """The regions (US states, as data) a document's headline, dateline and lead name."""
    return regions_in(f"{headline(doc.title)}\n{doc.dateline.place if doc.dateline and doc.dateline.place else ''}\n"
                      f"{doc.text[:REGION_CHARS]}")


# A page title ends with the outlet's name after a dash or a bar: "... shooting - WALB.com, South
# Georgia News, Weather", "... station - WSLS 10 | Roanoke, Virginia". The region there is the
# outlet's, not the story's (a Memphis story syndicated by a Georgia station).
_OUTLET_SEPARATOR = re.compile(r"\s+[-|–—]\s+")


def headline(title: str | None) -> str:
    """A page title less the outlet's name that follows its headline."""
    return _OUTLET_SEPARATOR.split(title or "", maxsplit=1)[0]


def regions_in(text: str) -> frozenset[str]:
    pattern, region_of = _region_pattern()
    return frozenset(region_of[found.group()] for found in pattern.finditer(text))


# Similarities computed at once: rows of a block times the archive's documents. The whole matrix of a
# 14,000-article archive held 5.6 GB (and grows with the square of the archive); a block holds a few MB.
# A million cells: with 4 million, a block's product and its copies held about 100 MB at the peak of
# linking a 14,000-article archive (ledger's peak 857 -> 803 MB; the time the same within noise).
BLOCK_CELLS = 1_000_000


class Similarities:
    """Cosine similarities between an archive's documents (their L2-normalised TF-IDF rows), computed
    a block of rows at a time, never as the whole matrix: each document's nearest others, and the
    values of the pairs that are scored. A block's rows are the full matrix's rows, entry for entry."""

    def __init__(self, rows):
        rows.sort_indices()  # each row's words in column order: a pair's cosine then reads the same from either row
        self.rows = rows
        self._columns = None  # the transposed rows, made for `value` only when it is asked
        self._last = None

    def blocks(self) -> Iterator[tuple[int, np.ndarray]]:
        """(first row, block of similarity rows as a dense array), in row order. The transposed rows
        they are computed with are made here and let go after (held with each view, they were about
        100 MB of linking a 14,000-article archive)."""
        size = self.rows.shape[0]
        step = max(1, BLOCK_CELLS // max(size, 1))
        columns = self.rows.T.tocsr()
        for start in range(0, size, step):
            yield start, (self.rows[start:start + step] @ columns).toarray()

    def nearest_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(pair keys, similarities) of each document's NEIGHBOURS most similar others at
        CANDIDATE_SIMILARITY or more (`nearest`), as pairs i < j keyed i * size + j (`pair_keys`),
        sorted. A pair's similarity is the same read from either row, to the bit: both rows add the
        same products (their shared words') in the same order, the words' (column) order."""
        size = self.rows.shape[0]
        keys, values = [], []
        for start, block in self.blocks():
            low, high, similarities = _nearest_in_block(start, block)
            keys.append(low * size + high)
            values.append(similarities)
        keys, values = np.concatenate(keys or [np.zeros(0, dtype=np.int64)]), np.concatenate(values or [np.zeros(0)])
        keys, first = np.unique(keys, return_index=True)
        return keys, values[first]

    def cosines(self, pairs: list[tuple[int, int]], known: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        """The similarity of each pair (i, j), i < j, of the sorted `pairs`, in an array (a dict from
        pair to value held about 60 MB for the 410,000 candidate pairs of a 14,000-article archive, an
        array holds 3). `known`: (pair keys, values) this view's `nearest_pairs` read already."""
        keys = pair_keys(pairs, self.rows.shape[0])
        values = np.zeros(len(pairs))
        missing = np.ones(len(pairs), dtype=bool)
        if known is not None and len(known[0]):
            place = np.minimum(np.searchsorted(known[0], keys), len(known[0]) - 1)
            found = known[0][place] == keys
            values[found], missing = known[1][place[found]], ~found
        if missing.any():
            values[missing] = pair_cosines(self.rows, [pairs[k] for k in np.flatnonzero(missing)])
        return values

    def value(self, i: int, j: int) -> float:
        """The similarity of one pair (benchmarks/train_event_linking.py scores every pair): row i's
        products, the last row computed kept at hand, as such pairs come row by row."""
        if self._columns is None:
            self._columns = self.rows.T.tocsr()
        if self._last is None or self._last[0] != i:
            self._last = (i, (self.rows[i:i + 1] @ self._columns).tocsr())
        return _entry(self._last[1], 0, j)


def _similarities(texts: Iterable[str], **options) -> Similarities | None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return Similarities(TfidfVectorizer(sublinear_tf=True, **options).fit_transform(texts).tocsr())
    except ValueError:  # no word at all
        return None


# Pairs whose cosines are computed at once: each holds its two rows' entries for a moment (a few MB).
PAIRS_AT_ONCE = 2_000


def pair_cosines(rows, pairs: list[tuple[int, int]]) -> np.ndarray:
    """The cosine of each pair (i, j), as row i's dot product with row j, summed over their shared
    words in column order: bit for bit the entry a block of `rows @ rows.T` gives it (that product
    adds row i's terms in the same order), without computing the rest of the block (the archive's
    blocks were computed a second time to read the pairs' entries: 2.1 of the 10.4 s of linking
    Timeline17's 3,478 articles)."""
    if not rows.has_sorted_indices:
        rows.sort_indices()
    values = np.zeros(len(pairs))
    for start in range(0, len(pairs), PAIRS_AT_ONCE):
        chunk = np.asarray(pairs[start:start + PAIRS_AT_ONCE], dtype=np.int64).reshape(-1, 2)
        products = rows[chunk[:, 0]].multiply(rows[chunk[:, 1]]).tocsr()
        products.sort_indices()
        # summed by a sparse product with ones: term by term in column order, as the block's product adds
        values[start:start + len(chunk)] = products @ np.ones(products.shape[1])
    return values


def _nearest_in_block(start: int, block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lower, higher, similarity) of each pair `nearest` keeps in a dense block of similarity rows
    (row r is document start + r): in each row, the similarities above the row's NEIGHBOURS-th largest,
    then those equal to it from the lowest document number on, as many as there is room for. In
    numpy, a block at once: ranking each row by itself took 2.3 of the 10.4 s of linking Timeline17."""
    rows = np.arange(block.shape[0])
    block[rows, start + rows] = -np.inf  # the document itself
    block[block < CANDIDATE_SIMILARITY] = -np.inf
    k = min(NEIGHBOURS, block.shape[1])
    kth = -np.partition(-block, k - 1, axis=1)[:, k - 1:k]  # each row's k-th largest
    above = block > kth
    tied = (block == kth) & np.isfinite(block)
    room = k - above.sum(axis=1, keepdims=True)
    row, other = np.nonzero(above | tied & (np.cumsum(tied, axis=1) <= room))
    document = start + row
    return np.minimum(document, other), np.maximum(document, other), block[row, other]


def pair_keys(pairs: list[tuple[int, int]], size: int) -> np.ndarray:
    """Each pair (i, j) of documents of an archive of `size` as one number, i * size + j: in the
    pairs' own order when they are sorted."""
    found = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    return found[:, 0] * size + found[:, 1]


def _entry(matrix, i: int, j: int) -> float:
    """matrix[i, j] of a CSR matrix, by bisection in row i (scipy's own indexing validates its
    arguments at each call: 11 of the 35 s of linking a 3,500-article archive)."""
    start, end = matrix.indptr[i], matrix.indptr[i + 1]
    if not matrix.has_sorted_indices:
        matrix.sort_indices()
    k = start + bisect.bisect_left(matrix.indices[start:end], j)
    return float(matrix.data[k]) if k < end and matrix.indices[k] == j else 0.0


def _value(similarities: Similarities | None, i: int, j: int) -> float:
    return similarities.value(i, j) if similarities is not None else 0.0


# What of a document each TF-IDF cosine compares (its whole text, its proper names, its title), and the
# vectorizer's options for it (sublinear term frequency throughout). The Spark engine computes the same
# vectors from these (annalist/engine_spark_events.py).
VIEWS = {
    "text": (lambda d: f"{d.title or ''}\n{d.text}", {"stop_words": "english"}),
    "names": (lambda d: names_of(d), {"token_pattern": r"\S+", "lowercase": False}),
    "titles": (lambda d: d.title or "_", {"stop_words": "english"}),
}
CANDIDATE_VIEWS = ("text", "names")  # the cosines whose nearest neighbours are a document's candidates


def archive_of(profiles: list[Profile], read: ReadTexts = as_held) -> Archive:
    docs = [p.doc for p in profiles]
    used: dict[str, int] = {}
    for p in profiles:
        for word in p.words:
            used[word] = used.get(word, 0) + 1
    # each view's strings made as the vectorizer reads them, not all of the archive's at once
    text, names, titles = (_similarities((of(d) for d in read(docs)), **options) for of, options in VIEWS.values())
    return Archive(text=text, names=names, titles=titles, rare=rare_names(profiles), size=len(profiles),
                   documents_with=used)


SHARED_WORDS_CAP = 3  # the shared-words score stops growing here: one distinctive name is as good as several


def pair_features(profiles: list[Profile], i: int, j: int, archive: Archive,
                  names_place: tuple[bool, bool] | None = None,
                  cosines: tuple[float, float, float] | None = None) -> list[float]:
    """The features of documents i and j, in the order of model()["features"]. `names_place`: whether
    each story names the other's place, when the caller has read it (the Spark engine's pairs travel
    without their texts), else read here; `cosines` (text, names, titles), when the caller has them."""
    a, b = profiles[i], profiles[j]
    text, names, title = cosines or tuple(_value(m, i, j) for m in (archive.text, archive.names, archive.titles))
    apart = days_between(a.day, b.day)
    nearest = _nearest_days(a, b)
    shared = a.names & b.names
    shared_rare = shared & archive.rare
    return [text, names, apart <= 1, 1 < apart <= 3, 3 < apart <= 14, 14 < apart < INFINITY, apart == INFINITY,
            a.doc.publisher is not None and a.doc.publisher == b.doc.publisher,
            nearest <= 1, 1 < nearest <= 3, nearest == INFINITY, title,
            text * (nearest <= 3), names * (nearest <= 3), text * (nearest > 3),
            bool(shared), bool(shared_rare), min(len(shared_rare), 3),
            a.killed is not None and a.killed == b.killed and a.killed > 0,
            a.killed is not None and b.killed is not None and a.killed != b.killed,
            *_place_agreement(a, b, names_place),
            _shared_words(a.words & b.words, archive), bool(a.ages and b.ages and not a.ages & b.ages),
            bool(a.streets and b.streets and not a.streets & b.streets), *_victims_agreement(a, b),
            _one_day_only_published(a, b)]


def _one_day_only_published(a: Profile, b: Profile) -> bool:
    """One story states the day it is about and the other states none, so that its day is only the
    day it was published: a follow-up weeks later ("pleads guilty in fatal shooting at Doubles Bar")
    is far from the shooting's day by that day alone, and the days-apart features overstate it."""
    return (a.day_how == "stated") != (b.day_how == "stated")


def _victims_agreement(a: Profile, b: Profile) -> tuple[bool, bool]:
    """(one story names a person the other counts, both count named people and neither names the
    other's): a follow-up weeks later names the dead of the first report; two shootings of one night
    in one city name other people."""
    named_in_other = bool(a.victims & b.words or b.victims & a.words)
    return named_in_other, bool(a.victims and b.victims and not named_in_other)


def _nearest_days(a: Profile, b: Profile) -> float:
    """How far apart the nearest of the days two stories are about or state lie."""
    days_a, days_b = a.days | {a.day} - {None}, b.days | {b.day} - {None}
    ours, theirs = _day_numbers(days_a), _day_numbers(days_b)
    if ours is None or theirs is None:  # a month or a year among them: compared as days_between does
        return min((days_between(x, y) for x in days_a for y in days_b), default=INFINITY)
    return min((abs(x - y) for x in ours for y in theirs), default=INFINITY)


@lru_cache(maxsize=65536)
def _day_numbers(days: frozenset[str]) -> tuple[int, ...] | None:
    """The days as ordinal numbers, None if one of them is not a full date."""
    try:
        return tuple(date.fromisoformat(d[:10]).toordinal() for d in days if len(d) >= 10) \
            if all(len(d) >= 10 for d in days) else None
    except ValueError:
        return None


def _shared_words(shared: frozenset[str], archive: Archive) -> float:
    """The inverse document frequencies of the capitalised words two documents share, summed, in
    units of the archive's largest (a word only these two use scores 1), capped."""
    if archive.size < 2:
        return 0.0
    unit = math.log(archive.size)
    return min(SHARED_WORDS_CAP, sum(math.log(archive.size / archive.documents_with[w]) for w in shared) / unit)


@lru_cache(maxsize=65536)
def place_key(place: str | None) -> str | None:
    """"SANFORD, Fla." and "Sanford" alike: the town, lower case, without its state."""
    town = (place or "").split(",")[0].strip().lower()
    return re.sub(r"^(?:the|downtown|north|south|east|west)\s+", "", town) or None


def _place_agreement(a: Profile, b: Profile, names_place: tuple[bool, bool] | None = None) -> tuple[bool, bool]:
    """(same town, different towns) when both stories say where they happened (dateline, the place
    of their figures, or the lead's "in <Town>"). Places that differ are not different towns when
    either story names the other's: a neighbourhood and its city ("Little Havana", "MIAMI"), a city
    and its county."""
    ka, kb = place_key(a.place), place_key(b.place)
    if ka is None or kb is None:
        return False, False
    if ka == kb:
        return True, False
    if names_place is None:
        names_place = (names_place_in(a.doc, kb), names_place_in(b.doc, ka))
    return False, not any(names_place)


def place_keys(a: Profile, b: Profile) -> tuple[str, str] | None:
    """(a's place key, b's) when both stories say where and the places differ: the case where
    _place_agreement reads whether either names the other's."""
    ka, kb = place_key(a.place), place_key(b.place)
    return (ka, kb) if ka is not None and kb is not None and ka != kb else None


def names_place_in(doc: Document, key: str) -> bool:
    """Whether the story names the place (a lower-case place key) as a word of its own. The substring
    test first: most keys a story is asked about are not in it, and a case-blind regular expression
    scans the whole text each time (7 of the 37 s of linking a 3,500-article archive)."""
    text = _lowered(doc.title or "", doc.text)
    return key in text and re.search(rf"\b{re.escape(key)}\b", text, re.I) is not None


@lru_cache(maxsize=2048)
def _lowered(title: str, text: str) -> str:
    return f"{title}\n{text}".lower()


RARE_NAME_DOCUMENTS = 3  # a name used by at most this many documents of the archive tells them apart


def rare_names(profiles: list[Profile]) -> frozenset[str]:
    used: dict[str, int] = {}
    for p in profiles:
        for name in p.names:
            used[name] = used.get(name, 0) + 1
    return frozenset(n for n, count in used.items() if count <= RARE_NAME_DOCUMENTS)


def probability(features: list[float]) -> float:
    m = model()
    z = m["intercept"] + sum(w * float(x) for w, x in zip(m["weights"], features))
    return 1 / (1 + math.exp(-z))


def scored_pairs(profiles: list[Profile], score=None,
                 read: ReadTexts = as_held) -> dict[tuple[int, int], float]:
    """(i, j) -> probability that documents i and j report one incident, for the pairs that share
    enough words or names to be candidates (every other pair scores below the threshold). `score`
    maps a pair's features to that probability (the shipped model's by default); `read` gives the
    documents' texts, for the TF-IDF views and the place tests, when the profiles hold them without."""
    score = score or probability
    archive = archive_of(profiles, read)
    size = len(profiles)
    known = {view: getattr(archive, view).nearest_pairs() for view in CANDIDATE_VIEWS
             if getattr(archive, view) is not None}
    keys = np.unique(np.concatenate([k for k, _ in known.values()] or [np.zeros(0, dtype=np.int64)]))
    pairs = list(zip((keys // size).tolist(), (keys % size).tolist()))
    del keys
    cosines = [getattr(archive, view).cosines(pairs, known.pop(view, None)) if getattr(archive, view) is not None
               else np.zeros(len(pairs)) for view in ("text", "names", "titles")]
    # The pairs' cosines read, the TF-IDF rows go before the scores grow (about 70 MB of 14,000 articles')
    archive = replace(archive, text=None, names=None, titles=None)
    named = _places_named(profiles, pairs, read)

    def names_place(i: int, j: int) -> tuple[bool, bool] | None:
        places = place_keys(profiles[i], profiles[j])
        return ((i, places[1]) in named, (j, places[0]) in named) if places else None

    scores = {}
    for k, pair in enumerate(pairs):  # each key the pair's own tuple, not a new one: 410,000 of them at 14,000 articles
        i, j = pair
        scores[pair] = 0.0 if _apart(profiles[i], profiles[j]) else score(pair_features(
            profiles, i, j, archive, names_place(i, j), (float(cosines[0][k]), float(cosines[1][k]), float(cosines[2][k]))))
    return scores


def _places_named(profiles: list[Profile], pairs: list[tuple[int, int]],
                  read: ReadTexts = as_held) -> set[tuple[int, str]]:
    """(document, place key) for each place of a pair's other story that the document names: asked
    document by document, so that each text is lower-cased once (asked pair by pair, texts were
    lower-cased again and again: 1.2 of the 2.7 s of scoring the pairs of Timeline17's 3,478 articles)."""
    asked: dict[int, set[str]] = {}
    for i, j in pairs:
        keys = place_keys(profiles[i], profiles[j])
        if keys:
            asked.setdefault(i, set()).add(keys[1])
            asked.setdefault(j, set()).add(keys[0])
    order = sorted(asked)
    return {(i, key) for i, doc in zip(order, read([profiles[i].doc for i in order]))
            for key in asked[i] if names_place_in(doc, key)}


def _apart(a: Profile, b: Profile) -> bool:
    """Stories that each name regions, none in common ("SANFORD, Fla." and "AKRON, Ohio"), are about
    different incidents, however alike two shootings of one Saturday read. (A rule, not a weight: the
    development archives are one state each, so no model could learn it from them.)"""
    return bool(a.regions and b.regions and not a.regions & b.regions)


def nearest(i: int, others, similarities) -> list[int]:
    """The NEIGHBOURS others most similar to document i, at CANDIDATE_SIMILARITY or more, from its
    row's document numbers and similarities (arrays or sequences alike); among equals, the lower
    number first. In numpy: a row of a large archive holds nearly every other document."""
    others = np.asarray(others, dtype=np.int64)
    return others[nearest_positions(i, others, similarities)].tolist()


def nearest_positions(i: int, others, similarities) -> np.ndarray:
    """Where in the row the others `nearest` keeps stand, in its order (the Spark engine keeps their
    similarities with them)."""
    others = np.asarray(others, dtype=np.int64)
    similarities = np.asarray(similarities, dtype=np.float64)
    kept = np.flatnonzero((similarities >= CANDIDATE_SIMILARITY) & (others != i))
    return kept[np.lexsort((others[kept], -similarities[kept]))[:NEIGHBOURS]]


def group(profiles: list[Profile], probabilities: dict[tuple[int, int], float] | None = None,
          threshold: float | None = None, read: ReadTexts = as_held) -> list[list[Profile]]:
    """The documents grouped into incidents (see the module docstring); `probabilities` and
    `threshold` are the shipped model's unless given (benchmarks/train_event_linking.py tries others);
    `read` gives the profiled documents' texts, when they do not hold them."""
    if not profiles:
        return []
    threshold = model()["threshold"] if threshold is None else threshold
    if probabilities is None:
        probabilities = scored_pairs(profiles, read=read)
    # Copies of one article are one incident, and one unit of the clustering: a reprint under another
    # masthead ("VALDEN EVENING STAR — Wednesday edition") links as well as its best-titled copy.
    units: dict[str, list[int]] = {}
    for i, p in enumerate(profiles):
        units.setdefault(p.doc.cluster or p.doc.id, []).append(i)
    members = list(units.values())
    unit_of = {i: u for u, docs in enumerate(members) for i in docs}
    between_units: dict[tuple[int, int], float] = {}
    for (i, j), p in probabilities.items():
        a, b = sorted((unit_of[i], unit_of[j]))
        if a != b:
            between_units[(a, b)] = max(p, between_units.get((a, b), 0.0))
    # The documents' pairs let go (when scored here) before the clustering's matrices grow: 410,000
    # pairs at 14,000 articles.
    del probabilities
    parts = _components(len(members), [pair for pair, p in between_units.items() if p > threshold])
    part_of = {unit: k for k, part in enumerate(parts) for unit in part}
    within: list[dict[tuple[int, int], float]] = [{} for _ in parts]  # each part's scored pairs
    for (a, b), p in between_units.items():
        if part_of[a] == part_of[b]:
            within[part_of[a]][(a, b)] = p
    del between_units
    groups = []
    for part, pairs in zip(parts, within):
        for linked in average_link(part, pairs, threshold):
            groups.append([profiles[i] for i in sorted(i for unit in linked for i in members[unit])])
    return groups


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        parent[find(j)] = find(i)
    parts: dict[int, list[int]] = {}
    for i in range(n):
        parts.setdefault(find(i), []).append(i)
    return list(parts.values())


def average_link(members: list[int], probabilities: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-link agglomerative clustering of one connected part (pairs not scored count 0)."""
    if len(members) == 1:
        return [members]
    from scipy.cluster.hierarchy import fcluster, linkage

    labels = fcluster(linkage(_condensed_distances(members, probabilities), method="average"), t=1.0 - threshold,
                      criterion="distance")
    clusters: dict[int, list[int]] = {}
    for member, label in zip(members, labels):
        clusters.setdefault(int(label), []).append(member)
    return list(clusters.values())


def _condensed_distances(members: list[int], probabilities: dict[tuple[int, int], float]) -> np.ndarray:
    """The members' distances (1 - probability; 1 where a pair was not scored) as scipy's condensed
    vector: row by row, the pairs (i, j) with i < j. Written directly, not taken from the square matrix
    (squareform): Timeline17's largest part, 3,052 articles, held 75 MB square beside 37 MB condensed."""
    size = len(members)
    distances = np.ones(size * (size - 1) // 2)
    index = {member: k for k, member in enumerate(members)}
    for (a, b), p in probabilities.items():
        i, j = sorted((index[a], index[b]))
        if i < j:
            distances[size * i - i * (i + 1) // 2 + j - i - 1] = 1.0 - p
    return distances
