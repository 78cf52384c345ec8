"""Readers: every input format to InputRecord | Rejection, nothing lost silently."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest

from coder.model import InputRecord, Rejection
from coder.readers import ReaderConfig, expand_inputs, parse_date, read_inputs
from coder.readers_xml import iter_petrarch_xml, strip_comments


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return write(path, "\n".join(lines) + "\n")


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, InputRecord)], [i for i in items if isinstance(i, Rejection)]


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_fields_dates_and_lines(tmp_path):
    f = jsonl(
        tmp_path / "news.jsonl",
        {"id": "a", "text": "Rebels attacked the town.", "date": "2023-05-01", "title": "T", "url": "http://x/a",
         "publisher": "AFP", "extra": 1},
        "",
        {"id": "b", "text": "Talks resumed.", "date": "2023-05-01T10:00:00Z"},
        {"id": 7, "text": "Troops withdrew.", "date": "20230501"},
        {"id": "d", "text": "No date here."},
    )
    recs, rejs = split(read_inputs([f]))
    assert rejs == []
    assert [r.doc_id for r in recs] == ["a", "b", "7", "d"]
    assert [r.source_line for r in recs] == [1, 3, 4, 5]  # the blank line 2 is skipped, not renumbered
    assert recs[0] == InputRecord("a", "Rebels attacked the town.", dt.date(2023, 5, 1), "T", "http://x/a", "AFP",
                                  str(f), 1)
    assert recs[1].date == recs[2].date == dt.date(2023, 5, 1)
    assert recs[3].date is None and recs[3].title is None


def test_bad_json_line_is_rejected_and_reading_goes_on(tmp_path):
    f = jsonl(tmp_path / "a.jsonl", {"id": "1", "text": "First."}, '{"id": "2" "text": "broken"}',
              {"id": "3", "text": "Third."})
    items = list(read_inputs([f]))
    assert [type(i).__name__ for i in items] == ["InputRecord", "Rejection", "InputRecord"]
    rej = items[1]
    assert rej.source_line == 2
    assert rej.message.startswith(f"{f}:2: invalid JSON: Expecting ',' delimiter (column ")
    assert items[2].doc_id == "3"


def test_not_an_object_and_json_array_file(tmp_path):
    f = jsonl(tmp_path / "a.jsonl", '["a", "list"]', {"id": "x", "text": "ok"})
    recs, rejs = split(read_inputs([f]))
    # only the FIRST line decides "this is a JSON array file"
    assert [r.doc_id for r in recs] == [] and rejs[0].source_line == 0 and "JSON array" in rejs[0].reason
    g = jsonl(tmp_path / "b.jsonl", {"id": "x", "text": "ok"}, "42")
    recs, rejs = split(read_inputs([g]))
    assert [r.doc_id for r in recs] == ["x"]
    assert rejs[0].source_line == 2 and "want a JSON object, got int" in rejs[0].reason


def test_record_without_text(tmp_path):
    f = jsonl(tmp_path / "a.jsonl", {"id": "1"}, {"id": "2", "text": "   "}, {"id": "3", "text": None},
              {"id": "4", "text": ["no"]}, {"id": "5", "text": "Kept."})
    recs, rejs = split(read_inputs([f]))
    assert [r.doc_id for r in recs] == ["5"]
    assert [r.reason for r in rejs[:3]] == ["no text (field 'text' missing or empty)"] * 3
    assert rejs[0].doc_id == "1" and rejs[0].message == f"{f}:1: no text (field 'text' missing or empty)"
    assert "not text (got list)" in rejs[3].reason


def test_missing_id_uses_file_stem_and_line(tmp_path):
    f = jsonl(tmp_path / "wire.jsonl", {"text": "One."}, {"id": "", "text": "Two."})
    recs, _ = split(read_inputs([f]))
    assert [r.doc_id for r in recs] == ["wire-1", "wire-2"]


def test_bad_date_is_rejected_with_reason(tmp_path):
    f = jsonl(tmp_path / "a.jsonl", {"id": "1", "text": "x", "date": "2023-13-45"},
              {"id": "2", "text": "x", "date": "May 1st"}, {"id": "3", "text": "x", "date": ""})
    recs, rejs = split(read_inputs([f]))
    assert rejs[0].message == f"{f}:1: bad date '2023-13-45' (want ISO 8601, e.g. 2023-05-01)"
    assert rejs[1].reason.startswith("bad date 'May 1st'")
    assert [(r.doc_id, r.date) for r in recs] == [("3", None)]


@pytest.mark.parametrize("value, want", [
    ("2023-05-01", dt.date(2023, 5, 1)), ("20230501", dt.date(2023, 5, 1)),
    ("2023-05-01T10:00:00Z", dt.date(2023, 5, 1)), ("2023-05-01T23:30:00-05:00", dt.date(2023, 5, 1)),
    ("2023-05-01 10:00", dt.date(2023, 5, 1)), ("2023-05-01T10:00:00.123456+02:00", dt.date(2023, 5, 1)),
    (20230501, dt.date(2023, 5, 1)), (dt.datetime(2023, 5, 1, 9), dt.date(2023, 5, 1)), (None, None), ("  ", None),
])
def test_parse_date_accepts(value, want):
    assert parse_date(value) == want


@pytest.mark.parametrize("value", ["2023-13-45", "20231345", "2023-02-30", "01/05/2023", "2023-05", "2023-05-01T25:00",
                                   "121108", 3.5])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_custom_field_names(tmp_path):
    cfg = ReaderConfig(id_field="aid", text_field="body", date_field="published", title_field="headline",
                       url_field="link", publisher_field="source")
    f = jsonl(tmp_path / "a.jsonl", {"aid": "q1", "body": "Police arrested protesters.", "published": "2021-01-06",
                                     "headline": "H", "link": "u", "source": "Reuters", "text": "ignored"})
    (rec,) = read_inputs([f], cfg)
    assert (rec.doc_id, rec.text, rec.date, rec.title, rec.url, rec.publisher) == (
        "q1", "Police arrested protesters.", dt.date(2021, 1, 6), "H", "u", "Reuters")
    (rej,) = read_inputs([jsonl(tmp_path / "b.jsonl", {"aid": "q2", "text": "wrong field"})], cfg)
    assert rej.reason == "no text (field 'body' missing or empty)"


def test_curly_quotes_and_accents_are_kept_in_text(tmp_path):
    text = "\u201cWe will retaliate,\u201d said the minister\u2019s aide in Bogot\u00e1."
    f = jsonl(tmp_path / "a.jsonl", {"id": "q", "text": text})
    (rec,) = read_inputs([f])
    assert rec.text == text


def test_gzip_jsonl(tmp_path):
    f = tmp_path / "wire.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"text": "Compressed."}) + "\n")
    (rec,) = read_inputs([f])
    assert (rec.doc_id, rec.text) == ("wire-1", "Compressed.")
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"not gzip at all")
    (rej,) = read_inputs([bad])
    assert rej.source_line == 0 and rej.reason.startswith("cannot read file")


# --------------------------------------------------------------------------- CSV, TSV, Parquet


def test_csv_with_line_numbers(tmp_path):
    f = write(tmp_path / "a.csv", 'id,text,date,publisher\n'
                                  'c1,"Rebels, it said, attacked.",2023-05-01,AFP\n'
                                  '\n'
                                  'c2,"Two\nlines",,\n'
                                  'c3,,2023-05-02,\n'
                                  ',Fourth.,2023-05-03,\n')
    recs, rejs = split(read_inputs([f]))
    assert [(r.doc_id, r.source_line) for r in recs] == [("c1", 2), ("c2", 4), ("a-7", 7)]
    assert recs[0].text == "Rebels, it said, attacked." and recs[0].publisher == "AFP"
    assert recs[1].text == "Two\nlines" and recs[1].date is None and recs[1].publisher is None
    assert [(r.source_line, r.reason) for r in rejs] == [(6, "no text (field 'text' missing or empty)")]


def test_csv_custom_columns_bom_and_too_many_fields(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes("\ufeffArticleID,Body\nx1,Hello\nx2,Hi,there\nx3,Trailing,\n".encode("utf-8"))
    recs, rejs = split(read_inputs([f], ReaderConfig(id_field="ArticleID", text_field="Body")))
    assert [r.doc_id for r in recs] == ["x1", "x3"]
    assert rejs[0].source_line == 3 and "3 fields" in rejs[0].reason


def test_csv_quoting_errors_are_rejected_not_swallowed(tmp_path):
    f = write(tmp_path / "a.csv", 'id,text\n1,"bad"quote\n2,"He said ""no"""\n3,"never closed\n4,lost?\n')
    items = list(read_inputs([f]))
    assert [(type(i).__name__, i.source_line) for i in items] == [("Rejection", 2), ("InputRecord", 3), ("Rejection", 4)]
    assert items[1].text == 'He said "no"'
    assert items[2].reason.startswith("invalid CSV: unexpected end of data") and "never closed" in items[2].reason


