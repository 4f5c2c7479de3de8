"""Building word lists into fast patterns, for the modules that apply the rules of annalist/data/:
Python's re tries an alternation's branches one by one at each place of a text, and runs a large
alternation several times slower under re.IGNORECASE than on text lower-cased beforehand."""
from __future__ import annotations

import re
from collections.abc import Iterable

_QUANTIFIERS = ("?", "*", "+", "{")  # after a letter, it is that letter's


def factored_alternation(alternatives: list[str]) -> str:
    """An alternation of regular expressions with those that open with the same letter under one
    branch ("d(?:ie|ead|eath)" for "die|dead|death"), recursively. The same strings match. For plain
    (escaped) words sorted longest first, also the same match at each place, in the same order on
    backtracking: of the words that match at one place each is a prefix of the longer, and a letter's
    branch, which keeps its words' order, comes before what opens otherwise (an escaped space or
    hyphen, or the empty rest of a shorter word). Two hundred words cost two hundred tries at a place,
    grouped a few."""
    by_letter: dict[str, list[str]] = {}
    others = []
    for expression in alternatives:
        if expression[:1].isalpha() and expression[1:2] not in _QUANTIFIERS:
            by_letter.setdefault(expression[0], []).append(expression[1:])
        else:
            others.append(expression)
    branches = [letter + (tails[0] if len(tails) == 1 else f"(?:{factored_alternation(tails)})")
                for letter, tails in by_letter.items()]
    return "|".join(branches + others)


def word_alternation(words: Iterable[str]) -> str:
    """Plain words as one alternation: escaped, longest first (where several match at one place the
    longest wins), grouped by their letters (factored_alternation)."""
    return factored_alternation(sorted((re.escape(word) for word in words), key=len, reverse=True))


def lower_in_place(text: str) -> str:
    """The text lower-cased character by character, so that offsets hold ("İ" lower-cases to two). A
    character is a word character (\\w) exactly when its lower case is, for every code point: word
    boundaries are where they were."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower()[0] for c in text)
