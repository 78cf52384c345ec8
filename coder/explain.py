"""Why a sentence codes as it does: its parse as a tree, the actors and patterns matched, the events."""

from __future__ import annotations

import datetime as dt

from coder.coding import code_document
from coder.coding import short_ref as _short
from coder.config import CoderConfig
from coder.dictset import DictionarySet
from coder.model import Document, Sentence


def tree_lines(sentence: Sentence) -> list[str]:
    lines: list[str] = []

    def walk(i: int, depth: int) -> None:
        t = sentence.token(i)
        feats = f" [{t.feats}]" if t.feats not in ("_", "") else ""
        lines.append(f"{'  ' * depth}{t.deprel:<12} {t.form} ({t.lemma}, {t.upos}){feats}  #{t.id}")
        for c in sentence.children_ids[i]:
            walk(c, depth + 1)

    for r in sentence.children_ids[0]:
        walk(r, 0)
    return lines


def explain_document(doc: Document, dicts: DictionarySet, config: CoderConfig, date: dt.date | None = None) -> list[str]:
    """Lines for `coder explain`: a block per sentence."""
    day = date or doc.date or config.default_date
    result = code_document(Document(doc.doc_id, doc.sentences, date=day, parser=doc.parser), dicts, config)
    out: list[str] = [f"parser: {doc.parser}    story date: {day.isoformat()}    dictionaries: {dicts.fingerprint}"]
    for sr in result.sentences:
        s = sr.sentence
        out += ["", f"sentence {sr.index}: {s.text}"]
        if sr.discard is not None:
            out.append(f"discarded: {sr.discard.reason()}")
        out.append("parse:")
        out += ["  " + line for line in tree_lines(s)]
        out.append("actors matched:")
        if not sr.mentions:
            out.append("  (none)")
        for m in sr.mentions:
            text = s.span_text(list(m.ids()))
            for e in m.entries:
                entry = dicts.actors.entries[e]
                role = entry.role_on(day)
                code = role.code if role else "(no role on this date)"
                dates = ""
                if role and role.dated:
                    dates = f" {role.start or ''}..{role.end or ''}"
                out.append(f"  {text!r}: {entry.kind} {code}{dates}  {_short(role.source if role else entry.source)}")
        out.append("events:")
        if not sr.matches:
            out.append("  (none)")
        for m in sr.matches:
            c = dicts.codebook.cameo(m.code)
            name = f" {c.name}" if c else " (not a CAMEO code)"
            out.append(f"  {m.source.code} -> {m.target.code}  {m.code}{name}")
            out.append(f"    source {m.source.text!r} [{', '.join(_short(x) for x in m.source.sources)}]")
            out.append(f"    target {m.target.text!r} [{', '.join(_short(x) for x in m.target.sources)}]")
            out.append(f"    verb {s.span_text(m.verb_tokens)!r}  pattern {_short(m.pattern.source_ref)}: {m.pattern.text}")
        for text, label, _, is_arg in sr.unknown:
            out.append(f"  unknown actor: {text!r} ({label}{', argument' if is_arg else ''})")
    return out
