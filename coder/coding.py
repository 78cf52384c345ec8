"""Coding a parsed document: matching (a pure function of sentence, document, indexes, config)
followed, separately, by turning matches into event rows.

Before matching, the dictionary set's discard list is applied: a whole-story phrase in any
sentence discards the document (status ``discarded``, no events), a sentence phrase skips that
sentence. Each event carries the issue codes found in its sentence (``issues``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coder.config import CoderConfig
from coder.dictset import DictionarySet
from coder.events import cameo_fields, event_id
from coder.extract import EventMatch, SentenceMatcher
from coder.lists import DiscardPhrase, match_key
from coder.mentions import ActorRef, ArgumentResolver, Mention, find_mentions
from coder.model import Document, Sentence


@dataclass(frozen=True)
class SentenceResult:
    index: int
    sentence: Sentence
    mentions: tuple[Mention, ...]
    matches: tuple[EventMatch, ...]
    unknown: tuple[dict, ...]
    discard: DiscardPhrase | None = None  # the phrase that discarded this sentence (or its story)
    issues: tuple[str, ...] = ()  # issue codes found in the sentence (looked for only when it has events)


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    sentences: tuple[SentenceResult, ...]
    events: tuple[dict, ...]
    unknown: tuple[dict, ...]
    discard: DiscardPhrase | None = None  # the whole-story phrase that discarded the document

    @property
    def status(self) -> str:
        if self.discard is not None:
            return "discarded"
        return "coded" if self.events else "empty"

    @property
    def reason(self) -> str | None:
        """Why the document was discarded (the documents table's ``reason``), else None."""
        return self.discard.reason() if self.discard is not None else None

    @property
    def discarded_sentences(self) -> int:
        """Sentences not coded because of a discard phrase (all of them in a discarded document)."""
        return sum(1 for s in self.sentences if s.discard is not None)


def story_date(doc: Document, config: CoderConfig) -> dt.date:
    return doc.date or config.default_date


def match_sentence(sentence: Sentence, recent: tuple[ActorRef, ...], day: dt.date, dicts: DictionarySet,
                   config: CoderConfig) -> tuple[tuple[Mention, ...], list[EventMatch], ArgumentResolver]:
    mentions = find_mentions(sentence, dicts.actors)
    resolver = ArgumentResolver(sentence, mentions, dicts.actors, day, config, dicts.agent_codes, recent)
    matches = SentenceMatcher(sentence, resolver, dicts.verbs, config).events()
    return mentions, matches, resolver


def unknown_entities(sentence: Sentence, mentions: tuple[Mention, ...], argument_ids: set[int],
                     config: CoderConfig) -> list[tuple[str, str, tuple[int, ...], bool]]:
    covered = {i for m in mentions for i in m.ids()}
    out = []
    for ent in sentence.entities:
        if ent.label not in config.unknown_entity_labels:
            continue
        ids = tuple(range(ent.start, ent.end + 1))
        if covered.intersection(ids):
            continue
        out.append((sentence.span_text(ids), ent.label, ids, bool(argument_ids.intersection(ids))))
    return out


def _argument_ids(sentence: Sentence) -> set[int]:
    out = set()
    for t in sentence.tokens:
        if t.deprel.split(":")[0] in ("nsubj", "obj", "iobj", "obl", "appos") or t.deprel == "nmod:poss":
            out.update(sentence.subtree(t.id))
    return out


def code_document(doc: Document, dicts: DictionarySet, config: CoderConfig) -> DocumentResult:
    day = story_date(doc, config)
    discards, issue_list = dicts.discards, dicts.issues
    keys = [match_key(s.text) for s in doc.sentences] if (discards or issue_list) else None
    if discards and keys is not None:
        for key in keys:
            story = discards.story(key)
            if story is not None:
                return DocumentResult(doc, tuple(SentenceResult(i, s, (), (), (), story)
                                                 for i, s in enumerate(doc.sentences)), (), (), story)
    recent: list[ActorRef] = []
    results: list[SentenceResult] = []
    events: list[dict] = []
    unknown: list[dict] = []
    for i, sentence in enumerate(doc.sentences):
        if discards and keys is not None:
            dropped = discards.sentence(keys[i])
            if dropped is not None:
                results.append(SentenceResult(i, sentence, (), (), (), dropped))
                continue
        mentions, matches, resolver = match_sentence(sentence, tuple(recent), day, dicts, config)
        unk = unknown_entities(sentence, mentions, _argument_ids(sentence), config)
        for text, label, ids, is_arg in unk:
            unknown.append({"doc_id": doc.doc_id, "sentence_id": i, "text": text, "entity_type": label,
                            "tokens": list(ids), "is_argument": is_arg, "sentence": sentence.text})
        issues = tuple(issue_list.find(keys[i])) if matches and issue_list and keys is not None else ()
        for m in matches:
            events.append(event_row(doc, i, sentence, m, day, dicts, issues))
        results.append(SentenceResult(i, sentence, mentions, tuple(matches), tuple(unk), None, issues))
        for ref in reversed(resolver.countries_mentioned()):
            recent = [r for r in recent if r.code != ref.code]
            recent.insert(0, ref)
    return DocumentResult(doc, tuple(results), tuple(events), tuple(unknown))


def event_row(doc: Document, index: int, sentence: Sentence, m: EventMatch, day: dt.date, dicts: DictionarySet,
              issues: Sequence[str] = ()) -> dict:
    row = {
        "event_id": event_id(doc.doc_id, index, m.source.code, m.target.code, m.code),
        "doc_id": doc.doc_id, "sentence_id": index, "date": day,
        "publisher": doc.publisher, "title": doc.title, "url": doc.url,
        "source": m.source.code, "source_root": m.source.root, "source_agent": m.source.agent,
        "source_text": m.source.text, "source_tokens": list(m.source.tokens),
        "source_entries": [short_ref(s) for s in m.source.sources],
        "target": m.target.code, "target_root": m.target.root, "target_agent": m.target.agent,
        "target_text": m.target.text, "target_tokens": list(m.target.tokens),
        "target_entries": [short_ref(s) for s in m.target.sources],
        "cameo_code": m.code,
        "verb_text": sentence.span_text(m.verb_tokens), "verb_tokens": list(m.verb_tokens),
        "negated": m.negated, "pattern": short_ref(m.pattern.source_ref), "sentence": sentence.text,
        "parser": doc.parser, "dictionaries": dicts.fingerprint, "issues": list(issues),
    }
    row.update(cameo_fields(m.code, dicts.codebook))
    return row


def short_ref(ref: str) -> str:
    """``/…/site-packages/coder/dictionaries/verbs/04_consult.txt:12`` -> ``verbs/04_consult.txt:12``."""
    marker = "dictionaries/"
    pos = ref.rfind(marker)
    return ref[pos + len(marker):] if pos >= 0 else ref
