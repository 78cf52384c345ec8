"""spaCy → UD v2 conversion: rules on hand-built Docs (fast), then the real model (slow)."""

from __future__ import annotations

import importlib.util

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from coder.model import Sentence  # noqa: E402
from coder.parsers import DEFAULT_SPACY_MODEL, ParserConfig  # noqa: E402
from coder.parsers.spacy_rules import Node, convert  # noqa: E402
from coder.parsers.spacy_ud import spacy_doc_to_sentences  # noqa: E402

VOCAB = Vocab()


def make_doc(rows: list[tuple], ents: list[str] | None = None, spaces: list[bool] | None = None) -> Doc:
    """rows: (word, pos, head 1-based or 0 for root, dep[, lemma[, tag]]) over the whole doc."""
    words = [r[0] for r in rows]
    heads = [(r[2] - 1) if r[2] else i for i, r in enumerate(rows)]
    lemmas = [r[4] if len(r) > 4 else r[0].lower() for r in rows]
    tags = [r[5] if len(r) > 5 else "" for r in rows]
    return Doc(VOCAB, words=words, spaces=spaces, pos=[r[1] for r in rows], heads=heads,
               deps=[r[3] for r in rows], lemmas=lemmas, tags=tags, ents=ents)


def one(rows, **kw) -> Sentence:
    sents = spacy_doc_to_sentences(make_doc(rows, **kw))
    assert len(sents) == 1
    assert_tree(sents[0])
    return sents[0]


def assert_tree(s: Sentence) -> None:
    roots = [t for t in s.tokens if t.head == 0]
    assert len(roots) == 1, [t.form for t in roots]
    assert roots[0].deprel == "root"
    for t in s.tokens:
        assert 0 <= t.head <= len(s.tokens)
        seen, h = set(), t.id
        while h:
            assert h not in seen, f"cycle through {t.form}"
            seen.add(h)
            h = s.token(h).head


def rel(s: Sentence, form: str) -> tuple[str, str]:
    """(deprel, head form) of the first token spelled ``form``."""
    t = next(t for t in s.tokens if t.form == form)
    return t.deprel, (s.token(t.head).form if t.head else "ROOT")


# ---------------------------------------------------------------- unit tests (no model)

def test_prep_pobj_swap_obl_on_verb_and_nmod_on_noun():
    s = one([("Iran", "PROPN", 2, "nsubj"), ("discussed", "VERB", 0, "ROOT"), ("talks", "NOUN", 2, "dobj"),
             ("in", "ADP", 3, "prep"), ("Syria", "PROPN", 4, "pobj"), ("in", "ADP", 2, "prep"),
             ("May", "PROPN", 6, "pobj"), (".", "PUNCT", 2, "punct")])
    assert rel(s, "Syria") == ("nmod", "talks")
    assert rel(s, "May") == ("obl", "discussed")
    assert [(t.deprel, s.token(t.head).form) for t in s.tokens if t.form == "in"] == [
        ("case", "Syria"), ("case", "May")]
    assert rel(s, "talks") == ("obj", "discussed")
    assert s.root().form == "discussed" and s.root().head == 0 and s.root().deprel == "root"


def test_agent_becomes_obl_agent_with_case_by():
    s = one([("Iran", "PROPN", 3, "nsubjpass"), ("was", "AUX", 3, "auxpass", "be"),
             ("attacked", "VERB", 0, "ROOT"), ("by", "ADP", 3, "agent"), ("Iraq", "PROPN", 4, "pobj")])
    assert rel(s, "Iran") == ("nsubj:pass", "attacked")
    assert rel(s, "was") == ("aux:pass", "attacked")
    assert rel(s, "Iraq") == ("obl:agent", "attacked")
    assert rel(s, "by") == ("case", "Iraq")


def test_dative_adp_becomes_obl_and_dative_noun_iobj():
    s = one([("He", "PRON", 2, "nsubj"), ("sent", "VERB", 0, "ROOT"), ("a", "DET", 4, "det"),
             ("letter", "NOUN", 2, "dobj"), ("to", "ADP", 2, "dative"), ("Mary", "PROPN", 5, "pobj")])
    assert rel(s, "Mary") == ("obl", "sent")
    assert rel(s, "to") == ("case", "Mary")
    s = one([("He", "PRON", 2, "nsubj"), ("gave", "VERB", 0, "ROOT"), ("Iran", "PROPN", 2, "dative"),
             ("aid", "NOUN", 2, "dobj")])
    assert rel(s, "Iran") == ("iobj", "gave")
    assert rel(s, "aid") == ("obj", "gave")


