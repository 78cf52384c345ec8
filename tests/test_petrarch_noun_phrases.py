"""PETRARCH's reading of noun phrases and actors, each on a hand-built sentence.

Agents (prefix, compound and stacked codes, written plurals, phrase agents, words a pattern used),
names written with THE, titled names shared by namesakes, coordinated names and apposition, and the
noun phrase that holds a source or target. Dictionaries are written here, in PETRARCH's format
(coder's where compared); nothing is read from ../shared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from coder.coding import code_document
from coder.petrarch import load_petrarch_files
from coder.validation import petrarch_config
from helpers import CONFIG, PETRARCH_ACTORS, code, coder_dicts, doc, petrarch, sent, triples, write


# -- agents: prefix, compound, stacked, written plurals, phrase agents, words a pattern used -------

def test_petrarch_agents_prefix_compound_and_stacked(tmp_path):
    d = petrarch(tmp_path, "--- CRITICIZE [111] ---\nCRITICIZE\n")
    subject = "{}/{}/PROPN/2/nsubj criticized/criticize/VERB/0/root Iran/Iran/PROPN/2/obj"
    fm = ("Arnor/Arnor/PROPN/3/nmod:poss foreign/foreign/ADJ/3/amod minister/minister/NOUN/4/nsubj "
          "criticized/criticize/VERB/0/root Iran/Iran/PROPN/4/obj")
    assert code(d, fm) == {("ARNGOVFRM", "IRN", "111")}
    msf = ("MSF/MSF/PROPN/2/compound Arnor/Arnor/PROPN/3/nsubj criticized/criticize/VERB/0/root "
           "Iran/Iran/PROPN/3/obj")
    assert code(d, msf) == {("NGOARN", "IRN", "111")}
    amnesty = ("Amnesty/Amnesty/PROPN/2/compound International/International/PROPN/3/compound "
               "activists/activist/NOUN/4/nsubj criticized/criticize/VERB/0/root Iran/Iran/PROPN/4/obj")
    assert code(d, amnesty) == {("NGM", "IRN", "111")}  # coder keeps an organisation's code
    assert code(d, amnesty, dataclasses.replace(CONFIG, stack_agents=True)) == {("NGMOPP", "IRN", "111")}
    shire = ("the/the/DET/2/det Shire/Shire/PROPN/3/nsubj criticized/criticize/VERB/0/root Iran/Iran/PROPN/3/obj")
    assert code(d, shire) == {("FRO/BIL/SAM", "IRN", "111")}
    assert code(d, subject.format("Congress", "Congress"), dataclasses.replace(CONFIG, unknown_actor="---")) == \
        {("---LEG", "IRN", "111")}


def test_prefix_agent_beside_the_head_agent(tmp_path):
    d = petrarch(tmp_path, "--- CRITICIZE [111] ---\nCRITICIZE\n")
    spec = ("an/a/DET/4/det MSF/MSF/PROPN/4/compound Arnor/Arnor/PROPN/4/compound minister/minister/NOUN/5/nsubj "
            "criticized/criticize/VERB/0/root Iran/Iran/PROPN/5/obj")
    assert code(d, spec) == {("NGOARNGOV", "IRN", "111")}  # "an MSF Arnor minister": NGO~ and ~GOV both apply


def test_agent_with_a_written_plural_gets_no_regular_plural(tmp_path):
    d = load_petrarch_files(verbs=write(tmp_path, "p.verbs.txt", "--- CRITICIZE [111] ---\nCRITICIZE\n"),
                            actors=write(tmp_path, "p.actors.txt", PETRARCH_ACTORS),
                            agents=write(tmp_path, "p.agents.txt", "POLICE {} [~COP]\nMINISTER [~GOV]\n"
                                         "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n")).dicts
    spec = ("Iran/Iran/PROPN/3/nmod:poss 's/'s/PART/1/case {}/{}/NOUN/4/nsubj criticized/criticize/VERB/0/root "
            "Iraq/Iraq/PROPN/4/obj")
    assert code(d, spec.format("police", "police")) == {("IRNCOP", "IRQ", "111")}
    # "POLICE {}": PETRARCH adds no plural, so "polices" is no agent; "ministers" (no braces) is
    assert code(d, spec.format("polices", "polex")) == {("IRN", "IRQ", "111")}
    assert code(d, spec.format("ministers", "minister")) == {("IRNGOV", "IRQ", "111")}
    assert d.actors.lookup("attorneys general") and not d.actors.lookup("attorney generals")


def test_phrase_agents_from_the_attached_phrase(tmp_path):
    """"Iran criticized exiled leaders of Egypt's Muslim Brotherhood": the head's words name no actor,
    so PETRARCH reads the whole phrase: EGY with both agents, in order (EGYOPPMUS)."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- CRITICIZE [111] ---\nCRITICIZE\n"),
                             actors=write(tmp_path, "a.txt", "IRAN [IRN]\nEGYPT [EGY]\n"),
                             agents=write(tmp_path, "g.txt", "EXILED_LEADER [~OPP]\nMUSLIM [~MUS]\n"))
    spec = ("Iran/Iran/PROPN/2/nsubj criticized/criticize/VERB/0/root exiled/exile/VERB/4/amod "
            "leaders/leader/NOUN/2/obj of/of/ADP/9/case Egypt/Egypt/PROPN/9/nmod:poss 's/'s/PART/6/case "
            "Muslim/Muslim/PROPN/9/compound Brotherhood/Brotherhood/PROPN/4/nmod")
    cfg = petrarch_config(CONFIG)
    assert cfg.phrase_agents
    assert code(ps.dicts, spec, cfg) == {("IRN", "EGYOPPMUS", "111")}
    # coder's own reading keeps the head's agent with the attached country
    assert code(ps.dicts, spec, dataclasses.replace(cfg, phrase_agents=False)) == {("IRN", "EGYOPP", "111")}
    # an adjective of the attached phrase is no agent of it: "exiled leaders from military-ruled Egypt"
    ps2 = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- CRITICIZE [111] ---\nCRITICIZE\n"),
                              actors=write(tmp_path, "a.txt", "IRAN [IRN]\nEGYPT [EGY]\n"),
                              agents=write(tmp_path, "g2.txt", "EXILED_LEADER [~OPP]\nMILITARY [~MIL]\n"))
    ruled = ("Iran/Iran/PROPN/2/nsubj criticized/criticize/VERB/0/root exiled/exile/VERB/4/amod "
             "leaders/leader/NOUN/2/obj from/from/ADP/8/case military/military/ADJ/8/amod -ruled/-ruled/ADJ/8/amod "
             "Egypt/Egypt/PROPN/4/nmod")
    assert code(ps2.dicts, ruled, cfg) == {("IRN", "EGYOPP", "111")}


