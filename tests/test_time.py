"""The time layer on real text: narrative anchoring, past anchors, inferred publication dates, TempEval-3 scores."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pytest

from annalist import temporal
from conftest import gvc_articles, need_shared
from annalist.evaluation import read_gold_dir, score_time
from annalist.annotate import annotate
from annalist.ingest import ingest


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def values(text: str, dct: str | None) -> dict[str, str]:
    return {t.text: t.value for t in temporal.tag(text, dct)}


def seed(baku_dir: Path, prefix: str) -> str:
    return next(baku_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_story_time_stays_in_1990_where_heideltime_moves_to_the_dct(baku_dir):
    # HeidelTime, given DCT 2024-01-20, resolves these to 2024 (shared/NOTES.md).
    got = values(seed(baku_dir, "003"), "2024-01-20")
    assert got["the night of January 19 to 20"] == "1990-01-19/1990-01-20"
    assert got["The next day"] == "1990-01-21"
    assert got["January 21"] == "1990-01-21"
    assert got["20 January 1990"] == "1990-01-20"
    assert got["February 1994"] == "1994-02"


def test_the_morning_following_the_events_is_the_day_after(baku_dir):
    timexes = temporal.tag(seed(baku_dir, "001"), "2024-01-20")
    following = [t for t in timexes if t.text.lower().startswith("the morning following")]
    assert [t.value for t in following] == ["1990-01-21TMO"]
    assert following[0].anchor == "mentioned 1990-01-20"  # the day the story last named: the night's last day


def test_deictic_expressions_follow_the_dct():
    text = "Officials said on Tuesday that the talks, which began last year, will resume tomorrow."
    got = values(text, "1998-02-13")  # a Friday
    assert got == {"Tuesday": "1998-02-10", "last year": "1997", "tomorrow": "1998-02-14"}


@pytest.fixture
def baku_store(baku_dir, store):
    ingest([baku_dir], store, workers=1)
    annotate(store, workers=1)
    return store


def test_every_gold_anchor_resolves_to_the_event_year(baku_store, baku_gold):
    by_file = {Path(d.origin).name: d.id for d in baku_store.documents()}
    timexes = baku_store.timexes()
    for anchor in baku_gold["event"]["anchors"]:
        doc_id = by_file[anchor["file"]]
        resolved = [t.value for d, t in timexes if d == doc_id and t.rule.startswith("past_anchor")
                    and anchor["text"].lower() in t.text.lower()]
        assert resolved and set(resolved) == {anchor["resolves_to"]}, anchor


def test_inferred_dates_renormalise_the_article(baku_store):
    doc = next(d for d in baku_store.documents() if Path(d.origin).name.startswith("004"))
    assert (doc.published, doc.published_how) == ("2019", "inferred")
    got = {t.text: t.value for d, t in baku_store.timexes(doc.id)}
    assert got["This month"] == "2019-XX"  # against the inferred year, not left unknown


def test_undated_articles_are_dated_a_slice_at_a_time(baku_dir, store, monkeypatch):
    """The undated articles are read with their timexes one slice at a time (here one article each),
    and the corpus's event day from its absolute dates alone: the same dates as the whole archive read
    at once gives."""
    from annalist import annotate as annotate_stage
    from annalist.store import by_document

    monkeypatch.setattr(annotate_stage, "INFERRED_AT_ONCE", 1)
    ingest([baku_dir], store, workers=1)
    annotate(store, workers=1)
    absolute = temporal.corpus_event_date(by_document(store.timexes_anchored("absolute")))
    assert absolute == temporal.corpus_event_date(by_document(store.timexes())) == "1990-01-20"
    dated = {Path(d.origin).name[:3]: (d.published, d.published_how) for d in store.documents()}
    assert dated["004"] == ("2019", "inferred") and dated["002"] == (None, "unknown")


def test_nothing_pins_seed_002(baku_store):
    doc = next(d for d in baku_store.documents() if Path(d.origin).name.startswith("002"))
    assert (doc.published, doc.published_how) == (None, "unknown")


@pytest.mark.parametrize("corpus,value_floor,relaxed_floor", [
    ("datasets/tempeval3/TBAQ-cleaned/TimeBank", 0.76, 0.91),
    ("datasets/tempeval3/TBAQ-cleaned/AQUAINT", 0.73, 0.91),
    ("datasets/meantime_newsreader_en/intra-doc_annotation", 0.75, 0.88),
])
def test_tempeval3_scores_do_not_regress(corpus, value_floor, relaxed_floor):
    from conftest import need_shared

    result = score_time(read_gold_dir(need_shared(corpus)))
    assert result["docs"] > 50
    # floors a little under the measured figures (0.779/0.928, 0.746/0.925, 0.771/0.896)
    assert result["value_f1"] >= value_floor and result["extent_relaxed_f1"] >= relaxed_floor, result


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annalist.cli", *args], capture_output=True, text=True, timeout=300)


def test_dates_and_eval_json_contracts(baku_dir, tmp_path):
    from conftest import need_shared

    db = str(tmp_path / "t.db")
    assert run("ingest", str(baku_dir), "--db", db, "--quiet").returncode == 0
    rows = json.loads(run("dates", "--db", db, "--json").stdout)
    assert rows and all({"doc", "text", "start", "end", "type", "value", "anchor"} <= set(r) for r in rows)
    evaluation = run("eval", "time", "--gold", str(need_shared("datasets/tempeval3/TBAQ-cleaned/AQUAINT")), "--json")
    assert {"docs", "extent_strict_f1", "extent_relaxed_f1", "value_f1", "type_accuracy"} <= set(json.loads(evaluation.stdout))


# --- not-dates (issue 12): every suspicious year-only DATE the time layer gives on Timeline17 --------

_NOT_DATE_CONTEXT = {
    "a clock time with its zone": r"^\s*(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|ET|hours|hrs)\b",
    "a street block or address": r"^\s*(?:block|blocks)\b|^(?:\s+[A-Z][a-z.]*){1,2}\s+(?:Street|St\.|Avenue|Ave\.?|Road|Boulevard|Lane|Drive)\b",
    "a year before Christ": r"^\s*(?:BC|B\.C\.|BCE)\b",
}


def _suspicious_years(timeline17_dir: Path) -> list[tuple[str, str, str, str]]:
    """(file, value, text before, text after) of every year-only DATE before 1900 or more than a year
    after its article's publication date, over every Timeline17 article."""
    from annalist.sources import decode_bytes

    found = []
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        published = path.parent.name
        text = decode_bytes(path.read_bytes())
        for t in temporal.tag(text, published):
            if t.type == "DATE" and len(t.value) == 4 and t.value.isdigit() and \
                    (int(t.value) < 1900 or int(t.value) > int(published[:4]) + 1):
                found.append((path.name, t.value, text[max(0, t.start - 40):t.start], text[t.end:t.end + 40]))
    return found


def test_no_year_on_timeline17_is_a_clock_a_block_or_a_stamp(timeline17_dir):
    """Clock times ("1930 GMT", "(Updated 11:58 a.m. (1858 in Egypt))"), street blocks ("the 1500
    block"), live-blog stamps ("2048 :") and years before Christ are not dates. What remains of the
    listed years is history ("in 1789") or the future a text names ("a campaign in 2012")."""
    years = _suspicious_years(timeline17_dir)
    assert len(years) > 100  # the articles do name history and future years
    wrong = [(name, value, before[-30:], after[:30]) for name, value, before, after in years
             for kind, pattern in _NOT_DATE_CONTEXT.items() if re.search(pattern, after)]
    wrong += [(name, value, before[-30:], after[:30]) for name, value, before, after in years
              if re.search(r"\d:\d\d\s*[ap]\.?m\.?\W{0,12}$", before)  # "(Updated 11:58 a.m. (1858 in Egypt"
              or re.search(r"(?:^|\n)\s*$", before) and re.match(r"\s*:(?!\d)", after)]  # a live blog's "2048 :"
    assert not wrong, wrong


def test_a_resolution_number_is_no_year(timeline17_dir):
    """"U.N. Security Council Resolution 1973", "resolutions 1970 and 1973" name resolutions, not years
    (each was the year, and moved the story there: "Resolution 1970, which imposed a comprehensive arms
    embargo in February" was February 1970)."""
    resolution = re.compile(r"(?i)\bresolutions?\s+(?:1970\s+and\s+)?(19[67]\d)\b")
    numbers = 0
    for path in sorted(timeline17_dir.glob("LibyaWar_*/InputDocs/*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        said = {m.start(1) for m in resolution.finditer(text)}
        if said:
            numbers += len(said)
            assert not [t for t in temporal.tag(text, path.parent.name) if t.start in said], path
    assert numbers >= 50, numbers
    assert set(_tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-07-01/361.htm.txt", "February")) == {"2011-02"}


def test_a_cars_model_year_is_no_year(gvc_dir):
    """Police lookouts' "a gray or silver 2005 or 2006 Toyota Tacoma", "a black 2016 Dodge Challenger" name
    cars: every model year so written in GVA's coverage is no date (each was one, and moved the story:
    "crashed her 2000 Hyundai at 7:40 p.m. April 20" was 2000-04-20)."""
    model_year = re.compile(r"\b((?:19|20)\d\d) (?:Toyota|Chevrolet|Chevy|Dodge|Ford|Honda|Nissan|GMC|Pontiac|Mitsubishi) [A-Z]")
    cars = 0
    for article in gvc_articles(gvc_dir):
        said = {m.start(1) for m in model_year.finditer(article["text"])}
        if not said:
            continue
        cars += len(said)
        tagged = temporal.tag(article["text"], (article.get("published") or "")[:10] or None)
        assert not [t for t in tagged if t.start in said], article["text"][:80]
    assert cars >= 25, cars
    _, published, tagged = gva_stating(gvc_dir, "crashed her 2000 Hyundai at 7:40 p.m. April 20")
    assert [t.value for t in tagged if t.text == "7:40 p.m. April 20"] == [f"{published[:4]}-04-20T19:40"]


def test_clock_times_blocks_and_stamps_are_not_years():
    tagged = temporal.tag("The cap was fitted at 1930 GMT. Police came to the 16800 block of Lake Road on March 27.\n"
                          "2048 : Protesters gathered. Hammurabi ruled until 1750 BC.", "2010-06-05")
    by_text = {t.text: (t.type, t.value) for t in tagged}
    assert by_text["1930 GMT"] == ("TIME", "2010-06-05T19:30Z")
    assert by_text["March 27"] == ("DATE", "2010-03-27")
    assert by_text["2048"] == ("TIME", "2010-06-05T20:48")
    assert not any(t.value in ("1680", "1750") for t in tagged)
    joined = {t.text: t.value for t in temporal.tag("The well was capped at 1930 GMT on Thursday.", "2010-06-05")}
    assert joined == {"1930 GMT on Thursday": "2010-06-03T19:30Z"}  # a time of day stays part of its day


def test_a_date_bounding_a_span_leaves_the_story_in_its_year():
    """WikiWars' World War II narrative: "an assault ... that lasted until the fall of Budapest in
    February 1945" ends a span; the next "mid-June" and "early August" are still 1944 (the gold's)."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    ww2 = docs["01_WW2"]
    after = ww2.text.index("until the fall of Budapest in February 1945")
    gold = [g for g in ww2.timexes if after < g.start < after + 800
            and re.fullmatch(r"(?:mid-June|early August)", ww2.text[g.start:g.end])]
    assert len(gold) == 2
    found = {t.start: t.value for t in temporal.tag(ww2.text, ww2.dct)}
    assert [found.get(g.start) for g in gold] == [g.value for g in gold]


def test_the_date_a_figure_is_current_to_leaves_the_story_in_its_year():
    """WikiWars' Iraq War narrative, in the invasion's year: "... of U.S. military deaths (as of December
    5, 2006)" dates a figure, not the story; the next paragraph's "throughout the summer" is still 2003
    (the gold's), not 2006."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    iraq = docs["07_IraqWar"]
    after = iraq.text.index("(as of December 5, 2006)")
    gold = [g for g in iraq.timexes if after < g.start < after + 1500 and iraq.text[g.start:g.end] == "the summer"]
    assert [g.value for g in gold] == ["2003-SU"]
    found = {t.start: t.value for t in temporal.tag(iraq.text, iraq.dct)}
    assert found.get(gold[0].start) == "2003-SU"


def test_the_day_before_or_after_an_event_set_beside_a_day_is_that_day(timeline17_dir):
    """"reported on Tuesday, the day after Algeria angered Libya's new rulers" is that Tuesday, not the
    Wednesday after it; "on Thursday, the day before Mubarak resigned" that Thursday; "Oct. 12, the day
    before the stock market plunge" (TimeBank) October 12, the gold's. Not set beside a day, "the day
    after" still steps from the day last named."""
    def value(path: str, phrase: str) -> str:
        file = timeline17_dir / path
        text = file.read_text(encoding="utf-8", errors="replace")
        at = text.index(phrase)
        return next(t.value for t in temporal.tag(text, file.parent.name) if t.start == at)

    assert value("LibyaWar_reuters/InputDocs/2011-08-30/351.htm.txt", "the day after Algeria") == "2011-08-30"
    assert value("EgyptianProtest_cnn/InputDocs/2011-02-12/211.htm.txt", "the day before Mubarak resigned") == "2011-02-10"
    assert value("LibyaWar_cnn/InputDocs/2011-03-29/317.htm.txt", "the day before the president") == "2011-03-27"
    told = [(t.text, t.value) for t in temporal.tag("Eight trading days after Oct. 12, the day before the stock "
                                                    "market plunge, the index fell.", "1989-10-30")]
    assert ("the day before", "1989-10-12") in told
    assert [(t.text, t.value) for t in temporal.tag("He was shot on Friday. He died the day after.", "2016-05-02")] \
        == [("Friday", "2016-04-29"), ("the day after", "2016-04-30")]


def test_a_history_opening_on_a_season_of_a_year_is_in_that_year():
    """A text with no creation date whose story opens "In the spring of 1862": its next "On May 31" and "A
    month later" are 1862's (they were XXXX-05-31 and a duration, P1M, with no year to count from); a
    sentence opening "In the fall of 1862," moves the story there too (17 September was 1861's)."""
    text = ("In the spring of 1862, the Union army advanced up the peninsula. On May 31, the armies met at Seven "
            "Pines. A month later, the fighting resumed.")
    assert [(t.text, t.value) for t in temporal.tag(text, None)] == \
        [("the spring of 1862", "1862-SP"), ("May 31", "1862-05-31"), ("A month later", "1862-06")]
    # so is a sentence that opens on one: the scene is set there
    later = {t.text: t.value for t in temporal.tag("The war lasted from 1861 until 1865. In the fall of 1862, Lee "
                                                   "invaded Maryland. On the morning of 17 September, the battle began.", None)}
    assert later["the morning of 17 September"] == "1862-09-17TMO"


def test_a_historys_month_placed_by_that_year_or_the_following_keeps_the_story_there():
    """Histories with no creation date, written for this test: "in January of the following year" moves
    the story as "January 1949" would (the later "1 October" was 1948's); "Later that year, ... in
    November" is that year's November, not the one nearest the story's March (1964); "A month later"
    after "In August" of 480 BC is September of 480 BC (it counted from January)."""
    def told(text: str) -> dict[str, str]:
        return {t.text: t.value for t in temporal.tag(text, None)}

    civil_war = told("The Liaoshen campaign ended in November 1948, and the Huaihai campaign in January of the "
                     "following year. In April the Communists crossed the Yangtze, and on 1 October Mao proclaimed "
                     "the People's Republic.")
    assert (civil_war["April"], civil_war["1 October"]) == ("1949-04", "1949-10-01")
    vietnam = told("In early 1965, the bombing campaign began; on 8 March, the first combat troops landed at Da Nang. "
                   "Later that year, the Battle of Ia Drang was fought in November.")
    assert vietnam["November"] == "1965-11"
    persian = told("In 480 BC, Xerxes invaded Greece. In August, the Persians forced the pass at Thermopylae. "
                   "A month later, the Greek fleet won at Salamis.")
    assert (persian["August"], persian["A month later"]) == ("BC0480-08", "BC0480-09")


def test_a_history_goes_on_in_the_next_year_it_names():
    """A history written for this test: "Early the next year, the United States broke off relations with
    Germany, and in April it declared war. In November, the Bolsheviks seized power" after 1916: April and
    November are 1917's (they were 1916's). "continued for the next year" is a span and moves nothing."""
    found = {t.text: t.value for t in temporal.tag(
        "In February 1916, the Germans attacked Verdun. On 1 July, the British attacked on the Somme. Early the "
        "next year, the United States broke off relations with Germany, and in April it declared war. In November, "
        "the Bolsheviks seized power in Russia.", None)}
    assert (found["April"], found["November"]) == ("1917-04", "1917-11")
    span = {t.text: t.value for t in temporal.tag(
        "The revolt broke out in March 1920. Fighting continued for the next year. In June, the rebels surrendered.",
        None)}
    assert span["June"] == "1920-06"


def test_a_month_name_inside_a_name_is_no_month():
    """"The Long March (1934-35) took the Communists to Yan'an" (a history written for this test): "Long
    March" is the march's name, not a March of no year (it was XXXX-03); "the following March" is a month."""
    assert [(t.text, t.value) for t in temporal.tag("The Long March (1934–35) took the Communists to Yan'an.", None)] \
        == [("1934", "1934"), ("35", "1935")]
    assert [t.value for t in temporal.tag("He joined in 1930. The following March, he was promoted.", None)] \
        == ["1930", "1931-03"]


def test_a_history_goes_on_from_a_month_it_names_across_new_year():
    """A history written for this test: "Following the surrender of Japan on 15 August 1945 ... Marshall
    arrived in December and negotiated a ceasefire, which took effect on 10 January": the story goes on
    from December, and its 10 January is 1946's (it was 1945-01-10, seven months back). A January day
    after July is still the story's year: a look back, not a new year."""
    found = {t.text: t.value for t in temporal.tag(
        "Following the surrender of Japan on 15 August 1945, both sides raced to take over. Marshall arrived in "
        "December and negotiated a ceasefire, which took effect on 10 January.", None)}
    assert (found["December"], found["10 January"]) == ("1945-12", "1946-01-10")
    back = {t.text: t.value for t in temporal.tag(
        "The offensive opened on 3 July 1943. The plan had been drawn up on 10 January.", None)}
    assert back["10 January"] == "1943-01-10"


def test_a_week_of_a_month_with_its_year_moves_the_story():
    """"The armistice was signed on 27 July 1953. In the first week of May 1951, the Chinese offensive was
    halted. The following week, UN forces counterattacked" (written for this test): the following week is
    the one after May 1951's first (it was counted from 27 July 1953)."""
    found = {t.text: t.value for t in temporal.tag(
        "The armistice was signed on 27 July 1953. In the first week of May 1951, the Chinese offensive was "
        "halted. The following week, UN forces counterattacked.", None)}
    assert (found["the first week of May 1951"], found["The following week"]) == ("1951-W18", "1951-W19")


def test_a_month_joined_by_a_dash_to_one_with_a_year_takes_that_year():
    """"The Overland Campaign of May–June 1864" after "Late in 1863" (written for this test): May is 1864's,
    as in "May and June 1864" (it was 1863's, the story's)."""
    found = [(t.text, t.value) for t in temporal.tag(
        "Late in 1863, Grant won at Chattanooga. The Overland Campaign of May–June 1864 cost 55,000 casualties.", None)]
    assert ("May", "1864-05") in found and ("June 1864", "1864-06") in found


def test_a_date_a_history_plans_for_does_not_move_its_story():
    """"After the French defeat at Dien Bien Phu in May 1954, the Geneva Accords divided Vietnam. Elections
    were scheduled for July 1956 but never held. In August, ..." (written for this test): the elections
    were planned, not held; the story is still in 1954 (August was 1956's)."""
    found = {t.text: t.value for t in temporal.tag(
        "After the French defeat at Dien Bien Phu in May 1954, the Geneva Accords divided Vietnam. Elections were "
        "scheduled for July 1956 but never held. In August, refugees moved south.", None)}
    assert (found["July 1956"], found["August"]) == ("1956-07", "1954-08")


def test_a_weekday_a_present_verb_of_a_timetable_sets_is_the_coming_one(timeline17_dir):
    """"A federal judicial panel is meeting Thursday in Boise" (Fox News, Tuesday 2010-07-27) is the coming
    Thursday, 07-29, not the last (07-22); so is "He returns Thursday". Not a weekday's possessive ("up from
    Friday's figure") nor one a past verb governs ("who is 45, died Thursday")."""
    def value(path: str, phrase: str, word: str) -> str:
        file = timeline17_dir / path
        text = file.read_text(encoding="utf-8", errors="replace")
        at = text.index(phrase) + phrase.index(word)
        return next(t.value for t in temporal.tag(text, file.parent.name) if t.start == at)

    assert value("bpoil_foxnews/InputDocs/2010-07-27/932.htm.txt", "panel is meeting Thursday", "Thursday") == "2010-07-29"
    assert [(t.text, t.value) for t in temporal.tag("He returns Thursday. The bill is up from Friday's figure. "
                                                    "The man, who is 45, died Thursday.", "1998-02-13")] == \
        [("Thursday", "1998-02-19"), ("Friday", "1998-02-13"), ("Thursday", "1998-02-12")]


def test_noon_before_a_date_is_noon_of_that_date(timeline17_dir):
    """"from midnight to noon on 27 June nearly 8000 barrels of oil were collected" (Guardian, 2010-06-28):
    noon of 27 June, one expression (the noon was the report's day's)."""
    file = timeline17_dir / "bpoil_guardian/InputDocs/2010-06-28/1578.htm.txt"
    found = {t.text: t.value for t in temporal.tag(file.read_text(encoding="utf-8", errors="replace"), "2010-06-28")}
    assert found.get("noon on 27 June") == "2010-06-27T12:00"


def test_a_day_named_before_a_history_moved_on_is_not_what_the_next_day_follows():
    """"At noon on 7 June 1944, Bayeux was taken. In the last days of April 1945, Hitler killed himself.
    Before dawn the next day, ..." (written for this test): the next day is not 8 June 1944; the story is
    in April 1945, whose day the text does not give."""
    found = {t.text: t.value for t in temporal.tag(
        "At noon on 7 June 1944, Bayeux was taken. In the last days of April 1945, Hitler killed himself. "
        "Before dawn the next day, the bunker was quiet.", None)}
    assert found["noon on 7 June 1944"] == "1944-06-07T12:00"
    assert found["the next day"] == "XXXX-XX-XX"


def test_wikiwars_value_f1_does_not_regress():
    from conftest import need_shared

    result = score_time(read_gold_dir(need_shared("datasets/wikiwars/tml")))
    assert result["docs"] == 11
    assert result["value_f1"] >= 0.86, result  # measured 0.8715 (tune 0.8951, check 0.8359) at the end of session 32


def test_years_before_the_common_era_are_dates_and_count_forward():
    """WikiWars' Greco-Persian Wars: every "N BC" of the text is the date BC0N (as TimeML writes it),
    and a year stated relative to one counts towards the present ("480 BC ... two years later" is
    478 BC); "AD 43" is 0043."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    text = docs["09_GrecoPersian"].text
    timexes = temporal.tag(text, None)
    stated = [(m.start(1), int(m.group(1))) for m in re.finditer(r"(?<![\w-])(\d{3,4})\s+BC\b", text)]
    assert len(stated) >= 20
    for start, year in stated:
        value = next((t.value for t in timexes if t.start <= start < t.end), None)  # "June 479 BC" holds "479 BC"
        assert value and value.startswith(f"BC{year:04d}"), (text[start - 30:start + 10], value)
    assert not [t.value for t in timexes if t.value.startswith("-")]  # no year written as a negative number
    later = temporal.tag("In 480 BC Xerxes invaded Greece. Two years later the league was formed. Claudius came in AD 43.", None)
    assert [t.value for t in later] == ["BC0480", "BC0478", "0043"]


def test_a_century_or_a_season_before_the_common_era_keeps_its_era():
    """"the 4th century BC" is BC03 (its years are 399 to 300 BC) and "the spring of 480 BC" BC0480-SP, each one
    expression with its era, as TimeML writes them; before, the era was left off the century (03, the 4th
    century of the common era) and the season was split from its year. Every such gold expression of the
    four corpora (four, all in WikiWars), and the story goes on from the season's year."""
    shape = re.compile(r"(?i)\b(?:century|spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?:\d{1,4}\s*)?B\.?C")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.search(text[gold.start:gold.end]))
    assert len(found) >= 4 and all(ours is not None and ours.value == gold.value for gold, ours in found), \
        [(gold.value, ours and ours.value) for gold, ours in found]
    story = temporal.tag("In the spring of 216 BC he marched south, and in August he won at Cannae. In the 3rd "
                         "century AD the city rose again.", None)
    assert [(t.text, t.value) for t in story] == [("the spring of 216 BC", "BC0216-SP"), ("August", "BC0216-08"),
                                                  ("the 3rd century AD", "02")]


def test_a_day_part_an_ordinal_day_or_a_half_year_before_the_common_era_keeps_its_era():
    """The rules that read a day's part ("the morning of 2 August 216 BC"), a day written "the 2nd of
    August" or a half year took only years of ours: before, the first was XXXX-08-02TMO and "the night of
    5 March 44 BC" after a date of 1916 became 1916-03-05TNI, a day of the wrong era; the others lost
    their day or half. The same forms of our era read as before (a fictional history)."""
    story = temporal.tag("The armies met on the morning of 2 August 1916. Caesar fell on the night of 5 March "
                         "44 BC; on the 2nd of August 216 BC Hannibal had won at Cannae, and in the first half "
                         "of 216 BC Rome had raised new legions. In the first half of 1916 the front held.", None)
    assert [(t.text, t.value) for t in story] == [
        ("the morning of 2 August 1916", "1916-08-02TMO"), ("the night of 5 March 44 BC", "BC0044-03-05TNI"),
        ("the 2nd of August 216 BC", "BC0216-08-02"), ("the first half of 216 BC", "BC0216-H1"),
        ("the first half of 1916", "1916-H1")]


def test_the_era_after_a_range_or_a_pair_dates_both_years():
    """"between 431 and 404 BC", "from 264 to 241 BC", "218–201 BC": the era is written once, after the
    second year, and the first is before the common era too; "2 August 216 BC" is a day of that year,
    "the winter of 218-217 BC" one season, "the 240s BC" a decade (a fictional history). In the four corpora's gold, the first
    years of such pairs are read with their era."""
    story = temporal.tag("Athens and Sparta fought between 431 and 404 BC. Rome fought Carthage from 264 to "
                         "241 BC and again in 218–201 BC; Hannibal won on 2 August 216 BC and wintered in "
                         "the winter of 218-217 BC in the Po valley. Carthage had grown rich in the 240s BC.", None)
    assert [(t.text, t.value) for t in story] == [
        ("431", "BC0431"), ("404 BC", "BC0404"), ("264", "BC0264"), ("241 BC", "BC0241"), ("218", "BC0218"),
        ("201 BC", "BC0201"), ("2 August 216 BC", "BC0216-08-02"), ("the winter of 218-217 BC", "BC0218-WI"),
        ("the 240s BC", "BC024")]
    first_of_pair = re.compile(r"^\s*(?:and|to|or|until|through|[-–—])\s*\d{1,4}\s*B\.?C")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: re.fullmatch(r"\d{1,4}", text[gold.start:gold.end])
                          and first_of_pair.match(text[gold.end:gold.end + 20]))
    right = sum(ours is not None and ours.value == gold.value for gold, ours in found)
    assert found and right >= 0.8 * len(found), (right, len(found))


def test_an_era_written_against_its_year_dates_it_wherever_it_stands():
    """"ruled from 1792 to 1750BC" (Timeline17's Iraq coverage): the era glued to its year is found
    whatever words stand near it. The era rules run around the digits every one of their matches holds;
    they ran around the words "a", "ad", "b", ... and found "1750BC" only when such a word stood near."""
    story = temporal.tag("Hammurabi, who ruled from 1792 to 1750BC, wrote laws. Nebuchadnezzar ruled "
                         "from 604 to 562BC, when Rome was young.", None)
    assert [(t.text, t.value) for t in story] == [("1792", "BC1792"), ("1750BC", "BC1750"), ("604", "BC0604"),
                                                  ("562BC", "BC0562")]


def test_the_following_spring_is_the_first_after_the_storys_month(timeline17_dir):
    """A history's "The following spring" after July 1862 is 1863's, "The previous winter" 1861's (TimeML's
    winter of a year is its December to February), "That summer" 1862's, and "the winter of 1861-62" one
    expression; "that fall" stays the verb it is in every Timeline17 article that writes it ("firms that
    fall into trouble", "buildings that fall down")."""
    story = temporal.tag("The army took the town in July 1862. That summer disease spread. The following spring "
                         "fighting resumed. The previous winter had been mild. In the winter of 1861-62 both armies "
                         "rested.", None)
    assert [(t.text, t.value) for t in story] == [
        ("July 1862", "1862-07"), ("That summer", "1862-SU"), ("The following spring", "1863-SP"),
        ("The previous winter", "1861-WI"), ("the winter of 1861-62", "1861-WI")]
    verbs = 0
    for path in timeline17_dir.glob("*/InputDocs/*/*"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(r"(?i)\bthat fall\b", text):
            verbs += 1
            assert not [t for t in temporal.tag(text, path.parent.name) if t.text.lower() == "that fall"], path
    assert verbs >= 4


def _tagged(path: Path, expression: str) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [t.value for t in temporal.tag(text, path.parent.name) if t.text == expression]


def test_months_later_than_a_year_alone_are_a_year(timeline17_dir):
    """Months after a story that has only its year ("following the invasion of Afghanistan [2001] and
    handed over to Libyan custody two months later") are that year: there is no month to count from
    (it counted from January, 2001-03, as if the year began the story)."""
    assert _tagged(timeline17_dir / "LibyaWar_cnn/InputDocs/2011-06-08/138.htm.txt", "two months later") == ["2001"]
    assert _tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-10-02/165.htm.txt", "Over a month later") == \
        ["2011"]


def test_a_range_of_amounts_ago_is_one_expression_at_its_lower_end(gvc_dir):
    """"moved in about 6-8 months ago" is one expression, read at its lower end as a range of lengths is
    ("two to three weeks" P2W): six months back (it was "8 months ago" alone); the document's time layer
    lists it once, not again as the past anchor "8 months ago" within it."""
    from annalist.temporal.documents import annotate as time_layer

    article, published, _ = gva_stating(gvc_dir, "moved in about 6-8 months ago")
    tagged = [(t.text, t.value) for t in time_layer(article["text"], published) if "months ago" in t.text]
    year, month = divmod(int(published[:4]) * 12 + int(published[5:7]) - 1 - 6, 12)
    assert tagged == [("about 6-8 months ago", f"{year:04d}-{month + 1:02d}")], tagged


def test_a_past_verb_after_a_relative_pronoun_and_its_subject_tells_of_the_past(timeline17_dir):
    """"mud ... will be injected into Macondo through a relief well that engineers began drilling at the
    beginning of May" (August 2010) is May 2010, "said that armed men ... fatally shot his two brothers
    Friday" the Friday gone, "optimistic that the cap placed on top of the Gulf of Mexico well on Thursday
    night would continue to hold" the Thursday gone: the finite past verb after "that" and its subject is
    the date's, not the future of the clause it hangs on (each was the next one); "legislation that could
    be folded into a bill he hopes to put to a vote in July" is still to come."""
    assert _tagged(timeline17_dir / "bpoil_washingtonpost/InputDocs/2010-08-02/161.htm.txt", "the beginning of May") == \
        ["2010-05"]
    assert _tagged(timeline17_dir / "LibyaWar_cnn/InputDocs/2011-02-26/26.htm.txt", "Friday")[0] == "2011-02-25"
    assert _tagged(timeline17_dir / "bpoil_guardian/InputDocs/2010-07-18/1148.htm.txt", "Thursday night") == \
        ["2010-07-15TNI"]
    assert _tagged(timeline17_dir / "bpoil_reuters/InputDocs/2010-06-23/2031.htm.txt", "early August") == ["2010-08"]


def test_a_month_after_an_incident_named_with_its_modifiers_has_passed(timeline17_dir):
    """"the aftermath of the 172 million-gallon spill in April" in November 2010 and "A popular uprising in
    Libya in February against Gaddafi" in August 2011 tell of incidents gone by: April 2010, February 2011
    (each was the next one, the clause having no tense; only "the spill in April" was read so)."""
    assert _tagged(timeline17_dir / "bpoil_foxnews/InputDocs/2010-11-08/282.htm.txt", "April") == ["2010-04"]
    assert "2011-02" in _tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-08-30/48.htm.txt", "February")
    assert "2012-02" not in _tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-08-30/48.htm.txt", "February")


def test_a_year_restating_the_day_just_named_keeps_the_story_on_that_day(gvc_dir):
    """"married on Halloween in 2014. The couple separated nine months later": July 2015, nine months
    from the day (the "2014" had moved the story to the year at large, and the months counted from it);
    WikiWars' "On December 7 (December 8 in Asian time zones), 1941, Japan attacked ... In January" is
    January 1942, the one after the story's December (it was January 1941)."""
    _, _, tagged = gva_stating(gvc_dir, "married on Halloween in 2014")
    assert [t.value for t in tagged if t.text == "nine months later"] == ["2015-07"]
    ww2 = wikiwars_doc("01_WW2")
    january = ww2.text.index("United States. In January") + len("United States. In ")
    assert [t.value for t in temporal.tag(ww2.text, None) if t.start == january] == ["1942-01"]


def test_a_time_of_day_then_a_comma_and_its_date_is_on_that_date(gvc_dir):
    """A police release's "At about 1:16pm, on Wednesday, June 8, 2016, officers ..." is June 8's 1:16 p.m.
    (it was the report's day, July 26, with the date apart); WikiWars' "(9:34 p.m., March 19 EST)" is
    March 19's, not the March 20 named before it."""
    _, _, tagged = gva_stating(gvc_dir, "At about 1:16pm, on Wednesday, June 8, 2016")
    assert [t.value for t in tagged if t.text.startswith("1:16pm")] == ["2016-06-08T13:16"]
    iraq = wikiwars_doc("07_IraqWar")
    assert [t.value for t in temporal.tag(iraq.text, None) if t.text.startswith("9:34 p.m.")] == ["2003-03-19T21:34"]


def test_a_time_joined_to_the_one_before_it_is_on_its_day(timeline17_dir, gvc_dir):
    """"on GPS this Sunday at 10 a.m. and 1 p.m. ET": both on the Sunday (1 p.m. took the day of a
    2013 stamp beside the text); "the curfew - currently 8pm to 6am - would begin an hour earlier at 7pm":
    6am is the next morning, and the story stays on its day for 7pm; "A visitation will be held on
    Tuesday, April 19 from 5 p.m. to 8 p.m.": 8 p.m. that Tuesday (it was the report's day)."""
    assert _tagged(timeline17_dir / "LibyaWar_cnn/InputDocs/2011-03-18/66.htm.txt", "1 p.m.") == ["2011-03-20T13:00"]
    curfew = timeline17_dir / "IraqWar_guardian/InputDocs/2005-01-26/205.htm.txt"
    assert (_tagged(curfew, "8pm"), _tagged(curfew, "6am"), _tagged(curfew, "7pm")) == \
        (["2005-01-26T20:00"], ["2005-01-27T06:00"], ["2005-01-26T19:00"])
    _, _, tagged = gva_stating(gvc_dir, "on Tuesday, April 19 from 5 p.m. to 8 p.m.")
    assert [t.value for t in tagged if t.text == "8 p.m."] == ["2016-04-19T20:00"]


def test_an_amount_after_that_or_before_that_steps_from_the_day_named(timeline17_dir):
    """"Two days after that" and "Two years before that" step from the date the story last named, as "two
    days later" does: in Timeline17, June 11 then "A day later" then "Two days after that" is June 14, and
    November 2003 then "Two years before that" is 2001 (each was a length of time before). "for a decade
    before that" is a length of time still, and so is "two days after that meeting" (an event's day); a
    four-digit time of the 24-hour clock "at 0600 hours" is a time of the day named, not 600 hours."""
    assert _tagged(timeline17_dir / "bpoil_reuters/InputDocs/2010-12-23/514.htm.txt", "Two days after that") == \
        ["2010-06-14"]
    assert _tagged(timeline17_dir / "IraqWar_guardian/InputDocs/2005-10-21/216.htm.txt", "Two years before that") \
        == ["2001"]
    assert _tagged(timeline17_dir / "H1N1_bbc/InputDocs/2009-06-02/746.htm.txt", "a decade") == ["P10Y"]
    story = temporal.tag("The landings began on 6 June 1944 at 0600 hours. By 2200 hrs they held the beach, and "
                         "the attack resumed at 04:30 hours. Two days after that meeting the pilots had logged "
                         "1500 hours.", None)
    assert [(t.text, t.value) for t in story] == [
        ("6 June 1944", "1944-06-06"), ("0600 hours", "1944-06-06T06:00"), ("2200 hrs", "1944-06-06T22:00"),
        ("04:30 hours", "1944-06-06T04:30"), ("Two days", "P2D"), ("1500 hours", "PT1500H")]


def test_a_day_by_its_ordinal_alone_is_a_day_of_the_month_told_or_of_the_reports(timeline17_dir):
    """"on the 22nd" is a day of the month the story last named, else of the report's month or the one
    before or after as the clause's tense says; each such day Timeline17 writes: "arrived from a study
    trip to Mexico on the 22nd" (report of 2009-04-28) April 22; "on the 25th , I said" (2011-02-11)
    January 25; "ends at 3 o'clock in the afternoon on the 20th" after April 20 (2010-05-14) April 20.
    "the 5th and 6th fleets" and "the 3rd Battalion" are no days. In a history with no creation date,
    "is still in force today" and "to this day" are the writer's present (PRESENT_REF)."""
    inputs = timeline17_dir
    assert _tagged(inputs / "H1N1_guardian/InputDocs/2009-04-28/239.htm.txt", "the 22nd") == ["2009-04-22"]
    assert _tagged(inputs / "EgyptianProtest_cnn/InputDocs/2011-02-11/94.htm.txt", "the 25th") == ["2011-01-25"]
    assert _tagged(inputs / "bpoil_guardian/InputDocs/2010-05-14/357.htm.txt", "the 20th") == ["2010-04-20"]
    assert _tagged(inputs / "LibyaWar_cnn/InputDocs/2011-03-24/199.htm.txt", "the 5th") == []
    story = temporal.tag("In February 1913 Huerta seized power. Madero was murdered on the 22nd, and the 3rd "
                         "Battalion left the city. The constitution of 1917 is still in force today.", None)
    assert [(t.text, t.value) for t in story] == [
        ("February 1913", "1913-02"), ("the 22nd", "1913-02-22"), ("1917", "1917"), ("today", "PRESENT_REF")]


def test_the_early_hours_of_a_day_are_its_morning(timeline17_dir):
    """"in the early hours of May 2 1997" (Timeline17) is one expression, the morning of that day, as
    "the early morning hours of November 1, 1954" is in WikiWars' gold; before, only the day was read.
    So are "the small hours of" a day."""
    assert _tagged(timeline17_dir / "IraqWar_guardian/InputDocs/2005-08-08/20.htm.txt",
                   "the early hours of May 2 1997") == ["1997-05-02TMO"]
    assert _tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-06-19/112.htm.txt",
                   "the early hours of June 19") == ["2011-06-19TMO"]
    story = temporal.tag("The ship sank in the small hours of 5 May 1941.", None)
    assert [(t.text, t.value) for t in story] == [("the small hours of 5 May 1941", "1941-05-05TMO")]


def test_a_month_or_season_joined_to_one_with_a_year_takes_that_year(timeline17_dir):
    """"the spring and early summer of 1943", "From January to March 2004": the first month or season takes
    the year the second gives, in every such gold expression of the four corpora and in Timeline17 (before,
    the story's year: "January" 2006 in a report of 2005-11-08, "March" 2010 in "Accidents in March and
    August 2006"). A date that names a thing ("surpassing the May 2007 high") leaves the story where it
    was: WikiWars' "In early May" after it is 2008's, as the gold has it."""
    from annalist.temporal.lexicon import cue
    from conftest import need_shared

    shape = re.compile(r"(?i)^(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                       r"dec|spring|summer|autumn|fall|winter)[a-z.]*$")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.match(text[gold.start:gold.end])
                          and cue("coordinated_year").match(text, gold.end))
    assert len(found) >= 5 and all(ours is not None and ours.value == gold.value for gold, ours in found), \
        [(gold.value, ours and ours.value) for gold, ours in found]
    inputs = timeline17_dir
    assert _tagged(inputs / "IraqWar_guardian/InputDocs/2005-11-08/87.htm.txt", "January") == ["2004-01"]
    assert _tagged(inputs / "bpoil_guardian/InputDocs/2010-05-30/1048.htm.txt", "March") == ["2006-03"]
    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    iraq = docs["07_IraqWar"].text
    assert [t.value for t in temporal.tag(iraq, None) if t.text == "early May"] == ["2008-05"]


