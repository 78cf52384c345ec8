"""The dictionary set a run codes with: actor index, verb index and codebook, compiled once."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coder.actors import ActorIndex, load_actor_files
from coder.codebook import Codebook, load_codebook
from coder.resources import dictionaries_dir
from coder.verbs import VerbIndex, load_verb_files


@dataclass(frozen=True)
class DictionarySet:
    actors: ActorIndex
    verbs: VerbIndex
    codebook: Codebook
    agent_codes: frozenset[str]
    fingerprint: str  # short hash of every file's bytes: the `dictionaries` column of events
    files: tuple[str, ...]


def _fingerprint(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths, key=str):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def shipped_files(base: Path | None = None) -> tuple[list[Path], list[Path]]:
    base = base or dictionaries_dir()
    return sorted((base / "actors").glob("*.txt")), sorted((base / "verbs").glob("*.txt"))


def load_dictionary_set(actor_files: Sequence[Path] | None = None, verb_files: Sequence[Path] | None = None,
                        codebook: Codebook | None = None) -> DictionarySet:
    """Load and compile; defaults are the dictionaries shipped with coder."""
    default_actors, default_verbs = shipped_files()
    actor_files = list(actor_files) if actor_files is not None else default_actors
    verb_files = list(verb_files) if verb_files is not None else default_verbs
    codebook = codebook or load_codebook()
    agent_codes = frozenset(t.code for t in codebook.actor_types if len(t.code) == 3)
    files = [Path(p) for p in actor_files + verb_files]
    return DictionarySet(
        actors=load_actor_files(actor_files),
        verbs=load_verb_files(verb_files),
        codebook=codebook,
        agent_codes=agent_codes,
        fingerprint=_fingerprint(files),
        files=tuple(str(p) for p in files),
    )