def test_word_a_petrarch_pattern_matched_is_no_agent_of_the_target(tmp_path):
    """PETRARCH marks the noun a pattern matched as used: "clash with activists in an Egyptian square"
    under `- * (WITH ACTIVISTS)` has EGY (from the attached phrase) as target, not EGYOPP (GSR PASSIVE_10)."""
    spec = ("Syrian/Syrian/ADJ/2/amod forces/force/NOUN/3/nsubj clash/clash/VERB/0/root with/with/ADP/5/case "
            "{}/{}/NOUN/3/obl in/in/ADP/9/case the/the/DET/9/det Egyptian/Egyptian/ADJ/9/amod "
            "square/square/NOUN/5/nmod")
    syria = load_petrarch_files(verbs=write(tmp_path, "v2.txt", "--- FIGHT [190] ---\nCLASH\n"
                                                                 "- * (WITH ACTIVISTS) [175:145]\n"),
                                actors=write(tmp_path, "a2.txt", "SYRIA [SYR]\n+SYRIAN\nEGYPT [EGY]\n+EGYPTIAN\n"),
                                agents=write(tmp_path, "g2.txt", "ACTIVIST [~OPP]\n")).dicts
    assert code(syria, spec.format("activists", "activist")) == {("SYR", "EGY", "175"), ("EGY", "SYR", "145")}
    # a noun the pattern did not name keeps its agent: the general `- * WITH` codes EGYOPP
    general = load_petrarch_files(verbs=write(tmp_path, "v3.txt", "--- FIGHT [190] ---\nCLASH\n- * WITH [190:190]\n"),
                                  actors=write(tmp_path, "a2.txt", "SYRIA [SYR]\n+SYRIAN\nEGYPT [EGY]\n+EGYPTIAN\n"),
                                  agents=write(tmp_path, "g2.txt", "ACTIVIST [~OPP]\n")).dicts
    assert ("SYR", "EGYOPP", "190") in code(general, spec.format("activists", "activist"))


