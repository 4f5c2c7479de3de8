"""Implicit counts: casualties the text gives without a numeral (FIGURES_GUIDE.md, "Additions").

"A 30-year-old man was shot and killed" is one killed; "Kevin Barbee and Jane Doe were killed"
two; "no one else was hurt" a stated zero; "the gunman then turned the gun on himself" one
suspect killed. Read from spaCy's dependency parse of one sentence: a casualty word (a verb such
as killed/shot/died/wounded, an adjective such as dead) and the person it happened to (the passive
subject, the object, the subject of "died"), whose number is read from the noun phrase: a singular
person or a named one is 1, each conjunct adds its own, "no one"/"nobody" is 0. A phrase with a
numeral is left to the numeral reader (annalist.figures). Negated, hypothetical and intended
casualties ("was not hurt", "could have been killed", "threatened to kill") are not figures.

The words are data: annalist/data/implicit_en.toml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import datafiles
from .models import Figure
from .parsing import entity_type

SHOT = "shot"  # hit by gunfire, not said to be fatal: injured unless the person died (see annalist.events)
# Measures of people hit: one also counted dead in the same sentence is one of the dead only.
_HIT = (SHOT, "injured")


def lexicon() -> dict:
    return datafiles.load("implicit_en.toml")


@lru_cache(maxsize=1)
def _verb_measures() -> dict[str, str]:
    return {lemma: measure for measure, lemmas in lexicon()["verbs"].items() for lemma in lemmas}


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """The lemmas that start every reading below (_casualties, multiple_casualties, fatal_events): a
    sentence with no word of these lemmas, and none of trigger_words, holds no implicit count, and the
    annotate stage leaves it unparsed unless it has a numeral (figures.may_hold_figure). A reader
    given a new kind of starting word adds it here; tests/test_figures.py checks on real articles
    that leaving such sentences unparsed changes no figure."""
    lex, hospitalised = lexicon(), datafiles.load("counted_en.toml")["hospitalised"]
    return frozenset([*_verb_measures(), "turn", *(w for words in lex["adjectives"].values() for w in words),
                      *hospitalised["after_verbs"], *lex["nominal"]["killed"], *lex["nominal"]["shot"],
                      *lex["wounds"]["nouns"], "condition", *lex["bodies"]["nouns"], *_recovering_lemmas(),
                      *lex["lives"]["nouns"], *lex["bullet_taken"]["verbs"],
                      *datafiles.load("counted_en.toml")["treated_for_wounds"]["verbs"]])


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """The words, as written (lower-cased), that start a reading: a stated zero's noun, a multiplier
    ("double shooting"), a fatal adjective ("fatal stabbing"), a casualty adjective."""
    lex = lexicon()
    return frozenset([*_ZERO_NOUNS, *lex["multiple"]["multipliers"], *lex["nominal"]["fatal_words"],
                      *(w for words in lex["adjectives"].values() for w in words)])


def figures(doc, offset: int, sentence: str, headline: bool = False) -> list[Figure]:
    """The implicit counts of one parsed sentence; spans are offsets into the text (`offset` = the
    sentence's start). In a headline a participle is passive ("Teen shot and killed in ...")."""
    found: dict[tuple[int, str], Figure] = {}
    for token in doc:
        for measure, person, anchor, role in _casualties(token, headline):
            if _not_an_event(anchor) and not did_not_survive(anchor) or _commemorated(person):
                continue
            counted = _count(person)
            if counted is None and person.like_num and person.dep_ in ("appos", "npadvmod") and \
                    person.head.lemma_.lower() in lexicon()["people"]["nouns"]:
                person = person.head  # "Boy, 3, wounded in ...": the parser hangs the verb on the age
                counted = _count(person)
            if counted is None:
                continue
            value, head = counted
            if (measure != "killed" or _definite(person)) and _ordinal(person):
                # "a fifth victim died" counts the dead so far; "three were killed and a fourth
                # person was injured" is one person hurt — the ordinal counts everyone hit; "the fifth
                # man was pronounced dead" is one of a group already told of ("Five men were shot").
                value = 1
            role = role or _role(head) or ("suspect" if anchor.lemma_.lower() in _verb_measures() and _by_police(anchor)
                                           else None)
            start = min(person.left_edge.idx, anchor.idx)
            end = max(person.idx + len(person.text), *(t.idx + len(t.text) for t in _fatal_words(anchor)))
            key = (person.i, measure)
            # One person hit and dead in one sentence ("was shot and killed", "A woman wounded in the
            # attack has died") is one of the dead, not also one of the hurt.
            if key in found or (measure in _HIT and (person.i, "killed") in found):
                continue
            if measure == "killed":
                for hit in _HIT:
                    found.pop((person.i, hit), None)
            found[key] = Figure(measure=measure, value=value, qualifier="exact", low=value, high=value, vague=False,
                                who=_who(head), where=None, when=None, start=offset + start, end=offset + end,
                                span=sentence[start:end], sentence=sentence, implicit=True, role=role)
    return list(found.values())


def died_since(person) -> bool:
    """The people a count names are the subject of a death: "Two people wounded in the shooting have
    died", "three injured in the crash later succumbed"."""
    return person.dep_ == "nsubj" and person.head.lemma_.lower() in ("die", "succumb")


def multiple_casualties(doc, offset: int, sentence: str) -> list[Figure]:
    """"a double shooting" is two people shot, "the triple homicide" three killed: the number the
    incident's name gives. Read from the words, not the parse (which takes "the quadruple shooting
    Christmas night" for a noun "quadruple" and a verb); one incident only, not "double shootings" nor
    "the city's third double shooting". "quadruple" is a numeral (a multiplicative one): the count is
    as stated as "four people were shot", not implicit."""
    nominal, multipliers = lexicon()["nominal"], lexicon()["multiple"]["multipliers"]
    measures = {**{noun: "killed" for noun in nominal["killed"]}, **{noun: SHOT for noun in nominal["shot"]}}
    found = []
    for times in doc:
        if times.lower_ not in multipliers or times.i + 1 >= len(doc):
            continue
        noun = doc[times.i + 2] if doc[times.i + 1].text == "-" and times.i + 2 < len(doc) else doc[times.i + 1]
        measure = measures.get(noun.lower_)
        if measure is None or (times.i > 0 and doc[times.i - 1].lower_ in _ordinals()) or _not_an_event(noun):
            continue
        value = multipliers[times.lower_]
        start, end = times.idx, noun.idx + len(noun.text)
        found.append(Figure(measure=measure, value=value, qualifier="exact", low=value, high=value, vague=False,
                            who=None, where=None, when=None, start=offset + start, end=offset + end,
                            span=sentence[start:end], sentence=sentence, implicit=False, role=None))
    return found


def fatal_events(doc, offset: int, sentence: str) -> list[Figure]:
    """"a fatal shooting", "the deadly stabbing": someone died — at least one, the number unsaid
    (a low bound only: any count the text gives decides). Only in a sentence that counts no one."""
    nominal = lexicon()["nominal"]
    found = []
    for token in doc:
        if token.pos_ == "NOUN" and token.lemma_.lower() in nominal["shot"] + nominal["fatal_events"] and \
                any(c.dep_ == "amod" and c.lower_ in nominal["fatal_words"] for c in token.children) and \
                not _not_an_event(token):
            start = min(c.idx for c in token.children if c.dep_ == "amod")
            end = token.idx + len(token.text)
            found.append(Figure(measure="killed", value=None, qualifier="at_least", low=1, high=None, vague=False,
                                who=None, where=None, when=None, start=offset + start, end=offset + end,
                                span=sentence[start:end], sentence=sentence, implicit=True, role=None))
            break
    return found


def _casualties(token, headline: bool = False):
    """(measure, person token, casualty token, role or None) for what `token` says happened. Every
    branch starts from a word of trigger_lemmas or trigger_words: keep those in step."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    measure = _verb_measures().get(lemma)
    if headline and token.pos_ == "VERB" and token.tag_ != "VBG" and measure and not _object(token) and measure != "died":
        # (a present participle is not the headline's passive: "6th suspect arrested in Bunny Friend
        # shooting", parsed with the suspect as the subject of "shooting")
        subject = _subject(token)
        if subject is not None:  # "Teenage boy shot and killed by family member"
            yield ("killed" if measure == SHOT and fatal(token) else measure), subject, token, None
            return
    if token.pos_ in ("VERB", "AUX") and measure:
        if lemma in lex["instrument_only"]["verbs"] and not _by_instrument(token):
            return
        if measure == "died":
            measure = "killed"
        if measure in (SHOT, "injured") and fatal(token):
            measure = "killed"  # "fatally shot", "fatally injured", "shot dead"
        patients = list(_patients(token, subject_is_patient=_verb_measures()[lemma] == "died"))
        for person, reflexive in patients:
            if reflexive:
                yield measure, person, token, _reflexive_role(token)
            else:
                yield measure, person, token, None
        left_hurt = _left_hurt(token, measure) if not patients else None
        if left_hurt is not None:
            yield measure, left_hurt, token, None
        return
    if lemma in lex["bullet_taken"]["verbs"] and _took_a_bullet(token):
        subject = _subject(token)
        if subject is not None and not _not_an_event(token):
            yield SHOT, subject, _object(token), None  # "a 39-year-old man took a bullet to the arm"
        return
    if lemma in lex["own_life"]["verbs"] and _own_life_taken(token):
        subject = _subject_of_clause(token)
        if subject is not None:
            yield "killed", subject, token, _reflexive_role(token)  # "before taking his own life"
        return
    if lemma == "turn" and _turned_on_self(token):
        himself = next(g for c in token.children if c.dep_ == "prep" for g in c.children
                       if g.lower_ in lex["people"]["reflexive"])
        yield "killed", himself, token, _reflexive_role(token)
        return
    for adj_measure, words in lex["adjectives"].items():
        if lemma in words or token.text.lower() in words:
            if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN"):
                yield adj_measure, token.head, token, None  # "the dead man"
            elif (age := _age_taken_for_modifier(token)) is not None:
                yield adj_measure, age, token, None  # "left a six-year-old dead"
            elif (token.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr", "advmod") or token.dep_ == "advcl"
                  and token.head.lemma_.lower() in lex["people_only"]["verbs"] + lex["found_state"]["verbs"]) \
                    and token.head.pos_ in ("VERB", "AUX"):  # (advcl: "found Jared Winkers, 17, from Cassville, dead")
                # "found Garcia dead" (the parser gives "dead" a subject of its own), "left a boy dead",
                # "he was pronounced dead"
                subject = _subject(token, own=True) or _object(token.head) or _subject(token.head)
                if subject is not None:
                    yield adj_measure, subject, token, None  # "was pronounced dead", "found him dead"
            return
    if did_not_survive(token):
        subject = _subject(token)
        if subject is not None:
            yield "killed", subject, token, None  # "The 22-year-old did not survive", "did not survive his wounds"
        return
    if lemma in _recovering_lemmas():
        person = recovering_person(token)
        if person is not None:
            yield SHOT, person, token, None  # "the victim is expected to recover"
        return
    zero = _stated_zero_noun(token)
    if zero:
        yield zero, token, token, None
        return
    hospitalised = hospitalised_after(token)
    if hospitalised is not None and _count(hospitalised) is not None:
        yield SHOT, hospitalised, token, None
        return
    if treated_and_released(token):
        subject = _subject(token)
        if subject is not None:
            yield "injured", subject, token, None  # "She was treated at a hospital and released"
        return
    nominal = _nominal_measure(token)
    if nominal:
        for person in (g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
            yield nominal, person, token, None  # "the shooting death of a 15-year-old girl"
        if token.lemma_.lower() in lex["nominal"]["possessor_died"]:
            for person in (c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"):
                yield nominal, person, token, None  # "Teen charged with friend's shooting death"
        return
    hurt = _wound_or_condition(token)
    if hurt is not None:
        # "suffering from a fatal gunshot wound": one dead
        mortal = any(c.dep_ == "amod" and c.lower_ in lex["wounds"]["fatal"] for c in token.children) or \
            (token.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ in lex["wounds"]["fatal"] for c in token.head.children))
        yield ("killed" if mortal else SHOT), hurt, token, None
        return
    if lemma in lex["bodies"]["nouns"] and token.dep_ in ("nsubjpass", "dobj") and \
            token.head.lemma_.lower() in lex["bodies"]["verbs"]:
        plural = token.tag_ == "NNS"  # "a body" is one; "the bodies of Hollis and his daughter" the people named
        yield "killed", (_of_whom(token) if plural else None) or token, token.head, None  # "a body has been found"
        return
    if token.lower_ in lex["lives"]["nouns"] and token.dep_ == "dobj" and token.head.lemma_.lower() in lex["lives"]["verbs"]:
        person = _of_whom(token)
        if person is not None:
            yield "killed", person, token.head, None  # "claimed the life of a 9-year-old"
        return
    if token.lower_ in lex["lives"]["nouns"] and token.dep_ == "dobj" and token.head.lemma_.lower() in lex["lives"]["losing_verbs"]:
        person = _subject(token.head)
        if person is not None and not _not_an_event(token.head):  # not "almost lost her life"
            yield "killed", person, token, None  # "A 16-year-old girl lost her life"


def _recovering_lemmas() -> list[str]:
    """The verbs a recovering person is told by: "recover", and "survive" as expected."""
    recovering = lexicon()["recovering"]
    return recovering["verbs"] + recovering["expected_verbs"]


def recovering_person(verb):
    """The person a verb of recovering is said of ("the victim is expected to recover", a headline's
    "Woman recovering after ..."), else None: someone hurt, alive. Not "a handgun was recovered" nor
    "police recovered a handgun" (passive, or with an object)."""
    lex = lexicon()
    recovering = lex["recovering"]
    lemma = verb.lemma_.lower()
    if lemma not in _recovering_lemmas() or verb.pos_ != "VERB" \
            or _object(verb) is not None or _is_passive(verb):
        return None
    if lemma in recovering["expected_verbs"] and not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in recovering["expecting"]):
        return None
    person = _subject(verb) or (_subject(verb.head) if verb.dep_ == "xcomp" else None) or \
        (verb.head if verb.dep_ == "acl" and verb.tag_ == "VBG" else None)
    if person is None or person.lemma_.lower() in lex["bodies"]["nouns"]:
        return None
    return person


def recovers(person) -> bool:
    """Whether the sentence says `person` is recovering ("two people are recovering after a shooting",
    "the three victims ... are expected to recover"): the singular person's reading, for a counted noun."""
    return any(found is not None and found.i == person.i
               for found in (recovering_person(t) for t in person.sent
                             if t.lemma_.lower() in _recovering_lemmas()))


def _of_whom(noun):
    """The people of a noun's "of" ("the bodies of Hollis and his daughter": Hollis, with his daughter
    its conjunct; "of his daughter and her six children": seven); None when a numeral counts them all
    ("the bodies of 3 victims"): the numeral reader's."""
    person = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"), None)
    if person is None or person.like_num or any(c.dep_ == "nummod" for c in person.children):
        return None
    return person


def _participle(verb) -> bool:
    """A past participle: so tagged, or tagged a past tense where no tense can stand (no subject or object
    of its own: "a shooting that left an 8-year-old boy injured", the tagger's "injured" a VBD)."""
    return verb.tag_ == "VBN" or \
        verb.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def treated_and_released(verb) -> bool:
    """"was treated and released", "were treated at a hospital and released": treated for wounds and out
    of danger, in a story that has told of a shooting (before the sentence or in it)."""
    words = datafiles.load("counted_en.toml")["treated_for_wounds"]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["verbs"] or negated(verb) \
            or not any(c.dep_ == "conj" and c.lemma_.lower() in words["released"] for c in verb.children):
        return False
    return _shooting_told_before(verb) or shooting_told_from(verb.sent.text) is not None


def _left_hurt(participle, measure: str):
    """The object of "left"/"found" that a participle of hurting tells the state of, however the parser
    hung the participle ("a shooting that left an 8-year-old boy injured": on "left", as a clause of its
    own), else None. Only hurt: "found a man shot" may tell of the dead."""
    if measure != "injured" or not _participle(participle) \
            or participle.dep_ not in ("advcl", "xcomp", "ccomp", "oprd") \
            or participle.head.lemma_.lower() not in lexicon()["found_state"]["verbs"]:
        return None
    return _object(participle.head)


def hospitalised_after(verb):
    """The person of "X was hospitalized after the shooting" (hospitalised for an event's injuries:
    FIGURES_GUIDE.md's "hospitalised for injuries"), else None; or of "three others remain
    hospitalized": others than the casualties the story has just told of, in hospital as they are."""
    words = datafiles.load("counted_en.toml")["hospitalised"]
    in_hospital = verb.lemma_.lower() in words["in_hospital_verbs"] and \
        any(p.dep_ == "prep" and p.lower_ == "in" and any(g.lower_ in words["places"] for g in p.children)
            for p in verb.children)
    hospitalised = verb.lemma_.lower() in words["after_verbs"] or verb.lower_ in ("hospitalized", "hospitalised")
    if not hospitalised and not in_hospital:
        return None  # (the parser may read "remain hospitalized" as an adjective: lemma "hospitalized")
    # ("a drive-by shooting": the parser gives this "shooting" the lemma "shoot")
    after_event = any(p.dep_ == "prep" and p.lower_ in words["after_words"] and
                      any(g.dep_ == "pobj" and (g.lemma_.lower() in words["after_events"] or g.lower_ in words["after_events"])
                          or g.dep_ == "pcomp" and g.lemma_.lower() in words["after_being"] for g in p.children)
                      for p in verb.children)
    if verb.dep_ == "acl":
        return verb.head if after_event else None  # a headline's "Campbell boy, 7, hospitalized after accidental shooting"
    holder = verb.head if verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head.pos_ in ("VERB", "AUX") else verb
    # (the subject may hang on the auxiliary: "Four others remained hospitalized")
    subject = next((c for c in list(holder.children) + [g for a in holder.children if a.dep_ in ("aux", "auxpass")
                                                        for g in a.children] if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is not None and subject.lower_ in ("who", "that") and holder.dep_ == "relcl":
        subject = holder.head  # "the child who was hospitalized after the shooting"
    illnesses = datafiles.load("counted_en.toml")["caught"]["illnesses"]
    if after_event or (subject is not None and _others_than_told(subject)
                       and not any(t.lemma_.lower() in illnesses for t in verb.sent)):  # not "died of swine flu"
        return subject
    return None


def _others_than_told(person) -> bool:
    """"three others", "two other people", "the other two": people besides those just told of."""
    return person.lower_ == "others" or any(c.dep_ == "amod" and c.lower_ == "other" for c in person.children)


def carries_wounds(person) -> bool:
    """Whether the sentence says `person` suffered wounds or is in a hurt person's condition ("two
    others were hospitalized with non-life-threatening injuries", "two men were taken to a hospital
    in critical condition"): the same reading as a singular person's, for a counted noun."""
    return bool(_wounds_carried(person))


def has_own_state(person) -> bool:
    """Whether a person joined by "and" to others is given a state of its own by a phrase under it
    ("three others in the hospital", "two others with gunshot wounds", "another in critical condition"
    after "two people dead"): what the list's shared predicate says is not said of this one."""
    if person.dep_ != "conj":
        return False
    state = lexicon()["own_state"]
    return any(c.dep_ == "prep" and c.lower_ in state["prepositions"] and
               any(g.dep_ == "pobj" and g.lemma_.lower() in state["nouns"] for g in c.children)
               for c in person.children)


def carries_wounds_of_the_living(person) -> bool:
    """Whether the wounds or condition the sentence gives `person` are of someone alive and out of
    danger: "taken to a hospital with minor injuries", "in stable condition", "injuries that were not
    life-threatening". (Someone in critical condition may yet die, and be among the dead a story counts.)"""
    return any(_of_the_living(t) for t in _wounds_carried(person))


def _wounds_carried(person) -> list:
    return [t for t in person.sent
            if (t.lemma_.lower() in lexicon()["wounds"]["nouns"] or t.lemma_.lower() == "condition")
            and (held := _wound_or_condition(t)) is not None and held.i == person.i]


def _of_the_living(token) -> bool:
    lex = lexicon()
    if token.lemma_.lower() == "condition":
        return any(c.dep_ == "amod" and c.lower_ in lex["condition"]["alive"] for c in token.children)
    said = "".join(t.lower_ for t in token.doc[token.left_edge.i:token.i]).replace("-", "")  # "non-life-threatening"
    if any(word in said for word in lex["wounds"]["alive"]):
        return True
    clauses = [c for c in token.children if c.dep_ == "relcl"]  # "injuries that were not life-threatening"
    return any(any(t.dep_ == "neg" for t in c.children) and
               lex["wounds"]["life_threatening"] in "".join(t.lower_ for t in c.subtree).replace("-", "")
               for c in clauses)


def _wound_or_condition(token):
    """The person of "X suffered a gunshot wound" or "X is in serious condition", else None."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    if lemma in lex["wounds"]["nouns"] and token.dep_ == "dobj" and token.head.lemma_.lower() in lex["wounds"]["holders"]:
        holder = token.head
        if negated(holder):
            return None  # "didn't have facial injuries to support her claims"
        # "have" only with a subject of its own (the parser joins a "have" it misreads to a verb before)
        subject = _subject(holder, own=holder.lemma_.lower() == "have")
        if subject is not None and _count(subject) == (0, subject) and any(c.dep_ == "amod" for c in token.children):
            return None  # "None have life-threatening injuries": how the hurt are, not that no one is
        return subject
    if lemma in lex["wounds"]["nouns"] and token.dep_ in ("nsubj", "nsubjpass"):
        # "His injuries are not life-threatening", "the boy's wounds were not serious": whose wounds they are.
        return next((c for c in token.children if c.dep_ == "poss"), None)
    prep = token.head
    word = prep.lower_ if token.dep_ == "pobj" else ""
    if word == "of" and prep.head.lemma_.lower() in lex["wounds"]["treatments"] and prep.head.dep_ == "pobj":
        prep, word = prep.head.head, "with"  # "taken to Froedtert Hospital for treatment of a gunshot wound"
    elif word == "due":
        word = "with"  # "was taken to the hospital Monday due to an apparently self-inflicted gunshot wound"
    if lemma in lex["wounds"]["nouns"] and word in ("with", "for", "from"):
        verb = prep.head
        held = first_conjunct(verb)  # "found two females and a male with gunshot wounds": all three
        if held.pos_ in ("NOUN", "PROPN") and held.dep_ == "dobj" and \
                held.head.lemma_.lower() in lex["wounds"]["carried_with_" + word]:
            return held  # "officers found a man with a gunshot wound", "medics treated a man for a graze wound"
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "pobj":
            verb = verb.head.head  # "taken to a local hospital with injuries": the parser hangs "with" on the hospital
        if verb.lemma_.lower() in lex["wounds"]["carried_with_" + word]:
            # "was taken to the hospital with injuries", "was treated for gunshot wounds", "took three men
            # with gunshot wounds to the hospital"; a participle's noun: "found a man at the scene
            # suffering from multiple gunshot wounds"
            return _carried(verb) or (verb.head if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") else None)
    if lemma == "condition" and token.dep_ == "pobj" and token.head.lower_ == "in" and \
            any(c.dep_ == "amod" and c.lower_ in lex["condition"]["states"] for c in token.children):
        holder = token.head.head
        return _carried(holder) if holder.pos_ in ("VERB", "AUX") else holder
    return None


def _carried(verb):
    """Who a verb that carries, finds or leaves someone with wounds or in a condition tells of: its object
    when it has one of people ("took three men with gunshot wounds", "left a 1-year-old girl in critical
    condition", "police found a man in critical condition"), else its subject ("was taken to the hospital
    with injuries", "he remains in critical condition")."""
    carried = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if carried is not None and (carried.pos_ == "PRON" or carried.lower_ in lexicon()["people"]["reflexive"]
                                or _names_people(carried) or _one_person(carried) is not None):
        return carried
    return _subject(verb)


def _nominal_measure(token) -> str | None:
    nominal = lexicon()["nominal"]
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "VERB") or token.dep_ in ("ROOT",) and token.pos_ == "VERB":
        return None
    if lemma in nominal["killed"]:
        return "killed"
    if lemma in nominal["shot"] and token.pos_ == "NOUN":
        return "killed" if any(c.lower_ in nominal["fatal_words"] for c in token.children) else SHOT
    return None


def hit_by_gunfire(verb) -> bool:
    """"were struck by gunfire", "was hit in the chest", "fired, hitting three people": a verb of
    hitting, a casualty only when a bullet does it (a car, too, is "hit")."""
    return verb.lemma_.lower() in lexicon()["instrument_only"]["verbs"] and _by_instrument(verb)


def _by_instrument(token) -> bool:
    instruments = lexicon()["instrument_only"]["instruments"]
    return any(t.lemma_.lower() in instruments for t in token.subtree) or _after_firing(token) or \
        _in_body_part(token) or _hit_after_firing(token)


def _in_body_part(verb) -> bool:
    """"was struck in the chest", "was hit in the back": a blow to a body part, a wound (a car is "hit",
    a person "hit in the face")."""
    parts = lexicon()["body_parts"]["nouns"]
    return any(p.lower_ == "in" and any(g.lemma_.lower() in parts for g in p.children if g.dep_ == "pobj")
               for p in verb.children if p.dep_ == "prep")


def _told_of_by_who(name) -> bool:
    """A name a "who" clause tells of is a person's ("Jones, who was shot in the chest, died"): "who"
    stands for people only, whatever the entity recogniser made of the name."""
    return any(c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "whom")
                                         for g in c.children)
               for c in name.children)


def _pronounced_dead(token) -> bool:
    """Whether the name is one "pronounced dead" ("Gehl was pronounced dead", "Sproaps and Partlow were
    pronounced dead"): only a person is (the small model tags many a surname opening a sentence as no
    person)."""
    head = first_conjunct(token).head
    return head.lemma_.lower() in lexicon()["people_only"]["verbs"] and \
        any(c.lower_ == "dead" for c in head.children)


def first_conjunct(token):
    """The first of the people (or words) joined by "and" that a token is one of: "Two teenage girls and
    two men were shot", the girls, whose verb is the men's too."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _hit_in_body_part(token) -> bool:
    """Whether the token is whom a verb hit in a body part: "shot Hampton in the foot", "Smith was struck
    in the chest"."""
    return token.dep_ in ("dobj", "nsubjpass") and _in_body_part(token.head)


FIRING_WINDOW = 12  # tokens before a participle in which the firing it follows is looked for


def _after_firing(participle) -> bool:
    """"the gun discharged, striking the driver in the back", "fired several shots striking the victim":
    a participle without a subject of its own, shortly after a firing in its sentence, tells what the
    firing hit. (The parser hangs such a participle on the firing verb, on its object or on the clause
    around it: the words are read, not the attachment.)"""
    if participle.tag_ != "VBG" or _subject(participle, own=True) is not None:
        return False
    return _fired_shortly_before(participle)


def _hit_after_firing(verb) -> bool:
    """"several gunshots were fired and four people were struck", "fired at people on the corner, where
    five people were hit": a passive verb of hitting shortly after a firing in its sentence tells who
    the firing hit; so does one in an article that has told of a shooting before its sentence
    (`mark_shooting_told`): "Shots rang out. Seven people were hit." (Only people are counted; and
    only without an agent of its own: "was struck by a 1996 Honda Accord", "by a hit and run driver".)"""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return _fired_shortly_before(verb) or \
        _shooting_told_before(verb) and not any(c.dep_ == "agent" for c in verb.children)


SHOOTING_TOLD = "annalist.shooting_told"  # key in a parsed sentence's user_data


def shooting_told_from(text: str) -> int | None:
    """Where a text first tells of a shooting ("shots", "gunfire", "was shot"): a sentence after it that
    says people "were hit" tells who the bullets hit."""
    found = re.search(lexicon()["instrument_only"]["shooting_told"], text, re.I)
    return found.end() if found else None


def mark_shooting_told(doc, told: bool) -> None:
    """Mark a parsed sentence as coming after the article told of a shooting (`shooting_told_from`)."""
    doc.user_data[SHOOTING_TOLD] = told


def _shooting_told_before(token) -> bool:
    return token.doc.user_data.get(SHOOTING_TOLD, False)


def _fired_shortly_before(token) -> bool:
    """Whether a verb of firing ("fired", "went off") comes within FIRING_WINDOW tokens before the token
    in its sentence."""
    firing = lexicon()["instrument_only"]["firing_verbs"]
    start = max(token.sent.start, token.i - FIRING_WINDOW)
    for verb in token.doc[start:token.i]:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma in firing or any(f"{lemma} {c.lower_}" in firing for c in verb.children
                                  if c.dep_ in ("prt", "advmod")):  # "went off"
            return True
    return False


def fatal(verb) -> bool:
    """"fatally shot", "shot dead", "shot to death", "shot and killed", "shot ... and died"."""
    fatal = lexicon()["fatal"]
    if negated(verb):
        return False  # "was not fatally wounded"
    for child in verb.children:
        word = child.lemma_.lower()
        if child.dep_ in ("advmod", "acomp", "oprd", "xcomp", "npadvmod") and word in fatal["adverbs"] + fatal["adjectives"] \
                and not of_a_number_before(child):
            return True
        if child.dep_ == "prep" and child.text.lower() == "to" and any(g.lemma_.lower() == "death" for g in child.children):
            return True
        if _killing_of_its_subject(child):
            return True
    return False


def wounded_too(verb) -> bool:
    """"were shot and wounded": the verb joined by a wounding verb of the same subject says they were hit
    and lived, as "shot and killed" says they died."""
    return any(c.dep_ == "conj" and _verb_measures().get(c.lemma_.lower()) == "injured" and c.lemma_.lower() != "stab"
               and not _subject(c, own=True) for c in verb.children)


def of_a_number_before(adverb) -> bool:
    """"Four shot, one fatally", "five teenagers were shot, one of them fatally": the adverb says how
    the number set off before it was hit, not how the verb's own count was."""
    i = adverb.i - 1
    if i >= 2 and [t.lower_ for t in adverb.doc[i - 1:i + 1]] == ["of", "them"]:
        i -= 2
    return i >= 1 and adverb.doc[i].like_num and adverb.doc[i - 1].text == ","


def _fatal_words(verb) -> list:
    """The verb and what makes it fatal, for the span: "shot and killed", "fatally shot", "shot dead";
    not a killing with a subject of its own, as `fatal` reads it ("an officer was wounded and the
    suspect was killed": the span of the one hurt stops before the other's death)."""
    words = lexicon()["fatal"]
    return [verb] + [c for c in verb.children if _killing_of_its_subject(c)
                     or (c.dep_ in ("advmod", "acomp", "oprd", "xcomp") and c.lower_ in words["adverbs"] + words["adjectives"])]


def _killing_of_its_subject(child) -> bool:
    """A killing joined to a casualty verb that tells of the same person ("shot and killed", "shot ... and
    died"), not one with a subject of its own ("was wounded and the suspect was killed")."""
    return child.dep_ == "conj" and child.lemma_.lower() in lexicon()["fatal"]["verbs"] and \
        not _subject(child, own=True) and not negated(child) and \
        not _another_object(child)  # "was shot but was not killed"


def _another_object(killing) -> bool:
    """Each verb has an object of its own, so the killing is of another person: "shot a student and then
    killed herself", "shot his wife and killed his son" (a pronoun may be the same person: "shot the
    clerk and killed him")."""
    own, first = _object(killing), _object(killing.head)
    return own is not None and first is not None and \
        (own.lower_ in lexicon()["people"]["reflexive"] or own.pos_ != "PRON")


def _patients(verb, subject_is_patient: bool):
    """(person, reflexive?) the verb's casualty happened to."""
    if subject_is_patient:
        subject = _subject(verb)
        if subject is not None:
            yield subject, False
        return
    yield from ((person, False) for person in _taken_along(verb))
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        yield _subject(verb, own=True), False  # "a man who was wounded": the man, as for an active "who"
        return
    if any(c.dep_ == "auxpass" for c in verb.children) or (verb.dep_ == "conj" and _is_passive(verb.head)):
        subject = _subject(verb)  # "was shot and killed": the second verb shares the passive subject
        if subject is not None:
            yield subject, False
        return
    if verb.dep_ == "acl" and _participle(verb):
        # "a man shot in the leg"; "Woman and 5-year-old child injured": the participle hangs on the
        # last of the people joined by "and", and tells of them all — not when an earlier one has a
        # predicate of its own, nor in a headline's list of clauses ("5-Year-Old Shot, Teen Killed").
        head = verb.head
        while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") and \
                any(c.dep_ == "cc" and c.lower_ == "and" for c in head.head.children) and \
                not any(c.dep_ in ("acl", "relcl") for c in head.head.children):
            head = head.head
        yield head, False
        return
    age = _age_taken_for_modifier(verb)
    if age is not None:
        yield age, False  # "a shooting that left a 15-year-old wounded"
        return
    if _reduced_passive_in_body_part(verb):
        yield _subject(verb, own=True), False  # "A 22-year-old man shot in the right leg ... was taken to"
        return
    if _participle_with_own_subject(verb):
        yield _subject(verb, own=True), False  # "found Garcia dead and another man wounded"
        return
    if verb.dep_ in ("xcomp", "oprd") and verb.tag_ == "VBN" and not _object(verb):
        # "were found shot to death", "police found two men shot": what the finding verb's object
        # (or, passive or in a headline, its subject) was found to be
        found = _object(verb.head) or _subject(verb.head)
        if found is not None:
            yield found, False
        return
    obj = _object(verb)
    if obj is not None and obj.lemma_.lower() in lexicon()["body_parts"]["nouns"]:
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON":
            subject = _subject(verb)  # "he shot his left foot": himself
            if subject is not None and subject.lemma_.lower() in lexicon()["instrument_only"]["instruments"]:
                yield owner, False  # "A bullet grazed his head": his
            elif subject is not None:
                yield subject, True
        elif owner is not None:
            yield owner, False  # "shot the boy's hand"
        return
    if obj is not None and not suspected_of(verb, obj):
        yield obj, obj.text.lower() in lexicon()["people"]["reflexive"]
    yield from ((itself, True) for itself in _and_himself(verb, obj))


def _age_taken_for_modifier(word):
    """The age in "left a six-year-old dead", "left a 15-year-old wounded": the parser takes the age for
    a modifier of the casualty word after it, which it makes the object of the verb of leaving or
    finding. The age ("old", with its number) is the person; None when the words are not so parsed."""
    if word.dep_ != "dobj" or word.head.lemma_.lower() not in lexicon()["found_state"]["verbs"]:
        return None
    return next((c for c in word.children if c.dep_ == "amod" and c.i < word.i and _is_age(c)), None)


def _reduced_passive_in_body_part(verb) -> bool:
    """"A 22-year-old man shot in the right leg and a 23-year-old man shot in the left shoulder were at the
    same hospital": the parser reads "man shot" as a subject and its active verb, but no one shoots,
    without an object, "in the leg" — the subject is the one hit (a reduced relative)."""
    return (verb.tag_ in ("VBD", "VBN") and not _object(verb) and _in_body_part(verb)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and _subject(verb, own=True) is not None)


def _participle_with_own_subject(verb) -> bool:
    """A participle joined by "and" to another clause, with a subject of its own and no auxiliary or
    object: "officers found Garcia dead and another man wounded", "left one child dead, and another
    critically injured", "Smith was killed and Jones wounded". With no auxiliary it is no active verb:
    the subject is the one hurt, not one who hurt (the parser may hang it on any verb before). (Tried
    and not kept: what a verb of finding found, "they found a 23-year-old man shot on the hallway
    floor": on the tune incidents it also read "found Roary and his two sons ... fatally shot", the
    father who then shot himself counted twice, one incident wrong, none right.)"""
    # (the tagger may take the participle for a past tense: "left one man dead and a woman wounded"; a past
    # tense with what it did right after it is none: "an officer shot Long from 100 yards away")
    return ((verb.tag_ == "VBN" or verb.tag_ == "VBD" and not _noun_phrase_right_after(verb))
            and verb.dep_ == "conj" and not _object(verb)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children))