def test_a_holiday_that_names_an_event_or_a_place_is_not_its_day(timeline17_dir):
    """"Easter Island" in two Timeline17 articles was Easter 2010 (April 4); "the Easter Rising" is an
    event of its own year, not the story's Easter; "Easter 1916" and "Christmas Day 1914" stay days, and so
    does a day named in a truce's or a parade's name (the Veterans Day parades of the GVA articles)."""
    assert _tagged(timeline17_dir / "bpoil_bbc/InputDocs/2010-07-13/1519.htm.txt", "Easter") == []
    assert _tagged(timeline17_dir / "bpoil_reuters/InputDocs/2010-10-04/750.htm.txt", "Easter") == []
    story = temporal.tag("The Easter Rising of Easter 1916 failed, as the Easter Offensive did. The guns had fallen "
                         "silent on Christmas Day 1914.", None)
    assert [(t.text, t.value) for t in story] == [("Easter 1916", "1916-04-23"), ("Christmas Day 1914", "1914-12-25")]


def test_a_day_of_that_year_or_of_a_range_with_its_year_is_in_that_year(timeline17_dir):
    """"July 25 of that year", "November of the same year", "the autumn of that year", "the spring of the
    following year" are one expression in the year the story last named (or the one after); every such
    gold expression of the four corpora is read right, and Timeline17's "cohabited until Jan. 7 of that
    year" after "Feb. 19, 1980" is 1980-01-07 (was 2008's, the report's). The first day of a range takes
    the year its last gives: "between 16 April and 28 May 2004" in a report of 2005 (was 2005-04-16)."""
    shape = re.compile(r"(?i)\bof\s+(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year$")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.search(text[gold.start:gold.end]))
    assert len(found) >= 4 and all(ours is not None and ours.value == gold.value for gold, ours in found), \
        [(gold.value, ours and ours.value) for gold, ours in found]
    inputs = timeline17_dir
    assert _tagged(inputs / "Finan_washingtonpost/InputDocs/2008-09-25/843.htm.txt", "Jan. 7 of that year") == \
        ["1980-01-07"]
    assert _tagged(inputs / "IraqWar_guardian/InputDocs/2005-11-27/18.htm.txt", "16 April") == ["2004-04-16"]
    story = temporal.tag("The Battle of Mukden was fought from 20 February to 10 March 1905. By the autumn of "
                         "that year unrest spread, and in the spring of the following year it was crushed.", None)
    assert [(t.text, t.value) for t in story] == [
        ("20 February", "1905-02-20"), ("10 March 1905", "1905-03-10"), ("the autumn of that year", "1905-FA"),
        ("the spring of the following year", "1906-SP")]


def test_a_week_of_a_month_is_that_weeks_iso_week(timeline17_dir):
    """"the last week of April" in a report of 2011-04-24 is 2011-W17 (the week of April 28, its last
    Thursday), not "the last week" before the report's (2011-W15) and April apart; "the first week of August"
    in a report of 2010-07-25 is 2010-W31. A history's "the last week of August" after June 1944 is 1944-W35."""
    inputs = timeline17_dir
    assert _tagged(inputs / "LibyaWar_cnn/InputDocs/2011-04-24/30.htm.txt", "the last week of April") == ["2011-W17"]
    assert _tagged(inputs / "EgyptianProtest_cnn/InputDocs/2011-02-04/101.htm.txt", "the first week of February") \
        == ["2011-W05"]
    story = temporal.tag("The Allies landed on 6 June 1944. In the last week of August Paris was liberated.", None)
    assert [(t.text, t.value) for t in story] == [("6 June 1944", "1944-06-06"), ("the last week of August", "1944-W35")]


def test_later_in_the_month_and_the_end_of_the_decade_are_the_storys(timeline17_dir):
    """"After failing earlier in the month to halt the leak" (a report of 2010-05-28) is May 2010, and
    "by the end of the decade" (2011-02-04) the 2010s, "earlier in the decade" (2008-09-19) the 2000s: the
    month or decade the story is in; before, none was read. "later in the month" of a history is the
    month it last named."""
    inputs = timeline17_dir
    assert _tagged(inputs / "bpoil_guardian/InputDocs/2010-05-28/550.htm.txt", "the month") == ["2010-05"]
    assert _tagged(inputs / "EgyptianProtest_cnn/InputDocs/2011-02-04/17.htm.txt", "the end of the decade") == ["201"]
    assert _tagged(inputs / "Finan_washingtonpost/InputDocs/2008-09-19/2113.htm.txt", "the decade") == ["200"]
    assert [(t.text, t.value) for t in temporal.tag("Early in 1942 Japan advanced. By the middle of the month the "
                                                    "city was encircled.", None)] == [
        ("Early in 1942", "1942"), ("the middle of the month", "1942-XX")]
    story = temporal.tag("Germany annexed Austria on 12 March 1938. Later in the month, Britain protested. On the "
                         "night of 14/15 April the army moved, and until the end of the century peace never held.",
                         None)
    assert [(t.text, t.value) for t in story] == [
        ("12 March 1938", "1938-03-12"), ("the month", "1938-03"), ("the night of 14/15 April", "1938-04-14/1938-04-15"),
        ("the end of the century", "19")]


def test_for_n_years_measures_back_from_the_report_only_in_a_present_perfect(timeline17_dir):
    """"Moammar Gadhafi has ruled Libya for 42 years" (2011-03-28) and "I 've been in business for 12 years"
    measure back from the report: 1969 and 1998; "The Exxon Valdez case ... dragged on for 20 years" (a
    report of 2010) is a length in the past, not 1990 (before, every "for N years" was read so, 457 in
    Timeline17; 261 now)."""
    from annalist.temporal.documents import resolve_past_anchors

    def anchors(path: str) -> dict[str, str]:
        file = timeline17_dir / path
        found = resolve_past_anchors(file.read_text(encoding="utf-8", errors="replace"), file.parent.name)
        return {a.text: a.value for a in found if a.rule == "past_anchor_for_years"}

    assert anchors("LibyaWar_cnn/InputDocs/2011-03-28/356.htm.txt").get("for 42 years") == "1969"
    assert anchors("bpoil_reuters/InputDocs/2010-06-01/1668.htm.txt").get("for 12 years") == "1998"
    assert "for 20 years" not in anchors("bpoil_washingtonpost/InputDocs/2010-11-22/2037.htm.txt")


def test_a_war_named_by_its_length_is_no_duration_and_between_two_days_dates_both(timeline17_dir):
    """"the defeat of Egyptian state in the Six Day War of 1967" (Timeline17) holds no six days, nor "the
    Thirty Years' War" thirty years; "having peaked between 23 and 28 April" dates both days (the first
    was not read)."""
    assert _tagged(timeline17_dir / "EgyptianProtest_cnn/InputDocs/2011-02-11/78.htm.txt", "Six Day") == []
    assert _tagged(timeline17_dir / "MJ_bbc/InputDocs/2009-08-25/696.htm.txt", "Winter") == []  # "a Winter Olympics Special"
    assert _tagged(timeline17_dir / "H1N1_bbc/InputDocs/2009-05-04/946.htm.txt", "23") == ["2009-04-23"]
    story = temporal.tag("The Thirty Years' War devastated Germany for thirty years. The Winter War began in the "
                         "winter.", None)
    assert [(t.text, t.value) for t in story] == [("thirty years", "P30Y"), ("the winter", "XXXX-WI")]


def test_an_anniversary_articles_days_are_the_days_it_commemorates(timeline17_dir):
    """What an article on an anniversary writes, in Timeline17: "Ninety years ago today Australian and New
    Zealand troops" (2005-04-25) is 1915-04-25, "the massacre one week ago today" (2011-07-29) 2011-07-22
    (before: the year, the week, and "today" apart); "compared with the previous September" (2008-10-10)
    2007-09; "Every September" a set. "On this day in 1990" in a report of 2020-01-20 is 1990-01-20, and
    "The following January" after it 1991-01."""
    inputs = timeline17_dir
    assert _tagged(inputs / "IraqWar_guardian/InputDocs/2005-04-25/147.htm.txt", "Ninety years ago today") == \
        ["1915-04-25"]
    assert _tagged(inputs / "LibyaWar_cnn/InputDocs/2011-07-29/366.htm.txt", "one week ago today") == ["2011-07-22"]
    assert _tagged(inputs / "Finan_washingtonpost/InputDocs/2008-10-10/1860.htm.txt", "the previous September") == \
        ["2007-09"]
    assert _tagged(inputs / "IraqWar_guardian/InputDocs/2005-11-19/138.htm.txt", "Every September") == ["XXXX-09"]
    story = temporal.tag("On this day in 1990, tanks rolled into Baku. The following January, a memorial was built. "
                         "Every January 20, crowds gather.", "2020-01-20")
    assert [(t.text, t.value, t.type) for t in story] == [
        ("this day in 1990", "1990-01-20", "DATE"), ("The following January", "1991-01", "DATE"),
        ("Every January 20", "XXXX-01-20", "SET")]


def test_how_often_is_a_set(timeline17_dir):
    """"I go out in the marshes three times a week" and "threatening Greece every other week" (Timeline17)
    are sets, P1W and P2W (before: "a week", a duration, or nothing); "twice a week ago" is still a week ago."""
    inputs = timeline17_dir
    assert _tagged(inputs / "bpoil_foxnews/InputDocs/2010-04-30/1818.htm.txt", "three times a week") == ["P1W"]
    assert _tagged(inputs / "LibyaWar_cnn/InputDocs/2011-03-21/85.htm.txt", "every other week") == ["P2W"]
    story = temporal.tag("The council meets twice a week. He was hit twice a week ago.", "2010-03-05")
    assert [(t.text, t.type, t.value) for t in story] == [("twice a week", "SET", "P1W"), ("a week ago", "DATE", "2010-W08")]
    assert [(t.text, t.value) for t in temporal.tag("By year's end inflation should ease. The prior year was weak.",
                                                    "1998-03-10")] == [("year's end", "1998"), ("The prior year", "1997")]


def test_the_year_before_a_number_is_that_year(timeline17_dir):
    """"in the year 610 of the Common Era" (Timeline17) is 0610 (before: "the year", 2010, the report's);
    "the year 2050" is 2050, not the report's year beside it; "490/489 BC" dates both years."""
    assert _tagged(timeline17_dir / "MJ_bbc/InputDocs/2010-08-01/601.htm.txt", "the year 610") == ["0610"]
    story = temporal.tag("Forecasts for the year 2050 vary. The war of 490/489 BC was short.", "2010-01-01")
    assert [(t.text, t.value) for t in story] == [("2050", "2050"), ("490", "BC0490"), ("489 BC", "BC0489")]


def test_a_holiday_written_with_its_year_is_that_years(timeline17_dir):
    """"the day before Thanksgiving in 1991", "on Labor Day of 1936", "at Christmas in 2003" in Timeline17's
    articles of 2005-2010: the holiday of the year written with it, not of the report's year; "Christmas
    2007" is one expression, as WikiWars draws it."""
    written = re.compile(r"\b(Thanksgiving|Christmas|Labor Day|Halloween|Easter|Memorial Day)(?: Day| Eve)?"
                         r"(?: in| of|,)? ((?:19|20)\d\d)\b")
    found = 0
    for path in timeline17_dir.glob("*/InputDocs/*/*"):
        text = path.read_text(encoding="utf-8", errors="replace")
        stated = {m.start(): m.group(2) for m in written.finditer(text)}
        if not stated:
            continue
        tagged = {t.start: t.value for t in temporal.tag(text, path.parent.name)}
        for start, year in stated.items():
            found += 1
            assert tagged.get(start, "")[:4] == year, (path, text[start:start + 40], tagged.get(start))
    assert found >= 4
    found, right = read_as_gold(r"^(?:Christmas|Thanksgiving|Easter|Halloween)(?: Day| Eve)?,? (?:19|20)\d\d$")
    assert found and len(right) == len(found), found


def test_the_holidays_of_world_news_are_read_on_their_days(timeline17_dir):
    """"Boxing Day", "May Day", "Good Friday" (two days before Easter), "Bastille Day", "All Saints' Day":
    every one Timeline17's articles name is that holiday's day (before: none was a date), and the tsunami
    of "the Boxing Day tsunami", in reports of 2005, the one of 2004-12-26; "Red All-Saints' Day" in
    WikiWars' Algerian war is 1954-11-01."""
    from dateutil.easter import easter

    days = {"Boxing Day": "12-26", "May Day": "05-01", "Bastille Day": "07-14", "All Saints' Day": "11-01"}
    holiday_names = re.compile("|".join([*days, "Good Friday"]))
    found = 0
    for page in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if not holiday_names.search(text):
            continue
        tagged = {t.start: t.value for t in temporal.tag(text, page.parent.name)}
        for named in holiday_names.finditer(text):
            value, found = tagged.get(named.start(), ""), found + 1
            if named.group() in days:
                assert value[5:10] == days[named.group()], (named.group(), value, page)
            else:
                assert value and date.fromisoformat(value) == easter(int(value[:4])) - timedelta(days=2), value
            if text.startswith("Boxing Day tsunami", named.start()) and page.parent.name.startswith("2005"):
                assert value == "2004-12-26", (value, page)
    assert found >= 9, found
    from conftest import need_shared

    told = temporal.tag("It was a good Friday for the market, and a boxing day at the gym.", "2011-05-05")
    assert not [t for t in told if t.rule == "holiday"], [(t.text, t.value) for t in told]  # not names
    algeria = next(d for d in read_gold_dir(need_shared("datasets/wikiwars/tml")) if "All-Saints' Day" in d.text)
    assert [t.value for t in temporal.tag(algeria.text, algeria.dct) if t.text == "All-Saints' Day"] == ["1954-11-01"]


def test_each_day_of_a_range_is_a_date():
    """WikiWars' Mexican Revolution: "the Battle of Celaya, on April 6-7 and from April 13-15" — the
    gold marks "7" and "15" as days of April 1915, as it marks "April 6" and "April 13"."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    mexico = docs["15_MexicanRev"]
    at = mexico.text.index("April 6-7 and from April 13-15")
    gold = [g for g in mexico.timexes if at <= g.start < at + 31]
    assert [mexico.text[g.start:g.end] for g in gold] == ["April 6", "7", "April 13", "15"]
    found = {(t.start, t.end): t.value for t in temporal.tag(mexico.text, mexico.dct)}
    assert [found.get((g.start, g.end)) for g in gold] == [g.value for g in gold]


TIME_GOLD = ("datasets/tempeval3/TBAQ-cleaned/TimeBank", "datasets/tempeval3/TBAQ-cleaned/AQUAINT",
             "datasets/meantime_newsreader_en/intra-doc_annotation", "datasets/wikiwars/tml")


def gold_of_shape(corpora, shaped, with_dct: bool = False) -> list[tuple[object, object]]:
    """(gold timex, annalist's timex at the same extent or None) for every gold expression of the corpora
    that `shaped(text, gold)` selects (`shaped(text, gold, dct)` with `with_dct`): how annalist reads one
    construction wherever the gold has it."""
    from conftest import need_shared

    found = []
    for corpus in corpora:
        for doc in read_gold_dir(need_shared(corpus)):
            tagged = {(t.start, t.end): t for t in temporal.tag(doc.text, doc.dct)}
            found += [(gold, tagged.get((gold.start, gold.end))) for gold in doc.timexes
                      if (shaped(doc.text, gold, doc.dct) if with_dct else shaped(doc.text, gold))]
    return found


def test_a_yearless_day_of_the_last_months_is_the_recent_one_in_news():
    """"Nashua had purchased 481,000 shares through Sept. 29" after "a program approved by the company in
    1987", in a report of 1989-10-30, is 1989-09-29: a month or a day without a year that falls in the
    last three months before a news report's date is the recent one, not one of a year told nearby."""
    shape = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?$")

    def recent(text: str, gold, dct: str | None) -> bool:
        if not re.match(r"\d{4}-\d\d-\d\d", dct or "") or not shape.match(text[gold.start:gold.end]) or \
                not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", gold.value):
            return False  # (MEANTIME writes some creation dates day first: not compared here)
        day = date.fromisoformat(gold.value if len(gold.value) == 10 else gold.value + "-01")
        return 0 <= (date.fromisoformat(dct[:10]) - day).days <= 92

    found = gold_of_shape([c for c in TIME_GOLD if "wikiwars" not in c], recent, with_dct=True)
    right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
    assert len(found) >= 100 and len(right) >= 0.97 * len(found), \
        [(g.value, o.value if o else None) for g, o in found if o is None or o.value != g.value]


def read_as_gold(pattern: str) -> tuple[list, list]:
    """(every gold expression of the four corpora whose text the pattern finds, with annalist's at the same
    extent; the gold expressions annalist gives the gold's value)."""
    shape = re.compile(pattern)
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.search(text[gold.start:gold.end]))
    return found, [gold for gold, ours in found if ours is not None and ours.value == gold.value]


def test_a_point_within_a_period_and_a_seasons_article_are_part_of_the_date():
    """TimeML keeps "the end of May", "late 2008", "the beginning of the year" and "the summer" whole
    (a mod marks the point). Every such gold expression of the four gold corpora, found by its shape:
    annalist's extent is the gold's for nine in ten of them (the rest are the corpora's own variants:
    AQUAINT's "March" in "early March"). Before, 70 of 168 were."""
    point = re.compile(r"(?i)^(?:the (?:end|beginning|start|middle) of (?:the )?|(?:late|early|mid)[ -]|"
                       r"the (?:spring|summer|autumn|fall|winter)\b)\S")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: point.match(text[gold.start:gold.end]))
    exact = sum(ours is not None for _, ours in found)
    assert len(found) >= 150 and exact >= 0.85 * len(found), (exact, len(found))  # measured 153 of 168


def test_early_or_late_in_a_period_is_part_of_the_date():
    """"Late in 1957", "early in 1862", "Early in the summer of 1919": a point within a period, which TimeML
    keeps with the date as it keeps "late 1957" (the season's article drawn in first). Every gold expression
    of the four corpora that opens so: annalist's extent is the gold's for three of the four (none before;
    MEANTIME's "late in the day" of a market report is not read as a date at all)."""
    shaped = re.compile(r"(?i)^(?:early|late) in\b")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shaped.match(text[gold.start:gold.end]))
    assert len(found) >= 4 and sum(ours is not None for _, ours in found) >= 3, \
        [(g.value, o and o.text) for g, o in found]
    told = temporal.tag("Early in the summer of 1919 the Cossacks attacked.", None)
    assert [(t.text, t.value) for t in told] == [("Early in the summer of 1919", "1919-SU")]


def test_a_part_of_the_day_and_a_half_year_are_in_the_value():
    """"Wednesday night" is the night of that day (2000-02-16TNI), "the night of 8 February 1904" and
    "the early morning hours of November 1, 1954" too; "the latter half of 2008" is 2008-H2 (and the story
    is in 2008 after it). Every such gold expression of TimeBank, MEANTIME and WikiWars, found by its
    shape: annalist gives the gold value for four in five (16 of 19). AQUAINT's annotators wrote most
    weekday nights as the day alone (8 of its 21 carry the part): left out, its convention is not
    TimeML's."""
    part = re.compile(r"(?i)^(?:(?:late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
                      r"(?:morning|afternoon|evening|night)$|^(?:the\s+)?(?:(?:early|late)\s+)?(?:morning|afternoon|"
                      r"evening|night)(?:\s+hours)?\s+of\s+\S|\b(?:first|second|last|latter) half of\b")
    found = gold_of_shape([c for c in TIME_GOLD if "AQUAINT" not in c],
                          lambda text, gold: part.search(text[gold.start:gold.end]))
    right = sum(ours is not None and ours.value == gold.value for gold, ours in found)
    assert len(found) >= 16 and right >= 0.8 * len(found), (right, len(found))
    story = [t.value for t in temporal.tag("Attacks fell in the latter half of 2008. In May, the army moved north.", None)]
    assert story == ["2008-H2", "2008-05"]


def test_a_weekday_right_after_a_past_verb_is_the_day_it_was_said():
    """News writes when something was said right after the verb: "Apple Inc. announced Friday that it
    will give owners ... free cases" (MEANTIME, published Saturday 2010-07-17) is the Friday past, however
    the clause goes on to promise. Every gold weekday of the three news corpora just after a past verb:
    annalist gives the gold value for more than nine in ten (98 of 104)."""
    weekday = re.compile(r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
    past_verb = re.compile(r"\b(?:said|says|told|announced|reported|\w+ed)\s+(?:on\s+)?$")
    found = gold_of_shape([c for c in TIME_GOLD if "wikiwars" not in c],
                          lambda text, gold: weekday.match(text[gold.start:gold.end])
                          and past_verb.search(text[max(0, gold.start - 30):gold.start]))
    right = sum(ours is not None and ours.value == gold.value for gold, ours in found)
    assert len(found) >= 100 and right >= 0.9 * len(found), (right, len(found))
    said = temporal.tag("Apple Inc. announced Friday that it will give owners of the phone free cases.", "2010-07-17")
    assert [t.value for t in said] == ["2010-07-16"]


def test_a_duration_used_as_an_adjective_leaves_its_article_out():
    """"a five-year contract": the gold corpora mark "five-year", the article left out, where a duration
    used as a noun keeps it ("for a year"). Every gold adjective of that shape ("five-year", "16-hour",
    "year-long") written after an article, in the four corpora: annalist's extent is the gold's (28 of 29)."""
    adjective = re.compile(r"(?i)^[\w.]+-(?:second|minute|hour|day|week|month|year)(?:-long|-old)?$")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: gold.type == "DURATION"
                          and adjective.match(text[gold.start:gold.end])
                          and re.search(r"(?i)\b(?:a|an|the)\s+$", text[max(0, gold.start - 5):gold.start]))
    exact = sum(ours is not None for _, ours in found)
    assert len(found) >= 25 and exact >= 0.9 * len(found), (exact, len(found))
    assert [t.text for t in temporal.tag("They signed a five-year contract and stayed for a year.", "2010-01-01")] \
        == ["five-year", "a year"]


def test_a_vague_amount_later_or_earlier_is_a_future_or_past_reference():
    """"A few days later" has a direction but no amount: TimeML's FUTURE_REF (PAST_REF for "earlier"),
    as "several years ago" is PAST_REF, not a duration. WikiWars' World War II: "A few days later, the
    Soviets launch..." after "October 20"."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    text = docs["01_WW2"].text
    at = text.index("A few days later")
    value = next(t.value for t in temporal.tag(text, None) if t.start == at)
    assert value == "FUTURE_REF"
    assert [t.value for t in temporal.tag("The town fell in 1915. Only a few weeks earlier the army had left.", None)] \
        == ["1915", "PAST_REF"]


def test_a_date_in_reported_speech_that_looks_ahead_is_in_the_future(tmp_path):
    """The demo's radio report of 2026-03-05: the mayor "said at least 11 people had lost their lives
    and that the town would hold a day of mourning on March 8" — the cue next to the date ("would
    hold") governs it, not the "had" that opened the clause: 2026-03-08, not the year before."""
    demo = Path(__file__).resolve().parent.parent / "examples" / "demo-corpus" / "coastline-radio-2026-03-05.txt"
    db = tmp_path / "demo.db"
    assert run("ingest", str(demo), "--db", str(db), "-q").returncode == 0
    dates = json.loads(run("dates", "--db", str(db), "--json").stdout)
    mourning = [d for d in dates if d["text"] == "March 8"]
    assert [d["value"] for d in mourning] == ["2026-03-08"], dates


