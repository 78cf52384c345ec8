"""Structural conversion of spaCy's ClearNLP-style dependencies to UD v2.

Pure Python over a small mutable node list, so the rules can be tested without
a model. Steps, in order (each works on the tree the previous one left):

1. multiword prepositions ("because of", "according to", "in front of") are
   collapsed: the first word takes the phrase's place, the rest are ``fixed``;
2. prepositions are demoted: the object (``pobj``, or a ``pcomp`` clause) takes
   the preposition's place and the preposition becomes its ``case`` (``mark``
   for a clause); the label (``obl``/``nmod``, ``advcl``/``acl``,
   ``obl:agent``) is decided later from the preposition's spaCy head;
3. copular clauses are inverted: the ``attr``/``acomp`` (or a prepositional
   predicate) takes the place of "be", which becomes its ``cop``;
4. multiword person names (spaCy: compounds on the last word) become ``flat``
   on the first word, as in UD;
5. labels are renamed;
6. conjunct chains are flattened onto the first conjunct, and ``cc`` and
   separating commas move to the conjunct that follows them;
7. the result is checked to be a tree; a token whose new head breaks it keeps
   its spaCy head (and, failing that, the whole sentence keeps spaCy's heads).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "SYM", "X"})
VERBAL = frozenset({"VERB", "AUX"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
MULTIWORD_DEPS = PREP_DEPS | {"cc", "mark", "advmod", "pcomp", "npadvmod"}
MULTIWORD = frozenset({
    tuple(p.split())
    for p in (
        "according to", "because of", "due to", "instead of", "prior to", "ahead of", "rather than",
        "such as", "as to", "owing to", "thanks to", "apart from", "aside from", "along with",
        "together with", "regardless of", "irrespective of", "next to", "as of", "as per",
        "in front of", "in addition to", "as well as", "in spite of", "on behalf of", "by means of",
        "in lieu of", "with regard to", "with respect to", "in accordance with", "in place of",
    )
})
RENAME = MappingProxyType({
    "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass", "dobj": "obj",
    "poss": "nmod:poss", "prt": "compound:prt", "oprd": "xcomp", "quantmod": "advmod",
    "relcl": "acl:relcl", "intj": "discourse", "predet": "det:predet", "preconj": "cc:preconj",
    "meta": "dep", "subtok": "dep", "neg": "advmod", "root": "root", "acomp": "xcomp",
})
KEEP = frozenset({
    "nsubj", "csubj", "obj", "iobj", "appos", "amod", "det", "compound", "mark", "cc", "ccomp",
    "xcomp", "advcl", "advmod", "aux", "punct", "case", "expl", "parataxis", "dep", "conj", "acl",
    "nummod", "nmod", "fixed", "flat", "cop", "csubj", "obl", "discourse", "list", "vocative",
})
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "csubjpass"})


@dataclass
class Node:
    """One spaCy token of a sentence: ``head`` is a 0-based index in the sentence, -1 for the root."""

    form: str
    lemma: str
    upos: str
    tag: str
    feats: str
    head: int
    dep: str


class _Tree:
    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.n = len(nodes)
        self.head = [x.head for x in nodes]
        self.dep = [x.dep.lower() for x in nodes]
        self.orig_head = list(self.head)
        self.orig_dep = list(self.dep)
        self.label_head = list(self.head)  # whose part of speech decides obl/nmod, advcl/acl, npmod

    def kids(self, i: int) -> list[int]:
        return [j for j in range(self.n) if self.head[j] == i]

    def upos(self, i: int) -> str:
        return self.nodes[i].upos if i >= 0 else "VERB"

    def promote(self, new: int, old: int, old_dep: str) -> None:
        """``new`` takes ``old``'s place; ``old`` becomes its dependent; ``old``'s other children follow."""
        self.head[new], self.dep[new], self.label_head[new] = self.head[old], self.dep[old], self.label_head[old]
        self.head[old], self.dep[old] = new, old_dep
        for j in self.kids(old):
            if self.dep[j] != "fixed":
                self.head[j] = new


def convert(nodes: list[Node], names: list[tuple[int, int]] = ()) -> list[tuple[int, str, str]]:
    """UD v2 (head 1-based with 0 = root, deprel, feats) for each node.

    ``names`` are person-name spans (0-based, inclusive) to turn into ``flat``.
    """
    t = _Tree(nodes)
    if not t.n:
        return []
    _collapse_multiword(t)
    seen: set[int] = set()
    for p in range(t.n):
        if p not in seen and t.dep[p] != "fixed" and (
            t.dep[p] in PREP_DEPS or any(t.dep[j] == "pobj" for j in t.kids(p))
        ):
            _demote(t, p, seen)
    _invert_copulas(t)
    for start, end in names:
        _flatten_name(t, start, end)
    feats = [x.feats or "_" for x in nodes]
    deps = [_label(t, i) for i in range(t.n)]
    for i in range(t.n):
        if t.orig_dep[i] == "neg":
            feats[i] = add_feat(feats[i], "Polarity", "Neg")
    _flatten_conj(t, deps)
    heads = _repair(t, deps)
    return [(h + 1, d, f) for h, d, f in zip(heads, deps, feats)]


def _collapse_multiword(t: _Tree) -> None:
    forms = [x.form.lower() for x in t.nodes]
    i = 0
    while i < t.n:
        for k in (3, 2):
            span = range(i, i + k)
            if tuple(forms[i:i + k]) not in MULTIWORD:
                continue
            tops = [j for j in span if t.head[j] not in span]
            if len(tops) != 1 or t.dep[tops[0]] not in MULTIWORD_DEPS:
                continue
            top = tops[0]
            outside = [j for j in range(t.n) if t.head[j] in span and j not in span]
            t.head[i], t.dep[i], t.label_head[i] = t.head[top], t.dep[top], t.label_head[top]
            for j in span[1:]:
                t.head[j], t.dep[j] = i, "fixed"
            for j in outside:
                t.head[j] = i
            i += k - 1
            break
        i += 1


def _demote(t: _Tree, p: int, seen: set[int]) -> int | None:
    """Make the object of preposition ``p`` the head of its phrase; return the object (or None)."""
    if p in seen:
        return None
    seen.add(p)
    kids = t.kids(p)
    obj = next((j for j in kids if t.dep[j] == "pobj"), None)
    kind = "PP"
    if obj is None:
        for j in kids:
            if t.dep[j] == "pcomp" or (t.dep[j] == "prep" and j == p + 1):
                if t.upos(j) in VERBAL:
                    obj, kind = j, "PC"
                elif t.upos(j) in NOMINAL:
                    obj = j
                else:  # "from behind the wall": an inner preposition with its own object
                    obj = _demote(t, j, seen)
                    if obj is not None and t.dep[obj].startswith("PC:"):
                        kind = "PC"
                break
    if obj is None:
        return None
    role = t.dep[p]
    if role == "cc":  # "peace rather than war": the object is a conjunct
        t.promote(obj, p, "cc")
        t.dep[obj] = "conj"
        return obj
    t.promote(obj, p, "mark" if kind == "PC" else "case")
    t.dep[obj] = f"{kind}:{role}"
    return obj


def _invert_copulas(t: _Tree) -> None:
    for c in range(t.n):
        node = t.nodes[c]
        if node.lemma.lower() != "be" or node.upos not in VERBAL or t.dep[c] in ("aux", "auxpass", "cop"):
            continue
        kids = t.kids(c)
        kid_deps = {t.dep[j] for j in kids}
        if kid_deps & ({"expl", "dobj", "oprd"} | PASSIVE_DEPS):
            continue
        pred = next((j for j in kids if t.dep[j] in ("attr", "acomp")), None)
        if pred is None and not kid_deps & {"ccomp", "xcomp", "csubj"}:
            pred = next((j for j in kids if j > c and t.dep[j] == "PP:prep"), None)
        if pred is not None:
            t.promote(pred, c, "cop")


def _flatten_name(t: _Tree, start: int, end: int) -> None:
    span = range(start, end + 1)
    if end <= start or any(t.nodes[j].upos != "PROPN" for j in span):
        return
    if t.head[end] in span or any(t.dep[j] != "compound" or t.head[j] not in span for j in span[:-1]):
        return
    t.head[start], t.dep[start], t.label_head[start] = t.head[end], t.dep[end], t.label_head[end]
    for j in range(t.n):
        if t.head[j] in span and j not in span:
            t.head[j] = start
    for j in span[1:]:
        t.head[j], t.dep[j] = start, "flat"


def _is_passive_by(t: _Tree, i: int) -> bool:
    h = t.label_head[i]
    if h < 0 or not any(t.dep[j] == "case" and t.nodes[j].form.lower() == "by" for j in t.kids(i)):
        return False
    if t.nodes[h].tag != "VBN":
        return False
    return t.orig_dep[h] == "acl" or any(
        t.orig_head[j] == h and t.orig_dep[j] in PASSIVE_DEPS for j in range(t.n)
    )


def _label(t: _Tree, i: int) -> str:
    dep = t.dep[i]
    if t.head[i] < 0:
        return "root"
    kind, _, role = dep.partition(":") if dep[:3] in ("PP:", "PC:") else ("", "", dep)
    nominal_head = t.upos(t.label_head[i]) in NOMINAL
    if kind == "PP":
        if role == "agent" or (role == "prep" and _is_passive_by(t, i)):
            return "obl:agent"
        if role in PREP_DEPS:
            return "nmod" if nominal_head and role == "prep" else "obl"
    elif kind == "PC" and role in PREP_DEPS:
        return "acl" if nominal_head else "advcl"
    if role in PREP_DEPS:  # a preposition left without an object (or a noun dative)
        return "iobj" if role == "dative" and t.upos(i) != "ADP" else "advmod"
    if role == "pobj":
        return "nmod" if t.upos(t.head[i]) in NOMINAL else "obl"
    if role == "pcomp":
        return "advcl" if t.upos(i) in VERBAL else "dep"
    if role == "attr":
        return "nsubj" if any(t.dep[j] == "expl" for j in t.kids(t.head[i])) else "xcomp"
    if role == "npadvmod":
        return "nmod:npmod" if nominal_head else "obl:npmod"
    if role == "aux" and t.nodes[i].tag == "TO":
        return "mark"
    if role in RENAME:
        return RENAME[role]
    return role if role in KEEP else "dep"


def _flatten_conj(t: _Tree, deps: list[str]) -> None:
    head = t.head
    for i in range(t.n):
        steps = 0
        while deps[i] == "conj" and head[i] >= 0 and deps[head[i]] == "conj" and steps < t.n:
            head[i] = head[head[i]]
            steps += 1
    for first in range(t.n):
        conjs = sorted(j for j in range(t.n) if head[j] == first and deps[j] == "conj" and j > first)
        if not conjs:
            continue
        group = {first, *conjs}
        for j in range(first + 1, conjs[-1]):
            if head[j] in group and j not in group and (
                deps[j] == "cc" or (deps[j] == "punct" and t.nodes[j].form in (",", ";"))
            ):
                head[j] = next(c for c in conjs if c > j)


def _bad_tokens(heads: list[int]) -> list[int]:
    """Tokens whose head chain does not end at a single root: cycles, bad indices, extra roots."""
    n = len(heads)
    roots = [i for i, h in enumerate(heads) if h < 0]
    bad = [i for i, h in enumerate(heads) if h >= n or h < -1] + roots[1:]
    if bad or not roots:
        return bad or list(range(n))
    for i in range(n):
        seen, j = set(), i
        while j >= 0 and j not in seen:
            seen.add(j)
            j = heads[j]
        if j >= 0:
            bad.append(i)
    return bad


def _repair(t: _Tree, deps: list[str]) -> list[int]:
    heads = list(t.head)
    for _ in range(t.n + 1):
        bad = [i for i in _bad_tokens(heads) if heads[i] != t.orig_head[i]]
        if not _bad_tokens(heads):
            break
        if not bad:
            heads = list(t.orig_head)
            break
        heads[bad[0]] = t.orig_head[bad[0]]
    if _bad_tokens(heads):  # spaCy's own tree is broken (several roots): hang extras on the first
        roots = [i for i, h in enumerate(heads) if h < 0] or [0]
        heads = [roots[0] if (h < 0 or h >= t.n) and i != roots[0] else h for i, h in enumerate(heads)]
        heads[roots[0]] = -1
    for i, h in enumerate(heads):
        if h < 0:
            deps[i] = "root"
        elif deps[i] == "root":
            deps[i] = "dep"
    return heads


def add_feat(feats: str, key: str, value: str) -> str:
    parts = [] if feats in ("", "_") else [p for p in feats.split("|") if not p.startswith(key + "=")]
    return "|".join(sorted(parts + [f"{key}={value}"], key=str.lower))
