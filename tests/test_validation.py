"""PETRARCH validation suites: the lenient reader, exact-set scoring, the root-level held-out
measure and the `validate` command, on suites written here. The real suites (../shared) are
tested in test_validation_suites.py."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from coder.cli_validate import validate
from coder.config import CoderConfig
from coder.validation import (
    actor_root, cameo_root, expand_triples, read_validation, run_validation, score_roots,
)

DATA = Path(__file__).parent / "data"

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(validate)
    return app


def _petrarch_loader():
    try:
        from coder.petrarch import load_petrarch_files
    except ImportError:
        pytest.skip("coder.petrarch (the PETRARCH dictionary reader) is not available")
    return load_petrarch_files


def _conllu(*rows: str) -> str:
    return "\n".join("\t".join(r.split()) for r in rows)


IRAN_ATTACKED_IRAQ = _conllu(
    "1 Iran Iran PROPN NNP _ 2 nsubj _ _",
    "2 attacked attack VERB VBD _ 0 root _ _",
    "3 Iraq Iraq PROPN NNP _ 2 dobj _ _",  # UD v1 label: normalised to obj
    "4 . . PUNCT . _ 2 punct _ _",
)
EGYPT_MET_SYRIA = _conllu(
    "1 Egypt Egypt PROPN NNP _ 2 nsubj _ _",
    "2 met meet VERB VBD _ 0 root _ _",
    "3 Syria Syria PROPN NNP _ 2 dobj _ _",
    "4 . . PUNCT . _ 2 punct _ _",
)

MALFORMED = f"""<?xml version='1.0' encoding='utf-8'?>
<Validation>
#########################################
#   a banner outside any comment, as in PETR2_GSR_validation.xml
#########################################
<!-- an outer comment <!-- with a nested one --> still a comment:
<Sentence category="DEMO" date="19950101" id="COMMENTED" evaluate="true">
<EventCoding eventcode="010" sourcecode="XXX" targetcode="YYY" />
</Sentence>
-->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>a1.txt, a2.txt</Actorfile>
    <Agentfile>agents.txt</Agentfile>
    <Discardfile>discards.txt</Discardfile>
    <Errorfile>Errors.txt</Errorfile>  <!-- not implemented -->
    <Include>valid DEMO COMPOUND NOCODE </Include>
    <Exclude>COMPOUND</Exclude>
    <Config option="require_dyad" value="True"></Config>
</Environment>
<Sentences>

<Sentence category="DEMO" date="20080804" id="SELF-1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="IRN" targetcode="IRQ" />
<Text>
Iran attacked
Iraq.
</Text>
<Parse>
{IRAN_ATTACKED_IRAQ}
</Parse>
</Sentence>

<Config option="require_dyad" value="false" />

<Sentence category = "DEMO" date = "19950104" id = "COMPOUND-1" evaluate = "true">
<!-- compound actor codes are written with slashes -->
<EventCoding eventcode="040" sourcecode="ARN/GON" targetcode="MOR" />
<EventCoding eventcode="040" sourcecode="ARN" targetcode="MOR" />
<EventCoding eventcode="041" sourcecode="~GOV" targetcode="" />
<Text>Arnor &amp; Gondor met Mordor.</Text>
<Parse>
(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Mordor)))))
</Parse>
</Sentence>

<Sentence category="DEMO" date="19950105" id="NOEV" evaluate="true">
<EventCoding noevents="True"> </EventCoding>
<Text>Nothing happened.</Text>
</Sentence>

<Sentence category="DEMO" date="19950105" id="ERR" evaluate="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>A football match.</Text>
</Sentence>

<Sentence category="DEMO" date="19950105" id="OFF" evaluate="false">
<EventCoding noevents="True" />
<Text>Bypassed.</Text>
</Sentence>

<Sentence category="COMPOUND" date="19950105" id="EXCLUDED" evaluate="true">
<EventCoding noevents="True" />
<Text>Excluded category.</Text>
</Sentence>

<Sentence category="OTHER" date="19950105" id="NOT-INCLUDED" evaluate="true">
<EventCoding noevents="True" />
<Text>Category not in Include.</Text>
</Sentence>

<Sentence category="NOCODE" date="19950105" id="NOCODE" evaluate="true">
<Text>No EventCoding line at all.</Text>
</Sentence>

<Stop></Stop>

