"""Shared by the bench scripts: the bundled corpus, parsed once and cached as CoNLL-U under output/."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus.jsonl"
CACHE = REPO / "output" / "bench-parsed.conllu"


def texts() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def parsed_documents():
    """The bundled corpus parsed with spaCy (parsed once, then read from the cache)."""
    from coder.conllu import document_to_conllu, read_conllu
    from coder.model import Document, InputRecord
    from coder.parsers import ParserConfig, make_parser

    if not CACHE.exists():
        parser = make_parser(ParserConfig(name="spacy"))
        records = [InputRecord(r["id"], r["text"]) for r in texts()]
        docs = [Document.from_record(rec, tuple(s), parser.name) for rec, s in zip(records, parser.parse_texts([r.text for r in records]))]
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text("".join(document_to_conllu(d) + "\n" for d in docs), encoding="utf-8")
    with open(CACHE, encoding="utf-8") as fh:
        return list(read_conllu(fh, str(CACHE)))


def write_corpus(path: Path, copies: int) -> int:
    """The bundled corpus repeated ``copies`` times with fresh ids; returns the number of documents."""
    rows = texts()
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(copies):
            for r in rows:
                fh.write(json.dumps({**r, "id": f"{r['id']}-{k}"}) + "\n")
    return len(rows) * copies
