"""PETRARCH's reading of verb phrases and clauses, each on a hand-built sentence.

Verb-over-verb combination with a PICO table (nesting, rules, object control, reports), modal and
non-factual verbs, infinitives, participles and gerunds, passives (by-phrases, existential "there"),
subjects of clauses and of lists, and open targets under require_dyad=false. Dictionaries are written
here, in PETRARCH's format (coder's where compared); nothing is read from ../shared.
"""

from __future__ import annotations

import dataclasses

from coder.petrarch import load_petrarch_files
from coder.validation import petrarch_config
from helpers import ACTORS, CONFIG, PETRARCH_ACTORS, PETRARCH_AGENTS, code, coder_dicts, petrarch, write


# -- verb over verb: PICO combination, rules, object control, modal and non-factual verbs ----------

PICO = """\
010:0x1000
020:0x2000
023:0x2040
030:0x3000
033:0x3040
060:0x0070
070:0x0040
112:0x70a0
121:-0xFFFF+0x0070
190:0x00A0
"""


NEST_VERBS = """\
--- WANT [030] ---
WANT
--- HELP [070] ---
HELP
--- ATTACK [190] ---
ATTACK
--- SAY [010] ---
SAY {SAID}
--- NOTE [010] ---
NOTE
--- CRITICIZE [111] ---
CRITICIZE
--- ASK [020] ---
ASK
--- PROVIDE [060] ---
PROVIDE
~ a (b . ATTACK) SAY = a b 112
"""


WANTS_TO = ("Iran/Iran/PROPN/2/nsubj wants/want/VERB/0/root to/to/PART/4/mark {}/{}/VERB/2/xcomp "
            "Syria/Syria/PROPN/4/obj")


def test_combination_needs_a_table(tmp_path):
    plain = petrarch(tmp_path, NEST_VERBS)
    assert code(plain, WANTS_TO.format("help", "help")) == set()  # "wants to help": hypothetical in coder
    d = petrarch(tmp_path, NEST_VERBS, PICO)
    assert code(d, WANTS_TO.format("help", "help")) == {("IRN", "SYR", "033")}
    assert code(d, WANTS_TO.format("attack", "attack")) == {("IRN", "SYR", "138")}  # 0x30A0: "want to attack"


def test_negation_through_the_table(tmp_path):
    d = petrarch(tmp_path, NEST_VERBS, PICO)
    spec = ("Iran/Iran/PROPN/2/nsubj said/say/VERB/0/root it/it/PRON/6/nsubj would/would/AUX/6/aux "
            "not/not/PART/6/advmod provide/provide/VERB/2/ccomp aid/aid/NOUN/6/obj to/to/ADP/9/case "
            "Syria/Syria/PROPN/6/obl")
    assert code(d, spec) == {("IRN", "SYR", "121")}


def test_rules_other_subject_and_object_control(tmp_path):
    d = petrarch(tmp_path, NEST_VERBS, PICO)
    said = ("Iran/Iran/PROPN/2/nsubj said/say/VERB/0/root Iraq/Iraq/PROPN/4/nsubj {}/{}/VERB/2/ccomp "
            "Syria/Syria/PROPN/4/obj")
    assert code(d, said.format("attacked", "attack")) == {("IRN", "IRQ", "112")}  # ~ a (b . ATTACK) SAY
    noted = said.replace("said/say", "noted/note")
    assert code(d, noted.format("criticized", "criticize")) == {("IRN", "IRQ", "010")}
    asked = ("Iran/Iran/PROPN/2/nsubj asked/ask/VERB/0/root Iraq/Iraq/PROPN/2/obj to/to/PART/5/mark "
             "help/help/VERB/2/xcomp Syria/Syria/PROPN/5/obj")
    assert code(d, asked) == {("IRN", "IRQ", "023")}