<Sentence category="DEMO" date="19950105" id="AFTER-STOP" evaluate="true">
<EventCoding noevents="True" />
<Text>Never read.</Text>
</Sentence>
</Sentences>
</Validation>
"""


# -- the reader ------------------------------------------------------------------------------------

def test_reader_environment():
    env = read_validation(MALFORMED.splitlines(keepends=True)).environment
    assert env.verbfile == "verbs.txt"
    assert env.actorfiles == ("a1.txt", "a2.txt") and env.agentfiles == ("agents.txt",)
    assert env.discardfiles == ("discards.txt",) and env.errorfile == "Errors.txt"
    assert env.include == ("DEMO", "COMPOUND", "NOCODE") and env.valid_only
    assert env.exclude == ("COMPOUND",)
    assert env.config == {"require_dyad": "True"}


def test_reader_records_from_a_malformed_file():
    vfile = read_validation(MALFORMED.splitlines(keepends=True))
    ids = [r.id for r in vfile.records]
    assert ids == ["SELF-1", "COMPOUND-1", "NOEV", "ERR", "OFF", "EXCLUDED", "NOT-INCLUDED", "NOCODE"]
    assert vfile.stopped_at is not None and not vfile.problems
    first, compound, noev, err = vfile.records[:4]
    # self-closing <Sentence .../> then </Sentence>; text lines joined; UD v1 parse normalised
    assert first.expected == {("IRN", "IRQ", "190")} and not first.noevents
    assert first.text == "Iran attacked Iraq." and first.date == dt.date(2008, 8, 4) and first.line == 23
    assert first.parse is not None and first.parse_format == "conllu"
    assert [t.deprel for t in first.parse.tokens] == ["nsubj", "root", "obj", "punct"]
    # spaced attributes, compound actors expanded, duplicates removed, ~GOV and "" as ---
    assert compound.category == "DEMO" and compound.text == "Arnor & Gondor met Mordor."
    assert compound.expected == {("ARN", "MOR", "040"), ("GON", "MOR", "040"), ("---GOV", "---", "041")}
    assert compound.parse is None and compound.parse_format == "treebank"
    # <Config> between records holds from there on
    assert first.config == {"require_dyad": "True"} and compound.config == {"require_dyad": "false"}
    assert noev.noevents and noev.expected == frozenset() and noev.has_coding
    assert err.noevents and err.error == "storydiscard"


def test_scored_records_honour_evaluate_include_and_exclude():
    vfile = read_validation(MALFORMED.splitlines(keepends=True))
    assert [r.id for r in vfile.scored()] == ["SELF-1", "COMPOUND-1", "NOEV", "ERR"]


def test_reader_reports_a_bad_parse_and_goes_on():
    text = MALFORMED.replace("3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tdobj", "3\tIraq\tIraq\tPROPN\tNNP\t_\tx\tdobj")
    vfile = read_validation(text.splitlines(keepends=True), "bad.xml")
    assert vfile.records[0].parse is None
    assert len(vfile.records) == 8 and "SELF-1" in vfile.problems[0].message


def test_reader_reports_an_event_coding_without_codes_with_its_line():
    text = """<Validation>
