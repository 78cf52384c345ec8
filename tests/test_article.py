"""The article coder was specified with (../shared/examples), through the default parser."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.coding import code_document
from coder.model import Document
from conftest import SHARED

pytestmark = pytest.mark.slow
ARTICLE = SHARED / "examples" / "egypt_iran_article.txt"


@pytest.fixture(scope="module")
def coded(spacy_parser, shipped_dicts, config):
    if not ARTICLE.exists():
        pytest.skip("../shared/examples is not available")
    text = ARTICLE.read_text(encoding="utf-8")
    sentences = spacy_parser.parse_texts([text])[0]
    doc = Document("egypt-iran", tuple(sentences), date=dt.date(2023, 5, 8), parser=spacy_parser.name)
    return code_document(doc, shipped_dicts, config)


def _events_in(coded, needle):
    for sr in coded.sentences:
        if needle in sr.sentence.text:
            return [(m.source.code, m.target.code, m.code) for m in sr.matches]
    raise AssertionError(f"no sentence contains {needle!r}")


def test_kanaani_sentence_codes_iran_to_egypt_030(coded):
    events = _events_in(coded, "Nasser Kanaani")
    assert any(s.startswith("IRN") and t.startswith("EGY") and c == "030" for s, t, c in events), events


def test_intelligence_delegation_codes_iran_to_egypt_consult(coded):
    events = _events_in(coded, "intelligence delegation")
    assert any(s.startswith("IRN") and t.startswith("EGY") and c.startswith("04") for s, t, c in events), events


def test_discussions_and_the_two_countries_code_consult_both_ways(coded):
    first = _events_in(coded, "Discussions have recently taken place")
    last = _events_in(coded, "The two countries also discussed")
    for events in (first, last):
        assert {(s[:3], t[:3]) for s, t, c in events if c.startswith("04")} >= {("EGY", "IRN"), ("IRN", "EGY")}


def test_nothing_in_the_article_is_conflict(coded):
    roots = [e["cameo_root"] for e in coded.events]
    assert roots and not [r for r in roots if r and int(r) >= 14]
