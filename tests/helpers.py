"""Build sentences by hand: one token per whitespace-separated item, ``form/lemma/UPOS/head/deprel[/feats]``."""

from __future__ import annotations

import datetime as dt

from coder.model import Document, Sentence, Token


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
