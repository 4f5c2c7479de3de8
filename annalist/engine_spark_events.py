"""Events and the ledger's facts of an archive, as Spark operations: what `annotate.store_events` computes
on one machine (annalist.linking, annalist.events, annalist.reconcile), with the same pure functions at
its core, written into PostgreSQL by the executors.

1. profiles: each task reads one slice of the current documents with their timexes and figures and
   makes each document's profile (`events.profile`), keyed by its ingest number `seq`;
2. TF-IDF: the words of each view (`linking.VIEWS`) counted by document (reduceByKey), the inverse
   document frequency joined back to each document's words: each document's vector, as scikit-learn's
   TfidfVectorizer gives it over the whole archive (its smooth idf, sublinear tf, L2 norm: written
   here because the vectorizer needs the whole archive in one process);
3. candidate pairs: the documents cut into blocks, each pair of blocks multiplied as sparse matrices
   in one task (a blocked similarity join: exact, and quadratic in the archive, as the local engine's
   is), each document's nearest others in that pair of blocks sent on and the nearest of all kept
   (`linking.nearest`); the cosines of the pairs kept are then computed a pair of blocks a task, from
   the two blocks' vectors;
4. pair scores: each pair's profiles joined without their texts, the archive's counts of the names and
   capitalised words the two share joined in (rare names, how many documents use a word), and where
   their places differ whether either story names the other's (read where each text is),
   `linking.pair_features` and the shipped model, as `linking.scored_pairs` scores them;
5. groups: pairs above the threshold joined into connected parts by min-label propagation, each part
   clustered by average link (`linking.average_link`) in one task, each group made an event
   (`events.event_of_group`) and written there;
6. facts: each figure joined with its document's event (a figure dated to another event's days goes to
   the largest event of those days, found by a join of the few such days with the events), grouped by
   (measure, incident) and reconciled in one task (`reconcile.build_facts`) and written there.

Only counts, and the few days figures are dated away from their events, reach the driver; no
document, pair or figure is collected.
"""
from __future__ import annotations

import math
from contextlib import closing
from operator import add
from types import SimpleNamespace

BLOCK = 2000  # documents whose vectors one task multiplies with another block's (step 3)


def _storage():
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def derive(sc, db: str, slices: int, timings: dict[str, float] | None = None) -> int:
    """Compute and write the events, tolls and facts of the archive at `db`; how many events. With
    `timings`, each step is run to its end before the next and its seconds put there
    (benchmarks/spark_events.py); without, Spark runs the steps as it plans them."""
    from . import linking
    from .store import open_store

    with closing(open_store(db)) as store:
        store.clear_events()
    step = _stopwatch(timings)
    numbers = sc.parallelize(range(slices), slices)
    rows = numbers.flatMap(lambda k: _profiles_of_slice(k, slices, db)).persist(_storage())  # (seq, profile, figures)
    size = rows.count()
    step("profiles")
    profiles = rows.map(lambda r: (r[0], r[1]))
    vectors = {view: _vectors(profiles, view, size, slices).persist(_storage()) for view in linking.VIEWS}
    step("TF-IDF vectors", *vectors.values())
    candidates = _candidates([vectors[view] for view in linking.CANDIDATE_VIEWS], slices).persist(_storage())
    step("candidate pairs", candidates)
    scored = _scored(candidates, profiles, vectors, size, slices).persist(_storage())  # ((i, j), p)
    step("pair scores", scored)
    events = _events(rows, scored, db, slices).persist(_storage())  # (event id, date, documents)
    count = events.count()
    step("events")
    _facts(rows, events, db, slices)
    step("facts")
    for rdd in (rows, candidates, scored, events, *vectors.values()):
        rdd.unpersist()
    return count


def _stopwatch(timings: dict[str, float] | None):
    """step(name, *rdds): the seconds since the last step put in `timings` under `name`, the rdds
    computed first; nothing at all when `timings` is None."""
    import time

    last = [time.perf_counter()]

    def step(name: str, *rdds) -> None:
        if timings is None:
            return
        for rdd in rdds:
            rdd.count()
        now = time.perf_counter()
        timings[name] = round(now - last[0], 1)
        last[0] = now

    return step


def _profiles_of_slice(number: int, slices: int, db: str):
    from .events import profile
    from .store import open_store

    with closing(open_store(db)) as store:
        layers = store.slice_layers(slices, number)
    for seq, doc, timexes, figures in layers:
        yield seq, profile(doc, timexes, figures), figures


