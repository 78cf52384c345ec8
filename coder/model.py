"""The one sentence model every stage reads.

Frozen dataclasses whose fields are named as in CoNLL-U (UD v2). ``head`` is a
1-based token index (0 = root); tree navigation is computed from indices, so a
sentence built by hand, read from CoNLL-U, or converted from spaCy or stanza
behaves the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from coder.text import normalise_for_matching


def _key_values(column: str) -> dict[str, str]:
    """A CoNLL-U FEATS or MISC column (``A=1|B=2`` or ``_``) as a dict."""
    if not column or column == "_":
        return {}
    return dict(part.partition("=")[::2] for part in column.split("|"))


@dataclass(frozen=True)
class Token:
    """One syntactic word of a UD v2 parse (a CoNLL-U line without multiword ranges)."""

    id: int
    form: str
    lemma: str = "_"
    upos: str = "X"
    xpos: str = "_"
    feats: str = "_"
    head: int = 0
    deprel: str = "dep"
    deps: str = "_"
    misc: str = "_"

    @cached_property
    def feat_dict(self) -> dict[str, str]:
        return _key_values(self.feats)

    @cached_property
    def misc_dict(self) -> dict[str, str]:
        return _key_values(self.misc)

    @property
    def space_after(self) -> bool:
        return self.misc_dict.get("SpaceAfter") != "No"

    @property
    def base_rel(self) -> str:
        """The universal part of the relation: ``obl`` for ``obl:agent``."""
        return self.deprel.split(":", 1)[0]


@dataclass(frozen=True)
class Entity:
    """A named-entity span over token ids ``start``..``end`` inclusive (1-based)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence: tokens in order (``tokens[i].id == i + 1``), its text and entities."""

    tokens: tuple[Token, ...]
    text: str = ""
    sent_id: str = ""
    entities: tuple[Entity, ...] = ()
    comments: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for i, tok in enumerate(self.tokens, start=1):
            if tok.id != i:
                raise ValueError(f"sentence {self.sent_id!r}: token {i} has id {tok.id}")
            if not 0 <= tok.head <= len(self.tokens):
                raise ValueError(f"sentence {self.sent_id!r}: token {i} has head {tok.head} out of range")
        _check_acyclic(self.tokens, self.sent_id)
        if not self.text:
            object.__setattr__(self, "text", detokenise(self.tokens))

    def __len__(self) -> int:
        return len(self.tokens)

    def token(self, i: int) -> Token:
        """Token by 1-based id."""
        return self.tokens[i - 1]

    @cached_property
    def children_ids(self) -> tuple[tuple[int, ...], ...]:
        """``children_ids[i]`` lists the ids of the dependents of token ``i`` (index 0 = root's)."""
        kids: list[list[int]] = [[] for _ in range(len(self.tokens) + 1)]
        for tok in self.tokens:
            kids[tok.head].append(tok.id)
        return tuple(tuple(k) for k in kids)

    def children(self, i: int, *rels: str) -> list[Token]:
        """Dependents of token ``i``; with ``rels``, only those whose deprel (or its base) is listed."""
        out = []
        for c in self.children_ids[i]:
            tok = self.tokens[c - 1]
            if not rels or tok.deprel in rels or tok.base_rel in rels:
                out.append(tok)
        return out

    def parent(self, i: int) -> Token | None:
        head = self.tokens[i - 1].head
        return self.tokens[head - 1] if head else None

    def root(self) -> Token | None:
        for tok in self.tokens:
            if tok.head == 0:
                return tok
        return None

    def subtree(self, i: int) -> list[int]:
        """Ids of token ``i`` and all its descendants, in sentence order."""
        seen = [i]
        stack = [i]
        while stack:
            for c in self.children_ids[stack.pop()]:
                seen.append(c)
                stack.append(c)
        return sorted(seen)

    def ancestors(self, i: int) -> list[int]:
        out = []
        head = self.tokens[i - 1].head
        while head and head not in out:
            out.append(head)
            head = self.tokens[head - 1].head
        return out

    @cached_property
    def norms(self) -> tuple[str, ...]:
        """Matching form of each token: NFC, folded accents and quotes, lower case."""
        return tuple(normalise_for_matching(t.form).lower() for t in self.tokens)

    @cached_property
    def lemma_norms(self) -> tuple[str, ...]:
        return tuple(
            normalise_for_matching(t.lemma if t.lemma not in ("_", "") else t.form).lower()
            for t in self.tokens
        )

    def span_text(self, ids: list[int] | tuple[int, ...]) -> str:
        """Surface text of tokens ``ids`` (contiguous runs keep their spacing)."""
        if not ids:
            return ""
        ids = sorted(ids)
        parts = []
        for n, i in enumerate(ids):
            tok = self.tokens[i - 1]
            parts.append(tok.form)
            if n + 1 < len(ids):
                if ids[n + 1] != i + 1 or tok.space_after:
                    parts.append(" ")
        return "".join(parts)


def _check_acyclic(tokens: tuple[Token, ...], sent_id: str) -> None:
    """Every token must reach the root (head 0) without a cycle."""
    state = [0] * (len(tokens) + 1)  # 0 unknown, 1 on the current path, 2 reaches the root
    state[0] = 2
    for tok in tokens:
        path = []
        i = tok.id
        while state[i] == 0:
            state[i] = 1
            path.append(i)
            i = tokens[i - 1].head
        if state[i] == 1:
            raise ValueError(f"sentence {sent_id!r}: the heads of tokens {sorted(path)} form a cycle")
        for j in path:
            state[j] = 2


def detokenise(tokens: tuple[Token, ...]) -> str:
    parts = []
    for tok in tokens:
        parts.append(tok.form)
        if tok.space_after:
            parts.append(" ")
    return "".join(parts).strip()


@dataclass(frozen=True)
class InputRecord:
    """One input document before parsing, with where it came from."""

    doc_id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source_file: str = ""
    source_line: int = 0


@dataclass(frozen=True)
class Rejection:
    """An input record that could not be read; ``reason`` reads as ``FILE:LINE: problem``."""

    source_file: str
    source_line: int
    reason: str
    doc_id: str | None = None

    @property
    def message(self) -> str:
        return f"{self.source_file}:{self.source_line}: {self.reason}"


@dataclass(frozen=True)
class Document:
    """A parsed document: its sentences in order and the metadata events inherit."""

    doc_id: str
    sentences: tuple[Sentence, ...]
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source_file: str = ""
    source_line: int = 0
    parser: str = ""
    meta: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def from_record(cls, record: InputRecord, sentences: tuple[Sentence, ...], parser: str) -> "Document":
        return cls(
            doc_id=record.doc_id,
            sentences=sentences,
            date=record.date,
            title=record.title,
            url=record.url,
            publisher=record.publisher,
            source_file=record.source_file,
            source_line=record.source_line,
            parser=parser,
        )
