"""The stanza path: Document → Sentence adapter, and a real Pipeline on tiny committed models."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from coder.conllu import parse_conllu_text
from coder.model import Entity, detokenise
from coder.parsers import ParserConfig, ParserUnavailable, make_parser

stanza = pytest.importorskip("stanza")

from coder.parsers.stanza_ud import (  # noqa: E402
    StanzaParser,
    conllu_to_stanza_document,
    stanza_document_to_sentences,
)

TINY = Path(__file__).parent / "models" / "stanza_tiny"
TINY_PATHS = tuple((f"{p}_model_path", str(TINY / f"{p}.pt")) for p in ("tokenize", "pos", "lemma", "depparse"))

CONLLU = """\
# newdoc id = d1
# sent_id = s1
# text = Iran's minister didn't meet South Korea's envoy in Cairo.
1	Iran	Iran	PROPN	NNP	Number=Sing	3	nmod:poss	_	SpaceAfter=No|NER=S-GPE
2	's	's	PART	POS	_	1	case	_	_
3	minister	minister	NOUN	NN	Number=Sing	6	nsubj	_	_
4-5	didn't	_	_	_	_	_	_	_	_
4	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	6	aux	_	_
5	n't	not	PART	RB	Polarity=Neg	6	advmod	_	_
6	meet	meet	VERB	VB	VerbForm=Inf	0	root	_	_
7	South	South	PROPN	NNP	Number=Sing	8	compound	_	NER=B-GPE
8-9	Korea's	_	_	_	_	_	_	_	NER=E-GPE
8	Korea	Korea	PROPN	NNP	Number=Sing	10	nmod:poss	_	_
9	's	's	PART	POS	_	8	case	_	_
10	envoy	envoy	NOUN	NN	Number=Sing	6	obj	_	Gloss=envoy
11	in	in	ADP	IN	_	12	case	_	_
12	Cairo	Cairo	PROPN	NNP	Number=Sing	6	obl	_	SpaceAfter=No|ner=S-GPE
13	.	.	PUNCT	.	_	6	punct	_	_