def test_object_control_complement_without_target_replaces_the_verbs_event(tmp_path):
    """"Iran wants Iraq to help": the complement codes (070) but names no target; PETRARCH codes the
    combination (Iran -> [Iraq help ?]), which has no target, so "want" codes nothing against Iraq. With a
    target the combination stands ("asked Iraq to help Syria"); an uncoded complement leaves the verb's own."""
    d = petrarch(tmp_path, NEST_VERBS, PICO)
    spec = ("Iran/Iran/PROPN/2/nsubj wants/want/VERB/0/root Iraq/Iraq/PROPN/2/obj to/to/PART/5/mark "
            "{}/{}/VERB/2/xcomp")
    assert code(d, spec.format("help", "help")) == set()
    assert code(d, spec.format("relax", "relax")) == {("IRN", "IRQ", "030")}  # no verb of the dictionary
    plain = petrarch(tmp_path, NEST_VERBS)  # without a table coder's own reading stays
    assert code(plain, spec.format("help", "help"), petrarch_config(CONFIG)) == {("IRN", "IRQ", "030")}


def test_reported_event_without_target_is_part_of_the_report(tmp_path):
    """"Iran alleged that Iraq was aware of it, and that Syria contributed": the report has its own
    target (Iraq, the complement's subject); "contributed", which finds no target, is part of the report
    and neither adds a ``---`` event nor replaces the report's target with its subject."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- ACCUSE [112] ---\nALLEGE\n\n"
                                                            "--- GRANT [060] ---\nCONTRIBUTE [070]\n"),
                             actors=write(tmp_path, "a.txt", "IRAN [IRN]\nIRAQ [IRQ]\nSYRIA [SYR]\n"),
                             pico=write(tmp_path, "pico.txt", PICO))
    cfg = dataclasses.replace(petrarch_config(CONFIG), unknown_actor="---")
    spec = ("Iran/Iran/PROPN/2/nsubj alleged/allege/VERB/0/root that/that/SCONJ/6/mark Iraq/Iraq/PROPN/6/nsubj "
            "was/be/VERB/6/cop aware/aware/ADJ/2/ccomp and/and/CCONJ/10/cc that/that/SCONJ/10/mark "
            "Syria/Syria/PROPN/10/nsubj contributed/contribute/VERB/6/conj")
    assert code(ps.dicts, spec, cfg) == {("IRN", "IRQ", "112")}
    alone = ("Syria/Syria/PROPN/2/nsubj contributed/contribute/VERB/0/root")
    assert code(ps.dicts, alone, cfg) == {("SYR", "---", "070")}  # at the top: the open target


def test_petrarch_config_codes_modal_verbs(tmp_path):
    d = petrarch(tmp_path, NEST_VERBS)
    spec = "Iran/Iran/PROPN/3/nsubj would/would/AUX/3/aux criticize/criticize/VERB/0/root Iraq/Iraq/PROPN/3/obj"
    assert code(d, spec) == set()
    cfg = petrarch_config(CONFIG)
    assert cfg.stack_agents and not cfg.modals and cfg.unknown_actor is None
    assert code(d, spec, cfg) == {("IRN", "IRQ", "111")}


def test_run_validation_codes_petrarch_sets_the_petrarch_way(tmp_path):
    from coder.petrarch import load_petrarch_files as load
    from coder.validation import read_validation, run_validation

    pset = load(verbs=write(tmp_path, "v.txt", NEST_VERBS), actors=write(tmp_path, "a.txt", PETRARCH_ACTORS),
                agents=write(tmp_path, "g.txt", PETRARCH_AGENTS))
    conllu = "\n".join("\t".join(row) for row in [
        ("1", "Congress", "Congress", "PROPN", "NNP", "_", "3", "nsubj", "_", "_"),
        ("2", "would", "would", "AUX", "MD", "_", "3", "aux", "_", "_"),
        ("3", "criticize", "criticize", "VERB", "VB", "_", "0", "root", "_", "_"),
        ("4", "Iraq", "Iraq", "PROPN", "NNP", "_", "3", "obj", "_", "_")])
    text = f"""<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<Sentence id="R1" date="20150101" category="X" evaluate="true">