def test_neg_becomes_advmod_with_polarity():
    s = one([("Iran", "PROPN", 4, "nsubj"), ("did", "AUX", 4, "aux", "do"), ("not", "PART", 4, "neg"),
             ("attack", "VERB", 0, "ROOT"), ("Iraq", "PROPN", 4, "dobj")])
    assert rel(s, "not") == ("advmod", "attack")
    assert s.token(3).feat_dict.get("Polarity") == "Neg"
    assert rel(s, "did") == ("aux", "attack")


def test_attr_copula_inverted():
    s = one([("Khamenei", "PROPN", 2, "nsubj"), ("is", "AUX", 0, "ROOT", "be"), ("the", "DET", 4, "det"),
             ("leader", "NOUN", 2, "attr"), ("of", "ADP", 4, "prep"), ("Iran", "PROPN", 5, "pobj"),
             ("now", "ADV", 2, "advmod"), (".", "PUNCT", 2, "punct")])
    assert rel(s, "leader") == ("root", "ROOT")
    assert rel(s, "Khamenei") == ("nsubj", "leader")
    assert rel(s, "is") == ("cop", "leader")
    assert rel(s, "now") == ("advmod", "leader")
    assert rel(s, ".") == ("punct", "leader")
    assert rel(s, "Iran") == ("nmod", "leader")


def test_acomp_copula_inverted_and_elsewhere_xcomp():
    s = one([("Iran", "PROPN", 2, "nsubj"), ("is", "AUX", 0, "ROOT", "be"), ("ready", "ADJ", 2, "acomp"),
             ("to", "PART", 5, "aux", "to", "TO"), ("talk", "VERB", 3, "xcomp")])
    assert rel(s, "ready") == ("root", "ROOT")
    assert rel(s, "is") == ("cop", "ready")
    assert rel(s, "Iran") == ("nsubj", "ready")
    assert rel(s, "to") == ("mark", "talk")
    s = one([("Iran", "PROPN", 2, "nsubj"), ("remained", "VERB", 0, "ROOT"), ("calm", "ADJ", 2, "acomp")])
    assert rel(s, "calm") == ("xcomp", "remained")


def test_existential_there_attr_is_subject():
    s = one([("There", "PRON", 2, "expl"), ("is", "VERB", 0, "ROOT", "be"), ("a", "DET", 4, "det"),
             ("crisis", "NOUN", 2, "attr")])
    assert rel(s, "is") == ("root", "ROOT")
    assert rel(s, "crisis") == ("nsubj", "is")
    assert rel(s, "There") == ("expl", "is")


def test_three_way_conj_chain_flattened_and_cc_on_following_conjunct():
    s = one([("Iran", "PROPN", 6, "nsubj"), (",", "PUNCT", 1, "punct"), ("Iraq", "PROPN", 1, "conj"),
             ("and", "CCONJ", 3, "cc"), ("Syria", "PROPN", 3, "conj"), ("met", "VERB", 0, "ROOT")],
            spaces=[False, True, True, True, True, False])
    assert rel(s, "Iraq") == ("conj", "Iran")
    assert rel(s, "Syria") == ("conj", "Iran")
    assert rel(s, "and") == ("cc", "Syria")
    assert rel(s, ",") == ("punct", "Iraq")
    assert s.text == "Iran, Iraq and Syria met"
    assert s.token(1).misc == "SpaceAfter=No" and s.token(6).misc == "SpaceAfter=No"
    assert s.token(3).misc == "_"


def test_conjoined_prepositional_phrases():
    s = one([("talks", "NOUN", 0, "ROOT"), ("in", "ADP", 1, "prep"), ("Syria", "PROPN", 2, "pobj"),
             ("and", "CCONJ", 2, "cc"), ("in", "ADP", 2, "conj"), ("Iraq", "PROPN", 5, "pobj")])
    assert rel(s, "Syria") == ("nmod", "talks")
    assert rel(s, "Iraq") == ("conj", "Syria")
    assert rel(s, "and") == ("cc", "Iraq")
    assert [s.token(t.head).form for t in s.tokens if t.form == "in"] == ["Syria", "Iraq"]