# -- 2. TF-IDF ----------------------------------------------------------------------------------

def _analyzer(view: str):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from .linking import VIEWS

    return TfidfVectorizer(sublinear_tf=True, **VIEWS[view][1]).build_analyzer()


def _words(view: str, profiles):
    """(seq, {word: count}) of each document's view."""
    def counted(partition):
        from collections import Counter

        from .linking import VIEWS

        analyze, text_of = _analyzer(view), VIEWS[view][0]
        for seq, p in partition:
            yield seq, Counter(analyze(text_of(p.doc)))

    return profiles.mapPartitions(counted)


def _vectors(profiles, view: str, size: int, partitions: int):
    """(seq, {word: weight}), each L2-normalised: scikit-learn's TfidfVectorizer(sublinear_tf=True)
    of the view over the archive (idf = ln((1 + n) / (1 + df)) + 1)."""
    words = _words(view, profiles)
    idf = words.flatMap(lambda sc: ((w, 1) for w in sc[1])).reduceByKey(add, partitions) \
               .mapValues(lambda df: math.log((1 + size) / (1 + df)) + 1)
    weighted = words.flatMap(lambda sc: ((w, (sc[0], 1 + math.log(n))) for w, n in sc[1].items())).join(idf, partitions) \
                    .map(lambda kv: (kv[1][0][0], (kv[0], kv[1][0][1] * kv[1][1])))
    return words.map(lambda sc: (sc[0], None)).leftOuterJoin(weighted.groupByKey(partitions), partitions) \
                .mapValues(lambda pair: _normalised(pair[1] or ()))


