"""Every input format to one stream of ``InputRecord | Rejection``.

JSON Lines, CSV/TSV, Parquet, ``.txt`` files (a folder of them: one document per
file) and PETRARCH XML (``coder.readers_xml``); text formats may be gzipped. No
record is lost silently: each becomes an ``InputRecord`` (text exactly as in the
file; normalisation happens later) or a ``Rejection`` saying why, at ``FILE:LINE``.
A file that cannot be read gives one ``Rejection`` at line 0; the stream goes on.

This module finds the inputs, detects their formats, checks their encoding and builds the
records; the rows of JSON Lines, CSV/TSV and Parquet files are read by ``coder.readers_rows``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import glob
import gzip
import io
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, Iterator, Sequence

from coder.model import InputRecord, Rejection
from coder.readers_rows import Raw, csv_rows, jsonl_rows, parquet_rows
from coder.readers_xml import declared_encoding, iter_petrarch_xml

__all__ = ["FORMATS", "ReaderConfig", "expand_inputs", "parse_date", "read_inputs"]

FORMATS = ("auto", "jsonl", "csv", "parquet", "txt", "petrarch-xml")
_BY_EXTENSION = MappingProxyType({
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".jsonlines": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".tab": "csv", ".parquet": "parquet", ".pq": "parquet", ".txt": "txt", ".xml": "petrarch-xml",
})
_KNOWN = (".jsonl, .ndjson, .json, .csv, .tsv, .parquet, .xml, .txt or a folder of .txt files"
          " (text formats may end in .gz)")
_FIELDS = ("id", "text", "date", "title", "url", "publisher")
_COMPACT_DATE = re.compile(r"\d{8}")
_ISO_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?:[01]\d|2[0-3])(?::?[0-5]\d(?::?[0-5]\d(?:[.,]\d+)?)?)?"
    r"(?:\s?(?:Z|z|UTC|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?))?)?"
)
_GLOB_CHARS = re.compile(r"[*?\[]")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class ReaderConfig:
    """Which fields (JSON keys, CSV/Parquet columns) hold what, and the input format."""

    id_field: str = "id"
    text_field: str = "text"
    date_field: str = "date"
    title_field: str = "title"
    url_field: str = "url"
    publisher_field: str = "publisher"
    format: str = "auto"  # auto | jsonl | csv | parquet | txt | petrarch-xml

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown input format {self.format!r} (want one of {', '.join(FORMATS)})")

    def field_names(self) -> dict[str, str]:
        """Canonical field -> the name used in the input."""
        return {f: getattr(self, f"{f}_field") for f in _FIELDS}


def expand_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Files, folders and glob patterns to the sorted, de-duplicated list of inputs.

    A folder holding ``.txt`` files is one input (the folder itself); data files
    in a folder (``.jsonl``, ``.csv``, ...) are listed one by one. A path that
    does not exist, or a pattern that matches nothing, raises ``FileNotFoundError``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: dict[str, Path] = {}
    for given in paths:
        text = os.path.expanduser(str(given))
        if _GLOB_CHARS.search(text) and not os.path.exists(text):
            candidates = [Path(m) for m in glob.glob(text, recursive=True)]
            if not candidates:
                raise FileNotFoundError(errno.ENOENT, "no input file matches the pattern", text)
        elif os.path.exists(text):
            candidates = [Path(text)]
        else:
            raise FileNotFoundError(errno.ENOENT, "input not found", text)
        for candidate in candidates:
            for path in _expand_one(candidate):
                found.setdefault(os.path.normcase(os.path.abspath(path)), path)
    return sorted(found.values(), key=str)


def _expand_one(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    try:
        children = sorted(c for c in path.iterdir() if not c.name.startswith(".") and c.is_file())
    except OSError:
        return [path]  # the reader reports why it cannot be listed
    has_txt = any(c.suffix.lower() == ".txt" for c in children)
    data = [c for c in children if _detect(c, "auto")[0] not in (None, "txt")]
    return ([path] if has_txt or not data else []) + data


def _detect(path: Path, forced: str) -> tuple[str | None, bool]:
    """(format, gzip-compressed) of a file."""
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    if forced != "auto":
        return forced, compressed
    return (_BY_EXTENSION.get(suffixes[-1]) if suffixes else None), compressed


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    base, ext = os.path.splitext(name)
    return base if ext.lower() in _BY_EXTENSION else name


def parse_date(value: object) -> dt.date | None:
    """ISO 8601 (``2023-05-01``, ``2023-05-01T10:00:00Z``) or ``20230501``; blank is None.

    A date-time gives its date as written (no conversion to UTC). Raises ``ValueError``.
    """
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if not text:
        return None
    if _COMPACT_DATE.fullmatch(text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    m = _ISO_DATE_TIME.fullmatch(text)
    if not m:
        raise ValueError(f"not a date: {value!r}")
    return dt.date.fromisoformat(m.group(1))


class _BadField(ValueError):
    """A record's field is unusable; the message is the rejection reason."""