<Sentence id="A" date="20080806" category="DEMO" evaluate="true">
<EventCoding comment="to do" />
<Text>Iran attacked Iraq.</Text>
</Sentence>
</Validation>
"""
    vfile = read_validation(text.splitlines(keepends=True), "codes.xml")
    (problem,) = [p for p in vfile.problems if "without codes" in p.message]
    assert problem.line == 3 and "'A'" in problem.message


def test_expand_triples():
    assert expand_triples([("A/B", "C", "040"), ("A", "C", "040")]) == {("A", "C", "040"), ("B", "C", "040")}


# -- scoring ---------------------------------------------------------------------------------------

SUITE = f"""<Validation>
<Environment><Include>DEMO</Include></Environment>
<Sentences>
<Sentence category="DEMO" date="20230501" id="PASS" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="IRN" targetcode="IRQ" />
<Text>Iran attacked Iraq.</Text>
<Parse>
{IRAN_ATTACKED_IRAQ}
</Parse>
</Sentence>
<Sentence category="DEMO" date="20230501" id="FAIL" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="EGY" targetcode="SYR" />
<Text>Egypt met Syria.</Text>
<Parse>
{EGYPT_MET_SYRIA}
</Parse>
</Sentence>
<Sentence category="DEMO" date="20230501" id="QUIET" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Iraq.</Text>
<Parse>
{_conllu("1 Iraq Iraq PROPN NNP _ 0 root _ _")}
</Parse>
</Sentence>
</Sentences>
</Validation>
"""


def test_run_validation_exact_set_match(mini_dicts):
    vfile = read_validation(SUITE.splitlines(keepends=True))
    report = run_validation(vfile, mini_dicts, None, CoderConfig(default_date=dt.date(2023, 5, 1)))
    assert report.scored == 3 and report.passed == 2
    fail = report.failures()[0]
    assert fail.record.id == "FAIL"
    assert fail.produced == {("EGY", "SYR", "040"), ("SYR", "EGY", "040")}
    assert fail.missing == {("EGY", "SYR", "042")}
    lines = report.lines()
    assert lines[-1] == "total: 2/3" and any(l.startswith("FAIL FAIL [DEMO]") for l in lines)
    assert report.by_category() == {"DEMO": (2, 3)}


def test_run_validation_applies_a_discard_function(mini_dicts):
    vfile = read_validation(SUITE.splitlines(keepends=True))
    report = run_validation(vfile, mini_dicts, discard=lambda text: "war" if "attacked" in text else None)
    first = report.results[0]
    assert first.produced == frozenset() and first.note == "discarded: war" and not first.passed


def test_a_record_without_parse_or_parser_is_not_coded(mini_dicts):
    vfile = read_validation(MALFORMED.splitlines(keepends=True))
    report = run_validation(vfile, mini_dicts)
    compound = next(r for r in report.results if r.record.id == "COMPOUND-1")
    assert not compound.passed and "no parser" in compound.note


def test_unknown_actor_option_is_noted_when_the_matcher_lacks_it(mini_dicts):
    vfile = read_validation(MALFORMED.splitlines(keepends=True))
    report = run_validation(vfile, mini_dicts, allow_unknown_actor="---")
    if "unknown_actor" not in CoderConfig.__dataclass_fields__:
        assert any("cannot emit unknown actors" in n for n in report.notes)


# -- the root-level held-out measure ---------------------------------------------------------------

def test_roots():
    assert actor_root("USAGOV") == "USA" and actor_root("---REB") == "---" and actor_root("~GOV") == "---"
    assert cameo_root("0841") == "08" and cameo_root("190") == "19"


def test_score_roots_counts_at_root_level():
    pairs = [
        ({("USAGOV", "RUS", "042")}, {("USA", "RUSGOV", "043")}),  # same roots: a hit
        ({("IRN", "IRQ", "190")}, set()),  # extra
        (set(), {("EGY", "SYR", "040")}),  # missed
    ]
    p, r, f1, tp, fp, fn = score_roots(pairs)
    assert (tp, fp, fn) == (1, 1, 1)
    assert p == pytest.approx(0.5) and r == pytest.approx(0.5) and f1 == pytest.approx(0.5)


def test_an_extra_event_costs_precision_exactly_as_a_missed_one_costs_recall():
    gold = {("USA", "RUS", "042"), ("RUS", "USA", "043")}
    extra = gold | {("USA", "CHN", "190")}
    missed = {("USA", "RUS", "042")}
    p_extra, r_extra, f_extra, *_ = score_roots([(extra, gold)])
    p_missed, r_missed, f_missed, *_ = score_roots([(missed, gold)])
    assert r_extra == 1.0 and p_missed == 1.0
    assert p_extra == pytest.approx(2 / 3) and r_missed == pytest.approx(1 / 2)
    # symmetric: swapping predicted and gold swaps precision and recall
    p_swap, r_swap, f_swap, *_ = score_roots([(gold, extra)])
    assert (p_swap, r_swap, f_swap) == pytest.approx((r_extra, p_extra, f_extra))


def test_score_roots_uses_multisets_per_sentence():
    # two events with the same roots count twice; one predicted matches only one of them
    gold = {("USAGOV", "RUS", "042"), ("USA", "RUS", "043")}
    p, r, f1, tp, fp, fn = score_roots([({("USA", "RUS", "040")}, gold)])
    assert (tp, fp, fn) == (1, 0, 1)
    # events in different sentences do not match each other
    assert score_roots([({("USA", "RUS", "040")}, set()), (set(), {("USA", "RUS", "040")})])[3:] == (0, 1, 1)
    assert score_roots([]) == (0.0, 0.0, 0.0, 0, 0, 0)


# -- the command -----------------------------------------------------------------------------------

def test_validate_command_with_coder_format_dictionaries(tmp_path):
    suite = tmp_path / "suite.xml"
    suite.write_text(SUITE, encoding="utf-8")
    args = [str(suite), "--actors", str(DATA / "mini_actors.txt"), "--verbs", str(DATA / "mini_verbs.txt")]
    result = runner.invoke(_app(), args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == "total: 2/3"
    assert any(l.startswith("DEMO") and "2/3" in l for l in lines)
    assert "FAIL FAIL [DEMO]" in result.output and "expected: EGY>SYR:042" in result.output
    quiet = runner.invoke(_app(), args + ["--no-failures"])
    assert "FAIL FAIL" not in quiet.output and quiet.output.strip().endswith("total: 2/3")


def test_validate_command_exits_0_when_all_pass(tmp_path):
    suite = tmp_path / "suite.xml"
    suite.write_text(SUITE.replace('eventcode="042"', 'eventcode="040"').replace(
        '<EventCoding eventcode="040" sourcecode="EGY" targetcode="SYR" />',
        '<EventCoding eventcode="040" sourcecode="EGY/SYR" targetcode="SYR/EGY" />'), encoding="utf-8")
    result = runner.invoke(_app(), [str(suite), "--actors", str(DATA / "mini_actors.txt"),
                                    "--verbs", str(DATA / "mini_verbs.txt")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "total: 3/3"


def test_validate_command_without_the_petrarch_reader_fails_clearly(tmp_path, monkeypatch):
    suite = tmp_path / "suite.xml"
    suite.write_text(SUITE, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "coder.petrarch", None)  # makes the import fail
    result = runner.invoke(_app(), [str(suite)])
    assert result.exit_code == 2
    assert "coder.petrarch" in result.output and "--own-dictionaries" in result.output


def test_validate_help_has_an_example():
    result = runner.invoke(_app(), ["--help"])
    assert result.exit_code == 0 and "Example: coder validate PETR_Validate_records_2_02.xml" in result.output


def test_validate_command_with_tiny_petrarch_dictionaries(tmp_path):
    _petrarch_loader()
    (tmp_path / "actors.txt").write_text("IRAN [IRN]\nIRAQ [IRQ]\n", encoding="utf-8")
    (tmp_path / "agents.txt").write_text("GOVERNMENT [~GOV]\n", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("--- ATTACK  [190]  ---\nATTACK {ATTACKS ATTACKED ATTACKING}\n"
                                        "- * $ [190]\n", encoding="utf-8")
    suite = SUITE.replace("<Environment>", "<Environment><Verbfile>verbs.txt</Verbfile>"
                          "<Actorfile>actors.txt</Actorfile><Agentfile>agents.txt</Agentfile>")
    (tmp_path / "text").mkdir()
    path = tmp_path / "text" / "suite.xml"
    path.write_text(suite, encoding="utf-8")
    result = runner.invoke(_app(), [str(path), "--dictionary-dir", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    assert result.output.strip().splitlines()[-1].startswith("total: ")
    assert result.output.strip().endswith("/3")


@pytest.mark.slow
def test_a_record_without_conllu_is_parsed_with_the_parser(mini_dicts, spacy_parser):
    text = SUITE.replace(f"<Parse>\n{IRAN_ATTACKED_IRAQ}\n</Parse>", "")
    report = run_validation(read_validation(text.splitlines(keepends=True)), mini_dicts, spacy_parser)
    first = report.results[0]
    assert first.record.parse is None and first.passed, first.produced


def test_record_dates_yymmdd_as_petrarch_reads_them():
    text = """<Validation>
<Sentence category="DEMO" date="121108" id="A" evaluate="true"/>
<EventCoding eventcode="010" sourcecode="IRN" targetcode="IRQ" />
<Text>Iran attacked Iraq.</Text>
</Sentence>
<Sentence category="DEMO" date="950102" id="B" evaluate="true"/>
<EventCoding eventcode="010" sourcecode="IRN" targetcode="IRQ" />
<Text>Iran attacked Iraq.</Text>
</Sentence>
<Sentence category="DEMO" date="20080806" id="C" evaluate="true"/>
<EventCoding eventcode="010" sourcecode="IRN" targetcode="IRQ" />
<Text>Iran attacked Iraq.</Text>
</Sentence>
</Validation>
"""
    dates = [r.date for r in read_validation(text.splitlines(keepends=True)).records]
    # YYMMDD: 00-30 are 20YY, 31-99 19YY (PETRARCH's dstr_to_ordate), as in the actor dictionaries
    assert dates == [dt.date(2012, 11, 8), dt.date(1995, 1, 2), dt.date(2008, 8, 6)]