# One example a rule, resolved against a Tuesday, 15 March 2011 (a rule added to
# annalist/data/time_en.toml needs its example here: the test below fails until it has one).
RULE_DCT = "2011-03-15"
RULE_EXAMPLES = {
    "iso_date": ("Filed 2011-02-14 by staff.", "2011-02-14"),
    "numeric_date": ("On 09/17/2010, at approximately 9 p.m., officers responded.", "2010-09-17"),
    "night_of_range": ("On the night of January 19 to 20, 1990 troops entered.", "1990-01-19/1990-01-20"),
    "night_of_range_dm": ("On the night of 19-20 January 1990 troops entered.", "1990-01-19/1990-01-20"),
    "part_of_date": ("It happened on the morning of March 3.", "2011-03-03TMO"),
    "month_day_year": ("It happened on January 20, 1990.", "1990-01-20"),
    "day_month_year": ("It happened on 20 January 1990.", "1990-01-20"),
    "month_day": ("Police said it happened on March 3.", "2011-03-03"),
    "day_month": ("Police said it happened on 3 March.", "2011-03-03"),
    "day_range_end": ("The fair ran April 13-15, 2010.", "2010-04-15"),
    "day_list_end": ("The summit was held on April 24 and 25, 2010.", "2010-04-25"),
    "day_range_start": ("The talks of 6-7 February 1920 failed.", "1920-02-06"),
    "soon": ("Prosecutors may soon seek an indictment.", "FUTURE_REF"),
    "month_of_that_year": ("The war began in 1940. In August of that year, the offensive stalled.", "1940-08"),
    "month_year": ("It opened in February 2009.", "2009-02"),
    "season_year": ("It opened in the summer of 2008.", "2008-SU"),
    "quarter": ("Sales fell in the first quarter of 2010.", "2010-Q1"),
    "half_year": ("Sales fell in the first half of 2009.", "2009-H1"),
    "decade": ("Prices rose in the 1990s.", "199"),
    "decade_short": ("Prices rose in the '80s.", "198"),
    "century": ("It was built in the 19th century.", "18"),
    "month_rel_year": ("It was built in March of last year.", "2010-03"),
    "month_alone": ("It was built in February.", "2011-02"),
    "report_quarter": ("Profit rose in the latest quarter.", "2010-Q4"),
    "month_day_said_aloud": ("The vote was held on March third.", "2011-03-03"),
    "day_month_said_aloud": ("The vote was held on the third of March, nineteen ninety-eight.", "1998-03-03"),
    "from_now": ("Ten years from now, things will be different.", "2021"),
    "clock_oclock": ("The meeting ended at eight o'clock.", "2011-03-15T08:00"),
    "trading_part_of_day": ("Shares fell in morning trading on Monday.", "2011-03-14TMO"),
    "year_ago_adj": ("It is above the year-ago level.", "2010"),
    "same_period_year_back": ("Sales fell 35% in January, compared to the same month a year ago.", "2010-01"),
    "the_year": ("Sales rose for the year.", "2011"),
    "year_end": ("It closes by the end of the year.", "2011"),
    "month_end": ("It closes by the end of the month.", "2011-03"),
    "weekend": ("They will meet this weekend.", "2011-W11-WE"),
    "the_week": ("Shares rose during the week.", "2011-WXX"),
    "the_day": ("Stocks fell on Monday. The Dow rose to end the day at 8,017.", "2011-03-14"),
    "recent_period": ("Prices rose in recent years.", "PAST_REF"),
    "spelled_year": ("It was written in nineteen eighty-four.", "1984"),
    "clock_weekday": ("The meeting is at 10 p.m. Wednesday.", "2011-03-16T22:00"),
    "clock24_weekday": ("Fighting stopped at 15:00 GMT Saturday.", "2011-03-12T15:00Z"),
    "clockzone_weekday": ("Fighting stopped at 1930 EDT on Thursday.", "2011-03-10T19:30"),
    "noon_weekday": ("Fighting stopped at noon Monday.", "2011-03-14T12:00"),
    "clock_date": ("The defendants return to court at 10 a.m. March 29.", "2011-03-29T10:00"),
    "clock_numeric_date": ("UPDATE (5:04 p.m. 3/17/11) Police made an arrest.", "2011-03-17T17:04"),
    "noon_date": ("The ceasefire begins at noon on March 20.", "2011-03-20T12:00"),
    "clockzone_date": ("This was completed at 1930 CDT on 1 March.", "2011-03-01T19:30"),
    "holiday": ("They met at Christmas.", "2010-12-25"),
    "clock_zone": ("Fighting stopped at 0600 EDT.", "2011-03-15T06:00"),
    "clock_hours": ("The patrol left at 0600 hours.", "2011-03-15T06:00"),
    "ordinal_day": ("The shipment arrived on the 9th.", "2011-03-09"),
    "the_year_number": ("The city was founded in the year 610.", "0610"),
    "set_times": ("The council meets twice a month.", "P1M"),
    "this_day_in_year": ("On this day in 1990, tanks entered the city.", "1990-03-15"),
    "set_every_date": ("Every January 20, crowds gather.", "XXXX-01-20"),
    "decade_of_story": ("Prices will double by the end of the decade.", "201"),
    "week_of_month": ("Sales fell in the first week of February.", "2011-W05"),
    "week_of_day": ("A court hearing is expected the week of March 21.", "2011-W12"),
    "season_of_that_year": ("In 2009 prices rose, and in the autumn of that year they fell.", "2009-FA"),
    "clock_stamp": ("News of the day\n2048 : Protesters gathered in the square.", "2011-03-15T20:48"),
    "era_year": ("The battle was fought in 490 BC.", "BC0490"),
    "era_range_start": ("Athens fought Sparta between 431 and 404 BC.", "BC0431"),
    "year_in": ("The war ended in 1990.", "1990"),
    "year_range_end": ("He reigned 1947-54.", "1954"),
    "year_part": ("The war ended in mid-1990.", "1990"),
    "decade_words": ("It was popular in the sixties.", "196"),
    "fiscal_year": ("Sales for fiscal 2010 rose.", "2010"),
    "today": ("The court rules today.", "2011-03-15"),
    "night_generic": ("They marched by night.", "XXXX-XX-XXTNI"),
    "tonight": ("The court rules tonight.", "2011-03-15TNI"),
    "yesterday": ("The court ruled yesterday.", "2011-03-14"),
    "tomorrow": ("The court rules tomorrow.", "2011-03-16"),
    "this_part": ("The court ruled this morning.", "2011-03-15TMO"),
    "last_night": ("The court ruled last night.", "2011-03-14TNI"),
    "present": ("The court is currently closed.", "PRESENT_REF"),
    "past_ref": ("The court recently closed.", "PAST_REF"),
    "future_ref": ("The court will rule in the near future.", "FUTURE_REF"),
    "coming_period": ("The court will rule in the coming weeks.", "PXW"),
    "relative_period": ("The court ruled last year.", "2010"),
    "weekday": ("The court said on Friday it would rule.", "2011-03-11"),
    "ago": ("The court ruled three years ago.", "2008"),
    "ago_article": ("The court ruled a year and a half ago.", "2009-09"),
    "later": ("The siege began on March 3, 2011. Two days later it ended.", "2011-03-05"),
    "next_day": ("The siege began on March 3, 2011. The next day it ended.", "2011-03-04"),
    "day_after": ("The siege began on March 3, 2011. The day after, it ended.", "2011-03-04"),
    "that_day": ("The siege began on March 3, 2011. That night it ended.", "2011-03-03TNI"),
    "morning_following": ("The siege began on March 3, 2011. On the morning following the siege, it rained.",
                          "2011-03-04TMO"),
    "duration": ("The siege lasted three years.", "P3Y"),
    "duration_article": ("The siege lasted an hour and a half.", "PT1H30M"),
    "duration_long": ("The city ended a month-long siege.", "P1M"),
    "duration_plain": ("The siege lasted for years.", "PXY"),
    "duration_following": ("Talks went on in the following weeks.", "PXW"),
    "set_every": ("They meet every Sunday.", "XXXX-WXX-7"),
    "set_weekdays": ("The clinic is closed on Sundays.", "XXXX-WXX-7"),
    "past_hour_or_day": ("In the last hour, the Pentagon confirmed the strike.", "PT1H"),
    "set_adverb": ("They meet annually.", "P1Y"),
    "clock": ("They met at 9 a.m.", "2011-03-15T09:00"),
    "clock_24": ("They met at 14:30.", "2011-03-15T14:30"),
    "clock24_date": ("At 19:27 26th Apr 2011, Jim wrote: no.", "2011-04-26T19:27"),
    "noon": ("They met at noon.", "2011-03-15T12:00"),
}


def test_every_rule_of_the_lexicon_has_an_example():
    from annalist.temporal.lexicon import rules

    assert sorted(r.name for r in rules()) == sorted(RULE_EXAMPLES)


@pytest.mark.parametrize("rule", sorted(RULE_EXAMPLES))
def test_each_rule_alone_on_its_example(rule):
    """Each rule of annalist/data/time_en.toml, on a sentence of its own: the expression it matches
    and the value it resolves to against the creation date."""
    text, value = RULE_EXAMPLES[rule]
    found = [(t.rule, t.value) for t in temporal.tag(text, RULE_DCT)]
    assert (rule, value) in found, found


def test_a_time_stated_in_utc_carries_its_zone_and_local_zones_do_not():
    """"16:08 UTC", "0800 UTC": ISO 8601's Z (MEANTIME's gold writes it); "4 a.m. EDT Thursday" stays
    T04:00 as TimeBank writes it. Every gold time of the four corpora with a zone after it."""
    zone = re.compile(r"\d\s*(?:UTC|GMT|EST|EDT|CDT|PST|PDT)\b")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: "T" in gold.value and zone.search(text[gold.start:gold.end + 5]))
    read = [(gold.value, ours.value) for gold, ours in found if ours is not None]
    assert len(found) >= 13 and len(read) >= 11, found
    assert all(ours.endswith("Z") == gold.endswith("Z") for gold, ours in read), read
    assert sum(gold[:16] == ours[:16] for gold, ours in read) >= 0.7 * len(read), read  # 8 of 11: the rest, the day


_NAMED_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
                        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\b")


def gva_articles_stating(gvc_dir, *patterns):
    """(text, the time layer's expressions by where they start) of every dated GVA article that one of
    the patterns finds something in."""
    for article in gvc_articles(gvc_dir):
        text, published = article.get("text") or "", article.get("published")
        if published and any(pattern.search(text) for pattern in patterns):
            yield text, {t.start: t for t in temporal.tag(text, published)}


def gva_stating(gvc_dir, needle: str) -> tuple[dict, str, list]:
    """The first GVA article whose text holds `needle`, its publication day and its time layer's expressions."""
    article = next(a for a in gvc_articles(gvc_dir) if needle in a["text"])
    published = article["published"][:10]
    return article, published, temporal.tag(article["text"], published)


@lru_cache(maxsize=None)
def wikiwars_doc(name: str):
    """One WikiWars narrative of the gold (its text and TIMEX3s), read once a run."""
    return {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}[name]


def gva_expressions(gvc_dir, pattern):
    """(each match of the pattern in a dated GVA article, the time layer's expression that starts there
    or None)."""
    for text, tagged in gva_articles_stating(gvc_dir, pattern):
        for m in pattern.finditer(text):
            yield m, tagged.get(m.start())




def timeline17_values(timeline17_dir: Path, needle: str) -> list[tuple[str, str]]:
    """(text, value) of every expression of the first Timeline17 article whose text holds `needle`."""
    _, found = next(timeline17_stating(timeline17_dir, needle))
    return [(t.text, t.value) for t in found]

def timebank_gold_and_ours(doc_name: str, phrase: str) -> tuple[list[str], list[str | None]]:
    """The gold values of a TimeBank document's expressions that read `phrase`, and annalist's values at
    the gold's extents (None where it has none there)."""
    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}[doc_name]
    gold = [g for g in doc.timexes if doc.text[g.start:g.end] == phrase]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(doc.text, doc.dct)}
    return [g.value for g in gold], [tagged.get((g.start, g.end)) for g in gold]

def timeline17_stating(timeline17_dir: Path, needle: str):
    """(text, the time layer's expressions) of every Timeline17 article whose text holds `needle`."""
    for page in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if needle in text:
            yield text, temporal.tag(text, page.parent.name)


def test_a_clock_time_before_a_date_is_that_time_of_that_date(timeline17_dir, gvc_dir):
    """The BP report's "completed at 1930 CDT on 1 June (0030 GMT 2 June)": 19:30 on June 1 and 00:30 UTC
    on June 2, not the article's day (before: each clock time on the report's day, its date apart); and
    every "at 10 a.m. Dec. 29", "just after 9 p.m. on Oct. 17, 2015" of the GVA articles: one expression
    on the date written after the time."""
    page = next(p for p in sorted((timeline17_dir / "bpoil_bbc" / "InputDocs").glob("*/*"))
                if "1930 CDT on 1 June" in p.read_text(encoding="utf-8", errors="replace"))
    tagged = [(t.text, t.value) for t in temporal.tag(page.read_text(encoding="utf-8", errors="replace"), page.parent.name)]
    assert ("1930 CDT on 1 June", "2010-06-01T19:30") in tagged and ("0030 GMT 2 June", "2010-06-02T00:30Z") in tagged
    months = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
    written = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.[ \t]+(?:on[ \t]+)?(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                         r"[a-z]*\.?)[ \t]+(?P<d>\d{1,2})\b(?!,?[ \t]*\d{1,3}\b)")
    found = list(gva_expressions(gvc_dir, written))
    for m, ours in found:
        assert ours is not None and ours.type == "TIME", m.group(0)
        assert ours.value[5:10] == f"{months[m['mon'][:3].lower()]:02d}-{int(m['d']):02d}", (m.group(0), ours.value)
    assert len(found) >= 5, len(found)


def test_the_holidays_local_news_dates_by_are_read_on_their_days(gvc_dir):
    """"a motorcycle blessing event for Mother's Day", "this is supposed to be Martin Luther King Day",
    Veterans Day, Black Friday, Father's Day, St. Patrick's Day, Juneteenth: wherever the GVA articles name
    one, it is read, on the day the calendar gives it in the year read (the second Sunday of May, the
    third Monday of January, November 11, the day after Thanksgiving, ...)."""
    on_its_day = {
        "mother's day": lambda d: d.month == 5 and d.weekday() == 6 and 8 <= d.day <= 14,
        "father's day": lambda d: d.month == 6 and d.weekday() == 6 and 15 <= d.day <= 21,
        "martin luther king": lambda d: d.month == 1 and d.weekday() == 0 and 15 <= d.day <= 21,
        "veterans day": lambda d: (d.month, d.day) == (11, 11),
        "black friday": lambda d: d.month == 11 and d.weekday() == 4 and 23 <= d.day <= 29,
        "st. patrick's day": lambda d: (d.month, d.day) == (3, 17),
        "juneteenth": lambda d: (d.month, d.day) == (6, 19),
    }
    named = re.compile(r"(?i)\b(?:Mother's Day|Father's Day|Martin Luther King(?: Jr\.)? Day|Veterans Day|Black Friday|"
                       r"St\. Patrick's Day|Juneteenth)\b")
    read = list(gva_expressions(gvc_dir, named))
    for m, ours in read:
        assert ours is not None, m.group(0)
        key = next(k for k in on_its_day if m.group(0).lower().startswith(k))
        assert on_its_day[key](date.fromisoformat(ours.value[:10])), (m.group(0), ours.value)
    assert len(read) >= 10, len(read)


def test_a_clock_time_before_a_weekday_and_its_part_of_day_is_one_time_on_that_day(gvc_dir):
    """"at 12:15 Saturday afternoon", "at 9:15 Wednesday night" in the GVA articles: one expression, on
    that weekday, the hour after noon for the afternoon, evening and night (before: the clock time alone,
    on the report's day). A time and a weekday a line apart ("around 7 p.m.\n\nOn Monday, ...") stay
    two expressions."""
    written = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d[ \t]+(?:on[ \t]+)?(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
                         r"[ \t]+(?P<part>afternoon|evening|night|morning)\b")
    apart = re.compile(r"[ap]\.m\.\s*\n\s*On (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    found = split = 0
    for text, tagged in gva_articles_stating(gvc_dir, written, apart):
        for m in written.finditer(text):
            found += 1
            ours = tagged.get(m.start())
            assert ours is not None and ours.end == m.end(), (m.group(0), ours and ours.text)
            day, hour = ours.value.split("T")
            assert date.fromisoformat(day).weekday() == weekdays.index(m["wd"].lower()), (m.group(0), ours.value)
            assert (int(hour[:2]) >= 12) == (m["part"] != "morning"), (m.group(0), ours.value)
        for m in apart.finditer(text):
            split += 1
            assert not [t for t in tagged.values() if t.start < m.end() and m.start() < t.end and "\n" in t.text], m.group(0)
    assert found >= 20 and split >= 1, (found, split)


def test_a_clock_time_is_on_the_day_its_sentence_names():
    """"made its first test flight Tuesday in Everett, Washington at 18:00 UTC" (MEANTIME, published on the
    Wednesday): 18:00 of that Tuesday, not of the report's day. Every gold clock time of the four corpora
    whose sentence names a day before it (four; annalist reads two of them) is on the gold's day; before,
    one of the two was put on the report's day."""
    def clock_after_a_named_day(text, gold):
        if not re.match(r"\d{4}-\d\d-\d\dT", gold.value or "") or \
                re.search(r"(?i)day|tonight|morning|evening|afternoon|night", text[gold.start:gold.end]):
            return False
        sentence_start = max(text.rfind(". ", 0, gold.start), text.rfind("\n", 0, gold.start))
        return bool(_NAMED_DAY.search(text[sentence_start:gold.start]))

    found = gold_of_shape(TIME_GOLD, clock_after_a_named_day)
    read = [(gold.value, ours.value) for gold, ours in found if ours is not None]
    assert len(found) >= 4 and len(read) >= 2, found
    assert all(gold[:10] == ours[:10] for gold, ours in read), read


def test_the_following_day_steps_from_the_day_the_story_last_named():
    """"... was shot Friday. ... The following day they arrested him" in Monday's paper is Saturday, not
    Tuesday: a day, morning or night stepped to ("the next", "the following", "the same", "the previous")
    steps from the day the story last named, as "the day" does. The gold of the four corpora has the
    construction 14 times: 8 read as the gold has them (7 before)."""
    found, right = read_as_gold(r"(?i)^(?:the|that)\s+(?:next|following|previous|preceding|same)\s+(?:day|morning|evening|night)$")
    assert len(found) >= 14 and len(right) >= 8, [(g.value, o and o.value) for g, o in found]
    story = temporal.tag("Police said the man was shot Friday. Officers searched the area. The following day "
                         "they arrested him.", "2016-05-09")
    assert [t.value for t in story] == ["2016-05-06", "2016-05-07"]


def test_that_night_is_a_part_of_the_day_the_story_last_named():
    """"was shot Saturday night ... died later that day ... That evening police arrested a suspect": the
    Saturday, at that part of it. The gold of the four corpora has "that <part of day>" or "later/earlier
    that day" three times (none was read before; two now are as the gold has them). "that day" alone is
    left alone: it is as often a day in general ("strong redemptions that day")."""
    found, right = read_as_gold(r"(?i)\bthat\s+(?:morning|afternoon|evening|night)$|\b(?:later|earlier)\s+that\s+day$")
    assert len(found) >= 3 and len(right) >= 2, [(g.value, o and o.value) for g, o in found]
    story = temporal.tag("A man was shot Saturday night in Valden. He died later that day at a hospital. That "
                         "evening police arrested a suspect. Traders had strong redemptions that day.", "2016-05-09")
    assert [(t.text, t.value) for t in story] == [("Saturday night", "2016-05-07TNI"), ("later that day", "2016-05-07"),
                                                  ("That evening", "2016-05-07TEV")]


def test_a_night_no_day_is_given_for_is_a_night_in_general(timeline17_dir):
    """"fled at night", "night raids", "a night-raid": a night of no day (XXXX-XX-XXTNI), as the gold of the
    four corpora tags every bare "night" (six, all in WikiWars; none was read before, five now have the
    gold's value: "In mid April the Cheka made mass arrests ... in a night-raid" a night of that April, as
    a clock time is of the day its sentence names; the sixth is a night before the common era). After a clock time
    the night is the clock's half of the day: "it is 11:00 at night in Cairo" (a Timeline17 report) is 23:00,
    and "ten at night" or a rate "a night" is no night of its own."""
    found, right = read_as_gold(r"(?i)^night$")
    assert len(found) >= 6 and all(ours is not None for _, ours in found) and len(right) >= 5, \
        [(g.value, o and o.value) for g, o in found]
    text, tagged = next(timeline17_stating(timeline17_dir, "11:00 at night in Cairo"))
    assert any(t.text == "11:00 at night" and t.value.endswith("T23:00") for t in tagged), \
        [(t.text, t.value) for t in tagged if "11:00" in t.text]
    told = temporal.tag("They played football till ten at night. Rooms cost $35 a night.", "2011-01-25")
    assert not [t for t in told if "night" in t.text], [(t.text, t.value) for t in told]


def test_this_past_weekend_is_the_last_one_before_the_report(gvc_dir):
    """"This past weekend" in local news is the weekend just gone, as "last weekend" is (it was read as the
    weekend of the report's own week, after a Monday paper). Every GVA article that writes it: a weekend
    whose Saturday lies within the week before its publication."""
    found = []
    for article in gvc_articles(gvc_dir):
        if not re.search(r"(?i)\bthis past weekend\b", article["text"]) or not article.get("published"):
            continue
        published = date.fromisoformat(article["published"][:10])
        for t in temporal.tag(article["text"], article["published"][:10]):
            if t.text.lower() == "this past weekend":
                year, week = t.value.removesuffix("-WE").split("-W")
                saturday = date.fromisocalendar(int(year), int(week), 6)
                found.append((published, saturday))
    assert len(found) >= 3 and all(0 < (published - saturday).days <= 7 for published, saturday in found), found


def test_this_weekend_written_on_a_weekday_is_the_one_just_gone_when_told_as_past(timeline17_dir, gvc_dir):
    """"This weekend" in a weekday's report is the weekend just gone when its clause tells of the past, the
    coming one when it looks ahead (it was always the coming one); "this/last weekend" count from the
    report's day, not from a day the story named (a November 2003 date three sentences before "this
    weekend's election" in January 2005), and "last weekend" written on a Sunday is the one before."""
    assert _tagged(timeline17_dir / "IraqWar_guardian/InputDocs/2005-08-15/123.htm.txt", "this weekend") == \
        ["2005-W32-WE"]  # Monday: "On Israeli television this weekend, he declared"
    assert set(_tagged(timeline17_dir / "bpoil_reuters/InputDocs/2010-05-31/103.htm.txt", "this weekend")) == \
        {"2010-W21-WE"}  # Monday: "Following the failure this weekend of BP's attempt to plug the well"
    assert _tagged(timeline17_dir / "bpoil_guardian/InputDocs/2010-07-20/651.htm.txt", "this weekend") == \
        ["2010-W29-WE"]  # Tuesday: "Should a hurricane strike the Gulf of Mexico this weekend"
    assert _tagged(timeline17_dir / "IraqWar_guardian/InputDocs/2005-01-26/205.htm.txt", "this weekend") == \
        ["2005-W04-WE"]  # the election of Sunday 30 January 2005
    assert _tagged(timeline17_dir / "LibyaWar_cnn/InputDocs/2011-03-20/289.htm.txt", "last weekend") == \
        ["2011-W10-WE"]  # a Sunday's "advances last weekend made by forces loyal to Gadhafi"
    incidents = {json.loads(line)["incident"]: json.loads(line)["date"]
                 for line in (gvc_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines()}
    for incident, published, written in [("493842", "2013-11-11", "a mass shooting this weekend"),
                                         ("741751", "2017-01-03", "a night of partying this weekend"),
                                         ("325618", "2015-04-26", "in the 4th Ward last weekend")]:
        article = next(a for a in map(json.loads, (gvc_dir / "corpus" / f"{incident}.jsonl").read_text(
            encoding="utf-8").splitlines()) if written in a["text"] and a["published"].startswith(published))
        said_at = article["text"].index(written)
        weekend = [t.value for t in temporal.tag(article["text"], published)
                   if said_at <= t.start < said_at + len(written) and t.text.endswith("weekend")]
        year, week = weekend[0].removesuffix("-WE").split("-W")
        saturday = date.fromisocalendar(int(year), int(week), 6)
        assert 0 <= (date.fromisoformat(incidents[incident]) - saturday).days <= 1, (written, weekend)


def test_this_last_or_next_year_after_a_month_or_day_counts_from_the_report(timeline17_dir, gvc_dir):
    """"February this year", "June last year" are the report's year (or the one before), wherever the
    story has moved ("between June 2007 and February this year" in 2010 was 2007-02); "23 May last year",
    "April 20 of last year" are one date with the day (the day alone took the story's year, the year
    phrase stood apart)."""
    assert _tagged(timeline17_dir / "bpoil_reuters/InputDocs/2010-06-14/284.htm.txt", "February this year") == \
        ["2010-02"]
    assert _tagged(timeline17_dir / "bpoil_guardian/InputDocs/2010-05-13/110.htm.txt", "June last year") == \
        ["2009-06"]
    assert _tagged(timeline17_dir / "IraqWar_guardian/InputDocs/2005-11-27/18.htm.txt", "23 May last year") == \
        ["2004-05-23"]
    assert _tagged(timeline17_dir / "bpoil_reuters/InputDocs/2011-01-20/1003.htm.txt", "April 20 of last year") == \
        ["2010-04-20"]  # the Deepwater Horizon explosion
    _, published, tagged = gva_stating(gvc_dir, "through June 30 of this year")
    assert [t.value for t in tagged if t.text == "June 30 of this year"] == [f"{published[:4]}-06-30"]


def test_today_and_tonight_ending_a_name_are_no_time(timeline17_dir):
    """"Rogozin told Russia Today television", CNN's "Piers Morgan Tonight" name a channel and a show (each
    was the report's day or night), as "Hawaii News Now" is no present; "Reply Today the weapons given to
    the Mujahedeen" (a comment after its button) is the day still."""
    assert _tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-09-01/38.htm.txt", "Today") == []
    assert _tagged(timeline17_dir / "EgyptianProtest_cnn/InputDocs/2011-02-10/25.htm.txt", "Tonight") == []
    assert set(_tagged(timeline17_dir / "LibyaWar_cnn/InputDocs/2011-03-31/75.htm.txt", "Today")) == {"2011-03-31"}


def test_a_capitalised_season_inside_a_name_is_no_time(timeline17_dir, gvc_dir):
    """"the Arab Spring", "said Ed Winter", "Summer Infant monitors" are names, not seasons (each was the
    season of its report's year); "until the Autumn" is a season still, and so is a name its year closes
    ("the Iraq Spring Fighting of 2004" in WikiWars' gold)."""
    inside_a_sentence = re.compile(r"(?<=[a-z,'`] )Arab(?: '')? Spring")  # "Arab Spring unrest" opening one is read
    arab_spring = 0
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        said = {m.end() - len("Spring") for m in inside_a_sentence.finditer(text)}
        if said:
            arab_spring += len(said)
            assert not [t for t in temporal.tag(text, path.parent.name) if t.start in said], path
    assert arab_spring >= 30, arab_spring
    assert _tagged(timeline17_dir / "EgyptianProtest_cnn/InputDocs/2011-02-11/239.htm.txt", "Summer") == []
    assert _tagged(timeline17_dir / "H1N1_bbc/InputDocs/2009-06-16/12.htm.txt", "the Autumn") == ["2009-FA"]
    article, _, tagged = gva_stating(gvc_dir, "said Ed Winter, a spokesman")
    winter = article["text"].index("said Ed Winter") + len("said Ed ")
    assert not [t for t in tagged if t.start == winter]
    iraq = wikiwars_doc("07_IraqWar")
    said = iraq.text.index("Iraq Spring Fighting of 2004")
    assert [t.value for t in temporal.tag(iraq.text, None) if said <= t.start < said + 30 and "Spring" in t.text] == \
        ["2004-SP"]


def test_a_date_written_in_numbers_is_that_date(gvc_dir):
    """"On 09/17/2016, at approximately 9 p.m." (a police release in GVA's coverage), MEANTIME's "7/8/07":
    month first as American text writes it (only its year was read before, and its clock time fell on the
    report's day). Every date so written in the coverage, and every one in the gold of the four corpora."""
    written = re.compile(r"(?<![\w/.,-])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/((?:19|20)\d\d)(?![\w/])")
    found = 0
    for article in gvc_articles(gvc_dir):
        matches = {m.start(): f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
                   for m in written.finditer(article["text"])}
        if matches:
            tagged = {t.start: t.value for t in temporal.tag(article["text"], (article.get("published") or "")[:10] or None)}
            found += len(matches)
            assert {start: tagged.get(start) for start in matches} == matches, article["title"]
    assert found >= 35, found  # 38 with a four-digit year
    gold = gold_of_shape(TIME_GOLD, lambda text, g: re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", text[g.start:g.end]))
    assert gold and all(ours is not None and ours.value == g.value for g, ours in gold), gold


def test_the_reports_own_month_is_this_years_and_the_fourth_of_july_is_a_day(gvc_dir):
    """"It was hot in July" in a report of July 6 is this July, whatever the tense (a past clause had put it
    a year back: its mid-month lay after the report); "next July" is a year on. "the Fourth of July" and
    "July Fourth" are July 4 (only "July" was read, a year back). Every such month and holiday of GVA's
    coverage."""
    month_names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december"}
    months = holidays = 0
    for article in gvc_articles(gvc_dir):
        published = (article.get("published") or "")[:10]
        if len(published) < 10:
            continue
        for t in temporal.tag(article["text"], published):
            if t.rule == "month_alone" and t.anchor.startswith("dct") and not re.match(r"(?i)(?:last|next)\b", t.text) \
                    and t.value[5:7] == published[5:7] and t.text.split()[-1].lower() in month_names:
                months += 1
                assert t.value == published[:7], (t.text, t.value, published)
            if re.fullmatch(r"(?i)fourth of july|july fourth", t.text):
                holidays += 1
                assert t.value.endswith("-07-04"), (t.text, t.value)
    assert months >= 20 and holidays >= 2, (months, holidays)
    assert [t.value for t in temporal.tag("It was hot in July. Next July it rains.", "2016-07-06")] == ["2016-07", "2017-07"]


def test_a_season_that_begins_a_place_name_is_no_date(gvc_dir):
    """"Rakeya Jackson, 18, a Winter Springs High School student", "the 1100 block of Spring Street", "Winter
    Park" (GVA's coverage) are places, not the winter or the spring of the report's year (each dated the
    figures of its sentence). Every such name of the coverage; "In Spring 2010" and "Winter came early"
    stay seasons."""
    place = re.compile(r"\b(?:Winter|Spring|Summer|Autumn|Fall) (?:Springs?|Street|Avenue|Park|Garden|Township|"
                       r"Haven|Mountain|Drive)\b")
    found = 0
    for article in gvc_articles(gvc_dir):
        starts = {m.start() for m in place.finditer(article["text"])}
        if starts:
            found += len(starts)
            tagged = temporal.tag(article["text"], (article.get("published") or "")[:10] or None)
            assert not [t.text for t in tagged if t.start in starts], article["title"]
    assert found >= 15, found
    assert [t.value for t in temporal.tag("In Spring 2010 it rained. Winter came early.", "2011-11-20")] == \
        ["2010-SP", "2011-WI"]


def test_the_day_after_doing_something_is_not_the_next_day(gvc_dir):
    """"The Dow rebounded late in the day after falling more than 250 points" (MEANTIME): "after falling"
    opens a clause about that same day, so "the day after" is not the next day there, in the four gold
    corpora or in GVA's coverage ("the day before returning home", "the night before sinking"); "The day
    before, the army had embarked" still is the day before."""
    from conftest import need_shared

    texts = [(doc.text, doc.dct) for corpus in TIME_GOLD for doc in read_gold_dir(need_shared(corpus))]
    texts += [(a["text"], (a.get("published") or "")[:10] or None) for a in gvc_articles(gvc_dir)]
    clause = re.compile(r"(?i)\bthe\s+(?:day|morning|evening|night)\s+(?:after|before)\s+[a-z]+ing\b")
    found = [(text, dct, m) for text, dct in texts if "ing" in text for m in clause.finditer(text)]
    assert len(found) >= 3
    for text, dct, m in found:
        assert not [t.text for t in temporal.tag(text, dct) if t.start == m.start() and t.rule == "day_after"], \
            text[m.start():m.end()]
    assert [t.value for t in temporal.tag("On 22 February 1918 the army retreated. The day before, it had "
                                          "embarked.", None)] == ["1918-02-22", "1918-02-21"]


def test_the_day_a_market_ended_is_the_day_the_story_last_named():
    """"fell 3.41 % ... to end the day at 7,114.3", "later in the day", "the start of the day": the day
    the story is about (the last day it named, else its creation date), as the gold of the four corpora
    annotates it wherever it has the construction (nine times; before, none was read)."""
    shape = re.compile(r"(?i)\b(?:end|ending|ended|finish|finished|start|closed|later in|earlier in|the start of"
                       r"|the end of) the day$")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.search(text[max(0, gold.start - 20):gold.end]))
    right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
    assert len(found) >= 8 and len(right) >= 6, [(g.value, o and o.value) for g, o in found]


def test_that_year_and_that_month_refer_back_to_the_time_the_story_named():
    """"In August of that year", "later that month", "earlier that year", "that year's grain harvest":
    the year or month the story last named (issue 12: underspecified expressions resolve against the
    story's time). Every such gold expression of the four corpora; before, none was read."""
    found = gold_of_shape(TIME_GOLD, lambda text, gold: re.search(r"(?i)\bthat (?:year|month)\b", text[gold.start:gold.end]))
    right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
    assert len(found) >= 9 and len(right) >= 7, [(g.value, o and o.value) for g, o in found]


def test_the_end_of_the_year_is_a_point_of_the_year_and_year_end_its_last_day():
    """TimeML gives "the end of the year" the year's value (a mod marks the point, as for "the end of
    May"), and TimeBank's "year-end" the last day."""
    found = gold_of_shape(TIME_GOLD, lambda text, gold: re.fullmatch(r"(?i)(?:the )?end of the year|year-end",
                                                                     text[gold.start:gold.end]))
    read = [(gold.value, ours.value) for gold, ours in found if ours is not None]
    assert len(read) >= 5 and all(len(gold) == len(ours) for gold, ours in read), read


def test_recent_is_the_past_and_soon_the_future_of_a_report():
    """TimeML annotates the adjective "recent" ("the recent sale", "recent losses") as PAST_REF, and
    "soon" where a report looks ahead ("prosecutors may soon seek") as FUTURE_REF; "as soon as",
    "soon after" and a history's "soon" (no creation date: the story's own sequence) are no time of
    their own."""
    found = gold_of_shape(TIME_GOLD, lambda text, gold: re.fullmatch(r"(?i)recent|(?:very )?soon", text[gold.start:gold.end]))
    right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
    assert len(found) >= 15 and len(right) >= 0.8 * len(found), [(g.value, o and o.value) for g, o in found]
    for text in ("The ship sank soon after the attack.", "They will leave as soon as Tuesday.",
                 "He was soon released from the hospital."):
        assert not [t for t in temporal.tag(text, "2011-03-15") if "soon" in t.text], text
    assert not [t for t in temporal.tag("The city fell soon, and the army will march on.", None) if "soon" in t.text]


def test_a_weekday_of_a_plan_or_of_what_would_happen_lies_ahead():
    """"protesters planned a demonstration on Saturday", "were planning to drive ... on Monday", "the
    father would be traveling to the United States Thursday": the coming weekday, not the last one.
    Every such gold weekday of the four corpora (14: 10 read right; before, 7)."""
    from annalist.temporal.anchor import clause_around

    weekday = re.compile(r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
    ahead = re.compile(r"(?i)\b(?:plan(?:s|ned|ning)?\s+(?:to|an?)|ready to|would\s+(?!have\b)\w+)")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: weekday.match(text[gold.start:gold.end])
                          and ahead.search(clause_around(text, gold.start)))
    right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
    assert len(found) >= 12 and len(right) >= 9, [(g.value, o and o.value) for g, o in found]


def test_a_durations_qualifier_is_part_of_it():
    """"nearly an hour", "under a month", "just over a year earlier", "less than a week later": TimeML
    keeps the qualifier in the extent. Every such gold duration of the four corpora: 21 of 36 extents
    exact (before, 16; the rest are other extents the corpora draw, "about a week or so")."""
    qualified = re.compile(r"(?i)^(?:almost|nearly|about|around|roughly|approximately|more than|less than|"
                           r"(?:just )?(?:over|under)|some|at least) (?:an?|one|\w+) (?:second|minute|hour|day|week|month|"
                           r"year|decade)s?\b")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: qualified.match(text[gold.start:gold.end]))
    assert len(found) >= 30 and sum(ours is not None for _, ours in found) >= 20, len(found)


def test_a_number_of_units_in_a_row_or_still_to_come_and_at_least_are_part_of_the_duration():
    """"at least 20 more years", "Eight trading days", "two straight quarters", "an additional year", "the
    four previous weeks": a word between the number and its unit keeps it a length of time, and "at least"
    is the duration's own, not a preposition to leave out. Every such gold duration of the four corpora
    (before: none of either read at its extent; "the four previous weeks" since session 29)."""
    between = re.compile(r"(?i)^(?:the\s+)?(?:(?:at least|more than|about|nearly|almost|some|over)\s+)?(?:an?|one|two|"
                         r"three|four|five|six|seven|eight|nine|ten|twenty|thirty|few|several|\d+)\s+(?:more|additional|"
                         r"further|straight|consecutive|successive|trading|business|working|previous|preceding|following|"
                         r"succeeding)\s+(?:day|week|month|quarter|year)s?$")
    at_least = re.compile(r"(?i)^at least\s")
    for shape, (least, read) in ((between, (7, 6)), (at_least, (4, 3))):
        found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.search(text[gold.start:gold.end]))
        right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
        assert len(found) >= least and len(right) >= read, (shape.pattern, [g.value for g, _ in found], len(right))


