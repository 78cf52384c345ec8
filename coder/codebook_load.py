"""Reading the codebook tables: tab-separated text with '#' comments, checked cell by cell.

Every problem is raised as :class:`CodebookError` with the message ``FILE:LINE: problem`` so
that a broken table names the exact line to fix. Line numbers count from 1 and include the
comment lines; line 0 means the file as a whole (missing, empty).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType


class CodebookError(ValueError):
    """A codebook table is missing or wrong. ``str(error)`` is ``FILE:LINE: problem``."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        super().__init__(f"{path}:{line}: {problem}")


@dataclass(frozen=True)
class Row:
    """One data line of a table, with typed accessors that fail with the row's file and line."""

    path: Path
    line: int
    values: Mapping[str, str]

    def error(self, problem: str) -> CodebookError:
        return CodebookError(self.path, self.line, problem)

    def text(self, column: str) -> str:
        """A required, non-empty cell."""
        value = self.values[column]
        if not value:
            raise self.error(f"column '{column}' is empty")
        return value

    def optional(self, column: str) -> str | None:
        """A cell that may be empty (returned as None)."""
        return self.values[column] or None

    def integer(self, column: str, low: int, high: int) -> int:
        value = self.text(column)
        try:
            number = int(value)
        except ValueError:
            raise self.error(f"column '{column}': '{value}' is not an integer") from None
        if not low <= number <= high:
            raise self.error(f"column '{column}': {number} is outside {low}..{high}")
        return number

    def number(self, column: str, low: float, high: float) -> float:
        value = self.text(column)
        try:
            number = float(value)
        except ValueError:
            raise self.error(f"column '{column}': '{value}' is not a number") from None
        if math.isnan(number) or not low <= number <= high:
            raise self.error(f"column '{column}': {value} is outside {low:g}..{high:g}")
        return number

    def flag(self, column: str) -> bool:
        value = self.text(column)
        if value not in ("0", "1"):
            raise self.error(f"column '{column}': '{value}' must be 0 or 1")
        return value == "1"

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        value = self.text(column)
        if value not in allowed:
            raise self.error(f"column '{column}': '{value}' is not one of {', '.join(allowed)}")
        return value


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the lines that are neither blank nor '#' comments."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CodebookError(path, 0, "file not found") from None
    except OSError as exc:
        raise CodebookError(path, 0, f"cannot read: {exc.strerror or exc}") from None
    kept = []
    for number, chunk in enumerate(raw.split(b"\n"), start=1):
        try:
            text = chunk.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError:
            raise CodebookError(path, number, "not valid UTF-8") from None
        if text.strip() and not text.lstrip().startswith("#"):
            kept.append((number, text))
    return kept


def read_table(path: Path, columns: Sequence[str]) -> tuple[Row, ...]:
    """All data rows of a table whose header names exactly ``columns`` (in any order)."""
    lines = _lines(path)
    if not lines:
        raise CodebookError(path, 0, "no header line and no data")
    header_line, header_text = lines[0]
    header = [cell.strip() for cell in header_text.split("\t")]
    missing = [name for name in columns if name not in header]
    unknown = [name for name in header if name not in columns]
    if missing or unknown or len(set(header)) != len(header):
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if unknown:
            parts.append("unknown column(s) " + ", ".join(unknown))
        if not parts:
            parts.append("a column is named twice")
        raise CodebookError(path, header_line, "bad header: " + "; ".join(parts))
    rows = []
    for number, text in lines[1:]:
        cells = [cell.strip() for cell in text.split("\t")]
        if len(cells) != len(header):
            raise CodebookError(
                path, number, f"expected {len(header)} tab-separated fields, found {len(cells)}"
            )
        rows.append(Row(path, number, MappingProxyType(dict(zip(header, cells)))))
    if not rows:
        raise CodebookError(path, header_line, "no data rows after the header")
    return tuple(rows)
