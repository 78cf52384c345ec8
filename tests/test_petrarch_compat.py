"""coder's own pattern format and PETRARCH pattern basics, each on a hand-built sentence.

coder's format: required phrases (``prep=``), subject nouns (``subject=``), paired codes (``reverse=``),
``among``, ``nested``, ``skip``, slot alternatives (``obj|pp``), multiword objects, titles and shared
countries, and the unknown actor ``---``. PETRARCH's format: how its verb patterns translate into coder's
and how they match (null patterns, lemma fallback, synonym sets, second objects, adverb objects).
PETRARCH's reading of clauses is in test_petrarch_clauses.py, of noun phrases and actors in
test_petrarch_noun_phrases.py. Dictionaries are written here; nothing is read from ../shared.
"""

from __future__ import annotations

import dataclasses

import pytest

from coder.dictionary_base import DictionaryError
from coder.validation import petrarch_config
from helpers import ACTORS, CONFIG, code, coder_dicts, petrarch


# -- coder's format: prep=, subject=, reverse=, among, nested, skip, slot alternatives -------------

IRAN_WITHDREW = ("Iran/Iran/PROPN/2/nsubj withdrew/withdraw/VERB/0/root from/from/ADP/4/case Iraq/Iraq/PROPN/2/obl "
                 "to/to/ADP/7/case the/the/DET/7/det {}/{}/NOUN/2/obl")


def test_required_phrase_with_words(tmp_path):
    d = coder_dicts(tmp_path, "080 withdraw target=from\n036 withdraw target=from prep=to:border|frontier\n")
    assert code(d, IRAN_WITHDREW.format("border", "border")) == {("IRN", "IRQ", "036")}
    assert code(d, IRAN_WITHDREW.format("city", "city")) == {("IRN", "IRQ", "080")}
    (p,) = [p for p in d.verbs.for_verb("withdraw") if p.preps]
    assert p.preps == (("to", frozenset({"border", "frontier"})),) and p.specificity == 4


def test_required_phrase_without_words_and_as_a_clause(tmp_path):
    d = coder_dicts(tmp_path, "050 agree target=obj\n030 agree prep=with target=with\n"
                              "024 agree prep=to:settle target=with\n")
    assert code(d, "Iran/Iran/PROPN/2/nsubj agreed/agree/VERB/0/root with/with/ADP/4/case Egypt/Egypt/PROPN/2/obl"
                ) == {("IRN", "EGY", "030")}
    spec = ("Iran/Iran/PROPN/2/nsubj agreed/agree/VERB/0/root with/with/ADP/4/case Egypt/Egypt/PROPN/2/obl "
            "to/to/PART/6/mark settle/settle/VERB/2/xcomp")
    assert code(d, spec) == {("IRN", "EGY", "024")}  # "agreed with Egypt to settle": the clause is the phrase


@pytest.mark.parametrize("line, problem", [
    ("036 withdraw prep=2x", "bad preposition"),
    ("036 withdraw prep=to:", "a ':' must be followed"),
    ("036 withdraw subject=", "needs a value"),
    ("036 withdraw target=obj|x!", "bad slot"),
    ("036 withdraw reverse=4x4x4x4", "bad reverse code"),
    ("036 withdraw among=yes", "is a flag"),
])
def test_loader_reports_bad_keys_with_file_and_line(tmp_path, line, problem):
    with pytest.raises(DictionaryError) as err:
        coder_dicts(tmp_path, "# comment\n" + line + "\n")
    assert problem in str(err.value) and "v.txt:2" in str(err.value)


def test_subject_noun_and_its_possessor(tmp_path):
    d = coder_dicts(tmp_path, "190 rise subject=death_toll source=subj|subj.poss target=pp nested\n")
    spec = ("Iran/Iran/PROPN/4/nmod:poss 's/'s/PART/1/case death/death/NOUN/4/compound toll/toll/NOUN/5/nsubj "
            "rose/rise/VERB/0/root in/in/ADP/8/case the/the/DET/8/det dispute/dispute/NOUN/5/obl "
            "with/with/ADP/10/case Iraq/Iraq/PROPN/8/nmod")
    assert code(d, spec) == {("IRN", "IRQ", "190")}
    # "death and injury toll": a coordinated modifier stands in for the one it is joined to
    spec2 = ("Iran/Iran/PROPN/6/nmod:poss 's/'s/PART/1/case death/death/NOUN/6/compound and/and/CCONJ/5/cc "
             "injury/injury/NOUN/3/conj toll/toll/NOUN/7/nsubj rose/rise/VERB/0/root with/with/ADP/9/case "
             "Iraq/Iraq/PROPN/7/obl")
    assert code(d, spec2) == {("IRN", "IRQ", "190")}
    assert code(d, spec.replace("death/death", "tax/tax")) == set()


