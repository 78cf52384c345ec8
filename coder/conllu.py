"""CoNLL-U in and out for the sentence model, with UD v1 labels normalised to v2.

Comments understood: ``# newdoc id = …`` (starts a document), ``# sent_id = …``,
``# date = YYYY-MM-DD`` (document date; on a newdoc block or any sentence of it),
``# text = …`` (rebuilt from the tokens when absent). Named entities travel in
MISC as ``NER=B-GPE`` / ``I-GPE`` (stanza's ``ner=`` is accepted too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from types import MappingProxyType

from coder.model import Document, Entity, Rejection, Sentence, Token

_V1_RENAMES = MappingProxyType({
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "name": "flat",
    "mwe": "fixed",
    "foreign": "flat:foreign",
    "remnant": "orphan",
    "nmod:agent": "obl:agent",
})
_VERBAL = frozenset({"VERB", "AUX"})


class ConlluError(ValueError):
    """A malformed CoNLL-U line; the message reads ``FILE:LINE: problem``."""

    def __init__(self, message: str):
        super().__init__(message)
        self.source, self.line, self.problem = "", 0, message
        head, sep, problem = message.partition(": ")
        file, _, line = head.rpartition(":")
        if sep and line.isdigit():
            self.source, self.line, self.problem = file, int(line), problem


def normalise_v1(tokens: list[Token]) -> list[Token]:
    """Rewrite UD v1 relations to v2 (see module doc); v2 input passes through unchanged."""
    by_id = {t.id: t for t in tokens}
    kids: dict[int, list[Token]] = {}
    for t in tokens:
        kids.setdefault(t.head, []).append(t)
    out = []
    for t in tokens:
        rel = _V1_RENAMES.get(t.deprel, t.deprel)
        feats = t.feats
        if rel == "neg":
            rel = "advmod"
            feats = _add_feat(feats, "Polarity", "Neg")
        elif rel.split(":")[0] == "nmod" and rel != "nmod:poss":
            head = by_id.get(t.head)
            if head is not None and head.upos in _VERBAL | {"ADJ"}:
                cases = [k.lemma.lower() for k in kids.get(t.id, []) if k.deprel == "case"]
                if "by" in cases and _is_passive(head, kids.get(head.id, [])):
                    rel = "obl:agent"
                else:
                    rel = "obl" + rel[4:]
        if rel != t.deprel or feats != t.feats:
            t = replace(t, deprel=rel, feats=feats)
        out.append(t)
    return out


def _is_passive(head: Token, children: list[Token]) -> bool:
    if head.feat_dict.get("Voice") == "Pass":
        return True
    return any(c.deprel in ("nsubjpass", "auxpass", "nsubj:pass", "aux:pass", "csubjpass") for c in children)


def _add_feat(feats: str, key: str, value: str) -> str:
    parts = [] if feats in ("", "_") else feats.split("|")
    parts = [p for p in parts if not p.startswith(key + "=")] + [f"{key}={value}"]
    return "|".join(sorted(parts, key=str.lower))


@dataclass(frozen=True)
class _Block:
    comments: list[str]
    lines: list[tuple[int, str]]


def _blocks(lines: Iterable[str]) -> Iterator[_Block]:
    comments: list[str] = []
    rows: list[tuple[int, str]] = []
    n = 0
    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if rows or comments:
                yield _Block(comments, rows)
            comments, rows = [], []
        elif line.startswith("#"):
            if rows:  # a comment after tokens starts a new block
                yield _Block(comments, rows)
                comments, rows = [], []
            comments.append(line)
        else:
            rows.append((n, line))
    if rows or comments:
        yield _Block(comments, rows)


def _comment_value(comment: str, key: str) -> str | None:
    body = comment.lstrip("#").strip()
    if body.startswith(key):
        rest = body[len(key):].strip()
        if rest.startswith("="):
            return rest[1:].strip()
        if key == "newdoc" and not rest:
            return ""
    return None


def parse_sentence(block_lines: list[tuple[int, str]], comments: list[str], source: str = "<conllu>") -> Sentence:
    tokens: list[Token] = []
    ner: list[str] = []
    text = sent_id = ""
    for c in comments:
        v = _comment_value(c, "text")
        if v is not None:
            text = v
        v = _comment_value(c, "sent_id")
        if v is not None:
            sent_id = v
    for lineno, line in block_lines:
        cols = line.split("\t")
        if len(cols) != 10:
            cols = line.split()
            if len(cols) != 10:
                raise ConlluError(f"{source}:{lineno}: expected 10 tab-separated columns, found {len(cols)}")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword-token ranges and empty nodes: the syntactic words follow
        try:
            tid, head = int(cols[0]), int(cols[6]) if cols[6] != "_" else 0
        except ValueError:
            raise ConlluError(f"{source}:{lineno}: ID and HEAD must be integers, got {cols[0]!r}, {cols[6]!r}") from None
        if tid != len(tokens) + 1:
            raise ConlluError(f"{source}:{lineno}: token id {tid} out of sequence (expected {len(tokens) + 1})")
        misc = cols[9]
        tokens.append(Token(tid, cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7] if cols[7] != "_" else "dep", cols[8], misc))
        tag = "O"
        for part in misc.split("|"):
            if part.startswith(("NER=", "ner=")):
                tag = part[4:]
        ner.append(tag)
    for lineno, _ in block_lines[:1]:
        for t in tokens:
            if t.head > len(tokens):
                raise ConlluError(f"{source}:{lineno}: token {t.id} has head {t.head} beyond the sentence's {len(tokens)} tokens")
    tokens = normalise_v1(tokens)
    try:
        return Sentence(tuple(tokens), text=text, sent_id=sent_id, entities=tuple(bio_to_entities(ner)),
                        comments=tuple(comments))
    except ValueError as exc:
        first = block_lines[0][0] if block_lines else 0
        raise ConlluError(f"{source}:{first}: {exc}") from None


def bio_to_entities(tags: list[str]) -> list[Entity]:
    """BIO or BIOES tags (one per token) to entity spans."""
    out: list[Entity] = []
    start = label = None
    for i, tag in enumerate(tags + ["O"], start=1):
        prefix, _, lab = tag.partition("-")
        if prefix in ("B", "S") or prefix == "O" or (prefix in ("I", "E") and lab != label):
            if start is not None:
                out.append(Entity(start, i - 1, label))
                start = label = None
            if prefix in ("B", "S", "I", "E") and lab:
                start, label = i, lab
        if prefix in ("S", "E") and start is not None:
            out.append(Entity(start, i, label))
            start = label = None
    return out


def read_conllu(lines: Iterable[str], source: str = "<conllu>", default_doc: str = "doc",
                reject: bool = False) -> Iterator[Document | Rejection]:
    """Documents from CoNLL-U lines. Without ``# newdoc``, all sentences form one document.

    With ``reject``, a malformed document becomes a ``Rejection`` (FILE:LINE and the problem) and
    reading goes on with the next ``# newdoc``; otherwise ``ConlluError`` is raised.
    """
    if not reject:
        for item in _read_conllu(lines, source, default_doc):
            if isinstance(item, Rejection):
                raise ConlluError(f"{item.source_file}:{item.source_line}: {item.reason}")
            yield item
        return
    yield from _read_conllu(lines, source, default_doc)


def _read_conllu(lines: Iterable[str], source: str, default_doc: str) -> Iterator[Document | Rejection]:
    doc_id: str | None = None
    date: dt.date | None = None
    sentences: list[Sentence] = []
    bad: ConlluError | None = None
    meta: dict = {}
    count = 0

    def make(doc: str) -> Document:
        origin = meta.get("source", "")
        file, _, line = origin.rpartition(":")
        return Document(doc, tuple(sentences), date=date, title=meta.get("title"), url=meta.get("url"),
                        publisher=meta.get("publisher"), parser=meta.get("parser", ""),
                        source_file=file if line.isdigit() else source, source_line=int(line) if line.isdigit() else 0)

    for block in _blocks(lines):
        for c in block.comments:
            v = _comment_value(c, "newdoc id")
            if v is None and _comment_value(c, "newdoc") is not None:
                v = ""
            if v is not None:
                if bad is not None:
                    yield Rejection(bad.source, bad.line, bad.problem, doc_id)
                elif sentences or doc_id is not None:
                    yield make(doc_id or f"{default_doc}-{count}")
                count += 1
                doc_id, date, sentences, bad, meta = v or f"{default_doc}-{count}", None, [], None, {}
            for key in _DOC_META + ("source",):
                value = _comment_value(c, key)
                if value is not None and not sentences:
                    meta[key] = value
            d = _comment_value(c, "date")
            if d and bad is None:
                try:
                    date = dt.date.fromisoformat(d[:10])
                except ValueError:
                    line = block.lines[0][0] if block.lines else 0
                    bad = ConlluError(f"{source}:{line}: bad date comment {d!r} (want YYYY-MM-DD)")
        if block.lines and bad is None:
            try:
                sentences.append(parse_sentence(block.lines, block.comments, source))
            except ConlluError as exc:
                bad = exc
    if bad is not None:
        yield Rejection(bad.source, bad.line, bad.problem, doc_id)
    elif sentences or doc_id is not None:
        yield make(doc_id or default_doc)


def parse_conllu_text(text: str, source: str = "<conllu>") -> list[Document]:
    return list(read_conllu(text.splitlines(), source))


def sentence_from_conllu(text: str) -> Sentence:
    """One sentence from CoNLL-U text (handy for tests)."""
    docs = parse_conllu_text(text)
    return docs[0].sentences[0]


def sentence_to_conllu(sentence: Sentence, sent_id: str | None = None) -> str:
    ner = ["O"] * len(sentence.tokens)
    for e in sentence.entities:
        for i in range(e.start, e.end + 1):
            ner[i - 1] = ("B-" if i == e.start else "I-") + e.label
    lines = [f"# sent_id = {sent_id if sent_id is not None else sentence.sent_id}", f"# text = {sentence.text}"]
    for t, tag in zip(sentence.tokens, ner):
        misc = [p for p in (t.misc.split("|") if t.misc not in ("", "_") else []) if not p.startswith(("NER=", "ner="))]
        if tag != "O":
            misc.append(f"NER={tag}")
        cols = [str(t.id), t.form, t.lemma, t.upos, t.xpos, t.feats, str(t.head), t.deprel, t.deps, "|".join(misc) or "_"]
        lines.append("\t".join(c if c else "_" for c in cols))
    return "\n".join(lines) + "\n"


_DOC_META = ("title", "url", "publisher", "parser")


def document_to_conllu(doc: Document) -> str:
    head = [f"# newdoc id = {doc.doc_id}"]
    if doc.date:
        head.append(f"# date = {doc.date.isoformat()}")
    for key in _DOC_META:
        value = getattr(doc, key)
        if value:
            head.append(f"# {key} = {' '.join(str(value).split())}")
    if doc.source_file:
        head.append(f"# source = {doc.source_file}:{doc.source_line}")
    parts = ["\n".join(head)]
    for i, s in enumerate(doc.sentences):
        parts.append(sentence_to_conllu(s, sent_id=f"{doc.doc_id}-{i}"))
    return parts[0] + "\n" + "\n".join(parts[1:]) + "\n"
