"""Country and IGO actor dictionaries (dictionaries/actors/countries.txt, igos.txt).

The expected values here are written independently of the dictionaries:
country names and ISO codes come from pycountry (ISO 3166-1), the UN member
list and the CAMEO exceptions are typed below, and the adjectives are typed in
tests/data/expected_adjectives.tsv. Nothing is generated from the dictionary
files themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest

from coder.actors import ActorEntry, ActorIndex, load_actor_files
from coder.dictionary_base import name_key

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ROOT / "dictionaries" / "actors" / "countries.txt"
IGOS = ROOT / "dictionaries" / "actors" / "igos.txt"
ADJECTIVES_TSV = Path(__file__).resolve().parent / "data" / "expected_adjectives.tsv"

# The 193 UN member states, by ISO 3166-1 alpha-3.
UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())

# Where CAMEO's country code is not the ISO alpha-3 code.
CAMEO_EXCEPTIONS = {"TLS": "TMP", "IMN": "IMY"}

# Current names that ISO/pycountry do not give (or gives only with commas or
# brackets, which never match a token run), and the hard cases of the brief.
EXTRA_NAMES = {
    "Democratic Republic of the Congo": "COD", "Democratic Republic of Congo": "COD", "DR Congo": "COD",
    "DRC": "COD", "Congo-Kinshasa": "COD", "Congo": "COD",
    "Republic of the Congo": "COG", "Republic of Congo": "COG", "Congo-Brazzaville": "COG",
    "Ivory Coast": "CIV", "Burma": "MMR", "Swaziland": "SWZ", "Cape Verde": "CPV", "East Timor": "TMP",
    "Czech Republic": "CZE", "Turkey": "TUR", "Macedonia": "MKD", "Russia": "RUS",
    "Britain": "GBR", "Great Britain": "GBR", "UK": "GBR", "United Kingdom": "GBR",
    "US": "USA", "U.S.": "USA", "USA": "USA", "America": "USA", "United States of America": "USA",
    "Holland": "NLD", "The Gambia": "GMB", "North Korea": "PRK", "DPRK": "PRK",
    "South Korea": "KOR", "Republic of Korea": "KOR", "Laos": "LAO", "Syria": "SYR", "Vietnam": "VNM",
    "Brunei": "BRN", "the Emirates": "ARE", "UAE": "ARE", "Kosovo": "KSV", "Palestine": "PSE",
    "Taiwan": "TWN", "Hong Kong": "HKG", "Vatican": "VAT", "Holy See": "VAT", "Bonaire": "BES",
    "Saint Helena": "SHN", "Falkland Islands": "FLK", "Cocos Islands": "CCK", "Saint Martin": "MAF",
    "Sint Maarten": "SXM", "Iran": "IRN", "Persia": "IRN", "Georgia": "GEO", "Niger": "NER",
    "Nigeria": "NGA", "Sudan": "SDN", "South Sudan": "SSD", "Dominica": "DMA",
    "Dominican Republic": "DOM", "Guinea": "GIN", "Guinea-Bissau": "GNB", "Equatorial Guinea": "GNQ",
    "Papua New Guinea": "PNG", "Chad": "TCD", "Jordan": "JOR", "Saudi Arabia": "SAU", "Israel": "ISR",
    "Russian Federation": "RUS", "Eswatini": "SWZ", "Czechia": "CZE", "North Macedonia": "MKD",
    "Myanmar": "MMR", "Timor-Leste": "TMP", "Isle of Man": "IMY", "Puerto Rico": "PRI",
    "Greenland": "GRL", "Western Sahara": "ESH",
}


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return load_actor_files([COUNTRIES, IGOS])


def cameo(iso3: str) -> str:
    return CAMEO_EXCEPTIONS.get(iso3, iso3)


def codes(index: ActorIndex, phrase: str, kind: str | None = None) -> set[str]:
    out = set()
    for entry in index.lookup(phrase):
        if kind is None or entry.kind == kind:
            role = entry.role_on(None)
            assert role is not None, entry.source
            out.add(role.code)
    return out


# ISO names that the dictionary deliberately gives to another code (see countries.txt header):
# ISO's short name of the Republic of the Congo is "Congo", which newswire style uses for the DRC.
DECIDED_OTHERWISE = {"Congo": "COD"}


def iso_names(country) -> list[str]:
    """pycountry's name, common name and official name, less the comma/bracket forms and the decided ones."""
    names = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
    return [n for n in names if n and not re.search(r"[,()]", n) and n not in DECIDED_OTHERWISE]


