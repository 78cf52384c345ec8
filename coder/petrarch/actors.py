"""PETRARCH/TABARI actor and agent dictionaries, read into coder's ``ActorEntry`` objects.

Actors (``Phoenix.Countries.actors.txt`` and friends)::

    AFGHANISTAN_  [AFG]              primary phrase, optional [CODE] (the default role)
    +AFGHAN_                         synonym
        [AFGELI 620101-780427]       tab-indented date restriction: CODE yymmdd-yymmdd,
        [AFGGOV >780427]             CODE >date (from), CODE <date (until), CODE (a default)
    KOFI_ANNAN_  [IGOUNO 970101-061231] [ELI]    TABARI style: several codes on the primary line

Dates are YYMMDD or YYYYMMDD; two-digit years 00-30 are 20YY, 31-99 are 19YY (PETRARCH's
``dstr_to_ordate``). Both ends are inclusive ("everything is interpreted as 'or equal'").
Semantics are coder's (``ActorEntry.role_on``): the dated role containing the story date
wins and the undated default applies only where no dated role does. PETRARCH checked the
roles in file order, so a default written on the primary line beat its own dates.

A primary phrase with no code and no restriction lines is, in PETRARCH, stored under the
code of the *next* entry (it reuses the pending code index); it is read here the same way,
as another name of the next entry, with a note. ``[---]`` (the null code) is dropped: coder
has no null actor, and a role that codes nothing is the same as no role. A compound code
(``[FRO/BIL/SAM]``: each member is an actor of the event) and PETRARCH's ``[+++]`` are kept.

Entries whose primary line carries a ``CountryInfo.txt`` or ``rulers`` comment (the
generated people lists) become ``person`` entries, everything else ``actor``. Names are
lower-cased except those of up to three letters (``US``, ``UN``): coder reads a short
all-capitals name as an acronym that matches only capitals, and PETRARCH writes all in capitals.
Words joined by a blank (which PETRARCH lets other words come between) match consecutively.

Agents (``Phoenix.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON   substitution set
    CONGRESS!PERSON! [~LEG]                      every member substituted
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]   irregular plural; {} = none
    HUMAN_RIGHTS_BODY [NGO~]                      code written before the actor's

Regular plurals are coder's (``actors.pluralise``), plus PETRARCH's ``-SS`` -> ``-SSES``
("congresses"), for an agent without braces; one with braces has only the plurals written there
(``only_listed_plurals``). A compound agent code is kept whole (``~GOVATG``: ``USA`` + ``GOVATG`` = ``USAGOVATG``) and a
prefix agent keeps its ``~`` as the role's code (``NGO~``): coder's resolver writes it before the
actor's code (``NGOIRN``), as PETRARCH does. Each 3-letter part is an agent code of the set.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from coder.actors import ActorEntry, ActorIndex, Role, _drop_article
from coder.dictionary_base import name_key
from coder.petrarch.reading import Issues, bracket_groups, parse_petrarch_date, phrase_words, read_lines

# a code, a compound actor ("FRO/BIL/SAM": each member is an actor of the event) or PETRARCH's "+++"
_ACTOR_CODE = re.compile(r"^[A-Z0-9]{3,15}(?:/[A-Z0-9]{3,15})*$|^\+\+\+$")
_NULL_CODES = frozenset({"---", ""})
_PERSON_HINTS = ("countryinfo", "rulers")
_MARKER_DEF = re.compile(r"^!(?P<name>[^!\s]+)!\s*=\s*(?P<items>.*)$")
_AGENT_CODE = re.compile(r"^(?:~(?P<suffix>[A-Z]+)|(?P<prefix>[A-Z]+)~)$")


def actor_name(phrase: str) -> str:
    """PETRARCH writes every name in capitals; coder treats a short all-capitals name as an
    acronym that matches only capitals. Names of up to 3 letters (US, UK, UN, PLO) stay
    capitals, longer ones are lower-cased so that "Iran" matches IRAN."""
    phrase = phrase_words(phrase)
    return phrase if len(re.sub(r"[^A-Za-z]", "", phrase)) <= 3 else phrase.lower()


def parse_role(group: str, src: str, lineno: int, issues: Issues) -> Role | None:
    """One ``[CODE restriction]`` group; None (with an issue or a note) when it gives no role."""
    body = group.strip()
    code, _, rest = body.partition(" ")
    code, rest = code.strip(), rest.strip()
    where = f"{src}:{lineno}"
    if code in _NULL_CODES:
        issues.note(src, lineno, f"null code [{body}] dropped: coder has no null actor")
        return None
    if not _ACTOR_CODE.match(code):
        issues.bad(src, lineno, f"bad actor code {code!r} in [{body}]: want upper-case letters and digits")
        return None
    start = end = None
    try:
        if not rest:
            pass
        elif rest[0] in "<>":
            day = parse_petrarch_date(rest[1:])
            if rest[0] == "<":
                end = day
            else:
                start = day
        elif rest.count("-") == 1:
            lo, hi = rest.split("-")
            start, end = parse_petrarch_date(lo), parse_petrarch_date(hi)
            if end < start:
                issues.bad(src, lineno, f"date restriction [{body}] ends before it starts")
                return None
        else:
            issues.bad(src, lineno, f"bad date restriction [{body}]: want <date, >date or date-date")
            return None
    except ValueError as exc:
        issues.bad(src, lineno, f"bad date in [{body}]: {exc}")
        return None
    return Role(code, start, end, f"[{body}]", where)


def read_actor_file(path: Path, issues: Issues) -> list[ActorEntry]:
    src = str(path)
    entries: list[ActorEntry] = []
    cur: dict | None = None
    carried: list[tuple[str, int]] = []  # codeless primaries waiting for the next entry's codes
    skipping = False

    def close() -> None:
        nonlocal cur
        if cur is None:
            return
        if not cur["roles"]:
            if cur["had_codes"]:
                issues.note(src, cur["line"], f"entry {cur['names'][0]!r} has only null or bad codes: skipped")
            else:  # PETRARCH: shares the code index of the next entry that has codes
                carried.extend((name, cur["line"]) for name in cur["names"])
            cur = None
            return
        names = cur["names"]
        for name, line in carried:
            issues.note(src, line, f"{name!r} has no code: read as a name of the next entry "
                                   f"{names[0]!r} (line {cur['line']}), as PETRARCH does")
        names = [n for n, _ in carried] + names
        carried.clear()
        kind = "person" if cur["person"] else "actor"
        entries.append(ActorEntry(kind, tuple(dict.fromkeys(names)), tuple(cur["roles"]), f"{src}:{cur['line']}",
                                  literal_article=True))
        cur = None

    for line in read_lines(path, semicolon_comments=True):
        text = line.text
        if "---STOP---" in text:
            break
        if text[0].isspace():
            body = text.strip()
            if not body.startswith("["):
                issues.bad(src, line.number, "indented line does not start with '[': expected a date restriction "
                                             "like '[CODE 900101-911231]' (a primary phrase must not be indented)")
                continue
            if cur is None:
                if not skipping:
                    issues.bad(src, line.number, "date restriction without an actor entry above it")
                continue
            _add_groups(cur, body, src, line.number, issues)
            continue
        if text.startswith("+"):
            if cur is None:
                if not skipping:
                    issues.bad(src, line.number, "synonym '+' line without a primary phrase above it")
                continue
            if "[" in text:
                issues.bad(src, line.number, "synonym lines take no [code] (PETRARCH would read it as part of "
                                             "the name)")
                continue
            name = actor_name(text[1:])
            if name:
                cur["names"].append(name)
            continue
        close()
        skipping = True  # until a good primary line: its synonyms and restrictions go with it
        try:
            head, groups, tail = bracket_groups(text)
        except ValueError as exc:
            issues.bad(src, line.number, f"{exc}; the entry is skipped")
            continue
        name = actor_name(head)
        if not name:
            issues.bad(src, line.number, "primary line without a phrase; the entry is skipped")
            continue
        skipping = False
        if tail:  # MNC lists: "A.H._BELO_CORPORATION_ [MNCMED] Newspapers/Magazines $137,000,000"
            issues.bad(src, line.number, f"text after the codes ignored: {tail!r} (a comment without '#'?)")
        cur = {"names": [name], "roles": [], "line": line.number, "had_codes": bool(groups),
               "person": any(h in line.comment.lower() for h in _PERSON_HINTS)}
        for group in groups:
            role = parse_role(group, src, line.number, issues)
            if role is not None:
                cur["roles"].append(role)
    close()
    for name, lineno in carried:
        issues.bad(src, lineno, f"{name!r} has no code and no entry follows it")
    return entries


def _add_groups(cur: dict, body: str, src: str, lineno: int, issues: Issues) -> None:
    try:
        _, groups, tail = bracket_groups(body)
    except ValueError as exc:
        issues.bad(src, lineno, str(exc))
        return
    if tail:
        issues.bad(src, lineno, f"text after the date restriction: {tail!r}")
        return
    cur["had_codes"] = True
    for group in groups:
        role = parse_role(group, src, lineno, issues)
        if role is not None:
            cur["roles"].append(role)


def _expand_markers(phrase: str, markers: dict[str, list[str]]) -> list[str] | str:
    """All substitutions of ``!NAME!`` markers, or the unknown marker's name (a str) on failure."""
    m = re.search(r"!([^!\s]+)!", phrase)
    if not m:
        return [phrase]
    if m.group(1) not in markers:
        return m.group(1)
    out: list[str] = []
    for item in markers[m.group(1)]:
        rest = _expand_markers(phrase[:m.start()] + item + phrase[m.end():], markers)
        if isinstance(rest, str):
            return rest
        out.extend(rest)
    return out


