"""What a pattern's words ask of a clause: its object, subject, phrase and particle constraints.

``PatternConstraints`` is the part of ``coder.clauses.ClauseReader`` that checks a verb pattern's
word constraints against one verb's clause (``constraints_ok``) and measures how much of the sentence
they match (``match_length``), reading a noun phrase's keys the way PETRARCH reads a noun phrase
(``noun_keys``, ``phrase_keys``). The rules are listed in docs/dictionaries.md ("How the matcher
reads a sentence").
"""

from __future__ import annotations

from coder.config import CoderConfig
from coder.mentions import ArgumentResolver
from coder.model import Sentence, Token
from coder.verbs import Pattern

# Pre-modifiers of a noun that a multi-word object or subject may include ("diplomatic ties" matches
# "full diplomatic ties": the pattern's words must be the head and the modifiers right before it).
_PREMODIFIERS = ("compound", "amod", "det", "nummod", "advmod", "flat", "nmod:poss")
_ARTICLES = frozenset({"a", "an", "the"})
_MAX_PREMODIFIERS = 5


class PatternConstraints:
    """Pattern-constraint checks, mixed into ``ClauseReader``: they read its sentence, resolver,
    config, lemma and form keys and noun-key cache, and its clause readers (``objects_of``,
    ``slot_heads``, ``subject_heads``, ``cases``, ``bare_infinitives``, ``complements``)."""

    s: Sentence
    r: ArgumentResolver
    config: CoderConfig
    lemmas: list[str]
    forms: list[str]
    _noun_keys: dict[int, frozenset[str]]

    def noun_keys(self, n: int) -> frozenset[str]:
        """The keys a noun phrase headed by ``n`` matches, as PETRARCH reads a noun phrase: its head
        (lemma or form) alone, or with the modifier right before it and any in-order selection of
        the earlier ones ("new global economic relations" gives "economic relations", "new economic
        relations", ...; "economic trade relations" does not give "economic relations"); a
        coordinated modifier stands in for the one it is joined to ("death and injury toll")."""
        cached = self._noun_keys.get(n)
        if cached is not None:
            return cached
        heads = {self.lemmas[n - 1], self.forms[n - 1]}
        slots: list[set[str]] = []
        for c in self.s.children(n, *_PREMODIFIERS):
            if c.id < n and self.lemmas[c.id - 1] not in _ARTICLES:
                alts = [c.id] + [k.id for k in self.s.children(c.id, "conj") if k.id < n]
                slots.append({w[i - 1] for i in alts for w in (self.forms, self.lemmas)})
        keys = set(heads)
        if slots:
            slots = slots[-_MAX_PREMODIFIERS:]
            prefixes = {""}
            for words in slots[:-1]:  # any in-order selection of the earlier modifiers
                prefixes |= {p + w for p in prefixes for w in words}
            keys.update(p + w + h for p in prefixes for w in slots[-1] for h in heads)
        out = frozenset(keys)
        self._noun_keys[n] = out
        return out

    def _word_objects(self, v: int, passive: bool) -> list[Token]:
        """The objects a pattern's word may match; with ``config.adverb_objects`` (PETRARCH, whose verb
        phrase holds the words after the verb) also an adverb right after a verb without an object
        ("expressed sorrow for ...", "sorrow" tagged ADV)."""
        objs = self.objects_of(v, passive)
        if self.config.adverb_objects and not objs:
            objs = [c for c in self.s.children(v, "advmod") if c.id == v + 1]
        return objs

    def _object_key_ok(self, v: int, pattern: Pattern, passive: bool) -> bool:
        objs = self._word_objects(v, passive) + [o for c in self.bare_infinitives(v) for o in self.s.children(c, "obj")]
        for o in objs:
            for conj in self.r.conjuncts(o.id):
                if self.noun_keys(conj) & pattern.objects:
                    return True
        return False

    def phrase_heads(self, v: int, prep: str, passive: bool) -> list[int]:
        """Heads of the verb's ``prep`` phrases: attached to the verb, to its object, or a clause
        introduced by it ("agreed to settle")."""
        heads = self.slot_heads(v, prep, passive)
        heads += [c.id for c in self.s.children(v, "xcomp", "advcl", "ccomp")
                  if prep in {self.lemmas[m.id - 1] for m in self.s.children(c.id, "mark")}]
        return heads

    def phrase_keys(self, n: int) -> frozenset[str]:
        """A phrase's object matches as a noun phrase, or on one of its pre-modifiers alone, as PETRARCH
        looks a phrase's words up ("assurances on cultural issues" has "cultural")."""
        mods = [c.id for c in self.s.children(n, "amod", "compound") if c.id < n]
        return self.noun_keys(n) | {w[i - 1] for i in mods for w in (self.forms, self.lemmas)}

    def prep_ok(self, v: int, prep: str, keys: frozenset[str] | None, passive: bool) -> bool:
        for h in self.phrase_heads(v, prep, passive):
            if keys is None:
                return True
            for conj in self.r.conjuncts(h):
                if self.phrase_keys(conj) & keys:
                    return True
        return False

    def _subject_word_heads(self, v: int, passive: bool) -> list[int]:
        """Where a pattern's pre-verb noun is looked for: the subject; in a passive clause also the
        by-phrase, or (``config.passive_phrase_subjects``, PETRARCH-2) only the by- and from-phrases."""
        heads = [h.id for h in self.s.children(v, "nsubj", "nsubj:pass")]
        if passive and self.config.passive_phrase_subjects:
            return [c.id for c in self.s.children(v, "obl", "obl:agent") if self.cases(c.id) & {"by", "from"}]
        return heads + (self.subject_heads(v, True) if passive else [])

    def subject_ok(self, v: int, pattern: Pattern, passive: bool = False) -> bool:
        """A pre-verb noun of the pattern heads the subject; in a passive clause also the by-phrase,
        the deep subject ("was demolished by a protestor" matches ``- PROTESTOR * [145]``)."""
        for h in self._subject_word_heads(v, passive):
            for conj in self.r.conjuncts(h):
                if self.noun_keys(conj) & pattern.subjects:
                    return True
        return False

    def match_length(self, v: int, pattern: Pattern, passive: bool) -> int:
        """How much of the sentence a pattern's word constraints match (the longest matching keys)."""
        def longest(heads: list[int], keys: frozenset[str] | None, phrase: bool = False) -> int:
            if keys is None:
                return 0
            hits = [len(k) for h in heads for c in self.r.conjuncts(h)
                    for k in (self.phrase_keys(c) if phrase else self.noun_keys(c)) & keys]
            return max(hits, default=0)

        total = longest([o.id for o in self._word_objects(v, passive)], pattern.objects)
        total += longest(self._subject_word_heads(v, passive), pattern.subjects)
        for prep, keys in pattern.preps:
            total += longest(self.phrase_heads(v, prep, passive), keys, phrase=True)
        return total

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
        for prep, keys in pattern.preps:
            if not self.prep_ok(v, prep, keys, passive):
                return False
        if pattern.subjects is not None and not self.subject_ok(v, pattern, passive):
            return False
        if pattern.among and not any(len(self.r.conjuncts(h.id)) > 1 for h in self.s.children(v, "nsubj", "csubj")):
            return False
        return True
