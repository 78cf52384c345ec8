"""Streaming runs: input records -> parse (or cached CoNLL-U) -> code -> Parquet, in bounded batches.

``--workers N`` shards documents round-robin across independent processes;
each writes its own parts, merged at the end, so the events are the same as
with one worker. Every input record ends up coded, empty, discarded (a whole-story
discard phrase) or rejected.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coder.coding import code_document
from coder.config import CoderConfig
from coder.conllu import document_to_conllu, read_conllu
from coder.dictset import DictionarySet, load_dictionary_set, load_dictionary_spec
from coder.events import DOCUMENT_SCHEMA, EVENT_SCHEMA, UNKNOWN_SCHEMA, OutputPaths, TableWriter, merge_parts
from coder.model import Document, InputRecord, Rejection
from coder.parsers import ParserConfig, make_parser
from coder.readers import ReaderConfig, read_inputs

Progress = Callable[[int, int], None]  # (documents, sentences) done since the last call


@dataclass(frozen=True)
class RunConfig:
    inputs: tuple[str, ...] = ()
    output: str = "output/events.parquet"
    parsed: str | None = None  # code CoNLL-U written by `coder parse` instead of parsing
    parser: ParserConfig = field(default_factory=ParserConfig)
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    coder: CoderConfig = field(default_factory=CoderConfig)
    actor_files: tuple[str, ...] | None = None
    verb_files: tuple[str, ...] | None = None
    dictionaries: tuple[str, ...] = ()  # "coder", "petrarch:PETR_config.ini" (merged in order)
    workers: int = 1
    batch_docs: int = 64


@dataclass
class RunSummary:
    coded: int = 0
    empty: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0
    seconds: float = 0.0
    rejections: list[str] = field(default_factory=list)
    discarded: int = 0  # documents discarded whole (a `story:` phrase)
    discarded_sentences: int = 0  # sentences not coded because of a discard phrase, discarded documents included

    def add(self, other: "RunSummary") -> None:
        for name in ("coded", "empty", "rejected", "sentences", "events", "discarded", "discarded_sentences"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejections.extend(other.rejections)

    @property
    def documents(self) -> int:
        return self.coded + self.empty + self.discarded + self.rejected

    def line(self) -> str:
        rate = self.sentences / self.seconds if self.seconds else 0.0
        dropped = f" ({self.discarded_sentences} discarded)" if self.discarded_sentences else ""
        return (f"{self.documents} documents: {self.coded} coded, {self.empty} empty, {self.discarded} discarded, "
                f"{self.rejected} rejected; {self.sentences} sentences{dropped}, {self.events} events in "
                f"{self.seconds:.1f} s ({rate:.0f} sentences/s)")


def _dicts(run: RunConfig) -> DictionarySet:
    if run.dictionaries:
        return load_dictionary_spec(run.dictionaries)
    return load_dictionary_set(
        [Path(p) for p in run.actor_files] if run.actor_files is not None else None,
        [Path(p) for p in run.verb_files] if run.verb_files is not None else None,
    )


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _shard(items: Iterator, index: int, count: int) -> Iterator:
    for n, item in enumerate(items):
        if n % count == index:
            yield item


def parsed_documents(path: str) -> Iterator[Document | Rejection]:
    """Documents from a `coder parse` folder (or one .conllu file), with its recorded rejections."""
    base = Path(path)
    files = sorted(base.glob("*.conllu")) if base.is_dir() else [base]
    if base.is_dir() and not files:
        raise FileNotFoundError(f"{base}: no .conllu files (write them with `coder parse`)")
    for f in files:
        try:
            with open(f, encoding="utf-8") as fh:
                yield from read_conllu(fh, str(f), reject=True)
        except (UnicodeDecodeError, OSError) as exc:
            yield Rejection(str(f), 0, f"cannot read CoNLL-U: {exc}")
    rej = base / "rejections.jsonl" if base.is_dir() else None
    if rej is not None and rej.exists():
        for line in rej.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                yield Rejection(d["source_file"], d["source_line"], d["reason"], d.get("doc_id"))


def parse_stream(records: Iterator[InputRecord | Rejection], parser, batch_docs: int) -> Iterator[Document | Rejection]:
    for batch in _batches(records, batch_docs):
        good = [r for r in batch if isinstance(r, InputRecord)]
        parsed = parser.parse_texts([r.text for r in good]) if good else []
        it = iter(parsed)
        for r in batch:
            if isinstance(r, Rejection):
                yield r
            else:
                yield Document.from_record(r, tuple(next(it)), parser.name)


def _document_stream(run: RunConfig, index: int, count: int) -> Iterator[Document | Rejection]:
    if run.parsed:
        return _shard(parsed_documents(run.parsed), index, count)
    parser = make_parser(run.parser)
    return parse_stream(_shard(read_inputs(run.inputs, run.reader), index, count), parser, run.batch_docs)


def _rejection_row(r: Rejection) -> dict:
    return {"doc_id": r.doc_id or "", "source_file": r.source_file, "source_line": r.source_line, "date": None,
            "status": "rejected", "reason": r.reason, "sentences": 0, "events": 0, "discarded_sentences": 0}


def run_shard(run: RunConfig, index: int, count: int, paths: OutputPaths, dicts: DictionarySet | None = None,
              progress: Progress | None = None) -> RunSummary:
    """Code shard ``index`` of ``count`` into this worker's part files."""
    dicts = dicts or _dicts(run)
    writers = {
        "events": TableWriter(paths.part("events", index), EVENT_SCHEMA),
        "documents": TableWriter(paths.part("documents", index), DOCUMENT_SCHEMA),
        "unknown_actors": TableWriter(paths.part("unknown_actors", index), UNKNOWN_SCHEMA),
    }
    summary = RunSummary()
    try:
        for batch in _batches(_document_stream(run, index, count), run.batch_docs):
            events, docs, unknown = [], [], []
            sentences = 0
            for item in batch:
                if isinstance(item, Rejection):
                    summary.rejected += 1
                    summary.rejections.append(item.message)
                    docs.append(_rejection_row(item))
                    continue
                result = code_document(item, dicts, run.coder)
                events.extend(result.events)
                unknown.extend(result.unknown)
                sentences += len(item.sentences)
                dropped = result.discarded_sentences
                docs.append({"doc_id": item.doc_id, "source_file": item.source_file, "source_line": item.source_line,
                             "date": item.date, "status": result.status, "reason": result.reason,
                             "sentences": len(item.sentences), "events": len(result.events),
                             "discarded_sentences": dropped})
                summary.discarded_sentences += dropped
                if result.discard is not None:
                    summary.discarded += 1
                elif result.events:
                    summary.coded += 1
                else:
                    summary.empty += 1
            summary.sentences += sentences
            summary.events += len(events)
            writers["events"].write(events)
            writers["documents"].write(docs)
            writers["unknown_actors"].write(unknown)
            if progress:
                progress(len(batch), sentences)
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    for w in writers.values():
        w.close()
    return summary


