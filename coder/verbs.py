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
_KEYS = ("target", "source", "object", "particle", "xcomp", "negated", "symmetric")
_FLAGS = ("symmetric",)
_PREP = re.compile(r"^[a-z]+(_[a-z]+)*$")
_SLOT_BASE = frozenset({"obj", "iobj", "subj", "poss", "by", "between"})


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

    @property
    def specificity(self) -> int:
        return (self.objects is not None) * 4 + (self.xcomp is not None) * 4 + (self.particle is not None) * 2


@dataclass(frozen=True)
class VerbIndex:
    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    synsets: Mapping[str, frozenset[str]]
    patterns: tuple[Pattern, ...]
    files: tuple[str, ...] = ()
    issues: tuple = field(default=())

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
    slots = []
    for slot in value.split(","):
        slot = slot.strip()
        base = slot[6:] if slot.startswith("xcomp.") else slot
        if not slot or not (base in _SLOT_BASE or _PREP.match(base)):
            raise DictionaryError(src, lineno, f"bad slot {slot!r}: use obj, iobj, subj, a preposition, or xcomp.<slot>")
        slots.append(slot)
    return tuple(slots)


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
            elif key == "negated":
                if not _CODE.match(value):
                    raise DictionaryError(src, lineno, f"bad negated code {value!r}")
                kw["negated"] = value
        if noun:
            kw.setdefault("source", ("poss", "by", "between", "subj"))
            kw.setdefault("target", ("with", "between"))
        patterns.append(Pattern(code=code, lemmas=lemmas, noun=noun, source_ref=f"{src}:{lineno}", text=line, **kw))
    return patterns


def compile_verb_index(patterns: Sequence[Pattern], synsets: Mapping[str, frozenset[str]] | None = None,
                       files: Sequence[str] = (), issues: Sequence = ()) -> VerbIndex:
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
    )


def load_verb_files(paths: Sequence[Path]) -> VerbIndex:
    synsets: dict[str, frozenset[str]] = {}
    patterns: list[Pattern] = []
    for path in paths:
        patterns.extend(parse_verb_file(Path(path), synsets))
    return compile_verb_index(patterns, synsets, files=[str(p) for p in paths])
