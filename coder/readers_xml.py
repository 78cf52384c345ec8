"""PETRARCH's XML input, read leniently, record by record.

PETRARCH and UniversalPetrarch input looks like::

    <Sentences>
    <Sentence date="20080801" id="AFP0808-001" source="AFP" sentence="True">
    <Text>
    ...the sentence, over several lines...
    </Text>
    <Parse>...</Parse>
    </Sentence>
    </Sentences>

Files found in the wild are often not well-formed XML: ``#`` comment lines
outside the root, comments that contain comments, ``<Sentence .../>`` written
self-closing and then closed again by ``</Sentence>``. So this reader does not
use an XML parser: it strips comments line by line (counting nesting), cuts the
stream at each ``<Sentence`` start tag and pulls the attributes and the
``<Text>`` element out of each record with regular expressions. Memory use is
one record, whatever the file size.

``iter_petrarch_xml`` yields ``(line, fields)`` for a record (``fields`` has
the keys ``id``, ``date``, ``text``, ``publisher`` (the ``source`` attribute),
``title``, ``url``) or ``(line, problem)`` where ``problem`` is a string; the
line is where the record's ``<Sentence`` tag starts.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

__all__ = ["iter_petrarch_xml", "strip_comments", "declared_encoding"]

_START = re.compile(r"<Sentence(?=[\s/>])")
_OPEN_TAG = re.compile(r"<Sentence(?P<attrs>(?:\s[^>]*?)?)\s*/?>", re.S)
_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT = re.compile(r"<Text(?:\s[^>]*)?>(.*?)</Text\s*>", re.S)
_TEXT_OPEN = re.compile(r"<Text(?:\s[^>]*)?>")
_END_SENTENCE = re.compile(r"</Sentence\s*>")
_END_ALL = re.compile(r"</Sentences\s*>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);")
_LINE_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")
_DECLARATION = re.compile(rb"""<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def declared_encoding(head: bytes) -> str | None:
    """The codec an ``<?xml ... encoding="..."?>`` declaration at the start of ``head`` names.

    None when there is no declaration, or it names UTF-8, ASCII or an unknown codec
    (the file is then read, and checked, as UTF-8).
    """
    m = _DECLARATION.search(head[:200])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in ("utf-8", "ascii") else name


def strip_comments(line: str, depth: int) -> tuple[str, int]:
    """Remove ``<!-- ... -->`` from ``line``, given the comment nesting ``depth`` at its start.

    Returns the kept text (its line break kept) and the depth at the end of the line.
    Comments nest: ``<!-- a <!-- b --> c -->`` is one comment.
    """
    kept: list[str] = []
    i = 0
    while True:
        if depth == 0:
            j = line.find("<!--", i)
            if j < 0:
                kept.append(line[i:])
                break
            kept.append(line[i:j])
            depth, i = 1, j + 4
        else:
            opening = line.find("<!--", i)
            closing = line.find("-->", i)
            if closing < 0 and opening < 0:
                break
            if opening >= 0 and (closing < 0 or opening < closing):
                depth, i = depth + 1, opening + 4
            else:
                depth, i = depth - 1, closing + 3
    out = "".join(kept)
    if line.endswith("\n") and not out.endswith("\n"):
        out += "\n"
    return out, depth


