"""Discard lists and issue dictionaries (coder.lists): coder's own format, PETRARCH's files carried
through load_dictionary_spec, the documents table's `discarded` status and the events' `issues`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder.coding import code_document
from coder.config import CoderConfig
from coder.dictionary_base import DictionaryError
from coder.dictset import load_dictionary_set, load_dictionary_spec, merge_dictionary_sets, shipped_lists
from coder.events import DOCUMENT_SCHEMA, EVENT_SCHEMA
from coder.lists import (DiscardList, DiscardPhrase, IssueEntry, IssueList, match_key, read_discard_files,
                         read_issue_files)
from coder.pipeline import RunConfig, RunSummary, code_corpus

from helpers import doc, sent

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
P2_INI = SHARED / "peers" / "petrarch2" / "petrarch2" / "data" / "config" / "PETR_config.ini"
CONFIG = CoderConfig(default_date=dt.date(2023, 5, 1))

DISCARDS = """\
# test discards
football match
story: horoscope       # whole story
years ago today
"""

ISSUES = """\
NUCLEAR = nuclear; uranium enrichment
SANCTIONS = sanctions; embargo
REFUGEES = refugee; refugees
~ = nuclear family
"""

# "Iran attacked Iraq" with extra words after the object (they do not change the parse's event)
ATTACK = "Iran/Iran/PROPN/2/nsubj attacked/attack/VERB/0/root Iraq/Iraq/PROPN/2/obj"


def attack(*tail: str):
    """Iran attacked Iraq, followed by ``tail`` words hanging off the verb."""
    extra = " ".join(f"{w}/{w}/NOUN/2/obl" for w in tail)
    return sent(f"{ATTACK} {extra}".strip())


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def dicts(tmp_path, codebook):
    return load_dictionary_set([DATA / "mini_actors.txt"], [DATA / "mini_verbs.txt"], codebook,
                               discard_files=[write(tmp_path, "discards.txt", DISCARDS)],
                               issue_files=[write(tmp_path, "issues.txt", ISSUES)])


# -- matching --------------------------------------------------------------------------------------

def test_match_key_folds_case_accents_and_punctuation():
    assert match_key("The Football-Match, in São Paulo!") == " the football match in sao paulo "
    lst = DiscardList((DiscardPhrase("football match", False, "d.txt:1"),))
    assert lst.find("A FOOTBALL MATCH ended.") is not None
    assert lst.find("football-match") is not None
    assert lst.find("footballs matches") is None  # whole words only
    assert lst.find("a football matchday") is None


def test_petrarch_stems_may_end_inside_a_word():
    lst = DiscardList((DiscardPhrase("BASEBALL", False, "p.txt:1", stem=True),))
    assert lst.find("baseballs and bats") is not None
    assert lst.find("probaseball") is None  # a phrase always starts a word


def test_issue_codes_in_order_of_first_appearance_each_once():
    issues = IssueList((IssueEntry("NUCLEAR", "nuclear weapons", "i:1"), IssueEntry("ARMS", "weapons", "i:2"),
                        IssueEntry("ELECTIONS", "election", "i:3")))
    assert issues.issues("Before the election, weapons and nuclear weapons were discussed") == \
        ["ELECTIONS", "ARMS", "NUCLEAR"]
    assert issues.issues("nothing here") == []


# -- coding a document -----------------------------------------------------------------------------

def test_sentence_discard_skips_only_that_sentence(dicts):
    result = code_document(doc(attack(), attack("after", "the", "football", "match")), dicts, CONFIG)
    assert result.status == "coded" and result.reason is None
    assert [e["sentence_id"] for e in result.events] == [0]
    assert result.discarded_sentences == 1
    assert result.sentences[1].discard.phrase == "football match" and result.sentences[1].matches == ()


def test_whole_story_discard(dicts):
    result = code_document(doc(attack(), attack("in", "the", "Horoscope")), dicts, CONFIG)
    assert result.status == "discarded" and result.events == () and result.unknown == ()
    assert result.reason == f"discard phrase 'horoscope' ({dicts.discards.entries[1].source})"
    assert result.reason.endswith("discards.txt:3)")
    assert result.discarded_sentences == 2 and len(result.sentences) == 2  # every sentence is still listed


def test_issues_column(dicts):
    result = code_document(doc(attack("over", "sanctions", "and", "uranium", "enrichment", "and", "sanctions"),
                               attack(), attack("nuclear", "family")), dicts, CONFIG)
    by_sentence = {e["sentence_id"]: e["issues"] for e in result.events}
    assert by_sentence == {0: ["SANCTIONS", "NUCLEAR"], 1: [], 2: []}  # 2: an exclusion phrase cancels issues
    table = pa.Table.from_pylist(list(result.events), schema=EVENT_SCHEMA)
    assert table.schema.field("issues").type == pa.list_(pa.string())


def test_no_lists_no_change(codebook):
    plain = load_dictionary_set([DATA / "mini_actors.txt"], [DATA / "mini_verbs.txt"], codebook,
                                discard_files=[], issue_files=[])
    result = code_document(doc(attack("after", "the", "football", "match", "horoscope")), plain, CONFIG)
    assert result.status == "coded" and result.events[0]["issues"] == []


# -- malformed lines -------------------------------------------------------------------------------

@pytest.mark.parametrize("reader, text, line", [
    (read_discard_files, "ok phrase\nstory:\n", 2),
    (read_discard_files, "# c\nfoo = bar\n", 2),
    (read_discard_files, "a; b\n", 1),
    (read_discard_files, "ok\n\n  ...  \n", 3),
    (read_issue_files, "NUCLEAR = nuclear\nREFUGEES refugee\n", 2),
    (read_issue_files, "nuclear = nuclear\n", 1),
    (read_issue_files, "NUCLEAR =  ;  \n", 1),
    (read_issue_files, "# x\n\nBAD CODE = thing\n", 3),
])
def test_malformed_line_names_file_and_line(tmp_path, reader, text, line):
    path = write(tmp_path, "list.txt", text)
    with pytest.raises(DictionaryError) as err:
        reader([path])
    assert str(err.value).startswith(f"{path}:{line}: ")


def test_malformed_line_stops_load_dictionary_set(tmp_path, codebook):
    bad = write(tmp_path, "issues.txt", "ELECTIONS = vote\nELECTIONS: ballot\n")
    with pytest.raises(DictionaryError, match=r"issues\.txt:2: "):
        load_dictionary_set([DATA / "mini_actors.txt"], [DATA / "mini_verbs.txt"], codebook, issue_files=[bad])


# -- the run: documents table and summary line -----------------------------------------------------

CONLLU = """\
# newdoc id = h1
# text = Iran attacked Iraq.
1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tobj\t_\t_

