"""The records of a PETRARCH validation file, as ``coder.validation_xml`` reads them, and
how their expected events are compared.

* ``Environment``: the suite's ``<Environment>`` (dictionary files, categories scored, settings).
* ``ValidationRecord``: one ``<Sentence>``: text, parse, expected events, the settings in force.
* ``ValidationFile``: the environment, the records and the problems met reading them; which
  records are scored.
* ``ReadProblem`` / ``StopMark``: a record or line skipped, and a ``<Stop>`` ending the file.
* Actor codes as PETRARCH's validation compares them: ``normalise_actor`` (``~GOV`` and an empty
  code are the unknown actor ``---``), ``expand_compound`` (``FRO/BIL/SAM`` is three actors) and
  ``expand_triples`` (expected events with compound actors expanded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coder.model import Sentence

__all__ = [
    "UNKNOWN_ACTOR", "Environment", "ValidationRecord", "ValidationFile", "ReadProblem", "StopMark",
    "expand_compound", "expand_triples", "normalise_actor",
]

UNKNOWN_ACTOR = "---"


@dataclass(frozen=True)
class Environment:
    """The ``<Environment>`` block: the dictionary files a suite codes with and what it scores."""

    verbfile: str | None = None
    actorfiles: tuple[str, ...] = ()
    agentfiles: tuple[str, ...] = ()
    discardfiles: tuple[str, ...] = ()
    issuefiles: tuple[str, ...] = ()
    picofile: str | None = None
    errorfile: str | None = None
    include: tuple[str, ...] | None = None  # None: every category
    exclude: tuple[str, ...] = ()
    valid_only: bool = False  # the ``valid`` token of <Include>
    pause: str | None = None
    config: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)  # every child element, text as written
    line: int = 0

    def includes(self, category: str) -> bool:
        if category in self.exclude:
            return False
        return self.include is None or category in self.include


@dataclass(frozen=True)
class ValidationRecord:
    id: str
    date: dt.date | None
    category: str
    evaluate: bool
    expected: frozenset[tuple[str, str, str]]  # (source, target, code), compounds expanded
    noevents: bool  # noevents="True", or error=...: the record must code nothing
    text: str
    parse: Sentence | None
    config: dict[str, str]
    line: int
    codings: tuple[tuple[str, str, str], ...] = ()  # the <EventCoding> triples as written
    error: str | None = None  # <EventCoding error="...">
    has_coding: bool = False  # any <EventCoding> line at all (upstream skips records without)
    parse_format: str | None = None  # "conllu", "treebank" or None
    parse_extra: tuple[Sentence, ...] = ()  # further CoNLL-U sentences in the same <Parse>
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return ((self.parse,) + self.parse_extra) if self.parse is not None else ()


@dataclass(frozen=True)
class ReadProblem:
    line: int
    message: str


@dataclass(frozen=True)
class StopMark:
    """A ``<Stop>`` outside a record: reading ends at ``line``."""

    line: int


@dataclass
class ValidationFile:
    environment: Environment
    records: list[ValidationRecord]
    problems: list[ReadProblem] = field(default_factory=list)
    path: Path | None = None
    stopped_at: int | None = None  # line of a <Stop> record, if any

    def is_scored(self, record: ValidationRecord) -> bool:
        """Scored: evaluate is true, the category passes <Include>/<Exclude>, and the record
        has an <EventCoding> line (events, noevents or error)."""
        return record.evaluate and record.has_coding and self.environment.includes(record.category)

    def scored(self) -> list[ValidationRecord]:
        return [r for r in self.records if self.is_scored(r)]


def normalise_actor(code: str) -> str:
    """An actor code as PETRARCH's validation compares it: ``~GOV`` and an empty code are
    the unknown actor ``---`` (``---GOV``); surrounding space is dropped."""
    code = code.strip()
    if not code:
        return UNKNOWN_ACTOR
    if code.startswith("~"):
        return UNKNOWN_ACTOR + code[1:]
    return code


def expand_compound(code: str) -> list[str]:
    """``FRO/BIL/SAM`` -> ``[FRO, BIL, SAM]``; a plain code -> ``[code]``."""
    parts = [normalise_actor(p) for p in code.split("/")] if "/" in code else [normalise_actor(code)]
    return list(dict.fromkeys(p for p in parts if p)) or [UNKNOWN_ACTOR]


def expand_triples(triples: Iterable[tuple[str, str, str]]) -> frozenset[tuple[str, str, str]]:
    """The set of (source, target, code) with compound actors expanded and duplicates removed
    (an actor paired with itself by the expansion is dropped)."""
    out = set()
    for source, target, code in triples:
        compound = "/" in source or "/" in target
        for s in expand_compound(source):
            for t in expand_compound(target):
                if not (compound and s == t):  # "A/B" with "B/C": no B-to-B event
                    out.add((s, t, code.strip()))
    return frozenset(out)