def _unescape(text: str) -> str:
    def entity(m: re.Match[str]) -> str:
        name = m.group(1)
        if name[0] == "#":
            code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            try:
                return chr(code)
            except (ValueError, OverflowError):
                return m.group(0)
        return {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[name]

    return _ENTITY.sub(entity, text)


def _element_text(raw: str) -> str:
    """CDATA kept literally, entities decoded, the file's line breaks joined with one space."""
    parts = []
    pos = 0
    for m in _CDATA.finditer(raw):
        parts.append(_unescape(raw[pos : m.start()]))
        parts.append(m.group(1))
        pos = m.end()
    parts.append(_unescape(raw[pos:]))
    return _LINE_BREAK.sub(" ", "".join(parts)).strip()


def _stray_text(chunk: str, line: int) -> Iterator[tuple[int, str]]:
    m = _TEXT_OPEN.search(chunk)
    if m:
        yield line + chunk[: m.start()].count("\n"), "<Text> outside a <Sentence> record (not read)"


@dataclass(frozen=True)
class RecordParts:
    """A ``<Sentence`` chunk of a PETRARCH file cut into its parts (for input and validation files)."""

    attrs: str | None  # the attribute text of the <Sentence ...> tag; None: the tag has no closing '>'
    body: str  # between the tag and </Sentence> (or the end of the record)
    tail: str  # after the record: settings, <Stop>, stray text
    body_at: int  # where the body starts in the chunk
    tail_at: int  # where the tail starts in the chunk


def record_parts(chunk: str) -> RecordParts:
    """Cut one chunk of ``split_sentence_records`` into tag attributes, body and tail. A self-closing
    ``<Sentence .../>`` followed by ``</Sentence>`` (as the shipped files write it) has the text between
    them as its body; ``</Sentences>`` ends the last record."""
    tail_at = len(chunk)
    end_all = _END_ALL.search(chunk)
    if end_all:
        tail_at = end_all.start()
    tag = _OPEN_TAG.match(chunk)
    if not tag or tag.end() > tail_at:
        return RecordParts(None, "", chunk[tail_at:], tail_at, tail_at)
    body_end = tail_at
    close = _END_SENTENCE.search(chunk, tag.end(), tail_at)
    if close:
        body_end, tail_at = close.start(), close.end()
    return RecordParts(tag.group("attrs"), chunk[tag.end():body_end], chunk[tail_at:], tag.end(), tail_at)


def _record(start: int, chunk: str) -> Iterator[tuple[int, dict[str, object] | str]]:
    parts = record_parts(chunk)
    tail_at, tail = parts.tail_at, parts.tail
    if parts.attrs is None:
        yield start, "malformed <Sentence> tag (no closing '>')"
        yield from _stray_text(tail, start + chunk[:tail_at].count("\n"))
        return
    attrs = {m.group(1): _unescape(m.group(2) if m.group(2) is not None else m.group(3))
             for m in _ATTR.finditer(parts.attrs)}
    body = parts.body
    texts = _TEXT.findall(body)
    where = f" in <Sentence id={attrs['id']!r}>" if attrs.get("id") else ""
    if len(texts) > 1:
        yield start, f"{len(texts)} <Text> elements{where} (a <Sentence> tag missing?)"
    elif not texts:
        if _TEXT_OPEN.search(body):
            yield start, f"<Text> not closed by </Text>{where}"
        else:
            yield start, f"no text (no <Text> element{where})"
    else:
        text = _element_text(texts[0])
        if not text:
            yield start, f"no text (<Text> element is empty{where})"
        else:
            yield start, {
                "id": attrs.get("id"),
                "date": attrs.get("date"),
                "text": text,
                "title": attrs.get("title"),
                "url": attrs.get("url"),
                "publisher": attrs.get("source") or attrs.get("publisher"),
            }
    yield from _stray_text(tail, start + chunk[:tail_at].count("\n"))


def split_sentence_records(lines: Iterable[str]) -> Iterator[tuple[int, str, bool]]:
    """A PETRARCH XML file (input or validation) cut into comment-free chunks ``(line, text, is_record)``:
    the text before the first ``<Sentence`` comes line by line (``is_record`` false); from there on each
    chunk runs from one ``<Sentence`` to the next and starts at that tag's line. Nested comments and a
    self-closing ``<Sentence …/>`` followed by ``</Sentence>`` are tolerated."""
    depth = 0
    buf: list[str] | None = None
    start = 0
    for lineno, raw in enumerate(lines, start=1):
        line, depth = strip_comments(raw, depth)
        pos = 0
        for m in _START.finditer(line):
            before = line[pos : m.start()]
            if buf is not None:
                buf.append(before)
                yield start, "".join(buf), True
            else:
                yield lineno, before, False
            buf, start, pos = [], lineno, m.start()
        if buf is not None:
            buf.append(line[pos:])
        else:
            yield lineno, line[pos:], False
    if buf is not None:
        yield start, "".join(buf), True


def iter_petrarch_xml(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, object] | str]]:
    """Records of a PETRARCH XML file given as its lines (1-based line numbers)."""
    for line, text, is_record in split_sentence_records(lines):
        yield from (_record(line, text) if is_record else _stray_text(text, line))