def test_multiword_prepositions_are_fixed():
    # spaCy: "because" prep, "of" pcomp under it, the noun pobj of "because"
    s = one([("Talks", "NOUN", 2, "nsubj"), ("stalled", "VERB", 0, "ROOT"), ("because", "SCONJ", 2, "prep"),
             ("of", "ADP", 3, "pcomp"), ("the", "DET", 6, "det"), ("crisis", "NOUN", 3, "pobj"),
             ("according", "VERB", 2, "prep", "accord"), ("to", "ADP", 7, "prep"),
             ("officials", "NOUN", 8, "pobj")])
    assert rel(s, "crisis") == ("obl", "stalled")
    assert rel(s, "because") == ("case", "crisis")
    assert rel(s, "of") == ("fixed", "because")
    assert rel(s, "officials") == ("obl", "stalled")
    assert rel(s, "according") == ("case", "officials")
    assert rel(s, "to") == ("fixed", "according")
    # "in front of": in → front (pobj) → of (prep) → embassy (pobj)
    s = one([("They", "PRON", 2, "nsubj"), ("met", "VERB", 0, "ROOT"), ("in", "ADP", 2, "prep"),
             ("front", "NOUN", 3, "pobj"), ("of", "ADP", 4, "prep"), ("the", "DET", 7, "det"),
             ("embassy", "NOUN", 5, "pobj")])
    assert rel(s, "embassy") == ("obl", "met")
    assert rel(s, "in") == ("case", "embassy")
    assert rel(s, "front") == ("fixed", "in") and rel(s, "of") == ("fixed", "in")


def test_pcomp_clause_becomes_advcl_with_mark():
    s = one([("He", "PRON", 2, "nsubj"), ("left", "VERB", 0, "ROOT"), ("after", "ADP", 2, "prep"),
             ("meeting", "VERB", 3, "pcomp", "meet"), ("Putin", "PROPN", 4, "dobj")])
    assert rel(s, "meeting") == ("advcl", "left")
    assert rel(s, "after") == ("mark", "meeting")
    assert rel(s, "Putin") == ("obj", "meeting")


def test_simple_relabels():
    s = one([("Iran", "PROPN", 3, "poss"), ("'s", "PART", 1, "case"), ("minister", "NOUN", 4, "nsubj"),
             ("called", "VERB", 0, "ROOT"), ("off", "ADP", 4, "prt"), ("talks", "NOUN", 4, "dobj"),
             ("Tuesday", "PROPN", 4, "npadvmod"), ("well", "INTJ", 4, "intj")])
    assert rel(s, "Iran") == ("nmod:poss", "minister")
    assert rel(s, "'s") == ("case", "Iran")
    assert rel(s, "off") == ("compound:prt", "called")
    assert rel(s, "Tuesday") == ("obl:npmod", "called")
    assert rel(s, "well") == ("discourse", "called")


def test_person_name_becomes_flat_on_first_word_and_entities_kept():
    s = one([("Nasser", "PROPN", 2, "compound"), ("Kanaani", "PROPN", 3, "nsubj"), ("spoke", "VERB", 0, "ROOT"),
             ("in", "ADP", 3, "prep"), ("Cairo", "PROPN", 4, "pobj")],
            ents=["B-PERSON", "I-PERSON", "O", "O", "B-GPE"])
    assert rel(s, "Nasser") == ("nsubj", "spoke")
    assert rel(s, "Kanaani") == ("flat", "Nasser")
    assert [(e.start, e.end, e.label) for e in s.entities] == [(1, 2, "PERSON"), (5, 5, "GPE")]


def test_two_sentences_ids_entities_and_whitespace_tokens_dropped():
    doc = make_doc([("Iran", "PROPN", 2, "nsubj"), ("protested", "VERB", 0, "ROOT"), (".", "PUNCT", 2, "punct"),
                    ("\n\n", "SPACE", 3, "dep"), ("Iraq", "PROPN", 6, "nsubj"), ("agreed", "VERB", 0, "ROOT"),
                    (".", "PUNCT", 6, "punct")],
                   ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "O"],
                   spaces=[True, False, False, False, True, False, False])
    sents = spacy_doc_to_sentences(doc)
    assert [s.sent_id for s in sents] == ["0", "1"]
    assert [[t.form for t in s.tokens] for s in sents] == [["Iran", "protested", "."], ["Iraq", "agreed", "."]]
    assert sents[0].text == "Iran protested." and sents[1].text == "Iraq agreed."
    assert [(e.start, e.end, e.label) for e in sents[1].entities] == [(1, 1, "GPE")]
    for s in sents:
        assert_tree(s)