# -- names: written with THE, titled names shared by namesakes -------------------------------------

def test_petrarch_name_written_with_the_needs_the_article(tmp_path):
    """THE_ISLAMIC_STATE matches "the Islamic State", not "an Islamic State target" or "a strict
    Islamic state", where PETRARCH reads ISLAMIC as an agent (~MUS) of the country in the phrase."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- ATTACK [190] ---\nATTACK\n"),
                             actors=write(tmp_path, "a.txt", "THE_ISLAMIC_STATE [IMGMUSISI]\nIRAQ [IRQ]\n"
                                                             "UNITED_STATES [USA]\n"),
                             agents=write(tmp_path, "g.txt", "ISLAMIC [~MUS]\n"))
    the = ("The/the/DET/3/det United/United/PROPN/3/compound States/States/PROPN/4/nsubj "
           "attacked/attack/VERB/0/root the/the/DET/7/det Islamic/Islamic/PROPN/7/compound State/State/PROPN/4/obj")
    assert code(ps.dicts, the, petrarch_config(CONFIG)) == {("USA", "IMGMUSISI", "190")}
    target = ("The/the/DET/3/det United/United/PROPN/3/compound States/States/PROPN/4/nsubj "
              "attacked/attack/VERB/0/root an/a/DET/8/det Islamic/Islamic/PROPN/7/compound State/State/PROPN/8/compound "
              "target/target/NOUN/4/obj in/in/ADP/10/case Iraq/Iraq/PROPN/8/nmod")
    assert code(ps.dicts, target, petrarch_config(CONFIG)) == {("USA", "IRQMUS", "190")}
    # coder's own names match with or without their article
    own = coder_dicts(tmp_path, "190 attack target=obj\n", "actor IMG = the Islamic State\nactor USA = United States\n")
    bare = ("The/the/DET/3/det United/United/PROPN/3/compound States/States/PROPN/4/nsubj "
            "attacked/attack/VERB/0/root Islamic/Islamic/PROPN/6/compound State/State/PROPN/4/obj")
    assert code(own, bare) == code(own, the) == {("USA", "IMG", "190")}


def test_petrarch_name_written_with_the_is_read_from_the_article(tmp_path):
    """PETRARCH scans a noun phrase from its first word, so after "the" a name written with THE (+THE_US_)
    is matched before a longer name that starts one word later (+US_STATE_DEPARTMENT): GSR VERB_3."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- CRITICIZE [111] ---\nCRITICIZE\n"),
                             actors=write(tmp_path, "a.txt", "UNITED_STATES_ [USA]\n+US_\n+THE_US_\n"
                                                             "DEPARTMENT_OF_STATE [USAGOV]\n+US_STATE_DEPARTMENT\n"
                                                             "IRAQ [IRQ]\n"))
    the = ("The/the/DET/4/det US/US/PROPN/4/compound State/State/PROPN/4/compound "
           "department/department/NOUN/5/nsubj criticized/criticize/VERB/0/root Iraq/Iraq/PROPN/5/obj")
    assert code(ps.dicts, the, petrarch_config(CONFIG)) == {("USA", "IRQ", "111")}
    # without the article the longest name from "US" on is the State Department
    bare = ("US/US/PROPN/3/compound State/State/PROPN/3/compound department/department/NOUN/4/nsubj "
            "criticized/criticize/VERB/0/root Iraq/Iraq/PROPN/4/obj")
    assert code(ps.dicts, bare, petrarch_config(CONFIG)) == {("USAGOV", "IRQ", "111")}


def test_name_of_several_words_listed_by_namesakes_resolves_by_date(tmp_path):
    """PETRARCH's PRESIDENT_BUSH is listed under both Presidents Bush: a titled name, which the story
    date decides as it decides "President" + a shared surname."""
    actors = ("GEORGE_BUSH_  # CountryInfo.txt\n+PRESIDENT_BUSH\n\t[USAGOV 890120-930120]\n\t[USAELI]\n"
              "GEORGE_W._BUSH_  # CountryInfo.txt\n+PRESIDENT_BUSH_\n\t[USAGOV 010120-090120]\n\t[USAELI]\n"
              "IRAN [IRN]\n")
    d = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- CRITICIZE [111] ---\nCRITICIZE\n"),
                            actors=write(tmp_path, "a.txt", actors)).dicts
    spec = ("President/President/PROPN/2/compound Bush/Bush/PROPN/3/nsubj criticized/criticize/VERB/0/root "
            "Iran/Iran/PROPN/3/obj")

    def on(day):
        return triples(code_document(doc(sent(spec), date=day), d, CONFIG))
    assert on(dt.date(2008, 8, 6)) == {("USAGOV", "IRN", "111")}
    assert on(dt.date(1990, 1, 1)) == {("USAGOV", "IRN", "111")}
    assert on(dt.date(2012, 1, 1)) == set()  # neither in office: which one?


