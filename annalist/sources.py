"""Readers: turn files and folders into RawArticle records.

Each reader yields RawArticle or InputFailure and never raises for bad input, so
one broken file is reported by name and the rest of the run goes on.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from .models import InputFailure, InputSkipped, RawArticle

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article larger than this is not a news article

KINDS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html",
         ".warc": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl"}

_PATH_DATE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    pass


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return KINDS.get(path.suffix.lower())


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: BOM, then strict UTF-8, then charset detection.

    Detection (charset-normalizer) rather than a guess, so Latin-1, CP1251 and
    UTF-16 without a BOM come out right; text that is mostly control characters
    is binary junk, not an article.
    """
    text = _decode(data)
    if len(_CONTROL.findall(text[:20000])) > max(2, len(text[:20000]) // 100):
        raise DecodeError("binary content (not text)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 but for a few bad bytes (at most 8, or one in 200), as many valid multi-byte sequences."""
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data))
    return multibyte >= bad and bad <= max(8, len(data) // 200)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            if _mostly_utf8(data):
                # A few bad bytes in UTF-8 text (a cut, a stray Latin-1 byte) are shown as U+FFFD where
                # they are: detection would decode the whole file as a legacy code page ("Bakı" -> "Bakﾄｱ").
                return data.decode("utf-8", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("binary content (no text encoding fits)")
    return str(best)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """(file, the folder it was found from) for every input below the given paths (see `walk`)."""
    for found in walk(paths):
        if isinstance(found, tuple):
            yield found


def walk(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path] | InputSkipped | InputFailure]:
    """Every input below the given paths, and what was left out and why.

    A file named explicitly is always yielded (an unknown type is then reported). Inside folders:
    hidden files and folders are passed over; files of other types and links that lead out of the
    folder are skipped, each named; a sub-folder that cannot be read is a failure.
    """
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root, root.parent
            continue
        failures: list[OSError] = []
        found = []
        for folder, folders, files in os.walk(root, onerror=failures.append, followlinks=False):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            found += [Path(folder) / name for name in files if not name.startswith(".")]
        for error in failures:
            yield InputFailure(path_text(Path(error.filename or root)), f"unreadable folder: {error.strerror or error}")
        for path in sorted(found):
            if not kind_of(path):
                yield InputSkipped(path_text(path), f"not an article type ({path.suffix or 'no suffix'})")
            elif path.is_symlink() and not _inside(path, root):
                yield InputSkipped(path_text(path), "a link out of the input folder (not followed)")
            else:
                yield path, root


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a loop of links
        return False
    return True


def iter_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | InputFailure | InputSkipped]:
    for found in walk(paths):
        if isinstance(found, tuple):
            path, root = found
            yield from read_path(path, group=folder_group(path, root), max_bytes=max_bytes)
        else:
            yield found


