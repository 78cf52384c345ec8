"""PETRARCH-style validation suites and the root-level held-out measure.

``read_validation_file`` (from ``coder.validation_xml``) reads a suite; ``run_validation``
codes every scored record and compares the SET of (source, target, CAMEO code) triples
it produces with the expected set (compound actors expanded, duplicates removed): an
exact match passes. ``score_roots`` is the held-out measure of issue 4: events compared
per sentence at (source root, target root, CAMEO root), as multisets, so that an extra
event costs precision exactly as a missed one costs recall. docs/validation.md has the
details and the list of records whose expected coding we believe is wrong.
"""

from __future__ import annotations

from types import MappingProxyType

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from coder.coding import code_document
from coder.config import CoderConfig
from coder.dictset import DictionarySet
from coder.model import Document
from coder.validation_records import (
    UNKNOWN_ACTOR, Environment, ReadProblem, StopMark, ValidationFile, ValidationRecord, expand_compound,
    expand_triples, normalise_actor,
)
from coder.validation_xml import iter_validation, read_validation, read_validation_file

__all__ = [
    "Environment", "ValidationRecord", "ValidationFile", "ReadProblem", "StopMark", "RecordResult",
    "ValidationReport", "iter_validation", "read_validation", "read_validation_file", "run_validation",
    "score_roots", "actor_root", "cameo_root", "expand_compound", "expand_triples", "normalise_actor",
    "UNKNOWN_ACTOR", "petrarch_config",
]

Triple = tuple[str, str, str]
Discard = Callable[[str], "str | None"]


@dataclass(frozen=True)
class RecordResult:
    record: ValidationRecord
    produced: frozenset[Triple]
    passed: bool
    note: str = ""  # "discarded: ...", "no parse", ...

    @property
    def missing(self) -> frozenset[Triple]:
        return self.record.expected - self.produced

    @property
    def extra(self) -> frozenset[Triple]:
        return self.produced - self.record.expected


@dataclass
class ValidationReport:
    results: list[RecordResult]
    source: str = ""
    read: int = 0  # records read
    not_scored: dict[str, int] = field(default_factory=dict)  # reason -> count
    notes: list[str] = field(default_factory=list)

    @property
    def scored(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    def by_category(self) -> dict[str, tuple[int, int]]:
        """category -> (passed, scored), in file order."""
        out: dict[str, list[int]] = {}
        for r in self.results:
            row = out.setdefault(r.record.category, [0, 0])
            row[0] += r.passed
            row[1] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}

    def failures(self) -> list[RecordResult]:
        return [r for r in self.results if not r.passed]

    def total_line(self) -> str:
        return f"total: {self.passed}/{self.scored}"

    def lines(self, show_failures: bool = True) -> list[str]:
        out = []
        skipped = ", ".join(f"{n} {why}" for why, n in self.not_scored.items() if n)
        out.append(f"{self.source or 'validation'}: {self.scored} records scored of {self.read} read"
                   + (f" (not scored: {skipped})" if skipped else ""))
        out.extend(f"note: {n}" for n in self.notes)
        if show_failures:
            for r in self.failures():
                out.extend(_failure_lines(r))
        out.append("")
        width = max([len(c) for c in self.by_category()] + [8])
        for cat, (p, s) in self.by_category().items():
            out.append(f"{cat:<{width}}  {p:>4}/{s:<4} {100.0 * p / s:5.1f}%")
        out.append(self.total_line())
        return out


def _fmt(triples: Iterable[Triple]) -> str:
    items = sorted(triples)
    return ", ".join(f"{s}>{t}:{c}" for s, t, c in items) if items else "(nothing)"


def _failure_lines(r: RecordResult) -> list[str]:
    rec = r.record
    expected = "no events" + (f" ({rec.error})" if rec.error else "") if not rec.expected else _fmt(rec.expected)
    text = rec.text if len(rec.text) <= 160 else rec.text[:157] + "..."
    lines = [f"FAIL {rec.id} [{rec.category}] line {rec.line}: {text}",
             f"    expected: {expected}", f"    produced: {_fmt(r.produced)}"]
    if rec.expected and r.produced:
        lines.append(f"    missing: {_fmt(r.missing)}; extra: {_fmt(r.extra)}")
    if r.note:
        lines.append(f"    note: {r.note}")
    return lines