def read_agent_file(path: Path, issues: Issues, agent_codes: set[str],
                    listed_plurals: set[str] | None = None) -> list[ActorEntry]:
    """The agents of ``path``; the sources of the entries whose plurals are written out
    (``{POLICES}``, ``{}`` = none) are added to ``listed_plurals`` (see ``only_listed_plurals``)."""
    src = str(path)
    entries: list[ActorEntry] = []
    markers: dict[str, list[str]] = {}
    for line in read_lines(path):
        text = line.text.strip()
        mdef = _MARKER_DEF.match(text)
        if mdef:
            markers[mdef.group("name")] = [x.strip() for x in mdef.group("items").split(",") if x.strip()]
            continue
        try:
            head, groups, tail = bracket_groups(text)
        except ValueError as exc:
            issues.bad(src, line.number, str(exc))
            continue
        if len(groups) != 1 or tail:
            issues.bad(src, line.number, "expected 'PHRASE {plural} [~CODE]' with exactly one [code]")
            continue
        code_text = groups[0].strip()
        m = _AGENT_CODE.match(code_text)
        if not m:
            issues.bad(src, line.number, f"bad agent code [{code_text}]: want [~GOV] or [NGO~]")
            continue
        letters = m.group("suffix") or m.group("prefix")
        if len(letters) % 3:
            issues.bad(src, line.number, f"agent code [{code_text}] is not made of 3-letter codes")
            continue
        agent = letters + ("~" if m.group("prefix") else "")  # "GOVFRM"; "NGO~": written before the actor's code
        plural = None
        if "{" in head:
            close = head.find("}")
            if close < head.find("{"):
                issues.bad(src, line.number, "'{' without '}'")
                continue
            plural = phrase_words(head[head.find("{") + 1:close])
            head = head[:head.find("{")]
        expanded = _expand_markers(head.strip(), markers)
        if isinstance(expanded, str):
            issues.bad(src, line.number, f"substitution marker !{expanded}! is not defined above")
            continue
        names = [phrase_words(p).lower() for p in expanded if phrase_words(p)]
        if plural is not None and listed_plurals is not None:
            listed_plurals.add(f"{src}:{line.number}")
        if plural:
            names.append(plural.lower())
        elif plural is None:  # PETRARCH's regular plural of a root in -SS ("congresses"), which coder's lacks
            names += [n + "es" for n in names if n.endswith("ss")]
        if not names:
            issues.bad(src, line.number, "agent line without a phrase")
            continue
        agent_codes.update(letters[i:i + 3] for i in range(0, len(letters), 3))
        entries.append(ActorEntry("agent", tuple(dict.fromkeys(names)),
                                  (Role(agent, note=f"[{code_text}]", source=f"{src}:{line.number}"),),
                                  f"{src}:{line.number}", literal_article=True))
    return entries


def only_listed_plurals(index: ActorIndex, sources: set[str]) -> ActorIndex:
    """PETRARCH adds the regular plural to an agent only when no ``{...}`` is written: with
    ``POLICE {} [~COP]`` "polices" is no agent. coder's index gives every agent its regular
    plurals; this takes them from the entries in ``sources`` (their names match as written)."""
    if not sources:
        return index
    own = {i: {name_key(_drop_article(n)) for n in e.names} for i, e in enumerate(index.entries) if e.source in sources}
    keys = {}
    for key, ids in index.keys.items():
        kept = tuple(i for i in ids if i not in own or key in own[i])
        if kept:
            keys[key] = kept
    return replace(index, keys=MappingProxyType(keys))
