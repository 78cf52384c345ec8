"""PETRARCH verb dictionaries, step two: the lines ``verb_dict.read_verb_file`` read (a
``VerbReading``) compiled into coder ``Pattern`` objects (``compile_patterns``) and the ``~``
transformations into ``coder.nesting.VerbRule`` (``compile_rules``).

Patterns are keyed on the block *name*, as PETRARCH-2 does: two blocks with one name share
their patterns. Each verb line becomes a pattern with the verb's code and the default
target slots; each pattern line a pattern over the block's verbs (lemmas lower-cased, plus
the listed forms, so "met" finds MEET when a tagger gets the lemma wrong). Synonym sets
(``&CURRENCY``) become the sets of name keys an object, phrase noun or subject may have.

A pattern written twice in one block codes with its last line, as in PETRARCH-2 (the earlier
line is reported as replaced). coder's matcher takes, for a verb, the first (most specific)
pattern whose constraints hold (object, particle, required phrases, subject noun:
``Pattern.constraint_key``), and stops there even if that pattern finds no target. Two patterns
with the same verbs and the same constraints can therefore not both fire (``* ATTACK [190]``
twice in a block): the later one is reported as shadowed and dropped. ``* (TO)`` and ``* (FOR)``
differ: each requires its phrase.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from dataclasses import dataclass

from coder.dictionary_base import name_key
from coder.petrarch.patterns import ARTICLES, Item, Malformed, Translation, Unrepresentable, parse_code, translate
from coder.petrarch.reading import Issues, phrase_words
from coder.petrarch.verb_dict import Transformation, VerbLine, VerbReading
from coder.verbs import Pattern

_MAX_OBJECT_KEYS = 20000


def synset_keys(reading: VerbReading, issues: Issues) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}

    def resolve(name: str, stack: tuple[str, ...]) -> frozenset[str]:
        if name in out:
            return out[name]
        keys: set[str] = set()
        for member, src, line in reading.synsets.get(name, ()):
            if member.startswith("&"):
                ref = member[1:].strip()
                if ref not in reading.synsets or ref in stack:
                    issues.bad(src, line, f"synonym set member {member} is not defined (or refers to itself)")
                    continue
                keys |= resolve(ref, stack + (name,))
            elif "(" in member or ")" in member:
                issues.note(src, line, f"synonym set member {member!r} is a phrase with a preposition: "
                                       "not usable as an object in coder")
            else:
                key = name_key(phrase_words(member))
                if key:
                    keys.add(key)
        out[name] = frozenset(keys)
        return out[name]

    for name in reading.synsets:
        resolve(name, ())
    return out


def _object_keys(item: Item, synsets: dict[str, frozenset[str]],
                 members: dict[str, list[str]]) -> frozenset[str]:
    if item.kind == "word":
        if item.text.startswith("&"):
            name = item.text[1:]
            if name not in synsets:
                raise Malformed(f"undefined synonym set {item.text} (PETRARCH ignores the pattern)")
            return synsets[name]
        return frozenset({name_key(phrase_words(item.text))})
    words = list(item.words)
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    options: list[list[str]] = []
    for w in words:
        if w.startswith("&"):
            if w[1:] not in members:
                raise Malformed(f"undefined synonym set {w} (PETRARCH ignores the pattern)")
            options.append(members[w[1:]])
        else:
            options.append([phrase_words(w)])
    keys: set[str] = set()
    for combo in itertools.product(*options):
        keys.add(name_key(" ".join(combo)))
        if len(keys) > _MAX_OBJECT_KEYS:
            raise Unrepresentable("noun phrase too large", f"more than {_MAX_OBJECT_KEYS} combinations")
    return frozenset(keys)


def compile_patterns(reading: VerbReading, issues: Issues, stats: Counter) -> tuple[list[Pattern], dict]:
    synsets = synset_keys(reading, issues)
    members = {name: [phrase_words(m) for m, _, _ in ms if not m.startswith("&") and "(" not in m]
               for name, ms in reading.synsets.items()}
    simple: dict[str, list[str]] = {}
    compound: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for rec in reading.records:
        if isinstance(rec, VerbLine):
            if rec.particle is None:
                simple.setdefault(rec.block, []).extend(rec.lemmas)
            else:
                compound.setdefault(rec.block, []).append((rec.lemmas, rec.particle))
    patterns: list[Pattern] = []
    replaced = _replaced_patterns(reading.records)
    for rec in reading.records:
        is_verb = isinstance(rec, VerbLine)
        if not is_verb and id(rec) in replaced:
            later = replaced[id(rec)]
            stats["skipped: replaced by the same pattern later in its block"] += 1
            issues.bad(rec.src, rec.line, f"pattern replaced by line {later.line}, the same pattern later in the "
                                          f"block with code [{later.code}] (PETRARCH-2 keeps the last): {rec.text}")
            continue
        code = (rec.code if rec.code is not None else reading.block_codes.get(rec.block, "---")) if is_verb \
            else rec.code
        if is_verb and parse_code(code) == (None, None):
            continue  # a verb without a code of its own: only its patterns code
        try:
            t = translate("*" if is_verb else rec.body, code)
            keys = _Keys(
                objects=_object_keys(t.objects[0], synsets, members) if t.objects else None,
                preps=tuple((prep, None if noun is None else _object_keys(noun, synsets, members))
                            for prep, noun in t.preps),
                subjects=_object_keys(t.subject, synsets, members) if t.subject is not None else None)
        except Unrepresentable as exc:
            stats[f"skipped: {exc.category}"] += 1
            issues.bad(rec.src, rec.line, f"pattern skipped ({exc}): {rec.text}")
            continue
        except Malformed as exc:
            stats["skipped: malformed"] += 1
            issues.bad(rec.src, rec.line, f"malformed pattern ({exc}): {rec.text}")
            continue
        for category, note in t.notes:
            stats[f"note: {category}"] += 1
            issues.note(rec.src, rec.line, note)
        if is_verb:
            groups = [(rec.lemmas, rec.particle)]
        else:
            groups = [(tuple(dict.fromkeys(simple.get(rec.block, ()))), t.particle)]
            groups += [(lem, part) for lem, part in compound.get(rec.block, ()) if t.particle in (None, part)]
        made = [_pattern(t, lemmas, particle, keys, rec) for lemmas, particle in groups if lemmas]
        patterns.extend(made)
        if not made:
            stats["skipped: block without verbs"] += 1
            issues.bad(rec.src, rec.line, f"pattern in block {rec.block!r}, which has no verbs")
    return _drop_shadowed(patterns, issues, stats), synsets


def _replaced_patterns(records) -> dict[int, object]:
    """id(record) -> the later record that replaces it: PETRARCH-2 stores a block's patterns in a
    word trie whose leaf holds one code, so a pattern written twice in a block (the sorted CAMEO.2.0
    file merged blocks: ALLOW's ``- * &TREATY [031:031]`` and RATIFY's ``- * &TREATY [057]``) codes
    with the last line's code."""
    last: dict[tuple[str, str], object] = {}
    out: dict[int, object] = {}
    for rec in reversed(records):
        if isinstance(rec, VerbLine):
            continue
        key = (rec.block, " ".join(rec.body.split()))
        if key in last:
            out[id(rec)] = last[key]
        else:
            last[key] = rec
    return out