<EventCoding sourcecode="---LEG" targetcode="IRQ" eventcode="111"/>
<Text>Congress would criticize Iraq</Text>
<Parse>
{conllu}
</Parse>
</Sentence>
</Sentences></Validation>
"""
    vfile = read_validation(text.splitlines(keepends=True))
    assert run_validation(vfile, pset, allow_unknown_actor="---").passed == 1
    assert run_validation(vfile, pset, allow_unknown_actor="---", petrarch=False).passed == 0  # "would"
    assert run_validation(vfile, pset).passed == 0  # no unknown actor: no source


def test_petrarch_config_codes_clauses_under_non_factual_verbs(tmp_path):
    d = petrarch(tmp_path, NEST_VERBS)
    # "Iran tried to criticize Iraq": coder reads "try" as making its complement hypothetical;
    # PETRARCH has no such notion and codes the complement ("try" is in no PETRARCH dictionary here)
    spec = ("Iran/Iran/PROPN/2/nsubj tried/try/VERB/0/root to/to/PART/4/mark criticize/criticize/VERB/2/xcomp "
            "Iraq/Iraq/PROPN/4/obj")
    assert code(d, spec) == set()
    cfg = petrarch_config(CONFIG)
    assert not cfg.non_factual_governors
    assert code(d, spec, cfg) == {("IRN", "IRQ", "111")}


# -- the verb phrase as PETRARCH reads it (infinitives, adjective objects, '+ *' in a passive) -----

PHRASE_VERBS = """\
--- SIGN [057] ---
SIGN
- * ACCORD  [056]
--- VOW [170] ---
VOW
- * WAR  [190]
--- MARCH [152] ---
MARCH
--- FREE [080] ---
FREE
- + * (FROM $)  [080]
--- BURN [190] ---
BURN
--- RESTORE [050] ---
RESTORE
"""


def test_infinitive_that_codes_nothing_is_part_of_the_verb_phrase(tmp_path):
    d = petrarch(tmp_path, PHRASE_VERBS)
    signed = ("Iran/Iran/PROPN/2/nsubj signed/sign/VERB/0/root an/a/DET/4/det accord/accord/NOUN/2/obj "
              "to/to/PART/6/mark supply/supply/VERB/2/advcl Iraq/Iraq/PROPN/6/obj")
    assert code(d, signed) == {("IRN", "IRQ", "056")}  # the infinitive's object is the target
    vowed = ("Iran/Iran/PROPN/2/nsubj vowed/vow/VERB/0/root to/to/PART/4/mark wage/wage/VERB/2/advcl "
             "war/war/NOUN/4/obj on/on/ADP/7/case Iraq/Iraq/PROPN/4/obl")
    assert code(d, vowed) == {("IRN", "IRQ", "190")}  # WAR: the infinitive's object; its phrase the target
    # an infinitive that codes itself keeps its words and phrases to itself: "vowed" sees neither WAR
    # nor Iraq (and "to burn" is a purpose clause: hypothetical)
    assert code(d, vowed.replace("wage/wage", "burn/burn")) == set()


def test_phrase_of_an_adjective_object(tmp_path):
    d = petrarch(tmp_path, PHRASE_VERBS)
    marched = ("Iran/Iran/PROPN/2/nsubj marched/march/VERB/0/root close/close/ADJ/2/obj to/to/ADP/6/case "
               "the/the/DET/6/det border/border/NOUN/3/obl with/with/ADP/8/case Iraq/Iraq/PROPN/6/nmod")
    assert code(d, marched) == {("IRN", "IRQ", "152")}  # "marched close to the border with Iraq"


def test_target_before_the_verb_is_the_passive_subject(tmp_path):
    d = petrarch(tmp_path, PHRASE_VERBS)
    (p,) = [p for p in d.verbs.for_verb("free") if p.preps]
    assert p.target == ("gsubj",)
    freed = ("Iraq/Iraq/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass freed/free/VERB/0/root from/from/ADP/5/case "
             "Iran/Iran/PROPN/3/obl")
    assert code(d, freed) == {("IRN", "IRQ", "080")}  # "- + * (FROM $)": '+' is the word before the verb
    active = "Iraq/Iraq/PROPN/2/nsubj freed/free/VERB/0/root from/from/ADP/4/case Iran/Iran/PROPN/2/obl"
    assert code(d, active) == {("IRN", "IRQ", "080")}


def test_verb_conjoined_to_a_noun_inherits_no_subject(tmp_path):
    d = petrarch(tmp_path, PHRASE_VERBS)
    # a misparse of "restore ties with Iraq, after Syrian crowds burned its embassy": "burned" hangs
    # off "Iraq" as a conjunct; it is not controlled by "restore", so Iran is not its subject
    spec = ("Iran/Iran/PROPN/2/nsubj restored/restore/VERB/0/root ties/tie/NOUN/2/obj with/with/ADP/5/case "
            "Iraq/Iraq/PROPN/2/obl after/after/ADP/7/case Syria/Syria/PROPN/8/obl burned/burn/VERB/5/conj "
            "its/its/PRON/10/nmod:poss embassy/embassy/NOUN/8/obj")
    assert ("IRN", "SYR", "190") not in code(d, spec)
    assert ("IRN", "IRQ", "050") in code(d, spec)


def test_object_of_an_infinitive_on_the_matched_object(tmp_path):
    d = petrarch(tmp_path, "--- ABANDON [1121] ---\nABANDON\n- * EFFORT  [080]\n")
    spec = ("Iran/Iran/PROPN/2/nsubj abandoned/abandon/VERB/0/root efforts/effort/NOUN/2/obj to/to/PART/5/mark "
            "stop/stop/VERB/3/acl an/a/DET/8/det Iraq/Iraq/PROPN/8/compound parade/parade/NOUN/5/obj")
    assert code(d, spec) == {("IRN", "IRQ", "080")}  # "abandoned efforts to stop an Iraq parade"


# -- participles and gerunds -----------------------------------------------------------------------

def test_petrarch_config_participle_on_a_noun_has_the_noun_as_subject(tmp_path):
    d = petrarch(tmp_path, "--- BOYCOTT [163] ---\nBOYCOTT\n--- SUPPORT [050] ---\nSUPPORT\n")
    spec = ("Iran/Iran/PROPN/2/nsubj boycotted/boycott/VERB/0/root the/the/DET/4/det parade/parade/NOUN/2/obj "
            "supporting/support/VERB/4/acl/VerbForm=Ger Iraq/Iraq/PROPN/5/obj")
    cfg = petrarch_config(CONFIG)
    assert not cfg.participle_control
    # "boycotted the parade supporting Iraq": the parade supports, not Iran (the boycott's target is Iraq,
    # found in the object's phrase, as PETRARCH reads a noun phrase)
    assert code(d, spec, cfg) == {("IRN", "IRQ", "163")}
    assert code(d, spec) == {("IRN", "IRQ", "163"), ("IRN", "IRQ", "050")}  # coder: the clause's subject


def test_petrarch_config_adverbial_gerund_has_no_subject(tmp_path):
    d = petrarch(tmp_path, "--- BOMBARD [190] ---\nBOMBARD\n--- KILL [190] ---\nKILL\n")
    # "Iran bombarded Iraq overnight, killing Syrian soldiers": PETRARCH codes the bombardment only
    spec = ("Iran/Iran/PROPN/2/nsubj bombarded/bombard/VERB/0/root Iraq/Iraq/PROPN/2/obj ,/,/PUNCT/5/punct "
            "killing/kill/VERB/2/advcl/VerbForm=Ger Syria/Syria/PROPN/5/obj")
    assert code(d, spec, petrarch_config(CONFIG)) == {("IRN", "IRQ", "190")}
    assert code(d, spec) == {("IRN", "IRQ", "190"), ("IRN", "SYR", "190")}  # coder: the clause's subject


def test_phrase_of_a_participle_on_the_object(tmp_path):
    d = petrarch(tmp_path, "--- WELCOME [050] ---\nWELCOME\n- * MEMOS  [092]\n")
    # "Iran welcomed memos sent by Iraq": the participle's phrase is in the object's noun phrase, as in
    # PETRARCH's parse tree, so the pattern that takes the object's word finds its target there
    spec = ("Iran/Iran/PROPN/2/nsubj welcomed/welcome/VERB/0/root memos/memo/NOUN/2/obj "
            "sent/send/VERB/3/acl/VerbForm=Part by/by/ADP/6/case Iraq/Iraq/PROPN/4/obl")
    assert code(d, spec) == {("IRN", "IRQ", "092")}


# -- passives --------------------------------------------------------------------------------------

def test_pre_verb_noun_of_a_passive_clause_is_the_by_phrase(tmp_path):
    # "The Iraqi building was demolished by an Iranian protestor": the deep subject holds the noun
    spec = ("The/the/DET/3/det Iraqi/Iraqi/ADJ/3/amod building/building/NOUN/5/nsubj:pass was/be/AUX/5/aux:pass "
            "demolished/demolish/VERB/0/root by/by/ADP/9/case an/a/DET/9/det Iranian/Iranian/ADJ/9/amod "
            "protestor/protestor/NOUN/5/obl:agent")
    d2 = load_petrarch_files(verbs=write(tmp_path, "v2.txt", "--- DESTROY [190] ---\nDESTROY\nDEMOLISH [1712]\n"
                                                               "- PROTESTOR * [145]\n"),
                             actors=write(tmp_path, "a2.txt", "IRAN [IRN]\n+IRANIAN\nIRAQ [IRQ]\n+IRAQI\n")).dicts
    assert code(d2, spec) == {("IRN", "IRQ", "145")}
    active = ("An/a/DET/3/det Iranian/Iranian/ADJ/3/amod protestor/protestor/NOUN/4/nsubj "
              "demolished/demolish/VERB/0/root the/the/DET/7/det Iraqi/Iraqi/ADJ/7/amod building/building/NOUN/4/obj")
    assert code(d2, active) == {("IRN", "IRQ", "145")}
    other = active.replace("protestor/protestor", "bomb/bomb")
    assert code(d2, other) == {("IRN", "IRQ", "1712")}


def test_passive_subject_is_the_target_of_an_object_word_pattern(tmp_path):
    """``- * &PEOPLE [0841]``: in "The civilians were released by Putin" the pattern's word is the
    passive subject, which PETRARCH-2 reads as the target; the by-phrase is the source, not a target."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "&PEOPLE\n+CIVILIANS\n\n--- RELEASE [080] ---\n"
                                                            "RELEASE [084]\n- * &PEOPLE  [0841]\n"),
                             actors=write(tmp_path, "a.txt", "PUTIN [RUSGOV]\nIRAN [IRN]\n+IRANIAN\n"),
                             agents=write(tmp_path, "g.txt", "CIVILIAN [~CVL]\n"))
    cfg = dataclasses.replace(petrarch_config(CONFIG), unknown_actor="---")
    spec = ("The/the/DET/2/det civilians/civilian/NOUN/4/nsubj:pass were/be/AUX/4/aux:pass "
            "released/release/VERB/0/root by/by/ADP/6/case Putin/Putin/PROPN/4/obl:agent")
    assert code(ps.dicts, spec, cfg) == {("RUSGOV", "---CVL", "0841")}
    iranian = spec.replace("The/the/DET/2/det", "Iranian/Iranian/ADJ/2/amod")
    assert code(ps.dicts, iranian, cfg) == {("RUSGOV", "IRNCVL", "0841")}
    # active: the object's noun phrase is read first (PETRARCH-2's get_lower), so the same event
    active = ("Putin/Putin/PROPN/2/nsubj released/release/VERB/0/root Iranian/Iranian/ADJ/4/amod "
              "civilians/civilian/NOUN/2/obj")
    assert code(ps.dicts, active, petrarch_config(CONFIG)) == {("RUSGOV", "IRNCVL", "0841")}