# -- running a suite ------------------------------------------------------------------------------

_CONFIG_FIELDS = MappingProxyType({f.name: f for f in dataclasses.fields(CoderConfig)})


def _record_config(base: CoderConfig, record: ValidationRecord) -> CoderConfig:
    """The record's date, plus any of its <Config> options that CoderConfig also has (same name)."""
    changes: dict[str, object] = {}
    if record.date:
        changes["default_date"] = record.date
    for option, value in record.config.items():
        if option in _CONFIG_FIELDS and option != "default_date":
            current = getattr(base, option)
            if isinstance(current, bool):
                changes[option] = value.strip().lower() in ("true", "yes", "1")
            elif isinstance(current, int):
                try:
                    changes[option] = int(value)
                except ValueError:
                    pass
            elif isinstance(current, str) or current is None:
                changes[option] = value
    return dataclasses.replace(base, **changes) if changes else base


def _discard_function(pset: object) -> Discard | None:
    """A text -> reason-or-None function from a PetrarchSet's discard list.

    A set with a PICO file is PETRARCH-2's or UD-PETRARCH's, which match a phrase against the
    blank-separated words of the text (``Discard.matches(words=True)``); without one, PETRARCH-1's
    stem match anywhere in the text."""
    discards = getattr(pset, "discards", None)
    if not discards:
        return None
    words = bool(len(getattr(pset, "combinations", ()) or ()))

    def first_match(text: str) -> str | None:
        for d in discards:
            if d.matches(text, words=words):
                return f"{d.phrase!r} ({d.source})"
        return None
    return first_match


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def petrarch_config(config: CoderConfig) -> CoderConfig:
    """``config`` as PETRARCH reads a sentence, for coding with PETRARCH's own dictionaries: an agent
    is appended to any actor code (``stack_agents``), and neither a modal verb nor a non-factual
    governor makes a clause hypothetical ("Ethiopia indicated it would act against Libya", "won't try
    to clash with Eriadori" code the act): PETRARCH has no hypotheticals; a present participle on a
    noun has the noun as subject ("the parade supporting Gondor"), not the clause's subject; a list
    subject of a main-clause cooperation (CAMEO 03-06) without a target is coded among itself ("The US,
    Russia and Switzerland met");
    an attached phrase that gives the actor gives its agents too (``phrase_agents``); an adverb right after
    the verb can be a pattern's object word (``adverb_objects``); in a passive clause a pre-verb noun
    matches only the by/from phrases (``passive_phrase_subjects``)."""
    return dataclasses.replace(config, stack_agents=True, modals=frozenset(), non_factual_governors=frozenset(),
                               participle_control=False, among_subjects=True, phrase_agents=True,
                               adverb_objects=True, passive_phrase_subjects=True,
                               require_dyad=False)


