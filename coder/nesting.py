"""A verb over the verb it governs: verb-over-verb rules and code combination (PETRARCH's PICO).

Only with a combination table (``VerbIndex.combinations``, from a PETRARCH PICO file). For a verb
V (subject A, code v) that governs a complement W (xcomp or ccomp, code w, subject B, targets T):

1. Verb-over-verb rules (``VerbIndex.rules``, PETRARCH's ``~`` lines), first match wins:
   ``~ a (b c ATTACK) SAY = a b 112`` codes "A said B attacked (anyone)" as A -> B 112.
2. W has no subject of its own (a controlled infinitive) or B is A ("Obama said he would …"):
   A -> T ``combine(v, w)``: "A wants to help B" = 033; "A said it would not provide support"
   keeps W's (negated) code when the sum has no CAMEO code.
3. B is another actor: A -> B v ("Gondor noted that Mordor regretted …" = GON -> MOR 010); B is
   V's object (object control, "Congress is asking Obama to help Iran"): A -> B ``combine(v, w)``;
   when W codes but names no target ("want Obama to head back"), nothing: V's own event goes too.

The result replaces W's events and V's own. A complement that codes nothing on its own because V
makes it hypothetical ("wants to attack") is read here all the same. Without a table nothing
changes: coder's own dictionaries code such pairs through a pattern's ``xcomp`` key.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coder.mentions import ActorRef
from coder.verbs import Pattern

if TYPE_CHECKING:
    from coder.extract import EventMatch, SentenceMatcher

_COMPLEMENTS = ("xcomp", "ccomp")


@dataclass(frozen=True)
class VerbSpec:
    """A verb in a rule: one of ``lemmas``, or any verb whose event code is ``code``; ``any``: 'Q'."""

    lemmas: frozenset[str] = frozenset()
    code: str | None = None
    any: bool = False

    def matches(self, lemma: str, code: str | None) -> bool:
        return self.any or lemma in self.lemmas or (code is not None and code == self.code)


@dataclass(frozen=True)
class VerbRule:
    """``~ a (b c INNER) OUTER = x y CODE``: letters are actors ('.' any or none, '_' none);
    ``code`` 'Q' keeps the inner code."""

    outer_source: str
    inner_source: str
    inner_target: str
    inner: VerbSpec
    outer: VerbSpec
    result_source: str
    result_target: str
    code: str
    source: str = ""  # file:line


@dataclass
class ClauseReading:
    lemma: str
    code: str | None
    negated: bool
    sources: list[ActorRef]  # empty: no subject of its own
    targets: list[ActorRef]


def _bind(var: str, actors: list[ActorRef], binding: dict[str, list[ActorRef]]) -> bool:
    if var == ".":
        return True
    if var == "_":
        return not actors
    if not actors:
        return False
    if var in binding:
        return {a.code for a in binding[var]} == {a.code for a in actors}
    binding[var] = actors
    return True


def apply_rules(rules, outer: ClauseReading, inner: ClauseReading
                ) -> list[tuple[ActorRef, ActorRef, str]] | None:
    """The events of the first rule that matches the two clauses, or None."""
    for rule in rules:
        if not (rule.outer.matches(outer.lemma, outer.code) and rule.inner.matches(inner.lemma, inner.code)):
            continue
        binding: dict[str, list[ActorRef]] = {}
        if not (_bind(rule.outer_source, outer.sources, binding) and _bind(rule.inner_source, inner.sources, binding)
                and _bind(rule.inner_target, inner.targets, binding)):
            continue
        code = inner.code if rule.code == "Q" else rule.code
        srcs, tgts = binding.get(rule.result_source), binding.get(rule.result_target)
        if not code or not srcs or not tgts:
            continue
        return [(s, t, code) for s in srcs for t in tgts if s.code != t.code]
    return None


def _event(m: "SentenceMatcher", template: "EventMatch | None", v: int, w: int, pattern: Pattern,
           s: ActorRef, t: ActorRef, code: str) -> "EventMatch":
    from coder.extract import EventMatch

    if template is not None:
        return dataclasses.replace(template, code=code, source=s, target=t, verb_tokens=(v, w))
    return EventMatch(code, s, t, (v, w), pattern)


def combine_nested(m: "SentenceMatcher", found: dict[int, list["EventMatch"]], chosen: dict[int, Pattern]) -> None:
    """Rewrite ``found`` (verb id -> its events) in place, innermost complements first; a result is
    held by the outer verb, so that a verb above it combines again."""
    table, rules = m.combinations, getattr(m.verbs, "rules", ())
    replaced: set[int] = set()  # outer verbs whose own events a result replaced
    tops = {w: _top(m, w) for w in chosen}
    for w in sorted(chosen, key=lambda x: (-_depth(m, tops[x].id), x)):
        top = tops[w]
        v = top.head
        if v not in chosen:
            continue
        object_control = bool(m.s.children(v, "obj")) and chosen[v].objects is None and (top.deprel == "xcomp" or (
            top.base_rel == "advcl" and "to" in m.cases(top.id) and not m.s.children(top.id, "nsubj")))
        if top.base_rel not in _COMPLEMENTS and not object_control:
            continue
        outer, inner = m.clause(v, chosen[v]), m.clause(w, chosen[w])
        controlled = top.deprel == "xcomp" or not m.s.children(top.id, "nsubj", "nsubj:pass")
        if object_control:  # "wants Putin to attack", "asking Obama to help Iran"
            inner.sources = m.resolve([c.id for c in m.s.children(v, "obj")], chosen[w].nested)
            controlled = False
        elif controlled:
            inner.sources = []
        inner_events = found.get(w) or m.events_of(w, chosen[w], factual_only=False)
        template = inner_events[0] if inner_events else None
        result = apply_rules(rules, outer, inner) if rules else None
        if result is None and outer.code is not None and outer.sources:
            same = controlled or {a.code for a in inner.sources} == {a.code for a in outer.sources}
            if same:
                result = []
                for e in inner_events:
                    code = table.combine(outer.code, e.code)
                    if code is None and (e.negated or not m.is_hypothetical(w)):
                        code = e.code
                    if code is not None:
                        result += [(s, e.target, code) for s in outer.sources if s.code != e.target.code]
                result = result or None
            elif inner_events and v not in replaced and found.get(v) and \
                    all(_open_target(m, e) for e in inner_events):
                found[w] = []  # the report has its own event; a reported one without a target is part of it
            elif inner_events and v not in replaced:  # "A noted that B regretted C's refusal": A -> B
                code = outer.code
                if object_control:  # "A asks B to help C": A -> B combine(ask, help)
                    code = table.combine(outer.code, inner_events[0].code) or outer.code
                result = [(a, b, code) for a in outer.sources for b in inner.sources if a.code != b.code]
            elif v in replaced:  # a further conjunct of the same report: part of it
                found[w] = []
        if result is None and object_control and inner.code is not None and not inner_events and v not in replaced:
            found[v] = []  # "want Obama to head back": the complement's event (no target) replaces the verb's own
        if result:
            made = [_event(m, template, v, w, chosen[w], s, t, code) for s, t, code in result]
            found[v] = (found.get(v, []) if v in replaced else []) + made
            replaced.add(v)
            found[w] = []


def _open_target(m: "SentenceMatcher", e: "EventMatch") -> bool:
    """An event whose target is PETRARCH's open unknown actor (require_dyad=false), found in no phrase."""
    return not e.target.tokens and e.target.code == m.config.unknown_actor


def _top(m: "SentenceMatcher", w: int):
    """The first of a run of conjoined verbs ("claimed that ISIL had attacked Iraq and taken Mosul")."""
    top = m.s.token(w)
    while top.base_rel == "conj" and top.head:
        top = m.s.token(top.head)
    return top


def _depth(m: "SentenceMatcher", v: int) -> int:
    d = 0
    while v and d < 50:
        v = m.s.token(v).head
        d += 1
    return d
