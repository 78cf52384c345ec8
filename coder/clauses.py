"""What a pattern asks of a clause: voice, negation and modality, argument slots and their actors.

``ClauseReader`` is the half of the matcher that reads one verb's clause in a UD parse;
``coder.extract.SentenceMatcher`` builds on it. The checks of a pattern's word constraints
(``constraints_ok``, ``match_length``) are ``coder.constraints``, which ``ClauseReader`` inherits.
The rules are listed in docs/dictionaries.md ("How the matcher reads a sentence").
"""

from __future__ import annotations

import dataclasses

from coder.config import CoderConfig
from coder.constraints import PatternConstraints
from coder.dictionary_base import name_key
from coder.mentions import LOCATIVE, ActorRef, ArgumentResolver
from coder.model import Sentence, Token

_SUBJ = ("nsubj", "csubj")
_CLAUSAL = ("advcl", "acl", "xcomp", "conj", "ccomp", "parataxis")
# Words that introduce a noun phrase or a clause ("after the talks", "after Iran left"): a parser may
# read the clause's subject as the word's phrase.
_CONJUNCTION_PREPS = frozenset({"as", "after", "before", "since", "until", "till"})


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


class ClauseReader(PatternConstraints):
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

    def bare_infinitives(self, v: int) -> list[int]:
        """To-infinitives on ``v`` that code nothing themselves: part of its verb phrase, as PETRARCH
        reads one ("vowed to wage war on the Rohans": WAR is the object, the Rohans a phrase)."""
        return [c.id for c in self.s.children(v, "advcl", "xcomp")
                if "to" in self.cases(c.id) and not self.codes_itself(c.id)]

    def complements(self, v: int) -> list[Token]:
        """Infinitival or small-clause complements: xcomp, and a ccomp without its own subject
        ("held the United States responsible")."""
        return [c for c in self.s.children(v, "xcomp", "ccomp")
                if c.deprel == "xcomp" or not self.s.children(c.id, "nsubj", "nsubj:pass", "mark")]
