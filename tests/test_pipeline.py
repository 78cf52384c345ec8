"""Runs through the library: parsed CoNLL-U in, three Parquet tables out, workers, rejections."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from coder.config import CoderConfig
from coder.events import DOCUMENT_SCHEMA, EVENT_SCHEMA, UNKNOWN_SCHEMA
from coder.pipeline import RunConfig, code_corpus

DATA = Path(__file__).parent / "data"
MINI = dict(actor_files=(str(DATA / "mini_actors.txt"),), verb_files=(str(DATA / "mini_verbs.txt"),))


def _run(tmp_path, output="out/events.parquet", workers=1, **kw):
    run = RunConfig(parsed=str(DATA / "two_docs.conllu"), output=str(tmp_path / output), workers=workers,
                    coder=CoderConfig(default_date=dt.date(2020, 1, 1)), **{**MINI, **kw})
    return code_corpus(run)


def test_three_tables_with_schema_and_counts(tmp_path):
    summary = _run(tmp_path)
    out = tmp_path / "out"
    events = pq.read_table(out / "events.parquet")
    docs = pq.read_table(out / "events.documents.parquet")
    unknown = pq.read_table(out / "events.unknown_actors.parquet")
    assert events.schema.equals(EVENT_SCHEMA) and docs.schema.equals(DOCUMENT_SCHEMA) and unknown.schema.equals(UNKNOWN_SCHEMA)
    rows = events.to_pylist()
    assert {(r["doc_id"], r["source"], r["target"], r["cameo_code"]) for r in rows} == {
        ("a1", "IRN", "IRQ", "190"), ("a2", "USAGOV", "EGY", "042"), ("a4", "RUS", "UKR", "163")}
    by_doc = {d["doc_id"]: d for d in docs.to_pylist()}
    assert by_doc["a3"]["status"] == "empty" and by_doc["a1"]["status"] == "coded" and by_doc["a1"]["sentences"] == 2
    assert [u["text"] for u in unknown.to_pylist()] == ["Freedonia"]
    assert (summary.coded, summary.empty, summary.rejected, summary.events) == (3, 1, 0, 3)
    assert "4 documents: 3 coded, 1 empty, 0 discarded, 0 rejected; 5 sentences, 3 events" in summary.line()
    assert not list(out.glob(".*")), "temporary files must be renamed or removed"


def test_date_column_and_default_date(tmp_path):
    _run(tmp_path)
    rows = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    dates = {r["doc_id"]: r["date"] for r in rows}
    assert dates["a2"] == dt.date(2016, 3, 1)
    assert pq.read_table(tmp_path / "out" / "events.parquet").schema.field("date").type == "date32[day]"


def test_two_workers_give_the_same_events_as_one(tmp_path):
    _run(tmp_path, "one/events.parquet", workers=1)
    _run(tmp_path, "two/events.parquet", workers=2)
    one = pq.read_table(tmp_path / "one" / "events.parquet").to_pylist()
    two = pq.read_table(tmp_path / "two" / "events.parquet").to_pylist()
    key = lambda r: r["event_id"]  # noqa: E731
    assert sorted(one, key=key) == sorted(two, key=key) and len(one) == 3
    assert len(pq.read_table(tmp_path / "two" / "events.documents.parquet")) == 4


def test_dataset_folder_output(tmp_path):
    _run(tmp_path, "ds/", workers=2)
    ds = tmp_path / "ds"
    assert sorted(p.name for p in ds.iterdir()) == ["documents", "events", "unknown_actors"]
    assert pq.read_table(ds / "events").num_rows == 3
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.connect().execute(f"select count(*) from read_parquet('{ds}/events/*.parquet')").fetchall()[0][0]
    assert n == 3


def test_parsed_rejections_are_counted(tmp_path):
    folder = tmp_path / "parsed"
    folder.mkdir()
    (folder / "part-00000.conllu").write_text((DATA / "two_docs.conllu").read_text())
    (folder / "rejections.jsonl").write_text(json.dumps(
        {"source_file": "in.jsonl", "source_line": 7, "reason": "invalid JSON", "doc_id": None}) + "\n")
    run = RunConfig(parsed=str(folder), output=str(tmp_path / "e.parquet"), **MINI)
    summary = code_corpus(run)
    assert summary.rejected == 1 and summary.rejections == ["in.jsonl:7: invalid JSON"]
    docs = pq.read_table(tmp_path / "e.documents.parquet").to_pylist()
    assert [d for d in docs if d["status"] == "rejected"][0]["reason"] == "invalid JSON"


def test_bad_conllu_is_a_rejection_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.conllu"
    bad.write_text("1\tIran\tIran\tPROPN\t_\t_\t0\troot\t_\n")
    summary = code_corpus(RunConfig(parsed=str(bad), output=str(tmp_path / "e.parquet"), **MINI))
    assert summary.rejected == 1 and summary.rejections[0].startswith(f"{bad}:1:")


def test_events_are_readable_with_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    _run(tmp_path)
    frame = pd.read_parquet(tmp_path / "out" / "events.parquet")
    assert list(frame["cameo_code"].sort_values()) == ["042", "163", "190"]


def test_a_bad_document_in_conllu_does_not_lose_the_following_ones(tmp_path):
    good = (DATA / "two_docs.conllu").read_text()
    bad_doc = "# newdoc id = broken\n1\tX\tX\tPROPN\t_\t_\t7\troot\t_\t_\n\n"
    f = tmp_path / "mixed.conllu"
    f.write_text(bad_doc + good)
    summary = code_corpus(RunConfig(parsed=str(f), output=str(tmp_path / "e.parquet"), **MINI))
    assert summary.rejected == 1 and summary.coded + summary.empty == 4
    assert summary.rejections[0].startswith(f"{f}:2:") and "head 7" in summary.rejections[0]
