"""Each rule of the event extractor on hand-built UD sentences, with the fixture dictionaries.

The same rules are exercised through the real spaCy parser in test_rules_spacy.py.
"""

from __future__ import annotations

import datetime as dt

from coder.coding import code_document
from coder.model import Entity
from helpers import doc, sent, triples


def code(mini_dicts, config, *sentences, date=dt.date(2023, 5, 1)):
    return code_document(doc(*sentences, date=date), mini_dicts, config)


def test_subject_is_source_object_is_target(mini_dicts, config):
    s = sent("Iran/Iran/PROPN/2/nsubj attacked/attack/VERB/0/root Iraq/Iraq/PROPN/2/obj ././PUNCT/2/punct")
    assert triples(code(mini_dicts, config, s)) == {("IRN", "IRQ", "190")}


def test_passive_agent_is_source_passive_subject_is_target(mini_dicts, config):
    s = sent("Iraq/Iraq/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass attacked/attack/VERB/0/root "
             "by/by/ADP/5/case Iran/Iran/PROPN/3/obl:agent")
    assert triples(code(mini_dicts, config, s)) == {("IRN", "IRQ", "190")}


def test_target_only_from_named_slot_not_any_noun(mini_dicts, config):
    # "Iran attacked the city near Egypt": Egypt is neither object nor a pattern preposition.
    s = sent("Iran/Iran/PROPN/2/nsubj attacked/attack/VERB/0/root the/the/DET/4/det city/city/NOUN/2/obj "
             "near/near/ADP/6/case Egypt/Egypt/PROPN/4/nmod")
    assert triples(code(mini_dicts, config, s)) == set()
    # a preposition the pattern names does give the target: "imposed sanctions on Russia"
    s2 = sent("Ukraine/Ukraine/PROPN/2/nsubj imposed/impose/VERB/0/root sanctions/sanction/NOUN/2/obj "
              "on/on/ADP/5/case Russia/Russia/PROPN/2/obl")
    assert triples(code(mini_dicts, config, s2)) == {("UKR", "RUS", "163")}


def test_indirect_object_target(mini_dicts, config):
    s = sent("Russia/Russia/PROPN/2/nsubj provided/provide/VERB/0/root Syria/Syria/PROPN/2/iobj "
             "aid/aid/NOUN/2/obj")
    assert triples(code(mini_dicts, config, s)) == {("RUS", "SYR", "070")}


def test_coordinated_subjects_symmetric_without_target(mini_dicts, config):
    s = sent("Egypt/Egypt/PROPN/4/nsubj and/and/CCONJ/3/cc Iran/Iran/PROPN/1/conj discussed/discuss/VERB/0/root "
             "trade/trade/NOUN/4/obj")
    assert triples(code(mini_dicts, config, s)) == {("EGY", "IRN", "040"), ("IRN", "EGY", "040")}


def test_coordinated_objects_one_event_per_pair(mini_dicts, config):
    s = sent("Israel/Israel/PROPN/2/nsubj attacked/attack/VERB/0/root Syria/Syria/PROPN/2/obj and/and/CCONJ/5/cc "
             "Iraq/Iraq/PROPN/3/conj")
    assert triples(code(mini_dicts, config, s)) == {("ISR", "SYR", "190"), ("ISR", "IRQ", "190")}


def test_participle_takes_subject_and_addressee_of_governing_clause(mini_dicts, config):
    # "Kanaani sent a message to the Egyptian government expressing willingness"
    s = sent("Kanaani/Kanaani/PROPN/2/nsubj sent/send/VERB/0/root a/a/DET/4/det message/message/NOUN/2/obj "
             "to/to/ADP/8/case the/the/DET/8/det Egyptian/Egyptian/ADJ/8/amod government/government/NOUN/2/obl "
             "expressing/express/VERB/2/advcl/VerbForm=Ger willingness/willingness/NOUN/9/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRNGOV", "EGYGOV", "030")}


