"""PETRARCH/TABARI dictionary readers (coder.petrarch).

Small dictionaries written here in PETRARCH syntax test each rule; the real Phoenix and
validation dictionaries are read from ``../shared/peers`` at run time (never copied into the
project) and those tests skip when that folder is absent.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from coder.coding import code_document
from coder.config import CoderConfig
from coder.dictionary_base import DictionaryError
from coder.petrarch import load_petrarch_config, load_petrarch_files
from coder.petrarch.reading import parse_petrarch_date

from helpers import doc, sent, triples

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PEERS = SHARED / "peers"
P2_INI = PEERS / "petrarch2" / "petrarch2" / "data" / "config" / "PETR_config.ini"
P2_DICTS = PEERS / "petrarch2" / "petrarch2" / "data" / "dictionaries"
UP_DICTS = PEERS / "UniversalPetrarch" / "UniversalPetrarch" / "data" / "dictionaries"
VALIDATE = PEERS / "UniversalPetrarch-dev-validate" / "UniversalPetrarch" / "validate"
needs_phoenix = pytest.mark.skipif(not P2_INI.is_file(), reason="../shared/peers/petrarch2 not present")
needs_validate = pytest.mark.skipif(not VALIDATE.is_dir(), reason="../shared/peers validation files not present")
CONFIG = CoderConfig(default_date=dt.date(2023, 5, 1))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ACTORS = """\
# a tiny actor dictionary in PETRARCH syntax
EGYPT_  [EGY]
+EGYPTIAN_
IRAN_  [IRN]
SYRIA_  [SYR]
PRESIDENT_ZORBA_  [ZZZELI]   # default written first: PETRARCH let it beat the dates
+ZORBA_
\t[ZZZGOV 950101-991231]
\t[ZZZREB >20100601]
US_  [USA]
"""

VERBS = """\
&AID
+AID
+ASSISTANCE
+HUMANITARIAN_SUPPLIES_

--- CONSULT [---] ---
CONSULT
- * (WITH) + [040]

--- ACCUSE [112] ---
ACCUSE
- * + [112]

--- SEND [---] ---
SEND {SENT SENDING}
- * &AID (TO) + [070]
- * {MILITARY ADVISERS} (TO) + [0332]
- $ * + [---]
"""


@pytest.fixture()
def tiny(tmp_path):
    return load_petrarch_files(verbs=write(tmp_path, "t.verbs.txt", VERBS),
                               actors=write(tmp_path, "t.actors.txt", ACTORS))


# -- actors and dates -------------------------------------------------------------------------------

def test_two_digit_years_use_petrarchs_pivot():
    assert parse_petrarch_date("300101") == dt.date(2030, 1, 1)
    assert parse_petrarch_date("310101") == dt.date(1931, 1, 1)
    assert parse_petrarch_date("19950601") == dt.date(1995, 6, 1)
    with pytest.raises(ValueError):
        parse_petrarch_date("9008223")


def test_dated_actor_resolves_by_date_and_default_only_outside(tiny):
    (entry,) = tiny.dicts.actors.lookup("Zorba")
    assert entry.kind == "actor" and entry.names == ("president zorba", "zorba")
    assert entry.role_on(dt.date(1997, 3, 1)).code == "ZZZGOV"  # inside the dates: not the default
    assert entry.role_on(dt.date(1995, 1, 1)).code == "ZZZGOV"  # both ends inclusive
    assert entry.role_on(dt.date(2012, 1, 1)).code == "ZZZREB"
    assert entry.role_on(dt.date(2005, 1, 1)).code == "ZZZELI"  # no dated role applies
    assert entry.role_on(dt.date(1980, 1, 1)).code == "ZZZELI"
    spec = "Zorba/Zorba/PROPN/2/nsubj accused/accuse/VERB/0/root Iran/Iran/PROPN/2/obj"
    assert triples(code_document(doc(sent(spec), date=dt.date(1997, 3, 1)), tiny.dicts, CONFIG)) == \
        {("ZZZGOV", "IRN", "112")}
    assert triples(code_document(doc(sent(spec), date=dt.date(2005, 1, 1)), tiny.dicts, CONFIG)) == \
        {("ZZZELI", "IRN", "112")}


def test_short_names_stay_capitals_only(tiny):
    assert "US" in tiny.dicts.actors.lookup("US")[0].names
    assert "iran" in tiny.dicts.actors.lookup("Iran")[0].names  # 4 letters: not an acronym


def test_bad_actor_lines_are_reported_and_skipped(tmp_path):
    path = write(tmp_path, "bad.actors.txt", """\