# (f) the files load -------------------------------------------------------------------------
def test_files_load_alone_and_together():
    countries = load_actor_files([COUNTRIES])
    igos = load_actor_files([IGOS])
    both = load_actor_files([COUNTRIES, IGOS])
    assert len(both.entries) == len(countries.entries) + len(igos.entries)
    kinds = {e.kind for e in countries.entries}
    assert kinds == {"actor", "adjective", "metonym"}
    assert {e.kind for e in igos.entries} == {"actor"}


def test_no_name_is_ambiguous(index):
    """A name never maps to two different codes (it may map to an actor and an adjective of one code)."""
    clashes = {}
    for key, ids in index.keys.items():
        found = {index.entries[i].roles[0].code for i in ids}
        if len(found) > 1:
            clashes[key] = sorted(found)
    assert clashes == {}


def test_country_codes_are_three_letters():
    for entry in load_actor_files([COUNTRIES]).entries:
        code = entry.roles[0].code
        if entry.kind == "metonym":
            assert re.fullmatch(r"[A-Z]{3}(GOV|MIL|LEG)", code), entry.source
        elif code != "PSEGOV":  # the Palestinian Authority
            assert re.fullmatch(r"[A-Z]{3}", code), entry.source


def test_every_igo_line_has_a_cameo_code_and_a_plover_note():
    lines = [ln for ln in IGOS.read_text(encoding="utf-8").splitlines() if ln.startswith("actor ")]
    assert len(lines) >= 90
    for ln in lines:
        code = ln.split()[1]
        assert code.startswith(("IGO", "NGO")), ln
        assert re.search(r"# .*plover: (UNO|EUR|IGO|NGO)( [A-Z]{3})?\s*$", ln), ln


# (a) every UN member state by name ----------------------------------------------------------
def test_un_member_list():
    assert len(UN_MEMBERS) == 193
    assert all(pycountry.countries.get(alpha_3=c) for c in UN_MEMBERS)


@pytest.mark.parametrize("iso3", sorted(UN_MEMBERS))
def test_un_member_resolves_by_name(index, iso3):
    country = pycountry.countries.get(alpha_3=iso3)
    names = iso_names(country) + [n for n, c in EXTRA_NAMES.items() if c == cameo(iso3)]
    assert names, iso3
    for name in names:
        assert codes(index, name, "actor") == {cameo(iso3)}, name


@pytest.mark.parametrize("iso3", sorted(c.alpha_3 for c in pycountry.countries))
def test_every_iso_country_and_territory_resolves(index, iso3):
    country = pycountry.countries.get(alpha_3=iso3)
    names = iso_names(country) + [n for n, c in EXTRA_NAMES.items() if c == cameo(iso3)]
    assert names, iso3
    for name in names:
        assert codes(index, name, "actor") == {cameo(iso3)}, name


@pytest.mark.parametrize("name,code", sorted(EXTRA_NAMES.items()))
def test_extra_names(index, name, code):
    assert codes(index, name, "actor") == {code}


# (b) every UN member has an adjective ------------------------------------------------------
def _expected_adjectives() -> list[tuple[str, str]]:
    rows = []
    for line in ADJECTIVES_TSV.read_text(encoding="utf-8").splitlines():
        adjective, code = line.split("\t")
        rows.append((adjective, code))
    return rows


def test_adjective_table_covers_the_un():
    rows = _expected_adjectives()
    assert len(rows) == 193
    assert {code for _, code in rows} == {cameo(c) for c in UN_MEMBERS}


@pytest.mark.parametrize("adjective,code", _expected_adjectives())
def test_un_member_adjective(index, adjective, code):
    assert codes(index, adjective, "adjective") == {code}


@pytest.mark.parametrize("plural,code", [
    ("Iranians", "IRN"), ("Israelis", "ISR"), ("Emiratis", "ARE"), ("Saudis", "SAU"), ("Americans", "USA"),
    ("Frenchmen", "FRA"), ("Britons", "GBR"), ("Filipinos", "PHL"), ("South Koreans", "KOR"),
    ("Palestinians", "PSE"), ("Kosovars", "KSV"), ("Taiwanese", "TWN"),
])
def test_demonym_plurals(index, plural, code):
    assert codes(index, plural, "adjective") == {code}


@pytest.mark.parametrize("adjective,code", [
    ("Iranian", "IRN"), ("Persian", "IRN"), ("Emirati", "ARE"), ("Saudi", "SAU"), ("Saudi Arabian", "SAU"),
    ("Israeli", "ISR"), ("British", "GBR"), ("American", "USA"), ("Chinese", "CHN"), ("Palestinian", "PSE"),
    ("Kosovar", "KSV"), ("Taiwanese", "TWN"), ("Hong Konger", "HKG"), ("East Timorese", "TMP"),
    ("Nigerien", "NER"), ("Nigerian", "NGA"), ("Korean", "KOR"),
])
def test_brief_adjectives(index, adjective, code):
    assert codes(index, adjective, "adjective") == {code}


