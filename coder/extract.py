"""Event extraction over a UD parse: verb and event-noun patterns with named roles.

The rules are listed in docs/dictionaries.md ("How the matcher reads a
sentence"); each has a test on a hand-built sentence and one through spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass

from coder.config import CoderConfig
from coder.dictionary_base import name_key
from coder.mentions import LOCATIVE, ActorRef, ArgumentResolver
from coder.model import Sentence, Token
from coder.verbs import Pattern, VerbIndex

_SUBJ = ("nsubj", "csubj")
NULL_CODE = "---"
_CLAUSAL = ("advcl", "acl", "xcomp", "conj", "ccomp", "parataxis")


def _form_lemmas(form: str) -> set[str]:
    """Candidate lemmas from a surface form, for when the tagger's lemma is wrong ("hopes" -> "hop")."""
    out = {form}
    for suffix in ("ing", "ed", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out |= {stem, stem + "e"}
    return out


def _among(actors: list[ActorRef]) -> list[tuple[ActorRef, ActorRef]]:
    """Each unordered pair of a compound actor ("talks between X and Y", "X and Y met")."""
    return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]


def _directed(pairs: list[tuple[ActorRef, ActorRef]], pattern: Pattern) -> list[tuple[ActorRef, ActorRef]]:
    """Drop self-pairs; a symmetric pattern gives each pair both ways."""
    out = []
    for s, t in pairs:
        if s.code != t.code:
            out.append((s, t))
            if pattern.symmetric:
                out.append((t, s))
    return out


@dataclass(frozen=True)
class EventMatch:
    code: str
    source: ActorRef
    target: ActorRef
    verb_tokens: tuple[int, ...]
    pattern: Pattern
    negated: bool = False


