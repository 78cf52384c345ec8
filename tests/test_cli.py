"""The command line through typer's CliRunner (the library functions are tested elsewhere)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from coder.cli import app

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.mark.parametrize("command", ["code", "parse", "explain", "codes", "actors", "verbs", "validate", "unknowns"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_top_level_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("code", "parse", "explain", "codes", "actors", "verbs", "validate"):
        assert command in result.output


def test_codes_030_shows_name_goldstein_and_plover():
    result = runner.invoke(app, ["codes", "030"])
    assert result.exit_code == 0
    line = next(l for l in result.output.splitlines() if l.lstrip().startswith("030"))
    assert "4.0" in line and "AGREE" in line and "intent to cooperate" in line.lower()


def test_codes_sanction_finds_163():
    result = runner.invoke(app, ["codes", "sanction"])
    assert result.exit_code == 0 and any(l.lstrip().startswith("163") for l in result.output.splitlines())


def test_codes_unknown_query_fails_cleanly():
    result = runner.invoke(app, ["codes", "zzzznothing"])
    assert result.exit_code == 2 and "no code matches" in result.output


def test_actors_shows_dated_role_and_source():
    result = runner.invoke(app, ["actors", "Joe Biden", "--date", "2016-05-01"])
    assert result.exit_code == 0 and "USAGOV" in result.output and "people.txt:" in result.output
    later = runner.invoke(app, ["actors", "Joe Biden", "--date", "2019-05-01"])
    assert "-> USAELI" in later.output


def test_verbs_shows_patterns_with_file_and_line():
    result = runner.invoke(app, ["verbs", "impose"])
    assert result.exit_code == 0 and "163" in result.output and ".txt:" in result.output


def test_code_parsed_writes_tables_and_summary(tmp_path):
    out = tmp_path / "ev.parquet"
    result = runner.invoke(app, ["code", "--parsed", str(DATA / "two_docs.conllu"), "-o", str(out),
                                 "--actors", str(DATA / "mini_actors.txt"), "--verbs", str(DATA / "mini_verbs.txt"),
                                 "--workers", "1", "--default-date", "2020-01-01"])
    assert result.exit_code == 0, result.output
    assert "4 documents: 3 coded, 1 empty, 0 discarded, 0 rejected; 5 sentences, 3 events" in result.output
    assert pq.read_table(out).num_rows == 3 and (tmp_path / "ev.documents.parquet").exists()


def test_bad_default_date_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["code", "--parsed", str(DATA / "two_docs.conllu"), "--default-date", "May 1"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.slow
def test_code_reports_bad_records_and_goes_on(tmp_path):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "ok", "date": "2023-05-01", "text": "Iran attacked Iraq on Monday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty"}) + "\n")
    missing = tmp_path / "nope.weird"
    missing.write_text("x")
    out = tmp_path / "e.parquet"
    result = runner.invoke(app, ["code", str(corpus), str(missing), "-o", str(out), "--parser", "spacy",
                                 "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert f"{corpus}:2:" in result.output and f"{corpus}:3:" in result.output and f"{missing}:0:" in result.output
    assert "3 rejected" in result.output and "1 coded" in result.output
    docs = pq.read_table(tmp_path / "e.documents.parquet").to_pylist()
    assert sorted(d["status"] for d in docs) == ["coded", "rejected", "rejected", "rejected"]
    events = pq.read_table(out).to_pylist()
    assert [(e["source"], e["target"], e["cameo_root"]) for e in events] == [("IRN", "IRQ", "19")]


@pytest.mark.slow
def test_parse_then_code_parsed_gives_the_same_events(tmp_path):
    corpus = REPO / "examples" / "corpus.jsonl"
    direct = tmp_path / "direct.parquet"
    assert runner.invoke(app, ["code", str(corpus), "-o", str(direct), "--parser", "spacy", "--workers", "1"]).exit_code == 0
    parsed = tmp_path / "parsed"
    result = runner.invoke(app, ["parse", str(corpus), "-o", str(parsed), "--parser", "spacy"])
    assert result.exit_code == 0, result.output
    cached = tmp_path / "cached.parquet"
    assert runner.invoke(app, ["code", "--parsed", str(parsed), "-o", str(cached), "--workers", "1"]).exit_code == 0
    cols = ["doc_id", "sentence_id", "source", "target", "cameo_code", "date", "publisher", "title", "parser",
            "sentence", "source_tokens", "pattern"]
    a = pq.read_table(direct).select(cols).to_pylist()
    b = pq.read_table(cached).select(cols).to_pylist()
    assert a == b and len(a) >= 20
    docs = pq.read_table(tmp_path / "cached.documents.parquet").to_pylist()
    assert {(d["source_file"], d["source_line"]) for d in docs} == {(str(corpus), n) for n in range(1, 9)}


@pytest.mark.slow
def test_explain_shows_tree_actors_patterns_and_events():
    result = runner.invoke(app, ["explain", "Iran attacked Iraq on Monday.", "--date", "2023-05-01", "--parser", "spacy"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "nsubj" in out and "root" in out
    assert "'Iran': actor IRN" in out and "countries.txt:" in out
    assert "IRN -> IRQ" in out and "pattern verbs/" in out


def test_code_with_petrarch_dictionaries(tmp_path):
    ini = REPO.parent / "shared" / "peers" / "petrarch2" / "petrarch2" / "data" / "config" / "PETR_config.ini"
    if not ini.exists():
        pytest.skip("../shared/peers is not available")
    out = tmp_path / "phx.parquet"
    result = runner.invoke(app, ["code", "--parsed", str(DATA / "two_docs.conllu"), "-o", str(out), "--workers", "1",
                                 "--dictionaries", f"petrarch:{ini}", "--dictionaries", "coder"])
    assert result.exit_code == 0, result.output
    rows = pq.read_table(out).to_pylist()
    assert ("IRN", "IRQ", "19") in {(r["source_root"], r["target_root"], r["cameo_root"]) for r in rows}
    assert any(r["pattern"].startswith("CAMEO.2.0.txt:") for r in rows)


def test_unknown_dictionary_spec_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["code", "--parsed", str(DATA / "two_docs.conllu"), "-o", str(tmp_path / "x.parquet"),
                                 "--workers", "1", "--dictionaries", "tabari"])
    assert result.exit_code == 2 and "unknown dictionary set 'tabari'" in result.output


def test_unknowns_lists_counts(tmp_path):
    out = tmp_path / "ev.parquet"
    args = ["code", "--parsed", str(DATA / "two_docs.conllu"), "-o", str(out), "--workers", "1",
            "--actors", str(DATA / "mini_actors.txt"), "--verbs", str(DATA / "mini_verbs.txt")]
    assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, ["unknowns", str(out)])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if "Freedonia" in l)
    assert line.split()[:4] == ["1", "1", "1", "GPE"]


@pytest.mark.parametrize("command", ["code", "parse", "explain", "codes", "actors", "verbs", "validate", "unknowns"])
def test_every_option_is_explained(command):
    import click

    cmd = typer.main.get_command(app).commands[command]
    undocumented = [p.name for p in cmd.params if isinstance(p, click.Option) and not p.help]
    assert not undocumented, f"{command}: options without help: {undocumented}"
