"""The row readers of the record formats JSON Lines, CSV/TSV and Parquet (``coder.readers``
opens the file and turns each row into an ``InputRecord`` or a ``Rejection``).

Each yields ``Raw`` items, ``(line, fields)`` with the canonical fields (``id``, ``text``,
``date``, ...) read from the keys or columns the ``ReaderConfig`` names, or ``(line, problem)``
for a row that cannot be read; line 0 is the whole file. Text rows come from a decoded text
stream; Parquet is read from the file in batches (pyarrow, imported on first use).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from coder.readers import ReaderConfig

__all__ = ["Raw", "csv_rows", "jsonl_rows", "parquet_rows"]

_PARQUET_BATCH = 1024

Raw = tuple[int, "dict[str, object] | str"]  # (line, fields) or (line, problem)


def jsonl_rows(stream: Iterable[str], config: ReaderConfig) -> Iterator[Raw]:
    names = config.field_names()
    first = True
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        if first and line.lstrip().startswith("["):
            yield 0, ("a JSON array, not JSON Lines (one object per line); "
                      "convert it with: jq -c '.[]' FILE > FILE.jsonl")
            return
        first = False
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield n, f"invalid JSON: {e.msg} (column {e.colno})"
            continue
        except RecursionError:
            yield n, "invalid JSON: nested too deeply"
            continue
        if not isinstance(obj, dict):
            yield n, f"invalid record: want a JSON object, got {type(obj).__name__}"
            continue
        yield n, {canon: obj.get(name) for canon, name in names.items()}


def _columns(header: Sequence[str], config: ReaderConfig) -> dict[str, str]:
    """Canonical field -> column present in ``header`` (exact name first, then ignoring case)."""
    lowered = {h.lower(): h for h in reversed(header)}
    found = {canon: name if name in header else lowered.get(name.lower()) for canon, name in config.field_names().items()}
    return {canon: column for canon, column in found.items() if column is not None}


def _missing_text(header: Sequence[str], config: ReaderConfig) -> str:
    shown = ", ".join(repr(h) for h in header[:20]) + (", ..." if len(header) > 20 else "")
    return f"no column {config.text_field!r} (columns: {shown}); name the text field in the configuration"


def csv_rows(stream: IO[str], config: ReaderConfig, delimiter: str) -> Iterator[Raw]:
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return
    except csv.Error as e:
        yield 1, f"invalid CSV header: {e}"
        return
    columns = _columns(header, config)
    if "text" not in columns:
        yield 1, _missing_text(header, config)
        return
    index = {canon: header.index(col) for canon, col in columns.items()}
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            hint = " (a quote opened here is never closed?)" if "end of data" in str(e) else ""
            yield start, f"invalid CSV: {e}{hint}"
            if reader.line_num <= end:
                return
            end = reader.line_num
            continue
        end = reader.line_num
        if not row:
            continue
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            yield start, f"row has {len(row)} fields, the header {len(header)} (a quoting problem?)"
            continue
        yield start, {canon: (row[i] if i < len(row) else None) for canon, i in index.items()}


def parquet_rows(path: Path, config: ReaderConfig) -> Iterator[Raw]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError, ValueError) as e:
        yield 0, f"cannot read Parquet: {e}"
        return
    with parquet:
        columns = _columns(parquet.schema_arrow.names, config)
        if "text" not in columns:
            yield 0, _missing_text(parquet.schema_arrow.names, config)
            return
        row = 0
        try:
            for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH, columns=sorted(set(columns.values()))):
                values = {canon: batch.column(col).to_pylist() for canon, col in columns.items()}
                for i in range(batch.num_rows):
                    row += 1
                    yield row, {canon: values[canon][i] for canon in columns}
        except (pa.ArrowException, OSError, ValueError) as e:
            yield 0, f"cannot read Parquet after row {row}: {e}"