def run_validation(vfile: ValidationFile, dicts: DictionarySet | object, parser=None,
                   config: CoderConfig | None = None, *, allow_unknown_actor: str | None = None,
                   discard: Discard | None = None, use_parses: bool = True, petrarch: bool | None = None,
                   progress: Callable[[int], None] | None = None) -> ValidationReport:
    """Code every scored record of ``vfile`` and compare its event set with the expected one.

    ``dicts``: a ``DictionarySet`` or a PetrarchSet (its ``.dicts``; its discard list is applied
    when it offers a matcher). A record is coded from its CoNLL-U parse when it has one (and
    ``use_parses``), else ``parser`` parses its text. ``allow_unknown_actor="---"`` sets
    ``CoderConfig.unknown_actor``: an agent without a country codes as ``---AGENT``. ``petrarch``
    (default: when ``dicts`` is a PetrarchSet) codes with ``petrarch_config``.
    """
    base = config or CoderConfig(default_date=dt.date(2000, 1, 1))
    notes: list[str] = []
    is_petrarch_set = hasattr(dicts, "dicts") and not isinstance(dicts, DictionarySet)
    if petrarch if petrarch is not None else is_petrarch_set:
        base = petrarch_config(base)
    if is_petrarch_set:
        if discard is None:
            discard = _discard_function(dicts)
            if discard is None and getattr(dicts, "discards", None):
                notes.append("the discard list was loaded but offers no matcher: discards not applied")
        dicts = dicts.dicts
    if allow_unknown_actor:
        base = dataclasses.replace(base, unknown_actor=allow_unknown_actor)
    scored = vfile.scored()
    not_scored = {
        'evaluate="false"': sum(not r.evaluate for r in vfile.records),
        "category not included": sum(r.evaluate and not vfile.environment.includes(r.category) for r in vfile.records),
        "without <EventCoding>": sum(r.evaluate and vfile.environment.includes(r.category) and not r.has_coding
                                     for r in vfile.records),
    }
    unknown = sum(any(UNKNOWN_ACTOR in s or UNKNOWN_ACTOR in t for s, t, _ in r.expected) for r in scored)
    if unknown and not allow_unknown_actor:
        notes.append(f"{unknown} records expect the unknown actor {UNKNOWN_ACTOR!r} (see --allow-unknown-actor)")
    sentences: dict[int, tuple] = {}
    to_parse = [i for i, r in enumerate(scored) if not (use_parses and r.sentences)]
    if to_parse and parser is not None:
        for chunk in _chunks(to_parse, 32):
            parsed = parser.parse_texts([scored[i].text for i in chunk])
            for i, sents in zip(chunk, parsed):
                sentences[i] = tuple(sents)
    parser_name = getattr(parser, "name", "") if parser is not None else ""
    results = []
    for i, record in enumerate(scored):
        note = ""
        if use_parses and record.sentences:
            sents, how = record.sentences, "conllu"
        elif i in sentences:
            sents, how = sentences[i], parser_name
        else:
            sents, how = (), ""
            note = "no CoNLL-U parse and no parser: not coded"
        reason = discard(record.text) if discard is not None and record.text else None
        if reason:
            produced: frozenset[Triple] = frozenset()
            note = f"discarded: {reason}"
        elif sents:
            cfg = _record_config(base, record)
            doc = Document(record.id, sents, date=record.date or cfg.default_date, parser=how,
                           source_file=str(vfile.path or ""), source_line=record.line)
            events = code_document(doc, dicts, cfg).events
            produced = expand_triples((e["source"], e["target"], e["cameo_code"]) for e in events)
        else:
            produced = frozenset()
        results.append(RecordResult(record, produced, produced == record.expected, note))
        if progress:
            progress(1)
    source = vfile.path.name if vfile.path else ""
    return ValidationReport(results, source, len(vfile.records), not_scored, notes)


# -- the root-level held-out measure --------------------------------------------------------------

def actor_root(code: str) -> str:
    """The root of an actor code: its first three characters (``USAGOV`` -> ``USA``,
    ``IGOUNO`` -> ``IGO``, ``---REB`` -> ``---``), as UD-PETRARCH's "primary" tabulation."""
    code = normalise_actor(code)
    return code[:3]


def cameo_root(code: str) -> str:
    """The CAMEO root: the first two digits (``0841`` -> ``08``)."""
    return code.strip()[:2]


def _roots(triples: Iterable[Triple], root: Callable[[str], str]) -> Counter:
    out: Counter = Counter()
    for s, t, c in triples:
        for s1 in s.split("/"):
            for t1 in t.split("/"):
                out[(root(s1), root(t1), cameo_root(c))] += 1
    return out


def score_roots(pairs: Iterable[tuple[Iterable[Triple], Iterable[Triple]]],
                root: Callable[[str], str] = actor_root) -> tuple[float, float, float, int, int, int]:
    """Precision, recall, F1, tp, fp, fn over ``(predicted, gold)`` pairs, one per sentence.

    Each side is a collection of (source, target, CAMEO code) triples; per sentence both are
    reduced to multisets of (source root, target root, CAMEO root) and matched: tp = the size
    of their intersection, fp = predicted - tp, fn = gold - tp. A ratio with a zero
    denominator is 0.0.
    """
    tp = fp = fn = 0
    for predicted, gold in pairs:
        p, g = _roots(predicted, root), _roots(gold, root)
        hit = sum((p & g).values())
        tp += hit
        fp += sum(p.values()) - hit
        fn += sum(g.values()) - hit
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn
