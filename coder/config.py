"""Configuration: one frozen object passed to every stage (no globals)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Auxiliaries that make a clause hypothetical: its verb codes nothing (unless negated with a code).
MODALS = frozenset({"could", "might", "may", "would", "should", "must", "can", "ca", "shall"})
# Verbs whose infinitival complement is not itself an event ("wanted to attack" codes nothing);
# a pattern with xcomp= on the outer verb codes the combination ("threatened to attack" -> 138).
NON_FACTUAL_GOVERNORS = frozenset({
    "want", "hope", "plan", "try", "seek", "aim", "intend", "consider", "wish", "expect", "prepare",
    "threaten", "refuse", "decline", "fail", "agree", "pledge", "promise", "vow", "offer", "propose",
    "attempt", "need", "like", "seem", "appear", "urge", "ask", "call", "demand", "order", "warn",
    "encourage", "invite", "allow", "permit", "forbid", "deny", "reject", "oppose", "avoid", "prevent",
    "decide", "intend", "mean", "strive", "struggle", "dare", "hesitate", "continue", "begin", "start",
})
# Negators: a verb with one of these as advmod (or Polarity=Neg) is negated.
NEGATORS = frozenset({"not", "n't", "never", "no", "nt"})
# Light verbs whose subject is the source of an event noun in object position ("X held talks with Y").
LIGHT_VERBS = frozenset({
    "hold", "conduct", "have", "launch", "carry", "begin", "start", "resume", "stage", "open", "host",
    "continue", "make", "pay", "mount", "wage", "impose", "announce", "sign", "lead", "join",
})
# Verbs whose subject is an event noun that names its actors with "between" ("talks took place between").
HAPPEN_VERBS = frozenset({"take", "place", "occur", "happen", "be", "begin", "start", "continue", "resume", "end", "break"})
# Head nouns that, modified only by a country adjective or name, stand for that country ("the Egyptian side").
GENERIC_ACTOR_NOUNS = frozenset({
    "side", "people", "country", "nation", "state", "leadership", "camp", "public", "population", "party",
    "city", "town", "village", "region", "province", "territory", "capital", "port", "embassy", "consulate",
})
# "the two countries", "both sides": resolved to the two most recent countries of the document.
PAIR_NOUNS = frozenset({"country", "nation", "state", "government", "neighbour", "neighbor", "capital"})


@dataclass(frozen=True)
class CoderConfig:
    default_date: dt.date = field(default_factory=dt.date.today)
    modals: frozenset[str] = MODALS
    non_factual_governors: frozenset[str] = NON_FACTUAL_GOVERNORS
    negators: frozenset[str] = NEGATORS
    light_verbs: frozenset[str] = LIGHT_VERBS
    happen_verbs: frozenset[str] = HAPPEN_VERBS
    generic_actor_nouns: frozenset[str] = GENERIC_ACTOR_NOUNS
    pair_nouns: frozenset[str] = PAIR_NOUNS
    max_events_per_sentence: int = 12
    # PETRARCH compatibility (validation only; `coder code` keeps None: no event without coded actors).
    # "---": an agent without a country codes as ---AGENT ("Congress" -> ---LEG, "insurgents" -> ---REB).
    unknown_actor: str | None = None
    # PETRARCH compatibility: an agent is appended to any actor code, also one that has an agent or
    # is an organisation ("Amnesty International activists" -> NGMOPP); coder keeps such codes.
    stack_agents: bool = False
    # A present participle without a subject takes the governing clause's subject (spaCy often hangs
    # a clause-level participle off the object: "sent a message to the government expressing ...").
    # PETRARCH (False): a participle on a noun has the noun as subject ("boycotted the parade
    # supporting Gondor": the parade supports), and an adverbial one ("…, killing eight people") none.
    participle_control: bool = True
    # PETRARCH compatibility: a phrase whose actor comes from an attached of/from/in phrase also takes
    # the agents named there ("exiled leaders of Egypt's Muslim Brotherhood" -> EGY + OPP + MUS).
    phrase_agents: bool = False
    # PETRARCH compatibility: a pattern's object word may match an adverb right after a verb that has
    # no object (PETRARCH matches the words of the verb phrase: "expressed sorrow", "sorrow" tagged ADV).
    adverb_objects: bool = False
    # PETRARCH-2: in a passive clause a pattern's pre-verb noun matches a by- or from-phrase only, not the
    # passive subject ("a mortar bomb was fired from Gaza" does not match ``- &WEAPON * [183]``).
    passive_phrase_subjects: bool = False
    # PETRARCH compatibility: a list of actors as the subject of a main-clause event of CAMEO 03-06 with
    # no target codes events among them ("The US, Russia and Switzerland met": each with each).
    among_subjects: bool = False
    # PETRARCH's require_dyad: False (with ``unknown_actor``) lets a main-clause verb that has a source
    # and no target code the target as the unknown actor ("Opponents ... protested yesterday" -> X -> ---).
    require_dyad: bool = True
    unknown_entity_labels: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PER", "MISC"})
