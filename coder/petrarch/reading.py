"""Line reading shared by the PETRARCH/TABARI dictionary readers.

PETRARCH's files use ``#`` comments anywhere on a line, XML comments
``<!-- ... -->`` (possibly over several lines), and in actor files the
KEDS/TABARI legacy ``;`` comment. A reader never raises for a bad line: it
reports a :class:`~coder.dictionary_base.LoadIssue` and skips the line. Only a
file that cannot be read at all raises :class:`~coder.dictionary_base.DictionaryError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coder.dictionary_base import DictionaryError, LoadIssue


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # comments removed, trailing space stripped, leading whitespace kept
    comment: str  # what followed '#' or ';' (for provenance heuristics), '' if none


@dataclass
class Issues:
    """Collects the bad lines of one load (``problems``) and lossy translations (``notes``)."""

    problems: list[LoadIssue] = field(default_factory=list)
    notes: list[LoadIssue] = field(default_factory=list)

    def bad(self, source: str, line: int, problem: str) -> None:
        self.problems.append(LoadIssue(source, line, problem))

    def note(self, source: str, line: int, problem: str) -> None:
        self.notes.append(LoadIssue(source, line, problem))


def read_text(path: Path) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # TABARI-era files: every byte is a character
    return text


def read_lines(path: Path, semicolon_comments: bool = False) -> Iterator[Line]:
    """Non-blank lines of a PETRARCH dictionary with their 1-based numbers."""
    in_xml = False
    for n, raw in enumerate(read_text(path).splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if in_xml:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3:]
            in_xml = False
        while "<!--" in line:
            start = line.find("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                line = line[:start]
                in_xml = True
                break
            line = line[:start] + line[end + 3:]
        comment = ""
        cut = line.find("#")
        if semicolon_comments:
            semi = line.find(";")
            if semi >= 0 and (cut < 0 or semi < cut):
                cut = semi
        if cut >= 0:
            comment = line[cut + 1:].strip()
            line = line[:cut]
        line = line.rstrip()
        if line.strip():
            yield Line(n, line, comment)


def phrase_words(text: str) -> str:
    """``UNITED_STATES_`` -> ``UNITED STATES``: underscores join words; a trailing one only ends the phrase."""
    return " ".join(text.replace("_", " ").split())


_DIGITS = re.compile(r"^\d+$")


def parse_petrarch_date(text: str) -> dt.date:
    """YYMMDD or YYYYMMDD, as PETRARCH reads them: two-digit years 00-30 are 20YY, 31-99 are 19YY.

    (PETRreader.dstr_to_ordate: "For consistency with KEDS and TABARI, YY years between 00
    and 30 are interpreted as 20YY; otherwise 19YY is assumed.")
    """
    text = text.strip()
    if not _DIGITS.match(text) or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return dt.date(year, month, day)  # raises ValueError for impossible days


def bracket_groups(text: str) -> tuple[str, list[str], str]:
    """Split ``NAME {forms} [A] [B 900101-910101] rest`` into (text before the first '[',
    the bracket contents, text after the last ']'). A '[' without a closing ']' raises ValueError."""
    groups: list[str] = []
    head_end = text.find("[")
    if head_end < 0:
        return text, groups, ""
    head = text[:head_end]
    pos = head_end
    tail = ""
    while pos < len(text):
        if text[pos] == "[":
            close = text.find("]", pos + 1)
            nxt = text.find("[", pos + 1)
            if close < 0 or (0 <= nxt < close):
                raise ValueError(f"'[' without a matching ']' in {text.strip()!r}")
            groups.append(text[pos + 1:close])
            pos = close + 1
        elif text[pos].isspace():
            pos += 1
        else:
            tail = text[pos:].strip()
            break
    return head, groups, tail