def test_earlier_or_later_before_a_day_and_over_before_a_single_unit_belong_to_the_expression():
    """TimeBank and MEANTIME keep "Earlier yesterday", "later this afternoon", "earlier today" whole (20
    of their 25 such expressions; AQUAINT, drawn otherwise, leaves "Earlier" out), and "in over a year",
    "took over a month" keep "over", while "over three years", "over the weekend" leave it out."""
    shape = re.compile(r"(?i)^(?:earlier|later) (?:today|tonight|yesterday|tomorrow|this \w+|\w+day)$")
    found = gold_of_shape([c for c in TIME_GOLD if "AQUAINT" not in c], lambda text, gold: shape.match(text[gold.start:gold.end]))
    assert len(found) >= 15 and sum(ours is not None for _, ours in found) >= 0.9 * len(found), len(found)
    tagged = {t.text for t in temporal.tag("Stocks closed at their lowest level in over a year. Over the weekend, "
                                           "talks went on, as they had over three years.", "2009-10-12")}
    assert {"over a year", "the weekend", "three years"} <= tagged, tagged


def test_the_past_the_near_future_and_year_end_are_read():
    """"In the past, Russia has ...", "than they have in the past" (PAST_REF), "in the near future"
    (FUTURE_REF), "by year end" (the year): every such gold expression of the four corpora is found
    with its value, and "the past two years" stays a duration."""
    shape = re.compile(r"(?i)^(?:the (?:near |distant |foreseeable )?(?:past|future)|year end)$")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.match(text[gold.start:gold.end]))
    right = [gold for gold, ours in found if ours is not None and ours.value == gold.value]
    assert len(found) >= 15 and len(right) >= 0.8 * len(found), [(g.value, o and o.value) for g, o in found]
    assert [(t.text, t.value) for t in temporal.tag("Sales rose over the past two years.", "1998-03-03")] == \
        [("the past two years", "P2Y")]


def test_minutes_without_a_number_and_the_final_quarter_are_read():
    """"losing them in minutes", "down 100 in just minutes", "sank within minutes": a vague duration
    (PTXM), "just" left out as the gold draws it; "the final quarter of 2009" is its fourth quarter."""
    found = gold_of_shape(TIME_GOLD, lambda text, gold: text[gold.start:gold.end] in ("minutes", "seconds", "hours"))
    assert len(found) >= 3 and all(ours is not None and ours.value == gold.value for gold, ours in found), found
    tagged = [(t.text, t.value) for t in temporal.tag("For the final quarter of 2009, Ford made a profit.", "2010-01-28")]
    assert ("the final quarter of 2009", "2009-Q4") in tagged, tagged


def test_the_current_quarter_is_the_one_under_way_and_the_latest_the_one_reported():
    """A report of October 26, 1989 (TimeBank's wsj_1025): "the current quarter" is 1989-Q4, the one
    under way, as the gold has it; "the latest quarter" of a results report is the last one ended."""
    from conftest import need_shared

    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}["wsj_1025"]
    current = [g for g in doc.timexes if doc.text[g.start:g.end].lower() == "the current quarter"]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(doc.text, doc.dct)}
    assert current and [tagged.get((g.start, g.end)) for g in current] == [g.value for g in current] == ["1989-Q4"]
    assert [(t.text, t.value) for t in temporal.tag("Sales in the latest quarter rose.", doc.dct)] == \
        [("the latest quarter", "1989-Q3")]


def test_what_a_past_clause_tells_is_not_in_a_forecasts_year(timeline17_dir):
    """A report names a year ahead of its own ("1990" in a forecast); a later clause in the past tense
    ("the third-quarter earnings were a disappointment", "Ben Ali's ousting last January") tells of
    what has happened: not in that year, but by the report's own time."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}
    anheuser = docs["wsj_1014"]
    at = anheuser.text.index("the third-quarter earnings were")
    gold = next(g for g in anheuser.timexes if g.start <= at + 4 < g.end)
    ours = next(t for t in temporal.tag(anheuser.text, anheuser.dct) if t.start <= at + 4 < t.end)
    assert ours.value == gold.value == "1989-Q3"
    tunisia = next(json.loads(line) for line in (timeline17_dir / "EgyptianProtest_cnn" / "articles.jsonl").open()
                   if "ousting last January" in line)
    at = tunisia["text"].index("last January")
    assert [t.value for t in temporal.tag(tunisia["text"], tunisia["time"]) if t.start <= at < t.end] == ["2011-01"]


def test_a_month_right_after_a_past_verb_has_gone_by(timeline17_dir):
    """"the rig exploded in April" in a November report, "the sanctions regime imposed in February" in a
    September one, "the well ruptured on April 20" in December: a month or day right after a past verb or
    participle, in a clause with no other tense, is the last one before the report, over every such
    sentence of Timeline17; "should be completed in October" and "the leak is plugged in August"
    (fictional) still look ahead."""
    month = "(?:" + "|".join(MONTHS) + ")"
    pattern = re.compile(r"\b(?:exploded|erupted|ruptured|convened|imposed|evacuated|ended|halted|acknowledged|performed|"
                         rf"culminated) (?:in ({month})|on ((?:{month} \d{{1,2}}|\d{{1,2}} {month})))\b(?! *,? *\d)")
    checked = 0
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for found in pattern.finditer(text):
            published = path.parent.name
            group = 1 if found.group(1) else 2
            value = [t.value for t in temporal.tag(text, published) if t.start == found.start(group)]
            assert value and value[0] <= published[:7 if group == 1 else 10], (path, found.group(0), value)
            checked += 1
    assert checked >= 8
    ahead = values("The transaction should be completed in October. The spill ends if the leak is plugged in August.",
                   "2009-06-05")
    assert ahead == {"October": "2009-10", "August": "2009-08"}, ahead
    # Tokenised text ("We 'll", as MEANTIME and Timeline17 write it) looks ahead too.
    assert values("We 'll meet them on July 4 .", "2008-09-19") == {"July 4": "2009-07-04"}


def test_a_date_naming_an_incident_has_gone_by(timeline17_dir):
    """"the April 20 explosion" in a December report, "the April blast" in a January one: a date that names
    an incident tells of one that has happened (the last such day before the report), over every such
    phrase of Timeline17's articles; "the April 7 hearing will decide it" (fictional) still looks ahead."""
    pattern = re.compile(rf"\b(?:the|an?) ((?:{'|'.join(MONTHS)})(?: \d{{1,2}})?) (?:explosion|blast|disaster|shooting|attack)\b")
    checked = 0
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for found in pattern.finditer(text):
            published = path.parent.name
            value = [t.value for t in temporal.tag(text, published) if t.start == found.start(1)]
            if value and len(value[0]) >= 7 and value[0][:4].isdigit():
                assert value[0] <= published[:len(value[0])], (path, found.group(0), value)
                checked += 1
    assert checked >= 10
    assert values("The April 7 hearing will decide it.", "2013-12-12") == {"April 7": "2014-04-07"}
    # A weekday that names an incident, in a clause that looks ahead (fictional, a Monday's report).
    assert values("Police will continue to investigate Saturday's shooting.", "2016-11-21") == {"Saturday": "2016-11-19"}
    assert values("The team will play Saturday.", "2016-11-21") == {"Saturday": "2016-11-26"}


def test_the_same_period_a_year_back_is_the_period_the_report_speaks_of():
    """"fell 35% in January, compared to the same month a year ago" is January of the year before
    (2008-01), "rose 43% in February compared to the same period last year" February of it, and "the
    corresponding period last year" in a report on quarterly results the reported quarter a year back;
    before, "the same month" was the report's month and "a year ago" another expression. Every such
    gold expression of the four corpora, found by its shape: 3 of the 4 read as the gold has them (none before)."""
    shape = re.compile(r"(?i)^the (?:same|corresponding|comparable) (?:month|period|quarter) (?:of )?"
                       r"(?:a year (?:ago|earlier)|last year|the (?:previous|prior|preceding) year)$")
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.match(text[gold.start:gold.end]))
    right = sum(ours is not None and ours.value == gold.value for gold, ours in found)
    assert len(found) >= 4 and right >= 3, (right, len(found))


def test_a_date_planned_after_the_report_does_not_carry_the_next_sentence():
    """MEANTIME, a tune document of 2005-11-05: "... intend to launch into passenger-carrying service in
    November 2006. It is expected that the Airbus 380 will wear the livery of Singapore Airlines when it
    arrives on November 11, three days later than originally planned." The plan's year is not where the
    story goes on: November 11 is 2005's, as the gold has it (it was 2006-11-11)."""
    from conftest import need_shared

    doc = next(d for d in read_gold_dir(need_shared("datasets/meantime_newsreader_en/intra-doc_annotation"))
               if d.name.startswith("25501_"))
    at = doc.text.index("November 11")
    gold = next(g for g in doc.timexes if g.start == at)
    assert [t.value for t in temporal.tag(doc.text, doc.dct) if t.start == at] == [gold.value] == ["2005-11-11"]


def test_what_will_happen_is_not_placed_in_a_year_the_story_has_left():
    """AQUAINT, a tune document of 1999-02-27: "Hungary, invited to join at the Madrid summit in July
    1997, will officially join NATO on March 12": the clause's "will" says March 12 lies ahead of the
    report, not in 1997 (it was 1997-03-12). A noun "a plan to" is no such cue: in a BP timeline of
    2010, "April 25 - The Coast Guard approves a plan to ..." stays in 2010 (it was 2011)."""
    from conftest import need_shared

    doc = next(d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/AQUAINT"))
               if d.name == "XIE19990227.0171")
    at = doc.text.index("March 12")
    gold = next(g for g in doc.timexes if g.start == at)
    assert [t.value for t in temporal.tag(doc.text, doc.dct) if t.start == at] == [gold.value] == ["1999-03-12"]
    assert values("April 25 - The Coast Guard approves a plan to burn the oil off.", "2010-06-03")["April 25"] == \
        "2010-04-25"


def test_the_day_an_article_is_about_is_the_day_its_casualty_sentences_state():
    """A follow-up (fictional, in a Sunday paper) names the day after the shooting more often than the
    shooting's own day: the day told in the sentences that count the hurt wins; "police said Saturday"
    is the day of the report, and a clock time alone names no day."""
    from annalist import figures

    text = ("Two men were wounded Friday night outside the Lantern Cafe on Ordell Street. Police said Saturday "
            "that a suspect was in custody. On Saturday the cafe stayed shut, and on Saturday afternoon neighbours "
            "held a vigil. Officers were called at 9 p.m.")
    timexes = temporal.annotate(text, "2031-05-11")
    told = figures.counted_sentences(text)
    assert temporal.article_event_date(timexes, text, told) == "2031-05-09"
    # Told no casualty sentences, the day named most wins: Saturday twice (not counting the reported one),
    # Friday once; the dayless "9 p.m." does not make Sunday a candidate.
    assert temporal.article_event_date(timexes, text) == "2031-05-10"
    only_a_clock = "Officers were called at 9 p.m. and found a man shot."
    assert temporal.article_event_date(temporal.annotate(only_a_clock, "2031-05-11"), only_a_clock) == "2031-05-11"