def test_paired_code_and_surface_form_before_lemma(tmp_path):
    d = coder_dicts(tmp_path, "012 leave target=obj\n042 left target=for reverse=043\n",
                    ACTORS + "adjective EGY = Egyptian\n")
    spec = ("the/the/DET/3/det Egyptian/Egyptian/ADJ/3/amod official/official/NOUN/4/nsubj left/leave/VERB/0/root "
            "for/for/ADP/6/case Iran/Iran/PROPN/4/obl")
    assert code(d, spec) == {("EGYGOV", "IRN", "042"), ("IRN", "EGYGOV", "043")}  # LEFT, not LEAVE


def test_slot_alternatives_and_skipped_phrases(tmp_path):
    spec = ("Iran/Iran/PROPN/2/nsubj celebrated/celebrate/VERB/0/root Eid/Eid/PROPN/2/obj at/at/ADP/5/case "
            "Egypt/Egypt/PROPN/2/obl with/with/ADP/7/case Syria/Syria/PROPN/2/obl")
    first = coder_dicts(tmp_path, "017 celebrate target=obj|pp\n")
    assert code(first, spec) == {("IRN", "EGY", "017")}  # Eid codes nothing; the first phrase with an actor
    skipping = coder_dicts(tmp_path, "017 celebrate target=obj|pp skip=at\n")
    assert code(skipping, spec) == {("IRN", "SYR", "017")}
    both = coder_dicts(tmp_path, "017 celebrate target=at,with\n")
    assert code(both, spec) == {("IRN", "EGY", "017"), ("IRN", "SYR", "017")}


def test_complement_subject_slot(tmp_path):
    d = coder_dicts(tmp_path, "080 allow target=comp\n190 attack target=obj\n")
    place = ("Iran/Iran/PROPN/2/nsubj allowed/allow/VERB/0/root that/that/SCONJ/8/mark Iraq/Iraq/PROPN/8/nsubj "
             "is/be/AUX/8/cop a/a/DET/8/det pleasant/pleasant/ADJ/8/amod place/place/NOUN/2/ccomp")
    assert code(d, place) == {("IRN", "IRQ", "080")}
    coded = ("Iran/Iran/PROPN/2/nsubj allowed/allow/VERB/0/root that/that/SCONJ/5/mark Iraq/Iraq/PROPN/5/nsubj "
             "attacked/attack/VERB/2/ccomp Syria/Syria/PROPN/5/obj")
    assert code(d, coded) == {("IRQ", "SYR", "190")}  # the complement codes itself: no IRN -> IRQ 080


def test_among_requires_a_compound_subject(tmp_path):
    d = coder_dicts(tmp_path, "120 postpone target=obj\n120 postpone among target=obj\n")
    pair = ("Iran/Iran/PROPN/4/nsubj and/and/CCONJ/3/cc Egypt/Egypt/PROPN/1/conj postponed/postpone/VERB/0/root "
            "their/their/PRON/6/nmod:poss meeting/meeting/NOUN/4/obj")
    assert code(d, pair) == {("IRN", "EGY", "120"), ("EGY", "IRN", "120")}
    (among,) = [p for p in d.verbs.for_verb("postpone") if p.among]
    assert among.specificity == 2 and d.verbs.for_verb("postpone")[0] is among


def test_nested_noun_phrases(tmp_path):
    spec = ("Iran/Iran/PROPN/2/nsubj welcomed/welcome/VERB/0/root the/the/DET/4/det resumption/resumption/NOUN/2/obj "
            "of/of/ADP/6/case ties/tie/NOUN/4/nmod with/with/ADP/8/case Egypt/Egypt/PROPN/6/nmod")
    assert code(coder_dicts(tmp_path, "050 welcome target=obj\n"), spec) == set()
    assert code(coder_dicts(tmp_path, "050 welcome target=obj nested\n"), spec) == {("IRN", "EGY", "050")}
    leaders = "Iran/Iran/PROPN/2/nsubj met/meet/VERB/0/root Egypt/Egypt/PROPN/4/compound leaders/leader/NOUN/2/obj"
    assert code(coder_dicts(tmp_path, "040 meet target=obj\n"), leaders) == set()
    assert code(coder_dicts(tmp_path, "040 meet target=obj nested\n"), leaders) == {("IRN", "EGY", "040")}


