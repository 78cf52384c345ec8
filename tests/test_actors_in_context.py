"""The shipped actor dictionaries in context: hand-built sentences whose expected codes are written here,
independently of the dictionary files."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.coding import code_document
from helpers import doc, sent


def _actors(shipped_dicts, config, s, date=dt.date(2023, 5, 1)):
    result = code_document(doc(s, date=date), shipped_dicts, config)
    return {(e["source"], e["target"]) for e in result.events}


# "X visited Y": subject spec + " visited/visit/VERB/H/root Egypt/Egypt/PROPN/H/obj"
CASES = [
    # possessive
    ("Iran/Iran/PROPN/4/nmod:poss 's/'s/PART/1/case foreign/foreign/ADJ/4/amod minister/minister/NOUN/5/nsubj", "IRNGOV"),
    # plural agent with a country adjective
    ("Egyptian/Egyptian/ADJ/2/amod officials/official/NOUN/3/nsubj", "EGYGOV"),
    # multiword country name
    ("The/the/DET/4/det United/United/PROPN/4/compound Arab/Arab/PROPN/4/compound Emirates/Emirates/PROPN/5/nsubj", "ARE"),
    # title + name: country and agent from the words around an unknown name
    ("Egyptian/Egyptian/ADJ/5/amod Foreign/Foreign/PROPN/3/compound Minister/Minister/PROPN/5/compound "
     "Ahmed/Ahmed/PROPN/5/compound Zakaria/Zakaria/PROPN/6/nsubj", "EGYGOV"),
    # intelligence delegation: SPY by our documented decision
    ("An/a/DET/4/det Iranian/Iranian/ADJ/4/amod intelligence/intelligence/NOUN/4/compound delegation/delegation/NOUN/5/nsubj",
     "IRNSPY"),
    # agent located by an "in" phrase
    ("Rebels/rebel/NOUN/4/nsubj in/in/ADP/3/case Syria/Syria/PROPN/1/nmod", "SYRREB"),
    # capital as government
    ("Tehran/Tehran/PROPN/2/nsubj", "IRNGOV"),
    # organisation by abbreviation
    ("NATO/NATO/PROPN/2/nsubj", "IGOWSTNAT"),
    # armed group
    ("Hezbollah/Hezbollah/PROPN/2/nsubj", "LBN"),
]


@pytest.mark.parametrize("subject, expected", CASES)
def test_subject_resolves(shipped_dicts, config, subject, expected):
    n = len(subject.split())
    s = sent(f"{subject} visited/visit/VERB/0/root Jordan/Jordan/PROPN/{n + 1}/obj")
    got = _actors(shipped_dicts, config, s)
    assert len(got) == 1 and next(iter(got))[0].startswith(expected), got
    assert next(iter(got))[1] == "JOR"


@pytest.mark.parametrize("date, expected", [
    (dt.date(2016, 6, 1), "USAGOV"), (dt.date(2019, 6, 1), "USAELI"), (dt.date(2022, 6, 1), "USAGOV")])
def test_surname_with_dates(shipped_dicts, config, date, expected):
    s = sent("Biden/Biden/PROPN/2/nsubj visited/visit/VERB/0/root Jordan/Jordan/PROPN/2/obj")
    assert _actors(shipped_dicts, config, s, date) == {(expected, "JOR")}


def test_taliban_before_and_after_august_2021(shipped_dicts, config):
    s = sent("The/the/DET/2/det Taliban/Taliban/PROPN/3/nsubj attacked/attack/VERB/0/root "
             "Pakistani/Pakistani/ADJ/5/amod troops/troops/NOUN/3/obj")
    before = _actors(shipped_dicts, config, s, dt.date(2015, 1, 1))
    after = _actors(shipped_dicts, config, s, dt.date(2023, 1, 1))
    assert {a for a, _ in before} == {"AFGREB"} and {a for a, _ in after} == {"AFGGOV"}
    assert {t for _, t in after} == {"PAKMIL"}


def test_lower_case_common_words_are_not_countries(shipped_dicts, config):
    s = sent("The/the/DET/2/det turkey/turkey/NOUN/3/nsubj visited/visit/VERB/0/root Jordan/Jordan/PROPN/3/obj")
    assert _actors(shipped_dicts, config, s) == set()


def test_pronoun_us_is_not_the_united_states(shipped_dicts, config):
    s = sent("Jordan/Jordan/PROPN/2/nsubj visited/visit/VERB/0/root us/we/PRON/2/obj")
    assert _actors(shipped_dicts, config, s) == set()


@pytest.mark.parametrize("title, name, date, expected", [
    ("President", "Bush", dt.date(1991, 6, 1), "USAGOV"),   # only George H. W. Bush in office
    ("President", "Bush", dt.date(2008, 6, 1), "USAGOV"),   # only George W. Bush in office
    ("President", "Bush", dt.date(2005, 6, 1), None),       # the president and Governor Jeb Bush
    ("Former", "Bush", dt.date(2012, 6, 1), None),          # none in office: which one?
    (None, "Bush", dt.date(2008, 6, 1), None),              # no title: a shared surname stays unknown
    (None, "Major", dt.date(1995, 6, 1), None),             # "Major attacks …" is never John Major
    ("Minister", "Johnson", dt.date(2020, 6, 1), None),     # namesakes of different countries
])
def test_shared_surnames_resolve_only_by_title_date_and_country(shipped_dicts, config, title, name, date, expected):
    spec = f"{name}/{name}/PROPN/2/nsubj visited/visit/VERB/0/root Jordan/Jordan/PROPN/2/obj"
    if title:
        spec = (f"{title}/{title.lower()}/PROPN/2/compound {name}/{name}/PROPN/3/nsubj "
                f"visited/visit/VERB/0/root Jordan/Jordan/PROPN/3/obj")
    s = sent(spec)
    got = {src for src, _ in _actors(shipped_dicts, config, s, date)}
    assert got == ({expected} if expected else set())
