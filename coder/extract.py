"""Event extraction over a UD parse: verb and event-noun patterns with named roles.

The rules are listed in docs/dictionaries.md ("How the matcher reads a sentence"); each has a
test on a hand-built sentence and one through spaCy. Reading a clause (voice, negation, slots) is
``coder.clauses``, its pattern constraints ``coder.constraints``; combining a verb with the verb it
governs is ``coder.nesting``.
"""

from __future__ import annotations

from dataclasses import dataclass

from coder.clauses import ClauseReader, form_lemmas
from coder.config import CoderConfig
from coder.mentions import ActorRef, ArgumentResolver
from coder.model import Sentence, Token
from coder.verbs import Pattern, VerbIndex

NULL_CODE = "---"
# PETRARCH codes a list subject without a target among its members for these CAMEO roots (intend to
# cooperate, consult, cooperate diplomatically, cooperate materially)
_AMONG_ROOTS = ("03", "04", "05", "06")


def _among(actors: list[ActorRef]) -> list[tuple[ActorRef, ActorRef]]:
    """Each unordered pair of a compound actor ("talks between X and Y", "X and Y met")."""
    return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]


def _directed(pairs: list[tuple[ActorRef, ActorRef]], pattern: Pattern) -> list[tuple[ActorRef, ActorRef]]:
    """Drop self-pairs; a symmetric pattern gives each pair both ways."""
    out = []
    for s, t in pairs:
        if s.code != t.code:
            out.append((s, t))
            if pattern.symmetric or pattern.among:
                out.append((t, s))
    return out


def _pattern_words(pattern: Pattern) -> frozenset[str]:
    """The words of a required phrase of a pattern read in PETRARCH's way (``nested``, "* (WITH
    RIOTERS)"): PETRARCH marks a matched word as used, so it is no agent of the target. An object word
    stays the object's agent ("released civilians", ``- * &PEOPLE``: the civilians are ---CVL)."""
    if not pattern.nested:
        return frozenset()
    return frozenset(w for _, keys in pattern.preps for w in keys or ())


@dataclass(frozen=True)
class EventMatch:
    code: str
    source: ActorRef
    target: ActorRef
    verb_tokens: tuple[int, ...]
    pattern: Pattern
    negated: bool = False


