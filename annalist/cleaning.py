"""Plain-text cleaning: what a page says about itself, and which of its lines are noise.

Articles saved as text keep their page furniture: a junk line ("sa sa 868"), site
boilerplate repeated on every page ("Search in archive"), a title line that also
carries the printed date and section, a dateline ("Baku, January 20, AZERTAC"), a
signature. No library reads these from plain text (trafilatura works on HTML
trees), so the rules are here, small and tested on real pages.

`clean_text` is a pure function of one text and the boilerplate learnt from its
corpus (`BoilerplateCounter`), so it runs the same locally and on Spark.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .models import Dateline

EDGE_HEAD = 4  # lines at the top and bottom of a page where furniture lives
EDGE_TAIL = 4
BOILERPLATE_MAX_WORDS = 12
BOILERPLATE_MIN_DOCS = 3
# ...and on this share of its group's pages: site furniture is on most pages, while a
# background sentence a site repeats ("The blast killed 11 workers.") is on a few.
BOILERPLATE_MIN_SHARE = 0.05

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_FULL_DATE = (rf"(?:{_MONTH}\s+{_DAY}\s*,?\s+\d{{4}}|{_DAY}\s+{_MONTH}\s*,?\s+\d{{4}}"
              r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}/\d{1,2}/\d{1,2})")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:GMT|UTC|UK|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|AZT|IST))?"
# A printed timestamp: a full date, optionally followed by a time ("Jan 19, 2022 | 09:51").
STAMP = re.compile(rf"(?<![\w.])(?P<date>{_FULL_DATE})(?:\s*(?:[|,@·T–—-]|\bat\b)?\s*(?P<time>{_TIME}))?(?![\w:])")
# A line of a reader-comment thread under an article: it holds a post's stamp, a full date with a
# clock time, then a bar ("February 2, 2011 at 6:05 pm | What's next?"), often after the end of the
# post before and its writer's name. What readers write is not what the source reports, and the
# stamps would date it.
READER_COMMENT = re.compile(rf"(?<![\w.]){_FULL_DATE}\s*(?:,|\bat\b)?\s*{_TIME}\s*\|")
# A page's own stamp inside a line of text, not a date the text tells of: a full date run straight into a
# clock time ("Wednesday 30 June 2010 19.49 BST", a Guardian page's), a live blog's update marker
# ("-LRB- Update 8:14 a.m. Tuesday in Cairo , 1:14 a.m. ET Tuesday -RRB-").
INLINE_STAMP = re.compile(rf"(?:\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?<![\w.]){_FULL_DATE}\s+\d{{1,2}}[.:]\d{{2}}"
                          r"(?:\s*(?:GMT|UTC|BST|ET|EST|EDT|CET|CEST))?(?![\w:])"
                          r"|(?:\(|-LRB-)\s*Update\b[^()]{0,80}?(?:\)|-RRB-)")
_SHORT_DATE = rf"(?:{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?|{_DAY}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_NAME_WORD = r"[A-Z][\w'’.\-]+"
_PLACE = rf"(?!{_MONTH}\b){_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,3}}"
_AGENCY = r"[A-Z][A-Za-z&.\-]+(?: [A-Z][A-Za-z&.\-]+){0,3}"
# "Baku, January 20, AZERTAC" on a line of its own.
DATELINE_LINE = re.compile(rf"^(?P<place>{_PLACE}),\s*(?P<date>{_SHORT_DATE})\s*[,/(–—-]?\s*\(?(?P<agency>{_AGENCY})\)?\s*$")
# "HOUSTON -LRB- Reuters -RRB- - An oil rig ..." / "Cairo, Egypt (CNN) -- ..." at the start of the text.
DATELINE_LEAD = re.compile(rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE})?)(?:,\s*(?P<date>{_SHORT_DATE}))?\s*(?:\(|-LRB-)\s*"
                           rf"(?P<agency>{_AGENCY})\s*(?:\)|-RRB-)\s*(?:--|[-—–:])")
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
BYLINE = re.compile(rf"^\s*(?:By|BY)\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*(?:[,|/–—-].*)?$")
SIGNATURE = re.compile(rf"^\s*(?P<name>{_NAME})\s*$")
CREDIT = re.compile(r"(?:\(|-LRB-)\s*(?:Reporting|Writing|Written) by (?P<names>[^;)]+?)\s*"
                    r"(?:[;,]\s*(?:[Ee]diting|[Ww]ith|[Aa]dditional)|;|\)|-RRB-)")
# "Title updated : Sun Jul 29 2012 08:01:00" / "Title Page last updated at 08:03 GMT , Tuesday, 26 July 2011":
# the stamp is when the page changed, not when it was published.
UPDATED = re.compile(r"(?i)\s*[|,/-]?\s*\b(?:page\s+)?(?:last\s+)?(?:updated|modified)\b.*$")
_NOT_NAME_WORDS = {"read", "more", "share", "print", "comments", "related", "home", "news", "top", "back",
                   "advertisement", "copyright", "search", "archive", "follow", "subscribe", "contact",
                   "the", "our", "president", "republic", "national", "ministry", "institute", "university"}
_DATE_LABELS = {"published", "updated", "posted", "date", "last updated", "last modified", "modified", "on"}
_SEPARATORS = " \t|/·•,–—-:"
_WEEKDAY_ONLY = re.compile(r"\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?)?\s*")


@dataclass
class TextFacts:
    """What a plain text says about itself, and the text without its noise."""

    text: str
    offsets: list[list[int]]
    noise_lines: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    section: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    published_text: str | None = None


def normalise_line(line: str) -> str:
    return " ".join(line.split()).lower()


def edge_lines(text: str) -> list[str]:
    """Short lines at the top and bottom of a text: where site furniture repeats."""
    lines = [line for line in text.split("\n") if line.strip()]
    edges = lines[:EDGE_HEAD] + lines[max(EDGE_HEAD, len(lines) - EDGE_TAIL):]
    return [normalise_line(line) for line in edges if len(line.split()) <= BOILERPLATE_MAX_WORDS]


class BoilerplateCounter:
    """Counts edge lines per group (site or folder); a line on many of its pages is boilerplate."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.pages: Counter[str] = Counter()
        self._cache: dict[str, frozenset[str]] = {}

    def add_page(self, group: str, lines: list[str], pages: int = 1) -> None:
        self.pages[group] += pages
        self.counts.setdefault(group, Counter()).update(lines)
        self._cache.pop(group, None)

    def add_line(self, group: str, line: str, pages: int) -> None:
        self.counts.setdefault(group, Counter())[line] += pages
        self._cache.pop(group, None)

    def boilerplate(self, group: str) -> frozenset[str]:
        if group not in self._cache:
            least = max(BOILERPLATE_MIN_DOCS, BOILERPLATE_MIN_SHARE * self.pages[group])
            counts = self.counts.get(group, Counter())
            self._cache[group] = frozenset(line for line, docs in counts.items() if docs >= least)
        return self._cache[group]