def path_text(path: Path) -> str:
    """A path as text every store can hold: a file name's bytes that are not UTF-8 (Linux allows them,
    "bad_\\xff.txt") are written as \\xNN escapes instead of the surrogates Python decodes them to."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def folder_group(path: Path, root: Path) -> str:
    """Files that likely share a site's furniture: the first sub-folder of the input
    folder (one per outlet, as in Timeline17's topic_outlet folders), else the folder
    itself. Dated folders (2010-05-24/) hold one day of a site, not a site.
    """
    try:
        first = path.relative_to(root).parts[0]
    except (ValueError, IndexError):
        return path_text(root)
    if first == path.name or _PATH_DATE.match(first):
        return path_text(root)
    return path_text(root / first)


def read_path(path: Path, group: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | InputFailure]:
    kind = kind_of(path)
    if kind is None:
        yield InputFailure(path_text(path), "unsupported file type (want .txt, .html, .warc, .warc.gz, .jsonl)")
        return
    reader = {"txt": _read_single, "html": _read_single, "warc": read_warc, "jsonl": read_jsonl}[kind]
    try:
        yield from reader(path, kind, group, max_bytes)
    except OSError as exc:  # unreadable, vanished, a dangling link
        yield InputFailure(path_text(path), f"unreadable: {exc.strerror or exc}")


def _path_meta(path: Path) -> dict:
    """A folder named like 2010-05-24 (Timeline17's layout) dates the files inside it."""
    for part in reversed(path.parent.parts):
        if _PATH_DATE.match(part):
            return {"published": part, "published_source": f"folder {part}"}
    return {}


def _read_single(path: Path, kind: str, group: str, max_bytes: int) -> Iterator[RawArticle | InputFailure]:
    size = path.stat().st_size
    if size == 0:
        yield InputFailure(path_text(path), "empty file")
        return
    if size > max_bytes:
        yield InputFailure(path_text(path), f"too large for one article ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
        return
    data = path.read_bytes()
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield InputFailure(path_text(path), str(exc))
        return
    if not decoded.strip():
        yield InputFailure(path_text(path), "no text (only white space)")
        return
    fields = {"text": decoded} if kind == "txt" else {"html": decoded}
    yield RawArticle(origin=path_text(path), record="", kind=kind, content=data, group=group,
                     meta=_path_meta(path), **fields)


_JSONL_ALIASES = {"published": ("published", "time", "date", "publication_date"),
                  "source": ("source", "publisher", "site", "sitename"),
                  "title": ("title", "headline"), "url": ("url", "link"),
                  "author": ("author", "byline"), "section": ("section", "category"), "id": ("id",)}


def read_jsonl(path: Path, kind: str, group: str, max_bytes: int) -> Iterator[RawArticle | InputFailure]:
    """One article per line: `text` or `html`, optional title/url/published/source/author/section."""
    seen_any = False
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            seen_any = True
            where = f"{path}:{number}"
            if len(line) > max_bytes:
                yield InputFailure(where, f"line too large ({len(line) / 1e6:.1f} MB)")
                continue
            try:
                item = json.loads(decode_bytes(line))
            except (ValueError, DecodeError) as exc:
                yield InputFailure(where, f"malformed JSON line: {str(exc)[:120]}")
                continue
            article = _jsonl_article(item, path, number, line, group)
            yield article if article else InputFailure(where, "no 'text' or 'html' field with content")
    if not seen_any:
        yield InputFailure(path_text(path), "empty file")


def _jsonl_article(item, path: Path, number: int, line: bytes, group: str) -> RawArticle | None:
    if not isinstance(item, dict):
        return None
    text, html = item.get("text"), item.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return None
    meta = {}
    for key, aliases in _JSONL_ALIASES.items():
        value = next((item[a] for a in aliases if item.get(a) not in (None, "")), None)
        if value is not None:
            meta[key] = str(value)
    if "published" in meta:
        meta["published_source"] = "jsonl field"
    source = meta.get("source") or _site(meta.get("url")) or group
    return RawArticle(origin=path_text(path), record=f"line {number}", kind="jsonl", content=line, group=source,
                      text=text if isinstance(text, str) and text.strip() else None,
                      html=None if isinstance(text, str) and text.strip() else html, meta=meta)


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def read_warc(path: Path, kind: str, group: str, max_bytes: int) -> Iterator[RawArticle | InputFailure]:
    """HTML response (and resource) records of a WARC; a truncated tail keeps the complete records."""
    from warcio.archiveiterator import ArchiveIterator

    gzipped = path.name.lower().endswith(".gz")
    complete_end, members = _complete_gzip_end(path) if gzipped else (path.stat().st_size, 0)
    whole_file = gzipped and members == 1 and complete_end == path.stat().st_size
    if whole_file:
        complete_end = float("inf")  # offsets are then in the decompressed stream; a cut shows as EOFError
    if not path.stat().st_size:
        yield InputFailure(path_text(path), "empty file")
        return
    with (gzip.open(path, "rb") if whole_file else path.open("rb")) as handle:
        # A WARC gzipped as one whole file (gzip file.warc) rather than record by record: read it as
        # one stream, or only its first record would be found.
        read = yield from _warc_records(ArchiveIterator(handle), path, float("inf"), complete_end, max_bytes)
    if read is None:
        return
    if complete_end < path.stat().st_size:
        yield InputFailure(path_text(path), "truncated: the last gzip member is incomplete; the complete records before it were kept")
    elif not read:
        yield InputFailure(path_text(path), "no HTML response or resource record: nothing to read as an article")


def _warc_records(records, path: Path, end: float, complete_end: float,
                  max_bytes: int) -> Iterator[RawArticle | InputFailure]:
    """The articles of the records that start before offset `end` (warcio counts offsets from the
    file's start, also when the iterator began further in); returns how many records were read,
    None when the file broke off (a failure said so)."""
    read = 0  # articles and failures of records: none means the file held nothing to read
    try:
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            # warcio knows a record's offset once it is read: read first, then see where it started
            article = _warc_article(record, path, records.get_record_offset, max_bytes)
            offset = records.get_record_offset()
            if offset >= end:
                break  # the next range's
            if getattr(record.raw_stream, "limit", 0):  # fewer bytes than its Content-Length: the file was cut
                yield InputFailure(path_text(path), f"truncated: record at offset {offset} "
                                   "is incomplete; the complete records before it were kept")
                return None
            if offset + records.get_record_length() > complete_end:
                yield InputFailure(path_text(path), f"truncated: record at offset {offset} is incomplete; the complete records before it were kept")
                return None
            if article is not None:
                read += 1
                yield article
    except Exception as exc:  # warcio raises assorted errors on a cut or corrupt stream
        yield InputFailure(path_text(path), f"corrupt or truncated WARC {_where_in(records)}: "
                           f"{type(exc).__name__}; the complete records before it were kept")
        return None
    return read


# A WARC larger than this is read by several tasks on Spark, each from a record boundary
# (ANNALIST_WARC_SPLIT_BYTES sets another size): a crawl's 1 GB file is not one task's memory.
WARC_SPLIT_BYTES = 64 * 1024 * 1024
# Where a gzip member starts, what it decompresses to: the start of a WARC record's header.
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_HEADER = re.compile(rb"WARC/1\.\d\r?\n")


def warc_ranges(path: Path, size: int = WARC_SPLIT_BYTES) -> list[tuple[int, int]]:
    """Byte ranges of a WARC file that separate tasks can read (`read_warc_range`): one range for a
    small file and for one gzipped whole (its records cannot be found without reading from its
    start), else ranges of `size` bytes, each read from the first record that starts in it."""
    total = path.stat().st_size
    if total <= size or (path.name.lower().endswith(".gz") and not _gzipped_by_record(path, size)):
        return [(0, total)]
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def _gzipped_by_record(path: Path, within: int) -> bool:
    """Whether the file's first gzip member ends within its first `within` bytes (and more follow):
    a WARC compressed record by record, as crawlers write them."""
    decompressor = zlib.decompressobj(31)
    with path.open("rb") as handle:
        while (chunk := handle.read(1 << 16)) and handle.tell() <= within + (1 << 16):
            try:
                decompressor.decompress(chunk)
            except zlib.error:
                return False
            if decompressor.eof:
                return bool(decompressor.unused_data) or bool(handle.read(1))
    return False


def read_warc_range(path: Path, start: int, end: int, group: str,
                    max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | InputFailure]:
    """The records of a WARC that start in [start, end), as `read_warc` reads them (the same
    articles, offsets and failures; all ranges of `warc_ranges` together read the file once). Only the
    range at the file's end tells a file with no HTML record or a cut last member."""
    from warcio.archiveiterator import ArchiveIterator

    if (start, end) == (0, path.stat().st_size):
        yield from read_warc(path, "warc", group, max_bytes)
        return
    gzipped = path.name.lower().endswith(".gz")
    with path.open("rb") as handle:
        first = _next_record(handle, start, end, gzipped)
        if first is None:
            return
        handle.seek(first)
        last = end == path.stat().st_size
        complete_end = _complete_gzip_end(path, first)[0] if gzipped and last else float("inf")
        read = yield from _warc_records(ArchiveIterator(handle), path, end, complete_end, max_bytes)
    if read is not None and last and complete_end < path.stat().st_size:
        yield InputFailure(path_text(path), "truncated: the last gzip member is incomplete; the complete records before it were kept")


_SCAN_BYTES = 1 << 20  # a range is searched for its first record a megabyte at a time, not read whole


def _next_record(handle, start: int, end: int, gzipped: bool) -> int | None:
    """The offset of the first record that starts in [start, end): a gzip member that decompresses to
    a WARC header, or a WARC header line at a line's start."""
    if start == 0:
        return 0
    marker = _GZIP_MAGIC if gzipped else b"WARC/1."
    position = start - 1  # from the byte before: a plain record's header opens a line
    while position < end:
        handle.seek(position)
        chunk = handle.read(_SCAN_BYTES + 64)  # a little past the megabyte: a header read whole
        if len(chunk) <= 1:
            return None
        at = 1
        while (found := chunk.find(marker, at)) >= 0 and found <= _SCAN_BYTES:
            if position + found >= end:
                return None
            if (_opens_record(handle, position + found) if gzipped else
                    chunk[found - 1:found] == b"\n" and _WARC_HEADER.match(chunk, found)):
                return position + found
            at = found + 1
        position += _SCAN_BYTES
    return None


def _opens_record(handle, offset: int) -> bool:
    position = handle.tell()
    handle.seek(offset)
    try:
        head = zlib.decompressobj(31).decompress(handle.read(4096), 16)
    except zlib.error:
        return False
    finally:
        handle.seek(position)
    return bool(_WARC_HEADER.match(head))


def _where_in(records) -> str:
    """Where a corrupt WARC stream broke off: after the last record read, or at its start (warcio has
    no offset before its first record)."""
    try:
        return f"after offset {records.get_record_offset()}"
    except (TypeError, IndexError):
        return "at its start"


def _warc_article(record, path: Path, offset_of, max_bytes: int) -> RawArticle | InputFailure | None:
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers
                    else record.rec_headers.get_header("Content-Type")) or ""
    if "html" not in content_type.lower():
        record.content_stream().read()  # consume, so offsets stay right
        return None
    stream = record.content_stream()
    payload = stream.read(max_bytes + 1)
    offset = offset_of()
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(payload) > max_bytes:
        while stream.read(1 << 20):  # read past it, so that a cut file is still told from a large record
            pass
        return InputFailure(f"{path}@{offset}", f"record too large (> {max_bytes / 1e6:.1f} MB)")
    try:
        html = decode_bytes(payload)
    except DecodeError as exc:
        return InputFailure(f"{path}@{offset}", str(exc))
    meta = {"url": url}
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        meta["crawled"] = warc_date
    return RawArticle(origin=url or path_text(path), record=f"{path_text(Path(path.name))}@{offset}", kind="warc", content=payload,
                      group=_site(url) or str(path.parent), html=html, meta=meta)


def _complete_gzip_end(path: Path, start: int = 0) -> tuple[int, int]:
    """(byte offset where the last complete gzip member ends, complete members).

    warcio silently stops at a cut gzip member and may hand back a short record;
    walking the members with zlib (from `start`, a member's start) tells which records are whole.
    """
    end = start
    members = 0
    position = start
    decompressor = zlib.decompressobj(31)
    with path.open("rb") as handle:
        handle.seek(start)
        while chunk := handle.read(1 << 16):
            data = chunk
            while data:
                try:
                    decompressor.decompress(data)
                except zlib.error:
                    return end, members
                if decompressor.eof:
                    used = len(data) - len(decompressor.unused_data)
                    position += used
                    end = position
                    members += 1
                    data = decompressor.unused_data
                    decompressor = zlib.decompressobj(31)
                else:
                    position += len(data)
                    data = b""
    return end, members