class SentenceMatcher:
    def __init__(self, sentence: Sentence, resolver: ArgumentResolver, verbs: VerbIndex, config: CoderConfig):
        self.s = sentence
        self.r = resolver
        self.verbs = verbs
        self.config = config
        self.lemmas = [name_key(x) for x in sentence.lemma_norms]
        self.forms = [name_key(x) for x in sentence.norms]

    # -- clause properties ------------------------------------------------------------------
    def is_passive(self, v: int) -> bool:
        tok = self.s.token(v)
        return bool(self.s.children(v, "nsubj:pass", "aux:pass")) or (
            tok.feat_dict.get("Voice") == "Pass" and not self.s.children(v, "nsubj")
        )

    def is_negated(self, v: int) -> bool:
        for c in self.s.children(v, "advmod", "neg", "det", "aux"):
            if self.lemmas[c.id - 1] in self.config.negators or c.feat_dict.get("Polarity") == "Neg":
                if c.deprel != "det" and c.deprel != "aux":
                    return True
                if c.feat_dict.get("Polarity") == "Neg" and c.deprel == "aux":
                    return True
        return False

    def is_hypothetical(self, v: int) -> bool:
        tok = self.s.token(v)
        if any(self.lemmas[c.id - 1] in self.config.modals for c in self.s.children(v, "aux")):
            return True
        marks = {self.lemmas[c.id - 1] for c in self.s.children(v, "mark")}
        if tok.deprel.split(":")[0] in ("advcl", "acl") and marks & {"to", "if", "unless", "lest"}:
            return True  # purpose ("to prevent future clashes") and conditional clauses
        if tok.deprel == "xcomp" and tok.head:
            gov = {self.lemmas[tok.head - 1]} | _form_lemmas(self.forms[tok.head - 1])
            if gov & self.config.non_factual_governors:
                return True
        return False

    def governor_verb(self, v: int) -> int | None:
        """The verb of the clause that ``v`` depends on (climbing through nouns: participles)."""
        tok = self.s.token(v)
        if tok.base_rel not in _CLAUSAL:
            return None
        cur = tok.head
        for _ in range(4):
            if not cur:
                return None
            t = self.s.token(cur)
            if t.upos in ("VERB", "AUX") or self.s.children(cur, "nsubj", "nsubj:pass"):
                return cur
            cur = t.head
        return None

    # -- slots ------------------------------------------------------------------------------
    def subject_heads(self, v: int, passive: bool, depth: int = 0) -> list[int]:
        if passive:
            heads = [c.id for c in self.s.children(v, "obl:agent")]
            if not heads:
                heads = [c.id for c in self.s.children(v, "obl") if self._cases(c.id) == {"by"}]
            return heads
        heads = [c.id for c in self.s.children(v, *_SUBJ) if c.deprel not in ("nsubj:pass", "csubj:pass")]
        if heads or depth > 3:
            return heads
        gov = self.governor_verb(v)
        if gov is not None:  # control: the governing clause's subject
            gov_passive = self.is_passive(gov)
            if self.s.token(v).deprel.startswith("acl") and self.s.token(v).feat_dict.get("VerbForm") == "Part" \
                    and self.s.token(v).xpos == "VBN":
                return []  # reduced passive relative ("troops deployed in Syria")
            if not gov_passive:
                return self.subject_heads(gov, False, depth + 1)
        return []

    def _cases(self, n: int) -> set[str]:
        return {self.lemmas[c.id - 1] for c in self.s.children(n, "case", "mark")}

    def _prep_heads(self, holder: int, prep: str, rels: tuple[str, ...]) -> list[int]:
        out = []
        for c in self.s.children(holder, *rels):
            if prep in self._cases(c.id) or prep.replace("_", "") in {"".join(sorted(self._cases(c.id)))}:
                out.append(c.id)
        return out

    def slot_heads(self, v: int, slot: str, passive: bool) -> list[int]:
        if slot.startswith("xcomp."):
            return [h for x in self.s.children(v, "xcomp") for h in self.slot_heads(x.id, slot[6:], self.is_passive(x.id))]
        if slot == "obj":
            return [c.id for c in self.s.children(v, "nsubj:pass" if passive else "obj")]
        if slot == "iobj":
            return [c.id for c in self.s.children(v, "iobj")]
        if slot == "subj":
            return self.subject_heads(v, passive)
        if slot == "poss":  # "condemned Israel's strike": the possessor of the object
            return [p.id for o in self.s.children(v, "nsubj:pass" if passive else "obj")
                    for p in self.s.children(o.id, "nmod:poss")]
        heads = self._prep_heads(v, slot, ("obl", "nmod", "obl:agent"))
        for o in self.s.children(v, "obj", "nsubj:pass" if passive else "obj"):
            heads.extend(self._prep_heads(o.id, slot, ("nmod",)))
        return heads

    def _resolve(self, heads: list[int]) -> list[ActorRef]:
        out: list[ActorRef] = []
        for h in heads:
            place = bool(self._cases(h) & LOCATIVE)
            out.extend(self.r.resolve_all(h, place=place))
        return out

    # -- constraints ------------------------------------------------------------------------
    def _object_key_ok(self, v: int, pattern: Pattern, passive: bool) -> bool:
        objs = self.s.children(v, "nsubj:pass" if passive else "obj")
        for o in objs:
            for conj in self.r.conjuncts(o.id):
                keys = {self.lemmas[conj - 1], self.forms[conj - 1]}
                mods = [c.id for c in self.s.children(conj, "compound", "amod")]
                if mods:
                    span = sorted(mods + [conj])
                    keys.add("".join(self.lemmas[i - 1] for i in span))
                    keys.add("".join(self.forms[i - 1] for i in span))
                if keys & pattern.objects:
                    return True
        return False

    def complements(self, v: int) -> list[Token]:
        """Infinitival or small-clause complements: xcomp, and a ccomp without its own subject
        ("held the United States responsible")."""
        return [c for c in self.s.children(v, "xcomp", "ccomp")
                if c.deprel == "xcomp" or not self.s.children(c.id, "nsubj", "nsubj:pass", "mark")]

    def constraints_ok(self, v: int, pattern: Pattern, passive: bool) -> bool:
        if pattern.particle is not None:
            words = [c.id for c in self.s.children(v, "compound:prt", "advmod", "obl")]
            words += [k.id for c in self.s.children(v, "obl") for k in self.s.children(c.id, "case")]
            if not any(self.lemmas[i - 1] == pattern.particle for i in words):
                return False
        if pattern.objects is not None and not self._object_key_ok(v, pattern, passive):
            return False
        if pattern.xcomp is not None:
            if not any(self.lemmas[c.id - 1] in pattern.xcomp for c in self.complements(v)):
                return False
        return True

    # -- verbs --------------------------------------------------------------------------------
    def verb_events(self) -> tuple[list[EventMatch], set[int]]:
        events: list[EventMatch] = []
        consumed: set[int] = set()
        for tok in self.s.tokens:
            if tok.upos not in ("VERB", "AUX", "NOUN") or (tok.upos == "NOUN" and tok.deprel != "root"):
                continue
            patterns = self.verbs.for_verb(self.lemmas[tok.id - 1]) or self.verbs.for_verb(self.forms[tok.id - 1])
            if not patterns:
                continue
            found = self._match_verb(tok, patterns)
            if found:
                events.extend(found)
                if found[0].pattern.xcomp is not None:
                    consumed.update(c.id for c in self.complements(tok.id))
                if found[0].pattern.objects is not None:  # "held peace talks": the noun is part of the verb's event
                    passive = self.is_passive(tok.id)
                    consumed.update(c.id for c in self.s.children(tok.id, "nsubj:pass" if passive else "obj"))
        return [e for e in events if e.verb_tokens[0] not in consumed], consumed

    def _match_verb(self, tok: Token, patterns: tuple[Pattern, ...]) -> list[EventMatch]:
        v = tok.id
        passive = self.is_passive(v)
        negated = self.is_negated(v)
        for pattern in patterns:
            if not self.constraints_ok(v, pattern, passive):
                continue
            if pattern.code == NULL_CODE:
                return []  # a null pattern: this use of the verb is not an event ("fired an employee")
            if negated:
                if pattern.negated is None:
                    return []
                code = pattern.negated
            else:
                if self.is_hypothetical(v):
                    return []
                code = pattern.code
            sources = self._resolve([h for slot in pattern.source for h in self.slot_heads(v, slot, passive)])
            targets = self._resolve([h for slot in pattern.target for h in self.slot_heads(v, slot, passive)])
            if not targets:
                targets = self._inherited_targets(v, pattern)
            verb_ids = (v,) + tuple(c.id for c in self.s.children(v, "compound:prt"))
            pairs = self._pairs(sources, targets, pattern)
            if pairs:
                return [EventMatch(code, s, t, verb_ids, pattern, negated) for s, t in pairs]
            return []
        return []

    def _inherited_targets(self, v: int, pattern: Pattern) -> list[ActorRef]:
        """A participle or infinitive without its own target takes the addressee of its governing clause."""
        gov = self.governor_verb(v)
        if gov is None:
            return []
        slots = [s for s in pattern.target if s not in ("obj", "subj")] or ["to", "iobj"]
        passive = self.is_passive(gov)
        heads = [h for slot in dict.fromkeys(slots + ["to", "iobj"]) for h in self.slot_heads(gov, slot, passive)]
        return self._resolve(heads)

    def _pairs(self, sources: list[ActorRef], targets: list[ActorRef], pattern: Pattern) -> list[tuple[ActorRef, ActorRef]]:
        if not targets and pattern.symmetric and len(sources) >= 2:
            return _directed(_among(sources), pattern)  # "Egypt and Iran discussed …": among the subjects
        return _directed([(s, t) for s in sources for t in targets], pattern)

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
        heads = self._prep_heads(n, slot, ("nmod",))
        gov = tok.head
        if not heads and gov and tok.deprel in ("nsubj", "nsubj:pass", "obj"):
            if self.lemmas[gov - 1] in self.config.happen_verbs | self.config.light_verbs:
                heads = self._prep_heads(gov, slot, ("obl", "nmod"))  # "talks took place between X and Y"
        return heads

    def _match_noun(self, tok: Token, patterns: tuple[Pattern, ...]) -> list[EventMatch]:
        gov = tok.head
        if gov and (self.is_negated(gov) or self.is_hypothetical(gov)):
            return []
        for pattern in patterns:
            between = [] if "between" not in pattern.source and "between" not in pattern.target else \
                self._resolve(self._noun_slot(tok.id, "between"))
            sources = self._resolve([h for s in pattern.source if s != "between" for h in self._noun_slot(tok.id, s)])
            targets = self._resolve([h for s in pattern.target if s != "between" for h in self._noun_slot(tok.id, s)])
            if len(between) >= 2 and not (sources and targets):
                pairs = _among(between)
            elif not targets and pattern.symmetric and len(sources) >= 2:
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