def _noun_phrase_right_after(verb) -> bool:
    """Whether a noun phrase starts right after the verb, as its object would (whatever the parser made of it)."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # (a capital: "shot Long", a name the tagger missed)
    return after is not None and (after.pos_ in ("PROPN", "NOUN", "PRON", "DET", "NUM")
                                  or after.is_alpha and after.text[:1].isupper())


def suspected_of(crime, person) -> bool:
    """"the shooting suspect", "Police search for shooting suspect in Mesa": the parser reads a
    gerund and its object, but a suspect named right after the crime is suspected of it, not hit.
    (A victim so named was hit either way: "shooting victim".)"""
    return crime.tag_ == "VBG" and person.i == crime.i + 1 and \
        person.lemma_.lower() in lexicon()["roles"]["suspect"]


def _and_himself(verb, obj) -> list:
    """The one who, after others, hit himself: "killed two co-workers and then himself" (the parser
    makes "himself" a conjunct of the verb or of its object). Not a headline's "killed family, self":
    measured on the tune incidents, its one reading added a suspect the text had counted already by
    name ("Mark Short died"), 0 right, 1 wrong."""
    reflexive = lexicon()["people"]["reflexive"]
    hung = [c for c in verb.children if c.dep_ == "conj" and c.lower_ in reflexive]
    if obj is not None:
        hung += [c for c in obj.conjuncts if c.lower_ in reflexive and c.i > obj.i]
        # ... or hangs it nowhere near ("had killed the two children and then himself": on "then")
        after = obj.doc[obj.right_edge.i + 1:obj.right_edge.i + 4]
        ahead = next((t for t in after if t.lower_ in reflexive), None)
        between = [t.lower_ for t in after[:ahead.i - after.start]] if ahead is not None else []
        if "and" in between and all(w in ("and", "then", ",") for w in between):
            hung.append(ahead)
    return list(dict.fromkeys(hung))


def _taken_along(verb) -> list:
    """People a casualty verb takes along: "The two were shot, along with another woman"."""
    people = []
    for phrase in lexicon()["along_with"]["phrases"]:
        for first in (c for c in verb.children if c.dep_ in ("prep", "advmod") and c.lower_ == phrase[0]):
            people += [g for w in first.children if w.lower_ == phrase[1] for g in w.children if g.dep_ == "pobj"]
    return people


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject(verb, own: bool = False):
    """The verb's subject; a conjoined verb without one shares its head's; a relative clause's
    "who" is the noun it modifies."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    age = _age_right_before(verb)
    if age is not None and subjects and age not in subjects:
        return age  # "AUSTIN - A 15-year-old was shot": the parser hung the age on the dateline
    for child in subjects:
        if len(subjects) > 1 and _fronted(child, subjects):
            continue
        if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head
        return child
    if own:
        return None
    if verb.dep_ == "conj" and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ == "relcl":
        return verb.head
    return None


