"""PETRARCH behaviours in coder's matcher and readers, each on a hand-built sentence.

Required phrases, subject nouns, paired codes, slot alternatives (``obj|pp``), PETRARCH's reading
of noun phrases (``nested``), agents (titles, stacking, prefix and compound codes, the unknown
actor ``---``), and verb-over-verb combination with a PICO table. Dictionaries are written here,
in coder's format and in PETRARCH's; nothing is read from ../shared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from coder.coding import code_document
from coder.config import CoderConfig
from coder.dictionary_base import DictionaryError
from coder.dictset import load_dictionary_set
from coder.petrarch import load_petrarch_files
from coder.validation import petrarch_config
from helpers import doc, sent, triples

CONFIG = CoderConfig(default_date=dt.date(2023, 5, 1))

ACTORS = """\
actor IRN = Iran
actor IRQ = Iraq
actor EGY = Egypt
actor SYR = Syria
actor DAG = Dagolath; Telemar
actor USAGOV = US Secretary of State
adjective DNK = Danish
agent GOV = government; official; prime minister
agent MED = media
agent LEG = Congress
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def coder_dicts(tmp_path: Path, verbs: str, actors: str = ACTORS):
    return load_dictionary_set([write(tmp_path, "a.txt", actors)], [write(tmp_path, "v.txt", verbs)],
                               discard_files=[], issue_files=[])


def code(dicts, spec: str, config: CoderConfig = CONFIG) -> set[tuple[str, str, str]]:
    return triples(code_document(doc(sent(spec)), dicts, config))


# -- coder's format: prep=, subject=, reverse=, among, nested, skip, slot alternatives --------------

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


# -- actors: titles, shared countries, names past the core, unknown actor, stacking ------------------

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


PETRARCH_ACTORS = """\
IRAN [IRN]
IRAQ [IRQ]
EGYPT [EGY]
SYRIA [SYR]
ARNOR [ARN]
AMNESTY_INTERNATIONAL [NGM]
THE_SHIRE [FRO/BIL/SAM]
"""
PETRARCH_AGENTS = """\
MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
ACTIVIST [~OPP]
MSF [NGO~]
CONGRESS [~LEG]
"""


def petrarch(tmp_path: Path, verbs: str, pico: str | None = None):
    return load_petrarch_files(verbs=write(tmp_path, "p.verbs.txt", verbs),
                               actors=write(tmp_path, "p.actors.txt", PETRARCH_ACTORS),
                               agents=write(tmp_path, "p.agents.txt", PETRARCH_AGENTS),
                               pico=write(tmp_path, "pico.txt", pico) if pico else None).dicts


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


# -- PETRARCH verb patterns -----------------------------------------------------------------------

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


# -- verb over verb: PICO combination, rules, object control ---------------------------------------

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


def test_object_of_an_infinitive_on_the_matched_object(tmp_path):
    d = petrarch(tmp_path, "--- ABANDON [1121] ---\nABANDON\n- * EFFORT  [080]\n")
    spec = ("Iran/Iran/PROPN/2/nsubj abandoned/abandon/VERB/0/root efforts/effort/NOUN/2/obj to/to/PART/5/mark "
            "stop/stop/VERB/3/acl an/a/DET/8/det Iraq/Iraq/PROPN/8/compound parade/parade/NOUN/5/obj")
    assert code(d, spec) == {("IRN", "IRQ", "080")}  # "abandoned efforts to stop an Iraq parade"


def test_prefix_agent_beside_the_head_agent(tmp_path):
    d = petrarch(tmp_path, "--- CRITICIZE [111] ---\nCRITICIZE\n")
    spec = ("an/a/DET/4/det MSF/MSF/PROPN/4/compound Arnor/Arnor/PROPN/4/compound minister/minister/NOUN/5/nsubj "
            "criticized/criticize/VERB/0/root Iran/Iran/PROPN/5/obj")
    assert code(d, spec) == {("NGOARNGOV", "IRN", "111")}  # "an MSF Arnor minister": NGO~ and ~GOV both apply


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


def test_verb_with_a_wrong_lemma_is_looked_up_by_its_form(tmp_path):
    d = petrarch(tmp_path, "--- JAIL [173] ---\nJAIL\n")
    # the tagger lemmatised "jailed" as "jaile"; PETRARCH matches the inflected form of JAIL
    spec = "Iran/Iran/PROPN/2/nsubj jailed/jaile/VERB/0/root Iraq/Iraq/PROPN/2/obj"
    assert code(d, spec) == {("IRN", "IRQ", "173")}
    assert code(d, spec.replace("VERB", "NOUN")) == set()  # only verbs: a noun's lemma is trusted


def test_petrarch_config_adverbial_gerund_has_no_subject(tmp_path):
    d = petrarch(tmp_path, "--- BOMBARD [190] ---\nBOMBARD\n--- KILL [190] ---\nKILL\n")
    # "Iran bombarded Iraq overnight, killing Syrian soldiers": PETRARCH codes the bombardment only
    spec = ("Iran/Iran/PROPN/2/nsubj bombarded/bombard/VERB/0/root Iraq/Iraq/PROPN/2/obj ,/,/PUNCT/5/punct "
            "killing/kill/VERB/2/advcl/VerbForm=Ger Syria/Syria/PROPN/5/obj")
    assert code(d, spec, petrarch_config(CONFIG)) == {("IRN", "IRQ", "190")}
    assert code(d, spec) == {("IRN", "IRQ", "190"), ("IRN", "SYR", "190")}  # coder: the clause's subject


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


def test_phrase_of_a_participle_on_the_object(tmp_path):
    d = petrarch(tmp_path, "--- WELCOME [050] ---\nWELCOME\n- * MEMOS  [092]\n")
    # "Iran welcomed memos sent by Iraq": the participle's phrase is in the object's noun phrase, as in
    # PETRARCH's parse tree, so the pattern that takes the object's word finds its target there
    spec = ("Iran/Iran/PROPN/2/nsubj welcomed/welcome/VERB/0/root memos/memo/NOUN/2/obj "
            "sent/send/VERB/3/acl/VerbForm=Part by/by/ADP/6/case Iraq/Iraq/PROPN/4/obl")
    assert code(d, spec) == {("IRN", "IRQ", "092")}


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


def test_a_named_word_beats_a_synonym_set_that_matches_as_much(tmp_path):
    verbs = ("&WEAPON\n+MISSILE\n+ROCKET\n\n--- BLOW_UP [190] ---\nDOWN\n- &WEAPON * [183]\n"
             "- MISSILE * [194]\n")
    d = petrarch(tmp_path, verbs)
    spec = ("Iran/Iran/PROPN/3/nmod:poss 's/'s/PART/1/case {0}/{0}/NOUN/4/nsubj downed/down/VERB/0/root "
            "Iraq/Iraq/PROPN/4/obj")
    assert code(d, spec.format("missile")) == {("IRN", "IRQ", "194")}  # MISSILE itself, though &WEAPON is first
    assert code(d, spec.format("rocket")) == {("IRN", "IRQ", "183")}


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