def is_junk(line: str) -> bool:
    """A short line with no real word: "sa sa 868", "***", "|".

    Years standing alone ("1990") are kept: chronologies use them as headings.
    """
    tokens = line.split()
    if not tokens or len(tokens) > 6:
        return False
    if re.fullmatch(r"\s*(1[5-9]|20)\d\d\s*", line):
        return False
    words = [re.sub(r"[^\w]", "", t) for t in tokens if any(c.isalpha() for c in t)]
    if not words:
        return True  # only digits and punctuation
    has_number = any(t.isdigit() for t in tokens)
    repeated = len(set(words)) < len(words)
    return all(len(w) <= 2 and w.islower() for w in words) and (has_number or repeated)


def is_reader_comment(line: str) -> bool:
    """A line of a comment thread (`READER_COMMENT`); a page's own stamp line ("January 19, 2022 at
    9:51 am | Politics") is not one."""
    return READER_COMMENT.search(line) is not None and read_stamp_line(line) is None


def parse_printed_date(text: str) -> str | None:
    """ISO date of a printed full date ("Jan 19, 2022", "2024-01-20", "19.01.2022")."""
    iso = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if iso:
        return _valid_iso(*map(int, iso.groups()))
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if dotted:  # the dotted form is day.month.year wherever it is printed
        day, month, year = map(int, dotted.groups())
        return _valid_iso(year, month, day)
    import dateparser  # heavy import, needed only for worded dates

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return _valid_iso(parsed.year, parsed.month, parsed.day) if parsed else None


def _valid_iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1800 <= year <= 2100 else None
    except ValueError:
        return None


def _strip_seps(text: str) -> str:
    return text.strip(_SEPARATORS)


def split_title_stamp(line: str) -> tuple[str, str | None, str | None, str | None]:
    """A title line that may also print the timestamp and section:
    "Title Jan 19, 2022 | 09:51 / Important events" -> (title, stamp text, iso, section).

    Only a date with a time counts here: a title may well name a date ("Remembering
    January 20, 1990"), but not a clock time. An "updated" stamp is cut from the
    title but does not date the article.
    """
    updated = UPDATED.search(line)
    if updated and updated.start() >= 10:
        return _strip_seps(line[:updated.start()]), None, None, None
    if updated:  # "updated : Sun Jul 29 2012 08:01:00 Title ...": skip the stamp, keep no date
        stamp = STAMP.search(line)
        if stamp and stamp.start() < 20:
            return " ".join(line[stamp.end():].split()), None, None, None
    for match in STAMP.finditer(line):
        iso = parse_printed_date(match.group("date")) if match.group("time") else None
        if not iso:
            continue
        before, rest = line[:match.start()], _strip_seps(line[match.end():])
        if _WEEKDAY_ONLY.fullmatch(before):  # "Tue Aug 23 , 2011 4:05 pm EDT * Title ..."
            return " ".join(line[match.end():].lstrip("\\* ").split()), match.group(0).strip(), iso, None
        if match.start() >= 10:
            section = rest if rest and len(rest.split()) <= 6 and not re.search(r"\d", rest) else None
            return _strip_seps(before), match.group(0).strip(), iso, section
    return " ".join(line.split()), None, None, None


