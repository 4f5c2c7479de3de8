"""Time: find temporal expressions and normalise them to TimeML values.

Rules, in the manner of HeidelTime, but anchored on two clocks: the document creation time (DCT)
for deictic expressions ("yesterday", "last year", "on Tuesday"), and the *narrative time* — the
last explicitly dated moment — for expressions that follow the story into the past ("in 1990, the
night of January 19 to 20 ... The next day, on January 21" stays in 1990). Anchors to the past
("34 years have passed since", "the 29th anniversary of") are kept so that a missing publication
date can be inferred from them (`infer_publication_year`).

A small package, one concern a module, so that the next genre or language is data:

- lexicon.py reads annalist/data/time_en.toml: month and weekday names, numbers in words, units,
  the rules' patterns and the words that trigger them, cue patterns, holidays;
- match.py finds the expressions (the rules run near their trigger words; overlaps resolved);
- anchor.py keeps the two clocks and decides from tense and context which one an expression takes;
- normalise.py turns each rule's matches into values (`tag(text, dct)`: pure, one text in);
- documents.py: one document's time layer (`annotate`), its event day, inferred publication years.
"""
from .anchor import Ref
from .documents import (
    Inference,
    PastAnchor,
    annotate,
    article_event_date,
    corpus_event_date,
    day_of,
    infer_publication_year,
    main_event_date,
    past_anchors,
    resolve_past_anchors,
)
from .lexicon import MONTHS, NUMBER_WORDS, ORDINALS, UNITS, WEEKDAYS, cue
from .match import find_candidates
from .normalise import DATE, DURATION, SET, TIME, duration_value, number, ordinal, tag

__all__ = ["DATE", "DURATION", "MONTHS", "NUMBER_WORDS", "ORDINALS", "SET", "TIME", "UNITS", "WEEKDAYS", "Inference",
           "PastAnchor", "Ref", "annotate", "article_event_date", "corpus_event_date", "cue", "day_of", "duration_value",
           "find_candidates", "infer_publication_year", "main_event_date", "number", "ordinal", "past_anchors",
           "resolve_past_anchors", "tag"]