def test_csv_without_text_column_is_one_rejection(tmp_path):
    f = write(tmp_path / "a.csv", "id,body\n1,x\n2,y\n")
    (rej,) = read_inputs([f])
    assert rej.source_line == 1 and "no column 'text'" in rej.reason and "'body'" in rej.reason


def test_tsv(tmp_path):
    f = write(tmp_path / "a.tsv", "id\ttext\tdate\nt1\tTabs, commas.\t2020-02-02\n")
    (rec,) = read_inputs([f])
    assert (rec.doc_id, rec.text, rec.date, rec.source_line) == ("t1", "Tabs, commas.", dt.date(2020, 2, 2), 2)


def test_parquet_three_rows(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({
        "id": [1, 2, 3],
        "text": ["Army shelled the city.", "", "\u201cTalks\u201d resumed."],
        "date": [dt.date(2022, 3, 1), None, dt.date(2022, 3, 3)],
        "url": ["u1", None, "u3"],
    })
    f = tmp_path / "news.parquet"
    pq.write_table(table, f)
    items = list(read_inputs([f]))
    assert [i.source_line for i in items] == [1, 2, 3]
    assert isinstance(items[1], Rejection) and items[1].reason.startswith("no text")
    assert [(i.doc_id, i.date, i.url) for i in (items[0], items[2])] == [
        ("1", dt.date(2022, 3, 1), "u1"), ("3", dt.date(2022, 3, 3), "u3")]
    assert items[2].text == "\u201cTalks\u201d resumed."


def test_parquet_streams_in_batches_and_string_dates(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    n = 2500
    table = pa.table({"doc": [f"d{i}" for i in range(n)], "body": ["x"] * n, "date": ["2020-01-01"] * n})
    f = tmp_path / "big.parquet"
    pq.write_table(table, f, row_group_size=1000)
    recs, rejs = split(read_inputs([f], ReaderConfig(id_field="doc", text_field="body")))
    assert len(recs) == n and not rejs and recs[-1].source_line == n and recs[-1].date == dt.date(2020, 1, 1)


# --------------------------------------------------------------------------- text folders


def test_folder_of_txt_files(tmp_path):
    folder = tmp_path / "docs"
    write(folder / "b.txt", "Second document.\n")
    write(folder / "a.txt", "First \u201cdocument\u201d.")
    write(folder / "empty.txt", "  \n")
    write(folder / "notes.md", "ignored")
    assert expand_inputs([folder]) == [folder]
    items = list(read_inputs([folder]))
    assert [(type(i).__name__, i.source_file, i.source_line) for i in items] == [
        ("InputRecord", str(folder / "a.txt"), 1), ("InputRecord", str(folder / "b.txt"), 1),
        ("Rejection", str(folder / "empty.txt"), 1)]
    assert items[0].doc_id == "a" and items[0].text == "First \u201cdocument\u201d." and items[0].date is None
    assert items[1].text == "Second document.\n"


# --------------------------------------------------------------------------- paths and several files


def test_globs_several_files_sorted_and_deduplicated(tmp_path):
    a = jsonl(tmp_path / "data" / "a.jsonl", {"id": "a1", "text": "A."})
    b = write(tmp_path / "data" / "b.csv", "id,text\nb1,B.\n")
    write(tmp_path / "data" / "c.log", "not an input")
    got = expand_inputs([str(tmp_path / "data" / "*.csv"), a, str(tmp_path / "data" / "*.jsonl"), b])
    assert got == [a, b]
    assert [r.doc_id for r in read_inputs([str(tmp_path / "data" / "*.*sv"), str(tmp_path / "data/a.jsonl")])] == [
        "a1", "b1"]
    # a folder holding data files lists them (but not unknown files)
    assert expand_inputs([tmp_path / "data"]) == [a, b]


def test_missing_path_raises_naming_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.jsonl"):
        expand_inputs([tmp_path / "nope.jsonl"])
    with pytest.raises(FileNotFoundError, match=r"\*\.parquet"):
        read_inputs([str(tmp_path / "*.parquet")])  # raised at the call, not at the first next()


def test_duplicate_ids_across_files(tmp_path):
    a = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": "One."}, {"id": "y", "text": "Two."})
    b = write(tmp_path / "b.csv", "id,text\ny,Again.\nz,Three.\n")
    recs, rejs = split(read_inputs([a, b]))
    assert [r.doc_id for r in recs] == ["x", "y", "z"]
    assert rejs[0].message == f"{b}:2: duplicate id 'y' (first seen at {a}:2)"
    assert rejs[0].doc_id == "y"


# --------------------------------------------------------------------------- unreadable files


def test_not_utf8_file_is_one_rejection_and_stream_goes_on(tmp_path):
    bad = tmp_path / "a.jsonl"
    bad.write_bytes(b'{"id": "1", "text": "ok"}\n{"id": "2", "text": "caf\xe9"}\n')
    good = jsonl(tmp_path / "b.jsonl", {"id": "3", "text": "Fine."})
    items = list(read_inputs([bad, good]))
    assert len(items) == 2
    assert items[0] == Rejection(str(bad), 0, items[0].reason) and "not UTF-8" in items[0].reason
    assert "line 2" in items[0].reason
    assert items[1].doc_id == "3"


def test_corrupt_parquet_and_unknown_extension(tmp_path):
    pq_file = tmp_path / "a.parquet"
    pq_file.write_bytes(b"PAR1 this is not parquet")
    other = write(tmp_path / "b.docx", "?")
    good = jsonl(tmp_path / "c.jsonl", {"id": "ok", "text": "Fine."})
    items = list(read_inputs([pq_file, other, good]))
    assert [(type(i).__name__, i.source_line) for i in items] == [("Rejection", 0), ("Rejection", 0), ("InputRecord", 1)]
    assert items[0].reason.startswith("cannot read Parquet")
    assert items[1].reason.startswith("unknown input format '.docx'")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_file_without_read_permission(tmp_path):
    f = jsonl(tmp_path / "a.jsonl", {"id": "1", "text": "x"})
    f.chmod(0)
    try:
        (rej,) = read_inputs([f])
    finally:
        f.chmod(0o644)
    assert rej.source_line == 0 and "Permission denied" in rej.reason


def test_forced_format_and_bad_format_name(tmp_path):
    f = write(tmp_path / "feed.log", '{"id": "1", "text": "JSON in disguise."}\n')
    (rec,) = read_inputs([f], ReaderConfig(format="jsonl"))
    assert rec.doc_id == "1" and rec.source_line == 1
    with pytest.raises(ValueError, match="unknown input format"):
        ReaderConfig(format="excel")


# --------------------------------------------------------------------------- PETRARCH XML

PETRARCH = """\
<?xml version="1.0" encoding="utf-8"?>
<!-- a test file <!-- with a nested comment --> still a comment
<Sentence date="19990101" id="COMMENTED-1"><Text>Never read.</Text></Sentence>
-->
# a hash comment line, as in the peers' files
<Sentences>
<Sentence date = "20080801" id ="T-001" source = "AFP" sentence = "True">
<Text>
Police arrested  the &quot;leaders&quot; of the
protest in Cairo.
</Text>
<Parse>(ROOT (S ...))</Parse>
</Sentence>
<Sentence category="X" date="20080802" id="T-002" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The president visited \u201cBeijing\u201d.
</Text>
<!-- <Text>a commented-out second text</Text> -->
</Sentence>
<Sentence date="20081399" id="T-003"><Text>Bad date.</Text></Sentence>
<Sentence id="T-004" date="20080804">
<Parse>no text element</Parse>
</Sentence>
<Sentence id="T-005"><Text>No date, AT&amp;T &#233;</Text></Sentence>
</Sentences>
"""


def test_petrarch_xml(tmp_path):
    f = write(tmp_path / "sample.xml", PETRARCH)
    items = list(read_inputs([f]))
    summary = [(type(i).__name__, i.source_line, i.doc_id) for i in items]
    assert summary == [("InputRecord", 7, "T-001"), ("InputRecord", 14, "T-002"), ("Rejection", 21, "T-003"),
                       ("Rejection", 22, None), ("InputRecord", 25, "T-005")]
    one, two, five = items[0], items[1], items[4]
    assert one.text == 'Police arrested  the "leaders" of the protest in Cairo.'
    assert (one.date, one.publisher) == (dt.date(2008, 8, 1), "AFP")
    assert two.text == "The president visited \u201cBeijing\u201d." and two.date == dt.date(2008, 8, 2)
    assert items[2].reason == "bad date '20081399' (want ISO 8601, e.g. 2023-05-01)"
    assert items[3].reason == "no text (no <Text> element in <Sentence id='T-004'>)"
    assert five.text == "No date, AT&T \u00e9" and five.date is None


def test_petrarch_xml_malformed_records():
    lines = [
        "<Sentence id='a'><Text>One.</Text><Text>Two.</Text></Sentence>\n",
        "<Sentence id='b'><Text>never closed\n",
        "<Sentence id='c' <Sentence id='d'><Text>D.</Text></Sentence>\n",
        "<Text>stray</Text>\n",
    ]
    got = list(iter_petrarch_xml(lines))
    assert got[0] == (1, "2 <Text> elements in <Sentence id='a'> (a <Sentence> tag missing?)")
    assert got[1] == (2, "<Text> not closed by </Text> in <Sentence id='b'>")
    assert got[2] == (3, "malformed <Sentence> tag (no closing '>')")
    assert got[3][0] == 3 and got[3][1]["id"] == "d"
    assert got[4] == (4, "<Text> outside a <Sentence> record (not read)")


def test_strip_comments_nests_and_keeps_line_breaks():
    assert strip_comments("a <!-- x <!-- y --> z --> b\n", 0) == ("a  b\n", 0)
    assert strip_comments("a <!-- open\n", 0) == ("a \n", 1)
    assert strip_comments("still --> c\n", 1) == (" c\n", 0)
    assert strip_comments("<!--- dash -->x", 0) == ("x", 0)


def test_petrarch_xml_declared_latin1(tmp_path):
    f = tmp_path / "old.xml"
    f.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<Sentence id="L1"><Text>Bogot\xe1</Text></Sentence>\n'
                  .encode("latin-1"))
    (rec,) = read_inputs([f])
    assert rec.text == "Bogot\u00e1" and rec.source_line == 2