GOOD_  [GDD]
\t[GDDGOV 9008223-911221]
BROKEN_  [BRK
+BROKEN_SYNONYM
LATER_  [LTR 990101-980101]
NULLED_  [---]
NOCODE_
NEXT_ONE_  [NXT]
WIDE_  [IGOUNO 820101-911231] [ELI]
""")
    ps = load_petrarch_files(actors=path)
    problems = {i.line: i.problem for i in ps.load_issues}
    assert set(problems) == {2, 3, 5}
    assert all(i.source == str(path) for i in ps.load_issues)
    names = {n: e for e in ps.dicts.actors.entries for n in e.names}
    assert names["good"].roles[0].code == "GDD"
    assert "broken synonym" not in names  # went with its skipped entry
    assert names["nocode"] is names["next one"]  # PETRARCH: a codeless primary shares the next entry's code
    assert [r.code for r in names["wide"].roles] == ["IGOUNO", "ELI"]  # TABARI: codes on the primary line
    assert "nulled" not in names


def test_unreadable_file_raises(tmp_path):
    with pytest.raises(DictionaryError):
        load_petrarch_files(actors=tmp_path / "missing.txt")


# -- agents -------------------------------------------------------------------------------------------

def test_agents(tmp_path):
    path = write(tmp_path, "t.agents.txt", """\
!PERSON! = MAN, WOMAN
CONGRESS!PERSON! [~LEG]
FOREIGN_MINISTER [~GOVFRM]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
HUMAN_RIGHTS_BODY [NGO~]
POLICE {} [~COP]
DEPARTMENT_OF_ENVIRONMENT [~ENV}
""")
    ps = load_petrarch_files(agents=path)
    codes = {n: e.roles[0].code for e in ps.dicts.actors.entries for n in e.names}
    assert codes["congressman"] == codes["congresswoman"] == "LEG"
    assert codes["foreign minister"] == "GOVFRM" and codes["attorneys general"] == "GOVATG"  # kept whole
    assert codes["human rights body"] == "NGO~" and codes["police"] == "COP"  # a prefix agent keeps its '~'
    assert [i.line for i in ps.load_issues] == [7]
    assert {"GOV", "FRM", "ATG", "NGO"} <= ps.dicts.agent_codes


# -- verbs ----------------------------------------------------------------------------------------------

def test_with_pattern_becomes_target_with(tiny):
    (p,) = tiny.dicts.verbs.for_verb("consult")
    assert p.code == "040" and p.target == ("with",) and p.source == ("agent",) and p.objects is None
    assert p.preps == (("with", None),)  # "(WITH) +": the phrase is required and holds the target
    assert p.source_ref.endswith("t.verbs.txt:8")


def test_plus_after_verb_is_the_object(tiny):
    accuse = tiny.dicts.verbs.for_verb("accuse")
    assert [(p.code, p.target) for p in accuse] == [("112", ("obj|iobj|pp|comp",))]
    assert any("shadowed" in i.problem and i.line == 12 for i in tiny.load_issues)  # "- * + [112]" adds nothing


def test_synset_object_and_noun_phrase(tiny):
    send = tiny.dicts.verbs.for_verb("sent")  # the listed forms are lemmas too
    assert send == tiny.dicts.verbs.for_verb("send")
    by_code = {p.code: p for p in send}
    assert by_code["070"].objects == {"aid", "assistance", "humanitariansupplies"}
    assert by_code["070"].target == ("to",)
    assert by_code["0332"].objects == {"militaryadvisers"}
    assert any(p.code == "---" and p.source_ref.endswith(":18") for p in send)  # "[---]": a null pattern
    spec = ("Iran/Iran/PROPN/2/nsubj sent/send/VERB/0/root assistance/assistance/NOUN/2/obj "
            "to/to/ADP/5/case Syria/Syria/PROPN/2/obl")
    assert triples(code_document(doc(sent(spec)), tiny.dicts, CONFIG)) == {("IRN", "SYR", "070")}


def test_pattern_forms_and_what_cannot_be_represented(tmp_path):
    path = write(tmp_path, "forms.verbs.txt", """\
--- MEET [040] ---
MEET {MET}
+MEET_UP {+MET_UP}
- * (WITH LEADERS) [036]
- &MILITARY * [154]
- * OUT VIEWS [010]
- * (AT) [036:036]
- * CRITICISM (FROM) + [:111]
- % * [050:050]
--- DELAY [120]--- ---
DELAY
- * TALKS [120]
--- SAY [010] ---
SAY {SAID}
- SAID + MUST * POLICY [100]
- * MEET WITH + [040]
- * ^ WITH + [040]
~ a (a b ATTACK) SAY = a b 015
--- PRAISE [---] ---
PRAISE
- $ * + [051]
""")
    ps = load_petrarch_files(verbs=path)
    problems = {i.line: i.problem for i in ps.load_issues}
    assert "&MILITARY" in problems[5] and 4 not in problems and 17 not in problems
    assert "120]--" in problems[10] and "pre-verb" in problems[15]
    meet = {p.source_ref.rsplit(":", 1)[1]: p for p in ps.dicts.verbs.for_verb("meet")}
    assert meet["3"].particle == "up" and meet["2"].particle is None
    assert meet["6"].particle == "out" and meet["6"].objects == {"views"}
    assert meet["8"].source == ("by", "from") and meet["8"].target == ("subj",) and meet["8"].code == "111"
    assert meet["4"].preps == (("with", frozenset({"leaders"})),)  # "(WITH LEADERS)": a required phrase
    assert meet["7"].preps == (("at", None),) and meet["7"].symmetric  # "(AT)" required: not MEET itself
    delay = ps.dicts.verbs.for_verb("delay")
    assert [p.code for p in delay] == ["120"]  # the pattern; the block itself got no code
    say = {p.source_ref.rsplit(":", 1)[1]: p for p in ps.dicts.verbs.for_verb("say")}
    assert say["16"].objects == {"meet"} and say["16"].target == ("with",)  # TABARI word order
    (praise,) = ps.dicts.verbs.for_verb("praise")
    assert (praise.code, praise.source, praise.target) == ("051", ("agent",), ("obj",))
    (tr,) = ps.transformations
    assert (tr.outer_verb, tr.inner_verb, tr.result_code) == ("SAY", "ATTACK", "015")
    assert "skipped: prepositional phrase with a required noun" not in ps.stats


# -- discards, issues, PICO -------------------------------------------------------------------------

def test_discards(tmp_path):
    path = write(tmp_path, "d.txt", "+WORLD CUP  # story\nBASEBALL\nHISTORY_\n")
    ps = load_petrarch_files(discards=path)
    cup, ball, hist = ps.discards
    assert (cup.phrase, cup.whole_story) == ("WORLD CUP", True)
    assert (ball.whole_story, hist.word_end) == (False, True)
    assert cup.matches("Fans of the World Cup gathered") and ball.matches("baseballs")  # a stem
    assert hist.matches("history.") and not hist.matches("historyless")


def test_discards_read_as_petrarch2_words(tmp_path):
    """PETRARCH-2 and UD-PETRARCH match a discard phrase against the blank-separated words of the
    text, punctuation attached: "years ago," is not YEARS AGO; a phrase at the very end is not seen."""
    path = write(tmp_path, "d.txt", "YEARS AGO\n1994\nBASEBALL\n")
    ago, year, ball = load_petrarch_files(discards=path).discards
    text = "slain in southern Guyana three years ago, a senior police officer said"
    assert ago.matches(text) and not ago.matches(text, words=True)
    assert ago.matches("killed three years ago in Guyana", words=True)
    assert year.matches("a role in the 1994 genocide", words=True)
    assert not year.matches("it happened in 1994", words=True)  # nothing follows the phrase
    assert not ball.matches("baseballs were thrown", words=True) and ball.matches("baseballs were thrown")


def test_the_same_pattern_later_in_a_block_replaces_the_earlier(tmp_path):
    """PETRARCH-2 keeps one code per pattern of a block (a word trie): the sorted CAMEO.2.0 file has
    ``- * &TREATY`` twice in the ALLOW block (APPROVE's 031 and RATIFY's 057); the later line codes."""
    path = write(tmp_path, "v.txt", """\
&TREATY
+AGREEMENT
+TREATY

--- ALLOW [080] ---
ALLOW
RATIFY
- * &TREATY [031:031]
- * LOAN [0311]
- * &TREATY [057]
""")
    ps = load_petrarch_files(verbs=path, actors=write(tmp_path, "a.txt", ACTORS))
    codes = {p.code for p in ps.dicts.verbs.for_verb("ratify") if p.objects}
    assert codes == {"0311", "057"}
    assert any(i.line == 8 and "replaced by line 10" in i.problem for i in ps.load_issues)
    spec = "Iran/Iran/PROPN/2/nsubj ratified/ratify/VERB/0/root agreement/agreement/NOUN/2/obj"
    spec += " with/with/ADP/5/case Syria/Syria/PROPN/3/nmod"
    assert triples(code_document(doc(sent(spec)), ps.dicts, CONFIG)) == {("IRN", "SYR", "057")}


def test_issues(tmp_path):
    path = write(tmp_path, "i.txt", """\
<ISSUE CATEGORY="ID_ATROCITY">
ethnic v:purge [ID_ATROCITY]
war n:crime [ID_ATROCITY]
al+zarqawi network [NAMED_TERROR_GROUP]
~~Armenian genocide
no code here
</ISSUE>
""")
    ps = load_petrarch_files(issues=path)
    purge, crime, zarq, excl = ps.issues
    assert purge.kind == "v" and "ETHNIC PURGED" in purge.forms and purge.category == "ID_ATROCITY"
    assert crime.kind == "n" and set(crime.forms) == {"WAR CRIME", "WAR CRIMES"}
    assert set(zarq.forms) == {"AL ZARQAWI NETWORK", "AL-ZARQAWI NETWORK"} and zarq.kind == "plain"
    assert (excl.code, excl.kind) == ("~~", "exclude_story")
    assert [i.line for i in ps.load_issues] == [6]


def test_pico_combination(tmp_path):
    path = write(tmp_path, "pico.txt", """\
010:0x1000#Make Public Statement
030:0x3000#Intend
033:0x3040
060:0x0070
070:0x0040
120:-0xFFFF#Reject
121:-0xFFFF+0x0070
bad line
""")
    ps = load_petrarch_files(pico=path)
    assert ps.combinations["121"] == -0xFFFF + 0x70
    assert ps.combine("030", "070") == "033"  # "A will help B" (the PETRARCH-2 paper's example)
    assert ps.combine("010", "030") == "030"  # two top-level verbs: the inner one
    assert ps.combinations.negate("060") == "121"
    assert ps.combine("030", "120") is None  # no CAMEO code for the sum
    assert [i.line for i in ps.load_issues] == [8]


# -- the real dictionaries -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def phoenix():
    t0 = time.perf_counter()
    ps = load_petrarch_config(P2_INI, extra_dirs=[UP_DICTS])
    return ps, time.perf_counter() - t0


@needs_phoenix
def test_phoenix_set_loads_with_reported_issues(phoenix, capsys):
    ps, seconds = phoenix
    with capsys.disabled():
        skipped = {k[9:]: v for k, v in ps.stats.items() if k.startswith("skipped: ")}
        print(f"\nPhoenix set: {seconds:.2f} s; {ps.stats['actor entries']} actors, {ps.stats['person entries']} "
              f"people, {ps.stats['agent entries']} agents, {ps.stats['patterns translated']} patterns and "
              f"{ps.stats['verb lines translated']} verbs -> {ps.stats['coder patterns']} coder patterns; "
              f"{len(ps.load_issues)} load issues; skipped: {skipped}")
    assert seconds < 10
    assert len(ps.load_issues) > 0
    for issue in ps.load_issues:
        assert Path(issue.source).is_file() and issue.line > 0 and issue.problem
    assert ps.stats["person entries"] > 10000 and ps.stats["actor entries"] > 5000
    assert ps.stats["agent entries"] > 1000 and ps.stats["coder patterns"] > 3000
    assert len(ps.discards) > 400 and any(d.whole_story for d in ps.discards)
    assert any(not d.whole_story for d in ps.discards)
    assert len(ps.issues) > 2000 and len(ps.transformations) == 8
    assert ps.combine("030", "070") == "033"


@needs_phoenix
def test_phoenix_bad_block_code_is_reported_and_skipped(phoenix):
    ps, _ = phoenix
    bad = [i for i in ps.load_issues if "120]--" in i.problem]
    assert bad and all(i.source.endswith("CAMEO.2.0.txt") for i in bad)
    assert all(p.code.isalnum() or p.code == "---" for p in ps.dicts.verbs.patterns)


@needs_phoenix
def test_phoenix_codes_hand_built_sentences(phoenix):
    ps, _ = phoenix
    result = code_document(doc(sent("Egypt/Egypt/PROPN/2/nsubj accused/accuse/VERB/0/root Iran/Iran/PROPN/2/obj")),
                           ps.dicts, CONFIG)
    assert triples(result) == {("EGY", "IRN", "112")}
    assert result.events[0]["pattern"].endswith("CAMEO.2.0.txt:7512")
    karzai = "Hamid/Hamid/PROPN/2/flat Karzai/Karzai/PROPN/3/nsubj criticized/criticize/VERB/0/root " \
             "Pakistan/Pakistan/PROPN/3/obj"
    assert triples(code_document(doc(sent(karzai), date=dt.date(2005, 1, 1)), ps.dicts, CONFIG)) == \
        {("AFGGOV", "PAK", "111")}
    assert triples(code_document(doc(sent(karzai), date=dt.date(1990, 1, 1)), ps.dicts, CONFIG)) == \
        {("AFGELI", "PAK", "111")}


@needs_validate
def test_validation_dictionaries_load():
    ps = load_petrarch_files(
        verbs=VALIDATE / "PETR_Validate_verbs_2_02.txt", actors=VALIDATE / "PETR_Validate_actors_2_02.txt",
        agents=VALIDATE / "PETR_Validate_agents_2_02.txt", discards=VALIDATE / "PETR_Validate_discards_2_02.txt",
        pico=VALIDATE / "PETR_Validate_Internal_Coding_Ontology_1_01.txt")
    assert ps.stats["coder patterns"] > 200 and ps.stats["actor entries"] > 100
    assert any("'pse'" in i.problem for i in ps.load_issues)  # a lower-case code
    gollum = ps.dicts.actors.lookup("Gollum")[0]
    assert [r.code for r in gollum.roles] == ["HOB", "HOBGOV", "HOBREB"]
    assert gollum.role_on(dt.date(1997, 1, 1)).code == "HOBGOV"
    assert len(ps.discards) == 9 and ps.combine("030", "070") == "033"


def test_config_lookup(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "dictionaries").mkdir()
    write(tmp_path / "dictionaries", "a.txt", ACTORS)
    write(tmp_path / "dictionaries", "v.txt", VERBS)
    extra = tmp_path / "extra"
    extra.mkdir()
    write(extra, "d.txt", "BASEBALL\n")
    ini = write(tmp_path / "config", "PETR_config.ini", """\
[Dictionaries]
verbfile_name    = v.txt
actorfile_list   = a.txt
discardfile_name = d.txt
""")
    ps = load_petrarch_config(ini, extra_dirs=[extra])
    assert ps.stats["actor entries"] == 5 and len(ps.discards) == 1 and len(ps.combinations) == 0
    write(tmp_path / "config", "PETR_config.ini", "[Dictionaries]\nactorfile_list = a.txt, gone.txt\n")
    with pytest.raises(DictionaryError):
        load_petrarch_config(ini)