def test_petrarch_passive_pre_verb_noun_matches_only_by_and_from_phrases(tmp_path):
    """PETRARCH-2 matches a pattern's pre-verb noun in a passive clause against the by/from phrases:
    "a bomb was fired at Iran by Syria" is FIRE's 190, not ``- BOMB * [183]``; "Iran was fired by a
    Syria bomb" matches. coder's own reading also tries the passive subject."""
    d = petrarch(tmp_path, "--- FIRE [190] ---\nFIRE\n- BOMB * [183]\n")
    spec = ("a/a/DET/2/det bomb/bomb/NOUN/4/nsubj:pass was/be/AUX/4/aux:pass fired/fire/VERB/0/root "
            "at/at/ADP/6/case Iran/Iran/PROPN/4/obl by/by/ADP/8/case Syria/Syria/PROPN/4/obl:agent")
    cfg = petrarch_config(CONFIG)
    assert cfg.passive_phrase_subjects
    assert code(d, spec, cfg) == {("SYR", "IRN", "190")}
    assert code(d, spec, dataclasses.replace(cfg, passive_phrase_subjects=False)) == {("SYR", "IRN", "183")}
    by = ("Iran/Iran/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass fired/fire/VERB/0/root by/by/ADP/7/case "
          "a/a/DET/7/det Syria/Syria/PROPN/7/compound bomb/bomb/NOUN/3/obl:agent")
    assert code(d, by, cfg) == {("SYR", "IRN", "183")}


