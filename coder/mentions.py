"""The actor code of a noun phrase.

``ArgumentResolver`` turns the head token of a verb argument into actor codes,
combining country and agent from the words around it (its own words, its
conjuncts, appositions and of/from/in phrases), with the story date choosing
among a person's dated roles and ``config.unknown_actor`` standing in for an
agent with no country. ``ActorRef`` is one resolved actor; ``split_code``
parts a code into root and agent.

Finding the mentions it works from is ``coder.mention_finder``; ``Mention``,
``find_mentions`` and ``token_keys`` are re-exported here for callers that
import them from this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coder.actors import ActorEntry, ActorIndex
from coder.config import CoderConfig
from coder.mention_finder import Mention, find_mentions, token_keys
from coder.model import Sentence

__all__ = [
    "LOCATIVE", "NONSTATE_ROOTS", "QUANTITY_NOUNS", "SPEAKER_PRONOUNS", "ActorRef", "ArgumentResolver",
    "Mention", "find_mentions", "split_code", "token_keys",
]

NONSTATE_ROOTS = ("IGO", "NGO", "IMG", "MNC", "NGM")
# Modifier relations that belong to a noun phrase's core (its own words, not its attachments).
_CORE = frozenset({"compound", "flat", "amod", "nmod:poss", "det", "fixed", "nummod", "goeswith", "name"})
# Prepositions that make a phrase a place: a capital there is a location, not its government.
LOCATIVE = frozenset({"in", "at", "from", "near", "inside", "outside", "across", "into", "within", "around",
                      "through", "throughout", "along", "outside", "towards", "toward", "over", "off"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
# Quantity heads whose "of" phrase holds the actor: "dozens of protesters", "a group of rebels".
QUANTITY_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                            "number", "group", "some", "many", "several", "team", "members", "member", "unit",
                            "contingent", "batch", "handful", "scores", "score", "most", "all", "one", "two", "three"})


@dataclass(frozen=True)
class ActorRef:
    code: str
    root: str
    agent: str
    tokens: tuple[int, ...]
    text: str
    sources: tuple[str, ...]  # dictionary file:line of the entries used


def split_code(code: str, agent_codes: frozenset[str]) -> tuple[str, str]:
    """``IRNGOV`` -> (``IRN``, ``GOV``); ``IGOUNO`` -> (``IGOUNO``, ``""``)."""
    if len(code) >= 6 and code[-3:] in agent_codes and not (code[:3] in NONSTATE_ROOTS and len(code) <= 6):
        return code[:-3], code[-3:]
    return code, ""


class ArgumentResolver:
    """Resolves argument heads of one sentence to actors (built per sentence; holds no global state)."""

    def __init__(self, sentence: Sentence, mentions: tuple[Mention, ...], index: ActorIndex, day: dt.date,
                 config: CoderConfig, agent_codes: frozenset[str], recent_countries: tuple[ActorRef, ...] = ()):
        self.s = sentence
        self.index = index
        self.day = day
        self.config = config
        self.agent_codes = agent_codes
        self.recent = recent_countries
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in m.ids():
                self.by_token[i] = m

    # -- coordination -------------------------------------------------------------------------
    def conjuncts(self, head: int) -> list[int]:
        """``head`` and the nouns coordinated with it. In a coordinated list a name in apposition is a
        member ("Mordor, the Shire, Arnor and Bree", parsed with "the Shire" as an appositive after a comma)."""
        out = [head]
        kids = [c for c in self.s.children(head, "conj") if c.upos in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X")]
        for c in self.s.children(head, "appos"):
            comma = any(self.s.token(i).form == "," for i in range(min(head, c.id) + 1, max(head, c.id)))
            if c.upos == "PROPN" and comma and (kids or self.s.children(c.id, "conj")):
                kids.append(c)
        for c in sorted(kids, key=lambda t: t.id):
            out.extend(self.conjuncts(c.id))
        return out

    def resolve_all(self, head: int, place: bool = False, loose: bool = False, bare: bool = False) -> list[ActorRef]:
        """Actors of an argument and its conjuncts; ``place``: a locative phrase, where capitals are places;
        ``loose``: PETRARCH's reading, where a noun phrase that names an actor anywhere in its own words
        codes as that actor ("Calenardhon leaders", "Caras Galadhon's new mayor"); ``bare``: the head word
        is a verb pattern's own word ("clash with rioters"), not an agent, as PETRARCH reads a matched word."""
        refs: list[ActorRef] = []
        heads = self.conjuncts(head)
        for i, h in enumerate(heads):
            found = self.resolve(h, place=place, loose=loose, bare=bare and not i)
            if i and all(r.root.startswith("-") for r in found):  # nothing, or an unknown ---GOV
                found = self._shared_country(h, heads[0], refs) or found
            refs.extend(found)
        return refs

    def _head_agent(self, head: int) -> str | None:
        m = self.by_token.get(head)
        for e in (m.entries if m else ()):
            entry = self.index.entries[e]
            role = entry.role_on(self.day)
            if entry.kind == "agent" and role is not None:
                return role.code
        return None

    def _shared_country(self, head: int, first: int, first_refs: list[ActorRef]) -> list[ActorRef]:
        """"Danish media and government", "lawmakers and officials in Arnor": a conjoined agent noun
        without a country of its own takes the first conjunct's."""
        agent, first_agent = self._head_agent(head), self._head_agent(first)
        if agent is None or first_agent is None:
            return []
        ids = tuple(self.core_ids(head))
        out = []
        for r in first_refs:
            if r.code.endswith(first_agent) and len(r.code) > len(first_agent):
                code = self._compose(r.code[: -len(first_agent)], agent)
                root, ag = split_code(code, self.agent_codes)
                out.append(ActorRef(code, root, ag, ids, self.s.span_text(ids), r.sources))
        return out

    # -- one noun phrase ----------------------------------------------------------------------
    def core_ids(self, head: int) -> list[int]:
        ids = [head]
        stack = [head]
        while stack:
            for c in self.s.children(stack.pop()):
                if c.deprel in _CORE or c.base_rel in ("compound", "flat", "fixed"):
                    ids.append(c.id)
                    stack.append(c.id)
        return sorted(ids)

    def _entries_in(self, ids: list[int]) -> list[tuple[Mention, ActorEntry]]:
        seen: list[tuple[Mention, ActorEntry]] = []
        idset = set(ids)
        for i in ids:
            m = self.by_token.get(i)
            if m and all(j in idset for j in m.ids()) and not any(m is x for x, _ in seen):
                for e in m.entries:
                    seen.append((m, self.index.entries[e]))
        return seen

    def resolve(self, head: int, depth: int = 0, place: bool = False, loose: bool = False,
                bare: bool = False) -> list[ActorRef]:
        tok = self.s.token(head)
        pair = self._pair_phrase(head)
        if pair:
            return pair
        if tok.upos == "PRON" and depth == 0:
            return self._reported_speaker(head, place)
        if tok.lemma.lower() in QUANTITY_NOUNS or tok.form.lower() in QUANTITY_NOUNS:
            for c in self.s.children(head, "nmod"):
                if "of" in {k.lemma.lower() for k in self.s.children(c.id, "case")} and depth < 2:
                    return self.resolve_all_depth(c.id, depth + 1, place)
        ids = self.core_ids(head)
        found = self._entries_in(ids)
        head_mention = self.by_token.get(head)
        if head_mention is not None and not any(m is head_mention for m, _ in found):
            # a name that runs past the phrase's core ("the US Secretary of State": "of State" is a phrase)
            found = [(head_mention, self.index.entries[e]) for e in head_mention.entries] + found
        person = named = agent = country = None
        prefixes: list = []
        for m, e in found:
            role = e.role_on(self.day)
            if role is None or (bare and head_mention is m and e.kind == "agent"):  # a pattern's word
                continue
            on_head = head_mention is m
            if e.kind == "person" and person is None:
                titled = len(m.ids()) > 1 or any(x.kind == "agent" for _, x in found)  # "President Bush"
                chosen = self._person_role(m, titled=titled)
                if chosen is not None:
                    person = (m, chosen[0], chosen[1])
            elif e.kind == "metonym" and place:
                continue
            elif e.kind in ("actor", "metonym") and (named is None or on_head):
                named = (m, e, role)
            elif e.kind == "agent" and role.code.endswith("~") and not on_head:
                prefixes.append((m, e, role))  # "an MSF Arnor diplomat": a prefix agent besides the head's
            elif e.kind == "agent" and (agent is None or on_head):
                agent = (m, e, role)
            elif e.kind == "adjective" and country is None:
                country = (m, e, role)
        if agent is None and prefixes:
            agent = prefixes.pop(0)
        if person:
            return [self._ref(person[2].code, [person], ids)]
        head_is_named = named is not None and head_mention is named[0]
        head_is_agent = agent is not None and head_mention is agent[0]
        if head_is_named and not head_is_agent:
            if agent is not None and named[1].kind == "actor":  # "Prime Minister Telemar", "the Kuwait government"
                return [self._ref(self._compose(named[2].code, agent[2].code), [named, agent], ids)]
            return [self._ref(named[2].code, [named], ids)]
        if agent is not None and (head_is_agent or tok.upos in ("NOUN", "PROPN")):
            base = named or country
            used = [agent] + ([base] if base else [])
            if base is None:
                base, more = self._country_from_attachments(head)
                if base is not None:
                    used.append(base)
                    prefixes += more  # PETRARCH: the whole phrase's agents, "leaders of Egypt's Muslim Brotherhood"
            if base is not None:  # "Egyptian and Iranian officials": one actor per coordinated country
                bases = [base] + self._coordinated(base[0])
                if len(bases) == 1:
                    code = self._compose(base[2].code, agent[2].code)
                    for p in prefixes:
                        code, used = self._compose(code, p[2].code), used + [p]
                    return [self._ref(code, used, ids)]
                modifiers = {i for b in bases for i in b[0].ids()}
                return [self._ref(self._compose(b[2].code, agent[2].code), [agent, b],
                                  sorted((set(ids) - modifiers) | set(b[0].ids()))) for b in bases]
        elif named is not None and (head_mention is None or tok.lemma.lower() in self.config.generic_actor_nouns):
            if tok.upos == "PROPN" or tok.lemma.lower() in self.config.generic_actor_nouns:
                return [self._ref(named[2].code, [named], ids)]
        if country is not None and (head_mention is country[0] or tok.lemma.lower() in self.config.generic_actor_nouns):
            return [self._ref(country[2].code, [country], ids)]
        if depth < 2:
            for c in self.s.children(head, "appos"):
                refs = self.resolve(c.id, depth + 1, place)
                if refs:
                    return refs
        if loose and (named or country):  # "Eriadori and Calenardhon leaders": one actor per coordinated name
            bases = [named or country] + self._coordinated((named or country)[0])
            return [self._ref(b[2].code, [b], ids) for b in bases]
        unknown = self.config.unknown_actor
        if unknown is not None and agent is not None and head_is_agent:  # PETRARCH: "Congress" -> ---LEG
            code = agent[2].code
            return [self._ref(code[:-1] + unknown if code.endswith("~") else unknown + code, [agent], ids)]
        return []

    def resolve_all_depth(self, head: int, depth: int, place: bool) -> list[ActorRef]:
        refs: list[ActorRef] = []
        for h in self.conjuncts(head):
            refs.extend(self.resolve(h, depth, place))
        return refs

    def _person_role(self, m: Mention, titled: bool):
        """The person a mention names, with the role in force. A surname several people of one country
        share counts only after a title ("President Bush", "Secretary Rice"; also a name of several words
        that several people's entries list, as PETRARCH's PRESIDENT_BUSH) and when exactly one of them
        holds a dated role on the story date; namesakes of different countries ("Johnson", "Kim")
        and untitled shared surnames ("Major attacks", "May") never resolve."""
        people = [self.index.entries[e] for e in m.entries if self.index.entries[e].kind == "person"]
        if len(people) == 1:
            role = people[0].role_on(self.day)
            return (people[0], role) if role is not None else None
        if not titled or len({r.code[:3] for p in people for r in p.roles}) > 1:
            return None
        in_office = [(p, p.role_on(self.day)) for p in people]
        in_office = [(p, r) for p, r in in_office if r is not None and r.dated]
        return in_office[0] if len(in_office) == 1 else None

    def _reported_speaker(self, head: int, place: bool) -> list[ActorRef]:
        """"Obama said he would …": a third-person subject pronoun of reported speech is the speaker."""
        tok = self.s.token(head)
        if tok.lemma.lower() not in SPEAKER_PRONOUNS or not tok.deprel.startswith("nsubj") or not tok.head:
            return []
        clause = self.s.token(tok.head)
        if clause.deprel not in ("ccomp", "parataxis") or not clause.head:
            return []
        speakers = [c.id for c in self.s.children(clause.head, "nsubj") if c.id != head]
        return self.resolve_all_depth(speakers[0], 1, place) if speakers else []

    def _compose(self, code: str, agent: str) -> str:
        """An actor's code with an agent: ``IRN`` + ``GOV`` = ``IRNGOV``. A code that has an agent, an
        organisation's code and a longer root keep theirs, unless ``config.stack_agents`` (PETRARCH:
        ``IGOUNO`` + ``MIL`` = ``IGOUNOMIL``). ``NGO~`` (PETRARCH's prefix agent) goes before the code."""
        if "/" in code:  # a compound actor: each member takes the agent
            return "/".join(self._compose(part, agent) for part in code.split("/"))
        if agent.endswith("~"):
            return code if code.startswith(agent[:-1]) else agent[:-1] + code
        if self.config.stack_agents:
            return code if code.endswith(agent) else code + agent
        root, existing_agent = split_code(code, self.agent_codes)
        if existing_agent or root[:3] in NONSTATE_ROOTS or len(root) > 3:
            return code
        return root + agent

    def _coordinated(self, mention: Mention) -> list:
        """Country modifiers coordinated with ``mention``'s words ("Egyptian and Iranian")."""
        out = []
        for i in mention.ids():
            for c in self.s.children(i, "conj"):
                m = self.by_token.get(c.id)
                for e in (m.entries if m else ()):
                    entry = self.index.entries[e]
                    role = entry.role_on(self.day)
                    if role and entry.kind in ("adjective", "actor"):
                        out.append((m, entry, role))
                        break
        return out

    def _country_from_attachments(self, head: int):
        """"the foreign minister of Egypt", "rebels in Syria": a country from an of/from/in phrase, and
        (``config.phrase_agents``) the agents its nouns name, in order (not an adjective's: "dissidents
        from military-ruled Myanmar" are MMROPP)."""
        for c in self.s.children(head, "nmod"):
            cases = {k.lemma.lower() for k in self.s.children(c.id, "case")}
            if not cases & {"of", "from", "in", "for"}:
                continue
            found = [(m, e, e.role_on(self.day)) for m, e in self._entries_in(self.core_ids(c.id))]
            for m, e, role in found:
                if role and e.kind in ("actor", "adjective") and ("in" not in cases or e.kind == "actor"):
                    more = [x for x in found if x[2] and x[1].kind == "agent" and x[0] is not m
                            and not all(self.s.token(i).upos == "ADJ" for i in x[0].ids())]
                    return (m, e, role), (more if self.config.phrase_agents else [])
        return None, []

    def _pair_phrase(self, head: int) -> list[ActorRef]:
        """"the two countries", "both sides": the two most recent countries in the document."""
        tok = self.s.token(head)
        if tok.lemma.lower() not in self.config.pair_nouns or tok.upos != "NOUN":
            return []
        mods = {c.lemma.lower() for c in self.s.children(head, "nummod", "det", "amod")}
        if not mods & {"two", "both"} or len(self.recent) < 2:
            return []
        ids = tuple(self.core_ids(head))
        text = self.s.span_text(ids)
        return [ActorRef(r.code, r.root, r.agent, ids, text, r.sources) for r in self.recent[:2]]

    def _ref(self, code: str, used: list, ids: list[int]) -> ActorRef:
        root, agent = split_code(code, self.agent_codes)
        tokens = tuple(ids)
        return ActorRef(code, root, agent, tokens, self.s.span_text(tokens),
                        tuple(dict.fromkeys(e.source for _, e, _ in used)))

    # -- countries mentioned, for "the two countries" in later sentences ------------------------
    def countries_mentioned(self) -> list[ActorRef]:
        out: list[ActorRef] = []
        seen_m = set()
        for i in sorted(self.by_token):
            m = self.by_token[i]
            if id(m) in seen_m:
                continue
            seen_m.add(id(m))
            for e in m.entries:
                entry = self.index.entries[e]
                role = entry.role_on(self.day)
                if role and entry.kind in ("actor", "adjective", "metonym"):
                    root, _ = split_code(role.code, self.agent_codes)
                    if len(root) == 3:
                        ids = tuple(m.ids())
                        out.append(ActorRef(root, root, "", ids, self.s.span_text(ids), (entry.source,)))
                        break
        return out
