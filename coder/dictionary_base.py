"""What the actor and verb dictionary loaders share: errors, name keys, line reading."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coder.text import normalise_for_matching


class DictionaryError(ValueError):
    """A malformed dictionary line; the message reads ``FILE:LINE: problem``."""

    def __init__(self, source: str, line: int, problem: str):
        super().__init__(f"{source}:{line}: {problem}")
        self.source = source
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class LoadIssue:
    """A bad line in a foreign dictionary: reported and skipped, never silently."""

    source: str
    line: int
    problem: str

    @property
    def message(self) -> str:
        return f"{self.source}:{self.line}: {self.problem}"


_KEY_DROP = re.compile(r"[\s.\-'_\u00b7]+")


def name_key(text: str) -> str:
    """The key a name (or a run of tokens) is looked up by: folded, lower case, no inner punctuation."""
    return _KEY_DROP.sub("", normalise_for_matching(text).lower())


def is_caps_only(name: str) -> bool:
    """Short all-capitals names ("US", "UK", "UN") match only tokens written in capitals."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return 0 < len(letters) <= 4 and letters.isupper()


def strip_comment(line: str) -> str:
    pos = line.find("#")
    return line if pos < 0 else line[:pos]


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text without comment and trailing space); keeps leading indentation."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError(str(path), 0, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read: {exc.strerror}") from None
    for n, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw).rstrip()
        if line.strip():
            yield n, line


def parse_date(text: str, end: bool) -> dt.date:
    """ISO date, or YYYY-MM / YYYY (an end date takes the last day of that month or year)."""
    parts = text.split("-")
    if len(parts) == 3:
        return dt.date.fromisoformat(text)
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        if not 1 <= month <= 12:
            raise ValueError(f"bad month in {text!r}")
        return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    if len(parts) == 1 and len(text) == 4 and text.isdigit():
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    raise ValueError(f"bad date {text!r}")


def split_names(text: str) -> list[str]:
    return [n.strip() for n in text.split(";") if n.strip()]