def test_a_month_in_a_clause_told_in_the_past_has_gone_by(timeline17_dir):
    """"the uprising against Gaddafi began in February" in a September report, "died at his home in June" in
    March, "Deepwater Horizon well began spewing oil into the Gulf of Mexico in April" in November: a past verb
    earlier in the clause puts a year-less month before the report, over every such sentence of Timeline17's
    articles (one remains, a relative clause inside one that looks ahead: "have scheduled a news
    conference ... to protest the bailouts that began in March"). A perfect, a reporting verb, an infinitive,
    "that" and "until" keep the month ahead (fictional), and a decimal point does not end the clause: "will
    redeem 9.5 million shares on Oct. 31" (TimeBank) is still the coming Oct. 31."""
    from conftest import need_shared

    month = "(?:" + "|".join(MONTHS) + ")"
    pattern = re.compile(rf"\b(?:began|started|rose up|broke out|took power|died|seized|rescued|launched) "
                         rf"[^,.;:]{{0,80}}?\bin ({month})\b(?! *,? *\d)")
    gone_by, ahead = 0, []
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for found in pattern.finditer(text):
            published = path.parent.name
            value = [t.value for t in temporal.tag(text, published) if t.start == found.start(1)]
            if value and value[0] <= published[:7]:
                gone_by += 1
            else:
                ahead.append((published, found.group(0), value))
    assert gone_by >= 90 and len(ahead) <= 1, ahead
    kept_ahead = values("We have booked a holiday in February. He said the plant opens in April. The firm agreed to "
                        "sell the unit in March. Talks lasted until December. The firm announced that its plant opens in "
                        "January.", "2009-10-20")
    assert kept_ahead == {"February": "2010-02", "April": "2010-04", "March": "2010-03", "December": "2009-12",
                          "January": "2010-01"}, kept_ahead
    hudson = next(d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank")) if d.name == "wsj_0798")
    at = hudson.text.index("Oct. 31 at a price")
    assert [t.value for t in temporal.tag(hudson.text, hudson.dct) if t.start == at] == ["1989-10-31"]


def test_a_storys_undated_month_is_the_one_nearest_its_time(timeline17_dir):
    """A story crosses New Year: in WikiWars' World War II narrative, after the Ardennes offensive of
    December 1944, "The offensive had been repulsed by January" is January 1945 (the gold's); in a
    Guardian column of 2005, "I returned to Kabul in April 2002 and found the wide-eyed wonder of December"
    is the December before, 2001."""
    from conftest import need_shared

    ww2 = next(d for d in read_gold_dir(need_shared("datasets/wikiwars/tml")) if d.name == "01_WW2")
    at = ww2.text.index("repulsed by January") + len("repulsed by ")
    gold = next(g for g in ww2.timexes if g.start == at)
    assert [t.value for t in temporal.tag(ww2.text, ww2.dct) if t.start == at] == [gold.value] == ["1945-01"]
    column = timeline17_dir / "IraqWar_guardian" / "InputDocs" / "2005-04-20" / "12.htm.txt"
    text = column.read_text(encoding="utf-8", errors="replace")
    at = text.index("wonder of December") + len("wonder of ")
    assert [t.value for t in temporal.tag(text, "2005-04-20") if t.start == at] == ["2001-12"]


def test_the_following_days_are_a_stretch_of_the_storys_time():
    """"In the following days Japanese forces proceeded ..." (WikiWars, Russo-Japanese War), "in the
    succeeding months systematically destroyed ..." (Algerian War): durations of no stated length, as
    the gold writes them (PXD, PXM); "the following day" is still a day."""
    from conftest import need_shared

    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    checked = 0
    for name, phrase in (("19_RussoJap", "the following days"), ("17_AlgerianWar", "the succeeding months")):
        doc = docs[name]
        at = doc.text.index(phrase)
        gold = next(g for g in doc.timexes if g.start == at)
        ours = [(t.end, t.value) for t in temporal.tag(doc.text, doc.dct) if t.start == at]
        assert ours == [(gold.end, gold.value)], (name, ours, gold.value)
        checked += 1
    assert checked == 2
    assert values("The following day he left.", None) == {"The following day": "XXXX-XX-XX"}


def test_the_past_year_is_drawn_with_its_article():
    """"the past year", "the last week", "the past decade": every such gold expression of the four corpora
    keeps its "the", and annalist draws the same extent ("the next year", "the previous year" are the
    story's next and previous, read by their own rule, as before)."""
    shape = re.compile(r"^the (?:past|last|coming) (?:week|month|year|decade|weekend|quarter|century)$", re.I)
    found = gold_of_shape(TIME_GOLD, lambda text, gold: shape.match(text[gold.start:gold.end]))
    assert len(found) >= 5 and all(ours is not None for _, ours in found), found
    assert values("In the previous year, sales rose.", "1998-03-03") == {"the previous year": "1997"}


def test_the_coming_weeks_are_a_stretch_of_time_ahead(timeline17_dir):
    """"in the coming days", "in coming months", "the weeks ahead", "the past three quarters": spans of
    time (TimeML: PXD, PXM, PXW, P3Q), as the gold writes "coming weeks" and "the weeks ahead"; every one
    in Timeline17's articles is read so. Quarters that are a share or a place ("three quarters of the
    vote", "criticism from several quarters", "in many quarters") are no time at all."""
    ahead = re.compile(r"\b(?:in\s+(?:the\s+)?coming\s+|the\s+(?=(?:days|weeks|months|years)\s+ahead\b(?!\s+of)))"
                       r"(days|weeks|months|years)\b")
    quarters = re.compile(r"\b(?:the\s+(?:past|last|next)\s+\w+|(?:from|in)\s+(?:several|many)|three)\s+quarters\b"
                          r"(?!(?<=three quarters)(?!\s+of\b))")  # "for at least three quarters" is time
    read, places = 0, 0
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [m for m in ahead.finditer(text)] + [m for m in quarters.finditer(text)]
        if not found:
            continue
        tagged = temporal.tag(text, path.parent.name)
        for m in found:
            over = [t for t in tagged if t.start < m.end() and m.start() < t.end]
            phrase = m.group()
            if "quarters" not in phrase:
                assert [(t.type, t.value) for t in over] == [("DURATION", f"PX{m.group(1)[0].upper()}")], (phrase, over)
                read += 1
            elif re.match(r"the\s", phrase):
                assert [(t.type, t.value[-1]) for t in over] == [("DURATION", "Q")], (phrase, over)
            else:
                assert over == [], (phrase, over)
                places += 1
    assert read >= 100 and places >= 3, (read, places)
    assert values("Sales fell in the past two quarters.", "1998-03-03") == {"the past two quarters": "P2Q"}


def _timeline17_texts(timeline17_dir: Path, every: int) -> list[str]:
    from annalist.sources import decode_bytes

    return [decode_bytes(path.read_bytes()) for path in sorted(timeline17_dir.glob("*/InputDocs/*/*"))[::every]]


def test_the_words_that_open_a_window_are_those_a_word_by_word_scan_finds(timeline17_dir):
    """match._rule_windows finds the words that trigger a rule with one pattern over the lower-cased
    text instead of a Python loop over every word, for speed: on Timeline17 the windows must be those
    the loop over every run of \\w (each looked up lower-cased, digits triggering the numeric rules) makes."""
    from annalist.temporal import match

    by_word, numeric = match._triggers()

    def scanned_word_by_word(text: str) -> dict[str, list[tuple[int, int]]]:
        windows: dict[str, list[tuple[int, int]]] = {}
        for word in re.finditer(r"\w+", text):
            token = word.group().lower()
            for rule in by_word.get(token, numeric if token[0].isdigit() else ()):
                low, high = max(0, word.start() - match.REACH), min(len(text), word.end() + match.REACH)
                while high < len(text) and not text[high].isspace():
                    high += 1
                spans = windows.setdefault(rule, [])
                spans[-1:] = [(spans[-1][0], max(spans[-1][1], high))] if spans and low <= spans[-1][1] else \
                    spans[-1:] + [(low, high)]
        return windows

    far_apart = (" and so on " * 20).join(["Ｋelvin", "²nd", "İstanbul", "ſecond", "1750BC", "A.D.", "Dec.", "MAY",
                                            "٣"])  # each its own window: case, digits and letters beyond ASCII
    texts = _timeline17_texts(timeline17_dir, 3) + [far_apart]
    windows = 0
    for text in texts:
        expected = scanned_word_by_word(text)
        assert match._rule_windows(text) == expected, text[:200]
        windows += sum(map(len, expected.values()))
    assert windows > 10_000


def test_the_time_rules_word_lists_grouped_by_letters_match_as_their_plain_alternations(timeline17_dir, monkeypatch):
    """The time rules' word lists (numbers in words, ordinals, time zones) are alternations grouped by
    their letters (patterns.factored_alternation), for speed: on Timeline17 every rule must find the
    same expressions, with the same groups, as with the plain longest-first alternation of the words."""
    import importlib

    from annalist import patterns
    from annalist.temporal import lexicon, match

    monkeypatch.setattr(patterns, "factored_alternation", "|".join)
    try:
        plain_rules = importlib.reload(lexicon).rules()
    finally:
        monkeypatch.undo()
        importlib.reload(lexicon)
    grouped_rules = match.rules()
    assert [r.pattern.pattern for r in plain_rules] != [r.pattern.pattern for r in grouped_rules]

    def candidates(text: str) -> list[tuple]:
        return [(start, end, name, m.span(), m.groupdict()) for start, end, name, m in match.find_candidates(text)]

    texts = _timeline17_texts(timeline17_dir, 3)
    grouped = [candidates(text) for text in texts]
    monkeypatch.setattr(match, "rules", lambda: plain_rules)
    plain = [candidates(text) for text in texts]
    assert grouped == plain
    spelled = {name for found in grouped for _, _, name, _, groups in found if (groups.get("n") or "x")[0].isalpha()}
    assert {"duration", "relative_period"} <= spelled, spelled


_PAST_AFTER_FUTURE_WEEKDAY = re.compile(
    r"\b(?:will|would|expected to|plans? to)\b[^.\n]*?\b(?:was|were|had)\b[^.\n,;]{0,50}?"
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*['’]s)")


def _dated_articles(timeline17_dir, gvc_dir):
    """(text, publication date) of every Timeline17 article and every dated GVA article."""
    from annalist.sources import decode_bytes

    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        yield decode_bytes(path.read_bytes()), path.parent.name
    for article in gvc_articles(gvc_dir):
        if article.get("published"):
            yield article.get("text") or "", article["published"]


def test_a_weekday_a_past_verb_governs_has_gone_by(timeline17_dir, gvc_dir):
    """"there will not be any charges after a 9-year-old boy was shot in the head Tuesday night", "the
    tests - which will last several hours - were due on Monday": a future earlier in the clause, but the
    past verb nearest the weekday tells of a day gone by, not of next week's. Every such weekday of the
    Timeline17 and GVA articles: 16 of 17 on or before the report's next day (11 before)."""
    read = []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        if _PAST_AFTER_FUTURE_WEEKDAY.search(text):
            tagged = {t.start: t for t in temporal.tag(text, published)}
            read += [(published, t.value) for m in _PAST_AFTER_FUTURE_WEEKDAY.finditer(text)
                     if (t := tagged.get(m.start(1))) is not None]
    gone_by = [(published, value) for published, value in read
               if date.fromisoformat(value[:10]).toordinal() <= date.fromisoformat(published).toordinal() + 1]
    assert len(read) >= 15 and len(gone_by) >= len(read) - 1, sorted(set(read) - set(gone_by))


# "told CNN Tuesday that ...", "introduced a bill Friday that would ...", "issued a joint statement Friday
# saying ... will": a past verb, its object (no preposition), the weekday, then a clause that looks ahead.
_PAST_VERB_OBJECT_WEEKDAY = re.compile(
    r"(?<!\bbe )\b(?:told|announced|introduced|issued|filed)\s+(?:a |an |the |his |her |its |their )?"
    r"(?:(?!(?:on|for|to|in|at|by|with|from)\b)[A-Za-z-]+\s+){1,2}(?:on\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?=[^.\n]{0,100}\b(?:would|will)\b)")


def test_a_weekday_after_a_past_verb_and_its_object_has_gone_by(timeline17_dir, gvc_dir):
    """"Luis Moreno-Ocampo told CNN Monday that the court will investigate", "Rep. Markey introduced a
    bill Friday that would redirect $50 million": the day it was told or done, gone by, however the
    clause goes on to the future. Every such weekday of the Timeline17 and GVA articles lies on or
    before the report's next day (before this reading, those with a future after them were next week's)."""
    read = []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        if _PAST_VERB_OBJECT_WEEKDAY.search(text):
            tagged = {t.start: t for t in temporal.tag(text, published)}
            read += [(published, t.value, m.group(0)) for m in _PAST_VERB_OBJECT_WEEKDAY.finditer(text)
                     if (t := tagged.get(m.start(1))) is not None]
    ahead = [r for r in read if date.fromisoformat(r[1][:10]) > date.fromisoformat(r[0]) + timedelta(days=1)]
    assert len(read) >= 10 and not ahead, ahead


_PLAN_THEN_DATE = re.compile(
    r"\b(?:(?:postponed|delayed|pushed back|put off)\s+(?:until|till|to)|slated\s+for|(?<!was )(?<!were )due\s+in)\s+"
    r"(?:early\s+|late\s+|mid-?)?((?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:\s+\d{1,2}\b)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


_WEEKDAY_AFTER_VERB = re.compile(
    r"(?<!\bbe\s)\b(?P<verb>(?P<passive>will\s+be\s+(?:\w+ly\s+)?)?"
    r"(?:began|met|spent|fled|held|came|went|broke|made|took|\w+ed)(?:\s+(?:off|out|up|down|away|back))?)\s+"
    r"(?:on\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*['’]s)")


def test_a_weekday_after_a_past_verb_is_gone_by_and_after_a_future_passive_ahead(timeline17_dir, gvc_dir):
    """"a strike began among service workers Wednesday", "the group met on Saturday", "a boat ... pushed
    off Wednesday evening ... and was expected to arrive": a day gone by, a past verb (irregular, or with
    its particle) before it. "The singer will be buried on Thursday", "details of charges will be
    officially released Monday": a day to come — a participle after "will be" is no past. Every such weekday of
    the Timeline17 and GVA articles falls on the right side of the report's date, but for one in fifty
    of the past ones; every one after "will be" lies ahead."""
    past, future = [], []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        if not _WEEKDAY_AFTER_VERB.search(text):
            continue
        tagged = {t.start: t for t in temporal.tag(text, published)}
        for m in _WEEKDAY_AFTER_VERB.finditer(text):
            t = tagged.get(m.start("day"))
            if t is None or not re.match(r"\d{4}-\d{2}-\d{2}", t.value) or t.rule not in ("weekday", "noon_weekday"):
                continue  # a weekday written with its date ("will be held on Thursday, May 19") is that date's
            shift = (date.fromisoformat(t.value[:10]) - date.fromisoformat(published)).days
            (future if m["passive"] else past).append((shift, m.group(0)))
    past_wrong = [p for p in past if p[0] > 1]
    future_wrong = [f for f in future if f[0] < 0]
    assert len(past) >= 500 and len(past_wrong) <= len(past) // 50, past_wrong[:20]
    assert len(future) >= 20 and not future_wrong, future_wrong


_PAST_VERB_THEN_BETWEEN_MONTHS = re.compile(
    r"\b(?-i:[a-z]+(?<!e)ed)\b(?!\s+(?:to|by)\b)[^.\n]{0,60}?\bbetween\s+(?P<month>January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+and\b")


def test_months_between_which_something_happened_are_gone_by(timeline17_dir, gvc_dir):
    """"Millions of gallons of oil gushed into the Gulf of Mexico between April and July" (a November
    report), "manufactured goods dipped 4 percent between July and ...": a past verb before "between"
    dates the months as it does before "in" or "from"; none lies after the report."""
    read = []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        if _PAST_VERB_THEN_BETWEEN_MONTHS.search(text):
            tagged = {t.start: t for t in temporal.tag(text, published)}
            read += [(published, t.value, m.group(0)[-40:]) for m in _PAST_VERB_THEN_BETWEEN_MONTHS.finditer(text)
                     if (t := tagged.get(m.start("month"))) is not None]
    assert len(read) >= 3 and not [r for r in read if r[1][:7] > r[0][:7]], read


_INCIDENT_THEN_DATE = re.compile(
    r"(?:^|[.!?]\s+)(?:The|the)\s+(?:explosion|blast|blowout|shooting|attack|bombing|crash)\s+(?:(?:at|in|near)\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,4})?(?:on\s+)?(?P<date>(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{1,2}\b)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def test_a_date_after_the_incident_a_sentence_opens_with_is_gone_by(timeline17_dir, gvc_dir):
    """"The blast on 20 April killed 11 workers", "The explosion at the Deepwater Horizon rig in April
    killed 11 men" (in reports of that November and January): the date of an incident the sentence
    opens with is one gone by. None of the four in the Timeline17 and GVA articles lies after the report
    (two did)."""
    read = []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        if _INCIDENT_THEN_DATE.search(text):
            tagged = {t.start: t for t in temporal.tag(text, published)}
            read += [(published, t.value, m.group(0).strip()[:60]) for m in _INCIDENT_THEN_DATE.finditer(text)
                     if (t := tagged.get(m.start("date"))) is not None and re.match(r"\d{4}-\d{2}", t.value)]
    assert len(read) >= 4 and not [r for r in read if r[1][:7] > r[0][:7]], read


def test_a_perfect_passive_before_a_weekday_is_still_the_past():
    """Only "be" makes a participle no past: "has been charged Friday and will appear in court" tells of
    the Friday gone by (a Saturday report), "will be charged Friday" of the one to come."""
    assert values("He has been charged Friday and will appear in court next month.", "2010-02-06")["Friday"] == "2010-02-05"
    assert values("He will be charged Friday and will appear in court next month.", "2010-02-06")["Friday"] == "2010-02-12"


def test_a_date_something_is_put_off_to_or_due_in_lies_ahead(timeline17_dir, gvc_dir):
    """"The trial ... has been postponed until September", "delayed until early September", "a
    referendum due in October", "final report due in June": the date a plan names lies ahead of the
    report, though the clause is in the past ("was delayed until Friday"). Every such date of the
    Timeline17 and GVA articles is the report's month or later (a past clause made them last year's)."""
    read = []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        if _PLAN_THEN_DATE.search(text):
            tagged = {t.start: t for t in temporal.tag(text, published)}
            read += [(published, t.value, m.group(0)) for m in _PLAN_THEN_DATE.finditer(text)
                     for t in [tagged.get(m.start(1)) or next((x for x in tagged.values() if x.start < m.start(1) < x.end), None)]
                     if t is not None and re.match(r"\d{4}-\d{2}", t.value)]
    behind = [r for r in read if r[1][:7] < r[0][:7]]
    assert len(read) >= 6 and not behind, behind


def test_a_part_of_a_yearless_day_is_read_in_that_days_year(timeline17_dir, gvc_dir):
    """"Slepian was shot to death on the night of Oct. 23", in a report of 1999-05-05, is 1998-10-23 at
    night, as "on Oct. 23" is 1998-10-23: the night, morning or afternoon of a day without a year takes
    the year the day alone would have there (the clause's tense, the report's date), not the report's."""
    part = re.compile(r"\bthe (?:night|morning|afternoon|evening) of ")
    compared = []
    for text, published in _dated_articles(timeline17_dir, gvc_dir):
        for timex in temporal.tag(text, published):
            opening = part.match(timex.text)
            if timex.rule != "part_of_date" or re.search(r"\d{4}", timex.text) or not opening:
                continue
            alone = {t.start: t.value for t in temporal.tag(text[:timex.start] + text[timex.start + opening.end():], published)}
            if timex.start in alone:  # (not "1 May last year", which is read as one expression)
                compared.append((timex.value[:10], alone[timex.start][:10], timex.text))
    assert len(compared) >= 20 and all(ours == day for ours, day, _ in compared), \
        [c for c in compared if c[0] != c[1]]


def test_a_clock_time_on_a_places_clock_stays_part_of_its_day(timeline17_dir, gvc_dir):
    """"7 am local time on Monday", "3:25 p.m. Eastern time Thursday", "2 a.m. Libya time on Sept. 12"
    in the Timeline17, Entities and GVA articles: one expression, that time on that weekday or date
    (before: the clock time alone, on the report's day)."""
    import csv

    csv.field_size_limit(1 << 30)  # an Entities article is one field
    written = re.compile(r"(?<![\d.:])\b\d{1,2}(?::[0-5]\d)?\s*(?:[ap]\.m\.|[ap]m)[ \t]+(?:local|[A-Z][a-z]+)[ \t]+time,?[ \t]+(?:on[ \t]+)?"
                         r"(?:(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|(?P<mon>Sept?\.|[A-Z][a-z]+\.?)[ \t]+(?P<d>\d{1,2}))\b")
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    pages = [(p.read_text(encoding="utf-8", errors="replace"), p.parent.name)
             for p in sorted(timeline17_dir.glob("*/InputDocs/*/*"))]
    for table in sorted(need_shared("datasets/entities").glob("*/outputwithpub.csv")):
        with open(table, encoding="utf-8", errors="replace", newline="") as rows:
            pages += [(row[1], row[0]) for row in csv.reader(rows) if len(row) > 1 and re.fullmatch(r"\d{4}-\d\d-\d\d", row[0])]
    timeline17 = [(m, {t.start: t for t in temporal.tag(text, day)}.get(m.start()))
                  for text, day in pages if written.search(text) for m in written.finditer(text)]
    found = timeline17 + list(gva_expressions(gvc_dir, written))
    for m, ours in found:
        assert ours is not None and ours.type == "TIME" and ours.end == m.end(), (m.group(0), ours and ours.text)
        day = date.fromisoformat(ours.value.split("T")[0])
        if m["wd"]:
            assert day.weekday() == weekdays.index(m["wd"].lower()), (m.group(0), ours.value)
        else:
            assert day.day == int(m["d"]), (m.group(0), ours.value)
    assert len(found) >= 10, len(found)


def test_a_second_before_a_noun_is_an_ordinal_not_a_second_of_time(timeline17_dir):
    """"for a second day", "a second UN resolution", "A second federal judge": the second one, no
    duration (before: PT1S, Timeline17's commonest false expression); "for a second ." and "a second
    later" stay a second of time."""
    ordinal = re.compile(r"\b[Aa] second (?:day|time|resolution|term|round|wave|chance|attempt|pipe|well|"
                         r"UN|U\.S\.|federal|week|night|career|containment|relief)\b")
    duration = re.compile(r"\b(?:for|just|on) a second(?= ?[.,?!]| later\b)")
    ordinals = durations = 0
    for page in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if "a second" not in text.lower():
            continue
        tagged = {t.start: t for t in temporal.tag(text, page.parent.name)}
        for m in ordinal.finditer(text):
            ordinals += 1
            assert m.start() not in tagged, (m.group(0), text[m.start():m.end() + 40])
        for m in duration.finditer(text):
            durations += 1
            second = tagged.get(m.end() - len("a second"))
            assert second is not None and second.value == "PT1S", text[m.start():m.end() + 20]
    assert ordinals >= 50 and durations >= 5, (ordinals, durations)


def test_days_later_count_from_the_day_just_named(timeline17_dir):
    """"the rig exploded on April 20 and sank two days later" is April 22, whatever the report's date
    (before: two days after the report, as the day was read against it and did not move the story)."""
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    later = re.compile(rf"\b(?:(?:{months}) \d{{1,2}}|\d{{1,2}} (?:{months}))\b[^.]{{0,80}}?\b"
                       r"(?P<n>two|three|four|five|six|seven|\d+) days later\b")
    counted = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
    found = 0
    for text, tagged in timeline17_stating(timeline17_dir, " days later"):
        for m in later.finditer(text):
            named = next((t for t in tagged if t.start == m.start() and len(t.value) == 10), None)
            told = next((t for t in tagged if t.end == m.end() and t.text.endswith("days later")), None)
            if named is None or told is None:
                continue
            n = int(m["n"]) if m["n"].isdigit() else counted[m["n"]]
            assert told.value == (date.fromisoformat(named.value) + timedelta(days=n)).isoformat(), (m.group(0), told.value)
            found += 1
    assert found >= 10, found


def test_months_or_years_later_count_from_the_month_just_named(timeline17_dir):
    """"In April, McCain promised ... Two months later, he abandoned his public pledge" is June; "in
    January 2004 ... A year later" is 2005: counted from the month the story named, not from the
    report's date (before: from the report's, a month read against it not moving the story)."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    later = re.compile(rf"\b[Ii]n (?P<mon>{'|'.join(months)})\b(?: \d{{4}})?[^.]{{0,200}}\.\s+"
                       r"(?P<n>A|One|Two|Three|Four|Five|Six) (?P<u>month|year)s? later\b")
    counted = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    found = 0
    for text, tagged in timeline17_stating(timeline17_dir, " later"):
        for m in later.finditer(text):
            named = next(t for t in tagged if t.start <= m.start("mon") < t.end)
            told = next(t for t in tagged if t.end == m.end())
            year, month = int(named.value[:4]), int(named.value[5:7])
            moved = year * 12 + month - 1 + counted[m["n"].lower()] * (12 if m["u"] == "year" else 1)
            expected = f"{moved // 12:04d}" if m["u"] == "year" else f"{moved // 12:04d}-{moved % 12 + 1:02d}"
            assert told.value == expected, (m.group(0)[:60], named.value, told.value)
            found += 1
    assert found >= 3, found


def test_a_month_right_after_a_past_verb_has_gone_by_though_the_clause_looks_ahead_after_it(timeline17_dir, gvc_dir):
    """"BP, which announced in May that it would launch a research initiative", "The Fed in July finally
    issued a rule that would give consumers ...", "a boy who accidentally shot and killed one of his
    friends in February" (the report saying charges will be filed): the month is the one gone by; the
    "would" or "will" after it, or before a relative clause, tells of something else (before: next
    year's month). A month is ahead only where the clause before it hedges ("scheduled to take effect
    in October", "before the relief wells are completed in August")."""
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    past_then_ahead = re.compile(rf"\b[a-z]+ed (?:\w+ ){{0,3}}?in (?:early |late |mid-)?(?P<mon>{months})\b(?!,? \d)"
                                 r"(?=[^.;\n]{0,120}\b(?:would|will)\b)")
    pages = [(p.read_text(encoding="utf-8", errors="replace"), p.parent.name)
             for p in sorted(timeline17_dir.glob("*/InputDocs/*/*"))]
    pages += [(a.get("text") or "", (a.get("published") or "")[:10]) for a in gvc_articles(gvc_dir)]
    hedge = temporal.cue("not_past_before_participle")
    found = 0
    for text, published in pages:
        if not published or not past_then_ahead.search(text):
            continue
        tagged = temporal.tag(text, published)
        for m in past_then_ahead.finditer(text):
            month = next((t for t in tagged if t.start <= m.start("mon") < t.end and t.value[:1].isdigit()), None)
            if month is None:
                continue
            found += 1
            clause = text[max(0, m.start() - 80):m.start("mon")].split(",")[-1]
            assert month.value[:7] <= published[:7] or hedge.search(clause), (published, month.value, m.group(0))
    assert found >= 12, found


def test_a_midnight_gone_by_is_the_one_that_began_the_reports_day(gvc_dir):
    """"Investigators say the shooting happened just before midnight" in a report of Feb. 1 is Jan. 31 at
    midnight, "was shot shortly after midnight" the report's day at 00:00 (before: both the end of the
    report's own day, a midnight still to come). Where the sentence names the day ("late Tuesday, just
    before midnight"), it is that day's."""
    written = re.compile(r"\b(?:was|were|happened|occurred|reported|responded|died|called)\b[^.]{0,60}?"
                         r"\b(?:just|shortly) (?P<w>before|after) (?P<m>midnight)\b(?![ \t]+(?:on[ \t]+)?[A-Z])")
    found = 0
    for text, tagged in gva_articles_stating(gvc_dir, written):
        for m in written.finditer(text):
            ours = tagged.get(m.start("m"))
            sentence = text[max(0, m.start() - 200):m.start()].split(". ")[-1]
            if ours is None or not ours.anchor.startswith("dct") or _NAMED_DAY.search(sentence + m.group(0)):
                continue
            published = date.fromisoformat(ours.anchor.split()[1])
            expected = f"{published - timedelta(days=1)}T24:00" if m["w"] == "before" else f"{published}T00:00"
            assert ours.value == expected, (m.group(0), ours.value, ours.anchor)
            found += 1
    assert found >= 10, found


def test_a_unit_long_is_a_duration_without_its_article(timeline17_dir):
    """"a year-long investigation", "the week-long festival", "a month-long strike" in the Timeline17
    articles: one duration, "year-long" (before: "a year", and "the week" a date)."""
    written = re.compile(r"\b(?:a|an|the) (?P<u>day|week|month|year)-long\b")
    found = 0
    for text, tagged in timeline17_stating(timeline17_dir, "-long"):
        at = {t.start: t for t in tagged}
        for m in written.finditer(text):
            ours = at.get(m.start("u"))
            assert ours is not None and ours.type == "DURATION" and ours.end == m.end(), (m.group(0), ours)
            assert ours.value == f"P1{m['u'][0].upper()}", (m.group(0), ours.value)
            found += 1
    assert found >= 10, found


def test_a_month_named_again_with_nothing_to_place_it_is_the_one_the_report_placed(timeline17_dir):
    """A report that has placed a month ("tests done in February and April" after "in April 2010"; the
    September 2011 elections) means the same one when it names the month again with no tense or word to
    place it; read alone, the month nearest the report's date was taken (April 2011 in a report of
    October 2010, September 2010 in one of February 2011). Timeline17: 20 values changed, 12 right, 3
    wrong, 5 names that are no dates either way."""
    egypt = timeline17_dir / "EgyptianProtest_cnn/InputDocs/2011-02-06/226.htm.txt"
    assert _tagged(egypt, "the end of September") == ["2011-09"]
    assert "2010-04" in _tagged(timeline17_dir / "bpoil_foxnews/InputDocs/2010-10-29/1094.htm.txt", "April")
    assert "2011-04" not in _tagged(timeline17_dir / "bpoil_foxnews/InputDocs/2010-10-29/1094.htm.txt", "April")


def test_last_or_next_month_or_season_in_news_counts_from_the_report(timeline17_dir):
    """"was freed ... last August" after "over the Scottish town in 1988", in a report of July 2010, is
    August 2009: "last", "next" and "this" are the report's, wherever the story has moved (they were
    read against 1988). Timeline17: 6 such values changed, all 6 right."""
    assert _tagged(timeline17_dir / "bpoil_bbc/InputDocs/2010-07-24/724.htm.txt", "last August") == ["2009-08"]


def test_a_clock_time_with_its_zone_is_part_of_the_day_after_it(timeline17_dir):
    """"the blast about 10 p.m. CDT Tuesday night" and "due at 4:30 p.m. EDT on Tuesday": the time zone
    between the time and its day no longer cuts them apart (the time took the report's day). Timeline17:
    105 such times joined to their weekday or date, each now on that day."""
    assert _tagged(timeline17_dir / "bpoil_reuters/InputDocs/2010-04-22/1230.htm.txt", "10 p.m. CDT Tuesday") == \
        ["2010-04-20T22:00"]
    assert _tagged(timeline17_dir / "LibyaWar_reuters/InputDocs/2011-04-11/305.htm.txt", "4:30 p.m. EDT on Tuesday") \
        == ["2011-04-12T16:30"]


def test_a_season_named_alone_is_the_next_when_the_clause_looks_ahead_past_this_years(timeline17_dir):
    """"would like to return to the Middle East in the spring" in December 2005 is spring 2006; a season
    right after a past participle has been ("the response group formed over the summer", September
    2010); "The winter weather" in January is the winter under way, December's (TimeML's winter of a
    year runs from its December)."""
    assert _tagged(timeline17_dir / "IraqWar_guardian/InputDocs/2005-12-24/336.htm.txt", "the spring") == ["2006-SP"]
    assert _tagged(timeline17_dir / "bpoil_washingtonpost/InputDocs/2010-09-20/1697.htm.txt", "the summer") == \
        ["2010-SU"]
    assert _tagged(timeline17_dir / "EgyptianProtest_cnn/InputDocs/2011-01-25/141.htm.txt", "The winter") == \
        ["2010-WI"]


def test_a_date_both_tagged_and_measured_back_is_listed_once(timeline17_dir):
    """"a year ago" is a timex and a past anchor (the evidence a publication year is inferred from):
    the document's time layer lists the date once, as `dates` shows it; so "about twenty years ago",
    whose anchor "twenty years ago" lies within it (was listed twice)."""
    twice = []
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*"))[:400]:
        timexes = temporal.annotate(path.read_text(encoding="utf-8", errors="replace"), path.parent.name)
        spans = [(t.start, t.end, t.value) for t in timexes]
        twice += [(path.name, s) for s in set(spans) if spans.count(s) > 1]
    assert twice == []
    found = temporal.annotate("The law was passed about twenty years ago.", "2011-03-09")
    assert [(t.text, t.value) for t in found] == [("about twenty years ago", "1991")]


def test_the_weekend_is_the_coming_one_when_what_comes_before_it_looks_ahead(timeline17_dir):
    """"Khatib will leave New York over the weekend" in a Friday report is that week's weekend; "the
    framework NATO members agreed upon over the weekend", though "will make decisions" opens its clause,
    is the last one. Timeline17: 15 values changed, 13 right, 1 wrong ("is to be applauded for his
    condemnation ... at the weekend"), 1 neither ("the weekend of 14 August")."""
    libya = timeline17_dir / "LibyaWar_cnn/InputDocs"
    assert _tagged(libya / "2011-03-11/162.htm.txt", "the weekend") == ["2011-W10-WE"]
    assert set(_tagged(libya / "2011-03-28/266.htm.txt", "the weekend")) == {"2011-W12-WE"}


def test_a_couple_of_units_after_next_or_past_is_two(timeline17_dir):
    """"the next couple of years", "the past couple of weeks": two of the unit (a duration), as "a couple
    of days" was; without its "a" the phrase was not read at all. Timeline17: 60 new values, each two of
    its unit."""
    assert _tagged(timeline17_dir / "bpoil_bbc/InputDocs/2010-06-28/1757.htm.txt", "the next couple of years") == ["P2Y"]
    assert _tagged(timeline17_dir / "EgyptianProtest_cnn/InputDocs/2011-02-02/201.htm.txt", "the past couple of weeks") \
        == ["P2W"]


def test_quarters_ago_is_a_quarter():
    """"Two quarters ago the company reported a loss", in a report of 26 October 1989, is 1989-Q2 (TimeML's
    quarter value); it was "1989-04", the month six months back. No corpus here says it; found on a
    report of my own."""
    values = [(t.text, t.value) for t in temporal.tag("Two quarters ago the company reported a loss.", "1989-10-26")]
    assert values == [("Two quarters ago", "1989-Q2")]


def test_a_newspapers_name_is_no_set(timeline17_dir):
    """"the Daily Telegraph", "The Daily Mail", "Anchorage Daily News", "the Weekly Standard": capitalised
    within a sentence, the word is part of a name, not "every day" (each was a SET, P1D or P1W). Written
    lower case it still is one ("flights leave daily")."""
    from annalist.sources import decode_bytes

    named = re.compile(r"(?<=\w )(?:Daily|Weekly|Monthly) [A-Z]")
    seen = 0
    for path in sorted(timeline17_dir.glob("*/InputDocs/*/*"))[:1500]:
        text = decode_bytes(path.read_bytes())
        if not named.search(text):
            continue
        starts = {m.start() for m in named.finditer(text)}
        seen += len(starts)
        assert not [t.text for t in temporal.tag(text, path.parent.name) if t.type == "SET" and t.start in starts], path
    assert seen >= 20
    assert values("The China Daily newspaper said flights leave daily.", "2009-06-18") == {"daily": "P1D"}


def test_a_present_verb_nearer_the_date_than_a_past_one_speaks_from_now():
    """"had not signed an agreement ... before the case is heard in May", in a report of March 2000: the
    May to come, not May 1999 (the past "had" earlier in the sentence took the date to the past); with
    the past verb nearest, the May gone by."""
    assert values("He had not signed an agreement before the case is heard in May.", "2000-03-29")["May"] == "2000-05"
    assert values("The case was heard in May.", "2000-03-29")["May"] == "1999-05"
    assert values("He said the hearing is to be held in May, after he had signed in January.",
                  "2000-03-29")["May"] == "2000-05"


def test_the_second_of_two_days_a_word_joins_is_of_the_first_ones_month():
    """"on April 24 and 25", "from June 3 to 5", "took place Nov. 3 and 4" (in a February report: last
    November, as the first day): the second day was no date. A number that goes on to count something
    is no day ("on June 3 and 5 others were hurt")."""
    assert values("The summit will be held on April 24 and 25.", "1999-02-10")["25"] == "1999-04-25"
    assert values("The festival runs from June 3 to 5.", "1999-02-10")["5"] == "1999-06-05"
    assert values("The talks took place Nov. 3 and 4 in Geneva.", "1999-02-10")["4"] == "1998-11-04"
    assert "5" not in values("Two men were shot on June 3 and 5 others were hurt.", "1999-07-10")
    # a range's second day too: "Talks continued November 19-20" in March is last November's 20th (its
    # year was read apart: 2011-11-20 after 2010-11-19)
    assert values("Talks continued November 19-20 in Paris.", "2011-03-09") == {"November 19": "2010-11-19",
                                                                             "20": "2010-11-20"}


def test_a_hedged_ago_is_one_expression():
    """"a decade or so ago", "20 years or so ago": the hedge belongs to the expression, which is a date
    back from the report (was read as the duration "a decade" alone)."""
    assert values("The firm was a minor player only a decade or so ago.", "2010-06-01")["a decade or so ago"] == "2000"
    assert values("If the alliance were what it was 20 years or so ago, it would act.", "2011-04-03")[
        "20 years or so ago"] == "1991"


def test_a_quarter_still_to_come_is_last_years_only_when_that_is_nearer_or_the_clause_is_past(timeline17_dir):
    """"the fourth quarter" in a report of August: this year's, not last year's (before: any quarter after the
    report's was last year's). The BP reports: "will be made in the fourth quarter" (August 9, 2010) and
    "no second or third quarter dividends this year" (June 17) are 2010's. In January the fourth quarter
    just ended is last year's; a past clause keeps it last year's."""
    text, tagged = next(timeline17_stating(timeline17_dir, "will be made in the fourth quarter by BP"))
    assert ("the fourth quarter", "2010-Q4") in [(t.text, t.value) for t in tagged]
    text, tagged = next(timeline17_stating(timeline17_dir, "no second or third quarter dividends this year"))
    assert ("third quarter", "2010-Q3") in [(t.text, t.value) for t in tagged]
    assert [t.value for t in temporal.tag("Profit in the fourth quarter rose 5%.", "2006-01-19")] == ["2005-Q4"]
    assert [t.value for t in temporal.tag("The company posted a loss in the fourth quarter.", "2006-08-19")] == ["2005-Q4"]


def test_a_year_said_aloud_is_a_year_of_its_month_or_season():
    """A broadcast transcript's "the winter of nineteen ninety-four" (TimeBank's CNN19980223.1130.0960) is one
    expression, 1994-WI, as the gold has it (before: "the winter" of the report's year and "nineteen
    ninety-four" apart); so are "March of nineteen ninety-six" and "the fall of two thousand one"."""
    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}["CNN19980223.1130.0960"]
    winter = [g for g in doc.timexes if "nineteen ninety-four" in doc.text[g.start:g.end]]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(doc.text, doc.dct)}
    assert winter and [tagged.get((g.start, g.end)) for g in winter] == [g.value for g in winter] == ["1994-WI"]
    said = [(t.text, t.value) for t in temporal.tag(
        "Prices fell in March of nineteen ninety-six. The law passed in the fall of two thousand one.", "1998-02-23")]
    assert said == [("March of nineteen ninety-six", "1996-03"), ("the fall of two thousand one", "2001-FA")], said


def test_a_date_said_aloud_is_read_as_its_digits_are(timeline17_dir):
    """Transcripts write dates as said: "congressional terms start on January third" (a CNN transcript of
    Timeline17) is January 3, "born on the first of June 2009" June 1, 2009 (before: the month alone);
    "the nineteen-thirties" is the decade, as "the 1930s" is. "In his eighties", "in her late seventies"
    are ages, not decades (before: 198, 197). Not a name: "By the end of May the Second Pacific Squadron"."""
    assert ("January third", "2011-01-03") in timeline17_values(timeline17_dir, "terms start on January third")
    assert ("the first of June 2009", "2009-06-01") in \
        timeline17_values(timeline17_dir, "born on the first of June 2009")
    assert ("the nineteen-thirties", "193") in timeline17_values(timeline17_dir, "since the nineteen-thirties")
    for text, tagged in timeline17_stating(timeline17_dir, "in his eighties"):
        assert not [t for t in tagged if t.text.endswith("eighties")], tagged
    said = temporal.tag("Saddam Hussein had until February fifteenth, nineteen ninety-eight to comply. By the end of "
                        "May the Second Pacific Squadron sailed. She is in her late seventies.", "1998-02-23")
    assert ("February fifteenth, nineteen ninety-eight", "1998-02-15") in [(t.text, t.value) for t in said], said
    assert not [t for t in said if "Second" in t.text or "seventies" in t.text], said


def test_a_past_verb_right_after_a_weekday_dates_it_in_the_past_whatever_the_clause_promises(timeline17_dir):
    """Wire copy's "The Council of the European Union Thursday announced it will extend ..." (a CNN report
    of Friday 2011-03-11) tells of the Thursday before, not the next one (before: the "will" later in the
    clause made it 03-17); so "Exxon and the other companies on Wednesday promised their equipment will
    ...". A participle that describes a noun is no such verb: "will face a separate House hearing on
    Thursday devoted to" is still the coming Thursday, and so is the Tuesday of "Clinton, who will travel to
    London to attend a meeting on Libya on Tuesday, gave ...", whose past verb lies past a comma."""
    cases = [("The Council of the European Union Thursday announced it will extend", "Thursday", "2011-03-10"),
             ("Exxon and the other companies on Wednesday promised their equipment will", "Wednesday", "2010-07-21"),
             ("will face a separate House hearing on Thursday devoted to", "Thursday", "2010-06-17"),
             ("an international meeting on Libya on Tuesday , gave an upbeat", "Tuesday", "2011-03-29")]
    for needle, weekday, value in cases:
        text, tagged = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle) + needle.index(weekday)
        assert [t.value for t in tagged if t.start == at] == [value], (needle, [(t.text, t.value) for t in tagged if t.start == at])


def test_a_clock_time_before_a_bracketed_clock_and_a_weekday_is_that_weekdays():
    """AP copy: "The blast in Nairobi occurred at about 10:35 a.m. (0735 GMT) Friday" in a report of
    Saturday 1998-08-08 (AQUAINT's APW19980808.0022) is Friday's 10:35, as the gold has it (before: the
    report's day); the bracketed "1430 GMT" of "passed at 4:30 pm (1430 GMT) on Wednesday" is Wednesday's too."""
    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/AQUAINT"))}["APW19980808.0022"]
    clocks = [g for g in doc.timexes if doc.text[g.start:g.end] == "10:35 a.m."]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(doc.text, doc.dct)}
    assert clocks and [tagged.get((g.start, g.end)) for g in clocks] == [g.value for g in clocks] == ["1998-08-07T10:35"]
    said = [(t.text, t.value) for t in temporal.tag("The deadline passed at 4:30 pm (1430 GMT) on Wednesday.", "2011-07-08")]
    assert said == [("4:30 pm", "2011-07-06T16:30"), ("1430 GMT", "2011-07-06T14:30Z"), ("Wednesday", "2011-07-06")], said


def test_a_time_from_now_is_the_report_time_that_far_ahead(timeline17_dir):
    """"Ten years from now, based on history, we will ..." (a Reuters report of 2011-03-19) is 2021, one
    expression (before: the duration "Ten years" and "now" apart); "more than 30 days from today" (a Fox
    News report of 2010-05-05) is 2010-06-04, a day, as "today" is."""
    text, tagged = next(timeline17_stating(timeline17_dir, "Ten years from now , based on history"))
    assert ("Ten years from now", "2021") in [(t.text, t.value) for t in tagged]
    assert not [t for t in tagged if t.text in ("Ten years", "now") and text[t.end:t.end + 25].startswith((" from now , based", " , based"))]
    text, tagged = next(timeline17_stating(timeline17_dir, "more than 30 days from today"))
    assert ("more than 30 days from today", "2010-06-04") in [(t.text, t.value) for t in tagged]


def test_a_time_of_day_said_in_words_or_in_the_afternoon(timeline17_dir):
    """"woken up at three o'clock in the morning" (BBC, 2010-07-24) is at 03:00; "about 4:00 in the
    afternoon" (a CNN transcript) 16:00, not 04:00; "3 o'clock in the afternoon on the 20th" is 15:00, and
    the 20th it is followed by is still April's, the explosion's, not the report's May (before: no
    o'clock time; 4:00 and 3:00 in the morning). "The Ten o'clock news" is a programme."""
    # A habit ("did not want people woken up at three o'clock in the morning"): its day the text does
    # not give; the hour is what is read here.
    assert any(text == "three o'clock in the morning" and value.endswith("T03:00") for text, value in
               timeline17_values(timeline17_dir, "woken up at three o'clock in the morning due"))
    text, tagged = next(timeline17_stating(timeline17_dir, "It 's about 4:00 in the afternoon"))
    assert ("4:00 in the afternoon", "2011-01-31T16:00") in [(t.text, t.value) for t in tagged]
    text, tagged = next(timeline17_stating(timeline17_dir, "ends at 3 o'clock in the afternoon on the 20th"))
    at = text.index("ends at 3 o'clock in the afternoon on the 20th")
    assert [(t.text, t.value[11:]) for t in tagged if at < t.start < at + 40][0] == ("3 o'clock in the afternoon", "15:00")
    assert [t.value for t in tagged if t.text == "the 20th" and at < t.start < at + 60] == ["2010-04-20"]
    assert not temporal.tag("We watched the Ten o'clock news.", "2011-02-11")


def test_a_quarter_that_ended_on_a_day_is_the_calendar_quarter_it_mostly_covers():
    """"In the quarter ended July 31, Jayark had ..." (TimeBank's wsj_0662, a report of 1989-10-30): May to
    July, 1989-Q2 as the gold has it (before: the last quarter reported, Q3); "the quarter ended Sept. 29"
    is Q3 and "the quarter ended Jan. 31" of an October report the fourth of the year before."""
    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}["wsj_0662"]
    at = doc.text.index("the quarter ended July 31")
    gold = [g for g in doc.timexes if g.start == at]
    tagged = {t.start: t.value for t in temporal.tag(doc.text, doc.dct)}
    assert [g.value for g in gold] == [tagged.get(at)] == ["1989-Q2"]
    said = temporal.tag("Sales for the quarter ended Sept. 29 rose. Profit in the quarter ended Jan. 31 fell.", "1989-10-30")
    assert [t.value for t in said if t.text == "the quarter"] == ["1989-Q3", "1988-Q4"]


def test_one_day_after_a_modal_is_some_day_to_come(timeline17_dir):
    """"Islam will one day be the second largest religion" (TimeBank's PRI19980303.2000.2550): FUTURE_REF,
    as the gold has it, not a day's length (before: P1D); so "the 2010 spill will one day provide that
    knowledge" (BBC). "The stock fell in one day" is still a day's length."""
    gold, ours = timebank_gold_and_ours("PRI19980303.2000.2550", "one day")
    assert gold and ours == gold == ["FUTURE_REF"]
    assert ("one day", "FUTURE_REF") in timeline17_values(timeline17_dir, "spill will one day provide that knowledge")
    assert [(t.text, t.value) for t in temporal.tag("The stock fell 20% in one day.", "1998-03-03")] == [("one day", "P1D")]


def test_a_results_reports_span_of_months_is_one_length_of_time():
    """"Net for the year-earlier nine months also included a gain" (TimeBank's wsj_0904): one duration,
    P9M, as the gold has it and as "the first nine months" is (before: "year-earlier" as 1988 and "nine
    months" apart). A singular unit is an adjective, no span: "The latest five minute news bulletin"."""
    gold, ours = timebank_gold_and_ours("wsj_0904", "the year-earlier nine months")
    assert gold and ours == gold == ["P9M"]
    assert [t.text for t in temporal.tag("The latest five minute news bulletin.", "2010-04-06")] == ["five minute"]


def test_years_of_age_are_an_age_not_a_time(timeline17_dir):
    """"the affected students are between 14 and 17 years of age" (BBC, 2009-06-16), "I'm a WASP, 56
    years of age": ages, as "a 56-year-old" is (before: P17Y, P56Y)."""
    for needle in ("between 14 and 17 years of age", "56 years of age"):
        text, tagged = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle)
        assert not [t for t in tagged if at <= t.start < at + len(needle)], (needle, tagged)


def test_a_deadline_lies_ahead_and_a_page_stamp_keeps_its_clock_with_its_date(timeline17_dir):
    """"Gulf oil spill victims have until Wednesday to file claims" (Fox News, Monday 2010-11-22) is the
    coming Wednesday, not the last (before: 2010-11-17); "The commission has until 15 December" (July 2010)
    this December. A CNN stamp "updated 8:21 PM EDT, Thu March 21, 2013" is 20:21 on March 21, one
    expression (before: the time on the report's day)."""
    text, tagged = next(timeline17_stating(timeline17_dir, "victims have until Wednesday to file claims"))
    at = text.index("victims have until Wednesday") + len("victims have until ")
    assert [t.value for t in tagged if t.start == at] == ["2010-11-24"]
    text, tagged = next(timeline17_stating(timeline17_dir, "The commission has until 15 December"))
    assert ("15 December", "2010-12-15") in [(t.text, t.value) for t in tagged]
    stamp = temporal.tag("(CNN) -- updated 8:21 PM EDT, Thu March 21, 2013", "2013-03-22")
    assert [(t.text, t.value) for t in stamp] == [("8:21 PM EDT, Thu March 21, 2013", "2013-03-21T20:21")]


def test_a_part_of_the_week_is_the_report_weeks(timeline17_dir):
    """"BP says the new dome should be working by the end of the week" (BBC, Wednesday 2010-05-12) is
    2010-W19, and "Earlier in the week, officials drastically increased ..." (Fox News, 2010-05-03, after
    "the April 20 oil rig explosion") 2010-W18, the report's week, not April's (before: 2010-WXX both).
    A Sunday's "would know by the end of the week" (2010-05-30) is the week it opens, W22."""
    for needle, value in (("BP says the new dome should be working by the end of the week", "2010-W19"),
                          ("Earlier in the week , officials drastically", "2010-W18"),
                          ("the company would know by the end of the week if the latest", "2010-W22")):
        text, tagged = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle)
        assert [t.value for t in tagged if at <= t.start < at + len(needle)] == [value], (needle, tagged)


def test_a_weekday_in_a_history_is_the_one_nearest_the_story_day():
    """WikiWars' Iraq War narrative has no creation date: "described Thursday's killing as a 'heroic
    operation'" after "On September 13, 2007, ... Abu Risha was killed" is 2007-09-13, the gold's (before:
    XXXX-WXX-4, a Thursday of no week). With no day named, a weekday stays of no known week."""
    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/wikiwars/tml"))}
    iraq = docs["07_IraqWar"]
    gold = [g for g in iraq.timexes if iraq.text[g.start:g.end] == "Thursday"]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(iraq.text, iraq.dct)}
    assert gold and [tagged.get((g.start, g.end)) for g in gold] == [g.value for g in gold] == ["2007-09-13"]
    assert [t.value for t in temporal.tag("The army crossed the river. On Friday it reached the town.", None)] == ["XXXX-WXX-5"]


def test_a_markets_part_of_the_day_is_of_the_day_its_clause_names(timeline17_dir):
    """"U.S.-listed shares of BP rose about 3 percent in morning trade on Monday" (Reuters, Monday
    2010-06-28) is 2010-06-28TMO; "down by almost 2.5 % in morning trading in London yesterday" (Guardian,
    2011-01-11) the morning before (before: no expression). "The Evening Session" is a programme."""
    for needle, value in (("rose about 3 percent in morning trade on Monday", "2010-06-28TMO"),
                          ("2.5 % in morning trading in London yesterday", "2011-01-10TMO")):
        text, tagged = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle) + needle.index("morning")
        assert [t.value for t in tagged if t.start == at] == [value], (needle, tagged)
    assert not temporal.tag("a recording captured for The Evening Session", "2010-09-08")


def test_the_entire_year_of_a_stated_quarter():
    """MEANTIME's GM report of 2006-01-27: "a loss ... in the fourth quarter of 2005 and a total loss of
    $8.6 billion for the entire year" is 2005, the gold's (before: no expression), the quarter's year being
    the sentence's."""
    docs = {d.name: d for d in read_gold_dir(need_shared("datasets/meantime_newsreader_en/intra-doc_annotation"))}
    gm = docs["31965_GM_posts_first_annual_loss_since_1992"]
    gold = [g for g in gm.timexes if gm.text[g.start:g.end] == "the entire year"]
    found = {(t.start, t.end): t.value for t in temporal.tag(gm.text, gm.dct)}
    assert gold and [found.get((g.start, g.end)) for g in gold] == [g.value for g in gold] == ["2005"]


def test_a_will_after_a_past_verb_is_not_the_weekdays(timeline17_dir):
    """"Police turned water cannons and tear gas on protesters in the early hours of Wednesday morning to try
    to break up anti-government demonstrations as the Interior Ministry warned it `` will not allow ..."
    (CNN, Thursday 2011-01-27): the Wednesday before (before: the next one, the ministry's "will" taken for
    the weekday's clause); "BP shares ... on Tuesday" with a "will" before the weekday still looks ahead."""
    page = timeline17_dir / "EgyptianProtest_cnn" / "InputDocs" / "2011-01-27" / "126.htm.txt"
    text = page.read_text(encoding="utf-8", errors="replace")
    at = text.index("early hours of Wednesday morning") + len("early hours of ")
    assert [t.value for t in temporal.tag(text, "2011-01-27") if t.start == at] == ["2011-01-26TMO"]
    assert [t.value for t in temporal.tag("The council will vote on Tuesday, officials said.", "2011-01-27")] == ["2011-02-01"]


def test_a_future_after_a_past_verb_does_not_put_a_month_ahead(timeline17_dir):
    """"Younis told CNN in February that he switched sides after ... would ..." (CNN, July 2011) is the
    February gone by, 2011-02 (before: 2012-02, a "would" after "switched" read as the month's tense); so
    "Fitch in May admitted to a mistake when it ... will" (Reuters, June 2010): 2010-05."""
    for needle, month, value in (("Younis told CNN in February that he switched sides", "February", "2011-02"),
                                 ("Fitch in May admitted to a mistake", "May", "2010-05")):
        text, tagged = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle) + needle.index(month)
        assert [t.value for t in tagged if t.start == at] == [value], (needle, [(t.text, t.value) for t in tagged if t.start == at])


def test_a_month_a_reporting_verb_dates_is_gone_by_whatever_was_said(timeline17_dir):
    """"Attorney General Eric Holder said in June that the government will prosecute ..." (Fox News,
    October 2010) is June 2010 (before: 2011-06, the "will" of what was said read as the month's tense);
    "BP said in March it would buy ..." (Reuters, June 2010) March 2010; "told investors in February that
    profits would fall" too."""
    for needle, month, value in (("Eric Holder said in June that the government will", "June", "2010-06"),
                                 ("BP said in March it would buy", "March", "2010-03")):
        text, tagged = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle) + needle.index(month)
        assert [t.value for t in tagged if t.start == at] == [value], (needle, [(t.text, t.value) for t in tagged if t.start == at])
    said = temporal.tag("The company told investors in February that profits would fall.", "2010-06-15")
    assert [t.value for t in said] == ["2010-02"]


def test_next_month_in_a_history_is_the_one_after_the_story():
    """In a history, "peace was signed at Paris the next March" after "9 September 1855" is March 1856, as
    "the following March" is (before: 1855-03); "Last March" after June 1950 the March before it."""
    history = temporal.tag("The city fell on 9 September 1855, and peace was signed at Paris the next March.", None)
    assert [(t.text, t.value) for t in history][-1] == ("next March", "1856-03")
    history = temporal.tag("The war began in June 1950. Last March, the front had been quiet.", None)
    assert [(t.text, t.value) for t in history][-1] == ("Last March", "1950-03")