# -- coordinated names and apposition --------------------------------------------------------------

def test_coordinated_names_modifying_one_noun(tmp_path):
    d = petrarch(tmp_path, "--- MEET [040] ---\nMEET\n")
    spec = ("Iran/Iran/PROPN/2/nsubj met/meet/VERB/0/root Iraq/Iraq/PROPN/6/compound and/and/CCONJ/5/cc "
            "Syria/Syria/PROPN/3/conj leaders/leader/NOUN/2/obj")
    assert code(d, spec) == {("IRN", "IRQ", "040"), ("IRN", "SYR", "040")}  # "Iraqi and Syrian leaders"


def test_names_in_apposition_in_a_coordinated_list(tmp_path):
    d = petrarch(tmp_path, "--- CRITICIZE [111] ---\nCRITICIZE\n")
    # "Iraq, Syria, Egypt and Arnor criticized Iran", misparsed with "Syria" as an appositive
    spec = ("Iraq/Iraq/PROPN/8/nsubj ,/,/PUNCT/3/punct Syria/Syria/PROPN/1/appos ,/,/PUNCT/3/punct "
            "Egypt/Egypt/PROPN/3/conj and/and/CCONJ/7/cc Arnor/Arnor/PROPN/3/conj criticized/criticize/VERB/0/root "
            "Iran/Iran/PROPN/8/obj")
    assert code(d, spec) == {(c, "IRN", "111") for c in ("IRQ", "SYR", "EGY", "ARN")}
    # without a comma before it, or without a coordination, an appositive is not a list member
    single = ("Iraq/Iraq/PROPN/4/nsubj ,/,/PUNCT/3/punct Syria/Syria/PROPN/1/appos criticized/criticize/VERB/0/root "
              "Iran/Iran/PROPN/4/obj")
    assert code(d, single) == {("IRQ", "IRN", "111")}


# -- the noun phrase that holds the source or target -----------------------------------------------

def test_object_pattern_target_is_read_in_the_objects_noun_phrase_first(tmp_path):
    """``- * SUMMIT [042]``: PETRARCH-2 takes the target from the object's noun phrase ("a summit in
    Syria") before the verb's other phrases ("on the unrest in Iraq")."""
    d = petrarch(tmp_path, "--- ATTEND [040] ---\nATTEND\n- * SUMMIT  [042]\n")
    (p,) = [p for p in d.verbs.for_verb("attend") if p.objects]
    assert p.target == ("obj|iobj|pp|comp",)
    spec = ("Iran/Iran/PROPN/2/nsubj attended/attend/VERB/0/root a/a/DET/4/det summit/summit/NOUN/2/obj "
            "in/in/ADP/6/case Syria/Syria/PROPN/4/nmod on/on/ADP/9/case the/the/DET/9/det unrest/unrest/NOUN/2/obl "
            "in/in/ADP/11/case Iraq/Iraq/PROPN/9/nmod")
    assert code(d, spec, petrarch_config(CONFIG)) == {("IRN", "SYR", "042")}
    # the object's phrase names no actor: the verb's phrase does
    bare = spec.replace("Syria/Syria/PROPN", "Geneva/Geneva/NOUN")
    assert code(d, bare, petrarch_config(CONFIG)) == {("IRN", "IRQ", "042")}