def _age_right_before(verb):
    """An age used as a noun right before the verb and its auxiliaries ("a 17-year-old was shot"), else
    None: the one the verb tells of, wherever the parser hung it (on a dateline, on a time before it)."""
    at = verb.i - 1
    while at >= verb.sent.start and verb.doc[at].dep_ in ("aux", "auxpass", "neg", "advmod"):
        at -= 1
    token = verb.doc[at] if at >= verb.sent.start else None
    return token if token is not None and token.dep_ in ("amod", "nsubj", "nsubjpass") and _is_age(token) else None


_DASHES = ("—", "–", "-", "--")


def _fronted(subject, subjects) -> bool:
    """A second "subject" the parser found before the real one: a time ("About 11:15 p.m. Wednesday on the
    Southwest Side, a 25-year-old man was shot") or a dateline ("MEMPHIS, Tenn. — A 4-year-old was shot"),
    set off before the next subject by a dash. (Not a list of people: "A man, two women and a child".)"""
    later = [s for s in subjects if s.i > subject.i]
    if not later:
        return False
    between = subject.doc[subject.i + 1:later[0].left_edge.i]
    return subject.pos_ == "NUM" or any(t.text in _DASHES for t in between)


def _object(verb):
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _subject_of_clause(verb):
    """The verb's subject, or, for a verb without one that a clause hangs on its verb ("killing three
    and wounding 16 before taking his own life"), that verb's."""
    for _ in range(6):
        subject = _subject(verb)
        if subject is not None or verb.dep_ not in ("pcomp", "prep", "advcl", "xcomp", "conj") or verb.head is verb:
            return subject
        verb = verb.head
    return None


