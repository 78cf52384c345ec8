"""What a pattern asks of a clause: voice, negation and modality, argument slots, and constraints.

``ClauseReader`` is the half of the matcher that reads one verb's clause in a UD parse;
``coder.extract.SentenceMatcher`` builds on it. The rules are listed in docs/dictionaries.md
("How the matcher reads a sentence").
"""

from __future__ import annotations

import dataclasses

from coder.config import CoderConfig
from coder.dictionary_base import name_key
from coder.mentions import LOCATIVE, ActorRef, ArgumentResolver
from coder.model import Sentence, Token
from coder.verbs import Pattern

_SUBJ = ("nsubj", "csubj")
_CLAUSAL = ("advcl", "acl", "xcomp", "conj", "ccomp", "parataxis")
# Pre-modifiers of a noun that a multi-word object or subject may include ("diplomatic ties" matches
# "full diplomatic ties": the pattern's words must be the head and the modifiers right before it).
_PREMODIFIERS = ("compound", "amod", "det", "nummod", "advmod", "flat", "nmod:poss")
# Words that introduce a noun phrase or a clause ("after the talks", "after Iran left"): a parser may
# read the clause's subject as the word's phrase.
_CONJUNCTION_PREPS = frozenset({"as", "after", "before", "since", "until", "till"})
_ARTICLES = frozenset({"a", "an", "the"})
_MAX_PREMODIFIERS = 5