def test_multiword_objects_end_at_the_head(tmp_path):
    d = coder_dicts(tmp_path, "1121 abandon target=with\n080 abandon object=diplomatic_ties target=with\n"
                              "1951 abandon object=new_economic_relations target=with\n")
    spec = ("Iran/Iran/PROPN/2/nsubj abandoned/abandon/VERB/0/root {}/{}/ADJ/6/amod {}/{}/ADJ/6/amod "
            "{}/{}/ADJ/6/amod {}/{}/NOUN/2/obj with/with/ADP/8/case Iraq/Iraq/PROPN/2/obl")
    assert code(d, spec.format("a", "a", "full", "full", "diplomatic", "diplomatic", "ties", "tie")) == \
        {("IRN", "IRQ", "080")}
    assert code(d, spec.format("new", "new", "global", "global", "economic", "economic", "relations", "relation")) == \
        {("IRN", "IRQ", "1951")}
    assert code(d, spec.format("new", "new", "economic", "economic", "trade", "trade", "relations", "relation")) == \
        {("IRN", "IRQ", "1121")}  # "economic trade relations" is not "economic relations"


def test_longer_match_wins_between_equals(tmp_path):
    d = coder_dicts(tmp_path, "&CUR = florin; dollar\n070 contribute object=&CUR target=to\n"
                              "190 contribute object=gold_florin target=to\n")
    florin = ("Iran/Iran/PROPN/2/nsubj contributed/contribute/VERB/0/root florin/florin/NOUN/2/obj "
              "to/to/ADP/5/case Iraq/Iraq/PROPN/2/obl")
    assert code(d, florin) == {("IRN", "IRQ", "070")}
    gold = ("Iran/Iran/PROPN/2/nsubj contributed/contribute/VERB/0/root gold/gold/NOUN/4/compound "
            "florin/florin/NOUN/2/obj to/to/ADP/6/case Iraq/Iraq/PROPN/2/obl")
    assert code(d, gold) == {("IRN", "IRQ", "190")}


def test_open_question_and_passive_governor(tmp_path):
    d = coder_dicts(tmp_path, "040 meet target=obj symmetric\n")
    whether = ("Egypt/Egypt/PROPN/4/nsubj would/would/AUX/4/aux not/not/PART/4/advmod say/say/VERB/0/root "
               "whether/whether/SCONJ/7/mark it/it/PRON/7/nsubj met/meet/VERB/4/ccomp Iran/Iran/PROPN/7/obj")
    assert code(d, whether) == set()
    scheduled = ("Iran/Iran/PROPN/3/nsubj:pass is/be/AUX/3/aux:pass scheduled/schedule/VERB/0/root "
                 "to/to/PART/5/mark meet/meet/VERB/3/xcomp Egypt/Egypt/PROPN/5/obj")
    assert code(d, scheduled) == {("IRN", "EGY", "040"), ("EGY", "IRN", "040")}


# -- coder's format: titles, shared countries, the unknown actor -----------------------------------

def test_title_before_a_name_and_shared_country(tmp_path):
    d = coder_dicts(tmp_path, "040 meet target=obj\n130 warn target=obj\n")
    telemar = ("Prime/Prime/PROPN/2/compound Minister/Minister/PROPN/3/compound Telemar/Telemar/PROPN/4/nsubj "
               "met/meet/VERB/0/root Iran/Iran/PROPN/4/obj")
    assert code(d, telemar) == {("DAGGOV", "IRN", "040")}
    danish = ("Danish/Danish/ADJ/2/amod media/media/NOUN/5/nsubj and/and/CCONJ/4/cc government/government/NOUN/2/conj "
              "warned/warn/VERB/0/root Iran/Iran/PROPN/5/obj")
    assert code(d, danish) == {("DNKMED", "IRN", "130"), ("DNKGOV", "IRN", "130")}
    secretary = ("the/the/DET/3/det US/US/PROPN/3/compound Secretary/Secretary/PROPN/6/nsubj of/of/ADP/5/case "
                 "State/State/PROPN/3/nmod met/meet/VERB/0/root Iran/Iran/PROPN/6/obj")
    assert code(d, secretary) == {("USAGOV", "IRN", "040")}


