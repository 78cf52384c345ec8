"""Load a set of PETRARCH dictionaries (named one by one or by a ``PETR_config.ini``) into coder's
indexes, with every bad line reported as a ``LoadIssue`` and skipped."""

from __future__ import annotations

import configparser
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from coder.actors import ActorEntry, compile_actor_index
from coder.codebook import Codebook, load_codebook
from coder.dictionary_base import DictionaryError, LoadIssue
from coder.dictset import DictionarySet, fingerprint_files
from coder.petrarch.actors import only_listed_plurals, read_actor_file, read_agent_file
from coder.petrarch.lists import Discard, IssuePhrase, read_discard_file, read_issue_file
from coder.petrarch.pico import PicoTable, read_pico_file
from coder.petrarch.reading import Issues
from coder.petrarch.verb_compile import compile_patterns, compile_rules
from coder.petrarch.verb_dict import Transformation, new_reading, read_verb_file
from coder.verbs import compile_verb_index

PICO_DEFAULT_NAME = "PETR.Internal.Coding.Ontology.txt"


@dataclass(frozen=True)
class PetrarchSet:
    dicts: DictionarySet  # actors + verbs in coder's ActorIndex / VerbIndex, coder's codebook
    discards: tuple[Discard, ...]
    issues: tuple[IssuePhrase, ...]
    combinations: PicoTable  # CAMEO code <-> PICO value; .combine(outer, inner)
    load_issues: tuple[LoadIssue, ...]  # bad lines and untranslatable patterns: reported and skipped
    notes: tuple[LoadIssue, ...] = ()  # lines read with a loss (a compound agent code cut to 3 letters, ...)
    transformations: tuple[Transformation, ...] = ()  # the '~' lines as read (compiled: dicts.verbs.rules)
    stats: Mapping[str, int] = field(default_factory=dict)  # counts: entries, patterns, skipped by reason

    def combine(self, outer_code: str, inner_code: str) -> str | None:
        """The code of a nested verb ("A will [help B]": combine("030", "070") == "033")."""
        return self.combinations.combine(outer_code, inner_code)


def _paths(items: Iterable[Path | str] | Path | str | None) -> list[Path]:
    if items is None:
        return []
    if isinstance(items, (str, Path)):
        return [Path(items)]
    return [Path(p) for p in items]


def load_petrarch_files(verbs=(), actors=(), agents=(), discards=(), issues=(), pico=None,
                        codebook: Codebook | None = None) -> PetrarchSet:
    """Read the named PETRARCH files (each argument: a path or a sequence of paths)."""
    verb_files, actor_files, agent_files = _paths(verbs), _paths(actors), _paths(agents)
    discard_files, issue_files, pico_files = _paths(discards), _paths(issues), _paths(pico)
    report = Issues()
    stats: Counter = Counter()

    entries: list[ActorEntry] = []
    for path in actor_files:
        entries.extend(read_actor_file(path, report))
    agent_codes: set[str] = set()
    n_actor_problems = len(report.problems)
    listed_plurals: set[str] = set()
    for path in agent_files:
        entries.extend(read_agent_file(path, report, agent_codes, listed_plurals))
    actor_problems = report.problems[:]
    for kind, n in Counter(e.kind for e in entries).items():
        stats[f"{kind} entries"] = n
    stats["actor names"] = sum(len(e.names) for e in entries if e.kind != "agent")
    stats["dated roles"] = sum(1 for e in entries for r in e.roles if r.dated)
    stats["actor lines skipped"] = n_actor_problems
    stats["agent lines skipped"] = len(actor_problems) - n_actor_problems

    reading = new_reading()
    for path in verb_files:
        read_verb_file(path, reading, report)
    patterns, synsets = compile_patterns(reading, report, stats) if verb_files else ([], {})
    rules = compile_rules(reading, report)
    stats["coder patterns"] = len(patterns)
    stats["synonym sets"] = len(synsets)
    stats["transformations"] = len(reading.transformations)
    verb_problems = report.problems[len(actor_problems):]

    discard_list = [d for path in discard_files for d in read_discard_file(path, report)]
    issue_list = [i for path in issue_files for i in read_issue_file(path, report)]
    table = PicoTable()
    for path in pico_files:
        table = read_pico_file(path, report)
    stats["discards"], stats["issue phrases"], stats["pico codes"] = len(discard_list), len(issue_list), len(table)
    stats["load issues"], stats["notes"] = len(report.problems), len(report.notes)

    codebook = codebook or load_codebook()
    all_files = actor_files + agent_files + verb_files + discard_files + issue_files + pico_files
    dicts = DictionarySet(
        actors=only_listed_plurals(compile_actor_index(entries, files=[str(p) for p in actor_files + agent_files],
                                                       issues=actor_problems), listed_plurals),
        verbs=compile_verb_index(patterns, synsets, files=[str(p) for p in verb_files], issues=verb_problems,
                                 combinations=table if len(table) else None, rules=rules),
        codebook=codebook,
        agent_codes=frozenset(t.code for t in codebook.actor_types if len(t.code) == 3) | frozenset(agent_codes),
        fingerprint=fingerprint_files(all_files),
        files=tuple(str(p) for p in all_files),
        combinations=table if len(table) else None,
    )
    return PetrarchSet(dicts, tuple(discard_list), tuple(issue_list), table, tuple(report.problems),
                       tuple(report.notes), tuple(reading.transformations), MappingProxyType(dict(stats)))


