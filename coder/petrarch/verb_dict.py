"""PETRARCH verb dictionaries (``CAMEO.2.0.txt``, ``CAMEO.verbpatterns.150430.txt``, the
validation verbs), step one: the files read line by line into a ``VerbReading``; bad lines are
reported and skipped. ``verb_compile.py`` compiles a reading into coder ``Pattern`` objects.

File structure (both PETRARCH-2 and PETRARCH-1/TABARI files)::

    &CURRENCY                 synonym set; '+' lines are its members (a trailing '_': no plural)
    +DOLLAR
    --- MEET [040] ---        verb block: name and the code of its verbs (``[---]`` = none)
    MEET {MET MEETING}        a verb with irregular forms; ``VERB [code]`` has its own code
    +CORDON_OFF {...}         multi-word verb, '+' on the word that is the verb
    - * (WITH) + [040]        pattern (see ``patterns.py``); applies to every verb of the block
    ~ a (a b ATTACK) SAY = a b 015   transformation (compiled by ``verb_compile.compile_rules``)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coder.dictionary_base import name_key
from coder.petrarch.patterns import Malformed, parse_code
from coder.petrarch.reading import Issues, bracket_groups, read_lines

_SYN_NAME = re.compile(r"^&([A-Z][A-Z0-9_]*)$")
_VERB_TOKEN = re.compile(r"^\+?[A-Z][A-Z0-9'\-\.]*(?:_\+?[A-Z0-9'\-\.]+)*$")
_PATTERN = re.compile(r"^-(?P<body>[^\[]*)\[(?P<code>[^\]]*)\]\s*$")
_TRANSFORM = re.compile(r"^~\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+(\S+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s*$")


@dataclass(frozen=True)
class Transformation:
    """``~ a (b c INNER) OUTER = x y CODE``: "a OUTER [b INNER c]" is coded x -> y CODE (variables
    a, b, c; '.' any actor, '_' no actor; 'Q' any verb). Compiled by ``verb_compile.compile_rules`` into
    ``coder.nesting.VerbRule`` for the matcher."""

    outer_source: str
    inner_source: str
    inner_target: str
    inner_verb: str
    outer_verb: str
    result_source: str
    result_target: str
    result_code: str
    text: str
    source: str  # file:line


@dataclass(frozen=True)
class VerbLine:
    """A verb line: ``MEET {MET MEETING}``, ``+CORDON_OFF``, ``VERB [code]``."""

    block: str
    lemmas: tuple[str, ...]  # name keys: base first, then forms
    particle: str | None
    code: str | None  # code text of the line, None: the block's
    src: str
    line: int
    text: str


@dataclass(frozen=True)
class PatternLine:
    """A pattern line: ``- * (WITH) + [040]`` (body and code as written)."""

    block: str
    body: str
    code: str
    src: str
    line: int
    text: str


@dataclass
class VerbReading:
    """What the verb files of one load gave, before compiling."""

    records: list[VerbLine | PatternLine]  # in file order
    synsets: dict[str, list[tuple[str, str, int]]]  # name -> (member, file, line)
    block_codes: dict[str, str]
    transformations: list[Transformation]


def new_reading() -> VerbReading:
    return VerbReading([], {}, {}, [])


def _verb_word(token: str, src: str, lineno: int, issues: Issues) -> tuple[str, str | None] | None:
    """``MEET`` -> (meet, None); ``+CORDON_OFF`` -> (cordon, off); ``RE_+ARREST`` -> (rearrest, None)."""
    segs = token.split("_")
    if len(segs) == 1:
        return name_key(token.lstrip("+")), None
    verb_at = [i for i, s in enumerate(segs) if s.startswith("+")]
    if len(verb_at) != 1:
        issues.bad(src, lineno, f"multi-word verb {token!r} needs exactly one '+' on the verb")
        return None
    i = verb_at[0]
    if i == 0:
        if len(segs) > 2:
            issues.bad(src, lineno, f"multi-word verb {token!r}: coder's particle is one word")
            return None
        return name_key(segs[0][1:]), name_key(segs[1])
    if i == len(segs) - 1:  # RE_+ARREST, WIRE_+TAP: one word in coder's lemma
        return name_key("".join(s.lstrip("+") for s in segs)), None
    issues.bad(src, lineno, f"multi-word verb {token!r}: the '+' word must be first or last")
    return None


def read_verb_file(path: Path, reading: VerbReading, issues: Issues) -> None:
    src = str(path)
    mode = None
    synset = block = None
    for line in read_lines(path, semicolon_comments=True):  # ';': the KEDS/TABARI comment
        s = line.text.strip()
        n = line.number
        if s.startswith("&"):
            m = _SYN_NAME.match(s.split()[0])
            if not m or len(s.split()) > 1:
                issues.bad(src, n, f"bad synonym set name {s!r}: want &UPPER_CASE alone on its line")
                mode = None
                continue
            synset = m.group(1)
            reading.synsets.setdefault(synset, [])
            reading.synsets.setdefault(synset.rstrip("_"), reading.synsets[synset])
            mode = "synset"
        elif s.startswith("+") and mode == "synset":
            member = s[1:].strip()
            if member:
                reading.synsets[synset].append((member, src, n))
        elif s.startswith("---"):
            segs = s.split()
            if len(segs) < 2 or segs[1].startswith("["):
                issues.bad(src, n, "verb block header without a name: want '--- NAME [CODE] ---'")
                mode = None
                continue
            block, mode = segs[1], "block"
            code = segs[2] if len(segs) > 2 and segs[2] != "---" else "[---]"
            if not re.match(r"^\[[^\]]*\]$", code):
                issues.bad(src, n, f"malformed block code {code!r} (PETRARCH reads it as {code[1:-1]!r}): "
                                   "the block gets no code of its own; its verbs and patterns are still read")
                code = "[---]"
            try:
                parse_code(code[1:-1])
            except Malformed as exc:
                issues.bad(src, n, f"{exc}: the block gets no code of its own")
                code = "[---]"
            reading.block_codes.setdefault(block, code[1:-1])
        elif s.startswith("~"):
            m = _TRANSFORM.match(s)
            if not m:
                issues.bad(src, n, "malformed transformation: want '~ a (b c VERB) VERB = x y CODE'")
                continue
            reading.transformations.append(Transformation(*m.groups(), text=s, source=f"{src}:{n}"))
        elif mode != "block":
            issues.bad(src, n, "line outside a verb block (a pattern, verb or synonym line was expected)")
        elif s.startswith("-"):
            m = _PATTERN.match(s)
            if not m:
                issues.bad(src, n, "pattern without a final [CODE]")
                continue
            reading.records.append(PatternLine(block, m.group("body"), m.group("code").strip(), src, n, s))
        else:
            _read_verb_line(s, block, src, n, reading, issues)


def _read_verb_line(s: str, block: str, src: str, n: int, reading: VerbReading, issues: Issues) -> None:
    try:
        head, groups, tail = bracket_groups(s)
    except ValueError as exc:
        issues.bad(src, n, str(exc))
        return
    if len(groups) > 1 or tail:
        issues.bad(src, n, "verb line: want 'VERB {FORMS} [CODE]'")
        return
    code = groups[0].strip() if groups else None
    if code is not None:
        try:
            parse_code(code)
        except Malformed as exc:
            issues.bad(src, n, str(exc))
            return
    tokens = head.replace("{", " ").replace("}", " ").replace(",", " ").split()
    if not tokens or any(not _VERB_TOKEN.match(t) for t in tokens):
        issues.bad(src, n, f"not a verb line: {s!r} (patterns start with '-')")
        return
    words = [_verb_word(t, src, n, issues) for t in tokens[:1]]
    if words[0] is None:
        return
    words += [_verb_word(t, src, n, Issues()) for t in tokens[1:]]
    if any(w is None for w in words):
        issues.bad(src, n, "a form of the multi-word verb is malformed")
        return
    particle = words[0][1]
    if any(w[1] != particle for w in words):
        issues.bad(src, n, "the forms of a multi-word verb must keep its other word")
        return
    if "_" in tokens[0] and particle is None:
        issues.note(src, n, f"pre-compound {tokens[0]!r} matched as the single word {words[0][0]!r}")
    lemmas = tuple(dict.fromkeys(w[0] for w in words))
    reading.records.append(VerbLine(block, lemmas, particle, code, src, n, s))