def test_convert_repairs_several_roots():
    nodes = [Node("Iran", "Iran", "PROPN", "NNP", "_", -1, "ROOT"),
             Node("Iraq", "Iraq", "PROPN", "NNP", "_", -1, "ROOT")]
    out = convert(nodes)
    assert [h for h, _, _ in out].count(0) == 1
    assert out[0] == (0, "root", "_") and out[1][0] == 1


# ---------------------------------------------------------------- the real model (slow)

HAVE_MODEL = importlib.util.find_spec(DEFAULT_SPACY_MODEL) is not None


@pytest.fixture(scope="module")
def parser():
    if not HAVE_MODEL:
        pytest.skip(f"{DEFAULT_SPACY_MODEL} is not installed")
    from coder.parsers.spacy_ud import SpacyParser

    return SpacyParser(ParserConfig(name="spacy"))


def parse1(parser, text: str) -> Sentence:
    (sents,) = parser.parse_texts([text])
    assert len(sents) == 1
    assert_tree(sents[0])
    return sents[0]


@pytest.mark.slow
def test_model_name(parser):
    assert parser.name.startswith(f"spacy-{spacy.__version__}/{DEFAULT_SPACY_MODEL}-")


@pytest.mark.slow
def test_model_passive_agent(parser):
    s = parse1(parser, "Iran was attacked by Iraq.")
    assert rel(s, "Iran") == ("nsubj:pass", "attacked")
    assert rel(s, "Iraq") == ("obl:agent", "attacked")
    assert rel(s, "by") == ("case", "Iraq")
    assert [e.label for e in s.entities] == ["GPE", "GPE"]


@pytest.mark.slow
def test_model_conj_subject_and_pp(parser):
    s = parse1(parser, "Egypt and Iran discussed the situation in Syria.")
    assert rel(s, "Egypt") == ("nsubj", "discussed")
    assert rel(s, "Iran") == ("conj", "Egypt")
    assert rel(s, "and") == ("cc", "Iran")
    assert rel(s, "Syria")[0] in ("nmod", "obl")
    assert rel(s, "in") == ("case", "Syria")


@pytest.mark.slow
def test_model_dative_to(parser):
    s = parse1(parser, "Iranian charge d'affairs Nasser Kanaani sent a message to the Egyptian government.")
    assert rel(s, "government") in (("obl", "sent"), ("nmod", "message"))
    assert rel(s, "to") == ("case", "government")
    assert rel(s, "message") == ("obj", "sent")
    subj = next(t for t in s.tokens if t.deprel == "nsubj")
    assert subj.form in ("Nasser", "Kanaani")


@pytest.mark.slow
def test_model_negation(parser):
    s = parse1(parser, "Iran did not attack Iraq.")
    t = next(t for t in s.tokens if t.form == "not")
    assert (t.deprel, s.token(t.head).form) == ("advmod", "attack")
    assert t.feat_dict.get("Polarity") == "Neg"


@pytest.mark.slow
def test_model_object_conj(parser):
    s = parse1(parser, "The minister met the ambassador and the envoy.")
    assert rel(s, "ambassador") == ("obj", "met")
    assert rel(s, "envoy") == ("conj", "ambassador")
    assert rel(s, "and") == ("cc", "envoy")


@pytest.mark.slow
def test_model_every_sentence_is_a_tree(parser):
    text = (
        "Iran's foreign minister met his Iraqi counterpart in Baghdad on Monday, according to state media. "
        "The two sides discussed security, trade and the fight against Islamic State militants. "
        "Protesters gathered outside the embassy, expressing anger at the government's decision. "
        "Ali Khamenei is the supreme leader of Iran and has been in power since 1989. "
        "Police said 20 people were arrested   after the clashes,\nwhich officials blamed on foreign agents."
    )
    (sents,) = parser.parse_texts([text])
    assert len(sents) == 5
    for s in sents:
        assert_tree(s)
        assert all(t.form.strip() for t in s.tokens)
    assert parser.parse_texts(["", "Iran protested."])[0] == []
