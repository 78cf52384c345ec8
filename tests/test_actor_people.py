"""The political-figures dictionary (dictionaries/actors/people.txt): it loads, dated roles
change on the right days, shared surnames stay ambiguous, and the loader rejects an
impossible date range with FILE:LINE.

The expected codes below are typed by hand from the public record (not read from the
dictionary). No parser is needed.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from coder.dictionary_base import name_key

from coder.actors import load_actor_files
from coder.dictionary_base import DictionaryError, name_key

ACTORS = Path(__file__).resolve().parents[1] / "dictionaries" / "actors"
PEOPLE = ACTORS / "people.txt"
ACTOR_TYPES = ACTORS.parent / "codebook" / "actor_types.tsv"
CUT_OFF = dt.date(2025, 6, 30)
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def index():
    return load_actor_files([PEOPLE])


@pytest.fixture(scope="module")
def everything():
    """All shipped actor dictionaries together, as the coder loads them."""
    return load_actor_files(sorted(ACTORS.glob("*.txt")))


def person(index, name):
    found = [e for e in index.lookup(name) if e.kind == "person"]
    assert len(found) == 1, f"{name!r}: expected one person, got {[e.source for e in found]}"
    return found[0]


def code_on(index, name, day):
    role = person(index, name).role_on(day)
    assert role is not None, f"{name!r}: no role on {day}"
    return role.code


# (name as it appears in text, story date, expected code) -- 30+ people, in and out of office
CASES = [
    # Biden: vice president, out of office, president, former president
    ("Joe Biden", D("2016-06-01"), "USAGOV"),
    ("Biden", D("2019-06-01"), "USAELI"),
    ("Biden", D("2021-01-20"), "USAGOV"),
    ("Joseph R. Biden", D("2024-12-31"), "USAGOV"),
    ("Biden", D("2025-03-01"), "USAELI"),
    ("Biden", D("2000-05-01"), "USALEG"),
    # Trump: businessman, candidate, two terms, out of office in between
    ("Donald Trump", D("2010-03-01"), "USABUS"),
    ("Trump", D("2016-09-01"), "USAPTY"),
    ("Trump", D("2017-01-20"), "USAGOV"),
    ("Trump", D("2020-11-03"), "USAGOV"),
    ("Trump", D("2022-06-01"), "USAELI"),
    ("Trump", D("2025-01-20"), "USAGOV"),
    ("Trump", CUT_OFF, "USAGOV"),
    # Putin: KGB, St Petersburg/Kremlin staff, FSB director, then prime minister and president
    ("Vladimir Putin", D("1985-01-01"), "SUNSPY"),
    ("Putin", D("1997-05-01"), "RUSGOV"),
    ("Putin", D("1999-01-15"), "RUSSPY"),
    ("Putin", D("1999-08-09"), "RUSGOV"),
    ("Putin", D("2010-01-01"), "RUSGOV"),
    ("Vladimir Vladimirovich Putin", D("2022-02-24"), "RUSGOV"),
    # Netanyahu: three premierships, opposition and cabinet posts between
    ("Benjamin Netanyahu", D("1995-01-01"), "ISROPP"),
    ("Netanyahu", D("1996-06-18"), "ISRGOV"),
    ("Netanyahu", D("1999-07-06"), "ISRGOV"),
    ("Netanyahu", D("2000-06-01"), "ISRELI"),
    ("Netanyahu", D("2004-01-01"), "ISRGOV"),  # finance minister
    ("Netanyahu", D("2007-06-01"), "ISROPP"),
    ("Binyamin Netanyahu", D("2015-01-01"), "ISRGOV"),
    ("Netanyahu", D("2021-06-13"), "ISRGOV"),
    ("Netanyahu", D("2022-01-01"), "ISROPP"),
    ("Netanyahu", D("2023-10-07"), "ISRGOV"),
    # UN secretaries-general: IGOUNO in office, their own country afterwards
    ("Kofi Annan", D("2000-01-01"), "IGOUNO"),
    ("Kofi Annan", D("2010-01-01"), "GHAELI"),
    ("Ban Ki-moon", D("2005-01-01"), "KORGOV"),
    ("Ban Ki-moon", D("2010-01-01"), "IGOUNO"),
    ("Ban Ki-moon", D("2018-01-01"), "KORELI"),
    ("António Guterres", D("2000-01-01"), "PRTGOV"),
    ("Antonio Guterres", D("2020-01-01"), "IGOUNO"),
    ("Boutros Boutros-Ghali", D("1994-01-01"), "IGOUNO"),
    # armed-group leaders, following armed_groups.txt
    ("Hassan Nasrallah", D("2006-07-15"), "LBNREB"),
    ("Yahya Sinwar", D("2023-10-07"), "PSEREB"),
    ("Ismail Haniyeh", D("2006-06-01"), "PSEGOV"),  # PA prime minister for Hamas
    ("Ismail Haniyeh", D("2020-01-01"), "PSEREB"),
    ("Abdul-Malik al-Houthi", D("2016-01-01"), "YEMREB"),
    ("Abu Bakr al-Baghdadi", D("2015-01-01"), "IMGMUSISI"),
    ("Osama bin Laden", D("2001-09-11"), "IMGMUSALQ"),
    ("Ayman al-Zawahiri", D("1995-01-01"), "EGYREB"),
    ("Ayman al-Zawahiri", D("2015-01-01"), "IMGMUSALQ"),
    ("Mullah Omar", D("1998-01-01"), "AFGGOV"),
    ("Mullah Omar", D("2005-01-01"), "AFGREB"),
    ("Hibatullah Akhundzada", D("2019-01-01"), "AFGREB"),
    ("Hibatullah Akhundzada", D("2021-08-15"), "AFGGOV"),
    ("Hemedti", D("2015-01-01"), "SDNMIL"),
    ("Hemedti", D("2020-01-01"), "SDNGOV"),
    ("Mohamed Hamdan Dagalo", D("2023-04-15"), "SDNREB"),
    ("Abu Mohammad al-Jolani", D("2020-01-01"), "SYRREB"),
    ("Ahmed al-Sharaa", D("2025-02-01"), "SYRGOV"),
    # an Iranian diplomat below minister level
    ("Nasser Kanaani", D("2020-06-01"), "IRNGOV"),
    ("Nasser Kanani", D("2023-03-01"), "IRNGOV"),
    # heads of state and government in and out of office
    ("Angela Merkel", D("2010-01-01"), "DEUGOV"),
    ("Merkel", D("2004-01-01"), "DEUOPP"),
    ("Merkel", D("2023-01-01"), "DEUELI"),
    ("Tony Blair", D("2007-06-27"), "GBRGOV"),
    ("Tony Blair", D("2007-06-28"), "GBRELI"),
    ("Boris Johnson", D("2010-01-01"), "GBRGOV"),  # mayor of London
    ("Boris Johnson", D("2023-01-01"), "GBRELI"),
    ("Keir Starmer", D("2022-01-01"), "GBROPP"),
    ("Starmer", D("2025-01-01"), "GBRGOV"),
    ("Volodymyr Zelensky", D("2015-01-01"), "UKRMED"),
    ("Zelenskyy", D("2022-03-01"), "UKRGOV"),
    ("Lula da Silva", D("2005-01-01"), "BRAGOV"),
    ("Lula", D("2015-01-01"), "BRAPTY"),
    ("Lula", D("2023-06-01"), "BRAGOV"),
    ("Bashar al-Assad", D("2010-01-01"), "SYRGOV"),
    ("Bashar al-Assad", D("2025-03-01"), "SYRELI"),
    ("Hafez al-Assad", D("1995-01-01"), "SYRGOV"),
    ("Kim Jong-il", D("2000-01-01"), "PRKGOV"),
    ("Kim Jong Il", D("2015-01-01"), "PRKELI"),
    ("Kim Jong Un", D("2015-01-01"), "PRKGOV"),
    ("Aung San Suu Kyi", D("2010-01-01"), "MMROPP"),
    ("Suu Kyi", D("2018-01-01"), "MMRGOV"),
    ("Aung San Suu Kyi", D("2022-01-01"), "MMROPP"),
    ("Salva Kiir", D("2003-01-01"), "SDNREB"),
    ("Salva Kiir", D("2012-01-01"), "SSDGOV"),
    ("Riek Machar", D("2015-01-01"), "SSDREB"),
    ("Imran Khan", D("2020-01-01"), "PAKGOV"),
    ("Imran Khan", D("2024-01-01"), "PAKOPP"),
    ("Mohammed bin Salman", D("2016-01-01"), "SAUGOV"),
    ("MBS", D("2013-01-01"), "SAUGOV"),  # undated default: crown prince at the cut-off
    ("Ebrahim Raisi", D("2020-01-01"), "IRNJUD"),
    ("Raisi", D("2022-01-01"), "IRNGOV"),
    ("Raisi", D("2024-06-01"), "IRNELI"),
    ("Recep Tayyip Erdogan", D("1996-01-01"), "TURGOV"),  # mayor of Istanbul; accents fold
    ("Erdoğan", D("2002-12-01"), "TURPTY"),
    ("Erdogan", D("2016-07-15"), "TURGOV"),
    ("Min Aung Hlaing", D("2015-01-01"), "MMRMIL"),
    ("Min Aung Hlaing", D("2021-02-01"), "MMRGOV"),
    ("Prabowo Subianto", D("2020-01-01"), "IDNGOV"),  # defence minister
    ("Mahmoud Abbas", D("2010-01-01"), "PSEGOV"),
    ("Yasser Arafat", D("2000-01-01"), "PSEGOV"),
]


@pytest.mark.parametrize("name,day,code", CASES)
def test_role_on_date(index, name, day, code):
    assert code_on(index, name, day) == code


def test_cases_cover_thirty_people(index):
    people = {person(index, name).source for name, _, _ in CASES}
    assert len(people) >= 30


def test_undated_text_gets_the_role_at_the_cut_off(index):
    assert person(index, "Donald Trump").role_on(None).code == "USAGOV"
    assert person(index, "Joe Biden").role_on(None).code == "USAELI"
    assert person(index, "Barack Obama").role_on(None).code == "USAELI"
    assert person(index, "Antonio Guterres").role_on(None).code == "IGOUNO"
    assert person(index, "Hassan Nasrallah").role_on(None).code == "LBNREB"


# (a) surnames --------------------------------------------------------------------------------
@pytest.mark.parametrize("surname,full", [
    ("Putin", "Vladimir Putin"),
    ("Netanyahu", "Benjamin Netanyahu"),
    ("Zelenskyy", "Volodymyr Zelenskyy"),
    ("Khamenei", "Ali Khamenei"),
    ("Sinwar", "Yahya Sinwar"),
    ("Baghdadi", "Abu Bakr al-Baghdadi"),
    ("Zawahiri", "Ayman al-Zawahiri"),
    ("Merkel", "Angela Merkel"),
])
def test_unique_surname_alone(index, surname, full):
    assert person(index, surname) is person(index, full)


@pytest.mark.parametrize("surname,full_names", [
    ("Bush", ["George W. Bush", "George H. W. Bush", "Jeb Bush"]),
    ("Clinton", ["Bill Clinton", "Hillary Clinton"]),
    ("Kim", ["Kim Jong-un", "Kim Jong-il", "Kim Il-sung", "Kim Dae-jung", "Kim Yo-jong"]),
    ("Gandhi", ["Rajiv Gandhi", "Sonia Gandhi", "Rahul Gandhi"]),
    ("Sharif", ["Nawaz Sharif", "Shehbaz Sharif", "Raheel Sharif"]),
    ("Bhutto", ["Benazir Bhutto", "Bilawal Bhutto Zardari"]),
    ("Assad", ["Bashar al-Assad", "Hafez al-Assad", "Maher al-Assad"]),
    ("al-Assad", ["Bashar al-Assad", "Hafez al-Assad"]),
    ("Castro", ["Fidel Castro", "Raúl Castro"]),
    ("Aliyev", ["Ilham Aliyev", "Heydar Aliyev"]),
    ("Kirchner", ["Néstor Kirchner", "Cristina Fernández de Kirchner"]),
    ("Hariri", ["Rafic Hariri", "Saad Hariri"]),
    ("Kabila", ["Laurent-Désiré Kabila", "Joseph Kabila"]),
    ("Gaddafi", ["Muammar Gaddafi", "Saif al-Islam Gaddafi"]),
    ("Rajapaksa", ["Mahinda Rajapaksa", "Gotabaya Rajapaksa"]),
    ("Barzani", ["Masoud Barzani", "Nechirvan Barzani", "Masrour Barzani"]),
    ("Herzog", ["Isaac Herzog", "Chaim Herzog", "Roman Herzog"]),
    ("Aoun", ["Michel Aoun", "Joseph Aoun"]),
    ("Johnson", ["Boris Johnson", "Mike Johnson"]),
    ("Rice", ["Condoleezza Rice", "Susan Rice"]),
    ("al-Sharaa", ["Ahmed al-Sharaa", "Farouk al-Sharaa"]),
])
def test_shared_surname_is_never_one_entry(index, surname, full_names):
    # the bare surname names all its owners; only the story date may pick one (tests/test_actors_in_context.py)
    owners = {e.source for e in index.lookup(surname)}
    people = {person(index, full).source for full in full_names}
    assert len(people) == len(full_names)
    assert owners == set() or (len(owners) > 1 and people <= owners)


def test_shared_surname_people_have_their_own_roles(index):
    assert code_on(index, "George H. W. Bush", D("1991-01-17")) == "USAGOV"
    assert code_on(index, "George W. Bush", D("1991-01-17")) == "USAELI"
    assert code_on(index, "George W. Bush", D("2003-03-20")) == "USAGOV"
    assert code_on(index, "Nawaz Sharif", D("2023-01-01")) == "PAKPTY"
    assert code_on(index, "Shehbaz Sharif", D("2023-01-01")) == "PAKGOV"


def test_no_full_name_belongs_to_two_people(index):
    clashes = {k: [index.entries[i].source for i in v] for k, v in index.keys.items()
               if len(v) > 1 and k not in index.shared_surnames}
    assert clashes == {}


# (b) common words and first names never become a person ---------------------------------------
@pytest.mark.parametrize("word", [
    "may", "major", "brown", "cook", "burns", "gates", "smith", "graham", "howard", "martin",
    "hunt", "mills", "king", "gang", "bishop", "bar", "moon", "sung", "christopher", "richard",
    "omar", "sheikh", "mohammed", "mohamed", "ibrahim", "leon", "isa", "ammar", "Hague",
])
def test_common_word_is_not_a_person(everything, word):
    # a surname several people share is indexed, but resolves only after a title and by date
    # (coder/mentions.py; tests/test_actors_in_context.py), so "Major attacks" is never John Major
    people = [e for e in everything.lookup(word) if e.kind == "person"]
    assert people == [] or (len(people) > 1 and everything.keys[name_key(word)] and
                            name_key(word) in everything.shared_surnames)


def test_people_names_do_not_clash_with_other_dictionaries(everything):
    clashes = {}
    for key, ids in everything.keys.items():
        kinds = {everything.entries[i].kind for i in ids}
        if "person" in kinds and len(ids) > 1 and not (kinds == {"person"} and key in everything.shared_surnames):
            clashes[key] = [everything.entries[i].source for i in ids]
    assert clashes == {}


# (c) the whole file loads and keeps its conventions ---------------------------------------------
def test_file_loads_with_enough_people(index):
    assert index.files == (str(PEOPLE),)
    assert {e.kind for e in index.entries} == {"person"}
    assert len(index.entries) >= 520


def test_header_states_the_cut_off():
    head = PEOPLE.read_text(encoding="utf-8")[:400]
    assert "current to 2025-06-30" in head


def test_every_person_has_one_default_and_dated_roles(index):
    for entry in index.entries:
        defaults = [r for r in entry.roles if not r.dated]
        assert len(defaults) == 1, entry.source


def test_open_roles_match_the_default(index):
    """An office held at the cut-off (open end) is also the undated default."""
    for entry in index.entries:
        open_roles = [r for r in entry.roles if r.start is not None and r.end is None]
        if open_roles:
            assert entry.role_on(None).code == open_roles[-1].code, entry.source


def test_no_date_after_the_cut_off(index):
    for entry in index.entries:
        for role in entry.roles:
            assert role.start is None or role.start <= CUT_OFF, role.source
            assert role.end is None or role.end <= CUT_OFF, role.source


def test_codes_are_country_plus_agent_or_organisation(index):
    with ACTOR_TYPES.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        known = {row["code"] for row in rows}
    organisations = {"IGOUNO", "IGOUNOIAE", "IGOUNOJUDICJ", "IGOWSTNAT", "IGOEUREEC", "IGOMEAARL",
                     "IGOPGSGCC", "IGOAFRAFU", "IGOOAS", "IGOBUSIMF", "IMGMUSALQ", "IMGMUSISI"}
    for entry in index.entries:
        for role in entry.roles:
            if role.code in organisations:
                continue
            assert re.fullmatch(r"[A-Z]{6}", role.code) and role.code[3:] in known, role.source


def test_former_leaders_are_not_gov_by_default(index):
    for name in ("Bill Clinton", "Barack Obama", "Tony Blair", "Gerhard Schröder", "Hosni Mubarak",
                 "Hamid Karzai", "Ashraf Ghani", "Mahmoud Ahmadinejad", "Ban Ki-moon", "Kofi Annan"):
        code = person(index, name).role_on(None).code
        assert code.endswith(("ELI", "PTY", "OPP")), name


# (d) the loader rejects an impossible range with FILE:LINE ---------------------------------------
def test_end_before_start_is_rejected_with_file_and_line(tmp_path):
    bad = tmp_path / "bad_people.txt"
    bad.write_text(
        "# a person whose term ends before it starts\n"
        "person = Test Person; T. Person\n"
        "    USAGOV  2020-01-01..2019-12-31  impossible\n"
        "    USAELI  former official\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as err:
        load_actor_files([bad])
    assert str(err.value).startswith(f"{bad}:3:")
    assert "impossible date range" in str(err.value)
    assert err.value.line == 3


def test_month_precision_ends_on_the_last_day(tmp_path):
    path = tmp_path / "month.txt"
    path.write_text("person = Test Person\n    GBRGOV  1997-05..2007-06  office\n    GBRELI  former\n",
                    encoding="utf-8")
    entry = load_actor_files([path]).entries[0]
    assert entry.role_on(D("1997-05-01")).code == "GBRGOV"
    assert entry.role_on(D("2007-06-30")).code == "GBRGOV"
    assert entry.role_on(D("2007-07-01")).code == "GBRELI"
    assert name_key("Test Person") in load_actor_files([path]).keys