def test_unknown_actor_object_yields_to_a_phrase_with_an_actor(tmp_path):
    """"Iran received ministers from the Iraqi government": the object is an agent alone (---GOV);
    PETRARCH takes the actor of the verb's phrase (IRQGOV). With no such phrase, ---GOV stays."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- RECEIVE [043] ---\nRECEIVE\n"),
                             actors=write(tmp_path, "a.txt", "IRAN [IRN]\nIRAQ [IRQ]\n+IRAQI\n"),
                             agents=write(tmp_path, "g.txt", "MINISTER [~GOV]\nGOVERNMENT [~GOV]\n"))
    cfg = dataclasses.replace(petrarch_config(CONFIG), unknown_actor="---")
    spec = ("Iran/Iran/PROPN/2/nsubj received/receive/VERB/0/root ministers/minister/NOUN/2/obj "
            "from/from/ADP/7/case the/the/DET/7/det Iraqi/Iraqi/ADJ/7/amod government/government/NOUN/2/obl")
    assert code(ps.dicts, spec, cfg) == {("IRN", "IRQGOV", "043")}
    alone = "Iran/Iran/PROPN/2/nsubj received/receive/VERB/0/root ministers/minister/NOUN/2/obj"
    assert code(ps.dicts, alone, cfg) == {("IRN", "---GOV", "043")}


def test_preposition_hung_off_a_modifier_opens_the_phrase(tmp_path):
    """"blown up by a BAK surface-to-air missile believed to be fired by rebels", parsed with "by"
    under "surface": the phrase is still the by-phrase (``- MISSILE *`` matches the deep subject), and
    PETRARCH's noun phrase holds the phrases of the clause on it, its complement's included."""
    ps = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- DESTROY [190] ---\n+BLOW_UP {+BLOWN_UP}\n"
                                                            "- MISSILE *  [194]\n"),
                             actors=write(tmp_path, "a.txt", "MALAYSIA [MYS]\nUKRAINE [UKR]\n"),
                             agents=write(tmp_path, "g.txt", "REBEL [~REB]\n"))
    cfg = dataclasses.replace(petrarch_config(CONFIG), unknown_actor="---")
    spec = ("The/the/DET/3/det Malaysia/Malaysia/PROPN/3/compound flight/flight/NOUN/5/nsubj:pass "
            "was/be/AUX/5/aux:pass blown/blow/VERB/0/root up/up/ADP/5/compound:prt over/over/ADP/8/case "
            "Ukraine/Ukraine/PROPN/5/obl by/by/ADP/11/case a/a/DET/12/det surface/surface/NOUN/12/compound "
            "missile/missile/NOUN/5/obl believed/believe/VERB/12/acl to/to/PART/16/mark be/be/AUX/16/aux:pass "
            "fired/fire/VERB/13/xcomp by/by/ADP/18/case rebels/rebel/NOUN/16/obl")
    assert code(ps.dicts, spec, cfg) == {("---REB", "MYS", "194")}


def test_clause_hung_off_the_verb_between_subject_and_verb_is_the_subjects(tmp_path):
    d = load_petrarch_files(verbs=write(tmp_path, "v.txt", "--- ALLEGE [110] ---\nALLEGE\n"),
                            actors=write(tmp_path, "a.txt", "IRAN [IRN]\nIRAQ [IRQ]\n+IRAQI\n")).dicts
    # "A report released in the Iraqi capital alleged that Iran …": the parser hangs "released" (acl)
    # off "alleged"; an acl modifies a noun, and PETRARCH's subject NP holds it, so its phrase gives
    # the source when the subject noun itself codes nothing
    spec = ("A/a/DET/2/det report/report/NOUN/8/nsubj released/release/VERB/8/acl in/in/ADP/7/case "
            "the/the/DET/7/det Iraqi/Iraqi/ADJ/7/amod capital/capital/NOUN/3/obl alleged/allege/VERB/0/root "
            "that/that/SCONJ/12/mark Iran/Iran/PROPN/12/nsubj was/be/AUX/12/cop aware/aware/ADJ/8/ccomp")
    assert code(d, spec) == {("IRQ", "IRN", "110")}
    # an acl after the verb is not in the subject's noun phrase
    after = ("A/a/DET/2/det report/report/NOUN/3/nsubj alleged/allege/VERB/0/root that/that/SCONJ/7/mark "
             "Iran/Iran/PROPN/7/nsubj was/be/AUX/7/cop aware/aware/ADJ/3/ccomp ,/,/PUNCT/9/punct "
             "released/release/VERB/3/acl in/in/ADP/13/case the/the/DET/13/det Iraqi/Iraqi/ADJ/13/amod "
             "capital/capital/NOUN/9/obl")
    assert code(d, after) == set()