def read_stamp_line(line: str) -> tuple[str, str | None] | None:
    """A line that is only a timestamp and a label: "Days of sorrow 2024-01-20 11:00:00" -> (iso, section)."""
    match = STAMP.search(line)
    if not match:
        return None
    label = _strip_seps(f"{line[:match.start()]} {line[match.end():]}".strip())
    if len(label.split()) > 5 or label.endswith((".", "!", "?")) or UPDATED.search(label):
        return None
    iso = parse_printed_date(match.group("date"))
    if not iso:
        return None
    section = label if label and label.lower() not in _DATE_LABELS and not re.search(r"\d", label) else None
    return iso, section


def read_dateline(lines: list[str]) -> Dateline | None:
    for line in lines:
        match = DATELINE_LINE.match(line.strip()) or DATELINE_LEAD.match(line.strip())
        if match:
            return Dateline(place=match.group("place"), agency=match.group("agency"), date_text=match.group("date"))
    return None


def read_author(head: list[str], tail: list[str]) -> str | None:
    for line in head + tail[::-1]:
        match = BYLINE.match(line)
        if match and len(line.split()) <= 12:
            return match.group("names").strip()
    for line in tail:
        match = CREDIT.search(line)
        if match:
            return match.group("names").strip()
    if tail:
        match = SIGNATURE.match(tail[-1])
        if match and not {w.lower().strip(".") for w in match.group("name").split()} & _NOT_NAME_WORDS:
            return match.group("name")
    return None


def clean_text(text: str, boilerplate: frozenset[str] = frozenset()) -> TextFacts:
    """Split a plain text into its metadata, its noise lines and its clean text."""
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    edges = set(content[:EDGE_HEAD] + content[max(EDGE_HEAD, len(content) - EDGE_TAIL):])
    noise = {i for i in content if is_junk(lines[i]) or (i != content[0] and is_reader_comment(lines[i]))
             or (i in edges and normalise_line(lines[i]) in boilerplate)}
    facts = TextFacts(text="", offsets=[])
    kept = [i for i in content if i not in noise]
    if kept:
        _read_title(lines[kept[0]], facts)
    if facts.published is None:
        noise |= _read_stamp_lines(lines, kept, facts)
    kept = [i for i in content if i not in noise]
    facts.dateline = read_dateline([lines[i] for i in kept[:4]])
    if facts.published is None and facts.dateline and facts.dateline.date_text:
        _date_from_dateline(facts)
    facts.author = read_author([lines[i] for i in kept[:5]], [lines[i] for i in kept[-3:]])
    facts.noise_lines = [lines[i].strip() for i in sorted(noise)]
    facts.text, facts.offsets = _join_kept(lines, noise)
    return facts


def _read_title(line: str, facts: TextFacts) -> None:
    facts.title, facts.published_text, facts.published, facts.section = split_title_stamp(line)


def _date_from_dateline(facts: TextFacts) -> None:
    """"Baku, January 20, 1990, AZERTAC" dates the article when it prints the year."""
    date_text = facts.dateline.date_text
    if re.search(r"\d{4}", date_text):
        facts.published = parse_printed_date(date_text)
        facts.published_text = date_text if facts.published else None


def _read_stamp_lines(lines: list[str], kept: list[int], facts: TextFacts) -> set[int]:
    """A timestamp line at the top or bottom of the page dates it; the line itself is noise."""
    for i in kept[1:EDGE_HEAD + 1] + kept[-EDGE_TAIL:][::-1]:
        if DATELINE_LINE.match(lines[i].strip()):
            continue  # a dateline is the article's own first line, not page furniture
        found = read_stamp_line(lines[i])
        if found:
            facts.published, facts.section = found[0], facts.section or found[1]
            facts.published_text = lines[i].strip()
            return {i}
    return set()


def _join_kept(lines: list[str], noise: set[int]) -> tuple[str, list[list[int]]]:
    """Drop noise lines; keep every other character where it was, with an offset map back to the source."""
    parts: list[str] = []
    offsets: list[list[int]] = []
    clean_pos = source_pos = 0
    for i, line in enumerate(lines):
        piece = line + "\n"
        if i not in noise and (parts or line.strip()):
            if offsets and offsets[-1][1] + offsets[-1][2] == source_pos:
                offsets[-1][2] += len(piece)
            else:
                offsets.append([clean_pos, source_pos, len(piece)])
            parts.append(piece)
            clean_pos += len(piece)
        source_pos += len(piece)
    text = "".join(parts).rstrip()
    return text, _clip(offsets, len(text))


def _clip(offsets: list[list[int]], length: int) -> list[list[int]]:
    clipped = []
    for clean_start, source_start, size in offsets:
        if clean_start >= length:
            break
        clipped.append([clean_start, source_start, min(size, length - clean_start)])
    return clipped


def without_page_stamps(text: str) -> str:
    """A sentence as a timeline quotes it: without the page's stamps (INLINE_STAMP), spaces made single."""
    return " ".join(INLINE_STAMP.sub(" ", text).split())