def form_lemmas(form: str) -> set[str]:
    """Candidate lemmas from a surface form, for when the tagger's lemma is wrong ("hopes" -> "hop")."""
    out = {form}
    for suffix in ("ing", "ed", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out |= {stem, stem + "e"}
    return out


def existential_passives(sentence: Sentence) -> Sentence:
    """"There were ten soldiers killed in X": a past-tense verb whose clause hangs from an existential
    "there be", with its subject after the "be", is a passive participle, as PETRARCH-2 rewrites the
    clause to "ten soldiers were killed"; its subject is then the passive subject."""
    relabel = set()
    for v in sentence.tokens:
        be = sentence.token(v.head) if v.head else None
        if v.upos != "VERB" or v.feat_dict.get("Tense") != "Past" or be is None or be.lemma.lower() != "be" \
                or not any(c.deprel == "expl" for c in sentence.children(be.id)):
            continue
        relabel |= {c.id for c in sentence.children(v.id, "nsubj") if be.id < c.id < v.id}
    if not relabel:
        return sentence
    tokens = tuple(dataclasses.replace(t, deprel="nsubj:pass") if t.id in relabel else t for t in sentence.tokens)
    return dataclasses.replace(sentence, tokens=tokens)


class ClauseReader:
    def __init__(self, sentence: Sentence, resolver: ArgumentResolver, config: CoderConfig):
        self.s = existential_passives(sentence)
        self.r = resolver
        self.config = config
        self.lemmas = [name_key(x) for x in sentence.lemma_norms]
        self.forms = [name_key(x) for x in sentence.norms]
        self._noun_keys: dict[int, frozenset[str]] = {}

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
        if tok.deprel.split(":")[0] == "ccomp" and marks & {"whether", "if"}:
            return True  # an open question ("would not say whether it met Iran")
        if tok.deprel == "xcomp" and tok.head:
            gov = {self.lemmas[tok.head - 1]} | form_lemmas(self.forms[tok.head - 1])
            if gov & self.config.non_factual_governors:
                return True
        return False

    def governor_verb(self, v: int) -> int | None:
        """The verb of the clause that ``v`` depends on (climbing through nouns: participles)."""
        tok = self.s.token(v)
        if tok.base_rel not in _CLAUSAL:
            return None
        cur = tok.head
        if tok.base_rel == "conj" and cur and self.s.token(cur).upos not in ("VERB", "AUX") \
                and not self.s.children(cur, "nsubj", "nsubj:pass", "cop"):
            return None  # a verb conjoined to a noun ("with Gondor, ... burned down"): a parse error, no control
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
                heads = [c.id for c in self.s.children(v, "obl") if self.cases(c.id) == {"by"}]
            return heads
        heads = [c.id for c in self.s.children(v, *_SUBJ) if c.deprel not in ("nsubj:pass", "csubj:pass")]
        if heads or depth > 3:
            return heads
        stray = self.stray_subject(v)
        if stray:
            return stray
        gov = self.governor_verb(v)
        if gov is not None:  # control: the governing clause's subject
            tok_ = self.s.token(v)
            gov_passive = self.is_passive(gov)
            if self.s.token(v).deprel.startswith("acl") and self.s.token(v).feat_dict.get("VerbForm") == "Part" \
                    and self.s.token(v).xpos == "VBN":
                return []  # reduced passive relative ("troops deployed in Syria")
            present = tok_.xpos == "VBG" or tok_.feat_dict.get("VerbForm") == "Ger" or (
                tok_.feat_dict.get("VerbForm") == "Part" and tok_.feat_dict.get("Tense") == "Pres")
            if not self.config.participle_control and tok_.base_rel == "acl" and present \
                    and not tok_.deprel.startswith("acl:relcl") and self.s.token(tok_.head).upos in ("NOUN", "PROPN"):
                return [tok_.head]  # "the parade supporting Gondor": the noun is the participle's subject
            if not self.config.participle_control and tok_.base_rel == "advcl" and present:
                return []  # PETRARCH: "…, killing eight people" has no subject of its own to code
            if not gov_passive:
                return self.subject_heads(gov, False, depth + 1)
            if self.s.token(v).deprel == "xcomp":  # "Obama is scheduled to attend": the passive subject
                return [c.id for c in self.s.children(gov, "nsubj:pass")]
        return []

    def stray_subject(self, v: int) -> list[int]:
        """The subject of a finite adverbial clause that the parser read as a phrase of the main verb,
        its conjunction as the phrase's preposition ("came as the US leader prepared to attend": "as the
        US leader" an obl of "came", "prepared" an advcl without subject): the obl of the governor
        that ends right before the clause's verb, introduced by a word that is also a conjunction."""
        tok = self.s.token(v)
        if tok.base_rel != "advcl" or tok.feat_dict.get("VerbForm") != "Fin" or not tok.head \
                or self.s.children(v, "nsubj", "expl", "mark"):
            return []
        for c in self.s.children(tok.head, "obl"):
            if c.id < v and self.cases(c.id) & _CONJUNCTION_PREPS and self.s.subtree(c.id)[-1] == v - 1:
                return [c.id]
        return []

    def codes_itself(self, v: int) -> bool:
        """Whether a clause has a verb of its own that a pattern could code (the matcher knows)."""
        return False

    def cases(self, n: int) -> set[str]:
        """The prepositions (and markers) of a phrase: its head's ``case``/``mark`` words, and a
        preposition that opens the phrase but hangs off a modifier of the head ("by a BAK
        surface-to-air missile" parsed with "by" under "surface")."""
        out = {self.lemmas[c.id - 1] for c in self.s.children(n, "case", "mark")}
        if not out:
            for m in self.s.children(n, "compound", "amod"):
                first = self.s.token(min(self.s.subtree(m.id)))
                if first.id < m.id and first.deprel == "case" and first.head != n and first.id == min(self.s.subtree(n)):
                    out.add(self.lemmas[first.id - 1])
        return out

    def prep_heads(self, holder: int, prep: str, rels: tuple[str, ...]) -> list[int]:
        out = []
        for c in self.s.children(holder, *rels):
            if prep in self.cases(c.id) or prep.replace("_", "") in {"".join(sorted(self.cases(c.id)))}:
                out.append(c.id)
        return out

    def objects_of(self, v: int, passive: bool) -> list[Token]:
        return self.s.children(v, "nsubj:pass" if passive else "obj")

    def slot_heads(self, v: int, slot: str, passive: bool) -> list[int]:
        if slot.startswith("xcomp."):
            return [h for x in self.s.children(v, "xcomp") for h in self.slot_heads(x.id, slot[6:], self.is_passive(x.id))]
        if slot == "obj":
            return [c.id for c in self.objects_of(v, passive)]
        if slot == "iobj":  # a second object ("wire tap the links"): PETRARCH's NP after the matched one
            objs = self.s.children(v, "obj")
            return [c.id for c in self.s.children(v, "iobj")] + [c.id for c in objs[1:]]
        if slot == "subj":
            return self.subject_heads(v, passive)
        if slot == "gsubj":  # the grammatical subject (PETRARCH's '+ *'): in a passive clause, the passive subject
            return [c.id for c in self.s.children(v, "nsubj:pass")] if passive else self.subject_heads(v, False)
        if slot == "poss":  # "condemned Israel's strike": the possessor of the object
            return [p.id for o in self.objects_of(v, passive) for p in self.s.children(o.id, "nmod:poss")]
        if slot == "comp":  # "allowed that Mordor isn't a pleasant place": the subject of a complement clause
            heads = [h.id for c in self.s.children(v, "ccomp") if not self.codes_itself(c.id)
                     for h in self.s.children(c.id, "nsubj", "nsubj:pass")]
            # "signed an accord to supply Gondor": the object of an infinitive that codes nothing itself
            if not heads:
                clauses = self.bare_infinitives(v) + [  # "abandoned efforts to stop X": the object's infinitive
                    c.id for o in self.objects_of(v, passive) for c in self.s.children(o.id, "acl")
                    if "to" in self.cases(c.id) and not self.codes_itself(c.id)]
                heads = [o.id for c in clauses for o in self.s.children(c, "obj")]
            return heads
        if slot == "subj.poss":  # "Eriador's death toll has risen": the possessor of the subject
            return [p.id for h in self.s.children(v, "nsubj", "nsubj:pass") for p in self.s.children(h.id, "nmod:poss")]
        heads = self.prep_heads(v, slot, ("obl", "nmod", "obl:agent"))
        for o in self.s.children(v, "obj", "nsubj:pass" if passive else "obj"):
            heads.extend(self.prep_heads(o.id, slot, ("nmod",)))
        return heads

    def phrases(self, v: int, passive: bool) -> list[int]:
        """Heads of the verb's prepositional phrases (its own and its object's), in sentence order."""
        heads = [c.id for c in self.s.children(v, "obl", "nmod") if c.deprel in ("obl", "nmod", "obl:agent")]
        for o in self.objects_of(v, passive):
            heads += [c.id for c in self.s.children(o.id, "nmod", "obl") if c.deprel in ("nmod", "obl")]
            # "welcomed memos sent by Bree": the phrases of a participle on the object are in its noun phrase
            heads += [c.id for a in self.s.children(o.id, "acl") if a.feat_dict.get("VerbForm") == "Part"
                      for c in self.s.children(a.id, "obl")]
        heads += [c.id for x in self.bare_infinitives(v) for c in self.s.children(x, "obl")]
        return sorted(h for h in heads if self.cases(h))

    def slot_actors(self, v: int, slots: tuple[str, ...], passive: bool, nested: bool = False,
                    skip: tuple[str, ...] = (), used: frozenset[str] = frozenset()) -> list[ActorRef]:
        """The actors of a pattern's slots: every slot's, and of ``a|b|c`` the first that has any. An
        unknown actor (``---GOV``, an agent alone) as the object of an active verb yields to a later
        alternative that names an actor, as PETRARCH takes the actor of the verb's phrases when its noun
        phrase names none ("received ministers from the Georgian government"). ``used``: the pattern's
        own words; a phrase headed by one is read without it as an agent."""
        out: list[ActorRef] = []
        unknown = self.config.unknown_actor
        for spec in slots:
            held: list[ActorRef] = []
            for alt in spec.split("|"):
                refs = self._alternative(v, alt, passive, nested, frozenset(skip), used)
                if refs and unknown and alt == "obj" and not passive and all(r.code.startswith(unknown) for r in refs):
                    held = held or refs
                elif refs:
                    held = refs
                    break
            out.extend(held)
        return out

    def _alternative(self, v: int, slot: str, passive: bool, nested: bool, skip: frozenset[str],
                     used: frozenset[str] = frozenset()) -> list[ActorRef]:
        if slot == "pp":  # the first prepositional phrase, in sentence order, that names an actor
            for h in self.phrases(v, passive):
                if not self.cases(h) & skip:
                    refs = self.resolve([h], nested, used)
                    if refs:
                        return refs
            return []
        if slot == "agent":  # the subject; in a passive clause the by-phrase, else the first phrase
            refs = self.resolve(self.subject_heads(v, passive), nested, used)
            return refs or (self._alternative(v, "pp", True, nested, skip, used) if passive else [])
        return self.resolve(self.slot_heads(v, slot, passive), nested, used)

    def resolve(self, heads: list[int], nested: bool = False, used: frozenset[str] = frozenset()) -> list[ActorRef]:
        out: list[ActorRef] = []
        for h in heads:
            place = bool(self.cases(h) & LOCATIVE)
            bare = self.forms[h - 1] in used or self.lemmas[h - 1] in used
            refs = self.r.resolve_all(h, place=place, loose=nested, bare=bare)
            if not refs and nested:
                refs = self.nested_actors(h, 0)
            out.extend(refs)
        return out

    def nested_actors(self, head: int, depth: int) -> list[ActorRef]:
        """The actors of the first phrase attached to ``head`` that has any, depth first: its
        prepositional phrases ("the resumption of ties with Y", "a summit on the unrest in Iran"),
        and the phrases of a participle or relative clause on it ("the roads leading into Y"). A
        capital in a place phrase ("in Cairo") is a place, as everywhere."""
        if depth > 3:
            return []
        kids = self.s.children(head, "nmod:poss")
        kids += [c for c in self.s.children(head, "nmod") if c.deprel != "nmod:poss"]
        # the phrases of a clause on the noun, or of its complement ("a missile believed to be fired by rebels")
        clauses = self.noun_clauses(head)
        clauses += [x.id for c in clauses for x in self.s.children(c, "xcomp")]
        kids += [k for c in clauses for k in self.s.children(c, "obj", "obl")]
        for c in kids:
            refs = self.r.resolve_all(c.id, place=bool(self.cases(c.id) & LOCATIVE), loose=True) or \
                self.nested_actors(c.id, depth + 1)
            if refs:
                return refs
        return []

    def noun_clauses(self, head: int) -> list[int]:
        """Clauses on a noun (acl): its own, and for a subject an acl that the parser hung off the verb
        between the subject and the verb ("A report released in the Rwandan capital alleged …", with
        "released" an acl of "alleged"): an acl modifies a nominal, so it is the subject's."""
        out = [c.id for c in self.s.children(head, "acl")]
        tok = self.s.token(head)
        if tok.base_rel == "nsubj" and tok.head and self.s.token(tok.head).upos in ("VERB", "AUX"):
            out += [c.id for c in self.s.children(tok.head, "acl") if head < c.id < tok.head]
        return out

    # -- constraints ------------------------------------------------------------------------
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

    def bare_infinitives(self, v: int) -> list[int]:
        """To-infinitives on ``v`` that code nothing themselves: part of its verb phrase, as PETRARCH
        reads one ("vowed to wage war on the Rohans": WAR is the object, the Rohans a phrase)."""
        return [c.id for c in self.s.children(v, "advcl", "xcomp")
                if "to" in self.cases(c.id) and not self.codes_itself(c.id)]

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

    def complements(self, v: int) -> list[Token]:
        """Infinitival or small-clause complements: xcomp, and a ccomp without its own subject
        ("held the United States responsible")."""
        return [c for c in self.s.children(v, "xcomp", "ccomp")
                if c.deprel == "xcomp" or not self.s.children(c.id, "nsubj", "nsubj:pass", "mark")]

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
        if pattern.among and not any(len(self.r.conjuncts(h.id)) > 1 for h in self.s.children(v, *_SUBJ)):
            return False
        return True