def _took_a_bullet(verb) -> bool:
    """"took a bullet to the stomach", "caught a stray bullet in the leg": a bullet, told of as new, as the
    verb's object."""
    taken = lexicon()["bullet_taken"]
    bullet = _object(verb)
    if bullet is None or bullet.lemma_.lower() not in taken["objects"] or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in bullet.children):
        return False  # "took the round from the suspect's gun as evidence"
    return verb.lemma_.lower() not in taken["needs_body_part"] or _in_body_part(verb)


def _own_life_taken(verb) -> bool:
    """"took his own life", "ending her own life": the verb's object is one's own life."""
    life = _object(verb)
    return life is not None and life.lemma_.lower() in lexicon()["own_life"]["nouns"] and \
        any(c.dep_ == "amod" and c.lower_ == "own" for c in life.children)


def _turned_on_self(verb) -> bool:
    """"turned the gun on himself"."""
    reflexive = lexicon()["people"]["reflexive"]
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in reflexive for g in c.children)
               for c in verb.children) and any(c.dep_ == "dobj" and c.lemma_.lower() in ("gun", "weapon", "rifle", "pistol", "handgun", "shotgun")
                                                for c in verb.children)


def _reflexive_role(verb) -> str:
    """Who killed himself: a suspect (GVA's murder-suicides: "then turned the gun on himself"), unless
    the text says it was a child or a victim ("a 3-year-old shot himself"); who only wounded himself
    had an accident ("accidentally shot himself in the hand"), a victim unless called a suspect."""
    subject = _subject(verb)
    role = _role(subject) if subject is not None else None
    if role:
        return role
    if subject is not None and _is_child(subject):
        return "victim"
    others = _object(verb)
    if others is not None and others.lower_ not in lexicon()["people"]["reflexive"]:
        return "suspect"  # "shot both sons and then himself": who shot others is the shooter
    fatal_act = verb.lemma_.lower() in ("kill", "turn") or fatal(verb) or _own_life_taken(verb)
    return "suspect" if fatal_act else "victim"