def test_participle_attached_to_a_noun_still_finds_the_clause(mini_dicts, config):
    s = sent("Kanaani/Kanaani/PROPN/2/nsubj sent/send/VERB/0/root a/a/DET/4/det message/message/NOUN/2/obj "
             "to/to/ADP/8/case the/the/DET/8/det Egyptian/Egyptian/ADJ/8/amod government/government/NOUN/2/obl "
             "expressing/express/VERB/8/acl/VerbForm=Ger willingness/willingness/NOUN/9/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRNGOV", "EGYGOV", "030")}


def test_reported_speech_codes_the_embedded_clause(mini_dicts, config):
    s = sent("the/the/DET/2/det sources/source/NOUN/3/nsubj said/say/VERB/0/root that/that/SCONJ/6/mark "
             "Iran/Iran/PROPN/6/nsubj met/meet/VERB/3/ccomp Egypt/Egypt/PROPN/6/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRN", "EGY", "040"), ("EGY", "IRN", "040")}


def test_negated_verb_codes_nothing(mini_dicts, config):
    s = sent("Iran/Iran/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod/Polarity=Neg "
             "attack/attack/VERB/0/root Iraq/Iraq/PROPN/4/obj")
    assert triples(code(mini_dicts, config, s)) == set()


def test_negation_with_a_cameo_negated_code(mini_dicts, config):
    s = sent("Russia/Russia/PROPN/4/nsubj would/would/AUX/4/aux not/not/PART/4/advmod/Polarity=Neg "
             "provide/provide/VERB/0/root support/support/NOUN/4/obj to/to/ADP/7/case Syria/Syria/PROPN/4/obl")
    assert triples(code(mini_dicts, config, s)) == {("RUS", "SYR", "121")}


def test_refused_to_meet_codes_reject_not_meet(mini_dicts, config):
    s = sent("Israel/Israel/PROPN/2/nsubj refused/refuse/VERB/0/root to/to/PART/4/mark meet/meet/VERB/2/xcomp "
             "Iran/Iran/PROPN/4/obj")
    assert triples(code(mini_dicts, config, s)) == {("ISR", "IRN", "125")}


def test_hypothetical_and_purpose_clauses_code_nothing(mini_dicts, config):
    could = sent("Israel/Israel/PROPN/3/nsubj could/could/AUX/3/aux attack/attack/VERB/0/root Iran/Iran/PROPN/3/obj")
    assert triples(code(mini_dicts, config, could)) == set()
    purpose = sent("Egypt/Egypt/PROPN/2/nsubj acted/act/VERB/0/root to/to/PART/4/mark "
                   "attack/attack/VERB/2/advcl Iran/Iran/PROPN/4/obj")
    assert triples(code(mini_dicts, config, purpose)) == set()


def test_threatened_to_attack_codes_threat(mini_dicts, config):
    s = sent("Iran/Iran/PROPN/2/nsubj threatened/threaten/VERB/0/root to/to/PART/4/mark "
             "attack/attack/VERB/2/xcomp Israel/Israel/PROPN/4/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRN", "ISR", "138")}


def test_apposition_title_and_place(mini_dicts, config):
    # "Iranian charge d'affairs in Egypt, Nasser Kanaani, visited Cairo": in Egypt is where, not who.
    s = sent("Iranian/Iranian/ADJ/2/amod charge/charge/NOUN/10/nsubj d'affairs/d'affairs/NOUN/2/flat "
             "in/in/ADP/5/case Egypt/Egypt/PROPN/2/nmod ,/,/PUNCT/8/punct Nasser/Nasser/PROPN/8/compound "
             "Kanaani/Kanaani/PROPN/2/appos ,/,/PUNCT/8/punct visited/visit/VERB/0/root Israel/Israel/PROPN/10/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRNGOV", "ISR", "042")}