def _normalised(weights) -> dict[str, float]:
    weights = dict(weights)
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {w: v / norm for w, v in weights.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


# -- 3. candidate pairs -----------------------------------------------------------------------------

def _candidates(views, partitions: int):
    """(i, j), i < j: for each view, each document's nearest others by cosine (`linking.nearest`),
    from the products of blocks of BLOCK documents' vectors, each pair of blocks one task. A task
    sends on each document's nearest in its pair of blocks only (the nearest of all are among the
    nearest of each block): at most NEIGHBOURS a document and block, where every pair above
    CANDIDATE_SIMILARITY, most of an archive's pairs, went through the shuffle before."""
    from .linking import nearest

    found = None
    for vectors in views:
        blocks = vectors.map(lambda sv: (sv[0] // BLOCK, sv)).groupByKey(partitions).mapValues(list)
        nearest_in_blocks = blocks.cartesian(blocks).filter(lambda ab: ab[0][0] <= ab[1][0]) \
                                  .coalesce(partitions) \
                                  .flatMap(lambda ab: _nearest_in_blocks(ab[0][1], ab[1][1]))
        rows = nearest_in_blocks.reduceByKey(_nearer, partitions)
        pairs = rows.flatMap(lambda row: ((min(row[0], j), max(row[0], j)) for j in nearest(row[0], *row[1])))
        found = pairs if found is None else found.union(pairs).coalesce(partitions)
    return found.distinct(partitions)


def _nearest_in_blocks(a: list, b: list):
    """(i, (others, cosines)): each document of two blocks with its nearest others among the pairs of
    the two (`_block_product`'s, each pair's cosine as the row of its lower number gives it)."""
    import numpy as np

    from .linking import CANDIDATE_SIMILARITY

    low, high, cosine = _block_product(a, b, CANDIDATE_SIMILARITY)
    rows, others, values = np.concatenate([low, high]), np.concatenate([high, low]), np.concatenate([cosine, cosine])
    order = np.argsort(rows, kind="stable")
    rows, others, values = rows[order], others[order], values[order]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    for start, end in zip(starts.tolist(), np.r_[starts[1:], len(rows)].tolist()):
        yield int(rows[start]), _kept(int(rows[start]), others[start:end], values[start:end])


def _nearer(x: tuple[list, list], y: tuple[list, list]) -> tuple[list, list]:
    """The nearest of two lists of (others, cosines), by linking.nearest (no document is number -1:
    none is left out as the document itself, which neither list holds)."""
    return _kept(-1, x[0] + y[0], x[1] + y[1])


def _kept(i: int, others, cosines) -> tuple[list, list]:
    """(others, cosines) of the ones linking.nearest keeps of document i's row."""
    import numpy as np

    from .linking import nearest_positions

    others, cosines = np.asarray(others, dtype=np.int64), np.asarray(cosines, dtype=np.float64)
    kept = nearest_positions(i, others, cosines)
    return others[kept].tolist(), cosines[kept].tolist()


def _block_product(a: list, b: list, least: float):
    """(lower, higher, cosine) arrays of the pairs of documents of two blocks, lower < higher, whose
    cosine is `least` or more: one sparse matrix product, as linking computes a block of the archive's
    similarity matrix (a pair's cosine as the row of its lower number gives it)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}

    def matrix(rows: list):
        indptr, indices, data = [0], [], []
        for _, vector in rows:
            for word, weight in vector.items():
                indices.append(vocabulary.setdefault(word, len(vocabulary)))
                data.append(weight)
            indptr.append(len(indices))
        return indptr, indices, data

    left, right = matrix(a), matrix(b)
    shape = (len(a), len(vocabulary))
    product = (csr_matrix((left[2], left[1], left[0]), shape=shape) @
               csr_matrix((right[2], right[1], right[0]), shape=(len(b), len(vocabulary))).T).tocoo()
    lower = np.array([seq for seq, _ in a], dtype=np.int64)[product.row]
    higher = np.array([seq for seq, _ in b], dtype=np.int64)[product.col]
    kept = (lower < higher) & (product.data >= least)
    return lower[kept], higher[kept], product.data[kept]


# -- 4. pair scores -------------------------------------------------------------------------------

def _scored(candidates, profiles, vectors: dict, size: int, partitions: int):
    """((i, j), probability that documents i and j report one incident), as linking.scored_pairs."""
    slim = profiles.mapValues(_without_text)  # a pair's features read no text but whether each names the other's place
    pairs = candidates.map(lambda ij: (ij[0], ij)).join(slim, partitions).map(lambda kv: (kv[1][0][1], (kv[1][0], kv[1][1]))) \
                      .join(slim, partitions).map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[1][1])))  # ((i, j), (a, b))
    cosines = _pair_cosines(candidates, vectors, partitions)
    shared = pairs.flatMap(_shared_terms)  # (("name" | "word", term), pair)
    used = profiles.flatMap(lambda sp: [(("name", n), 1) for n in sp[1].names] + [(("word", w), 1) for w in sp[1].words]) \
                   .reduceByKey(add, partitions)
    counts = shared.join(used, partitions).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey(partitions)
    named = _places_named(pairs, profiles, partitions)
    return pairs.join(cosines, partitions).leftOuterJoin(counts, partitions).leftOuterJoin(named, partitions) \
                .map(lambda kv: (kv[0], _probability(kv[1][0][0][0], kv[1][0][0][1], kv[1][0][1] or (), kv[1][1], size)))


def _pair_cosines(candidates, vectors: dict, partitions: int):
    """((i, j), {view: cosine}) of the candidate pairs, the pairs of each pair of blocks computed in one
    task from the two blocks' vectors: each vector goes through the shuffle once a pair of blocks, not
    once for each of its pairs (at 1x, 109,070 pairs, three views, each vector of both documents)."""
    views = list(vectors)
    by_document = None
    for view in views:
        one = vectors[view].mapValues(lambda vector, view=view: {view: vector})
        by_document = one if by_document is None else by_document.union(one)
    blocks = by_document.reduceByKey(lambda a, b: {**a, **b}, partitions) \
                        .map(lambda sv: (sv[0] // BLOCK, sv)).groupByKey(partitions).mapValues(dict)
    wanted = candidates.map(lambda ij: ((ij[0] // BLOCK, ij[1] // BLOCK), ij)).groupByKey(partitions)
    pairs_of_blocks = blocks.cartesian(blocks).filter(lambda ab: ab[0][0] <= ab[1][0]) \
                            .map(lambda ab: ((ab[0][0], ab[1][0]), (ab[0][1], ab[1][1])))

    def cosines(kv):
        (low, high), pairs = kv[1]
        for i, j in pairs:
            a, b = low[i], high[j]
            yield (i, j), {view: _cosine(a[view], b[view]) for view in views}

    return pairs_of_blocks.join(wanted, partitions).flatMap(cosines)


def _without_text(p):
    from dataclasses import replace

    return replace(p, doc=replace(p.doc, text=""))


def _places_named(pairs, profiles, partitions: int):
    """((i, j), (whether i names j's place, whether j names i's)) of the pairs whose stories give
    different places: each story's text read once, by the task that holds it, for every place asked of it."""
    from .linking import place_keys

    def asked(pair_profiles):
        (i, j), (a, b) = pair_profiles
        keys = place_keys(a, b)
        return [] if keys is None else [(i, ((i, j), 0, keys[1])), (j, ((i, j), 1, keys[0]))]

    def read(kv):
        from .linking import names_place_in

        stories, questions = kv[1]
        for p in stories:
            for pair, side, key in questions:
                yield pair, (side, names_place_in(p.doc, key))

    answers = profiles.cogroup(pairs.flatMap(asked), partitions).flatMap(read)
    return answers.groupByKey(partitions).mapValues(lambda sides: tuple(dict(sides).get(k, False) for k in (0, 1)))


def _shared_terms(pair_profiles):
    pair, (a, b) = pair_profiles
    return [(("name", n), pair) for n in a.names & b.names] + [(("word", w), pair) for w in a.words & b.words]


def _probability(ab, cosines: dict[str, float], counts, named: tuple[bool, bool] | None, size: int) -> float:
    """linking.scored_pairs's score of one pair, its archive-wide statistics given."""
    from .linking import RARE_NAME_DOCUMENTS, _apart, pair_features, probability

    a, b = ab
    if _apart(a, b):
        return 0.0
    used = {(kind, term): n for (kind, term), n in counts}
    archive = SimpleNamespace(
        **{view: _Fixed(cosines.get(view, 0.0)) for view in ("text", "names", "titles")},
        rare=frozenset(t for (kind, t), n in used.items() if kind == "name" and n <= RARE_NAME_DOCUMENTS),
        size=size, documents_with={t: n for (kind, t), n in used.items() if kind == "word"})
    return probability(pair_features([a, b], 0, 1, archive, named))


class _Fixed:
    """A pair's cosine, where linking reads the archive's similarity matrix."""

    def __init__(self, value: float):
        self._value = value

    def value(self, i: int, j: int) -> float:
        return self._value


# -- 5. groups and events ----------------------------------------------------------------------------

def _events(rows, scored, db: str, partitions: int):
    """(event id, date, [doc ids]) of every event; the events are written by the tasks that made them."""
    from .linking import model

    threshold = model()["threshold"]
    # Copies of one article (a syndication cluster) are one unit of the clustering, keyed by (its first
    # document's seq, its id): the order the local engine gives the units.
    unit_of = rows.map(lambda r: (r[1].doc.cluster or r[1].doc.id, r[0]))
    first = unit_of.reduceByKey(min, partitions)
    key_of = unit_of.join(first, partitions).map(lambda kv: (kv[1][0], (kv[1][1], kv[0]))).persist()  # seq -> unit key
    between = scored.map(lambda pp: (pp[0][0], (pp[0][1], pp[1]))).join(key_of, partitions) \
                    .map(lambda kv: (kv[1][0][0], (kv[1][1], kv[1][0][1]))).join(key_of, partitions) \
                    .map(lambda kv: (kv[1][0][0], kv[1][1], kv[1][0][1])) \
                    .filter(lambda abp: abp[0] != abp[1]) \
                    .map(lambda abp: ((min(abp[0], abp[1]), max(abp[0], abp[1])), abp[2])).reduceByKey(max, partitions).persist()
    label = _parts(between.filter(lambda kv: kv[1] > threshold).keys(), partitions)  # unit key -> its part's least unit key
    members = rows.map(lambda r: (r[0], r)).join(key_of, partitions).map(lambda kv: (kv[1][1], kv[1][0])) \
                  .leftOuterJoin(label, partitions).map(lambda kv: (kv[1][1] or kv[0], (kv[0], kv[1][0])))  # part -> (unit, row)
    inside = between.map(lambda kv: (kv[0][0], kv)).leftOuterJoin(label, partitions) \
                    .map(lambda x: (x[1][0][0][1], (x[1][0], x[1][1] or x[0]))).leftOuterJoin(label, partitions) \
                    .map(lambda x: (x[1][0][1], x[1][1] or x[0], x[1][0][0])) \
                    .filter(lambda lab: lab[0] == lab[1]).map(lambda lab: (lab[0], lab[2]))  # part -> ((a, b), p)
    made = members.cogroup(inside, partitions).flatMap(lambda kv: _part_events(list(kv[1][0]), list(kv[1][1]), threshold)) \
                  .persist(_storage())
    made.foreachPartition(lambda events: _write_events(events, db))
    for rdd in (key_of, between):
        rdd.unpersist()
    return made.map(lambda e: (e.id, e.date, e.documents))


def _parts(edges, partitions: int):
    """unit key -> the least unit key connected to it, for the units in an edge (the others are their own part)."""
    both = edges.flatMap(lambda ab: (ab, (ab[1], ab[0]))).persist()
    labels = both.keys().distinct(partitions).map(lambda u: (u, u))
    while True:
        offered = both.join(labels, partitions).map(lambda kv: (kv[1][0], kv[1][1]))
        updated = labels.union(offered).coalesce(partitions).reduceByKey(min, partitions).persist(_storage())
        updated.localCheckpoint()  # each round's labels, not the lineage of every round before
        if updated.join(labels, partitions).filter(lambda kv: kv[1][0] != kv[1][1]).isEmpty():
            both.unpersist()
            return updated
        labels = updated


def _part_events(members: list, pairs: list, threshold: float) -> list:
    """The events of one connected part: its units clustered by average link, in the order the local
    engine gives them (by their first document), each group made an event."""
    from .events import event_of_group
    from .linking import average_link

    units = sorted({unit for unit, _ in members})
    index = {unit: k for k, unit in enumerate(units)}
    probabilities = {(index[a], index[b]): p for (a, b), p in pairs}
    rows_of: dict[int, list] = {}
    for unit, row in members:
        rows_of.setdefault(index[unit], []).append(row)
    linked = average_link(list(range(len(units))), probabilities, threshold) if len(units) > 1 else [[0]]
    events = []
    for group in linked:
        rows = sorted((row for k in group for row in rows_of[k]), key=lambda r: r[0])
        events.append(event_of_group([r[1] for r in rows], {r[1].doc.id: r[2] for r in rows}))
    return events


def _write_events(events, db: str) -> None:
    from .store import open_store

    events = list(events)
    if events:
        with closing(open_store(db)) as store:
            store.add_events(events, [])


# -- 6. facts ----------------------------------------------------------------------------------------

def _facts(rows, events, db: str, partitions: int) -> None:
    """The ledger's facts: each figure in its incident (events.incident_of_figure), reconciled by incident."""
    from .events import dated_elsewhere
    from .linking import days_between
    from .reconcile import EVENT_DAYS

    event_of_doc = events.flatMap(lambda e: ((d, (e[0], e[1])) for d in e[2]))  # doc id -> (event id, date)
    figures = rows.flatMap(_dated_figures).join(event_of_doc, partitions)  # doc id -> ((order, slim doc, figure), (event, date))
    far = sorted(set(figures.filter(lambda kv: dated_elsewhere(kv[1][0][2].when, kv[1][1][1]))
                     .map(lambda kv: kv[1][0][2].when).distinct(partitions).collect()))
    whens = events.context.broadcast(far)
    largest = dict(events.flatMap(lambda e: ((w, (len(e[2]), e[0])) for w in whens.value
                                             if days_between(w, e[1]) <= EVENT_DAYS))
                   .reduceByKey(max, partitions).mapValues(lambda size_id: size_id[1]).collect())
    near = events.context.broadcast(largest)

    def incident(kv):
        _, ((order, doc, figure), (own, day)) = kv
        if dated_elsewhere(figure.when, day):
            own = near.value.get(figure.when, f"{own}@{figure.when}")
        return (figure.measure, own), (order, doc, figure, kv[1][1][0])

    figures.map(incident).groupByKey(partitions).foreachPartition(lambda groups: _write_facts(groups, db))


def _dated_figures(row):
    """(doc id, (order, the document as facts read it, figure)) of each dated figure of a document."""
    from dataclasses import replace

    seq, p, figures = row
    slim = replace(p.doc, text="")  # a fact reads a document's source (cluster) and publication date
    return [(p.doc.id, ((seq, k), slim, f)) for k, f in enumerate(figures) if f.when is not None]


def _write_facts(groups, db: str):
    from .events import event_of_fact
    from .reconcile import build_facts
    from .store import open_store

    found = []
    for _, members in groups:
        members = sorted(members, key=lambda m: m[0])
        documents = {doc.id: doc for _, doc, _, _ in members}
        event_of = {doc.id: SimpleNamespace(id=event) for _, doc, _, event in members}
        facts, _ = build_facts([(doc.id, f) for _, doc, f, _ in members], documents)
        found += [(fact, event_of_fact(fact, event_of)) for fact in facts]
    if found:
        with closing(open_store(db)) as store:
            store.add_events([], found)