def test_quarters_of_results_or_after_a_preposition_of_time_are_a_length(timeline17_dir):
    """"it recently achieved profitability after several quarters of losses" (TimeBank's wsj_0575): PXQ, as
    the gold has it (before: nothing, every quarter counted without "the past/next" was read as a share
    or a place). So "will suspend its dividend for three quarters" (Washington Post, 2010-06-17) is P3Q;
    "criticism from several quarters", "three quarters of its food" and "for a quarter century" are
    not quarters of time."""
    gold, ours = timebank_gold_and_ours("wsj_0575", "several quarters")
    assert gold and ours == gold == ["PXQ"]
    assert ("three quarters", "P3Q") in \
        timeline17_values(timeline17_dir, "will suspend its dividend for three quarters")
    for sentence in ("Criticism came from several quarters.", "Three quarters of its food is imported.",
                     "The moratorium endured for a quarter century, until Congress lifted it."):
        assert not [t for t in temporal.tag(sentence, "2010-07-29") if "quarter" in t.text], sentence


def test_every_season_and_every_quarter_are_sets(timeline17_dir):
    """"seasonal flu kills several thousand people in the UK each winter" (BBC, 2009-06-30): XXXX-WI, a
    set, as "every January" is XXXX-01 (before: 2009-WI, one winter); "the $1.25 billion every quarter
    from 2011 to 2013" (Reuters) is P1Q, as "every month" is P1M (before: nothing)."""
    _, found = next(timeline17_stating(timeline17_dir, "several thousand people in the UK each winter ."))
    assert ("each winter", "SET", "XXXX-WI") in [(t.text, t.type, t.value) for t in found]
    _, found = next(timeline17_stating(timeline17_dir, "billion every quarter from 2011"))
    assert ("every quarter", "SET", "P1Q") in [(t.text, t.type, t.value) for t in found]


def test_a_fiscal_quarter_or_half_is_one_expression_of_its_fiscal_year():
    """"the fiscal first quarter" (TimeBank's wsj_0928) is drawn whole, as the gold draws it (before: "first
    quarter"); "the first quarter of fiscal 1990" is 1990-Q1 (before: 1989-Q1 and "fiscal 1990" apart),
    "the second half of fiscal 1989" 1989-H2 (before: 1989), "fiscal 1990's first quarter" 1990-Q1."""
    gold, ours = timebank_gold_and_ours("wsj_0928", "the fiscal first quarter")
    assert gold and ours == gold
    cases = {"Sales for the first quarter of fiscal 1990 rose 5%.": ("the first quarter of fiscal 1990", "1990-Q1"),
             "Net rose in the second half of fiscal 1989.": ("the second half of fiscal 1989", "1989-H2"),
             "Sales in fiscal 1990's first quarter rose 5%.": ("fiscal 1990's first quarter", "1990-Q1")}
    for sentence, expected in cases.items():
        assert [(t.text, t.value) for t in temporal.tag(sentence, "1989-10-26")] == [expected]


def test_due_to_and_a_verb_looks_ahead(timeline17_dir):
    """"Mr Hayward is due to appear before the committee on Thursday" (BBC, 2010-06-14) is the coming
    Thursday, 2010-06-17 (before: 2010-06-10); "The trial is due to start in early May" (BBC, 2011-04-08)
    is 2011-05 (before: 2009-05). "Due to" a cause is no cue: "The delay was due to rain on Monday"."""
    _, found = next(timeline17_stating(timeline17_dir, "Mr Hayward is due to appear before the committee on Thursday"))
    at = [t for t in found if t.text == "Thursday"]
    assert "2010-06-17" in [t.value for t in at]
    assert ("early May", "2011-05") in timeline17_values(timeline17_dir, "The trial is due to start in early May")
    assert values("The delay was due to rain on Monday.", "2010-06-15") == {"Monday": "2010-06-14"}
    # so "is set to": "The trial is set to begin on 28 March" (BBC, 2011-01-25) is 2011-03-28 (was 2010)
    assert ("28 March", "2011-03-28") in timeline17_values(timeline17_dir, "The trial is set to begin on 28 March")


def test_a_history_goes_forward_through_the_seasons():
    """In a text with no creation date, a season named alone that comes earlier in the year than the last
    season named, the story not moved since, is the next year's: "During the winter, the army camped at
    Valley Forge. In the spring, news of the French alliance arrived" after "the spring of 1777" is
    1778-SP (before: 1777-SP, a spring before the winter just told). Histories of my own; no gold season
    changed (WikiWars tune and check unchanged). Taking the season nearest the story's month, as for a
    year-less month, lost three WikiWars tune values and is not done."""
    text = ("In the spring of 1777, Washington moved north. That summer, the British took Philadelphia. "
            "During the winter, the army camped at Valley Forge. In the spring, news of the French alliance arrived.")
    assert [(t.text, t.value) for t in temporal.tag(text, None)] == [
        ("the spring of 1777", "1777-SP"), ("That summer", "1777-SU"), ("the winter", "1777-WI"), ("the spring", "1778-SP")]
    text = ("In the spring of 1864, Grant crossed the Rapidan. In the summer, Sherman took Atlanta. "
            "In the spring, Lee surrendered.")
    assert [t.value for t in temporal.tag(text, None)] == ["1864-SP", "1864-SU", "1865-SP"]


def test_the_figure_a_change_is_measured_from_was_in_the_past():
    """"Nashua's stock has fluctuated sharply ..., rising to a high for the year of $42.875 a share in June
    from $29.75 in March" (TimeBank's wsj_0520, 1989-10-30): March 1989, as the gold has it (before:
    1990-03, the nearest March, the perfect telling no side). So "up from 4.5% in August"; not a
    forecast's "will rise to 3,000 from 2,600 in March"."""
    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}["wsj_0520"]
    at = doc.text.index("from $29.75 in March") + len("from $29.75 in ")
    gold = [g for g in doc.timexes if g.start == at]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(doc.text, doc.dct)}
    assert gold and [tagged.get((g.start, g.end)) for g in gold] == [g.value for g in gold] == ["1989-03"]
    assert values("The rate is 5.3%, up from 4.5% in August.", "1989-10-30") == {"August": "1989-08"}
    forecast = "The index will rise to 3,000 from 2,600 in March, analysts predict."
    assert values(forecast, "1989-10-30") == {"March": "1990-03"}
    # a comparison with a month: "the same as in March", "higher than in April"
    assert values("Inflation is running at 5%, the same as in March.", "1989-10-30") == {"March": "1989-03"}
    assert values("Prices are higher than in April.", "1989-10-30") == {"April": "1989-04"}


def test_a_markets_high_or_low_was_reached_in_the_past(timeline17_dir):
    """"BP's stock price has risen 63 percent from its low of $27.02 on June 25" (Fox News, 2010-12-29) and
    "BP's shares have rebounded 65 percent from their June low" (Reuters, 2011-01-04) are June 2010 (before:
    2011, the nearest June); so "well below its high of $50 in March" and "above its April low" in a
    report of October 1989 are that year's."""
    assert ("June 25", "2010-06-25") in timeline17_values(timeline17_dir, "from its low of $ 27.02 on June 25")
    _, found = next(timeline17_stating(timeline17_dir, "rebounded 65 percent from their June low"))
    assert "2010-06" in [t.value for t in found if t.text == "June"]
    assert values("The stock is well below its high of $50 in March.", "1989-10-30") == {"March": "1989-03"}
    assert values("The index is 20% above its April low.", "1989-10-30") == {"April": "1989-04"}


def test_a_reports_following_year_steps_from_the_year_it_last_named(timeline17_dir):
    """"the explosion at BP's Texas City oil refinery in 2005, killing 15 workers. The following year, poor
    maintenance prompted ..." (Guardian, 2010-06-10) is 2006, and "valued at $442 million in 2008, up 2
    percent from the previous year" (Reuters, 2010-04-29) 2007 (before: 2011 and 2009, steps from the
    report's date); "convicted ... in February 2010 and sentenced the following month" (CNN, 2011-01-27)
    is 2010-03. With no time named nearby, the report's: "next year"-like steps stay the report's."""
    assert ("The following year", "2006") in timeline17_values(timeline17_dir, "The following year , poor maintenance")
    assert ("the previous year", "2007") in \
        timeline17_values(timeline17_dir, "in 2008 , up 2 percent from the previous year")
    assert ("the following month", "2010-03") in \
        timeline17_values(timeline17_dir, "in February 2010 and sentenced the following month")
    assert values("Sales rose 5% from the previous year.", "2010-01-28") == {"the previous year": "2009"}


def test_plural_weekdays_are_sets():
    """"two new flights would leave Bombay on Monday and Tuesday nights from March 30" (TimeBank's
    APW19980213.1320): XXXX-WXX-1TNI and XXXX-WXX-2TNI, as the gold has them (before: the coming Monday
    and Tuesday, 1998-02-16 and -17); "on Fridays" XXXX-WXX-5 (before: nothing)."""
    doc = {d.name: d for d in read_gold_dir(need_shared("datasets/tempeval3/TBAQ-cleaned/TimeBank"))}["APW19980213.1320"]
    at = doc.text.index("Monday and Tuesday nights")
    gold = [g for g in doc.timexes if at <= g.start < at + 25]
    tagged = {(t.start, t.end): t.value for t in temporal.tag(doc.text, doc.dct)}
    assert [tagged.get((g.start, g.end)) for g in gold] == [g.value for g in gold] == ["XXXX-WXX-1TNI", "XXXX-WXX-2TNI"]
    assert values("The agency will update the data weekly, on Fridays.", "2009-06-30") == \
        {"weekly": "P1W", "Fridays": "XXXX-WXX-5"}


def test_part_of_a_short_decade(timeline17_dir):
    """"in the early '90s, Hosni Mubarak visited Ethiopia" (CNN, 2011-01-29) is 199, as "the early 1990s"
    is (before: nothing; the apostrophe form took no "early", "late" or "mid")."""
    assert ("the early '90s", "199") in timeline17_values(timeline17_dir, "in the early '90s , Hosni Mubarak")
    assert values("Prices soared in the mid-'90s.", "2011-03-09") == {"the mid-'90s": "199"}


def test_a_range_of_lengths_is_one_duration_of_its_lower_end():
    """"the company will resume shipments of the chips within two to three weeks" (TimeBank's wsj_0585):
    one duration, P2W, as the gold has it (before: "three weeks", P3W); "three or four hours" PT3H. A
    range counted back stays with "ago" and is read at its lower end too: "30 or 40 years ago" is 1980
    in 2010 (it was "40 years ago" alone, 1970)."""
    gold, ours = timebank_gold_and_ours("wsj_0585", "two to three weeks")
    assert gold and ours == gold == ["P2W"]
    assert values("It took three or four hours.", "1989-10-30") == {"three or four hours": "PT3H"}
    assert values("Talent was scarcer 30 or 40 years ago.", "2010-06-02") == {"30 or 40 years ago": "1980"}


def test_the_past_hour_or_day_is_a_length_up_to_now(timeline17_dir):
    """"Tweets from CNN iReporters in the past hour" (CNN, 2011-01-28): PT1H (before: "the past",
    PAST_REF); "The number of swine flu cases in Australia has doubled in the last day" (BBC): P1D
    (before: nothing). Not "at the last minute", nor "on the last day of the trial"."""
    assert ("the past hour", "PT1H") in timeline17_values(timeline17_dir, "Tweets from CNN iReporters in the past hour")
    assert ("the last day", "P1D") in timeline17_values(timeline17_dir, "in Australia has doubled in the last day")
    assert values("The deal was saved at the last minute.", "2010-05-22") == {}
    assert "the last day" not in values("He testified on the last day of the trial.", "2010-05-22")


def test_a_future_after_a_past_was_is_not_the_weekdays(timeline17_dir):
    """"A missile struck near a television station early Saturday when the Libyan leader was making an
    address in which he said he would never step down" (Reuters, Sunday 2011-05-01) is 2011-04-30 (before:
    2011-05-07, the "would" taken as the Saturday's); so "an Oval Office address to the nation Tuesday night
    in which the president said he would ..." (Fox News, 2010-06-16) is 2010-06-15."""
    assert ("early Saturday", "2011-04-30") in \
        timeline17_values(timeline17_dir, "A missile struck near a television station early Saturday")
    assert ("Tuesday night", "2010-06-15TNI") in \
        timeline17_values(timeline17_dir, "an Oval Office address to the nation Tuesday night")


def test_a_date_after_a_past_verb_and_a_possessive_is_gone_by(timeline17_dir):
    """"President Obama warned in his March 28 address to the nation" (CNN, 2011-06-24) is 2011-03-28, and
    "the president said in his March 31 announcement" (Washington Post, 2010-10-12) 2010-03-31 (before: the
    next March, the nearest)."""
    assert ("March 28", "2011-03-28") in timeline17_values(timeline17_dir, "warned in his March 28 address")
    assert ("March 31", "2010-03-31") in timeline17_values(timeline17_dir, "said in his March 31 announcement")


def test_a_date_before_a_named_incident_with_its_modifiers_has_gone_by(timeline17_dir):
    """"the April 20 well blowout that killed 11" (Fox News, 2010-11-04) and "the April 20 Deepwater Horizon
    blowout" (Reuters, 2010-11-08) are 2010-04-20 (before: 2011-04-20, the nearest April 20, the noun
    after the date read only when right after it); "expected to pick up Saturday into Sunday causing the
    spill" is still the coming Sunday (a verb is no modifier)."""
    for needle in ("victims of the April 20 well blowout", "led to the April 20 Deepwater Horizon blowout",
                   "referring to the April 20 well rupture"):
        _, found = next(timeline17_stating(timeline17_dir, needle))
        assert ("April 20", "2010-04-20") in [(t.text, t.value) for t in found], needle
    # an uprising is an incident too
    assert ("January 25", "2011-01-25") in \
        timeline17_values(timeline17_dir, "will not determine the outcome of the January 25 uprising")
    assert ("Sunday", "2010-05-09") in \
        timeline17_values(timeline17_dir, "pick up Saturday into Sunday causing the spill")


def test_a_past_verb_right_after_a_date_in_what_a_noun_names_is_the_dates(timeline17_dir):
    """"The Deepwater Horizon drilling rig explosion in April killed 11 workers" (BBC, 2010-12-16) and "The
    explosion on the Deepwater Horizon on the night of 20 April killed 11 men" (Guardian, 2010-12-16) are
    April 2010 (before: 2011, the nearest April); not "the hurricane season starting on 1 June predicted"
    (a participle's date), nor "Brent futures for April closed up" (a contract's month ahead)."""
    assert ("April", "2010-04") in \
        timeline17_values(timeline17_dir, "drilling rig explosion in April killed 11 workers")
    assert ("the night of 20 April", "2010-04-20TNI") in \
        timeline17_values(timeline17_dir, "on the night of 20 April killed 11 men")
    assert ("April", "2011-04") in timeline17_values(timeline17_dir, "Brent futures for April closed up")


def test_a_weekday_opening_its_sentence_takes_the_tense_of_the_clause_after_its_comma(timeline17_dir):
    """"On Monday, all pending claims will be paid" (Washington Post, Saturday 2010-08-21) is 2010-08-23
    (before: 2010-08-16, the clause of "On Monday" ending at its comma); "On Wednesday, BP said it would
    pay" stays the Wednesday gone by, and so does "On Friday, the Kenyan government planned to pay"."""
    assert ("Monday", "2010-08-23") in timeline17_values(timeline17_dir, "On Monday , all pending claims will be")
    assert values("On Wednesday, BP said it would pay for the clean-up.", "2010-06-03") == {"Wednesday": "2010-06-02"}
    # so a clause after ", and": "Allen said, and by Friday, crews plan to start blasting" (Guardian, Sunday 2010-07-25)
    text, found = next(timeline17_stating(timeline17_dir, "Allen said , and by Friday , crews plan to"))
    at = text.index("by Friday , crews plan")
    assert [(t.text, t.value) for t in found if at <= t.start < at + 10] == [("Friday", "2010-07-30")]
    assert values("On Friday, the government planned to pay the families.", "1998-09-30") == {"Friday": "1998-09-25"}


def test_this_weekday_is_the_one_of_this_week_still_to_come(timeline17_dir):
    """"She refuses to take part in the elections this Sunday" (Guardian, Monday 2005-01-24) is 2005-01-30,
    the Iraqi election (before: 2005-01-23, the Sunday gone by); "the Pacquiao ... national day of
    celebration ... this Friday" (BBC, Wednesday 2009-05-06) 2009-05-08. Told as past, this week's day gone
    by: "He resigned this Monday" on a Wednesday is two days back."""
    assert ("this Sunday", "2005-01-30") in \
        timeline17_values(timeline17_dir, "She refuses to take part in the elections this Sunday")
    assert ("this Friday", "2009-05-08") in timeline17_values(timeline17_dir, "for Mr Pacquiao this Friday")
    assert values("He resigned this Monday.", "2010-08-18") == {"this Monday": "2010-08-16"}


def test_a_past_verb_before_to_and_a_noun_phrase_is_past(timeline17_dir):
    """"Gaddafi's former interior minister who defected to the rebels on February 22" (Reuters, 2011-08-24)
    is 2011-02-22 (before: 2012-02-22: a past verb before "to" was taken as one before an infinitive,
    "expected to", and not read as past)."""
    reports = list(timeline17_stating(timeline17_dir, "who defected to the rebels on February 22"))
    assert len(reports) >= 2
    for _, found in reports:
        assert [t.value for t in found if t.text == "February 22"] == ["2011-02-22"]


def test_did_tells_of_the_past(timeline17_dir):
    """"Bartlit said BP did not have the results of that test before 19 April" (Guardian, 2010-10-29) is
    2010-04-19 (before: 2011-04-19, "did" no past cue)."""
    assert ("19 April", "2010-04-19") in \
        timeline17_values(timeline17_dir, "did not have the results of that test before 19 April")


def test_a_chronologys_line_and_a_dateline_tell_of_the_past(timeline17_dir):
    """A chronology's line, "March 17 - The U.N. Security Council votes ..." (Reuters, 2011-09-21), is
    2011-03-17, and a dateline, "HOUSTON, April 29 (Reuters) -", in a report of 2010-05-14, 2010-04-29
    (before: the next year's, the present tense telling no side). A day told as past a day or two after the report's
    date is that day: "June 4 : Oil is seen gushing" under 2010-06-03 (before: 2009-06-04)."""
    for needle, expected in (("March 17 - The U.N. Security Council", ("March 17", "2011-03-17")),
                             ("June 4 : Oil is seen gushing", ("June 4", "2010-06-04"))):
        reports = list(timeline17_stating(timeline17_dir, needle))
        assert reports, needle
        for _, found in reports:
            assert expected in [(t.text, t.value) for t in found], (needle, found[:3])
    dateline = "HOUSTON, April 29 (Reuters) - A mass of oil is moving toward the shore."
    assert values(dateline, "2010-05-14") == {"April 29": "2010-04-29"}


def test_a_weekday_between_a_reporting_verb_and_that_is_the_day_it_was_said(timeline17_dir):
    """"The French foreign minister said on his blog Wednesday that several Arab countries would take part"
    (CNN, Thursday 2011-03-17) is 2011-03-16 (before: 2011-03-23, the "would" of what was said taken as the
    Wednesday's); so "saying Friday that neither the leader nor his family ..." (CNN, Saturday 2011-08-20)."""
    for needle, expected in (("The French foreign minister said on his blog Wednesday", ("Wednesday", "2011-03-16")),
                             ("saying Friday that neither the leader", ("Friday", "2011-08-19"))):
        text, found = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle)
        assert [(t.text, t.value) for t in found if at <= t.start < at + len(needle)] == [expected], needle


def test_until_a_month_looks_ahead_unless_a_past_verb_tells_otherwise(timeline17_dir):
    """"he has no intention of stepping down until September, when his term ends" (CNN, 2011-02-03) is
    2011-09 (before: 2010-09, the nearest September); "BP's next annual meeting doesn't occur until April"
    (Fox News, 2010-07-08) 2011-04. "He stayed until September" in January 2011 is still last September."""
    assert ("September", "2011-09") in timeline17_values(timeline17_dir, "no intention of stepping down until September")
    assert ("April", "2011-04") in timeline17_values(timeline17_dir, "annual meeting does n't occur until April")
    assert values("He stayed until September.", "2011-01-28") == {"September": "2010-09"}


def test_a_fiscal_year_placed_by_a_word_is_that_year(timeline17_dir):
    """"7.38 billion Canadian dollars in sales in the latest fiscal year" (TimeBank's wsj_1006, 1989-10-26)
    is 1988, as the gold has it; "contracts worth at least $980 million in the current fiscal year"
    (Washington Post, 2010-07-05) 2010, "revenue shortfalls ... in the coming fiscal year" (Reuters,
    2010-07-16) 2011 (before: none, or "current" alone as the present). "the previous fiscal year" is the
    year before, as "the previous year" is."""
    gold, ours = timebank_gold_and_ours("wsj_1006", "the latest fiscal year")
    assert gold and ours == gold == ["1988"]
    assert ("the current fiscal year", "2010") in timeline17_values(timeline17_dir, "$ 980 million in the current fiscal")
    assert ("the coming fiscal year", "2011") in timeline17_values(timeline17_dir, "in the coming fiscal year")
    assert values("Sales rose 4% in the previous fiscal year.", "1989-10-26") == {"the previous fiscal year": "1988"}


def test_a_count_a_day_is_a_rate(timeline17_dir):
    """"the current four flights a week", "nearly 700 seats a week" (TimeBank), "collecting 5,000 barrels
    a day" (BP coverage), "$1.5 billion dollars a year in foreign aid": a rate, a set (SET P1D), as TimeML
    has "fifty thousand CDs a year" (before: each a duration). A length given, or a verb in "-s", stays
    a duration: "gave the troops a week to leave", "comes a month after"."""
    rate = temporal.tag("Qantas will run four flights a week, up from 700 seats a week.", "1998-02-13")
    assert [(t.text, t.type, t.value) for t in rate] == [("a week", "SET", "P1W")] * 2
    text, found = next(timeline17_stating(timeline17_dir, "was collecting 5,000 barrels a day"))
    at = text.index("was collecting 5,000 barrels a day")
    assert [(t.text, t.type) for t in found if at < t.start < at + 40] == [("a day", "SET")]
    for lengths in ("The rebels gave the troops a week to leave.", "The attack comes a month after the raid."):
        assert [t.type for t in temporal.tag(lengths, "2011-03-01")] == ["DURATION"], lengths


_ABBREVIATED_DAY_THEN_CLOCK = re.compile(
    r"\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.\s+\d{1,2}\s+(?:at|around)\s+(?:about\s+)?(?P<clock>\d{1,2}(?::\d\d)?\s*[ap]\.m\.)")


def test_a_time_of_day_right_after_an_abbreviated_date_is_that_dates(gvc_dir):
    """"took place on Feb. 5 at about 8:30 p.m." (an article of 2015-02-11), "reported on Jan. 10 at 4:45
    p.m.", "happened Oct. 4 around 9:30 p.m.": each time on the date before it (before: on the report's
    day, the period of "Feb." taken for a sentence's end)."""
    seen = 0
    for text, tagged in gva_articles_stating(gvc_dir, _ABBREVIATED_DAY_THEN_CLOCK):
        for m in _ABBREVIATED_DAY_THEN_CLOCK.finditer(text):
            day, time = tagged.get(m.start()), tagged.get(m.start("clock"))
            if day is None or time is None:
                continue
            seen += 1
            assert time.value.startswith(day.value + "T"), (m.group(0), day.value, time.value)
    assert seen >= 3
    assert values("The offer expires Nov. 16 at 5 p.m.", "1989-11-08")["5 p.m."] == "1989-11-16T17:00"


def test_half_of_a_unit_is_half_its_length(timeline17_dir):
    """"They filmed for half an hour" (Guardian) PT30M, "in the past half century" P50Y, "conducted half a
    century ago" in 2005 1955 (before: "an hour" PT1H, "the past" alone, "a century ago" 1905). Not a
    results' "half-year report", nor a name ("Sunday Half Hour")."""
    assert ("half an hour", "PT30M") in timeline17_values(timeline17_dir, "They filmed for half an hour")
    assert ("the past half century", "P50Y") in timeline17_values(timeline17_dir, "in the delta over the past half century")
    assert ("half a century ago", "1955") in timeline17_values(timeline17_dir, "conducted half a century ago")
    assert values("In its half-year report, the firm said.", "2011-08-10") == {}
    assert values("The war began in 1939. Half a century later, the wall fell.", None)["Half a century later"] == "1989"


def test_a_weekday_in_a_name_is_no_day_of_the_week_and_easters_days_are_holidays(timeline17_dir, gvc_dir):
    """"Norman Lamont on Black Wednesday in 1992" (Guardian, 2010), "the events of Bloody Sunday" (of
    1972): names whose date the words do not give, so untagged (before: the Wednesday or Sunday nearest
    the report). Palm Sunday, Ash Wednesday, Easter Monday are days counted from Easter, as Good Friday
    is; "the 3100 block of Easter Avenue" (GVA) is a street."""
    for needle, weekday in (("Norman Lamont on Black Wednesday", "Wednesday"), ("the events of Bloody Sunday", "Sunday")):
        text, found = next(timeline17_stating(timeline17_dir, needle))
        at = text.index(needle) + len(needle) - len(weekday)
        assert not [t for t in found if t.start <= at < t.end], (needle, [t for t in found if abs(t.start - at) < 40])
    assert values("The procession was held on Palm Sunday in 2011.", "2011-05-01")["Palm Sunday"] == "2011-04-17"
    assert values("Lent began on Ash Wednesday, 2011.", "2011-05-01")["Ash Wednesday, 2011"] == "2011-03-09"
    assert values("Banks closed on Easter Monday 2010.", "2010-06-24")["Easter Monday 2010"] == "2010-04-05"
    street = re.compile(r"block of Easter Avenue")
    found = [(m.group(0), t) for m, t in gva_expressions(gvc_dir, street)]
    assert found and all(t is None for _, t in found)
    for _, tagged in gva_articles_stating(gvc_dir, street):
        assert not [t for t in tagged.values() if t.text.startswith("Easter")]


def test_that_quarter_is_the_quarter_last_named():
    """"In the second quarter of 1988 ... Results for that quarter included a charge": 1988-Q2, as "that
    month" and "that year" refer back (before: XXXX-QX); with no quarter named before, still unknown."""
    told = values("In the second quarter of 1988, the company lost money. Results for that quarter included a "
                  "$30 million charge.", "1989-10-27")
    assert told["that quarter"] == "1988-Q2"
    assert values("Results for that quarter included a charge.", "1989-10-27") == {"that quarter": "XXXX-QX"}


def test_a_market_index_named_by_a_number_is_no_year():
    """"The Russell 2000 Index of smaller companies dropped", also spelled "Russel 2000" in wire copy: an
    index, not the year 2000."""
    for name in ("Russell", "Russel"):
        assert values(f"The {name} 2000 Index of smaller companies dropped by 4%.", "2009-02-24") == {}, name


def test_the_week_of_a_day_is_that_days_week(timeline17_dir):
    """"In the week of May 17, Coast Guard officials found" (Reuters, 2010-05-30): 2010-W20, the week
    that day falls in, one expression (before: the day, 2010-05-17)."""
    assert ("the week of May 17", "2010-W20") in timeline17_values(timeline17_dir, "In the week of May 17")


def test_the_second_weekday_of_a_pair_follows_the_first(timeline17_dir):
    """"protesting in more than 50 cities from Thursday through Saturday" (Fox News, Thursday 2010-06-03):
    Saturday 2010-06-05, after that Thursday (before: 2010-05-29, the Saturday gone by); "set to visit the
    Gulf Coast on Monday and Tuesday" (Sunday 2010-06-13): 06-14 and 06-15 (before: Tuesday 06-08)."""
    assert ("Saturday", "2010-06-05") in timeline17_values(timeline17_dir, "50 cities from Thursday through Saturday")
    visit = timeline17_values(timeline17_dir, "set to visit the Gulf Coast on Monday and Tuesday")
    assert ("Monday", "2010-06-14") in visit and ("Tuesday", "2010-06-15") in visit
    assert values("Talks will be held from Monday to Friday.", "2011-03-02") == {"Monday": "2011-03-07", "Friday": "2011-03-11"}


def test_a_date_naming_a_markets_fall_tells_of_one_gone_by():
    """"Investors will try to recover from Friday's plunge", "will rebound after Friday's 190-point drop",
    "will study the Oct. 13 drop" in a Monday's paper of 1989-10-16: the Friday and the Oct. 13 gone by (before:
    the coming Friday, and Oct. 13 of 1990), as "the Jan. 3 crash" is."""
    for told in ("Investors will try to recover from Friday's plunge.",
                 "The market will rebound after Friday's 190-point drop.", "The SEC will study the Oct. 13 drop."):
        assert list(values(told, "1989-10-16").values()) == ["1989-10-13"], told


def test_a_past_verb_right_before_a_date_tells_of_the_past(timeline17_dir, gvc_dir):
    """"the Deepwater Horizon rig that exploded April 20 off Louisiana's coast" (Fox News, 2010-12-30):
    2010-04-20 (before: 2011-04-20, the next one); "According to a complaint filed Feb. 6" (GVA, 2014-01-23):
    2013-02-06. A plan's participle or a futures contract's month is not told as past: "the meeting
    scheduled Nov. 8", "More actively traded October crude rose"."""
    assert ("April 20", "2010-04-20") in timeline17_values(timeline17_dir, "rig that exploded April 20 off Louisiana")
    filed = [(m.group(0), t.value if t else None)
             for m, t in gva_expressions(gvc_dir, re.compile(r"(?<=complaint filed )Feb\. 6\b"))]
    assert filed and all(value == "2013-02-06" for _, value in filed), filed
    assert values("The meeting scheduled Nov. 8 will go ahead.", "1989-10-25") == {"Nov. 8": "1989-11-08"}
    assert values("More actively traded October crude rose $2.01.", "2011-08-22") == {"October": "2011-10"}


def test_may_or_might_before_a_date_looks_ahead(timeline17_dir, gvc_dir):
    """"That may take all of Tuesday and possibly run into Wednesday" (BBC, Monday 2010-08-02): 08-03 and
    08-04 (before: Wednesday 07-28); "the leak might not be stopped before August" (2010-05-30): 2010-08.
    Not what may have happened, nor a modal whose verb comes after an event dated ("charges might be brought
    over the shooting Saturday night", GVA), nor one across a clause ("that may change if Thursday's report")."""
    assert ("Wednesday", "2010-08-04") in timeline17_values(timeline17_dir, "may take all of Tuesday and possibly run into")
    assert ("August", "2010-08") in timeline17_values(timeline17_dir, "might not be stopped before August")
    over = [t.value if t else None for _, t in gva_expressions(gvc_dir, re.compile(r"(?<=might be brought over the shooting )Saturday night"))]
    assert over and all(value and value.startswith("2017-01-07") for value in over), over
    assert values("He may have died on Monday.", "2011-03-02") == {"Monday": "2011-02-28"}
    assert values("The talks may resume Monday.", "2011-03-02") == {"Monday": "2011-03-07"}


def test_the_verb_last_is_no_past_cue(timeline17_dir):
    """"the moratorium is scheduled to last through November" (Fox News, 2010-09-16): 2010-11 (before:
    2009-11, "last" read as in "last year"); "analysts predicting the leak could last until August"
    (2010-06-01): 2010-08; "talks will last through the weekend" on a Friday: the coming one."""
    assert ("November", "2010-11") in timeline17_values(timeline17_dir, "scheduled to last through November")
    assert ("August", "2010-08") in timeline17_values(timeline17_dir, "the leak could last until August")
    assert values("The talks will last through the weekend.", "1998-02-13") == {"the weekend": "1998-W07-WE"}
    assert values("The talks ended last week.", "1998-02-13") == {"last week": "1998-W06"}


def test_will_the_noun_is_no_future_cue():
    """"He was held against his will on Friday" in a Wednesday's paper: the Friday gone by (before: the
    coming one, "will" read as the verb); "They will meet on Friday" still the coming one."""
    assert values("He was held against his will on Friday.", "2011-03-02") == {"Friday": "2011-02-25"}
    assert values("They will meet on Friday.", "2011-03-02") == {"Friday": "2011-03-04"}


def test_this_quarters_results_are_the_quarter_reported():
    """"This quarter's loss includes pretax charges of $4.9 million" (TimeBank's wsj_0344, 1989-11-01):
    1989-Q3, the quarter the report gives results for, as the gold has it (before: 1989-Q4, the quarter
    under way); "This quarter's results will be weak", "Sales will rise this quarter": the one under way."""
    gold, ours = timebank_gold_and_ours("wsj_0344", "This quarter")
    assert gold and ours == gold == ["1989-Q3"]
    assert values("This quarter's results will be weak.", "1989-11-01") == {"This quarter": "1989-Q4"}
    assert values("Sales will rise this quarter.", "1989-11-01") == {"this quarter": "1989-Q4"}


def test_the_day_a_statement_is_named_by_is_the_reports_not_the_events(gvc_dir):
    """"Police said in a Friday afternoon statement that Jeremiah Ross died ... following Thursday night's
    shooting" (GVA, Friday 2014-11-21) is about Thursday 2014-11-20; "said during a news conference
    Thursday afternoon" of the Fort Hood shooting "late Wednesday afternoon" (2014-04-03) is about
    Wednesday 2014-04-02 (before: each the statement's day, which the casualty sentence also names)."""
    from annalist import figures

    for needle, day in (("in a Friday afternoon statement that Jeremiah Ross died", "2014-11-20"),
                        ("said during a news conference Thursday afternoon", "2014-04-02")):
        found = [article for article in gvc_articles(gvc_dir) if needle in (article.get("text") or "")]
        assert found, needle
        for article in found:
            text = article["text"]
            timexes = temporal.annotate(text, article.get("published"))
            told = figures.counted_sentences(text)[:figures.MAX_COUNTED_SENTENCES]
            assert temporal.article_event_date(timexes, text, told) == day, needle


def test_the_day_a_tally_stands_at_is_not_the_day_an_article_is_about(gvc_dir):
    """"44 shooting incidents with 53 victims this week as of 12 a.m. Sunday", in a Sunday paper on a
    Bronx shooting "about 9 p.m. Saturday" (GVA, 2015-06-14): the article is about Saturday 2015-06-13
    (before: Sunday, the tally's day, in a sentence that counts victims)."""
    from annalist import figures

    found = [a for a in gvc_articles(gvc_dir) if "as of 12 a.m. Sunday compared" in (a.get("text") or "")]
    assert found
    for article in found:
        text = article["text"]
        timexes = temporal.annotate(text, article.get("published"))
        told = figures.counted_sentences(text)[:figures.MAX_COUNTED_SENTENCES]
        assert temporal.article_event_date(timexes, text, told) == "2015-06-13"


