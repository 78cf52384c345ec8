"""Verb and event-noun patterns: coder's format (docs/dictionaries.md), loaded into a pattern index."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from coder.dictionary_base import DictionaryError, name_key, numbered_lines, split_names

_CODE = re.compile(r"^\d{2,4}$|^[A-Za-z0-9]{2,6}$|^---$")  # "---": the pattern matches and codes nothing
_SYNSET = re.compile(r"^&(?P<name>[A-Z][A-Z0-9_]*)\s*=\s*(?P<words>.*)$")
_KEYS = ("target", "source", "object", "particle", "xcomp", "negated", "symmetric", "prep", "subject", "reverse",
         "nested", "among", "skip")
_FLAGS = ("symmetric", "nested", "among")
_PREP = re.compile(r"^[a-z]+(_[a-z]+)*$")
_SLOT_BASE = frozenset({"obj", "iobj", "subj", "poss", "by", "between", "subj.poss", "pp", "agent", "comp", "gsubj"})


@dataclass(frozen=True)
class Pattern:
    code: str
    lemmas: tuple[str, ...]
    noun: bool = False
    target: tuple[str, ...] = ("obj",)
    source: tuple[str, ...] = ("subj",)
    objects: frozenset[str] | None = None  # name keys of allowed direct objects
    particle: str | None = None
    xcomp: frozenset[str] | None = None  # lemma keys of allowed complement verbs
    negated: str | None = None
    symmetric: bool = False
    source_ref: str = ""  # file:line
    text: str = ""  # the line as written
    # required prepositional phrases: (preposition, name keys of its allowed objects, None: any object)
    preps: tuple[tuple[str, frozenset[str] | None], ...] = ()
    subjects: frozenset[str] | None = None  # name keys of allowed subject nouns ("death toll" rose)
    reverse: str | None = None  # paired code: the target does this to the source (042 visit / 043 host)
    # an argument whose noun phrase codes as no actor is looked for in the phrases attached to it
    # ("welcomed the resumption of ties with Y": Y), as PETRARCH reads noun phrases
    nested: bool = False
    skip: tuple[str, ...] = ()  # prepositions whose phrases hold neither actor ("celebrated Eid at X with Y")
    among: bool = False  # the subject must be coordinated ("X and Y postponed their meeting"): events among them
    # its words come from a synonym set (PETRARCH's ``&WEAPON``): between two patterns that match as much
    # of the sentence, one that names the word itself (``MISSILE``) wins
    synonyms: bool = False

    @property
    def specificity(self) -> int:
        return ((self.objects is not None) * 4 + (self.xcomp is not None) * 4 + (self.particle is not None) * 2
                + (self.subjects is not None) * 4 + self.among * 2
                + sum(4 if keys is not None else 2 for _, keys in self.preps))

    @property
    def constraint_key(self) -> tuple:
        """What decides whether the pattern applies (two patterns of one verb with equal keys: the first wins)."""
        return (self.objects, self.particle, self.xcomp, self.preps, self.subjects, self.among)


@dataclass(frozen=True)
class VerbIndex:
    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    synsets: Mapping[str, frozenset[str]]
    patterns: tuple[Pattern, ...]
    files: tuple[str, ...] = ()
    issues: tuple = field(default=())
    # A code-combination table (PETRARCH's PICO: ``combine(outer, inner)``, ``negate(code)``) or None.
    # With one, a verb combines with the verb it governs ("wants to attack" -> 138) and a negated
    # verb without a ``negated`` code takes the table's negation.
    combinations: object | None = None
    rules: tuple = ()  # verb-over-verb rules (coder.nesting.VerbRule), applied with a combination table

    def for_verb(self, lemma: str) -> tuple[Pattern, ...]:
        return self.verbs.get(lemma, ())

    def for_noun(self, lemma: str) -> tuple[Pattern, ...]:
        return self.nouns.get(lemma, ())


def _words(value: str, synsets: dict[str, frozenset[str]], src: str, lineno: int) -> frozenset[str]:
    out: set[str] = set()
    for item in value.split("|"):
        item = item.strip()
        if not item:
            raise DictionaryError(src, lineno, f"empty word in list {value!r}")
        if item.startswith("&"):
            if item[1:] not in synsets:
                raise DictionaryError(src, lineno, f"unknown synonym set {item} (define '{item} = …' above its first use)")
            out |= synsets[item[1:]]
        else:
            out.add(name_key(item.replace("_", " ")))
    return frozenset(out)


def _slots(value: str, src: str, lineno: int, noun: bool) -> tuple[str, ...]:
    """``obj,with`` (both) or ``obj|iobj|pp`` (the first of these that names an actor)."""
    slots = []
    for slot in value.split(","):
        slot = slot.strip()
        for alt in slot.split("|"):
            base = alt[6:] if alt.startswith("xcomp.") else alt
            if not alt or not (base in _SLOT_BASE or _PREP.match(base)):
                raise DictionaryError(src, lineno, f"bad slot {alt!r}: use obj, iobj, subj, agent, pp, a preposition, "
                                                   "or xcomp.<slot> (alternatives joined by '|')")
        slots.append(slot)
    return tuple(slots)


def _preps(value: str, synsets: dict[str, frozenset[str]], src: str, lineno: int
           ) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """``to:border|frontier,with`` -> (("to", {border, frontier}), ("with", None))."""
    out = []
    for item in value.split(","):
        prep, colon, words = item.strip().partition(":")
        if not _PREP.match(prep):
            raise DictionaryError(src, lineno, f"bad preposition {prep!r} in prep={value!r}: "
                                               "want 'to' or 'to:word|word'")
        if colon and not words:
            raise DictionaryError(src, lineno, f"prep={value!r}: a ':' must be followed by a word list")
        out.append((prep, _words(words, synsets, src, lineno) if colon else None))
    return tuple(out)


def parse_verb_file(path: Path, synsets: dict[str, frozenset[str]]) -> list[Pattern]:
    src = str(path)
    patterns: list[Pattern] = []
    for lineno, line in numbered_lines(path):
        line = line.strip()
        m = _SYNSET.match(line)
        if m:
            words = split_names(m.group("words"))
            if not words:
                raise DictionaryError(src, lineno, f"synonym set &{m.group('name')} is empty")
            synsets[m.group("name")] = _words("|".join(words), synsets, src, lineno)
            continue
        if line.startswith("&"):
            raise DictionaryError(src, lineno, "synonym set names are &UPPER_CASE, e.g. '&AID = aid; assistance'")
        parts = line.split()
        if len(parts) < 2:
            raise DictionaryError(src, lineno, "expected 'CODE lemma key=value …' (see docs/dictionaries.md)")
        code, head, options = parts[0], parts[1], parts[2:]
        if not _CODE.match(code):
            raise DictionaryError(src, lineno, f"bad event code {code!r}")
        noun = head.startswith("noun:")
        lemmas = tuple(name_key(w) for w in (head[5:] if noun else head).split("|") if w)
        if not lemmas or "=" in head:
            raise DictionaryError(src, lineno, f"expected a lemma after the code, found {head!r}")
        kw: dict = {}
        for opt in options:
            key, eq, value = opt.partition("=")
            if key not in _KEYS:
                raise DictionaryError(src, lineno, f"unknown key {key!r}; known: {', '.join(_KEYS)}")
            if key in kw:
                raise DictionaryError(src, lineno, f"key {key!r} given twice")
            if key in _FLAGS:
                if eq:
                    raise DictionaryError(src, lineno, f"{key} is a flag and takes no value")
                kw[key] = True
                continue
            if not value:
                raise DictionaryError(src, lineno, f"{key}= needs a value")
            if key in ("target", "source"):
                kw[key] = _slots(value, src, lineno, noun)
            elif key == "object":
                kw["objects"] = _words(value, synsets, src, lineno)
            elif key == "xcomp":
                kw["xcomp"] = _words(value, synsets, src, lineno)
            elif key == "particle":
                kw["particle"] = name_key(value)
            elif key in ("negated", "reverse"):
                if not _CODE.match(value):
                    raise DictionaryError(src, lineno, f"bad {key} code {value!r}")
                kw[key] = value
            elif key == "prep":
                kw["preps"] = _preps(value, synsets, src, lineno)
            elif key == "subject":
                kw["subjects"] = _words(value, synsets, src, lineno)
            elif key == "skip":
                kw["skip"] = tuple(p for p, _ in _preps(value, synsets, src, lineno))
        if noun:
            kw.setdefault("source", ("poss", "by", "between", "subj"))
            kw.setdefault("target", ("with", "between"))
        patterns.append(Pattern(code=code, lemmas=lemmas, noun=noun, source_ref=f"{src}:{lineno}", text=line, **kw))
    return patterns


def compile_verb_index(patterns: Sequence[Pattern], synsets: Mapping[str, frozenset[str]] | None = None,
                       files: Sequence[str] = (), issues: Sequence = (), combinations: object | None = None,
                       rules: Sequence = ()) -> VerbIndex:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in patterns:
        table = nouns if p.noun else verbs
        for lemma in p.lemmas:
            table.setdefault(lemma, []).append(p)
    order = {id(p): i for i, p in enumerate(patterns)}

    def ranked(ps: list[Pattern]) -> tuple[Pattern, ...]:
        return tuple(sorted(ps, key=lambda p: (-p.specificity, order[id(p)])))

    return VerbIndex(
        verbs=MappingProxyType({k: ranked(v) for k, v in verbs.items()}),
        nouns=MappingProxyType({k: ranked(v) for k, v in nouns.items()}),
        synsets=MappingProxyType(dict(synsets or {})),
        patterns=tuple(patterns),
        files=tuple(files),
        issues=tuple(issues),
        combinations=combinations,
        rules=tuple(rules),
    )


def load_verb_files(paths: Sequence[Path]) -> VerbIndex:
    synsets: dict[str, frozenset[str]] = {}
    patterns: list[Pattern] = []
    for path in paths:
        patterns.extend(parse_verb_file(Path(path), synsets))
    return compile_verb_index(patterns, synsets, files=[str(p) for p in paths])