def _worker(run: RunConfig, index: int, count: int, paths: OutputPaths, queue) -> None:
    try:
        summary = run_shard(run, index, count, paths, progress=lambda d, s: queue.put(("progress", d, s)))
        queue.put(("done", index, summary))
    except BaseException as exc:  # reported to the parent, which fails the run
        queue.put(("error", index, f"{type(exc).__name__}: {exc}"))


def code_corpus(run: RunConfig, progress: Progress | None = None, dicts: DictionarySet | None = None) -> RunSummary:
    """Code ``run.inputs`` (or ``run.parsed``) into ``run.output``; returns the counts."""
    start = time.perf_counter()
    paths = OutputPaths.for_output(run.output)
    workers = max(1, run.workers)
    total = RunSummary()
    if workers == 1:
        total.add(run_shard(run, 0, 1, paths, dicts, progress))
    else:
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        procs = [ctx.Process(target=_worker, args=(run, i, workers, paths, queue), daemon=True) for i in range(workers)]
        for p in procs:
            p.start()
        done, errors = 0, []
        while done < workers:
            kind, a, b = queue.get()
            if kind == "progress":
                if progress:
                    progress(a, b)
            elif kind == "done":
                done += 1
                total.add(b)
            else:
                done += 1
                errors.append(f"worker {a}: {b}")
        for p in procs:
            p.join()
        if errors:
            raise RuntimeError("; ".join(errors))
    if not paths.dataset:
        for table, schema in (("events", EVENT_SCHEMA), ("documents", DOCUMENT_SCHEMA), ("unknown_actors", UNKNOWN_SCHEMA)):
            merge_parts([paths.part(table, i) for i in range(workers)], getattr(paths, table), schema)
    total.seconds = time.perf_counter() - start
    return total


def parse_corpus(run: RunConfig, output_dir: str, progress: Progress | None = None) -> RunSummary:
    """Parse inputs to CoNLL-U files in ``output_dir`` (plus rejections.jsonl), for `code --parsed`."""
    start = time.perf_counter()
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    parser = make_parser(run.parser)
    summary = RunSummary()
    target = out / "part-00000.conllu"
    tmp = out / ".part-00000.conllu.tmp"
    rejections = []
    with open(tmp, "w", encoding="utf-8") as fh:
        for batch in _batches(parse_stream(read_inputs(run.inputs, run.reader), parser, run.batch_docs), run.batch_docs):
            sentences = 0
            for item in batch:
                if isinstance(item, Rejection):
                    summary.rejected += 1
                    summary.rejections.append(item.message)
                    rejections.append({"source_file": item.source_file, "source_line": item.source_line,
                                       "reason": item.reason, "doc_id": item.doc_id})
                    continue
                fh.write(document_to_conllu(item) + "\n")
                sentences += len(item.sentences)
                summary.empty += 1
            summary.sentences += sentences
            if progress:
                progress(len(batch), sentences)
    tmp.replace(target)
    rej = out / "rejections.jsonl"
    rej.write_text("".join(json.dumps(r) + "\n" for r in rejections), encoding="utf-8")
    summary.seconds = time.perf_counter() - start
    return summary