EXISTENTIAL = ("There/there/PRON/2/expl were/be/VERB/0/root Iranian/Iranian/ADJ/4/amod {}/{}/NOUN/5/nsubj "
               "killed/kill/VERB/2/csubj/Mood=Ind|Tense=Past|VerbForm=Fin {}/{}/ADP/7/case Iraq/Iraq/PROPN/5/obl")


def test_existential_there_with_a_past_verb_is_a_passive(tmp_path):
    """"There were Iranian activists killed in Iraq", parsed with "killed" as a finite verb whose
    subject is "activists": PETRARCH-2 rewrites the clause to "activists were killed", a passive (GSR EXIST_1)."""
    actors = load_petrarch_files(verbs=write(tmp_path, "v2.txt", "--- KILL [190] ---\nKILL\n"),
                                 actors=write(tmp_path, "a2.txt", "IRAN [IRN]\n+IRANIAN\nIRAQ [IRQ]\n"),
                                 agents=write(tmp_path, "g2.txt", "ACTIVIST [~OPP]\n")).dicts
    # the activists are the victims; with no by-phrase PETRARCH takes the source from the phrase
    assert code(actors, EXISTENTIAL.format("activists", "activist", "in", "in")) == {("IRQ", "IRNOPP", "190")}
    # coder's own dictionaries: the by-phrase is the agent
    own = coder_dicts(tmp_path, "190 kill\n", ACTORS + "adjective IRN = Iranian\nagent OPP = activist\n")
    assert code(own, EXISTENTIAL.format("activists", "activist", "by", "by")) == {("IRQ", "IRNOPP", "190")}