# (c) capitals and seats of government ------------------------------------------------------
CAPITALS = {
    "Tehran": "IRNGOV", "Washington": "USAGOV", "the White House": "USAGOV", "Moscow": "RUSGOV",
    "the Kremlin": "RUSGOV", "London": "GBRGOV", "Downing Street": "GBRGOV", "Whitehall": "GBRGOV",
    "Paris": "FRAGOV", "the Elysee": "FRAGOV", "Beijing": "CHNGOV", "Zhongnanhai": "CHNGOV",
    "Jerusalem": "ISRGOV", "Ramallah": "PSEGOV", "Cairo": "EGYGOV", "Riyadh": "SAUGOV", "Ankara": "TURGOV",
    "Brussels": "BELGOV", "Kabul": "AFGGOV", "Baghdad": "IRQGOV", "Damascus": "SYRGOV", "Kyiv": "UKRGOV",
    "Kiev": "UKRGOV", "Pristina": "KSVGOV", "Taipei": "TWNGOV", "Dili": "TMPGOV", "Abu Dhabi": "AREGOV",
    "Kinshasa": "CODGOV", "Brazzaville": "COGGOV", "The Hague": "NLDGOV", "Tokyo": "JPNGOV",
    "New Delhi": "INDGOV", "Pyongyang": "PRKGOV", "Seoul": "KORGOV", "Tbilisi": "GEOGOV",
}


@pytest.mark.parametrize("capital,code", sorted(CAPITALS.items()))
def test_capital_is_a_metonym(index, capital, code):
    assert codes(index, capital, "metonym") == {code}
    assert codes(index, capital) == {code}  # and nothing else


def test_brussels_is_not_the_eu(index):
    assert codes(index, "Brussels") == {"BELGOV"}
    assert codes(index, "European Union") == {"IGOEUREEC"}


# (d) IGOs by name and abbreviation ---------------------------------------------------------
IGO_CASES = [
    ("United Nations", "UN", "IGOUNO"),
    ("UN Security Council", "UNSC", "IGOUNO"),
    ("UN General Assembly", "UNGA", "IGOUNO"),
    ("European Union", "EU", "IGOEUREEC"),
    ("European Central Bank", "ECB", "IGOEUREEC"),
    ("North Atlantic Treaty Organization", "NATO", "IGOWSTNAT"),
    ("African Union", "AU", "IGOAFRAFU"),
    ("Gulf Cooperation Council", "GCC", "IGOPGSGCC"),
    ("International Atomic Energy Agency", "IAEA", "IGOUNOIAE"),
    ("International Monetary Fund", "IMF", "IGOBUSIMF"),
    ("World Health Organization", "WHO", "IGOUNOHLHWHO"),
    ("Economic Community of West African States", "ECOWAS", "IGOWAFBUSWAS"),
    ("Association of Southeast Asian Nations", "ASEAN", "IGOSEAASN"),
    ("Organization of the Petroleum Exporting Countries", "OPEC", "IGOBUSOPC"),
    ("World Trade Organization", "WTO", "IGOBUSWTO"),
    ("International Criminal Court", "ICC", "IGOJUDICC"),
    ("International Court of Justice", "ICJ", "IGOUNOJUDICJ"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "IGOEURSCE"),
    ("Organization of American States", "OAS", "IGOOAS"),
    ("Organisation of Islamic Cooperation", "OIC", "IGOMOSOIC"),
    ("Commonwealth of Independent States", "CIS", "IGOCASCIS"),
    ("International Committee of the Red Cross", "ICRC", "NGOHLHIRC"),
    ("United Nations High Commissioner for Refugees", "UNHCR", "IGOUNOREFHCR"),
    ("World Food Programme", "WFP", "IGOUNOWFP"),
    ("Food and Agriculture Organization", "FAO", "IGOUNOAGRFAO"),
    ("International Labour Organization", "ILO", "IGOUNOLABILO"),
    ("Intergovernmental Authority on Development", "IGAD", "IGOEAFDEVIAD"),
    ("Southern African Development Community", "SADC", "IGOSAFDEVSAD"),
    ("East African Community", "EAC", "IGOEAFEAC"),
    ("Group of Seven", "G7", "IGOBUSGOS"),
    ("Group of Twenty", "G20", "IGOBUS"),
    ("Shanghai Cooperation Organisation", "SCO", "IGOCAS"),
    ("United Nations Interim Force in Lebanon", "UNIFIL", "IGOUNO"),
    ("International Criminal Police Organization", "Interpol", "IGOCOPITP"),
    ("League of Arab States", "Arab League", "IGOMEAARL"),
]


