"""Summaries of output tables, for dictionary work (which unknown actors to add first)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq


@dataclass(frozen=True)
class UnknownCount:
    text: str
    entity_type: str
    mentions: int
    documents: int
    as_argument: int


def unknown_actor_counts(path: str | Path, top: int = 50) -> list[UnknownCount]:
    """The most frequent unknown named entities in an ``*.unknown_actors.parquet`` file or dataset folder.

    Arguments of verbs first matter most: ``as_argument`` counts mentions that were a verb's argument.
    """
    path = Path(path)
    if path.is_dir() and (path / "unknown_actors").is_dir():
        path = path / "unknown_actors"
    elif path.suffix == ".parquet" and not path.name.endswith(".unknown_actors.parquet"):
        sibling = path.with_name(path.name[: -len(".parquet")] + ".unknown_actors.parquet")
        if sibling.exists():
            path = sibling
    table = pq.read_table(path, columns=["doc_id", "text", "entity_type", "is_argument"])
    if table.num_rows == 0:
        return []
    table = table.set_column(1, "text", pc.utf8_normalize(table["text"], "NFC"))
    grouped = table.group_by(["text", "entity_type"]).aggregate(
        [("doc_id", "count"), ("doc_id", "count_distinct"), ("is_argument", "sum")])
    rows = grouped.to_pylist()
    rows.sort(key=lambda r: (-r["doc_id_count"], -(r["is_argument_sum"] or 0), r["text"]))
    return [UnknownCount(r["text"], r["entity_type"], r["doc_id_count"], r["doc_id_count_distinct"],
                         int(r["is_argument_sum"] or 0)) for r in rows[:top]]