# -- subjects of clauses, list subjects, open targets under require_dyad=false ---------------------

def test_subject_of_a_finite_clause_read_as_a_phrase_of_the_main_verb(tmp_path):
    d = petrarch(tmp_path, "--- ATTEND [042] ---\nATTEND\n--- PREPARE [030] ---\nPREPARE\n")
    # "The visit came as the Iran leader prepared to attend the Iraq summit": the parser read "as" as a
    # preposition, "the Iran leader" as an obl of "came", and "prepared" as an advcl without a subject;
    # a finite clause has a subject, and it is that phrase, ending right before the verb
    spec = ("The/the/DET/2/det visit/visit/NOUN/3/nsubj came/come/VERB/0/root as/as/ADP/7/case the/the/DET/7/det "
            "Iran/Iran/PROPN/7/compound leader/leader/NOUN/3/obl prepared/prepare/VERB/3/advcl/VerbForm=Fin "
            "to/to/PART/10/mark attend/attend/VERB/8/xcomp/VerbForm=Inf the/the/DET/13/det "
            "Iraq/Iraq/PROPN/13/compound summit/summit/NOUN/10/obj")
    cfg = petrarch_config(CONFIG)  # PETRARCH: "prepared to attend" codes the attending
    assert code(d, spec, cfg) == {("IRN", "IRQ", "042")}
    # "with" is no conjunction: the phrase stays the main verb's, and "prepared" has the visit as subject
    assert code(d, spec.replace("as/as/ADP", "with/with/ADP"), cfg) == set()
    # a participle ("preparing") is no finite clause
    assert code(d, spec.replace("prepared/prepare/VERB/3/advcl/VerbForm=Fin",
                                "preparing/prepare/VERB/3/advcl/VerbForm=Ger"), cfg) == set()
    # the repair holds for coder's own dictionaries too: the leader (of Iran) attends, not the visit
    own = coder_dicts(tmp_path, "190 attack target=obj\n", ACTORS + "agent GOV = leader\n")
    attacked = ("The/the/DET/2/det visit/visit/NOUN/3/nsubj came/come/VERB/0/root as/as/ADP/7/case "
                "the/the/DET/7/det Iran/Iran/PROPN/7/compound leader/leader/NOUN/3/obl "
                "attacked/attack/VERB/3/advcl/VerbForm=Fin Iraq/Iraq/PROPN/8/obj")
    assert code(own, attacked) == {("IRNGOV", "IRQ", "190")}


