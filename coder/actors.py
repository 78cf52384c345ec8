"""Actor dictionaries: load coder's format (docs/dictionaries.md) and compile a token index.

The index maps the key of a name (``dictionary_base.name_key``) to the entries
that carry it; a sentence is scanned left to right, longest match first, by
concatenating token keys, so "charge d'affaires" matches however a tokenizer
split the apostrophe.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from coder.dictionary_base import (
    DictionaryError,
    is_caps_only,
    name_key,
    numbered_lines,
    parse_date,
    split_names,
)

KINDS = ("actor", "person", "adjective", "metonym", "agent")
_CODE = re.compile(r"^[A-Z0-9]{3,15}$")
_AGENT = re.compile(r"^[A-Z]{3}$")
_HEADER = re.compile(r"^(?P<kind>[a-z]+)(?:\s+(?P<code>\S+))?\s*=\s*(?P<names>.*)$")


@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    note: str = ""
    source: str = ""  # file:line

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class ActorEntry:
    kind: str
    names: tuple[str, ...]
    roles: tuple[Role, ...]
    source: str  # file:line of the entry's first line
    # PETRARCH reads names literally: a name written with a leading "THE" (THE_ISLAMIC_STATE) matches
    # only after "the" in the text. coder's own names match with or without their article.
    literal_article: bool = False

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role in force on ``day``: a dated role containing it, else the undated default."""
        if day is not None:
            for role in self.roles:
                if role.dated and role.covers(day):
                    return role
        for role in self.roles:
            if not role.dated:
                return role
        return None


@dataclass(frozen=True)
class ActorIndex:
    entries: tuple[ActorEntry, ...]
    keys: Mapping[str, tuple[int, ...]]
    prefixes: frozenset[str]
    caps_only: frozenset[str]
    max_tokens: int
    files: tuple[str, ...] = ()
    shared_surnames: frozenset[str] = frozenset()  # keys of surnames several people share
    issues: tuple = field(default=())
    article_only: frozenset[tuple[str, int]] = frozenset()  # (key, entry) matching only after "the"
    article_names: frozenset[tuple[str, int]] = frozenset()  # (key, entry) a PETRARCH name writes with "THE"

    def lookup(self, phrase: str) -> list[ActorEntry]:
        return [self.entries[i] for i in self.keys.get(name_key(_drop_article(phrase)), ())]


def _drop_article(name: str) -> str:
    return re.sub(r"^(the|The|THE)\s+", "", name.strip())


def pluralise(word: str) -> list[str]:
    """Regular English plurals of the last word of a name."""
    low = word.lower()
    if low.endswith("man") and not low.endswith(("human", "german", "ottoman")):
        return [word[:-3] + ("men" if word[-3:].islower() else "MEN")]
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"] if not low.endswith("s") else []
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "s"]


def name_variants(kind: str, name: str) -> list[str]:
    names = [name]
    if kind in ("agent", "adjective"):
        head, _, last = name.rpartition(" ")
        for plural in pluralise(last):
            names.append(f"{head} {plural}".strip())
    return names


