"""Shared fixtures: a small fixture dictionary set and a compact way to build parsed sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coder.codebook import load_codebook
from coder.config import CoderConfig
from coder.dictset import load_dictionary_set

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


@pytest.fixture(scope="session")
def mini_dicts(codebook):
    return load_dictionary_set([DATA / "mini_actors.txt"], [DATA / "mini_verbs.txt"], codebook)


@pytest.fixture(scope="session")
def shipped_dicts(codebook):
    return load_dictionary_set(codebook=codebook)


@pytest.fixture(scope="session")
def config():
    return CoderConfig(default_date=dt.date(2023, 5, 1))


@pytest.fixture(scope="session")
def spacy_parser():
    pytest.importorskip("spacy")
    from coder.parsers import ParserConfig, make_parser

    return make_parser(ParserConfig(name="spacy"))