def test_possessive_gives_the_country_of_an_agent(mini_dicts, config):
    s = sent("Egypt/Egypt/PROPN/4/nmod:poss 's/'s/PART/1/case foreign/foreign/ADJ/4/amod minister/minister/NOUN/5/nsubj "
             "visited/visit/VERB/0/root Iran/Iran/PROPN/5/obj")
    assert triples(code(mini_dicts, config, s)) == {("EGYGOV", "IRN", "042")}


def test_capitals_act_as_governments_only_as_arguments(mini_dicts, config):
    s = sent("Tehran/Tehran/PROPN/2/nsubj accused/accuse/VERB/0/root Cairo/Cairo/PROPN/2/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRNGOV", "EGYGOV", "112")}
    place = sent("Iranian/Iranian/ADJ/2/amod officials/official/NOUN/3/nsubj met/meet/VERB/0/root "
                 "in/in/ADP/5/case Cairo/Cairo/PROPN/3/obl")
    assert triples(code(mini_dicts, config, place)) == set()


def test_no_event_without_coded_source_and_target_and_unknowns_are_recorded(mini_dicts, config):
    s = sent("Freedonia/Freedonia/PROPN/2/nsubj attacked/attack/VERB/0/root Iran/Iran/PROPN/2/obj",
             entities=[Entity(1, 1, "GPE"), Entity(3, 3, "GPE")])
    result = code(mini_dicts, config, s)
    assert result.events == ()
    assert [(u["text"], u["entity_type"], u["is_argument"]) for u in result.unknown] == [("Freedonia", "GPE", True)]


def test_dated_roles_follow_the_story_date(mini_dicts, config):
    s = sent("Biden/Biden/PROPN/2/nsubj visited/visit/VERB/0/root Egypt/Egypt/PROPN/2/obj")
    assert triples(code(mini_dicts, config, s, date=dt.date(2016, 5, 1))) == {("USAGOV", "EGY", "042")}
    assert triples(code(mini_dicts, config, s, date=dt.date(2019, 5, 1))) == {("USAELI", "EGY", "042")}


def test_the_two_countries_resolve_from_earlier_sentences(mini_dicts, config):
    first = sent("Egypt/Egypt/PROPN/2/nsubj welcomed/welcome/VERB/0/root Iran/Iran/PROPN/2/obj")
    second = sent("The/the/DET/3/det two/two/NUM/3/nummod countries/country/NOUN/4/nsubj "
                  "discussed/discuss/VERB/0/root trade/trade/NOUN/4/obj")
    assert triples(code(mini_dicts, config, first, second)) == {("IRN", "EGY", "040"), ("EGY", "IRN", "040")}


def test_event_noun_between_gives_both_directions(mini_dicts, config):
    s = sent("Discussions/discussion/NOUN/4/nsubj have/have/AUX/4/aux taken/take/VERB/0/root place/place/NOUN/3/obj "
             "between/between/ADP/6/case Egypt/Egypt/PROPN/3/obl and/and/CCONJ/8/cc Iran/Iran/PROPN/6/conj")
    s = sent("Discussions/discussion/NOUN/3/nsubj have/have/AUX/3/aux taken/take/VERB/0/root place/place/NOUN/3/obj "
             "between/between/ADP/6/case Egypt/Egypt/PROPN/3/obl and/and/CCONJ/8/cc Iran/Iran/PROPN/6/conj")
    assert triples(code(mini_dicts, config, s)) == {("EGY", "IRN", "040"), ("IRN", "EGY", "040")}


def test_no_duplicate_triples_within_a_sentence(mini_dicts, config):
    s = sent("Iran/Iran/PROPN/2/nsubj met/meet/VERB/0/root Egypt/Egypt/PROPN/2/obj and/and/CCONJ/5/cc "
             "met/meet/VERB/2/conj Egypt/Egypt/PROPN/5/obj")
    events = code(mini_dicts, config, s).events
    keys = [(e["source"], e["target"], e["cameo_code"]) for e in events]
    assert len(keys) == len(set(keys)) == 2


