"""The shipped agent and armed-group dictionaries (dictionaries/actors/agents.txt,
armed_groups.txt): they load, and a hand-written sample codes as decided in their headers.

The expected codes below are written out by hand (not read from the dictionaries).
No parser is needed.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from coder.actors import load_actor_files
from coder.dictionary_base import name_key

ACTORS = Path(__file__).resolve().parents[1] / "dictionaries" / "actors"
AGENTS = ACTORS / "agents.txt"
GROUPS = ACTORS / "armed_groups.txt"
ACTOR_TYPES = ACTORS.parent / "codebook" / "actor_types.tsv"

TALIBAN_TAKEOVER = dt.date(2021, 8, 15)


@pytest.fixture(scope="module")
def index():
    return load_actor_files([AGENTS, GROUPS])


def only_code(index, phrase, day=None, kind=None):
    """The code of the single entry that ``phrase`` names (fails when it is unknown or ambiguous)."""
    entries = [e for e in index.lookup(phrase) if kind is None or e.kind == kind]
    assert len(entries) == 1, f"{phrase!r}: expected one entry, got {[e.source for e in entries]}"
    role = entries[0].role_on(day)
    assert role is not None, f"{phrase!r}: no role on {day}"
    return role.code


AGENT_CASES = [
    # government, incl. generated and hand-listed plurals
    ("president", "GOV"),
    ("prime minister", "GOV"),
    ("officials", "GOV"),
    ("foreign minister", "GOV"),
    ("foreign ministers", "GOV"),
    ("defense minister", "GOV"),
    ("ambassadors", "GOV"),
    ("chargé d'affaires", "GOV"),
    ("charge d'affairs", "GOV"),
    ("spokeswomen", "GOV"),
    ("authorities", "GOV"),
    ("delegation", "GOV"),
    ("crown prince", "GOV"),
    ("chiefs of staff", "GOV"),
    ("national security adviser", "GOV"),
    # armed forces, police, intelligence
    ("troops", "MIL"),
    ("armed forces", "MIL"),
    ("security forces", "MIL"),
    ("soldiers", "MIL"),
    ("policemen", "COP"),
    ("police", "COP"),
    ("intelligence delegation", "SPY"),
    ("intelligence officials", "SPY"),
    ("peacekeepers", "PKO"),
    # justice, legislature
    ("prosecutor", "JUD"),
    ("attorneys general", "JUD"),
    ("lawmakers", "LEG"),
    ("MPs", "LEG"),
    # armed non-state
    ("rebels", "REB"),
    ("militants", "INS"),
    ("guerrillas", "INS"),
    ("separatists", "SEP"),
    ("gunmen", "UAF"),
    # society
    ("protesters", "CVL"),
    ("opposition activists", "OPP"),
    ("ruling party", "PTY"),
    ("former president", "ELI"),
    ("children", "CVL"),
    ("asylum seekers", "REF"),
    ("journalists", "MED"),
    ("students", "EDU"),
    ("businessmen", "BUS"),
    ("trade unions", "LAB"),
    ("human rights groups", "HRI"),
    ("aid agencies", "NGO"),
    ("drug traffickers", "CRM"),
    ("thieves", "CRM"),
    ("clerics", "REL"),
    ("doctors", "HLH"),
]


@pytest.mark.parametrize("phrase,code", AGENT_CASES)
def test_agent_nouns(index, phrase, code):
    assert only_code(index, phrase, kind="agent") == code


def test_agent_sample_is_large_enough():
    assert len(AGENT_CASES) >= 40


GROUP_CASES = [
    # (phrase, story date or None, expected code)
    ("Hamas", dt.date(2023, 10, 7), "PSEREB"),
    ("Hamas", dt.date(2006, 6, 1), "PSEGOV"),
    ("Hezbollah", None, "LBNREB"),
    ("the Houthis", None, "YEMREB"),
    ("Ansar Allah", None, "YEMREB"),
    ("al-Shabaab", None, "SOMREB"),
    ("Boko Haram", None, "NGAREB"),
    ("ISIS", None, "IMGMUSISI"),
    ("Islamic State", None, "IMGMUSISI"),
    ("Daesh", None, "IMGMUSISI"),
    ("al Qaeda", None, "IMGMUSALQ"),
    ("AQAP", None, "IMGMUSALQ"),
    ("PKK", None, "TURSEP"),
    ("Tamil Tigers", dt.date(2000, 1, 1), "LKASEP"),
    ("FARC", dt.date(2010, 1, 1), "COLREB"),
    ("FARC", dt.date(2019, 1, 1), "COLPTY"),
    ("HTS", dt.date(2020, 1, 1), "SYRREB"),
    ("Hayat Tahrir al-Sham", dt.date(2024, 12, 8), "SYRGOV"),
    ("Rapid Support Forces", dt.date(2020, 1, 1), "SDNMIL"),
    ("RSF", dt.date(2023, 4, 15), "SDNREB"),
    ("M23", None, "CODREB"),
    ("Lashkar-e-Taiba", None, "PAKREB"),
    ("Wagner Group", None, "RUSUAF"),
]


@pytest.mark.parametrize("phrase,day,code", GROUP_CASES)
def test_armed_groups(index, phrase, day, code):
    assert only_code(index, phrase, day, kind="actor") == code


def test_group_sample_is_large_enough():
    assert len({p for p, _, _ in GROUP_CASES}) >= 15


@pytest.mark.parametrize("day,code", [
    (dt.date(1998, 5, 1), "AFGGOV"),   # first period of rule, 1996-2001
    (dt.date(2010, 3, 1), "AFGREB"),
    (TALIBAN_TAKEOVER - dt.timedelta(days=1), "AFGREB"),
    (TALIBAN_TAKEOVER, "AFGGOV"),
    (dt.date(2024, 1, 1), "AFGGOV"),
])
def test_taliban_role_changes_on_2021_08_15(index, day, code):
    (entry,) = index.lookup("Taliban")
    assert entry.role_on(day).code == code
    assert entry.role_on(day).dated


def test_taliban_names(index):
    for name in ("the Taliban", "Taleban", "Afghan Taliban"):
        assert only_code(index, name, TALIBAN_TAKEOVER) == "AFGGOV"
    # the Pakistani Taliban are a different group
    assert only_code(index, "Pakistani Taliban", TALIBAN_TAKEOVER) == "PAKREB"


def test_multiword_title_is_one_entry(index):
    (entry,) = index.lookup("foreign minister")
    assert entry.kind == "agent" and entry.role_on(None).code == "GOV"
    # the words alone are different entries (or none)
    assert index.lookup("foreign") == []
    assert [e.role_on(None).code for e in index.lookup("minister")] == ["GOV"]
    assert index.max_tokens >= 4  # "national security adviser", "Islamic State of Iraq and the Levant"


def test_files_load_whole(index):
    agents = [e for e in index.entries if e.kind == "agent"]
    groups = [e for e in index.entries if e.kind == "actor"]
    assert len(agents) + len(groups) == len(index.entries)
    assert sum(len(e.names) for e in agents) >= 320
    assert len(groups) >= 110
    assert index.files == (str(AGENTS), str(GROUPS))


def test_no_name_is_ambiguous(index):
    """Within these two files every name (and generated plural) leads to one entry."""
    clashes = {k: [index.entries[i].source for i in v] for k, v in index.keys.items() if len(v) > 1}
    assert clashes == {}


def test_codes_use_known_agent_types(index):
    with ACTOR_TYPES.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        known = {row["code"] for row in rows}
    network_codes = {"IMGMUSISI", "IMGMUSALQ", "IMGMUS"}  # IMG + religion + network (see armed_groups.txt)
    for entry in index.entries:
        for role in entry.roles:
            if entry.kind == "agent":
                assert role.code in known, role.source
            elif role.code not in network_codes:
                assert len(role.code) == 6 and role.code[3:] in known, role.source


def test_dated_groups_have_a_current_default(index):
    """Dated entries also carry an undated role: the current status, for undated text."""
    for entry in index.entries:
        if any(r.dated for r in entry.roles):
            assert any(not r.dated for r in entry.roles), entry.source


def test_short_abbreviations_need_capitals(index):
    for abbr in ("MP", "ISIS", "PKK", "HTS", "RSF"):
        assert name_key(abbr) in index.caps_only
    # abbreviations that are English words are not listed at all
    assert index.lookup("LeT") == [] and index.lookup("IS") == []