def test_unknown_actor_only_when_configured(tmp_path):
    d = coder_dicts(tmp_path, "111 criticize target=obj\n")
    spec = "Congress/Congress/PROPN/2/nsubj criticized/criticize/VERB/0/root Iran/Iran/PROPN/2/obj"
    assert code(d, spec) == set()  # coder's rule: no event without coded actors
    assert code(d, spec, dataclasses.replace(CONFIG, unknown_actor="---")) == {("---LEG", "IRN", "111")}


# -- PETRARCH verb patterns: translation and matching ----------------------------------------------

VERBS = """\
--- ACT [100] ---
ACT
- * (ON RESOLUTION)  [057]
--- RISEN [---] ---
RISE
- {DEATH TOLL} * [190]
--- LEFT [042:043] ---
LEFT [042:043]
--- LEAVE [012] ---
LEAVE
--- DELAY [120] ---
DELAY
- % * [120]
--- APPROVE [080] ---
APPROVE
- * BUDGET [---]
--- CELEBRATE [051] ---
CELEBRATE
- * EID (AT ^) (WITH +) [017]
"""


def test_petrarch_patterns_translate(tmp_path):
    d = petrarch(tmp_path, VERBS)
    on = [p for p in d.verbs.for_verb("act") if p.preps]
    assert [(p.code, p.preps) for p in on] == [("057", (("on", frozenset({"resolution"})),))]
    assert on[0].target == ("obj|iobj|pp|comp",) and on[0].source == ("agent",) and on[0].nested
    (toll,) = d.verbs.for_verb("rise")
    assert toll.subjects == frozenset({"deathtoll"}) and toll.source == ("agent|subj.poss",)
    (left,) = d.verbs.for_verb("left")
    assert (left.code, left.reverse) == ("042", "043")
    assert any(p.among for p in d.verbs.for_verb("delay"))
    assert [p.code for p in d.verbs.for_verb("approve") if p.objects] == ["---"]  # a null pattern
    (eid,) = [p for p in d.verbs.for_verb("celebrate") if p.objects]
    assert eid.skip == ("at",) and eid.target == ("with",) and ("at", None) in eid.preps


def test_petrarch_patterns_code(tmp_path):
    d = petrarch(tmp_path, VERBS)
    acted = ("Iran/Iran/PROPN/2/nsubj acted/act/VERB/0/root on/on/ADP/5/case a/a/DET/5/det "
             "resolution/resolution/NOUN/2/obl with/with/ADP/7/case Iraq/Iraq/PROPN/5/nmod")
    assert code(d, acted) == {("IRN", "IRQ", "057")}  # the target inside the required phrase
    left = "Iran/Iran/PROPN/2/nsubj left/leave/VERB/0/root for/for/ADP/4/case Iraq/Iraq/PROPN/2/obl"
    assert code(d, left) == {("IRN", "IRQ", "042"), ("IRQ", "IRN", "043")}
    budget = "Iran/Iran/PROPN/2/nsubj approved/approve/VERB/0/root the/the/DET/4/det budget/budget/NOUN/2/obj"
    assert code(d, budget) == set()
    eid = ("Iran/Iran/PROPN/2/nsubj celebrated/celebrate/VERB/0/root Eid/Eid/PROPN/2/obj at/at/ADP/5/case "
           "Egypt/Egypt/PROPN/2/obl with/with/ADP/7/case Syria/Syria/PROPN/2/obl")
    assert code(d, eid) == {("IRN", "SYR", "017")}
    delayed = ("Iran/Iran/PROPN/4/nsubj and/and/CCONJ/3/cc Iraq/Iraq/PROPN/1/conj delayed/delay/VERB/0/root "
               "their/their/PRON/6/nmod:poss meeting/meeting/NOUN/4/obj")
    assert code(d, delayed) == {("IRN", "IRQ", "120"), ("IRQ", "IRN", "120")}


