"""Sentences parsed for counts, with named entities recognised only where a rule asks for them.

The annotate stage parses every sentence with a casualty word. The pipeline's entity recogniser
(en_core_web_sm's `ner`, with a token-to-vector layer of its own, not shared with the parser) took
half of that time (a sample of 200 Timeline17 articles: 4.8 s of 9.2 s over their 1,253 such
sentences), yet only two questions need it: the place a figure names ("in Baku", "Mexico's") and
whether a victim's name is a person's. So sentences are parsed without it, and it runs on one
sentence the first time a rule asks what kind of name a token of it is. The entities are the
same as the full pipeline's (the recogniser reads the tokens only, not the parse).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

RECOGNISER = "ner"
_PENDING = "annalist.entities_pending"
# Sentences the network reads at once. The model's own 256 held ~110 MB of layer activations per
# worker at its peak (a worker's resident size swung 220-330 MB on Timeline17); 32 holds a tenth of
# that, for the same CPU time within measurement noise (800 Timeline17 articles: 25.7 s vs 25.5 s).
NETWORK_BATCH = 32


def parse(nlp, texts: Iterable[str]) -> Iterator:
    """nlp.pipe(texts) without the entity recogniser; `entity_type` runs it when asked."""
    if RECOGNISER not in nlp.pipe_names:
        yield from nlp.pipe(texts, batch_size=NETWORK_BATCH)
        return
    recogniser = nlp.get_pipe(RECOGNISER)
    for doc in nlp.pipe(texts, disable=[RECOGNISER], batch_size=NETWORK_BATCH):
        doc.user_data[_PENDING] = recogniser
        yield doc


def entity_type(token) -> str:
    """The token's entity label ("GPE", "PERSON", "" outside an entity), its sentence's entities
    recognised first if they have not been."""
    recogniser = token.doc.user_data.pop(_PENDING, None)
    if recogniser is not None:
        recogniser(token.doc)
    return token.ent_type_
