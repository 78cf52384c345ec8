"""Each extraction rule through the default parser (spaCy, converted to UD), with the fixture dictionaries."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.coding import code_document
from coder.model import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def code(spacy_parser, mini_dicts, config):
    def run(text: str, date=dt.date(2023, 5, 1)):
        sentences = spacy_parser.parse_texts([text])[0]
        result = code_document(Document("t", tuple(sentences), date=date, parser=spacy_parser.name), mini_dicts, config)
        return {(e["source"], e["target"], e["cameo_code"]) for e in result.events}, result
    return run


def test_subject_source_object_target(code):
    assert code("Iran attacked Iraq on Monday.")[0] == {("IRN", "IRQ", "190")}


def test_passive_agent_source(code):
    assert code("Iraq was attacked by Iran on Monday.")[0] == {("IRN", "IRQ", "190")}


def test_target_from_named_preposition_only(code):
    assert code("Ukraine imposed sanctions on Russia.")[0] == {("UKR", "RUS", "163")}
    assert code("Iran attacked the city near Egypt.")[0] == set()


def test_indirect_object(code):
    assert code("Russia provided Syria with aid.")[0] | code("Russia provided aid to Syria.")[0] == {("RUS", "SYR", "070")}


def test_coordination(code):
    assert code("Egypt and Iran discussed trade.")[0] == {("EGY", "IRN", "040"), ("IRN", "EGY", "040")}
    assert code("Israel attacked Syria and Iraq.")[0] == {("ISR", "SYR", "190"), ("ISR", "IRQ", "190")}


def test_participle_control(code):
    events, _ = code("Iranian charge d'affaires Nasser Kanaani sent a message to the Egyptian government "
                     "expressing willingness to open a new page in relations.")
    assert events == {("IRNGOV", "EGYGOV", "030")}


def test_reported_speech(code):
    assert code("The sources said that Iran met Egypt.")[0] == {("IRN", "EGY", "040"), ("EGY", "IRN", "040")}


def test_negation(code):
    assert code("Iran did not attack Iraq.")[0] == set()
    assert code("Russia would not provide support to Syria.")[0] == {("RUS", "SYR", "121")}
    assert code("Israel refused to meet Iran.")[0] == {("ISR", "IRN", "125")}


def test_modality_and_purpose(code):
    assert code("Israel could attack Iran.")[0] == set()
    assert code("Egypt acted quickly to attack Iran.")[0] == set()
    assert code("Iran threatened to attack Israel.")[0] == {("IRN", "ISR", "138")}


def test_apposition_possessive_title(code):
    assert code("Iranian charge d'affairs in Egypt, Nasser Kanaani, visited Israel.")[0] == {("IRNGOV", "ISR", "042")}
    assert code("Egypt's foreign minister visited Iran.")[0] == {("EGYGOV", "IRN", "042")}


def test_capitals_only_as_arguments(code):
    assert code("Tehran accused Cairo of lying.")[0] == {("IRNGOV", "EGYGOV", "112")}
    assert code("Iranian officials met in Cairo.")[0] == set()


def test_no_event_without_coded_actors_and_unknowns_recorded(code):
    events, result = code("Freedonia attacked Iran.")
    assert events == set()
    assert any(u["text"] == "Freedonia" for u in result.unknown)


def test_dated_roles(code):
    assert code("Biden visited Egypt.", dt.date(2016, 5, 1))[0] == {("USAGOV", "EGY", "042")}
    assert code("Biden visited Egypt.", dt.date(2019, 5, 1))[0] == {("USAELI", "EGY", "042")}
