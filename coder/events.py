"""The event record, the three output tables' Arrow schemas, and the only Parquet writer.

``-o x.parquet`` writes ``x.parquet``, ``x.documents.parquet`` and
``x.unknown_actors.parquet``; ``-o dir/`` writes a dataset folder with
``events/``, ``documents/`` and ``unknown_actors/`` parts. Every file is written
under a temporary name and renamed when complete.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder.codebook import Codebook

_TOKENS = pa.list_(pa.int32())

EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("date", pa.date32()),
    ("publisher", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("source", pa.string()), ("source_root", pa.string()), ("source_agent", pa.string()),
    ("source_text", pa.string()), ("source_tokens", _TOKENS), ("source_entries", pa.list_(pa.string())),
    ("target", pa.string()), ("target_root", pa.string()), ("target_agent", pa.string()),
    ("target_text", pa.string()), ("target_tokens", _TOKENS), ("target_entries", pa.list_(pa.string())),
    ("cameo_code", pa.string()), ("cameo_root", pa.string()), ("cameo_name", pa.string()),
    ("quad_class", pa.int8()), ("goldstein", pa.float32()),
    ("plover_type", pa.string()), ("plover_mode", pa.string()),
    ("verb_text", pa.string()), ("verb_tokens", _TOKENS), ("negated", pa.bool_()),
    ("pattern", pa.string()), ("sentence", pa.string()), ("parser", pa.string()), ("dictionaries", pa.string()),
    ("issues", pa.list_(pa.string())),  # issue codes found in the sentence (dictionaries/issues.txt), in order
])

DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source_file", pa.string()), ("source_line", pa.int64()), ("date", pa.date32()),
    ("status", pa.string()), ("reason", pa.string()), ("sentences", pa.int32()), ("events", pa.int32()),
    ("discarded_sentences", pa.int32()),  # sentences skipped for a discard phrase (all, when status is discarded)
])

UNKNOWN_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("text", pa.string()), ("entity_type", pa.string()),
    ("tokens", _TOKENS), ("is_argument", pa.bool_()), ("sentence", pa.string()),
])

STATUSES = ("coded", "empty", "rejected", "discarded")


def event_id(doc_id: str, sentence_id: int, source: str, target: str, code: str) -> str:
    key = f"{doc_id}\x1f{sentence_id}\x1f{source}\x1f{target}\x1f{code}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def cameo_fields(code: str, codebook: Codebook) -> dict:
    """Codebook columns for a code; foreign codes (212, 915, …) pass through with empty fields."""
    entry = codebook.cameo(code)
    if entry is None:
        return {"cameo_root": None, "cameo_name": None, "quad_class": None, "goldstein": None,
                "plover_type": None, "plover_mode": None}
    return {"cameo_root": entry.root, "cameo_name": entry.name, "quad_class": entry.quad_class,
            "goldstein": entry.goldstein, "plover_type": entry.plover_type, "plover_mode": entry.plover_mode}


@dataclass(frozen=True)
class OutputPaths:
    events: Path
    documents: Path
    unknown_actors: Path
    dataset: bool

    @classmethod
    def for_output(cls, output: str | Path) -> "OutputPaths":
        out = Path(output)
        if str(output).endswith(("/", os.sep)) or out.is_dir() or out.suffix == "":
            return cls(out / "events", out / "documents", out / "unknown_actors", True)
        stem = out.with_suffix("")
        return cls(out, Path(f"{stem}.documents.parquet"), Path(f"{stem}.unknown_actors.parquet"), False)

    def part(self, table: str, index: int) -> Path:
        """Where worker ``index`` writes its part of ``table``."""
        base = getattr(self, table)
        if self.dataset:
            return base / f"part-{index:05d}.parquet"
        return base.with_name(f".{base.name}.part-{index:05d}")


class TableWriter:
    """Streams record batches to one Parquet file, written under a temporary name until closed."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.path = Path(path)
        self.schema = schema
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
        self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd")
        self.rows = 0

    def write(self, rows: list[dict]) -> None:
        if rows:
            self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))
            self.rows += len(rows)

    def close(self) -> None:
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.writer.close()
        self.tmp.unlink(missing_ok=True)


def merge_parts(parts: Iterable[Path], dest: Path, schema: pa.Schema) -> int:
    """Concatenate worker parts into ``dest`` (atomically), row group by row group; removes the parts."""
    writer = TableWriter(dest, schema)
    try:
        for part in parts:
            f = pq.ParquetFile(part)
            for i in range(f.num_row_groups):
                _write_table(writer, f.read_row_group(i))
    except BaseException:
        writer.abort()
        raise
    writer.close()
    for part in parts:
        Path(part).unlink(missing_ok=True)
    return writer.rows


def _write_table(writer: TableWriter, table: pa.Table) -> None:
    writer.writer.write_table(table.cast(writer.schema))
    writer.rows += table.num_rows