def test_a_time_of_day_written_close_is_read(timeline17_dir):
    """"The man was taken from flight BA242 which landed at 2pm today" (Guardian, 2009-04-25): 14:00 that
    day (before: untagged, the word "2pm" not one the clock rule looked near; 165 such times in Timeline17's
    British and blog text); "issued January 11 at 3:19PM EST": 15:19 (before: "3:19" read as 03:19); a
    sentence's full stop after "pm" is not the time's."""
    assert ("2pm", "2009-04-25T14:00") in timeline17_values(timeline17_dir, "which landed at 2pm today")
    assert values("Snow Advisory issued January 11 at 3:19PM EST.", "2015-01-11")["3:19PM"] == "2015-01-11T15:19"
    assert values("Lackey was pronounced dead at 11:26pm. Two others lived.", "2017-03-12") == {"11:26pm": "2017-03-12T23:26"}


def test_a_bare_minutes_and_seconds_is_no_time_of_day(timeline17_dir, gvc_dir):
    """A clip's length in a page's video list ("Pause\n\n1:29 Police respond to shooting", GVA), a verse
    ("John 3:16", Timeline17) are no times of day (before: 01:29, 03:16 on the report's day); "around 8:30",
    "It is 5:00 here", "16:59 UK time" still are."""
    clips = [t for m, t in gva_expressions(gvc_dir, re.compile(r"(?<=Pause\n\n)\d:\d\d(?= [A-Z])"))]
    assert clips and all(t is None for t in clips), clips[:3]
    text, found = next(timeline17_stating(timeline17_dir, "the phrase John 3:16"))
    at = text.index("the phrase John 3:16") + len("the phrase John ")
    assert not [t for t in found if t.start == at]
    assert values("Thursday night around 8:30, neighbors heard shots.", "2016-11-17")["8:30"].startswith("2016-11-17T")
    assert values("It is 5:00 here in the morning.", "2011-01-30")["5:00"] == "2011-01-30T05:00"
    assert ("16:59 UK time", "2009-05-05T16:59") in timeline17_values(timeline17_dir, "Mark Easton | 16:59 UK time")


def test_a_time_after_a_night_or_an_evening_is_in_it(gvc_dir):
    """"an 11-year-old boy shot himself in the head Monday night around 9:30" (GVA): 21:30 (before: 09:30);
    "Friday evening about 11:30": 23:30; "The raid began at 8:30" still 08:30."""
    for pattern, hour in ((r"(?<=Monday night around )9:30", "T21:30"), (r"(?<=Friday evening about )11:30", "T23:30")):
        found = [t for _, t in gva_expressions(gvc_dir, re.compile(pattern))]
        assert found and all(t is not None and t.value.endswith(hour) for t in found), (pattern, found[:2])
    assert values("The raid began at 8:30.", "2016-11-17") == {"8:30": "2016-11-17T08:30"}


def test_a_time_written_with_a_dot_is_read(timeline17_dir, gvc_dir):
    """British and blog style "10.12 am", "2.30 a.m. local time" (Guardian, BBC: 312 times in Timeline17
    and GVA): 10:12 (before: "12 am" alone, read as midnight; "10.00 am" as "00 am"). A price ("$10.45
    a share") is no time."""
    assert values("taking a rolling service at 10.12 am, which continued until 7pm.", "2005-07-11") == \
        {"10.12 am": "2005-07-11T10:12", "7pm": "2005-07-11T19:00"}
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"\b11\.15am\b"))]
    assert found and all(t is not None and t.text == "11.15am" and t.value.endswith("T11:15") for t in found), found
    blog = [(text, value) for text, value in timeline17_values(timeline17_dir, "10.43 am CDT : More on the")
            if re.fullmatch(r"\d{1,2}\.\d\d (?:am|pm)", text)]
    assert len(blog) >= 5 and all(value.endswith("T%02d:%s" % (int(text.split(".")[0]) + (12 if text.endswith("pm") and not
                                  text.startswith("12") else 0), text.split(".")[1][:2])) for text, value in blog), blog
    assert values("The price rose to $10.45 a share.", "2010-05-28") == {}


def test_a_24_hour_time_before_a_date_is_on_that_date(timeline17_dir):
    """A comment's stamp "At 11:04 3rd Jun 2010, pitbull1711 wrote" in a page of 1 June: 11:04 on 3 June
    (before: the time on the page's day, the date apart; 214 such in Timeline17); "at around 21:49 on April
    20" in a report of September: 21:49 on April 20. A clip's length before a date ("2:31 May 9 arrests")
    leaves the date alone."""
    assert ("11:04 3rd Jun 2010", "2010-06-03T11:04") in timeline17_values(timeline17_dir, "At 11:04 3rd Jun 2010 , pitbull1711")
    assert ("21:49 on April 20", "2010-04-20T21:49") in timeline17_values(timeline17_dir, "at around 21:49 on April 20")
    assert values("Joco deputy 2:31 May 9 arrests at Kansas City library", "2016-11-04") == {"May 9": "2016-05-09"}


def test_a_time_of_day_is_on_the_day_the_story_last_named(gvc_dir, timeline17_dir):
    """"Two young children and an adult were shot Saturday night in east Baltimore. City police said
    officers were called around 8:10 p.m." (Monday's paper): 20:10 that Saturday (before: on the report's
    day, the day being named one sentence before). Of the 246 GVA times that moved, 50 read: about 45
    right. A story's later named day wins over its earlier dated moment ("up nearly 50% on the previous
    day ... On Thursday ... at 10.12 am" is Thursday's). Not moved: a wire's time on a named clock (a
    price "at 1516 GMT" is the report day's), a live page's entry stamp, a time told as present."""
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"(?<=officers were called around )8:10 p\.m\."))]
    assert ("2016-09-03T20:10" in [t.value for t in found if t]), found
    assert ("10.12 am", "2005-07-07T10:12") in timeline17_values(timeline17_dir, "from the ITV News Channel at 10.12 am")
    assert values("A man was shot Saturday night. He died Monday. Officers were called around 8:10 p.m.", "2016-09-06")[
        "8:10 p.m."] == "2016-09-05T20:10"
    assert values("BP shares fell on Tuesday. The shares traded down 6.8 percent at 1516 GMT.", "2010-04-29")[
        "1516 GMT"] == "2010-04-29T15:16Z"
    assert values("Police said the suspect fled on Thursday. UPDATE: 12:35 PM: Employees say the store is closed.",
                  "2015-11-22")["12:35 PM"] == "2015-11-22T12:35"
    assert values("He was arrested on Monday. The hearing is at 3 p.m. in the county court.", "2016-03-09")[
        "3 p.m."] == "2016-03-09T15:00"


def test_a_span_called_the_period_is_no_reported_quarter(timeline17_dir):
    """"the period between Gaitskell and New Labour", "the period following 9/11", "the period 2003 to
    2008", "the quarter million square miles of the Gulf" (Timeline17): no quarter (before: the quarter
    reported last before the article, 2004-Q4 and so on; 11 such in Timeline17, none kept). "Transocean
    earned $535m in the quarter" still is one, "the quarter-finals" is none, and "U.K. sales for last
    year's quarter" (TimeBank) is the reported quarter a year back, 1988-Q3 (before: "last year", 1988)."""
    def quarters(needle):
        return [value for text, value in timeline17_values(timeline17_dir, needle) if text.lower() in ("the period", "the quarter")]

    assert quarters("the period between Gaitskell and") == []
    assert quarters("the bottom of the quarter million square miles") == []
    assert "2010-Q2" in quarters("Transocean earned $ 535m in the quarter")
    assert values("England reached the quarter-finals last year.", "2010-06-01") == {"last year": "2009"}
    assert timebank_gold_and_ours("wsj_0344", "last year's quarter") == (["1988-Q3"], ["1988-Q3"])


def test_may_alone_is_a_month_only_when_a_word_leads_it(timeline17_dir, gvc_dir):
    """"May God bless them all" (GVA), "May I ask who is oppressing" (a reader's comment), "British PM
    Theresa May", "Brother Joe May" (Timeline17, GVA): no month (before: May of the report's year, 16 in
    Timeline17 and 8 in GVA, none a month). "in May", "since May", "for May and June", "go back to May",
    "during March and May 2015" are (the last three were not: only a few words counted as a lead)."""
    assert not [v for text, v in timeline17_values(timeline17_dir, "Brother Joe May") if text == "May"]
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"(?<=fallen\. )May(?= God)|(?<=Theresa )May\b"))]
    assert found and all(t is None for t in found), found
    assert values("This has caught a lot of businesses off guard, especially for May and June.", "2010-06-09") == \
        {"May": "2010-05", "June": "2010-06"}
    assert values("if we go back to May when my government was formed", "2011-02-06") == {"May": "2010-05"}
    assert values("None has been received since May.", "2005-08-17") == {"May": "2005-05"}
    for listed in ("Attacks came in April, May and June.", "Throughout May, fighting went on.", "Around May the army left.",
                   "the capture of Wanshan Islands (May-August 1950)"):
        assert "May" in values(listed, None), listed  # a list's month, "throughout", "around" lead it too


def test_at_the_end_of_the_day_as_an_idiom_is_no_day(timeline17_dir, gvc_dir):
    """"But at the end of the day, the Arab world ..." (CNN), "“It’s heartbreaking because at the end of the
    day, the parents have to bury ..." (GVA): the idiom, no day (before: the report's or the last named day;
    34 of the 67 in Timeline17 and GVA, all read, all the idiom). "before the end of the day", "by the end of
    the day", "Protesters pray at the end of the day" still are days."""
    assert not [v for text, v in timeline17_values(timeline17_dir, "But at the end of the day , the Arab world")
                if text.endswith("the end of the day")]
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"(?<=because at )the end of the day(?=, the parents)"))]
    assert found and all(t is None for t in found), found
    assert values("Protesters pray at the end of the day.", "2011-02-12") == {"the end of the day": "2011-02-12"}
    assert values("It hopes to evacuate 500 people before the end of the day.", "2011-01-31") == {"the end of the day": "2011-01-31"}


def test_a_second_is_the_ordinal_unless_led_as_a_length(timeline17_dir, gvc_dir):
    """"A second 40-year-old man", "inside a second-floor apartment", "a second, more serious, wave",
    "a second was critically wounded" (GVA, Timeline17): the ordinal, no time (before: PT1S; 32 dropped
    in the two, 30 of them ordinals). "for a second", "a fraction of a second", "Hold on a second", "213
    pages a second" stay lengths (and rates)."""
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"\b[Aa] second(?=-floor| 40-year-old| was critically)"))]
    assert len(found) >= 3 and all(t is None for t in found), found
    assert not [v for text, v in timeline17_values(timeline17_dir, "he expected a second , more serious , wave")
                if text == "a second"]
    assert values("Just be quiet for a second.", "2011-02-01") == {"a second": "PT1S"}
    assert values("it takes a fraction of a second for something to go wrong", "2016-03-01") == {"a second": "PT1S"}


def test_a_house_number_is_no_year(gvc_dir):
    """Police blotters' "responded to a shooting at 1602 Dellwood, near Frayser Elementary", "a call to
    1645 McLemore.", "at 1840 West Palma Vista Drive", "1707 Northeast 82nd Avenue", "(1990 West)" on Salt
    Lake's grid, "the 1500-block", "Association Local 1619", "1692 views" (GVA): no years (before: 1602,
    1645 ... as DATEs; 27 of GVA's 33 years before 1950 were such numbers). "emigrated to St. Louis in
    1857" and "at 1990 levels" are years."""
    houses = re.compile(r"(?<=at )1602(?= Dellwood)|(?<=to )1645(?= McLemore)|(?<=at )1840(?= West Palma)"
                        r"|(?<=on )1707(?= Northeast)|(?<=\()1990(?= West\))|1500(?=-block)|(?<=Local )1619")
    found = list(gva_expressions(gvc_dir, houses))
    assert len({m.group(0) for m, _ in found}) == 7 and all(t is None for _, t in found), found
    assert values("He emigrated from Germany to St. Louis in 1857.", "2017-02-06") == {"1857": "1857"}
    assert values("Prices fell back to 1990 levels.", "2017-02-06") == {"1990": "1990"}


def test_an_irregular_participle_before_a_date_tells_of_the_past(timeline17_dir):
    """"leaking from a rig that sank off Louisiana on Thursday" (BBC, Friday 2010-04-23): the day before,
    not the Thursday to come; "Dr Murray, shown here in February" (January 2011): February 2010; "four
    tests done in February" in an October report: that February (before: the months and weekdays after an
    irregular participle, "sank", "shown", "done", were read as untensed, the nearest, here ahead).
    "will be done in February" still looks ahead."""
    assert ("Thursday", "2010-04-22") in timeline17_values(timeline17_dir, "from a rig that sank off Louisiana on Thursday")
    assert ("February", "2010-02") in timeline17_values(timeline17_dir, "Dr Murray , shown here in February")
    assert values("Of four tests done in February by Halliburton, only one passed.", "2010-10-29") == {"February": "2010-02"}
    assert values("The report will be done in February.", "2010-10-29") == {"February": "2011-02"}


def test_an_age_in_the_plural_or_before_its_noun_is_no_length(gvc_dir):
    """"two 14-year-olds and a 17-year-old", "17-year olds", "a 16-year girl", "an 11-month-boy" (GVA):
    ages, no durations (before: P14Y, P17Y ...; 57 in GVA and 8 in Timeline17 dropped, all ages). "a
    five-year sentence", "a 13-year veteran" stay lengths."""
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"\b14-year(?=-olds and a 17-year-old)|\b16-year(?= girl)"))]
    assert len(found) >= 2 and all(t is None for t in found), found
    assert values("Both were 17-year olds.", "2014-07-28") == {}
    assert values("He received a five-year sentence.", "2014-07-28") == {"five-year": "P5Y"}


def test_now_in_a_name_is_no_present(timeline17_dir, gvc_dir):
    """"Hawaii News Now is not identifying the teen", "Help Now fund" (GVA), "the 1979 film Apocalypse Now",
    "Democracy Now reports" (Timeline17): names, no PRESENT_REF (before: tagged; 30 dropped in the two, 26
    names). "Reply Now we know", "What Now?" and "Police are now searching" keep theirs."""
    found = [t for _, t in gva_expressions(gvc_dir, re.compile(r"(?<=Hawaii News )Now\b|(?<=Help )Now(?= fund)"))]
    assert len(found) >= 3 and all(t is None for t in found), found
    assert not [v for text, v in timeline17_values(timeline17_dir, "the 1979 film Apocalypse Now") if text == "Now"]
    assert values("| Reply Now we know how Soloman felt.", "2011-03-25") == {"Now": "PRESENT_REF"}
    assert values("They painted the words What Now?", "2011-03-25") == {"Now": "PRESENT_REF"}
    assert values("Police are now searching.", "2016-01-01") == {"now": "PRESENT_REF"}


def test_late_or_early_in_the_day_is_the_storys_day(timeline17_dir):
    """"a decree the council issued late in the day" (Reuters, 2011-03-05), "Engineers scrambled late in
    the day to recap the well" (Washington Post, the day before its date), "Early in the day, Nile TV began
    showing" after "walked a tightrope Friday": the day the story tells of (before: untagged; 8 in
    Timeline17, all read, right), as "later in the day" already was."""
    assert ("late in the day", "2010-06-23") in timeline17_values(timeline17_dir, "Engineers scrambled late in the day")
    assert ("Early in the day", "2011-01-28") in timeline17_values(timeline17_dir, "Early in the day , Nile TV began")


def test_a_weekday_ending_a_line_is_not_joined_to_the_date_on_the_next():
    """A headline that ends on a weekday and the date line under it (MEANTIME: "Russian markets to
    remain closed until Friday" / "September 18 , 2008"): two expressions, the Friday to come and the
    date (before: one expression across the line break, the headline's Friday lost; MEANTIME tune value
    F1 0.8768 -> 0.8792). "Friday, September 12, 2008" on one line stays one."""
    assert values("Russian markets to remain closed until Friday\nSeptember 18 , 2008\nThe government said.", "2008-09-18") == \
        {"Friday": "2008-09-19", "September 18 , 2008": "2008-09-18"}
    assert values("It happened on Friday, September 12, 2008.", "2008-09-18") == {"Friday, September 12, 2008": "2008-09-12"}


def test_a_number_with_thousands_separators_is_read_whole(timeline17_dir):
    """"Sumo wrestling in Japan dates back 2,000 years" (CNN), "the Crusades 1,000 years ago", "1,000
    hours of community service": P2000Y, 1005, PT1000H (before: "000 years" P0Y, "000 years ago" the
    report's own year; 24 such in Timeline17, all read, all now right or untagged). "125,000 years ago"
    is before any year the calendar writes: untagged, not the report's year."""
    assert ("2,000 years", "P2000Y") in timeline17_values(timeline17_dir, "Sumo wrestling in Japan dates back 2,000 years")
    assert values("the conflict with the Israelis to the Crusades 1,000 years ago.", "2005-10-07") == {"1,000 years ago": "1005"}
    assert values("He was ordered to perform 1,000 hours of community service.", "2010-06-01") == {"1,000 hours": "PT1000H"}
    assert values("They lived in eastern Arabia about 100,000 to 125,000 years ago.", "2011-01-27") == {}


def test_a_date_after_a_fronted_adverbial_or_an_approximation_opens_its_sentence(gvc_dir, timeline17_dir):
    """A date or a time still opens its sentence after a time adverbial set off by a comma or after an
    approximation, and takes the tense of the clause after it: "A month earlier, on June 11, a 32-year-old
    man was shot to death" (Daily News, December 2016) is June 2016 (before: 2017, the nearest June 11);
    "A few weeks later, on June 11, another Warrior convoy he was leading was ambushed" (Guardian, March
    2005) June 2004; "Sunday night. At about 7 p.m., a gunman shot two men" is Sunday's 7 p.m. and "on New
    Year's Eve. At about 8:30 p.m., the boy accidentally shot himself" New Year's Eve's (before: the
    report's day); "Shortly after midnight, deputies were dispatched" the midnight that began the report's
    day. So does one opening a reported clause: "The state alleged that at 4 a.m. on April 7, Wilson started
    shooting" (December 2013) is April 2013 (before: 2014), not "been through that on Friday". "A month
    earlier, on June 11, the board will meet" looks ahead."""
    _, _, tagged = gva_stating(gvc_dir, "A month earlier, on June 11, a 32-year-old man")
    found = [(t.text, t.value) for t in tagged]
    assert ("June 11", "2016-06-11") in found and ("7 p.m.", "2016-12-11T19:00") in found
    _, _, tagged = gva_stating(gvc_dir, "At about 8:30 p.m., the boy accidentally shot himself")
    assert ("8:30 p.m.", "2016-12-31T20:30") in [(t.text, t.value) for t in tagged]
    assert ("June 11", "2004-06-11") in timeline17_values(timeline17_dir, "A few weeks later , on June 11 , another Warrior")
    assert values("A month earlier, on June 11, the board will meet.", "2016-12-12") == {
        "A month earlier": "2016-11", "June 11": "2017-06-11"}
    assert values("Shortly after midnight, deputies were dispatched.", "2017-01-20") == {"midnight": "2017-01-20T00:00"}
    _, _, tagged = gva_stating(gvc_dir, "The state alleged that at 4 a.m. on April 7, Wilson started shooting")
    assert ("4 a.m. on April 7", "2013-04-07T04:00") in [(t.text, t.value) for t in tagged]
    assert values("So they've been through that on Friday, and they say they will push ahead.", "2011-01-31") == {
        "Friday": "2011-01-28"}


def test_paragraph_breaks_and_quotes_count_one_sentence_end_and_a_stamp_alone_on_its_line_is_the_reports(
        gvc_dir, timeline17_dir):
    """A blank line between paragraphs, or a quote's close before it, ends one sentence, not two: "A man was
    taken into custody Monday morning ... described by police as "horrific." / Sanford police said Allen
    D. Cashe was arrested in connection with the shootings, which were reported around 6:20 a.m." is
    Monday's 6:20 (before: the report's day, Monday three sentence ends back); "applied on Feb. 22, 2013,
    for ... a personal protection order ... the day before the filing" is 2013-02-21 (before: the day
    before the report). A time alone on its line is a live page's entry stamp, of the report's day, not of
    a day its story told: "... on the night of Nov. 3, 2015 ... / 2 a.m. / Jurors are set to hear" (a trial
    page of 2017-03-20; before: 2015-11-03T02:00, once the paragraphs counted right); so is a time opening
    its sentence before a colon, "12.20 pm : The senators are starting to get unhappy" (a live blog of
    2010-05-11; before: the April 20 the blog had named)."""
    _, _, tagged = gva_stating(gvc_dir, 'described by police as "horrific."\n\nSanford police said Allen D. Cashe')
    assert ("6:20 a.m.", "2017-03-27T06:20") in [(t.text, t.value) for t in tagged]
    _, _, tagged = gva_stating(gvc_dir, "“kicking things” the day before the filing")
    assert ("the day before", "2013-02-21") in [(t.text, t.value) for t in tagged]
    _, published, tagged = gva_stating(gvc_dir, "custody of his son.\n\n2 a.m.\n\nJurors are set to hear")
    assert published == "2017-03-20" and ("2 a.m.", "2017-03-20T02:00") in [(t.text, t.value) for t in tagged]
    assert values("Updated 6 January 2011 Last updated at 04:46 GMT", "2011-01-05")["04:46 GMT"] == "2011-01-06T04:46Z"
    assert ("12.20 pm", "2010-05-11T12:20") in timeline17_values(timeline17_dir, "12.20 pm : The senators are starting")


def test_a_point_before_a_lower_case_word_or_a_comma_ends_no_clause(timeline17_dir, gvc_dir):
    """An abbreviation's point mid-sentence ("Corp. , which", "St. after", "Dr. around", "Jr. was") ends
    no clause, as a sentence never goes on in lower case: "In July , 57-year-old Lonnie David Franklin Jr.
    was arrested" (January 2011) is July 2010 (before: the clause ended at "Jr.", no tense, the nearest
    July, 2011); "They will still be panicking on Wall St. after Friday" (a Wednesday) the coming Friday;
    "shot Saturday afternoon in Bossier City. Bossier City police officers were called to the 1200 block of
    Schex Dr. around 1 p.m." Saturday's 1 p.m. A point before a capital still ends one."""
    assert ("July", "2010-07") in timeline17_values(timeline17_dir, "In July , 57-year-old Lonnie David Franklin Jr. was")
    assert ("Friday", "2008-09-26") in timeline17_values(timeline17_dir, "They will still be panicking on Wall St. after Friday")
    _, _, tagged = gva_stating(gvc_dir, "called to the 1200 block of Schex Dr. around 1 p.m.")
    assert ("1 p.m.", "2017-03-18T13:00") in [(t.text, t.value) for t in tagged]
    assert values("The shop on Main St. closed. In July we will open.", "2011-01-27") == {"July": "2011-07"}


def test_a_fronted_date_takes_the_tense_of_its_clause_past_an_apposition(timeline17_dir):
    """A date set off before its clause takes the clause's tense though an apposition or an aside stands
    between: "On May 13 , the joint venture , Ocean Therapies Solutions -LRB- OTS -RRB- , signed an
    agreement" (December 2010) is May 2010 and "That same day , BP agreed" with it (before: May 2011, the
    tense looked for in "the joint venture" only); "In March , his new firm , Bear Stearns , was taken over"
    (December 2008) March 2008; "On Wednesday , Hayward and the BP chairman , Carl-Henric Svanberg , will
    meet the president" (a Sunday) the coming Wednesday. An aside opened by "which" is skipped ("In May ,
    the China National Offshore Oil Corp. , which has been expanding"), and a clause whose verb tells no
    side ends the search ("By Wednesday , workers should finish installing steel casing ..., Allen said" is
    the coming Wednesday, not the one gone by)."""
    found = timeline17_values(timeline17_dir, "On May 13 , the joint venture , Ocean Therapies")
    assert ("May 13", "2010-05-13") in found and ("That same day", "2010-05-13") in found
    assert ("March", "2008-03") in timeline17_values(timeline17_dir, "In March , his new firm , Bear Stearns")
    assert ("Wednesday", "2010-06-16") in timeline17_values(timeline17_dir, "On Wednesday , Hayward and the BP chairman")
    assert ("May", "2010-05") in timeline17_values(timeline17_dir, "In May , the China National Offshore Oil Corp.")
    assert ("Wednesday", "2010-07-28") in timeline17_values(timeline17_dir, "By Wednesday , workers should finish")


def test_a_month_and_the_ordinal_of_its_day_said_aloud_is_that_day(timeline17_dir):
    """"July the 27th", "November the 20th" (broadcast transcripts on Timeline17) are days, one expression
    (before: the month alone, 2011-07 and 2011-11): "At the end of Wednesday , July the 27th" (July 29,
    2011), "Spain will go to the polls on November the 20th". Only an ordinal makes the day: "in March the 3
    districts" is March."""
    found = timeline17_values(timeline17_dir, "At the end of Wednesday , July the 27th")
    assert ("July the 27th", "2011-07-27") in found and ("November the 20th", "2011-11-20") in found
    assert values("It's Wednesday January the 12th.", "2011-01-13") == {"Wednesday January the 12th": "2011-01-12"}
    assert values("The vote is in March the 3 districts.", "2011-01-13") == {"March": "2011-03"}


def test_a_relative_pronoun_right_before_a_past_verb_tells_of_the_past(timeline17_dir):
    """"that"/"which"/"who" right before a past verb is its subject, and the clause tells of the past
    whatever the clause it hangs on looks ahead to: "oil will continue leaking from the damaged exploration
    well that blew out on April 20" (May 2010) is April 2010, "the string of bailouts that began in March"
    (September 2008) March 2008, "government institutions that survived the uprising to overthrow Mubarak
    in February" (September 2011) February 2011 (before: each the coming one). "blew", "stuck" and other
    irregular pasts are past verbs ("On Thursday , Allen pointedly stuck to the official government
    estimate that the leak will" is the Thursday gone by), and a day that names an event is that event
    after "before" too ("meetings occurred ... before 11 September", February 2005: 2001). "a plan that
    needed approval in March" under a "will" stays ahead ("needed", like "planned", is no past told)."""
    assert ("April 20", "2010-04-20") in timeline17_values(timeline17_dir, "well that blew out on April 20 , setting")
    assert ("March", "2008-03") in timeline17_values(timeline17_dir, "the string of bailouts that began in March")
    assert ("February", "2011-02") in timeline17_values(timeline17_dir, "institutions that survived the uprising")
    assert ("Thursday", "2010-07-08") in timeline17_values(timeline17_dir, "On Thursday , Allen pointedly stuck")
    assert ("11 September", "2001-09-11") in timeline17_values(timeline17_dir, "nuclear scientists before 11 September")
    assert values("Crews will keep pumping at the well that blew out on April 20.", "2010-05-09") == {"April 20": "2010-04-20"}
    assert values("It will be a plan that needed approval in March.", "2010-11-09") == {"March": "2011-03"}


def test_having_and_a_participle_tells_of_the_past(timeline17_dir):
    """"Having swept elections in January, conservatives boast" (Guardian, August 2005): January 2005
    (before: 2006, the nearest); "Having to work in January" is no past."""
    assert ("January", "2005-01") in timeline17_values(timeline17_dir, "Having swept elections in January")
    assert values("Having been elected in January, he resigned.", "2005-08-12") == {"January": "2005-01"}
    assert values("Having to work in January is hard.", "2005-08-12") == {"January": "2006-01"}


def test_the_last_weekday_of_a_period_is_not_last_weeks(timeline17_dir):
    """"On the last Sunday in January, a few hundred people" (a February report), "traditional worship on
    the last Friday of Ramadan", "normally reported on the last Tuesday of the month" (Timeline17): no
    "last Sunday" of the report's week (before: 2011-02-06 and so on; 4 in Timeline17, all such). "last
    Friday in Cairo" is still the Friday gone by; "the first Monday in October" is no Monday of this week."""
    assert not [v for text, v in timeline17_values(timeline17_dir, "On the last Sunday in January , a few hundred")
                if text == "last Sunday"]
    assert values("It happened last Friday in Cairo.", "2011-02-07") == {"last Friday": "2011-02-04"}
    assert values("The court opens on the first Monday in October.", "2011-02-07") == {"October": "2010-10"}