@pytest.mark.parametrize("name,abbreviation,code", IGO_CASES)
def test_igo_by_name_and_abbreviation(index, name, abbreviation, code):
    assert codes(index, name) == {code}
    assert codes(index, abbreviation) == {code}


def test_enough_igos():
    igos = load_actor_files([IGOS])
    assert len(igos.entries) >= 90
    assert len({e.roles[0].code for e in igos.entries}) >= 60


@pytest.mark.parametrize("name,code", [
    ("UNICEF", "IGOUNOKID"), ("UNESCO", "IGOUNODEV"), ("UNDP", "IGOUNODEV"), ("OCHA", "IGOUNO"),
    ("UNRWA", "IGOUNOREF"), ("MONUSCO", "IGOUNO"), ("European Commission", "IGOEUREEC"),
    ("European Parliament", "IGOEUREEC"), ("Council of the European Union", "IGOEUREEC"),
    ("World Bank", "IGOUNODEVWBK"), ("G8", "IGOBUSGOE"), ("BRICS", "IGOBUS"), ("Mercosur", "IGOSAM"),
    ("APEC", "IGOASABUS"), ("CSTO", "IGOCAS"), ("Eurasian Economic Union", "IGOCAS"),
    ("Commonwealth of Nations", "IGOCWN"), ("Red Cross", "NGOHLHIRC"),
])
def test_more_igos(index, name, code):
    assert codes(index, name) == {code}


# (e) multiword names, all-caps abbreviations, accents ----------------------------------------
def test_multiword_name(index):
    assert codes(index, "United Arab Emirates") == {"ARE"}
    assert codes(index, "Democratic People's Republic of Korea") == {"PRK"}
    assert codes(index, "Republic of Korea") == {"KOR"}
    assert codes(index, "Guinea-Bissau") == {"GNB"} and codes(index, "Guinea") == {"GIN"}
    assert codes(index, "South Sudan") == {"SSD"} and codes(index, "Sudan") == {"SDN"}


@pytest.mark.parametrize("abbreviation", ["US", "U.S.", "UK", "UAE", "UN", "EU", "AU", "WHO", "IMF", "GCC", "IAEA", "DPRK"])
def test_short_abbreviations_are_capitals_only(index, abbreviation):
    key = name_key(abbreviation)
    assert key in index.keys
    assert key in index.caps_only  # so "us", "who", "un" in lower case never match


def test_lower_case_pronouns_never_match(index):
    # the index holds the key, but only for capitalised tokens
    for word in ("us", "who", "un", "eu", "au"):
        assert name_key(word) in index.caps_only


def test_nato_and_opec_match_mixed_case(index):
    # written "Nato"/"Opec" so that British-style mixed case matches as well as NATO/OPEC
    for word in ("nato", "opec"):
        assert word in index.keys and word not in index.caps_only


def test_accents_fold(index):
    assert codes(index, "Côte d'Ivoire") == codes(index, "Cote d'Ivoire") == {"CIV"}
    assert codes(index, "Cote d’Ivoire") == {"CIV"}  # curly apostrophe
    assert codes(index, "Türkiye") == codes(index, "Turkiye") == {"TUR"}
    assert codes(index, "Curaçao") == {"CUW"}
    assert codes(index, "Élysée", "metonym") == {"FRAGOV"}
    assert codes(index, "São Tomé and Príncipe") == {"STP"}


def test_ambiguous_names_documented_choices(index):
    for name, code in DECIDED_OTHERWISE.items():
        assert codes(index, name) == {code}
    assert codes(index, "Congo") == {"COD"}
    assert codes(index, "Congolese") == {"COD"}
    assert codes(index, "Dominican") == {"DOM"}
    assert codes(index, "Georgia") == {"GEO"}
    assert codes(index, "Korea") == {"KOR"}
    assert codes(index, "Latin American") == {"LAM"}  # not the United States
    assert codes(index, "Niger Delta") == {"NGA"}  # Nigeria's, not Niger's
    assert codes(index, "New Guinea") == {"PNG"}  # not Guinea


def test_entry_role_has_no_dates(index):
    entry: ActorEntry = index.lookup("Iran")[0]
    assert entry.role_on(None).code == "IRN"
    assert not entry.roles[0].dated
