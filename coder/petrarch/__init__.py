"""Readers for PETRARCH/TABARI dictionaries, compiled into coder's own indexes.

    >>> ps = load_petrarch_config(Path(".../petrarch2/data/config/PETR_config.ini"))
    >>> ps.dicts            # a DictionarySet: code with coder.coding.code_document(doc, ps.dicts, config)
    >>> ps.load_issues      # every bad line: LoadIssue(file, line, problem), skipped
    >>> ps.combine("030", "070")   # "A will [help B]" -> "033" (needs a PICO file)

The foreign files are read where they are, at run time; nothing of them is copied into coder.
Formats and the choices made translating them: ``actors.py`` (actors, agents, dates),
``verb_dict.py`` (verb dictionaries read, both syntaxes), ``patterns.py`` and ``verb_compile.py``
(their patterns translated and compiled), ``lists.py`` (discards, issues), ``pico.py`` (code combination).
"""

from coder.petrarch.lists import Discard, IssuePhrase
from coder.petrarch.load import PetrarchSet, load_petrarch_config, load_petrarch_files
from coder.petrarch.pico import PicoTable
from coder.petrarch.verb_dict import Transformation

__all__ = [
    "Discard",
    "IssuePhrase",
    "PetrarchSet",
    "PicoTable",
    "Transformation",
    "load_petrarch_config",
    "load_petrarch_files",
]