_FRONTED_PAST_DATE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:On|In)\s+(?P<date>(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?),\s+[^,.;]{1,60}?\b(?:was|were|had)\b")


def test_a_date_set_off_before_its_clause_takes_that_clauses_tense(gvc_dir, timeline17_dir):
    """"On July 19, the HCAO dropped charges" in a year's review of January 2014 is July 2013, "In January,
    he was booked" (November 2016) January 2016 (before: the nearest, the coming ones: the date opening
    its sentence had no tense before it, and none after in its clause, which the comma ended); "In late
    April, Contogouris and Baldwin got in touch" (December 2010) April 2010 ("got" a past verb; not "She's
    got a runoff on June 22nd"). And "On June 20, 11 were shot", "On June 28, 4-year-old Kevan Collins
    was": dates (before: untagged, a number after the comma taken for the date's year). Every GVA date
    opening its sentence this way before "was", "were" or "had" lies on or before the report's date, as
    a report lags (3 days; before: 11 of 29 did not)."""
    _, _, tagged = gva_stating(gvc_dir, "On July 19, the HCAO dropped charges")
    assert ("July 19", "2013-07-19") in [(t.text, t.value) for t in tagged]
    _, _, tagged = gva_stating(gvc_dir, "In January, he was booked")
    assert ("January", "2016-01") in [(t.text, t.value) for t in tagged]
    assert ("late April", "2010-04") in timeline17_values(timeline17_dir, "In late April , Contogouris and Baldwin got")
    assert ("June 22nd", "2010-06-22") in timeline17_values(timeline17_dir, "She 's got a runoff on June 22nd")
    assert values("On June 28, 4-year-old Kevan Collins was shot.", "2016-07-06") == {"June 28": "2016-06-28"}
    found, late = 0, []
    for article in gvc_articles(gvc_dir):
        text, published = article.get("text") or "", article.get("published")
        if not published or not _FRONTED_PAST_DATE.search(text):
            continue
        tagged = {t.start: t for t in temporal.tag(text, published[:10])}
        limit = (date.fromisoformat(published[:10]) + timedelta(days=3)).isoformat()
        for m in _FRONTED_PAST_DATE.finditer(text):
            found += 1
            ours = tagged.get(m.start("date"))
            if ours is None or ours.value[:10] > limit[:len(ours.value[:10])]:
                late.append((m.group(0), ours and ours.value))
    assert found >= 25 and not late, late


def test_a_day_that_names_an_event_is_that_events_day(timeline17_dir):
    """"the September 11 attacks", "the Sept. 11 Victim Compensation Fund", "the terrorist attacks of
    September 11" in the Timeline17 reports of 2005-2011: 2001-09-11 (before: the September 11 nearest the
    report, 2004, 2009, 2010, or a year the story had reached: 1825 in "the wrongful arrest of tens of
    thousands of British Muslims after the September 11 attacks"; 28 such, all now 2001). A September 11
    with no word of the event stays a day near the report ("The hearing is on Sept. 11"), and so does
    each in a report of 2001 itself."""
    named = re.compile(r"(?:Sept(?:ember|\.)?\s+11|11\s+September)\s+(?:terror(?:ist)?\s+)?(?:attacks|Victim|fund)\b")
    found = [(t.text, t.value) for needle in ("September 11", "Sept. 11", "Sept 11", "11 September")
             for page_text, tagged in timeline17_stating(timeline17_dir, needle)
             for t in tagged if named.match(page_text, t.start) and needle in t.text]
    assert len(found) >= 20 and all(value == "2001-09-11" for _, value in found), found
    text = "Feinberg ran the Sept. 11 Victim Compensation Fund. The hearing is on Sept. 11."
    assert [(t.text, t.value) for t in temporal.tag(text, "2010-06-19")] == [("Sept. 11", "2001-09-11"), ("Sept. 11", "2010-09-11")]
    assert values("The hearing is on Sept. 11.", "2001-06-19") == {"Sept. 11": "2001-09-11"}


def test_years_later_than_an_undated_past_are_no_year_to_come(timeline17_dir):
    """"America's worst offshore oil leak was the Exxon Valdez spill in Alaska. Twenty-one years later,
    the BBC's ..." (BBC, 2010), "Two decades later, KBR drew up the 'Logcap'" (Guardian, 2005), "Ten years
    later, the USA and UK remain there": counted from a past the text does not date, so no year after the
    report's (before: 2031, 2025, 2021, counted from the report's date or a day near it; 64 such values in
    Timeline17): the writer's past or present, PAST_REF or PRESENT_REF, by the clause's tense. Every
    "later" of Timeline17 that lands after its report's year now lies in a clause that looks ahead ("Or
    maybe we will wake up a year later")."""
    assert ("Twenty-one years later", "PAST_REF") in timeline17_values(timeline17_dir, "Twenty-one years later , the BBC")
    assert ("Two decades later", "PAST_REF") in timeline17_values(timeline17_dir, "Two decades later , KBR drew up")
    assert ("Ten years later", "PRESENT_REF") in timeline17_values(timeline17_dir, "Ten years later , the USA and UK remain there")
    assert ("a year later", "2009") in timeline17_values(timeline17_dir, "Or maybe we will wake up a year later")
    assert values("He was elected in 1990. Ten years later, he resigned.", "2011-02-02") == {"1990": "1990", "Ten years later": "2000"}
    ahead = []
    for page in sorted(timeline17_dir.glob("*/InputDocs/*/*")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if "later" not in text and "after that" not in text:
            continue
        for t in temporal.tag(text, page.parent.name):
            if t.rule == "later" and t.value[:4].isdigit() and int(t.value[:4]) > int(page.parent.name[:4]):
                ahead.append(text[max(0, t.start - 40):t.end])
    assert ahead and all(re.search(r"\bwill\b", before) for before in ahead), ahead


def test_wont_looks_ahead(timeline17_dir):
    """"Mubarak ... announced that he won't seek a new term in September" (February 2011): September 2011
    (before: 2010, the nearest: "will" was a future cue, "won't" none); Timeline17 writes it "wo n't".
    "It is our hope that what we saw today we won't see tomorrow or Friday" (a Wednesday): the coming Friday."""
    assert ("September", "2011-09") in timeline17_values(timeline17_dir, "announced that he wo n't seek a new term in September")
    assert values("He said he won't seek re-election in September.", "2011-02-01") == {"September": "2011-09"}
    assert values("We won't see that on Friday.", "2011-02-02") == {"Friday": "2011-02-04"}


def test_a_step_told_as_past_from_no_day_named_is_no_day_after_the_report(timeline17_dir, gvc_dir):
    """"I heard every word spoken between them. Three days later I read a conversation that did not take
    place" (Guardian, 2005-07-18), "Two days later, Mr Hayward was seen on a yacht" (BBC, November 2010),
    "until his family arrived the next year" (BBC, 2010), GVA's "Two days later, Pat was dead": a step
    forward from no day or year the text names, told as past, counts from a past it does not date: PAST_REF
    (before: the days and the year after the report's date, from it). A step from a day the text names is
    that day's next ("was shot Friday ... The next day"), and "over the next year", "in the next day or
    two" in the present still look ahead."""
    assert ("Three days later", "PAST_REF") in timeline17_values(timeline17_dir, "Three days later I read a conversation")
    assert ("Two days later", "PAST_REF") in timeline17_values(timeline17_dir, "Two days later , Mr Hayward was seen on a ya")
    assert ("the next year", "PAST_REF") in timeline17_values(timeline17_dir, "until his family arrived the next year")
    _, _, tagged = gva_stating(gvc_dir, "Two days later, Pat was dead")
    assert ("Two days later", "PAST_REF") in [(t.text, t.value) for t in tagged]
    assert values("He was shot Friday. The next day he died.", "2016-06-11")["The next day"] == "2016-06-11"
    assert ("the next year", "2011") in timeline17_values(timeline17_dir, "facing a significant budget cut in the next year")
    assert values("Strikes could be launched in the next day or two.", "2011-03-18")["the next day"] == "2011-03-19"


def test_back_in_a_month_looks_back(timeline17_dir):
    """"That's Barack Obama, speaking back in March about bank regulation" (September 2008): March 2008,
    "a vastly different future than it envisioned back in April" (August 2010): April 2010 (before: the
    nearest March, 2009, and April 2011, no tense before them); the 20 other "back in" months of Timeline17
    were already gone by. "He will be back in March" is a return, not a look back."""
    assert ("March", "2008-03") in timeline17_values(timeline17_dir, "speaking back in March about bank regulation")
    assert ("April", "2010-04") in timeline17_values(timeline17_dir, "than it envisioned back in April")
    assert values("He will be back in March.", "2008-09-16") == {"March": "2009-03"}


def test_a_weekday_naming_a_paper_or_a_programme_is_no_day(timeline17_dir):
    """"Marie Colvin of The Sunday Times", "the Sunday Express and Sunday Mirror", "London's Sunday
    Telegraph", NBC's "Saturday Night Live": names, no day of the report's week (before: the Sunday before
    the report, 35 such in Timeline17). "See you on Friday Posted by: Joanne" is still a Friday, "He spoke
    Sunday night" a night."""
    named = re.compile(r"\b(?:Sunday|Saturday)\s+(?:Times|Telegraph|Express|Mirror|Night\s+Live)\b")
    pages = [(text, tagged) for needle in ("Sunday Times", "Sunday Telegraph", "Sunday Mirror", "Saturday Night Live")
             for text, tagged in timeline17_stating(timeline17_dir, needle)]
    starts = {m.start() for text, _ in pages for m in named.finditer(text)}
    assert len(pages) >= 20 and starts
    assert not [(t.text, t.value) for text, tagged in pages for t in tagged if named.match(text, t.start)]
    text, tagged = next(timeline17_stating(timeline17_dir, "See you on Friday Posted by"))
    assert [t for t in tagged if t.text == "Friday" and text[t.start - 11:t.start] == "See you on "]
    assert values("Marie Colvin of The Sunday Times said so. He spoke Sunday night.", "2011-04-25") == {"Sunday night": "2011-04-24TNI"}


def test_a_holiday_after_a_past_verb_has_gone_by_whatever_the_clauses_will(gvc_dir):
    """"Charges will be filed after a Burke County teenager was accidentally shot on New Year's Eve" (GVA,
    January 3, 2017): the New Year's Eve just gone, 2016-12-31 (before: 2017-12-31, the "will" taken for
    the holiday's), as a weekday after a past verb already was; "The family will celebrate on New Year's
    Eve" still looks ahead."""
    _, _, tagged = gva_stating(gvc_dir, "was accidentally shot on New Year's Eve")
    assert ("New Year's Eve", "2016-12-31") in [(t.text, t.value) for t in tagged]
    assert values("The family will celebrate on New Year's Eve.", "2017-01-03") == {"New Year's Eve": "2017-12-31"}


def test_by_a_month_looks_ahead_and_a_stocks_close_of_a_day_has_passed(timeline17_dir):
    """"deals ... for up to 90m doses of a swine flu vaccine by December" (BBC, May 2009): December 2009,
    "asking that U.S. forces withdraw from all cities by June" (September 2008): June 2009 (before: the
    nearest, 2008's, no tense near; "by" now reads as "until" does, unless a past verb comes before it:
    Timeline17 5 values, 4 right). "down 27 percent from its close of $60.48 on April 20, the day of the
    spill" (December 2010): April 2010, the earlier figure of a change, as "from $29.75 in March" was."""
    assert ("December", "2009-12") in timeline17_values(timeline17_dir, "swine flu -LRB- H1N1 -RRB- vaccine by December")
    assert ("June", "2009-06") in timeline17_values(timeline17_dir, "forces withdraw from all cities by June")
    assert ("April 20", "2010-04-20") in timeline17_values(timeline17_dir, "from its close of $ 60.48 on April 20")
    assert values("Prices had fallen sharply by December.", "2009-05-28") == {"December": "2008-12"}


def test_a_decade_written_without_its_apostrophe_is_a_decade_unless_it_is_degrees(timeline17_dir):
    """"Back in the 80s he sat on the intelligence committee" (January 2009): 198, as "the '80s" was
    (before: nothing; Timeline17 57 such, all decades but one share of a poll). Tens that are degrees or a
    score stay numbers: "the temperatures . And right around the 30s", "approval is in the 20s"."""
    assert ("the 80s", "198") in timeline17_values(timeline17_dir, "Back in the 80s he sat on")
    assert ("the 60s", "196") in timeline17_values(timeline17_dir, "to Latin American dictatorships in the 60s")
    text, tagged = next(timeline17_stating(timeline17_dir, "right around the 30s"))
    assert not [t for t in tagged if t.text == "the 30s"]
    assert values("Public approval is in the 20s. Highs will be in the 80s.", "2008-10-21") == {}


def test_the_last_quarter_of_a_named_year_is_its_fourth(timeline17_dir):
    """"the sole measure for staff bonuses in the last quarter of this year" (October 2010): 2010-Q4, one
    expression, as "the final quarter of last year" was (before: "the last quarter", the one before the
    report, 2010-Q3, and "this year" apart; Timeline17 4 such, all now one quarter, two of them corrected).
    "last quarter" alone is still the quarter before the report's."""
    assert ("the last quarter of this year", "2010-Q4") in timeline17_values(
        timeline17_dir, "sole measure for staff bonuses in the last quarter of this year")
    assert ("the last quarter of 2010", "2010-Q4") in timeline17_values(
        timeline17_dir, "dividends for the last quarter of 2010")
    assert values("Sales rose last quarter.", "2010-10-19") == {"last quarter": "2010-Q3"}


def test_the_first_day_of_two_takes_the_year_written_after_the_second(timeline17_dir):
    """"Between April 10 and 12 2003, when most of the thefts took place" (November 2005): April 10 2003,
    as April 12 already was (before: the first day had the report's nearest April, 2006-04-10; with
    "September 13 and 15 2003", the two of Timeline17), and a later "on April 12" in that story stays in
    2003."""
    found = timeline17_values(timeline17_dir, "Between April 10 and 12 2003")
    assert ("April 10", "2003-04-10") in found and ("April 12", "2003-04-12") in found
    assert ("September 13", "2003-09-13") in timeline17_values(timeline17_dir, "between September 13 and 15 2003")
    assert values("The talks were held on May 3 or 4, 2001.", "2005-11-21") == \
        {"May 3": "2001-05-03", "4, 2001": "2001-05-04"}


def test_a_hedge_in_the_main_clause_is_not_the_tense_of_a_past_verb_after_when(timeline17_dir):
    """"these might not have been available by the time work on the well got under way on 19 April"
    (October 2010): April 2010 — "got" tells the date's clause, the hedge "might not" is the main clause's
    (before: no tense read, the nearest 19 April, 2011's). A hedge with no subordinate past verb still
    keeps a date out of the past: "The work might not be done by 19 April"."""
    assert ("19 April", "2010-04-19") in timeline17_values(timeline17_dir, "got under way on 19 April")
    assert values("The work might not be done by 19 April.", "2010-10-29") == {"19 April": "2011-04-19"}


def test_two_months_joined_into_a_span_are_read_as_one_span(timeline17_dir):
    """Two year-less months joined ("between April and July", "from April to June", "in May and June") are
    one span of one year, on the side of the report the tense of either gives, else the span nearest it
    (before: each month alone, so that a span could straddle the report: "which between April and July
    dumped millions of gallons" in October 2010 was April 2011 and July 2010; "the $17bn loss recorded from
    April to June" in January 2011, April 2010 and June 2011). Timeline17: 6 values changed, 5 right; "the
    commission's description of February and April lab tests" (January 2011) is now 2011 for both, as
    February already was, where the tests were in 2010."""
    spans = {"which between April and July dumped": ("2010-04", "2010-07"),
             "loss recorded from April to June": ("2010-04", "2010-06"),
             "sanctions regime imposed in February and March": ("2011-02", "2011-03"),
             "planned to fish Louisiana waters in May and June": ("2010-05", "2010-06")}
    for needle, expected in spans.items():
        pages = list(timeline17_stating(timeline17_dir, needle))
        assert pages, needle
        for text, tagged in pages:
            at = text.index(needle)
            months = tuple(t.value for t in tagged if at <= t.start < at + len(needle))
            assert months == expected, (needle, months)
    assert values("In December and January, no.", "2005-04-28") == {"December": "2004-12", "January": "2005-01"}
    assert values("The closure will last from August to October.", "2010-07-12") == \
        {"August": "2010-08", "October": "2010-10"}
    assert values("Fishing was closed from May to August.", "2011-01-12") == {"May": "2010-05", "August": "2010-08"}


def test_a_weekday_a_clause_looks_ahead_to_after_until_or_by_is_to_come(timeline17_dir):
    """"the mess could reach the Mississippi, Alabama and Florida coasts by Monday" (Friday April 30, 2010):
    May 3; "giving parliament until Monday to approve the text" (Friday August 12, 2005): August 15 (before:
    the Monday gone by; a weekday after "until"/"by" now reads as a month there already did). Not when a past
    verb tells the clause before or after it ("By Monday she had a high temp", "by Tuesday morning was
    siphoning"), nor a day's possessive ("affected by Thursday 's fire") or "stand by Friday". Timeline17:
    43 values changed, 4 of them wrong (past deadlines told without a past verb near: "had given the towns
    -- ... -- until Saturday to surrender")."""
    assert ("Monday", "2010-05-03") in timeline17_values(timeline17_dir, "Florida coasts by Monday")
    assert ("Monday", "2005-08-15") in timeline17_values(timeline17_dir, "giving parliament until Monday")
    assert ("Monday", "2009-05-18") in timeline17_values(timeline17_dir, "By Monday she had high temp")
    assert ("Thursday", "2010-09-02") in timeline17_values(timeline17_dir, "affected by Thursday 's fire")
    assert ("Friday", "2011-01-28") in timeline17_values(timeline17_dir, "presidential guard stand by Friday")
    assert values("A decision is expected by Monday.", "2010-05-01") == {"Monday": "2010-05-03"}
    assert values("The oil reached the coasts by Monday.", "2010-05-01") == {"Monday": "2010-04-26"}


def test_a_weekday_a_question_was_asked_on_is_that_day(timeline17_dir):
    """"Boehner, who asked Obama in a letter on Wednesday how he would measure success in Libya" (Thursday
    March 24, 2011): the Wednesday just gone, the day it was asked, as "said on his blog Wednesday that ...
    would" already was (before: the "would" of the question read as a plan, the next Wednesday; one such
    in Timeline17)."""
    asked = timeline17_values(timeline17_dir, "who asked Obama in a letter on Wednesday how")
    assert ("Wednesday", "2011-03-23") in asked
    assert values("She asked on Monday whether the vote would be held.", "2011-03-24") == {"Monday": "2011-03-21"}


def test_may_or_march_after_a_determiner_before_a_noun_is_the_month(timeline17_dir):
    """"In a March report that was not questioned by federal officials" (July 2010): March 2010; "the March
    vote", "the May spill", "the May attempt failed" (before: nothing, "March" and "May" read as a verb or
    a name unless a word like "in" led them). A preposition after keeps the verb or the name: "the March on
    Washington", "the March of Dimes". Timeline17: 14 values, 11 right (a story's "On a March evening 20
    years ago" is still the nearest March; "the March bailout of Bear Stearns" in September 2008 is 2009's)."""
    assert ("March", "2010-03") in timeline17_values(timeline17_dir, "In a March report that was not questioned")
    assert ("March", "2011-03") in timeline17_values(timeline17_dir, "abstained in the March vote")
    assert ("May", "2010-05") in timeline17_values(timeline17_dir, "sure why the May attempt failed")
    assert values("They joined the March on Washington and the March of Dimes.", "2010-07-06") == {}


def test_a_time_of_day_opening_a_past_sentence_is_on_the_day_named_before(gvc_dir):
    """"... were shot late Saturday in Durham.  Around 11:30 p.m., officers ... responded" (GVA, Sunday
    August 21, 2016): Saturday's 11:30 p.m. (before: the report's day; the past tense of the clause after
    the time's comma was not read, only a past verb before it). GVA: 10 values moved to the day the story
    named, all read (one unclear), 19 more now anchored on that same day; Timeline17 values unchanged.
    "At 3 p.m., the council will meet" is still the report's day."""
    _, _, tagged = gva_stating(gvc_dir, "were shot late Saturday in Durham")
    assert ("11:30 p.m.", "2016-08-20T23:30") in [(t.text, t.value) for t in tagged]
    _, _, tagged = gva_stating(gvc_dir, "wounded in a shooting on the West Side Monday night")
    assert ("8:50 p.m.", "2016-03-21T20:50") in [(t.text, t.value) for t in tagged]
    assert values("Two men were shot Monday. At 3 p.m., the council will meet.", "2016-08-17")["3 p.m."] == \
        "2016-08-17T15:00"


def test_a_past_verb_after_after_or_when_tells_the_date_in_its_clause(gvc_dir):
    """"is conscious and expected to survive after someone shot him overnight Monday" (GVA, Tuesday July 26,
    2016): the Monday just gone, and the "11:00 p.m." the next sentence gives that night (before: "expected
    to" was the nearest tense cue, and Monday the coming one), as a past verb after "who" or "that" already
    told its clause's tense. GVA: those 2 values; Timeline17 none."""
    _, _, tagged = gva_stating(gvc_dir, "after someone shot him overnight Monday")
    found = [(t.text, t.value) for t in tagged]
    assert ("Monday", "2016-07-25") in found and ("11:00 p.m.", "2016-07-25T23:00") in found
    assert values("He is expected to appear in court on Monday.", "2016-07-26") == {"Monday": "2016-08-01"}


def test_daily_opening_a_sentence_before_a_papers_name_is_no_set(timeline17_dir):
    """"Daily Mail columnist Philip Norman agreed" (June 2010), "his much-ballyhooed `` Daily Show ''
    face-off" (March 2009): the names of a paper and a programme, no set (before: P1D, as "daily"; Timeline17
    6 such, all names). Capitalised inside a sentence it was a name already; "Daily life is a struggle"
    is still a set."""
    assert ("Daily", "P1D") not in timeline17_values(timeline17_dir, "Daily Mail columnist Philip Norman agreed")
    assert ("Daily", "P1D") not in timeline17_values(timeline17_dir, "much-ballyhooed `` Daily Show ''")
    assert values("Daily life for most Iraqis is still a struggle.", "2005-08-17") == {"Daily": "P1D"}


def test_the_past_year_and_a_half_is_a_length_of_a_year_and_a_half(timeline17_dir, gvc_dir):
    """"in the past year and a half" (October 2008), "over the past decade and a half", "over the next year
    and a half": lengths of time, P1Y6M, P15Y (before: "the past year" alone, P1Y, and "the next year" the
    year after the report; Timeline17 7 such, GVA 1)."""
    assert ("the past year and a half", "P1Y6M") in timeline17_values(
        timeline17_dir, "load the blame on the Democrats in the past year and a half")
    assert ("the past decade and a half", "P15Y") in timeline17_values(timeline17_dir, "in the past decade and a half ,")
    _, _, tagged = gva_stating(gvc_dir, "for the past year and a half, since I took over")
    assert ("the past year and a half", "P1Y6M") in [(t.text, t.value) for t in tagged]
    assert values("Jobs will grow over the next year and a half.", "2009-02-14") == {"the next year and a half": "P1Y6M"}


def test_a_half_counted_back_or_ahead_moves_by_the_half(timeline17_dir):
    """"Two and a half years from now" (June 2010): 2012-12 (before: 2012-06, the half dropped); "three and a
    half years ago" 42 months back; "two and a half decades ago" 25 years back, a year, as "two decades
    ago" is."""
    assert ("Two and a half years from now", "2012-12") in timeline17_values(timeline17_dir, "Two and a half years from now")
    assert values("He left three and a half years ago. It began two and a half decades ago.", "2010-06-14") == {
        "three and a half years ago": "2006-12", "two and a half decades ago": "1985"}


def test_a_day_standing_for_the_event_it_names_is_that_events_day(timeline17_dir):
    """"After September 11, I made a commitment" (June 2005), "the lessons of September 11", "I think
    September 11 was one of those great earthquakes", "another Sept. 11-style attack": the day of 2001 the
    words stand for (before: the September 11 nearest the report, 2004's or 2005's; Timeline17 26 such, all
    now 2001). A chronology's line ("Sept. 7 : ... Sept. 11 : Governments in Thailand") and "the Sept. 11
    board meeting" stay the report's year's."""
    assert ("September 11", "2001-09-11") in timeline17_values(timeline17_dir, "After September 11 , I made a commitment")
    assert ("September 11", "2001-09-11") in timeline17_values(timeline17_dir, "I think September 11 was one of those")
    assert ("Sept. 11", "2001-09-11") in timeline17_values(timeline17_dir, "another Sept. 11-style attack")
    assert ("Sept. 11", "2008-09-11") in timeline17_values(timeline17_dir, "Sept. 11 : Governments in Thailand")
    assert ("Sept. 11", "2008-09-11") in timeline17_values(timeline17_dir, "the Sept. 11 board meeting")
    assert values("The board meeting on Sept. 11 was postponed.", "2008-11-17") == {"Sept. 11": "2008-09-11"}


def test_today_in_the_name_of_a_paper_or_a_programme_is_no_day(timeline17_dir, gvc_dir):
    """"told USA Today", "Speaking on BBC Radio 4 's Today program", "NBC 's Today show", "USA TODAY, USA
    NOW", "Stay with TODAY'S TMJ4": names, not the report's day or its present (before: the report's day;
    Timeline17 52 such, GVA 8, all names). "Figures released today show a rise" is still today."""
    named = re.compile(r"\bUSA\s+Today\b|\bToday\s+(?:program|show|Show)\b")
    pages = [page for needle in ("told USA Today", "Radio 4 's Today program", "NBC 's Today show")
             for page in timeline17_stating(timeline17_dir, needle)]
    assert len(pages) >= 10
    assert not [t.text for text, tagged in pages for t in tagged
                if named.match(text, t.start) or named.match(text, max(0, t.start - 4))]
    _, _, tagged = gva_stating(gvc_dir, "USA TODAY, USA NOW")
    assert not [t for t in tagged if t.text in ("TODAY", "NOW")]
    assert values("Figures released today show a rise.", "2013-05-13") == {"today": "2013-05-13"}


def test_a_day_written_with_its_weekday_takes_the_year_the_weekday_fits(timeline17_dir, gvc_dir):
    """"On Monday 7 September Chris Moyles becomes the longest-serving DJ" (BBC, August 2009): 2009-09-07, a
    Monday (before: 2008-09-07, the nearer, a Sunday); "The shooting happened at 2:30 a.m. Saturday, Sept.
    12" on a GVA page dated January 2017: 2015's Saturday (before: 2016-09-12, a Monday). Timeline17 3 such,
    GVA 4, all now on their weekday; a weekday that fits no year near stays as read."""
    assert ("Monday 7 September", "2009-09-07") in timeline17_values(timeline17_dir, "On Monday 7 September Chris Moyles")
    _, _, tagged = gva_stating(gvc_dir, "happened at 2:30 a.m. Saturday, Sept. 12")
    assert ("2:30 a.m. Saturday, Sept. 12", "2015-09-12T02:30") in [(t.text, t.value) for t in tagged]
    assert values("13 others were wounded on Monday, Aug. 9.", "2016-10-30") == {"Monday, Aug. 9": "2016-08-09"}


def test_a_day_named_again_is_the_day_the_text_placed_before(timeline17_dir, gvc_dir):
    """"On March 17, in response to a question from Baroness Ramsay, Lord Goldsmith ..." (of 2003, the story's
    year) and later "did not draw up the March 17 written parliamentary answer" (Guardian, February 2005):
    2003-03-17 both (before: 2004-03-17, the nearest to the report); "Hasan is charged with the murder of 13
    people at Fort Hood on November 5" after the page gave November 5, 2009. Only a year the text gave is
    carried (stated, the story's, or a day named near), and not a day read as the event it names to one a
    preposition of time leads ("The hearing is on Sept. 11"): Timeline17 28 values changed, 23 now right, 4
    wrong (a page that named the same day of another year first: "19 August 1970", "Nov. 4, 1999"), 1 wrong
    either way; GVA 3, all right."""
    needle = "did not draw up the March 17 written parliamentary answer"
    text, tagged = next(timeline17_stating(timeline17_dir, needle))
    at = text.index(needle) + len("did not draw up the ")
    assert [t.value for t in tagged if t.start == at] == ["2003-03-17"]
    assert ("November 5", "2009-11-05") in timeline17_values(timeline17_dir, "Fort Hood on November 5 and the wounding")
    assert values("The hearing was on March 17, 2003. The March 17 hearing was short.", "2005-02-23") == {
        "March 17, 2003": "2003-03-17", "March 17": "2003-03-17"}


def test_is_to_blame_is_no_plan_and_every_morning_is_a_set_of_days_mornings(gvc_dir, timeline17_dir):
    """"While police say a gang member is to blame for the shooting of another child in Woodlawn Tuesday"
    (GVA, Wednesday 29 June 2016): the Tuesday just gone (before: the next one, "is to" read as a plan, as
    in "is to be held"); "every morning", "each night": a set of that part of every day, XXXX-XX-XXTMO, in
    the form the gold gives "Tuesday nights" (XXXX-WXX-2TNI; before: TMO, no TimeML value)."""
    _, _, tagged = gva_stating(gvc_dir, "is to blame for the shooting of another child in Woodlawn Tuesday")
    assert ("Tuesday", "2016-06-28") in [(t.text, t.value) for t in tagged]
    assert values("The vote is to be held on Tuesday.", "2016-06-29") == {"Tuesday": "2016-07-05"}
    morning = [t for _, tagged in timeline17_stating(timeline17_dir, "every morning") for t in tagged
               if t.text.lower() == "every morning"]
    assert morning and {t.value for t in morning} == {"XXXX-XX-XXTMO"}


def test_a_live_pages_update_stamp_is_its_own_time_and_day(gvc_dir):
    """"UPDATE (5:04 p.m. 5/17/16)" on a GVA page dated 2016-05-14: one expression, 17:04 on May 17 (before:
    the clock time on whatever day the story had reached, May 21, and the date apart); its five stamps,
    from May 14 to May 21, each on its own day (GVA 10 values, two copies of the page, all right)."""
    _, _, tagged = gva_stating(gvc_dir, "UPDATE (5:04 p.m. 5/17/16)")
    found = [(t.text, t.value) for t in tagged]
    assert ("5:04 p.m. 5/17/16", "2016-05-17T17:04") in found
    assert ("1:38 p.m. 5/15/16", "2016-05-15T13:38") in found


def test_a_date_set_off_by_commas_after_a_verbless_phrase_takes_the_tense_after_it(timeline17_dir):
    """"(although at the time of its release , in September , economists had n't declared ...)" (March 2009):
    2008-09 (before: 2009-09, no tense read on either side of the commas); "it is clear that , by January ,
    there was a significant difference" (August 2005): 2005-01 (before: 2006-01). A clause with its own verb
    before the aside keeps the date ("was in charge ... at the time of its explosion, on 20 April, will not
    testify"). Timeline17: 3 values changed, all right; GVA none."""
    assert ("September", "2008-09") in timeline17_values(timeline17_dir, "at the time of its release , in September ,")
    assert ("January", "2005-01") in timeline17_values(timeline17_dir, "it is clear that , by January , there was")
    assert values("Vidrine, who was in charge at the time of its explosion, on 20 April, will not testify.",
                  "2010-07-20") == {"20 April": "2010-04-20"}


def test_the_reported_quarter_is_the_one_the_report_names(timeline17_dir):
    """A report on results names its quarter, which may be a company's fiscal one: "Ralston Profit Declined
    47% In 4th Quarter" (TimeBank wsj_0189, 1989-11-02): "a year earlier" 1988-Q4 and "the latest period"
    1989-Q4, as the gold has them (before: 1988-Q3 and 1989-Q3, the calendar's last quarter ended); Sun's
    fiscal first quarter (wsj_0928) is "the quarter". Goldman's "net income ... during the quarter" (September
    16, 2008, after "third quarter"): 2008-Q3. A quarter named in the sentence or the one before wins over
    the first one named. TimeBank tune +4 values; Timeline17 4 changed, 3 right, 1 wrong either way
    ("sales ... in September had declined ... compared with a year earlier" is September 2007)."""
    gold, ours = timebank_gold_and_ours("wsj_0189", "the latest period")
    assert gold == ours == ["1989-Q4"]
    gold, ours = timebank_gold_and_ours("wsj_0189", "a year earlier")
    assert gold == ours == ["1988-Q4"]
    gold, ours = timebank_gold_and_ours("wsj_0928", "the quarter")  # the first, "the quarter ended Sept. 29", is P1Q in the gold
    assert gold[1:] == ours[1:] == ["1989-Q1", "1989-Q1"]
    assert ("the quarter", "2008-Q3") in timeline17_values(timeline17_dir, "$ 1.81 a share , during the quarter")
    assert values("Profit fell in the first quarter. Sales in the third quarter rose 9% from a year ago.",
                  "2008-11-05")["a year ago"] == "2007-Q3"
    # a quarter an outlook names is not the one reported on
    assert values("Steel demand will slow in the fourth quarter, the company said. Sales in the latest period "
                  "rose 9%.", "1989-10-26")["the latest period"] == "1989-Q3"


def test_may_in_capitals_is_a_month_only_after_a_preposition_of_time(timeline17_dir, gvc_dir):
    """In text set in capitals "MAY" is the modal as often as the month, whatever word leads it: "SOME MAY
    THINK FAR FETCHED", "AND MAY WE COME TOGETHER" (a reader's comment, January 2011), "AND MAY HAVE
    ALSOINJURED A YOUNG GIRL" (a TV caption on a GVA page): no date (before: May of the report's year or
    the one before). "IN MAY", "SINCE MAY" stay months. Timeline17 11 values removed, GVA 2, all right."""
    pages = list(timeline17_stating(timeline17_dir, "SOME MAY THINK FAR FETCHED"))
    assert pages and not [t for _, tagged in pages for t in tagged if t.text == "MAY"]
    _, _, tagged = gva_stating(gvc_dir, "AND MAY HAVE ALSOINJURED")
    assert not [t for t in tagged if t.text == "MAY"]
    assert values("HE HAS N'T BEEN IN WASHINGTON SINCE MAY.", "2008-09-24") == {"MAY": "2008-05"}


def test_a_reporting_verbs_own_date_is_past(timeline17_dir):
    """"As he told the Wall Street Journal in March : ..." (September 2008): 2008-03 (before: 2009-03, the
    nearer March); "Geithner said of the federal bailout of AIG in September" (March 2009): 2008-09; "said
    during opening statements on 27 September that" (October 2011): 2011-09-27. Only "said" before a
    preposition and "told" before a name and a preposition: "said he has no intention of stepping down
    until September" and "said her anti-war tour in March would use a bus" date what is said, not the
    saying (a first version with any "said"/"told" turned 4 such values wrong). Timeline17 6 values
    changed, all right."""
    assert ("March", "2008-03") in timeline17_values(timeline17_dir, "told the Wall Street Journal in March")
    assert ("September", "2008-09") in timeline17_values(timeline17_dir, "said of the federal bailout of AIG in September")
    assert ("September", "2011-09") in timeline17_values(timeline17_dir, "no intention of stepping down until September")
    assert values("Ms Fonda said her anti-war tour in March would use a bus.", "2005-07-26") == {"March": "2006-03"}


def test_a_past_verb_before_after_a_date_tells_of_the_past(timeline17_dir):
    """"the two cities' lead over their rivals shrank after February" (October 2008): 2008-02 (before:
    2009-02); "All shipments received after 21 April will be subject to the ban" (May 2009): 2009-04-21.
    Timeline17 2 values changed, both right."""
    assert ("February", "2008-02") in timeline17_values(timeline17_dir, "lead over their rivals shrank after February")
    assert ("21 April", "2009-04-21") in timeline17_values(timeline17_dir, "All shipments received after 21 April")


def test_a_fronted_date_takes_the_tense_of_a_verb_an_infinitive_follows(timeline17_dir):
    """"In early March , the McCain campaign promised to release his medical records" (September 2008):
    2008-03 (before: 2009-03; "promised to" was read as no tense at all)."""
    assert ("early March", "2008-03") in timeline17_values(timeline17_dir, "In early March , the McCain campaign promised")
    assert values("On Monday, the mayor is expected to sign the bill.", "2008-09-25") == {"Monday": "2008-09-29"}


def test_a_date_set_off_by_commas_within_a_clause_takes_the_clauses_tense(timeline17_dir):
    """"the investment banks -- there were , as of March , five major ones" (September 2008): 2008-03
    (before: 2009-03). One Timeline17 value changed (counted as one sentence, not as evidence)."""
    assert ("March", "2008-03") in timeline17_values(timeline17_dir, "there were , as of March , five major ones")
    assert values("The minister will travel to Tripoli, on the 30th of May, to meet the leader.",
                  "2011-05-25") == {"the 30th of May": "2011-05-30"}


def test_a_date_closing_a_verbless_opening_phrase_takes_the_tense_after_its_comma(timeline17_dir, gvc_dir):
    """A phrase that opens its sentence with a preposition and has no verb, closed by a date and a comma,
    is the main clause's time: "After refusing to supply Jackson with the drug in April , she never saw him
    again" (November 2011): 2011-04 (before: 2012-04); "In his meeting with BP Chairman Carl-Henric
    Svanberg on Wednesday , Obama will press" (Monday 14 June 2010): the coming Wednesday; "During the month
    of April, Salem Police Department arrested 43 people" (GVA, January 2017): 2016-04. Timeline17 3 values
    changed, GVA 1, all right. (A phrase with a verb of its own is no such phrase: "The shrimp season begins
    in early May, as the shrimp move", which a looser first version in session 47 sent back a year.)"""
    assert ("April", "2011-04") in timeline17_values(timeline17_dir, "After refusing to supply Jackson with the drug in April")
    assert ("Wednesday", "2010-06-16") in timeline17_values(timeline17_dir, "In his meeting with BP Chairman Carl-Henric Svanberg on Wednesday")
    _, _, tagged = gva_stating(gvc_dir, "During the month of April, Salem Police Department arrested")
    assert ("April", "2016-04") in [(t.text, t.value) for t in tagged]
    assert values("The shrimp season begins in early May, as the shrimp move.", "2010-03-10") == {"early May": "2010-05"}


def test_a_modal_or_present_far_before_a_past_verb_does_not_govern_its_date(timeline17_dir):
    """"It 's wierd now that McCain is saying what Obama said in March" (September 2008): 2008-03; "a lawsuit
    blocking parts of a controversial law Brewer signed in April" (February 2011): 2010-04; "where BP 's
    underwater oil well blew out on April 20" (October 2010): 2010-04-20 (each before: the coming one, as
    an "is" or "be" anywhere earlier in the clause was read as governing the past verb). One right before
    the verb, or between it and the date, still does: "A judge ordered Dr Conrad Murray should stand trial
    in March" (January 2011) stays 2011-03. Timeline17 6 values changed: 4 right, 1 wrong ("a referendum
    on October 15 and a fresh batch of elections held in December": the "be" of "to be put" is elided),
    1 unclear (a habit "routinely abandoned a year later": PAST_REF, was PRESENT_REF)."""
    assert ("March", "2008-03") in timeline17_values(timeline17_dir, "McCain is saying what Obama said in March")
    assert ("April", "2010-04") in timeline17_values(timeline17_dir, "a controversial law Brewer signed in April")
    assert ("April 20", "2010-04-20") in timeline17_values(timeline17_dir, "underwater oil well blew out on April 20")
    assert ("March", "2011-03") in timeline17_values(timeline17_dir, "A judge ordered Dr Conrad Murray should stand trial in March")
