"""The dictionary set a run codes with: actor index, verb index, codebook, discard list and issue
phrases, compiled once."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from coder.actors import ActorIndex, compile_actor_index, load_actor_files
from coder.codebook import Codebook, load_codebook
from coder.lists import (EMPTY_DISCARDS, EMPTY_ISSUES, DiscardList, IssueList, discards_from_petrarch,
                         issues_from_petrarch, merge_discards, merge_issues, read_discard_files,
                         read_issue_files)
from coder.resources import dictionaries_dir
from coder.verbs import VerbIndex, compile_verb_index, load_verb_files


@dataclass(frozen=True)
class DictionarySet:
    actors: ActorIndex
    verbs: VerbIndex
    codebook: Codebook
    agent_codes: frozenset[str]
    fingerprint: str  # short hash of every file's bytes: the `dictionaries` column of events
    files: tuple[str, ...]
    # PETRARCH's code-combination table (coder.petrarch.PicoTable) when the set has one; the verb index
    # carries the same table for the matcher.
    combinations: object | None = None
    discards: DiscardList = EMPTY_DISCARDS  # phrases that drop a sentence or a whole story
    issues: IssueList = EMPTY_ISSUES  # phrases -> issue codes: the `issues` column of events


def fingerprint_files(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths, key=str):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def shipped_files(base: Path | None = None) -> tuple[list[Path], list[Path]]:
    base = base or dictionaries_dir()
    return sorted((base / "actors").glob("*.txt")), sorted((base / "verbs").glob("*.txt"))


def shipped_lists(base: Path | None = None) -> tuple[list[Path], list[Path]]:
    """The shipped discard list and issue dictionary (``discards.txt``, ``issues.txt``), where present."""
    base = base or dictionaries_dir()
    return [p for p in [base / "discards.txt"] if p.is_file()], [p for p in [base / "issues.txt"] if p.is_file()]


def load_dictionary_set(actor_files: Sequence[Path] | None = None, verb_files: Sequence[Path] | None = None,
                        codebook: Codebook | None = None, discard_files: Sequence[Path] | None = None,
                        issue_files: Sequence[Path] | None = None) -> DictionarySet:
    """Load and compile; defaults are the dictionaries shipped with coder. The shipped discard list
    and issue dictionary apply unless ``discard_files`` / ``issue_files`` are given (``[]``: none)."""
    default_actors, default_verbs = shipped_files()
    default_discards, default_issues = shipped_lists()
    actor_files = list(actor_files) if actor_files is not None else default_actors
    verb_files = list(verb_files) if verb_files is not None else default_verbs
    discard_files = [Path(p) for p in discard_files] if discard_files is not None else default_discards
    issue_files = [Path(p) for p in issue_files] if issue_files is not None else default_issues
    codebook = codebook or load_codebook()
    agent_codes = frozenset(t.code for t in codebook.actor_types if len(t.code) == 3)
    files = [Path(p) for p in actor_files + verb_files] + discard_files + issue_files
    return DictionarySet(
        actors=load_actor_files(actor_files),
        verbs=load_verb_files(verb_files),
        codebook=codebook,
        agent_codes=agent_codes,
        fingerprint=fingerprint_files(files),
        files=tuple(str(p) for p in files),
        discards=read_discard_files(discard_files),
        issues=read_issue_files(issue_files),
    )


def merge_dictionary_sets(sets: Sequence[DictionarySet]) -> DictionarySet:
    """One set from several (e.g. PETRARCH's Phoenix dictionaries and coder's own): entries and patterns
    are concatenated in order and compiled again; the first set's codebook is used."""
    if len(sets) == 1:
        return sets[0]
    entries = [e for s in sets for e in s.actors.entries]
    patterns = [p for s in sets for p in s.verbs.patterns]
    synsets = {k: v for s in sets for k, v in s.verbs.synsets.items()}
    files = tuple(f for s in sets for f in s.files)
    combinations = next((s.combinations for s in sets if s.combinations is not None), None)
    h = hashlib.sha256("".join(s.fingerprint for s in sets).encode())
    return DictionarySet(
        actors=compile_actor_index(entries, files=[f for s in sets for f in s.actors.files],
                                   issues=[i for s in sets for i in s.actors.issues]),
        verbs=compile_verb_index(patterns, synsets, files=[f for s in sets for f in s.verbs.files],
                                 issues=[i for s in sets for i in s.verbs.issues], combinations=combinations,
                                 rules=[r for s in sets for r in s.verbs.rules]),
        codebook=sets[0].codebook, agent_codes=frozenset().union(*(s.agent_codes for s in sets)),
        fingerprint=h.hexdigest()[:16], files=files, combinations=combinations,
        discards=merge_discards([s.discards for s in sets]), issues=merge_issues([s.issues for s in sets]),
    )


def load_dictionary_spec(specs: Sequence[str], codebook: Codebook | None = None) -> DictionarySet:
    """``coder`` (the shipped dictionaries) and/or ``petrarch:PETR_config.ini`` (PETRARCH's own config
    file naming its verb, actor, agent, discard and issue files), merged in the order given."""
    codebook = codebook or load_codebook()
    sets = []
    for spec in specs or ["coder"]:
        if spec == "coder":
            sets.append(load_dictionary_set(codebook=codebook))
        elif spec.startswith("petrarch:"):
            from coder.petrarch import load_petrarch_config

            pset = load_petrarch_config(Path(spec[len("petrarch:"):]), codebook=codebook)
            sets.append(petrarch_dictionary_set(pset))
        else:
            raise ValueError(f"unknown dictionary set {spec!r}: use 'coder' or 'petrarch:PATH/TO/PETR_config.ini'")
    return merge_dictionary_sets(sets)


def petrarch_dictionary_set(pset) -> DictionarySet:
    """A PetrarchSet's ``dicts`` with its discard list and issue phrases converted to coder's."""
    discard_files = tuple(dict.fromkeys(d.source.rpartition(":")[0] for d in pset.discards))
    issue_files = tuple(dict.fromkeys(i.source.rpartition(":")[0] for i in pset.issues))
    return replace(pset.dicts,
                   discards=DiscardList(tuple(discards_from_petrarch(pset.discards)), discard_files),
                   issues=IssueList(tuple(issues_from_petrarch(pset.issues)), issue_files))
