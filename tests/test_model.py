"""The sentence model, CoNLL-U in and out, UD v1 -> v2, and text normalisation."""

from __future__ import annotations

import pytest

from coder.conllu import ConlluError, parse_conllu_text, sentence_from_conllu, sentence_to_conllu
from coder.dictionary_base import name_key
from coder.model import Sentence, Token
from coder.text import normalise_for_matching

V1 = """# sent_id = s1
# text = Iran was not attacked by Iraq.
1\tIran\tIran\tPROPN\tNNP\t_\t4\tnsubjpass\t_\t_
2\twas\tbe\tAUX\tVBD\t_\t4\tauxpass\t_\t_
3\tnot\tnot\tPART\tRB\t_\t4\tneg\t_\t_
4\tattacked\tattack\tVERB\tVBN\t_\t0\troot\t_\t_
5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_
6\tIraq\tIraq\tPROPN\tNNP\t_\t4\tnmod\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
"""


def test_ud_v1_labels_become_v2():
    s = sentence_from_conllu(V1)
    assert [t.deprel for t in s.tokens] == ["nsubj:pass", "aux:pass", "advmod", "root", "case", "obl:agent", "punct"]
    assert s.token(3).feat_dict == {"Polarity": "Neg"}


def test_v1_renames_and_nmod_on_a_verb():
    text = ("1\tTalks\ttalk\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tbegan\tbegin\tVERB\t_\t_\t0\troot\t_\t_\n"
            "3\tin\tin\tADP\t_\t_\t4\tcase\t_\t_\n4\tCairo\tCairo\tPROPN\t_\t_\t2\tnmod\t_\t_\n"
            "5\tNew\tNew\tPROPN\t_\t_\t2\tdobj\t_\t_\n6\tYork\tYork\tPROPN\t_\t_\t5\tname\t_\t_\n")
    s = sentence_from_conllu(text)
    assert [t.deprel for t in s.tokens] == ["nsubj", "root", "case", "obl", "obj", "flat"]


def test_tree_navigation_from_indices():
    s = sentence_from_conllu(V1)
    assert s.root().form == "attacked"
    assert [t.form for t in s.children(4, "obl")] == ["Iraq"]
    assert s.subtree(6) == [5, 6] and s.ancestors(5) == [6, 4]
    assert s.text == "Iran was not attacked by Iraq."


def test_round_trip_keeps_tokens_and_entities():
    s = sentence_from_conllu(V1.replace("NNP\t_\t4\tnsubjpass\t_\t_", "NNP\t_\t4\tnsubjpass\t_\tNER=B-GPE"))
    again = sentence_from_conllu(sentence_to_conllu(s))
    assert again.tokens == s.tokens and again.entities == s.entities and again.entities[0].label == "GPE"


def test_text_is_rebuilt_when_the_comment_is_absent():
    s = sentence_from_conllu("\n".join(l for l in V1.splitlines() if not l.startswith("# text")))
    assert s.text == "Iran was not attacked by Iraq."


def test_documents_dates_and_ids():
    text = "# newdoc id = x\n# date = 2020-02-03\n" + V1 + "\n# newdoc id = y\n" + V1
    docs = parse_conllu_text(text)
    assert [(d.doc_id, str(d.date)) for d in docs] == [("x", "2020-02-03"), ("y", "None")]


@pytest.mark.parametrize("bad, problem", [
    ("1\tA\tA\tX\t_\t_\t0\troot\t_\n", "10 tab-separated columns"),
    ("1\tA\tA\tX\t_\t_\t2\troot\t_\t_\n2\tB\tB\tX\t_\t_\t1\tdep\t_\t_\n", "cycle"),
    ("2\tA\tA\tX\t_\t_\t0\troot\t_\t_\n", "out of sequence"),
    ("1\tA\tA\tX\t_\t_\t5\troot\t_\t_\n", "head 5"),
])
def test_malformed_conllu_names_file_and_line(bad, problem):
    with pytest.raises(ConlluError) as err:
        parse_conllu_text(bad, source="f.conllu")
    assert str(err.value).startswith("f.conllu:1:") and problem in str(err.value)


def test_hand_built_sentence_must_be_a_tree():
    with pytest.raises(ValueError, match="cycle"):
        Sentence((Token(1, "a", head=2), Token(2, "b", head=1)))


def test_matching_normalisation_folds_quotes_and_accents():
    assert normalise_for_matching("chargé d’affaires") == "charge d'affaires"
    assert name_key("Chargé d’Affaires") == name_key("charge d'affaires") == name_key("charge d affaires")
    assert name_key("U.S.") == name_key("US") and name_key("al-Qaeda") == name_key("Al Qaeda")