class SentenceMatcher(ClauseReader):
    def __init__(self, sentence: Sentence, resolver: ArgumentResolver, verbs: VerbIndex, config: CoderConfig,
                 combinations=None):
        super().__init__(sentence, resolver, config)
        self.verbs = verbs
        # a PICO table (combine/negate) or None: given here, or carried by the verb index
        self.combinations = combinations if combinations is not None else getattr(verbs, "combinations", None)

    def patterns_for(self, tok: Token) -> tuple[Pattern, ...]:
        """A verb's patterns: its surface form's where a dictionary lists that form as a verb of
        its own (PETRARCH's LEFT [042] beside LEAVE [012]), then its lemma's."""
        form, lemma = self.forms[tok.id - 1], self.lemmas[tok.id - 1]
        by_form = self.verbs.for_verb(form) if form != lemma else ()
        by_lemma = self.verbs.for_verb(lemma)
        if by_form and by_lemma and by_form is not by_lemma:
            return by_form + tuple(p for p in by_lemma if p not in by_form)
        found = by_form or by_lemma
        if not found and tok.upos == "VERB":  # a wrong lemma ("jailed" -> "jaile"): the form's own stems
            for stem in sorted(form_lemmas(form) - {form, lemma}, key=len):
                found = self.verbs.for_verb(stem)
                if found:
                    break
        return found or ()

    def codes_itself(self, v: int) -> bool:
        """A clause whose head, or a complement of it ("is about to restore"), has patterns."""
        heads = [v]
        if self.s.token(v).upos != "NOUN":  # "is about to restore"; not "a place to visit"
            heads += [c.id for c in self.s.children(v, "xcomp")]
        return any(self.s.token(h).upos in ("VERB", "AUX") and self.patterns_for(self.s.token(h)) for h in heads)

    # -- verbs --------------------------------------------------------------------------------
    def verb_events(self) -> tuple[list[EventMatch], set[int]]:
        found: dict[int, list[EventMatch]] = {}
        chosen: dict[int, Pattern] = {}
        for tok in self.s.tokens:
            if tok.upos not in ("VERB", "AUX", "NOUN") or (tok.upos == "NOUN" and tok.deprel != "root"):
                continue
            patterns = self.patterns_for(tok)
            pattern = self.select(tok.id, patterns) if patterns else None
            if pattern is None:
                continue
            chosen[tok.id] = pattern
            found[tok.id] = self.events_of(tok.id, pattern)
        if self.combinations is not None:
            from coder.nesting import combine_nested

            combine_nested(self, found, chosen)
        consumed: set[int] = set()
        for v, pattern in chosen.items():
            if not found.get(v):
                continue
            if pattern.xcomp is not None:
                consumed.update(c.id for c in self.complements(v))
            if pattern.objects is not None:  # "held peace talks": the noun is part of the verb's event
                consumed.update(c.id for c in self.objects_of(v, self.is_passive(v)))
        events = [e for v in sorted(found) for e in found[v]]
        return [e for e in events if e.verb_tokens[0] not in consumed], consumed

    def select(self, v: int, patterns: tuple[Pattern, ...]) -> Pattern | None:
        """The most specific pattern whose constraints the clause meets; among equally specific ones
        the one whose words match more of the sentence ("austrian gold florin" before "florin"),
        then one that names its word over one that takes it from a synonym set (``- MISSILE *`` before
        ``- &WEAPON *``), then the first in file order."""
        passive = self.is_passive(v)
        best, best_len = None, -1
        for pattern in patterns:
            if best is not None and pattern.specificity < best.specificity:
                break
            if self.constraints_ok(v, pattern, passive):
                if best is None and pattern.specificity < 4:
                    return pattern  # no words to compare
                length = self.match_length(v, pattern, passive)
                if length > best_len or (length == best_len and best.synonyms and not pattern.synonyms):
                    best, best_len = pattern, length
        return best

    def event_code(self, v: int, pattern: Pattern, factual_only: bool = True) -> tuple[str | None, bool]:
        """The code the verb gives through ``pattern`` (None: no event) and whether it is negated."""
        if pattern.code == NULL_CODE:
            return None, False  # a null pattern: this use of the verb is not an event ("fired an employee")
        if self.is_negated(v):
            if pattern.negated is not None:
                return pattern.negated, True
            if self.combinations is not None:  # PETRARCH: the negation of the code in the PICO table
                return self.combinations.negate(pattern.code), True
            return None, True
        if factual_only and self.is_hypothetical(v):
            return None, False
        return pattern.code, False

    def clause(self, v: int, pattern: Pattern):
        """What the verb's clause gives through ``pattern`` whether or not it makes an event (for
        ``coder.nesting``): its lemma, code (hypothetical or not), subject actors and target actors."""
        from coder.nesting import ClauseReading

        code, negated = self.event_code(v, pattern, factual_only=False)
        passive = self.is_passive(v)
        return ClauseReading(self.lemmas[v - 1], code, negated,
                             self.slot_actors(v, pattern.source, passive, pattern.nested, pattern.skip,
                                              _pattern_words(pattern)),
                             self.slot_actors(v, pattern.target, passive, pattern.nested, pattern.skip,
                                              _pattern_words(pattern)))

    def events_of(self, v: int, pattern: Pattern, factual_only: bool = True) -> list[EventMatch]:
        code, negated = self.event_code(v, pattern, factual_only)
        if code is None:
            return []
        passive = self.is_passive(v)
        used = _pattern_words(pattern)
        sources = self.slot_actors(v, pattern.source, passive, pattern.nested, pattern.skip, used)
        targets = self.slot_actors(v, pattern.target, passive, pattern.nested, pattern.skip, used)
        if not targets:
            targets = self._inherited_targets(v, pattern)
        pairs = self._pairs(v, sources, targets, pattern)
        if not targets and not pairs and sources and self._open_target(v, pattern, passive):
            unknown = self.config.unknown_actor
            pairs = [(s, ActorRef(unknown, unknown, "", (), "", ())) for s in sources]
        verb_ids = (v,) + tuple(c.id for c in self.s.children(v, "compound:prt"))
        out = []
        for s, t in pairs:
            out.append(EventMatch(code, s, t, verb_ids, pattern, negated))
            if pattern.reverse is not None and not negated:  # paired code: the target's side of the event
                out.append(EventMatch(pattern.reverse, t, s, verb_ids, pattern, negated))
        return out

    def _inherited_targets(self, v: int, pattern: Pattern) -> list[ActorRef]:
        """A participle or infinitive without its own target takes the addressee of its governing clause."""
        gov, tok = self.governor_verb(v), self.s.token(v)
        if gov is None or tok.feat_dict.get("VerbForm") == "Fin" or tok.base_rel == "parataxis":
            return []  # a finite or reporting clause ("…, a senior official said") inherits nothing
        slots = [s for spec in pattern.target for s in spec.split("|")
                 if s not in ("obj", "subj", "gsubj", "pp", "agent", "comp")]
        slots = slots or ["to", "iobj"]
        passive = self.is_passive(gov)
        heads = [h for slot in dict.fromkeys(slots + ["to", "iobj"]) for h in self.slot_heads(gov, slot, passive)]
        return self.resolve(heads)

    def _open_target(self, v: int, pattern: Pattern, passive: bool) -> bool:
        """PETRARCH with require_dyad=false codes an event that has a source and no target against the
        unknown actor. Only for a clause that PETRARCH-2 reports at the top (it returns the top verb
        phrase's events; a lower clause's event becomes part of its governor's): the root, a conjunct
        of it, or a complement of one; only when the source is the clause's own subject (not one
        inherited from a conjoined or governing verb, not a phrase the pattern names), and not for a
        verb whose complement clause holds what it reports ("Washington said such a step …")."""
        if self.config.require_dyad or not self.config.unknown_actor or pattern.source not in (("agent",), ("subj",)):
            return False
        own = self.s.children(v, "obl:agent") if passive else \
            [c for c in self.s.children(v, "nsubj", "csubj") if c.deprel not in ("nsubj:pass", "csubj:pass")]
        if not own or self.s.children(v, "ccomp"):  # "X said (that) …": the report is in the clause
            return False
        return self._reaches_root(v, ("conj", "ccomp", "xcomp"))

    def _pairs(self, v: int, sources: list[ActorRef], targets: list[ActorRef],
               pattern: Pattern) -> list[tuple[ActorRef, ActorRef]]:
        if not targets and (pattern.symmetric or pattern.among) and len(sources) >= 2:
            return _directed(_among(sources), pattern)  # "Egypt and Iran discussed …": among the subjects
        if not targets and len(sources) >= 2 and self.config.among_subjects \
                and pattern.code[:2] in _AMONG_ROOTS and self._main_clause(v):
            # PETRARCH: "X, Y and Z met": cooperation among the members, each with each
            return [(s, t) for s in sources for t in sources if s.code != t.code]
        return _directed([(s, t) for s in sources for t in targets], pattern)

    def _main_clause(self, v: int) -> bool:
        """The sentence's main verb, a verb conjoined to it, or a controlled complement of one
        ("X and Y are seeking to deepen …"): the clauses whose events PETRARCH reports at the top."""
        return self._reaches_root(v, ("conj", "xcomp"))

    def _reaches_root(self, v: int, rels: tuple[str, ...]) -> bool:
        """Whether ``v`` is the root or hangs from it through ``rels`` alone."""
        tok = self.s.token(v)
        for _ in range(len(self.s.tokens)):
            if tok.deprel == "root":
                return True
            if tok.base_rel not in rels or not tok.head:
                return False
            tok = self.s.token(tok.head)
        return False

    # -- event nouns --------------------------------------------------------------------------
    def noun_events(self, consumed: set[int]) -> list[EventMatch]:
        events: list[EventMatch] = []
        for tok in self.s.tokens:
            if tok.upos not in ("NOUN", "PROPN") or tok.id in consumed:
                continue
            patterns = ()
            mods = [c.id for c in self.s.children(tok.id, "compound", "amod") if c.id < tok.id]
            if mods:  # "air strikes", "peace talks": the joined form first
                span = sorted(mods + [tok.id])
                joined = "".join(self.forms[i - 1] for i in span[:-1])
                patterns = self.verbs.for_noun(joined + self.lemmas[tok.id - 1]) or \
                    self.verbs.for_noun(joined + self.forms[tok.id - 1])
            patterns = patterns or self.verbs.for_noun(self.lemmas[tok.id - 1]) or \
                self.verbs.for_noun(self.forms[tok.id - 1])
            if patterns:
                events.extend(self._match_noun(tok, patterns))
        return events

    def _noun_slot(self, n: int, slot: str) -> list[int]:
        tok = self.s.token(n)
        if slot == "poss":
            return [c.id for c in self.s.children(n, "nmod:poss")]
        if slot == "subj":  # "X held talks with Y": the light verb's subject
            if tok.deprel == "obj" and self.lemmas[tok.head - 1] in self.config.light_verbs:
                return self.subject_heads(tok.head, self.is_passive(tok.head))
            return []
        heads = self.prep_heads(n, slot, ("nmod",))
        gov = tok.head
        if not heads and gov and tok.deprel in ("nsubj", "nsubj:pass", "obj"):
            if self.lemmas[gov - 1] in self.config.happen_verbs | self.config.light_verbs:
                heads = self.prep_heads(gov, slot, ("obl", "nmod"))  # "talks took place between X and Y"
        return heads

    def _match_noun(self, tok: Token, patterns: tuple[Pattern, ...]) -> list[EventMatch]:
        gov = tok.head
        if gov and (self.is_negated(gov) or self.is_hypothetical(gov)):
            return []
        for pattern in patterns:
            between = [] if "between" not in pattern.source and "between" not in pattern.target else \
                self.resolve(self._noun_slot(tok.id, "between"))
            sources = self.resolve([h for s in pattern.source if s != "between" for h in self._noun_slot(tok.id, s)])
            targets = self.resolve([h for s in pattern.target if s != "between" for h in self._noun_slot(tok.id, s)])
            if len(between) >= 2 and not (sources and targets):
                pairs = _among(between)
            elif not targets and (pattern.symmetric or pattern.among) and len(sources) >= 2:
                pairs = _among(sources)  # "Egyptian and Iranian officials held talks"
            else:
                pairs = [(s, t) for s in sources for t in targets]
            out = [EventMatch(pattern.code, s, t, (tok.id,), pattern) for s, t in _directed(pairs, pattern)]
            if out:
                return out
        return []

    def events(self) -> list[EventMatch]:
        verb_events, consumed = self.verb_events()
        all_events = verb_events + self.noun_events(consumed)
        seen: set[tuple[str, str, str]] = set()
        out = []
        for e in all_events:
            key = (e.source.code, e.target.code, e.code)
            if key not in seen:
                seen.add(key)
                out.append(e)
        return out[: self.config.max_events_per_sentence]