def _scalar(value: object, name: str) -> str | None:
    """A metadata value as a stripped string; blank is None."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a data frame
        return None
    if isinstance(value, (dict, list, tuple, set, bytes)):
        raise _BadField(f"field {name!r} is not text (got {type(value).__name__})")
    text = str(value).strip()
    return text or None


def _build(fields: dict[str, object], source: str, line: int, stem: str, config: ReaderConfig) -> InputRecord | Rejection:
    names = config.field_names()
    doc_id: str | None = None
    try:
        doc_id = _scalar(fields.get("id"), names["id"]) or f"{stem}-{line}"
        text = fields.get("text")
        if isinstance(text, float) and text != text:
            text = None
        if text is not None and not isinstance(text, str):
            raise _BadField(f"field {names['text']!r} is not text (got {type(text).__name__})")
        if text is None or not text.strip():
            raise _BadField(f"no text (field {names['text']!r} missing or empty)")
        raw_date = fields.get("date")
        try:
            date = parse_date(raw_date)
        except ValueError:
            shown = raw_date if isinstance(raw_date, str) else str(raw_date)
            raise _BadField(f"bad date {shown!r} (want ISO 8601, e.g. 2023-05-01)") from None
        meta = {k: _scalar(fields.get(k), names[k]) for k in ("title", "url", "publisher")}
        return InputRecord(doc_id, text, date, **meta, source_file=source, source_line=line)
    except _BadField as problem:
        return Rejection(source, line, str(problem), doc_id)


def read_inputs(paths: Sequence[str | Path], config: ReaderConfig = ReaderConfig()) -> Iterator[InputRecord | Rejection]:
    """All records of all inputs, in ``expand_inputs`` order; ids must be unique across the run.

    Paths are expanded now (a missing one raises ``FileNotFoundError`` here); the
    files are read lazily, record by record, as the stream is consumed.
    """
    return _stream(expand_inputs(paths), config)


def _stream(files: list[Path], config: ReaderConfig) -> Iterator[InputRecord | Rejection]:
    seen: dict[str, tuple[str, int]] = {}
    for path in files:
        items = _read_folder(path, config) if path.is_dir() else _read_file(path, config)
        for item in items:
            if isinstance(item, InputRecord):
                first = seen.get(item.doc_id)
                if first is not None:
                    yield Rejection(item.source_file, item.source_line,
                                    f"duplicate id {item.doc_id!r} (first seen at {first[0]}:{first[1]})", item.doc_id)
                    continue
                seen[item.doc_id] = (item.source_file, item.source_line)
            yield item


def _read_folder(folder: Path, config: ReaderConfig) -> Iterator[InputRecord | Rejection]:
    try:
        files = sorted((p for p in folder.iterdir()
                        if p.suffix.lower() == ".txt" and not p.name.startswith(".") and p.is_file()),
                       key=lambda p: p.name)
    except OSError as e:
        yield Rejection(str(folder), 0, f"cannot list folder: {e.strerror or e}")
        return
    if not files:
        yield Rejection(str(folder), 0, "folder has no .txt files")
        return
    for path in files:
        yield from _read_file(path, config, forced="txt")


def _read_file(path: Path, config: ReaderConfig, forced: str | None = None) -> Iterator[InputRecord | Rejection]:
    source = str(path)
    fmt, compressed = _detect(path, forced or config.format)
    if fmt is None:
        yield Rejection(source, 0, f"unknown input format {''.join(path.suffixes) or path.name!r} (want {_KNOWN})")
        return
    if compressed and fmt in ("parquet", "txt"):
        yield Rejection(source, 0, f"compressed {fmt} is not supported; decompress the file first")
        return
    last, stem = 0, _stem(path)
    try:
        for line, fields in _raw_records(path, fmt, compressed, config):
            last = max(last, line)
            if isinstance(fields, str):
                yield Rejection(source, line, fields)
            else:
                yield _build(fields, source, line, stem, config)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
        detail = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        where = f"read error after line {last}" if last else "cannot read file"
        yield Rejection(source, 0, f"{where}: {detail}")


def _raw_records(path: Path, fmt: str, compressed: bool, config: ReaderConfig) -> Iterator[Raw]:
    if fmt == "parquet":
        yield from parquet_rows(path, config)
        return
    encoding = None
    if fmt == "petrarch-xml":
        with _open_binary(path, compressed) as raw:
            encoding = declared_encoding(raw.read(200))
    problem = None if encoding else _utf8_problem(path, compressed)
    if problem:
        yield 0, problem
        return
    encoding = encoding or "utf-8-sig"
    with _open_binary(path, compressed) as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as stream:
        if fmt == "jsonl":
            yield from jsonl_rows(stream, config)
        elif fmt == "csv":
            tab = any(s.lower() in (".tsv", ".tab") for s in path.suffixes)
            yield from csv_rows(stream, config, "\t" if tab else ",")
        elif fmt == "txt":
            text = stream.read()
            yield 1, ({"id": _stem(path), "text": text} if text.strip() else "no text (file is empty)")
        else:
            yield from iter_petrarch_xml(stream)


def _open_binary(path: Path, compressed: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def _utf8_problem(path: Path, compressed: bool) -> str | None:
    """Why the file is not valid UTF-8 (checked before any record is read), or None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines_before = 0
    with _open_binary(path, compressed) as raw:
        while True:
            chunk = raw.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as e:
                line = lines_before + chunk[: max(e.start, 0)].count(b"\n") + 1
                bad = e.object[e.start : e.start + 1].hex()
                return (f"not UTF-8 (byte 0x{bad} at line {line}); "
                        "re-encode the file as UTF-8, e.g. iconv -f latin1 -t utf-8")
            if not chunk:
                return None
            lines_before += chunk.count(b"\n")
