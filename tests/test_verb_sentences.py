"""The sentence suite of the verb dictionary, through the default parser and the shipped dictionaries.

Each line of data/verb_sentences.tsv: expected CAMEO code, source, target, sentence (``-`` = must code
nothing). A sentence passes when the expected (source, target, code) is among its events and no other
event has a different code, or, for ``-``, when nothing is coded. The summary by root is printed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from coder.coding import code_document
from coder.model import Document

pytestmark = pytest.mark.slow
SUITE = Path(__file__).parent / "data" / "verb_sentences.tsv"


def load_suite():
    rows = []
    for n, line in enumerate(SUITE.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            code, source, target, text = line.split("\t")
            rows.append((n, code, source, target, text))
    return rows


def test_sentence_suite_passes(spacy_parser, shipped_dicts, config, capsys):
    rows = load_suite()
    parsed = spacy_parser.parse_texts([r[4] for r in rows])
    passed, total, failures = Counter(), Counter(), []
    for (n, code, source, target, text), sentences in zip(rows, parsed):
        doc = Document(f"s{n}", tuple(sentences), date=dt.date(2023, 5, 1), parser=spacy_parser.name)
        got = {(e["source"], e["target"], e["cameo_code"]) for e in code_document(doc, shipped_dicts, config).events}
        root = "none" if code == "-" else code[:2]
        total[root] += 1
        if code == "-":
            ok = not got
        else:
            ok = (source, target, code) in got and all(c == code for _, _, c in got)
        if ok:
            passed[root] += 1
        else:
            failures.append(f"line {n}: expected {code} {source}->{target}, got {sorted(got)}: {text}")
    with capsys.disabled():
        print("\nverb sentence suite by root: " + ", ".join(f"{r} {passed[r]}/{total[r]}" for r in sorted(total)))
        print(f"total: {sum(passed.values())}/{sum(total.values())}")
    assert len(rows) >= 300 and total["none"] >= 100
    assert not failures, "\n".join(failures)