def test_verb_with_a_wrong_lemma_is_looked_up_by_its_form(tmp_path):
    d = petrarch(tmp_path, "--- JAIL [173] ---\nJAIL\n")
    # the tagger lemmatised "jailed" as "jaile"; PETRARCH matches the inflected form of JAIL
    spec = "Iran/Iran/PROPN/2/nsubj jailed/jaile/VERB/0/root Iraq/Iraq/PROPN/2/obj"
    assert code(d, spec) == {("IRN", "IRQ", "173")}
    assert code(d, spec.replace("VERB", "NOUN")) == set()  # only verbs: a noun's lemma is trusted


def test_a_named_word_beats_a_synonym_set_that_matches_as_much(tmp_path):
    verbs = ("&WEAPON\n+MISSILE\n+ROCKET\n\n--- BLOW_UP [190] ---\nDOWN\n- &WEAPON * [183]\n"
             "- MISSILE * [194]\n")
    d = petrarch(tmp_path, verbs)
    spec = ("Iran/Iran/PROPN/3/nmod:poss 's/'s/PART/1/case {0}/{0}/NOUN/4/nsubj downed/down/VERB/0/root "
            "Iraq/Iraq/PROPN/4/obj")
    assert code(d, spec.format("missile")) == {("IRN", "IRQ", "194")}  # MISSILE itself, though &WEAPON is first
    assert code(d, spec.format("rocket")) == {("IRN", "IRQ", "183")}


def test_second_object_is_the_target_of_an_object_pattern(tmp_path):
    verbs = "--- WIRE [170] ---\nWIRE\n- * TAP  [172]\n"
    d = petrarch(tmp_path, verbs)
    # "Iran wired tap the links leading into Iraq": the parser gives "wire" two objects; the pattern's
    # word takes the first, and the second (PETRARCH's next noun phrase) holds the target
    spec = ("Iran/Iran/PROPN/2/nsubj wired/wire/VERB/0/root tap/tap/NOUN/2/obj the/the/DET/5/det "
            "links/link/NOUN/2/obj leading/lead/VERB/5/acl into/into/ADP/8/case Iraq/Iraq/PROPN/6/obl")
    assert code(d, spec) == {("IRN", "IRQ", "172")}
    # negated, the code is the PICO table's negation of the pattern's (here 172 - 0xFFFF = 057)
    nd = petrarch(tmp_path, verbs, "057:0x0087\n170:0x9000\n172:0x10086\n")
    negated = ("Iran/Iran/PROPN/3/nsubj not/not/PART/3/advmod wire/wire/VERB/0/root tap/tap/NOUN/3/obj "
               "the/the/DET/6/det links/link/NOUN/3/obj leading/lead/VERB/6/acl into/into/ADP/9/case "
               "Iraq/Iraq/PROPN/7/obl")
    assert code(nd, negated) == {("IRN", "IRQ", "057")}
    # a single object stays the object: the pattern's word, no target in it
    assert code(d, "Iran/Iran/PROPN/2/nsubj wired/wire/VERB/0/root tap/tap/NOUN/2/obj") == set()


def test_adverb_right_after_the_verb_matches_an_object_word(tmp_path):
    """"Iran expressed sorrow for the attacks in Iraq", "sorrow" tagged ADV: PETRARCH's verb phrase
    holds the word, so ``- * SORROW [018]`` matches; the target is the phrase's actor."""
    d = petrarch(tmp_path, "--- EXPRESS [110] ---\nEXPRESS\n- * SORROW  [018]\n")
    spec = ("Iran/Iran/PROPN/2/nsubj expressed/express/VERB/0/root sorrow/sorrow/ADV/2/advmod "
            "for/for/ADP/6/case the/the/DET/6/det attacks/attack/NOUN/2/obl in/in/ADP/8/case Iraq/Iraq/PROPN/6/nmod")
    cfg = petrarch_config(CONFIG)
    assert cfg.adverb_objects
    assert code(d, spec, cfg) == {("IRN", "IRQ", "018")}
    assert code(d, spec, dataclasses.replace(cfg, adverb_objects=False)) == {("IRN", "IRQ", "110")}
    # an adverb that does not follow the verb directly is no object: "Iran sorrow expressed ..."
    later = ("Iran/Iran/PROPN/3/nsubj sorrow/sorrow/ADV/3/advmod expressed/express/VERB/0/root "
             "for/for/ADP/6/case the/the/DET/6/det attacks/attack/NOUN/3/obl in/in/ADP/8/case Iraq/Iraq/PROPN/6/nmod")
    assert code(d, later, cfg) == {("IRN", "IRQ", "110")}
