"""Shared test helpers.

Build sentences by hand: one token per whitespace-separated item, ``form/lemma/UPOS/head/deprel[/feats]``.
Write small dictionaries in a test, in coder's format (``coder_dicts``) and in PETRARCH's (``petrarch``), and
code one hand-built sentence with them (``code``); used by the ``test_petrarch_*`` modules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coder.coding import code_document
from coder.config import CoderConfig
from coder.dictset import load_dictionary_set
from coder.model import Document, Sentence, Token
from coder.petrarch import load_petrarch_files


def sent(spec: str, entities=()) -> Sentence:
    tokens = []
    for i, item in enumerate(spec.split(), start=1):
        parts = item.split("/")
        form, lemma, upos, head, rel = parts[:5]
        feats = parts[5] if len(parts) > 5 else "_"
        tokens.append(Token(i, form, lemma, upos, "_", feats,
                            int(head), rel))
    return Sentence(tuple(tokens), entities=tuple(entities))


def doc(*sentences: Sentence, date: dt.date = dt.date(2023, 5, 1)) -> Document:
    return Document("d1", tuple(sentences), date=date, parser="hand")


def triples(result) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["cameo_code"]) for e in result.events}


# -- dictionaries written in a test, in coder's format and in PETRARCH's ---------------------------

CONFIG = CoderConfig(default_date=dt.date(2023, 5, 1))

ACTORS = """\
actor IRN = Iran
actor IRQ = Iraq
actor EGY = Egypt
actor SYR = Syria
actor DAG = Dagolath; Telemar
actor USAGOV = US Secretary of State
adjective DNK = Danish
agent GOV = government; official; prime minister
agent MED = media
agent LEG = Congress
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def coder_dicts(tmp_path: Path, verbs: str, actors: str = ACTORS):
    return load_dictionary_set([write(tmp_path, "a.txt", actors)], [write(tmp_path, "v.txt", verbs)],
                               discard_files=[], issue_files=[])


def code(dicts, spec: str, config: CoderConfig = CONFIG) -> set[tuple[str, str, str]]:
    return triples(code_document(doc(sent(spec)), dicts, config))


PETRARCH_ACTORS = """\
IRAN [IRN]
IRAQ [IRQ]
EGYPT [EGY]
SYRIA [SYR]
ARNOR [ARN]
AMNESTY_INTERNATIONAL [NGM]
THE_SHIRE [FRO/BIL/SAM]
"""
PETRARCH_AGENTS = """\
MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
ACTIVIST [~OPP]
MSF [NGO~]
CONGRESS [~LEG]
"""


def petrarch(tmp_path: Path, verbs: str, pico: str | None = None):
    return load_petrarch_files(verbs=write(tmp_path, "p.verbs.txt", verbs),
                               actors=write(tmp_path, "p.actors.txt", PETRARCH_ACTORS),
                               agents=write(tmp_path, "p.agents.txt", PETRARCH_AGENTS),
                               pico=write(tmp_path, "pico.txt", pico) if pico else None).dicts