def _is_child(token) -> bool:
    # The noun phrase without its clauses: "Man who shot and killed son, himself" is no child.
    clauses = {t.i for c in token.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    phrase = [t for t in token.subtree if t.i not in clauses]
    words = {t.lower_ for t in phrase}
    return bool(words & {"boy", "girl", "child", "toddler", "baby", "infant", "kid", "teen", "teenager", "son",
                         "daughter"}) or any(_age(t) is not None and _age(t) < 18 for t in phrase)


def _age(token) -> int | None:
    """The age a "N-year-old" gives ("Four-year-old", "a 3-year-old boy")."""
    from .figures import parse_number

    if not token.like_num or token.head.lower_ not in ("year", "years", "-", "old"):
        return None
    value = parse_number(token.text)
    return int(value) if value is not None else None


def _by_police(verb) -> bool:
    """"was shot and killed by police", "officers returned fire, killing him": the police's casualty."""
    agents = set(lexicon()["by_police"]["agents"])
    node = verb
    for _ in range(3):
        verbs = [node] + [c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # "shot and killed by"
        for child in (c for v in verbs for c in v.children):
            if child.dep_ == "agent" and any(t.lower_ in agents for t in child.subtree):
                return True
            if child.dep_ == "nsubj" and child.lower_ in agents | {a.rstrip("s") for a in agents} and \
                    child.head.lemma_.lower() not in lexicon()["found_state"]["verbs"]:
                return True  # (not "officers found Garcia dead and another man wounded": who found them)
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head is node or _participle_with_own_subject(node):
            break  # (a participle with its own subject is a clause of its own: "Police are investigating
            # a shooting that has left one child dead, and another critically injured")
        node = node.head
    return False


def did_not_survive(verb) -> bool:
    """"did not survive", "didn't survive his wounds": a death, said as a fact (not "would not survive",
    "may not survive": a fear)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon()["recovering"]["expected_verbs"] and negated(verb) \
        and not any(c.dep_ == "aux" and c.lower_ in lexicon()["not_events"]["modals"] for c in verb.children)


def negated(verb) -> bool:
    """"was not killed", "was not fatally wounded": a "not" on the verb, or on its auxiliary, where the
    parser may hang it ("was" <- "not")."""
    return any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children)
               for c in verb.children)


def _not_an_event(anchor) -> bool:
    """Negated ("was not hurt"), hypothetical ("could have been killed") or intended ("threatened to
    kill") casualties."""
    lex = lexicon()["not_events"]
    node = anchor
    for _ in range(3):
        if negated(node):
            return True
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in lex["modals"]:
                return True
            if child.dep_ == "advmod" and child.lower_ in lex["governors"]:
                return True
        if node.dep_ in ("xcomp", "pcomp") and node.head.lemma_.lower() in lex["governors"]:
            return True
        if node.dep_ not in ("conj", "xcomp", "acomp", "oprd", "advmod", "pcomp", "pobj", "prep") or node.head is node:
            break
        node = node.head
    return False


def _commemorated(person) -> bool:
    """The person a vigil or funeral is held for ("a vigil for a man killed last week", "the vigil
    honored Javon Booker, who died ..."): an earlier death. Read from the words before the noun
    phrase, since the parser hangs "for ..." on the verb as often as on the vigil."""
    words = lexicon()["commemorated"]
    start = person.left_edge.i
    before = person.doc[max(0, start - 5):start]
    if not before:
        return False
    last = before[-1]
    if last.lemma_.lower() in words["verbs"]:
        return True
    return last.lower_ in ("for", "of") and any(t.lemma_.lower() in words["nouns"] for t in before[:-1])


def _count(person) -> tuple[int, object] | None:
    """(how many, head token) a noun phrase names, or None when it does not say (a plural, "they")."""
    people = lexicon()["people"]
    zero = lexicon()["zero"]
    lower = person.lower_
    if lower in zero["subjects"] or any(c.dep_ == "det" and c.lower_ in zero["determiners"] for c in person.children) \
            and _names_people(person):
        return 0, person  # "no one else was hurt", "nobody was injured"; not "no vital organs were hit"
    if lower in people["pair"] and person.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return 2, person  # "Both were wounded", "opened fire on the agents, injuring both"
    if _one_more_of_a_group(person):
        return 1, person
    if person.dep_ == "poss" and lower in people["possessives"]:
        return 1, person  # "his injuries"
    if person.pos_ == "PRON" or lower in people["reflexive"]:
        if lower in people["reflexive"] or lower in people["pronouns"] and not _joined_by_and(person):
            return 1, person
        if lower not in people["pronouns"]:
            return None
        # "he and two others were wounded": he is one of the people listed, counted below.
    # One who hit himself after them is counted on his own (_and_himself): "his wife and then himself".
    # One with a state of its own is told of apart: "left a man dead and six others with gunshot wounds".
    members = [person] + [c for c in person.conjuncts if c.i > person.i and c.lower_ not in people["reflexive"]
                          and not has_own_state(c)]
    # A list the parser splits over several subjects: "A man, two women and a small child were killed".
    # (Not one with a participle of its own: "3-year-old girl killed, 3 adults injured" are told apart.)
    members += [s for s in person.head.children if s.dep_ == person.dep_ and s.i > person.i and s not in members
                and _listed_after(person, s) and not any(c.dep_ == "acl" for c in s.children)]
    # Names each followed by an age, which the parser hangs one on another: "David Jones, 19, Leonard
    # Andrews, 21, and Jamari Brooks, 17, were wounded".
    members += [a for a in _names_after_ages(person) if a not in members]
    members += [c for s in members[1:] for c in s.conjuncts if c.i > s.i and c not in members]
    # A name set in apposition, then the next person: "Smith's 14-year-old son, Storm Malone, and a
    # 17-year-old family friend, Dasmine Mitchell, were shot" (the parser joins the friend to the name).
    # (A plural's apposition lists its own people: "Two boys, an 11- and 12-year-old, were shot" are two.)
    members += [c for m in list(members) if not _people_in_apposition(m) and "Plur" not in m.morph.get("Number")
                for name in m.children if name.dep_ == "appos" and name.pos_ == "PROPN"
                for c in name.conjuncts if c.i > name.i and c not in members]
    counts = [_one_person(member) for member in members]
    if None in counts:
        return None
    last = max(members, key=lambda m: m.right_edge.i).right_edge
    closed = last.i + 1 < len(last.doc) and last.doc[last.i + 1].text == ","
    total = listed_total(counts, set_off_as_parts(members[0].lower_, closed))
    if len(members) == 1 and any(c.dep_ == "nummod" and c.like_num for c in person.children):
        return None  # "two men": the numeral reader counts it
    return total, person


def is_people_noun(noun) -> bool:
    """Whether a noun is one of people ("officers", "victims", "people")."""
    people = lexicon()["people"]
    return noun.lemma_.lower() in people["nouns"] or noun.lower_ in people["groups"]


def _names_people(noun) -> bool:
    """Whether a noun names people ("officers", "victims", "one else"), not things a bullet hits ("organs")."""
    return is_people_noun(noun) or noun.lower_ in lexicon()["zero"]["heads"]


def _one_more_of_a_group(person) -> bool:
    """"another was wounded", "the other is in stable condition": one person besides one the sentence
    or the story has counted, as the subject of its own clause ("another shooting" is no person), or
    "another" as a casualty verb's object, given a state of its own ("and another in critical condition")
    or a participle ("another injured")."""
    if person.lower_ not in lexicon()["people"]["one_more"]:
        return False
    if person.dep_ == "dobj" or has_own_state(person) or any(c.dep_ == "acl" for c in person.children):
        # "seriously wounded another", "and another in critical condition", a headline's "Teen killed,
        # another injured" (the participle hung on "another")
        return person.lower_ == "another"
    if person.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return person.lower_ == "another" or any(c.dep_ == "det" and c.lower_ == "the" for c in person.children)


def _joined_by_and(person) -> bool:
    return any(c.dep_ == "cc" and c.lower_ == "and" for c in person.children) and bool(person.conjuncts)


def _listed_after(person, other) -> bool:
    """Whether another subject of the person's verb follows it in one list ("A man, two women and a small
    child were killed"): only commas and "and" between them. Not the subject of another clause the
    parser hung on the same verb ("1 child injured after gunman opens fire")."""
    between = person.doc[person.right_edge.i + 1:other.left_edge.i]
    return all(t.is_punct or t.lower_ in ("and", "or") for t in between)


def listed_total(counts: list[int], maybe_parts: bool) -> int:
    """How many people counts listed side by side name: their sum ("three men, two women and a
    child were hurt"), or the first alone when the rest may be its parts and add up to it (a group,
    then its parts: "six people, three men and three women, were shot")."""
    if maybe_parts and len(counts) > 2 and counts[0] == sum(counts[1:]):
        return counts[0]
    return sum(counts)


def set_off_as_parts(first_noun: str, closed_by_comma: bool) -> bool:
    """Whether the counts after a first one may be its parts: the first counts people of any kind
    ("six people", "four victims"), or the rest are set off between commas, an apposition ("four
    teens, two boys and two girls, were shot"); not a plain list ("three men, two women and a child were")."""
    return first_noun.lower() in lexicon()["people"]["groups"] or closed_by_comma


def _names_after_ages(name) -> list:
    """Names set in apposition to a name after its age ("Jones, 19, Leonard Andrews, 21, ..."), and
    to those in turn: other people, as an age between two names shows; a name in apposition to a
    name without one may be the same person."""
    if name.pos_ != "PROPN" or not (entity_type(name) == "PERSON" or _aged(name)):
        return []
    found = []

    def follow(person) -> None:
        ages = [c for c in person.children if c.dep_ == "appos" and c.like_num]
        for other in person.children:
            if other.dep_ == "appos" and other.pos_ == "PROPN" and any(age.i < other.i for age in ages) \
                    and (entity_type(other) == "PERSON" or _aged(other)):
                found.append(other)
                follow(other)

    follow(name)
    return found


def _one_person(token) -> int | None:
    """How many people one conjunct names: a singular person 1, "two women" 2, "a fifth victim" 5."""
    people = lexicon()["people"]
    # A numeral before the noun counts it ("two women"); one set off after a name is an age ("Toya Smith, 43").
    numeral = next((c for c in token.children if c.dep_ == "nummod" and c.like_num and c.i < token.i
                    and not any(t.is_punct for t in token.doc[c.i:token.i])), None)
    if numeral is not None:
        from .figures import names_animals, parse_number

        if names_animals(token):
            return None  # "The 316 dead birds ... plus 10 others": no people
        value = parse_number(numeral.text)
        return int(value) if value is not None and float(value).is_integer() else None
    ordinal = _ordinal(token)
    if ordinal:
        return ordinal
    if token.lemma_.lower() in people["nouns"] and any(c.dep_ in ("det", "predet") and c.lower_ in people["pair"]
                                                       for c in token.children):
        return 2  # "both men"
    if any(c.dep_ == "det" and c.lower_ in people["distributive"] for c in token.children):
        return None  # "each victim was shot": all of them, however many
    ages = _ages_listed(token) or _suspended_ages(token)
    if ages:
        return ages  # "her boys, ages 7 and 8", "his 12- and 10-year-old sons": as many as the ages
    if _SUSPENDED_AGE.match(token.text) and any(_is_age(c) or c.lower_ == "old" for c in token.conjuncts):
        return 1  # "hitting a 25- and 35-year-old in the leg": the first of two people of an age
    named = _people_in_apposition(token)
    if named:
        return named  # "Her parents, Reyna Gonzalez, 42, and Julian Gonzalez, 45, were killed": two
    singular = "Sing" in token.morph.get("Number") or not token.morph.get("Number")
    if token.pos_ == "PRON" and token.lower_ in people["pronouns"]:
        return 1  # "he and two others"
    if token.pos_ == "PROPN" and (entity_type(token) == "PERSON" or _aged(token) or _hit_in_body_part(token)
                                  or _pronounced_dead(token) or _told_of_by_who(token)):
        # a name; the small model often tags a name it has not seen as an organisation or a place ("Vance
        # shot Hampton in the foot": a place is not shot in the foot)
        return 1
    lemma = token.lemma_.lower()
    if singular and (lemma in people["nouns"] or token.lower_.endswith("year-old")):
        return 1
    return None


_SUSPENDED_AGE = re.compile(r"\d{1,3}-$")  # "12-" of "12- and 10-year-old", the age's "-year-old" left to the next


def _suspended_ages(token) -> int | None:
    """How many people a plural noun of people counts by ages whose "-year-old" the last one carries ("his
    12- and 10-year-old sons", "20- and 23-year-old women"): one per age. None without them."""
    if token.lemma_.lower() not in lexicon()["people"]["nouns"] or "Plur" not in token.morph.get("Number"):
        return None
    before = token.doc[token.left_edge.i:token.i]
    suspended = [t for t in before if _SUSPENDED_AGE.match(t.text)]
    if not suspended or not any(_is_age(t) for t in before):
        return None
    return len(suspended) + 1


_AGES_AFTER = re.compile(r",\s+ages\s+\d{1,3}(?:,\s+\d{1,3})*,?\s+and\s+\d{1,3}\b")


def _people_in_apposition(token) -> int | None:
    """How many people a plural noun of people is given in apposition, by name or by kind ("Her parents,
    Reyna Gonzalez, 42, and Julian Gonzalez, 45,", "The wounded victims, two women in their 20s and a man
    in his 40s,"). None without such a list."""
    if token.lemma_.lower() not in lexicon()["people"]["nouns"] or "Plur" not in token.morph.get("Number"):
        return None
    first = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i
                  and (c.pos_ == "PROPN" or c.lemma_.lower() in lexicon()["people"]["nouns"])), None)
    if first is None:
        return None
    listed = [first] + [c for c in first.conjuncts if c.i > first.i]
    counts = [_one_person(person) for person in listed]
    if None in counts or len(listed) < 2:
        return None
    return sum(counts)  # "The wounded victims, two women in their 20s and a man in his 40s,": three


def _ages_listed(token) -> int | None:
    """How many ages a plural noun of people is given in apposition ("her boys, ages 7 and 8"; "men,
    ages 36 and 45"): one person each. None without such a list."""
    if token.lemma_.lower() not in lexicon()["people"]["nouns"] or "Plur" not in token.morph.get("Number"):
        return None
    # Read from the words after the noun: the parser hangs "ages" on the noun, on the verb or on the
    # next noun of a list.
    after = token.doc[token.i + 1:token.i + 14].text
    listed = _AGES_AFTER.match(after)
    return len(re.findall(r"\d+", listed.group(0))) if listed else None


def _aged(token) -> bool:
    """A name given an age before it ("13 year old Shaquez Brunner", "43-year-old Bianca Arter") or set
    off after it ("Aijaholn Tisdale, 19,": the small model may tag such a name an organisation)."""
    return any((c.dep_ == "amod" and _is_age(c)) or (c.dep_ == "appos" and c.like_num and c.i > token.i)
               for c in token.children)


def _is_age(token) -> bool:
    """Whether the token is the "old" of an age ("13 year old", "a six-year-old"), its number under it."""
    return token.lower_ == "old" and any(t.like_num for t in token.subtree)


def _ordinal(token) -> int | None:
    """The N of "a fourth", "a fifth victim" (N >= 2), else None."""
    if token.lower_ in _ordinals() and _ordinals()[token.lower_] >= 2 and \
            any(c.dep_ == "det" and c.lower_ == "a" for c in token.children):
        return _ordinals()[token.lower_]  # "three men shot, a fourth wounded"
    if token.lemma_.lower() in lexicon()["ordinal_heads"]["nouns"]:
        ordinal = next((_ordinals()[c.lower_] for c in token.children if c.dep_ == "amod" and c.lower_ in _ordinals()), None)
        if ordinal and ordinal >= 2:
            return ordinal
    return None


def _definite(token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _ordinals() -> dict[str, int]:
    from .temporal import ORDINALS

    return ORDINALS


def _role(token) -> str | None:
    return role_of_words([token.lemma_.lower(), token.lower_])


def role_of_words(words: list[str]) -> str | None:
    """'suspect' or 'officer' when a word names one ("the gunman", "a deputy"), else None."""
    roles = lexicon()["roles"]
    for role in ("suspect", "officer"):
        if any(w in roles[role] for w in words):
            return role
    return None


def _who(head) -> str:
    words = [t.text for t in head.lefts if t.dep_ in ("amod", "compound", "det") and not t.like_num
             and (t.dep_ != "det" or t.lower_ in lexicon()["distinct"]["markers"])]
    return " ".join(words + [head.text])


_ZERO_NOUNS = ("injuries", "injury", "deaths", "death", "fatalities", "casualties")


def _stated_zero_noun(token) -> str | None:
    """"there were no injuries", "no deaths were reported" -> the measure stated as zero."""
    if token.lower_ not in _ZERO_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None
    return "injured" if token.lower_.startswith("injur") else "killed"


# --- headlines read by their words ----------------------------------------------------------------

def _headline_nouns(extra: list[str] = ()) -> str:
    """The person nouns a headline tells of (not "body", nor the parts of an age), and `extra`, as one
    alternation, the longest first."""
    nouns = [n for n in lexicon()["people"]["nouns"] if n not in ("body", "corpse", "old", "year-old")] + list(extra)
    return "|".join(sorted(set(nouns), key=len, reverse=True))


def _headline_verb_after() -> str:
    """What follows a headline's people: an optional auxiliary and adverb, a casualty verb, then what
    follows it (to tell the end of the clause from an object)."""
    words = lexicon()["headline"]
    auxiliaries = "|".join(a.replace(" ", r"\s+") for a in words["auxiliaries"])
    verbs = "|".join(words["hit_verbs"] + words["dead_verbs"])
    return (rf"\s+(?:(?:{auxiliaries})\s+)?(?:(?P<adverb>{'|'.join(words['adverbs'])})\s+)?(?P<verb>{verbs})\b"
            r"(?P<between>[^\w]*)(?P<next>[\w']+)?")


@lru_cache(maxsize=1)
def _headline_pattern() -> re.Pattern:
    """[headline]: a person noun or an age, then its casualty verb (`_headline_verb_after`)."""
    nouns = _headline_nouns()
    person = rf"(?:(?:\d{{1,3}}|[a-z]+)-year-old(?:\s+(?:{nouns}))?|(?:{nouns}))"
    return re.compile(rf"(?i)(?<![\w-])(?P<person>{person}){_headline_verb_after()}")


def headline_casualties(title: str, read: list[Figure], when: str | None = None) -> list[Figure]:
    """The title's figures (`read`, from its parse) with the people the headline tells of one by one
    ("Broken Arrow teen shot in church parking lot") where the parse found no count over the same
    words: one person each, hit (SHOT) or killed. A person the parse read as hit whom the headline
    says died ("Teen shot in head during drive-by in Lakewood dies") is one killed."""
    figures = list(read)
    for match in _headline_pattern().finditer(title):
        if _object_follows(match):
            continue  # "Man shot wife": the man is the one who shot
        start, end, killed = match.start("person"), match.end("verb"), _said_killed(match, title)
        over = [f for f in figures if f.start < end and start < f.end]
        if over and not (killed and all(f.implicit and f.value == 1 and f.measure == SHOT for f in over)):
            continue
        person = match.group("person")
        figures = [f for f in figures if f not in over] + [
            Figure(measure="killed" if killed else SHOT, value=1, qualifier="exact", low=1, high=1, vague=False,
                   who=person, where=None, when=when, start=start, end=end, span=title[start:end], sentence=title,
                   implicit=True, role=role_of_words(person.lower().split()), part="title")]
    return sorted(_headline_lists(title, figures, when), key=lambda f: f.start)


@lru_cache(maxsize=1)
def _headline_list_pattern() -> tuple[re.Pattern, re.Pattern]:
    """[headline]: people listed a comma apart, from the headline's start or a colon, before one
    casualty verb ("4-year-old boy, woman shot", "Man, 3 girls shot", "2 teens, man wounded");
    and one item of such a list (an optional count, up to two words, a person noun)."""
    words, roles = lexicon()["headline"], lexicon()["roles"]
    noun = _headline_nouns(words["listed_plurals"] + roles["suspect"] + roles["officer"])
    count = "|".join([r"\d{1,3}"] + words["listed_counts"])
    item = rf"(?:(?P<count>{count})\s+)?(?:[\w-]+\s+){{0,2}}?(?P<noun>(?:{noun})s?)(?![\w-])"
    bare = item.replace("?P<count>", "?:").replace("?P<noun>", "?:")
    listed = re.compile(rf"(?i)(?:^|(?<=:))\s*(?P<list>{bare}(?:\s*,\s*{bare})+){_headline_verb_after()}")
    return listed, re.compile(rf"(?i){item}")


def _headline_lists(title: str, figures: list[Figure], when: str | None) -> list[Figure]:
    """People a headline lists a comma apart before their verb, some counted and some not ("Man, 3 girls
    shot" is four; the parse reads the last item alone): one figure of their sum, in place of the
    figures over the same words. A list of counts only ("3 men, 1 woman wounded") is added up from
    its figures (events._listed_together); a plural without a count ("Man, teens shot") says no number."""
    listed, item = _headline_list_pattern()
    for match in listed.finditer(title):
        if _object_follows(match):
            continue
        start, end, measure = match.start("list"), match.end("verb"), "killed" if _said_killed(match, title) else SHOT
        items = [item.fullmatch(part.strip()) for part in match.group("list").split(",")]
        if None in items:
            continue
        counts = [_listed_count(found) for found in items]
        if None in counts or all(_numeral_of(found) for found in items):
            continue
        roles = {role_of_words([found.group("noun").lower().rstrip("s")]) for found in items}
        total = sum(counts)
        figures = [f for f in figures if not (f.start < end and start < f.end)] + [
            Figure(measure=measure, value=total, qualifier="exact", low=total, high=total, vague=False,
                   who=match.group("list"), where=None, when=when, start=start, end=end, span=title[start:end],
                   sentence=title, implicit=True, role=roles.pop() if len(roles) == 1 else None, part="title")]
    return figures


def _listed_count(found: re.Match) -> int | None:
    """How many one item of a headline's list names: its count, else one for a singular noun (None for
    a plural without a count: "teens")."""
    from .figures import parse_number

    noun = found.group("noun").lower()
    plural = noun in lexicon()["headline"]["listed_plurals"] or \
        (noun.endswith("s") and noun[:-1] in lexicon()["people"]["nouns"])
    number = _numeral_of(found)
    if number:
        value = parse_number(number)
        return int(value) if value is not None else None
    return None if plural else 1


def _numeral_of(found: re.Match) -> str | None:
    """The count an item of a headline's list starts with, lower-cased; None for none or an article."""
    number = (found.group("count") or "").lower()
    return number if number and number not in ("a", "an") else None


def _object_follows(match: re.Match) -> bool:
    """Whether a word that is no end of the clause follows the headline's verb (its object)."""
    set_off = re.search(r"[,;:|\-–—]", match.group("between")) is not None
    return bool(match.group("next")) and not set_off and match.group("next").lower() not in lexicon()["headline"]["then_words"]


def _said_killed(match: re.Match, title: str) -> bool:
    """The verb says so ("dies", "killed"), its adverb ("fatally shot"), what follows it ("shot, killed",
    "shot and killed"), or the rest of its clause ("Teen shot in Miami dies, two others wounded")."""
    words = lexicon()["headline"]
    rest = title[match.end("verb"):].split(";")[0]
    return match.group("verb").lower() in words["dead_verbs"] \
        or (match.group("adverb") or "").lower() in words["fatal_adverbs"] \
        or re.match(rf"[\s,]*(?:and\s+)?(?:{'|'.join(words['fatal_after'])})\b", rest, re.I) is not None \
        or re.search(rf"\b(?:{'|'.join(words['died_later'])})\b", re.split(r"[,:|]", rest)[0], re.I) is not None
