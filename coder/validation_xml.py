"""PETRARCH validation files, read leniently, record by record.

The validation suites shipped with TABARI, PETRARCH-1/2 and UD-PETRARCH look like XML
but are not well formed: comments nest, ``#`` banner lines stand outside any element,
``<Sentence .../>`` is written self-closing and then closed again by ``</Sentence>``,
attributes are written ``id = "x"``. This reader therefore uses no XML parser: it
strips comments line by line (counting nesting, as ``coder.readers_xml`` does for
input files), cuts the stream at each ``<Sentence`` start tag and reads each record's
parts with regular expressions. Memory use is one record.

What is read:

* ``<Environment>``: ``<Verbfile>``, ``<Actorfile>`` / ``<Agentfile>`` (comma-separated
  lists), ``<Discardfile>``, ``<PICOfile>``, ``<Issuefile>``, ``<Errorfile>``, ``<Include>``
  and ``<Exclude>`` (space-separated categories; the token ``valid`` in ``<Include>`` is a
  flag, not a category), ``<Pause>`` and ``<Config option= value=>``; every other child
  element is kept in ``Environment.tags``.
* ``<Config option="require_dyad" value="false"/>`` between records (or inside one): a
  setting that holds from there on, as in PETRARCH; each record carries the settings in
  force at it (``ValidationRecord.config``, lower-case option names, values as written).
* ``<Sentence id date category evaluate>``: ``evaluate="false"`` (or ``valid="false"``)
  takes a record out of scoring; without the attribute a record is evaluated (the
  PETRARCH-1 unit-test file has none).
* ``<EventCoding sourcecode targetcode eventcode/>`` lines (any number), or
  ``<EventCoding noevents="True"/>``, or ``<EventCoding error="storydiscard"/>`` (an
  error or discard is expected: no events). A compound actor is written with slashes
  (``FRO/BIL/SAM``): ``expected`` holds one triple per member. An isolated agent written
  ``~GOV`` and an empty code are read as PETRARCH's unknown actor ``---`` (``---GOV``).
* ``<Text>`` (entities decoded, line breaks joined) and ``<Parse>``: CoNLL-U (UD v1 or
  v2 labels, normalised to v2 by ``coder.conllu``) becomes ``parse``; a Penn Treebank
  bracketing is not read (``parse_format == "treebank"``: code the text with a parser).
* ``<Stop>`` outside a record ends the file, as in PETRARCH.

The records read (``Environment``, ``ValidationRecord``, ``ValidationFile``, ...) and the
expansion of compound actors are in ``coder.validation_records``; they are importable from
here too.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from coder.conllu import ConlluError, parse_sentence
from coder.model import Sentence
from coder.readers_xml import _unescape, record_parts, split_sentence_records
from coder.validation_records import (  # noqa: F401 (UNKNOWN_ACTOR: re-exported)
    UNKNOWN_ACTOR, Environment, ReadProblem, StopMark, ValidationFile, ValidationRecord, expand_compound,
    expand_triples, normalise_actor,
)

__all__ = [
    "Environment", "ValidationRecord", "ValidationFile", "ReadProblem", "StopMark",
    "iter_validation", "read_validation", "read_validation_file", "expand_compound", "normalise_actor",
]

_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CODING = re.compile(r"<EventCoding\b(?P<attrs>[^>]*?)/?>", re.S)
_CONFIG = re.compile(r"<Config\b(?P<attrs>[^>]*?)/?>(?:\s*</Config\s*>)?", re.S)
_TEXT = re.compile(r"<Text(?:\s[^>]*)?>(.*?)</Text\s*>", re.S)
_PARSE = re.compile(r"<Parse(?:\s[^>]*)?>(.*?)</Parse\s*>", re.S)
_STOP = re.compile(r"<Stop(?=[\s/>])")
_ENV = re.compile(r"<Environment\b[^>]*>(.*?)</Environment\s*>", re.S)
_ELEMENT = re.compile(r"<([A-Za-z][\w.-]*)\b[^>]*?>(.*?)</\1\s*>", re.S)
_SPACE = re.compile(r"\s+")
_TRUE = frozenset({"true", "yes", "1", "t", "y"})




def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): _unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(raw)}


def _truthy(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in _TRUE


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    try:
        if len(digits) == 6:  # YYMMDD, as PETRARCH reads it: 00-30 are 20YY, 31-99 are 19YY
            yy = int(digits[:2])
            return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(digits[2:4]), int(digits[4:6]))
        return dt.datetime.strptime(digits[:8], "%Y%m%d").date() if len(digits) >= 8 else None
    except ValueError:
        return None


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(",") if p.strip())


def _environment(body: str, line: int, config: dict[str, str]) -> Environment:
    tags: dict[str, str] = {}
    for m in _CONFIG.finditer(body):
        a = _attrs(m.group("attrs"))
        if "option" in a:
            config[a["option"].strip().lower()] = a.get("value", "").strip()
    for m in _ELEMENT.finditer(_CONFIG.sub("", body)):
        tags[m.group(1)] = _unescape(m.group(2)).strip()
    low = {k.lower(): v for k, v in tags.items()}
    include = exclude = None
    valid_only = False
    if "include" in low:
        words = low["include"].split()
        valid_only = "valid" in words
        include = tuple(w for w in words if w != "valid")
    if "exclude" in low:
        exclude = tuple(low["exclude"].split())
    return Environment(
        verbfile=low.get("verbfile") or None,
        actorfiles=_split_list(low.get("actorfile", "")),
        agentfiles=_split_list(low.get("agentfile", "")),
        discardfiles=_split_list(low.get("discardfile", "")),
        issuefiles=_split_list(low.get("issuefile", "")),
        picofile=low.get("picofile") or None,
        errorfile=low.get("errorfile") or None,
        include=include,
        exclude=exclude or (),
        valid_only=valid_only,
        pause=low.get("pause") or None,
        config=dict(config),
        tags=tags,
        line=line,
    )


def _element_text(raw: str) -> str:
    return _SPACE.sub(" ", _unescape(raw)).strip()


def _parse_block(raw: str, first_line: int, record_id: str, text: str, source: str
                 ) -> tuple[str | None, list[Sentence], list[ReadProblem]]:
    lines = [(first_line + i, _unescape(line.rstrip("\r"))) for i, line in enumerate(raw.split("\n"))]
    content = [(n, l) for n, l in lines if l.strip()]
    if not content:
        return None, [], []
    first = content[0][1].strip()
    cols = first.split("\t") if "\t" in first else first.split()
    if not (len(cols) == 10 and cols[0].split("-")[0].split(".")[0].isdigit()):
        return ("treebank" if first.startswith("(") else "unknown"), [], []
    blocks: list[list[tuple[int, str]]] = [[]]
    for n, l in lines:
        if not l.strip():
            if blocks[-1]:
                blocks.append([])
        elif not l.lstrip().startswith("#"):
            blocks[-1].append((n, l.strip("\n")))
    sentences: list[Sentence] = []
    problems: list[ReadProblem] = []
    for k, block in enumerate(b for b in blocks if b):
        comments = [f"# sent_id = {record_id}" + (f"-{k}" if k else "")]
        if k == 0 and text:
            comments.append(f"# text = {text}")
        try:
            sentences.append(parse_sentence(block, comments, source))
        except ConlluError as exc:
            problems.append(ReadProblem(exc.line or block[0][0], f"bad CoNLL-U parse in record {record_id!r}: {exc.problem}"))
            return "conllu", [], problems
    return "conllu", sentences, problems


def _record(start: int, chunk: str, config: dict[str, str], source: str
            ) -> Iterator[ValidationRecord | ReadProblem | StopMark]:
    """One record (and what follows it up to the next ``<Sentence``: settings, ``<Stop>``)."""
    parts = record_parts(chunk)
    if parts.attrs is None:
        yield ReadProblem(start, "malformed <Sentence> tag (no closing '>')")
        return
    attrs = _attrs(parts.attrs)
    body, tail, tail_at = parts.body, parts.tail, parts.tail_at

    def line_of(pos: int) -> int:
        return start + chunk[:pos].count("\n")

    for m in _CONFIG.finditer(body):  # a setting inside a record holds from that record on
        a = _attrs(m.group("attrs"))
        if "option" in a:
            config[a["option"].strip().lower()] = a.get("value", "").strip()
    rid = (attrs.get("id") or "").strip() or f"line-{start}"
    texts = _TEXT.findall(body)
    text = _element_text(texts[0]) if texts else ""
    if len(texts) > 1:
        yield ReadProblem(start, f"{len(texts)} <Text> elements in record {rid!r} (the first is used)")
    elif not texts:
        yield ReadProblem(start, f"no <Text> element in record {rid!r}")
    codings: list[tuple[str, str, str]] = []
    noevents = False
    error = None
    has_coding = False
    for m in _CODING.finditer(body):
        has_coding = True
        a = {k.lower(): v for k, v in _attrs(m.group("attrs")).items()}
        if "noevents" in a and _truthy(a["noevents"], False):
            noevents = True
        elif "error" in a:
            error = a["error"].strip() or "error"
        elif {"sourcecode", "targetcode", "eventcode"} & a.keys():
            codings.append((normalise_actor(a.get("sourcecode", "")), normalise_actor(a.get("targetcode", "")),
                            a.get("eventcode", "").strip()))
        else:
            yield ReadProblem(line_of(m.start() + parts.body_at), f"<EventCoding> without codes in record {rid!r}")
    if codings and (noevents or error):
        yield ReadProblem(start, f"record {rid!r} has both events and noevents/error: the events are expected")
        noevents, error = False, None
    parse_format, sentences = None, []
    pm = _PARSE.search(body)
    if pm:
        first_line = line_of(parts.body_at + pm.start(1))
        parse_format, sentences, problems = _parse_block(pm.group(1), first_line, rid, text, source)
        yield from problems
    if texts and not text:
        yield ReadProblem(start, f"empty <Text> in record {rid!r}" + (" (its parse's words are used)" if sentences else ""))
        text = " ".join(s.text for s in sentences)
    evaluate = _truthy(attrs.get("evaluate", attrs.get("valid")), True)
    yield ValidationRecord(
        id=rid, date=_date(attrs.get("date")), category=(attrs.get("category") or "").strip(), evaluate=evaluate,
        expected=expand_triples(codings), noevents=bool(noevents or error) and not codings, text=text,
        parse=sentences[0] if sentences else None, config=dict(config), line=start, codings=tuple(codings),
        error=error, has_coding=has_coding, parse_format=parse_format, parse_extra=tuple(sentences[1:]),
        attrs=attrs,
    )
    yield from _between(tail, line_of(tail_at), config)


def _between(text: str, line: int, config: dict[str, str]) -> Iterator[StopMark]:
    """Settings and ``<Stop>`` between records; yields a ``StopMark`` at a stop."""
    stop = _STOP.search(text)
    head = text[: stop.start()] if stop else text
    for m in _CONFIG.finditer(head):
        a = _attrs(m.group("attrs"))
        if "option" in a:
            config[a["option"].strip().lower()] = a.get("value", "").strip()
    if stop:
        yield StopMark(line + text[: stop.start()].count("\n"))


def iter_validation(lines: Iterable[str], source: str = "<validation>"
                    ) -> Iterator[Environment | ValidationRecord | ReadProblem | StopMark]:
    """The environment (first), then records and problems in file order; a ``StopMark`` ends it."""
    prelude: list[str] = []
    config: dict[str, str] = {}
    env_done = False

    def flush_prelude() -> Iterator[Environment | ReadProblem | StopMark]:
        nonlocal env_done
        text = "".join(prelude)
        m = _ENV.search(text)
        env_line = 1 + text[: m.start()].count("\n") if m else 0
        after = text[m.end():] if m else text
        env = _environment(m.group(1) if m else "", env_line, config)
        env_done = True
        if not m:
            yield ReadProblem(1, "no <Environment> block")
        yield env
        yield from _between(after, 1 + (text[: m.end()].count("\n") if m else 0), config)

    for start, text, is_record in split_sentence_records(lines):
        if not is_record:
            prelude.append(text)
            continue
        items = _record(start, text, config, source)
        if not env_done:
            items = itertools.chain(flush_prelude(), items)
        for item in items:
            yield item
            if isinstance(item, StopMark):
                return
    if not env_done:
        yield from flush_prelude()


def read_validation(lines: Iterable[str], source: str = "<validation>") -> ValidationFile:
    env = Environment()
    records: list[ValidationRecord] = []
    problems: list[ReadProblem] = []
    stopped_at = None
    for item in iter_validation(lines, source):
        if isinstance(item, Environment):
            env = item
        elif isinstance(item, ValidationRecord):
            records.append(item)
        elif isinstance(item, StopMark):
            stopped_at = item.line
        else:
            problems.append(item)
    return ValidationFile(env, records, problems, stopped_at=stopped_at)


def read_validation_file(path: str | Path) -> ValidationFile:
    """A validation file from disk (UTF-8; undecodable bytes replaced)."""
    path = Path(path)
    with open(path, encoding="utf-8", errors="replace") as fh:
        vfile = read_validation(fh, str(path))
    vfile.path = path
    return vfile