def parse_actor_file(path: Path, start_index: int = 0) -> list[ActorEntry]:
    src = str(path)
    entries: list[ActorEntry] = []
    current: dict | None = None

    def close(lineno: int) -> None:
        nonlocal current
        if current is None:
            return
        if not current["roles"]:
            raise DictionaryError(src, current["line"], f"{current['kind']} entry has no code and no role lines")
        entries.append(ActorEntry(current["kind"], tuple(current["names"]), tuple(current["roles"]),
                                  f"{src}:{current['line']}"))
        current = None

    for lineno, line in numbered_lines(path):
        if line[0].isspace():
            if current is None or current.get("closed"):
                raise DictionaryError(src, lineno, "indented role line without an entry above it")
            current["roles"].append(_parse_role(line.strip(), src, lineno, current["kind"]))
            continue
        close(lineno)
        m = _HEADER.match(line.strip())
        if not m:
            raise DictionaryError(src, lineno, "expected 'KIND [CODE] = name; name' (see docs/dictionaries.md)")
        kind, code, names = m.group("kind"), m.group("code"), split_names(m.group("names"))
        if kind not in KINDS:
            raise DictionaryError(src, lineno, f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        if not names:
            raise DictionaryError(src, lineno, "no names after '='")
        roles = []
        if code:
            _check_code(code, kind, src, lineno)
            roles.append(Role(code, source=f"{src}:{lineno}"))
        current = {"kind": kind, "names": names, "roles": roles, "line": lineno, "closed": bool(code)}
    close(0)
    return entries


def _check_code(code: str, kind: str, src: str, lineno: int) -> None:
    pattern = _AGENT if kind == "agent" else _CODE
    if not pattern.match(code):
        want = "a 3-letter agent code such as GOV" if kind == "agent" else "an upper-case code such as IRN or IRNGOV"
        raise DictionaryError(src, lineno, f"bad code {code!r}: want {want}")


def _parse_role(text: str, src: str, lineno: int, kind: str) -> Role:
    parts = text.split(None, 2)
    code = parts[0]
    _check_code(code, kind, src, lineno)
    start = end = None
    note = ""
    rest = parts[1:]
    if rest and ".." in rest[0]:
        lo, _, hi = rest[0].partition("..")
        try:
            start = parse_date(lo, end=False) if lo else None
            end = parse_date(hi, end=True) if hi else None
        except ValueError as exc:
            raise DictionaryError(src, lineno, f"bad date range {rest[0]!r}: {exc}") from None
        if start and end and start > end:
            raise DictionaryError(src, lineno, f"impossible date range {rest[0]!r}: it ends before it starts")
        if not lo and not hi:
            raise DictionaryError(src, lineno, "empty date range '..'")
        rest = rest[1:]
    elif rest and re.match(r"^\d{4}(-\d\d){0,2}$", rest[0]):
        raise DictionaryError(src, lineno, f"date {rest[0]!r} without '..': write START..END, START.. or ..END")
    if rest:
        note = " ".join(rest)
    return Role(code, start, end, note, f"{src}:{lineno}")


def compile_actor_index(entries: Sequence[ActorEntry], files: Iterable[str] = (), issues: Iterable = ()) -> ActorIndex:
    keys: dict[str, list[int]] = {}
    caps: set[str] = set()
    max_tokens = 1
    surname_owner: dict[str, set[int]] = {}
    with_article: set[tuple[str, int]] = set()
    without_article: set[tuple[str, int]] = set()
    for i, entry in enumerate(entries):
        for raw in entry.names:
            name = _drop_article(raw)
            for variant in name_variants(entry.kind, name):
                key = name_key(variant)
                if not key:
                    continue
                (with_article if entry.literal_article and name != raw.strip() else without_article).add((key, i))
                if i not in keys.setdefault(key, []):
                    keys[key].append(i)
                if is_caps_only(variant):
                    caps.add(key)
                max_tokens = max(max_tokens, len(variant.split()) + variant.count("-") * 2 + variant.count("'"))
            if entry.kind == "person" and len(name.split()) > 1:
                surname_owner.setdefault(name_key(name.split()[-1]), set()).add(i)
    shared: set[str] = set()
    for key, owners in surname_owner.items():
        if key not in keys and len(key) > 2:
            # a shared surname ("Bush") keeps all its owners: the story date picks one (mentions.py)
            keys[key] = sorted(owners)
            if len(owners) > 1:
                shared.add(key)
    prefixes = {key[:n] for key in keys for n in range(1, len(key) + 1)}
    return ActorIndex(
        entries=tuple(entries),
        keys=MappingProxyType({k: tuple(v) for k, v in keys.items()}),
        prefixes=frozenset(prefixes),
        caps_only=frozenset(caps),
        shared_surnames=frozenset(shared),
        article_only=frozenset(with_article - without_article),
        article_names=frozenset(with_article),
        max_tokens=max_tokens + 2,
        files=tuple(files),
        issues=tuple(issues),
    )


def load_actor_files(paths: Sequence[Path]) -> ActorIndex:
    entries: list[ActorEntry] = []
    for path in paths:
        entries.extend(parse_actor_file(Path(path)))
    return compile_actor_index(entries, files=[str(p) for p in paths])