@dataclass(frozen=True)
class _Keys:
    objects: frozenset[str] | None
    preps: tuple[tuple[str, frozenset[str] | None], ...]
    subjects: frozenset[str] | None


def _pattern(t: Translation, lemmas: tuple[str, ...], particle: str | None, keys: _Keys, rec) -> Pattern:
    return Pattern(code=t.code, lemmas=lemmas, target=t.target, source=t.source, objects=keys.objects,
                   particle=particle, symmetric=t.symmetric, source_ref=f"{rec.src}:{rec.line}", text=rec.text,
                   preps=keys.preps, subjects=keys.subjects, reverse=t.reverse, nested=True,
                   among=t.among, skip=tuple(t.skip), synonyms="&" in getattr(rec, "body", ""))


def _drop_shadowed(patterns: list[Pattern], issues: Issues, stats: Counter) -> list[Pattern]:
    """Keep, per verb lemma, only the first pattern of each constraint signature (see module doc).
    A dictionary line all of whose patterns are shadowed is reported; the rest are counted."""
    seen: dict[tuple, str] = {}
    out: list[Pattern] = []
    by_line: dict[str, list[Pattern]] = {}
    for p in patterns:
        by_line.setdefault(p.source_ref, []).append(p)
    for ref, group in by_line.items():
        kept = []
        for p in group:
            live = tuple(lem for lem in p.lemmas if (lem, p.constraint_key) not in seen)
            if live:
                kept.append(p if live == p.lemmas else dataclasses.replace(p, lemmas=live))
        src, _, line = ref.rpartition(":")
        if not kept:
            first = seen[(group[0].lemmas[0], group[0].constraint_key)]
            first_src, _, first_line = first.rpartition(":")
            where = f"line {first_line}" if first_src == src else first
            stats["skipped: shadowed (same verbs and constraints as an earlier pattern)"] += 1
            issues.bad(src, int(line), f"pattern shadowed by {where}: same verbs and constraints (object, "
                                       f"particle, phrases, subject), and coder's matcher stops at the first "
                                       f"such pattern: {group[0].text}")
            continue
        for p in kept:
            for lem in p.lemmas:
                seen[(lem, p.constraint_key)] = ref
        stats["patterns translated" if group[0].text.startswith("-") else "verb lines translated"] += 1
        out.extend(kept)
    return out


def compile_rules(reading: VerbReading, issues: Issues) -> list:
    """The ``~`` transformations as ``coder.nesting.VerbRule``: a verb word stands for itself (its
    forms) and for any verb that codes as it does ("the verbs ... are converted to codes")."""
    from coder.nesting import VerbRule, VerbSpec

    codes: dict[str, str | None] = {}
    for rec in reading.records:
        if isinstance(rec, VerbLine):
            code = rec.code if rec.code is not None else reading.block_codes.get(rec.block)
            active = parse_code(code)[0] if code else None
            for lemma in rec.lemmas:
                codes.setdefault(lemma, active)

    def spec(word: str, t: Transformation) -> VerbSpec:
        if word == "Q":
            return VerbSpec(any=True)
        key = name_key(word.replace("_", " "))
        if key not in codes:
            src, _, line = t.source.rpartition(":")
            issues.note(src, int(line), f"transformation verb {word} is not a verb of the dictionary: it matches "
                                        "only itself")
        return VerbSpec(frozenset({key}), codes.get(key))

    return [VerbRule(t.outer_source, t.inner_source, t.inner_target, spec(t.inner_verb, t), spec(t.outer_verb, t),
                     t.result_source, t.result_target, t.result_code, t.source) for t in reading.transformations]