# text = Your horoscope for Monday.
1\tYour\tyour\tPRON\tPRP$\t_\t2\tnmod:poss\t_\t_
2\thoroscope\thoroscope\tNOUN\tNN\t_\t0\troot\t_\t_
3\tfor\tfor\tADP\tIN\t_\t4\tcase\t_\t_
4\tMonday\tMonday\tPROPN\tNNP\t_\t2\tnmod\t_\t_

# newdoc id = s1
# text = Iran attacked Iraq.
1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tobj\t_\t_

# text = Iran attacked Iraq before the football match.
1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tbefore\tbefore\tADP\tIN\t_\t7\tcase\t_\t_
5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
6\tfootball\tfootball\tNOUN\tNN\t_\t7\tcompound\t_\t_
7\tmatch\tmatch\tNOUN\tNN\t_\t2\tobl\t_\t_

# newdoc id = n1
# text = Iran attacked Iraq over sanctions.
1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tover\tover\tADP\tIN\t_\t5\tcase\t_\t_
5\tsanctions\tsanction\tNOUN\tNNS\t_\t2\tobl\t_\t_

"""


def test_documents_table_and_summary_line(tmp_path, dicts):
    parsed = write(tmp_path, "docs.conllu", CONLLU)
    run = RunConfig(parsed=str(parsed), output=str(tmp_path / "out" / "events.parquet"), coder=CONFIG)
    summary = code_corpus(run, dicts=dicts)
    docs = pq.read_table(tmp_path / "out" / "events.documents.parquet")
    assert docs.schema.equals(DOCUMENT_SCHEMA)
    rows = {d["doc_id"]: d for d in docs.to_pylist()}
    assert rows["h1"]["status"] == "discarded" and rows["h1"]["events"] == 0
    assert rows["h1"]["reason"].startswith("discard phrase 'horoscope' (") and rows["h1"]["reason"].endswith(":3)")
    assert rows["h1"]["discarded_sentences"] == 2
    assert rows["s1"]["status"] == "coded" and rows["s1"]["events"] == 1 and rows["s1"]["discarded_sentences"] == 1
    assert rows["n1"]["reason"] is None and rows["n1"]["discarded_sentences"] == 0
    events = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert {(e["doc_id"], e["sentence_id"]): e["issues"] for e in events} == {("s1", 0): [], ("n1", 0): ["SANCTIONS"]}
    assert (summary.coded, summary.empty, summary.discarded, summary.rejected) == (2, 0, 1, 0)
    assert summary.documents == 3 and summary.discarded_sentences == 3
    assert "3 documents: 2 coded, 0 empty, 1 discarded, 0 rejected; 5 sentences (3 discarded), 2 events in" \
        in summary.line()


def test_summary_line_without_discarded_sentences():
    line = RunSummary(coded=3, empty=1, discarded=2, rejected=1, sentences=9, events=4, seconds=1.0).line()
    assert line.startswith("7 documents: 3 coded, 1 empty, 2 discarded, 1 rejected; 9 sentences, 4 events in 1.0 s")
    total = RunSummary(discarded=1, discarded_sentences=2)
    total.add(RunSummary(discarded=2, discarded_sentences=5))
    assert (total.discarded, total.discarded_sentences) == (3, 7)


# -- the shipped lists -----------------------------------------------------------------------------

def test_shipped_lists_load_and_stay_conservative(shipped_dicts):
    discards, issues = shipped_lists()
    assert [p.name for p in discards] == ["discards.txt"] and [p.name for p in issues] == ["issues.txt"]
    assert 10 <= len(shipped_dicts.discards) <= 100
    assert any(d.whole_story for d in shipped_dicts.discards.entries)
    assert 10 <= len(shipped_dicts.issues.codes) <= 20
    assert {"ELECTIONS", "REFUGEES", "NUCLEAR"} <= set(shipped_dicts.issues.codes)
    assert str(discards[0]) in shipped_dicts.files and str(issues[0]) in shipped_dicts.files
    # no political sentence the project tests with is discarded by the shipped list
    texts = [line.split("\t")[3] for line in (DATA / "verb_sentences.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    texts += [json.loads(line)["text"] for line in (REPO / "examples" / "corpus.jsonl").read_text().splitlines()
              if line.strip()]
    assert len(texts) > 300
    dropped = [(t, shipped_dicts.discards.find(t)) for t in texts if shipped_dicts.discards.find(t)]
    assert not dropped, dropped[:3]
    assert shipped_dicts.discards.find("Your horoscope for the week").whole_story
    assert shipped_dicts.discards.find("He scored the winning goal in stoppage time.") is not None
    assert shipped_dicts.issues.issues("Iran's nuclear programme and the sanctions on its oil exports") == \
        ["NUCLEAR", "SANCTIONS", "ENERGY", "TRADE"]


# -- PETRARCH's files through load_dictionary_spec --------------------------------------------------

PETR_DISCARDS = """\
# Story-level discards are indicated with a '+'.
+CHICAGO BEARS   # a club
BASEBALL
CRICKET_
"""

PETR_ISSUES = """\
<ISSUE CATEGORY="REFUGEES" TYPE="ALL">
n:refugee [REFUGEES]
asylum v:seek [REFUGEES]
~economic refugee
</ISSUE>
"""


def test_petrarch_discards_and_issues_carried_through_load_dictionary_spec(tmp_path, codebook, mini_dicts):
    write(tmp_path, "petr.discards.txt", PETR_DISCARDS)
    write(tmp_path, "petr.issues.txt", PETR_ISSUES)
    ini = write(tmp_path, "PETR_config.ini",
                "[Dictionaries]\ndiscardfile_name = petr.discards.txt\nissuefile_name = petr.issues.txt\n")
    petr = load_dictionary_spec([f"petrarch:{ini}"], codebook)
    assert [(d.phrase, d.whole_story, d.stem) for d in petr.discards.entries] == [
        ("CHICAGO BEARS", True, True), ("BASEBALL", False, True), ("CRICKET", False, False)]
    assert petr.discards.entries[0].source.endswith("petr.discards.txt:2")
    assert petr.issues.codes == ("REFUGEES",)
    assert petr.issues.issues("asylum seeking refugees") == ["REFUGEES"]
    assert petr.issues.issues("an economic refugee") == []

    both = merge_dictionary_sets([mini_dicts, petr])
    assert len(both.discards) == len(mini_dicts.discards) + 3
    story = code_document(doc(attack(), attack("before", "the", "Chicago", "Bears", "game")), both, CONFIG)
    assert story.status == "discarded" and story.reason == "discard phrase 'CHICAGO BEARS' (" + \
        f"{tmp_path}/petr.discards.txt:2)"
    stem = code_document(doc(attack("despite", "baseballs"), attack("despite", "crickets"), attack("refugees")),
                         both, CONFIG)
    assert [(e["sentence_id"], e["issues"]) for e in stem.events] == [(1, []), (2, ["REFUGEES"])]


@pytest.mark.skipif(not P2_INI.is_file(), reason="../shared/peers/petrarch2 not present")
def test_phoenix_discards_and_issues(codebook, mini_dicts):
    phoenix = load_dictionary_spec([f"petrarch:{P2_INI}"], codebook)
    assert len(phoenix.discards) > 400 and len(phoenix.issues) > 2000
    assert any(d.whole_story for d in phoenix.discards.entries)
    both = merge_dictionary_sets([mini_dicts, phoenix])
    result = code_document(doc(attack(), attack("after", "Manchester", "United", "won")), both, CONFIG)
    assert result.status == "discarded" and "Phoenix.discards.txt:" in result.reason
    coded = code_document(doc(attack("over", "refugees")), both, CONFIG)
    assert coded.status == "coded" and "REFUGEES" in coded.events[0]["issues"]