# sent_id = s2
# text = Ali Khamenei criticized the United Nations.
1	Ali	Ali	PROPN	NNP	Number=Sing	3	nsubj	_	NER=B-PERSON
2	Khamenei	Khamenei	PROPN	NNP	Number=Sing	1	flat	_	NER=I-PERSON
3	criticized	criticize	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	the	the	DET	DT	Definite=Def|PronType=Art	6	det	_	NER=B-ORG
5	United	United	PROPN	NNP	Number=Sing	6	compound	_	NER=I-ORG
6	Nations	Nations	PROPN	NNPS	Number=Plur	3	dobj	_	SpaceAfter=No|NER=I-ORG
7	.	.	PUNCT	.	_	3	punct	_	_
"""


@pytest.fixture(scope="module")
def converted():
    return stanza_document_to_sentences(conllu_to_stanza_document(CONLLU))


def test_adapter_matches_our_conllu_reader(converted):
    ours = parse_conllu_text(CONLLU)[0].sentences
    assert len(converted) == len(ours) == 2
    for got, want in zip(converted, ours):
        assert [t.id for t in got.tokens] == list(range(1, len(want) + 1))
        for g, w in zip(got.tokens, want.tokens):
            assert (g.form, g.lemma, g.upos, g.xpos, g.feats, g.head, g.deprel) == (
                w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel)
        assert got.text == want.text


def test_adapter_text_ids_and_v1_relations(converted):
    first, second = converted
    assert first.text == "Iran's minister didn't meet South Korea's envoy in Cairo."
    assert second.text == "Ali Khamenei criticized the United Nations."
    assert [s.sent_id for s in converted] == ["0", "1"]
    assert second.token(6).deprel == "obj"  # dobj normalised to UD v2
    assert first.root().form == "meet"


def test_adapter_multiword_tokens_become_words(converted):
    first = converted[0]
    assert [t.form for t in first.tokens] == [
        "Iran", "'s", "minister", "did", "n't", "meet", "South", "Korea", "'s", "envoy", "in", "Cairo", "."]
    assert first.token(4).lemma == "do" and first.token(5).lemma == "not"
    assert first.token(5).feats == "Polarity=Neg"
    assert first.token(8).head == 10 and first.token(9).head == 8
    # words inside a multiword token are glued, so the forms reassemble the text
    assert not first.token(4).space_after and first.token(5).space_after
    assert not first.token(8).space_after and first.token(9).space_after
    assert first.span_text([4, 5]) == "didn't"


def test_adapter_space_after_and_misc(converted):
    first, second = converted
    assert first.token(1).misc == "SpaceAfter=No"
    assert first.token(12).misc == "SpaceAfter=No"
    assert first.token(10).misc == "Gloss=envoy"
    assert first.token(3).misc == "_"
    assert second.token(7).misc == "_"  # the document's last token
    for s in converted:
        assert detokenise(s.tokens) == s.text
        assert all("ner=" not in t.misc.lower() for t in s.tokens)


def test_adapter_entities(converted):
    first, second = converted
    assert first.entities == (Entity(1, 1, "GPE"), Entity(7, 9, "GPE"), Entity(12, 12, "GPE"))
    assert first.span_text([7, 8, 9]) == "South Korea's"
    assert second.entities == (Entity(1, 2, "PERSON"), Entity(4, 6, "ORG"))


def test_adapter_fills_missing_annotation():
    from stanza.models.common.doc import Document

    doc = Document([[{"id": 1, "text": "Iran"}, {"id": 2, "text": "protests"}]], text="Iran protests")
    (sent,) = stanza_document_to_sentences(doc)
    assert [(t.form, t.lemma, t.upos, t.xpos, t.feats, t.head, t.deprel) for t in sent.tokens] == [
        ("Iran", "_", "X", "_", "_", 0, "dep"), ("protests", "_", "X", "_", "_", 0, "dep")]
    assert sent.text == "Iran protests"


def test_adapter_entities_set_by_hand():
    from stanza.models.common.doc import Document, Span

    doc = conllu_to_stanza_document(CONLLU.split("\n\n")[1])
    sent = doc.sentences[0]
    sent.ents = [Span(tokens=sent.tokens[3:6], type="NORP", doc=doc, sent=sent)]
    assert isinstance(doc, Document)
    (out,) = stanza_document_to_sentences(doc)
    assert out.entities == (Entity(4, 6, "NORP"),)


def _no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_missing_models_raise_parser_unavailable(tmp_path, monkeypatch):
    _no_network(monkeypatch)
    with pytest.raises(ParserUnavailable) as err:
        make_parser(ParserConfig(name="stanza", stanza_dir=str(tmp_path)))
    assert "stanza.download('en'" in str(err.value)
    assert "import stanza" in str(err.value)


def test_missing_model_file_raises_parser_unavailable(tmp_path):
    config = ParserConfig(name="stanza", stanza_processors="tokenize",
                          stanza_model_paths=(("tokenize_model_path", str(tmp_path / "nope.pt")),))
    with pytest.raises(ParserUnavailable, match="nope.pt"):
        StanzaParser(config)


@pytest.fixture(scope="module")
def tiny_parser():
    for _, path in TINY_PATHS:
        assert Path(path).exists(), f"{path} missing: run tests/models/build_stanza_tiny.py"
    return StanzaParser(ParserConfig(name="stanza", stanza_model_paths=TINY_PATHS,
                                     stanza_processors="tokenize,pos,lemma,depparse", batch_size=2))


@pytest.mark.slow
def test_tiny_models_are_small():
    total = sum(Path(p).stat().st_size for _, p in TINY_PATHS)
    assert total < 5 * 1024 * 1024


@pytest.mark.slow
def test_pipeline_on_tiny_models(tiny_parser, monkeypatch):
    _no_network(monkeypatch)
    assert tiny_parser.name.startswith(f"stanza-{stanza.__version__}/")
    texts = [
        "Iran met Egypt in Cairo on Monday. The minister visited Paris. Police arrested 12 protesters.",
        "On Tuesday, China thanked Russia's foreign minister. Germany did not support the army.",
        "Hamas was condemned by Israel. They said NATO would warn Turkey in Geneva. Japan welcomed India.",
    ]
    results = tiny_parser.parse_texts(texts)
    assert len(results) == len(texts)
    for text, sentences in zip(texts, results):
        assert len(sentences) >= 2
        forms = []
        for s in sentences:
            assert len(s) > 0
            assert sum(1 for t in s.tokens if t.head == 0) == 1
            assert all(0 <= t.head <= len(s) and t.head != t.id for t in s.tokens)
            assert s.text and s.text in text
            assert detokenise(s.tokens) == s.text
            forms.extend(t.form for t in s.tokens)
        assert "".join(forms) == "".join(text.split())
        assert [s.sent_id for s in sentences] == [str(i) for i in range(len(sentences))]


@pytest.mark.slow
def test_pipeline_keeps_order_and_empty_texts(tiny_parser):
    texts = ["Iran met Egypt.", "", "   ", "Egypt met Iran."]
    results = tiny_parser.parse_texts(texts)
    assert [len(r) > 0 for r in results] == [True, False, False, True]
    assert results[0][0].tokens[0].form == "Iran" and results[3][0].tokens[0].form == "Egypt"
    assert tiny_parser.parse_texts([]) == []


@pytest.mark.slow
def test_make_parser_picks_stanza_for_model_paths(tiny_parser):
    # the default processor list (with mwt and ner) is cut down to the models given
    parser = make_parser(ParserConfig(name="auto", stanza_model_paths=TINY_PATHS))
    assert isinstance(parser, StanzaParser)
    assert parser.processors == ("tokenize", "pos", "lemma", "depparse")