def test_event_row_carries_provenance_and_codebook_fields(mini_dicts, config):
    s = sent("Iran/Iran/PROPN/2/nsubj attacked/attack/VERB/0/root Iraq/Iraq/PROPN/2/obj")
    (row,) = code(mini_dicts, config, s).events
    assert row["cameo_code"] == "190" and row["cameo_root"] == "19" and row["quad_class"] == 4
    assert row["goldstein"] == -10.0 and row["plover_type"] == "ASSAULT"
    assert row["source_tokens"] == [1] and row["target_tokens"] == [3] and row["verb_tokens"] == [2]
    assert row["pattern"].endswith("mini_verbs.txt:10") and row["source_entries"][0].endswith("mini_actors.txt:2")
    assert row["sentence"] == "Iran attacked Iraq" and row["doc_id"] == "d1" and row["sentence_id"] == 0


def test_curly_apostrophes_and_accents_match_the_dictionary(mini_dicts, config):
    # "Iranian chargé d’affaires visited Israel": the dictionary writes "charge d'affaires"
    s = sent("Iranian/Iranian/ADJ/2/amod chargé/chargé/NOUN/4/nsubj d’affaires/d’affaires/NOUN/2/flat "
             "visited/visit/VERB/0/root Israel/Israel/PROPN/4/obj")
    assert triples(code(mini_dicts, config, s)) == {("IRNGOV", "ISR", "042")}


def test_coordinated_country_adjectives_give_one_actor_each(mini_dicts, config):
    # "Egyptian and Iranian officials held talks": both directions, one actor per country
    s = sent("Egyptian/Egyptian/ADJ/4/amod and/and/CCONJ/3/cc Iranian/Iranian/ADJ/1/conj officials/official/NOUN/5/nsubj "
             "held/hold/VERB/0/root talks/talk/NOUN/5/obj")
    result = code(mini_dicts, config, s)
    assert triples(result) == {("EGYGOV", "IRNGOV", "040"), ("IRNGOV", "EGYGOV", "040")}
    assert {e["source_text"] for e in result.events} == {"Egyptian officials", "Iranian officials"}


def test_null_pattern_blocks_the_general_one(mini_dicts, config, codebook):
    from coder.dictset import load_dictionary_set
    from conftest import DATA

    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as tmp:
        extra = pathlib.Path(tmp) / "null.txt"
        extra.write_text("---  attack  object=problem  target=obj\n")
        dicts = load_dictionary_set([DATA / "mini_actors.txt"], [DATA / "mini_verbs.txt", extra], codebook)
    s = sent("Iran/Iran/PROPN/2/nsubj attacked/attack/VERB/0/root the/the/DET/4/det problem/problem/NOUN/2/obj "
             "with/with/ADP/6/case Iraq/Iraq/PROPN/2/obl")
    assert code_document(doc(s), dicts, config).events == ()
    s2 = sent("Iran/Iran/PROPN/2/nsubj attacked/attack/VERB/0/root Iraq/Iraq/PROPN/2/obj")
    assert triples(code_document(doc(s2), dicts, config)) == {("IRN", "IRQ", "190")}


def test_pronoun_subject_of_reported_speech_is_the_speaker(mini_dicts, config):
    # "Russia said it would not provide support to Syria"
    s = sent("Russia/Russia/PROPN/2/nsubj said/say/VERB/0/root it/it/PRON/6/nsubj would/would/AUX/6/aux "
             "not/not/PART/6/advmod/Polarity=Neg provide/provide/VERB/2/ccomp support/support/NOUN/6/obj "
             "to/to/ADP/9/case Syria/Syria/PROPN/6/obl")
    assert triples(code(mini_dicts, config, s)) == {("RUS", "SYR", "121")}
    # a pronoun outside reported speech stays unresolved
    s2 = sent("It/it/PRON/2/nsubj attacked/attack/VERB/0/root Iraq/Iraq/PROPN/2/obj")
    assert triples(code(mini_dicts, config, s2)) == set()