def test_petrarch_config_codes_a_list_subject_without_target_among_its_members(tmp_path):
    d = petrarch(tmp_path, "--- MEET [040] ---\nMEET\n--- SAY [010] ---\nSAY\n")
    # "Iran, Iraq and Syria met yesterday": no target; PETRARCH codes each member with each, both ways
    spec = ("Iran/Iran/PROPN/6/nsubj ,/,/PUNCT/3/punct Iraq/Iraq/PROPN/1/conj and/and/CCONJ/5/cc "
            "Syria/Syria/PROPN/1/conj met/meet/VERB/0/root yesterday/yesterday/NOUN/6/obl:tmod")
    cfg = petrarch_config(CONFIG)
    assert cfg.among_subjects
    assert code(d, spec, cfg) == {(a, b, "040") for a in ("IRN", "IRQ", "SYR") for b in ("IRN", "IRQ", "SYR")
                                  if a != b}
    assert code(d, spec) == set()  # coder: an event needs a target
    # an object that is no actor leaves the event without a target: "Iran and Iraq met the press"
    press = ("Iran/Iran/PROPN/4/nsubj and/and/CCONJ/3/cc Iraq/Iraq/PROPN/1/conj met/meet/VERB/0/root "
             "the/the/DET/6/det press/press/NOUN/4/obj")
    assert code(d, press, cfg) == {("IRN", "IRQ", "040"), ("IRQ", "IRN", "040")}
    # only cooperation (CAMEO 03-06) is among the members: "Iran and Iraq said on Friday" is no dyad
    said = ("Iran/Iran/PROPN/4/nsubj and/and/CCONJ/3/cc Iraq/Iraq/PROPN/1/conj said/say/VERB/0/root "
            "on/on/ADP/6/case Friday/Friday/PROPN/4/obl")
    assert code(d, said, cfg) == set()


