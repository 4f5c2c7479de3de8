"""Finding time expressions: every rule of the lexicon (annalist/data/time_en.toml) run in windows
around the words that can start or anchor it, overlaps resolved (the longest span wins, then the
earlier rule), the leading preposition left out as TimeML does. Nothing here resolves a value."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..patterns import lower_in_place, word_alternation
from .lexicon import cue, rules

REACH = 80  # characters a match may stretch before or after its keyword


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[str, set[str]], set[str]]:
    """word -> the rules whose matches it can start or anchor; and the rules digits trigger. A rule
    runs only in windows around the occurrences of its words: ~55 rules scanning whole articles made
    tagging ~40 ms a page."""
    by_word: dict[str, set[str]] = {}
    for rule in rules():
        for word in rule.words:
            by_word.setdefault(word, set()).add(rule.name)
    return by_word, {rule.name for rule in rules() if rule.digits}


@lru_cache(maxsize=1)
def _maybe_triggers() -> re.Pattern:
    """In the lower-cased text, the whole words (runs of \\w) that may trigger a rule: the rules' words,
    and every word that opens with a character other than an ASCII letter, digits among them. Each is
    then looked up as before; the pattern spares the Python loop the article's other words, most of them."""
    return re.compile(rf"\b(?:(?:{word_alternation(_triggers()[0])})\b|[^\W_a-z]\w*)")


def _rule_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, merged stretches of text around the words that can start or anchor it."""
    windows: dict[str, list[list[int]]] = {}
    by_word, numeric = _triggers()
    for word in _maybe_triggers().finditer(lower_in_place(text)):
        token = text[word.start():word.end()].lower()
        triggered = by_word.get(token, numeric if token[0].isdigit() else ())
        if not triggered:
            continue
        low, high = max(0, word.start() - REACH), min(len(text), word.end() + REACH)
        while high < len(text) and not text[high].isspace():
            high += 1  # never cut a word at a window's end
        for rule in triggered:
            spans = windows.setdefault(rule, [])
            if spans and low <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], high)
            else:
                spans.append([low, high])
    return {rule: [(low, high) for low, high in spans] for rule, spans in windows.items()}


def find_candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    """All rule matches, overlaps resolved: the longest span wins, then the earlier rule."""
    found = []
    windows = _rule_windows(text)
    for order, rule in enumerate(rules()):
        seen = set()
        for low, high in windows.get(rule.name, ()):
            for match in rule.pattern.finditer(text, low, high):
                if match.span() not in seen:
                    seen.add(match.span())
                    found.append((order, rule.name, match))
    return _resolve_overlaps(text, found)


def _resolve_overlaps(text: str, matches: list[tuple[int, str, re.Match]]) -> list[tuple[int, int, str, re.Match]]:
    found = []
    for order, name, match in matches:
        start, end = match.span()
        while end > start and text[end - 1] in " ,":
            end -= 1
        lead = cue("leading_preposition").match(text, start, end)
        if lead and lead.end() < end:
            start = lead.end()  # TimeML extents leave out the preposition: "on Friday" -> "Friday"
        if end > start:
            found.append((start, end, order, name, match))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2]))
    # Longest first; the spans taken never overlap, so kept sorted by start each new one need only
    # be checked against its two neighbours (a scan of all taken spans made long texts quadratic).
    starts: list[int] = []
    taken: list[tuple[int, int, str, re.Match]] = []
    for start, end, _, name, match in found:
        at = bisect.bisect_right(starts, start)
        if at > 0 and taken[at - 1][1] > start or at < len(taken) and taken[at][0] < end:
            continue
        starts.insert(at, start)
        taken.insert(at, (start, end, name, match))
    return taken