def _names(value: str) -> list[str]:
    return [v for v in re.split(r"[,\s]+", value) if v]


def load_petrarch_config(ini: Path | str, extra_dirs: Sequence[Path | str] = (),
                         codebook: Codebook | None = None) -> PetrarchSet:
    """Read PETRARCH's own ``PETR_config.ini`` ([Dictionaries]: verbfile_name, actorfile_list,
    agentfile_name, discardfile_name, issuefile_name, and UD-PETRARCH's P1verbfile_name and
    internal_coding_ontology_filename). A file name is looked up beside the ini, in
    ``../dictionaries/`` relative to it (where PETRARCH keeps them), then in ``extra_dirs``.

    PETRARCH-2 hard-codes its PICO table, so without ``internal_coding_ontology_filename`` the
    file ``PETR.Internal.Coding.Ontology.txt`` is used if one of those folders has it.
    UD-PETRARCH's ``use_Petrarch1_verb_dictionary`` / ``use_Petrarch2_verb_dictionary`` options
    choose between ``P1verbfile_name`` and ``verbfile_name``."""
    ini = Path(ini)
    parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"), interpolation=None, strict=False)
    try:
        with ini.open(encoding="utf-8") as fh:
            parser.read_file(fh)
    except OSError as exc:
        raise DictionaryError(str(ini), 0, f"cannot read: {exc.strerror or exc}") from None
    except configparser.Error as exc:
        raise DictionaryError(str(ini), getattr(exc, "lineno", 0) or 0, f"not a config file: {exc}") from None
    if not parser.has_section("Dictionaries"):
        raise DictionaryError(str(ini), 0, "no [Dictionaries] section")
    dirs = [ini.parent, ini.parent.parent / "dictionaries"] + [Path(d) for d in extra_dirs]

    def find(name: str, required: bool = True) -> Path | None:
        for d in dirs:
            if (d / name).is_file():
                return d / name
        if required:
            raise DictionaryError(name, 0, "named in " + str(ini) + " but not found in "
                                  + ", ".join(str(d) for d in dirs))
        return None

    def option(key: str) -> list[str]:
        return _names(parser.get("Dictionaries", key, fallback=""))

    def flag(key: str) -> bool | None:
        if not parser.has_option("Options", key):
            return None
        return parser.get("Options", key).strip().lower() in ("true", "yes", "1", "on")

    use_p1, use_p2 = flag("use_petrarch1_verb_dictionary"), flag("use_petrarch2_verb_dictionary")
    verb_names = option("verbfile_name")
    if use_p1 and option("p1verbfile_name"):
        verb_names = option("p1verbfile_name") + (verb_names if use_p2 else [])
    pico_names = option("internal_coding_ontology_filename")
    pico = find(pico_names[0]) if pico_names else find(PICO_DEFAULT_NAME, required=False)
    return load_petrarch_files(
        verbs=[find(n) for n in verb_names],
        actors=[find(n) for n in option("actorfile_list")],
        agents=[find(n) for n in option("agentfile_name")],
        discards=[find(n) for n in option("discardfile_name")],
        issues=[find(n) for n in option("issuefile_name")],
        pico=pico,
        codebook=codebook,
    )