def test_list_subject_among_itself_for_cooperation_codes_of_the_main_clause(tmp_path):
    verbs = ("--- SEEK [030] ---\nSEEK\n--- BOOST [060] ---\nDEEPEN\n--- SAY [010] ---\nSAY\n"
             "--- ENJOY [---] ---\nENJOY\n- * SUPPORT [:050]\n")
    d = petrarch(tmp_path, verbs, "010:0x1000\n030:0x3000\n031:0x3070\n050:0x0030\n060:0x0070\n")
    cfg = petrarch_config(CONFIG)
    # "Iran and Iraq are seeking to deepen a partnership": seek + deepen = 031 (0x3070), no target:
    # PETRARCH-2 codes the members with each other, both ways, for codes 03-06 (AFP0808020675_1)
    seek = ("Iran/Iran/PROPN/5/nsubj and/and/CCONJ/3/cc Iraq/Iraq/PROPN/1/conj are/be/AUX/5/aux "
            "seeking/seek/VERB/0/root to/to/PART/7/mark deepen/deepen/VERB/5/xcomp a/a/DET/9/det "
            "partnership/partnership/NOUN/7/obj")
    assert code(d, seek, cfg) == {("IRN", "IRQ", "031"), ("IRQ", "IRN", "031")}
    # only the sentence's main clause: a reported clause's list ("Egypt said a step enjoyed support from
    # Iran and Iraq") is part of the report, which PETRARCH-2 does not code as a plain event (AFP0808020742_2)
    said = ("Egypt/Egypt/PROPN/2/nsubj said/say/VERB/0/root a/a/DET/4/det step/step/NOUN/5/nsubj "
            "enjoyed/enjoy/VERB/2/ccomp support/support/NOUN/5/obj from/from/ADP/8/case Iran/Iran/PROPN/6/nmod "
            "and/and/CCONJ/10/cc Iraq/Iraq/PROPN/8/conj")
    assert code(d, said, cfg) == set()


def test_open_target_under_require_dyad_false(tmp_path):
    """PETRARCH with require_dyad=false: a main verb with its own subject and no target codes the
    target as the unknown actor ("Iranian opponents protested yesterday in the capital")."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- OPPOSE [120] ---\nPROTEST [140]\n\n"
                                                            "--- SAY [010] ---\nSAY\n"),
                             actors=write(tmp_path, "a.txt", "IRAN [IRN]\n+IRANIAN\nIRAQ [IRQ]\n"))
    cfg = dataclasses.replace(petrarch_config(CONFIG), unknown_actor="---")
    assert not cfg.require_dyad
    spec = ("Iranian/Iranian/ADJ/2/amod opponents/opponent/NOUN/3/nsubj protested/protest/VERB/0/root "
            "yesterday/yesterday/NOUN/3/obl:tmod in/in/ADP/7/case the/the/DET/7/det capital/capital/NOUN/3/obl")
    assert code(ps.dicts, spec, cfg) == {("IRN", "---", "140")}
    # require_dyad=true (a record's <Config>), no unknown actor, or coder's own coding: no event
    assert code(ps.dicts, spec, dataclasses.replace(cfg, require_dyad=True)) == set()
    assert code(ps.dicts, spec, petrarch_config(CONFIG)) == set()
    assert code(ps.dicts, spec) == set()
    # a complement clause of the main verb too ("Iraq said Iran protested")
    said = ("Iraq/Iraq/PROPN/2/nsubj said/say/VERB/0/root Iran/Iran/PROPN/4/nsubj "
            "protested/protest/VERB/2/ccomp")
    assert ("IRN", "---", "140") in code(ps.dicts, said, cfg)
    # not a verb whose subject is inherited from the verb it is conjoined to, not a lower clause
    # (a relative clause), and not a verb whose complement clause holds its report
    conj = ("Iraq/Iraq/PROPN/2/nsubj met/meet/VERB/0/root Iran/Iran/PROPN/2/obj and/and/CCONJ/5/cc "
            "protested/protest/VERB/2/conj")
    assert code(ps.dicts, conj, cfg) == set()
    relcl = ("Iraq/Iraq/PROPN/2/nsubj thanked/thank/VERB/0/root Iranians/Iranian/PROPN/2/obj "
             "who/who/PRON/5/nsubj protested/protest/VERB/3/acl:relcl")
    assert code(ps.dicts, relcl, cfg) == set()
    report = ("Iraq/Iraq/PROPN/2/nsubj said/say/VERB/0/root talks/talk/NOUN/4/nsubj failed/fail/VERB/2/ccomp")
    assert code(ps.dicts, report, cfg) == set()
