"""The CAMEO and PLOVER codebooks as data: one validated, immutable :class:`Codebook`.

The tables live in ``dictionaries/codebook/*.tsv`` (their comment headers document the
columns). :func:`load_codebook` reads and checks all of them and either returns a frozen
``Codebook`` or raises :class:`CodebookError` naming the file and line at fault.

Codes that are not CAMEO 1.1b3 (GDELT/Phoenix extensions such as 212 or 915) are simply not
found: ``Codebook.cameo()`` returns None and coder passes them through with empty CAMEO and
PLOVER fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from coder.codebook_load import CodebookError, Row, read_table
from coder.resources import dictionaries_dir

__all__ = [
    "ActorType", "CameoCode", "Codebook", "CodebookError", "PloverContext", "PloverMode",
    "PloverSector", "PloverType", "format_codes", "load_codebook",
]

QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
ACTOR_KINDS = ("agent", "country-level", "organisation")
SECTOR_GROUPS = ("frequent", "less_frequent")
_CODE = re.compile(r"\d{2,4}")
_DISPUTED = re.compile(r"disputed:icews=-?\d+(\.\d+)?,phoenix=-?\d+(\.\d+)?")
_NONE_NOTE = "none:"


def cameo_quad_class(root: int) -> int:
    """CAMEO quad class of a root: 01-05 verbal coop, 06-08 material coop, 09-13 verbal
    conflict, 14-20 material conflict."""
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def phoenix_quad_class(root: int) -> int:
    """Phoenix variant: 0 for 01-02, 16 counts as verbal conflict, otherwise as CAMEO."""
    return 0 if root <= 2 else 3 if root == 16 else cameo_quad_class(root)


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    level: int
    root: str
    parent: str | None
    goldstein: float
    goldstein_note: str
    quad_class: int
    quad_class_phoenix: int
    plover_type: str | None
    plover_mode: str | None
    plover_note: str


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    requires_recipient: bool
    description: str
    modes: tuple[str, ...]


@dataclass(frozen=True)
class PloverMode:
    type: str
    mode: str
    in_manual: bool
    description: str


@dataclass(frozen=True)
class PloverContext:
    name: str
    alias: str | None
    description: str


@dataclass(frozen=True)
class PloverSector:
    code: str
    name: str
    group: str
    cameo: str | None


@dataclass(frozen=True)
class ActorType:
    code: str
    name: str
    kind: str
    plover_sector: str | None


def _index(items, key) -> Mapping:
    return MappingProxyType({key(item): item for item in items})


@dataclass(frozen=True)
class Codebook:
    cameo_codes: tuple[CameoCode, ...]
    plover_types: tuple[PloverType, ...]
    plover_modes: tuple[PloverMode, ...]
    contexts: tuple[PloverContext, ...]
    sectors: tuple[PloverSector, ...]
    actor_types: tuple[ActorType, ...]
    _cameo: Mapping[str, CameoCode] = field(init=False, repr=False, compare=False)
    _types: Mapping[str, PloverType] = field(init=False, repr=False, compare=False)
    _contexts: Mapping[str, PloverContext] = field(init=False, repr=False, compare=False)
    _sectors: Mapping[str, PloverSector] = field(init=False, repr=False, compare=False)
    _actors: Mapping[str, ActorType] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        aliases = [(c.alias, c) for c in self.contexts if c.alias]
        indexes = {
            "_cameo": _index(self.cameo_codes, lambda c: c.code),
            "_types": _index(self.plover_types, lambda t: t.name),
            "_contexts": MappingProxyType({**dict(aliases), **{c.name: c for c in self.contexts}}),
            "_sectors": _index(self.sectors, lambda s: s.code),
            "_actors": _index(self.actor_types, lambda a: a.code),
        }
        for name, value in indexes.items():
            object.__setattr__(self, name, value)

    def cameo(self, code: str) -> CameoCode | None:
        """The CAMEO code, or None for anything else (foreign codes such as 212 or 915)."""
        return self._cameo.get(code.strip())

    def is_cameo(self, code: str) -> bool:
        return self.cameo(code) is not None

    def search(self, query: str) -> list[CameoCode]:
        """Codes matching ``query``, in code order.

        Digits are a code prefix ("03" gives 03 and every 03x/03xx code). Anything else is a
        case-insensitive word search in names and PLOVER type names: every word of the query
        must start a word there ("sanction" finds "sanctions" and the SANCTION codes). An
        empty query gives every code.
        """
        text = query.strip()
        if not text:
            return list(self.cameo_codes)
        if text.isdigit():
            return [c for c in self.cameo_codes if c.code.startswith(text)]
        patterns = [re.compile(r"\b" + re.escape(word)) for word in text.lower().split()]

        def hit(code: CameoCode) -> bool:
            haystack = f"{code.name} {code.plover_type or ''}".lower()
            return all(p.search(haystack) for p in patterns)

        return [c for c in self.cameo_codes if hit(c)]

    def plover_type(self, name: str) -> PloverType | None:
        return self._types.get(name.strip().upper())

    def context(self, name: str) -> PloverContext | None:
        """A PLOVER context by its manual name or its POLECAT alias."""
        return self._contexts.get(name.strip())

    def sector(self, code: str) -> PloverSector | None:
        """A PLOVER sector code (PLOVER MED is health, JRN media)."""
        return self._sectors.get(code.strip().upper())

    def actor_type(self, code: str) -> ActorType | None:
        """A CAMEO actor/agent type code (CAMEO MED is media, HLH health)."""
        return self._actors.get(code.strip().upper())


def format_codes(codes: list[CameoCode]) -> list[str]:
    """The table ``coder codes QUERY`` prints: header plus one line per code; [] if none."""
    if not codes:
        return []
    name_width = max(len("NAME"), *(len(c.name) for c in codes))
    type_width = max(len("PLOVER"), *(len(c.plover_type or "-") for c in codes))
    head = (
        f"{'CODE':<5} {'NAME':<{name_width}} {'GOLDSTEIN':>9} {'QUAD':>4}  "
        f"{'PLOVER':<{type_width}} MODE"
    )
    lines = [head.rstrip()]
    for c in codes:
        line = (
            f"{c.code:<5} {c.name:<{name_width}} {c.goldstein:>9.1f} {c.quad_class:>4}  "
            f"{c.plover_type or '-':<{type_width}} {c.plover_mode or ''}"
        )
        lines.append(line.rstrip())
    return lines


# ---------------------------------------------------------------- building and checking


Rows = tuple[Row, ...]


def _unique(rows: Rows, column: str) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        key = row.values[column]
        if key in seen:
            raise row.error(f"duplicate {column} '{key}' (first on line {seen[key]})")
        seen[key] = row.line


def _modes(rows: Rows, type_names: set[str]) -> tuple[PloverMode, ...]:
    first_line: dict[tuple[str, str], int] = {}
    modes = []
    for row in rows:
        kind = row.text("type")
        if kind not in type_names:
            raise row.error(f"unknown PLOVER type '{kind}'")
        in_manual = row.choice("source", ("manual", "polecat")) == "manual"
        mode = PloverMode(kind, row.text("mode"), in_manual, row.text("description"))
        key = (kind, mode.mode)
        if key in first_line:
            raise row.error(f"mode twice: '{kind} {mode.mode}' (see line {first_line[key]})")
        first_line[key] = row.line
        modes.append(mode)
    return tuple(modes)


def _types(rows: Rows, mode_rows: Rows) -> tuple[tuple[PloverType, ...], tuple[PloverMode, ...]]:
    _unique(rows, "type")
    for row in rows:
        if not re.fullmatch(r"[A-Z]+", row.text("type")):
            raise row.error(f"PLOVER type '{row.values['type']}' must be upper-case letters")
        quad = row.integer("quad_class", 1, 4)
        if row.text("quad_name") != QUAD_NAMES[quad - 1]:
            raise row.error(f"quad_name '{row.values['quad_name']}' does not fit quad_class {quad}")
    modes = _modes(mode_rows, {row.values["type"] for row in rows})
    types = tuple(
        PloverType(
            name=row.values["type"],
            quad_class=int(row.values["quad_class"]),
            requires_recipient=row.flag("requires_recipient"),
            description=row.text("description"),
            modes=tuple(m.mode for m in modes if m.type == row.values["type"]),
        )
        for row in rows
    )
    return types, modes


def _cameo_code(
    row: Row, types: Mapping[str, PloverType], modes: Mapping[tuple[str, str], PloverMode]
) -> CameoCode:
    code = row.text("code")
    if not _CODE.fullmatch(code):
        raise row.error(f"CAMEO code '{code}' must be 2 to 4 digits")
    level = row.integer("level", 0, 2)
    if level != len(code) - 2:
        raise row.error(f"level {level} does not fit the {len(code)}-digit code {code}")
    root, parent = row.text("root"), row.optional("parent")
    if root != code[:2] or not 1 <= int(root) <= 20:
        raise row.error(f"root '{root}' is not the root of {code} (01-20)")
    expected_parent = code[:-1] if level else None
    if parent != expected_parent:
        raise row.error(f"parent '{parent or ''}' of {code} should be '{expected_parent or ''}'")
    note = row.values["goldstein_note"]
    if note not in ("", "derived:parent") and not _DISPUTED.fullmatch(note):
        raise row.error(
            f"goldstein_note '{note}' is not empty, derived:parent or disputed:icews=X,phoenix=Y"
        )
    quad, expected_quad = row.integer("quad_class", 1, 4), cameo_quad_class(int(root))
    if quad != expected_quad:
        raise row.error(f"quad_class {quad} is wrong for root {root} (CAMEO says {expected_quad})")
    phoenix = row.integer("quad_class_phoenix", 0, 4)
    if phoenix != phoenix_quad_class(int(root)):
        raise row.error(f"quad_class_phoenix {phoenix} is wrong for root {root}")
    kind, mode = row.optional("plover_type"), row.optional("plover_mode")
    plover_note = row.values["plover_note"]
    if kind is None:
        if not plover_note.startswith(_NONE_NOTE):
            raise row.error(f"{code}: empty plover_type needs plover_note 'none: reason'")
        if mode is not None:
            raise row.error(f"plover_mode '{mode}' given without a plover_type")
    else:
        if kind not in types:
            raise row.error(f"unknown PLOVER type '{kind}'")
        if plover_note.startswith(_NONE_NOTE):
            raise row.error(f"plover_note says none but plover_type is {kind}")
        if mode is not None and (kind, mode) not in modes:
            raise row.error(f"mode '{mode}' does not belong to PLOVER type {kind}")
        if mode is not None and not modes[kind, mode].in_manual:
            raise row.error(f"mode '{kind} {mode}' is POLECAT-only; map to a PLOVER-manual mode")
    return CameoCode(
        code=code, name=row.text("name"), level=level, root=root, parent=parent,
        goldstein=row.number("goldstein", -10.0, 10.0), goldstein_note=note,
        quad_class=quad, quad_class_phoenix=phoenix,
        plover_type=kind, plover_mode=mode, plover_note=plover_note,
    )


def _cameo_codes(
    rows: Rows, types: tuple[PloverType, ...], modes: tuple[PloverMode, ...]
) -> tuple[CameoCode, ...]:
    _unique(rows, "code")
    type_index = {t.name: t for t in types}
    mode_index = {(m.type, m.mode): m for m in modes}
    codes = tuple(_cameo_code(row, type_index, mode_index) for row in rows)
    by_code = {c.code: c for c in codes}
    for row, code in zip(rows, codes):
        if code.root not in by_code:
            raise row.error(f"root {code.root} of {code.code} is not in the table")
        if code.parent is not None and code.parent not in by_code:
            raise row.error(f"parent {code.parent} of {code.code} is not in the table")
        if code.goldstein_note == "derived:parent" and (
            code.parent is None or by_code[code.parent].goldstein != code.goldstein
        ):
            raise row.error(f"goldstein of {code.code} is derived:parent but is not its parent's")
    return codes


def _contexts(rows: Rows) -> tuple[PloverContext, ...]:
    first_line: dict[str, int] = {}
    contexts = []
    for row in rows:
        context = PloverContext(row.text("context"), row.optional("alias"), row.text("description"))
        for spelling in filter(None, (context.name, context.alias)):
            if spelling in first_line:
                raise row.error(f"context '{spelling}' already used on line {first_line[spelling]}")
            first_line[spelling] = row.line
        contexts.append(context)
    return tuple(contexts)


def _sectors_and_actors(
    sector_rows: Rows, actor_rows: Rows
) -> tuple[tuple[PloverSector, ...], tuple[ActorType, ...]]:
    _unique(sector_rows, "code")
    _unique(actor_rows, "code")
    for row in (*sector_rows, *actor_rows):
        if not re.fullmatch(r"[A-Z]{3}", row.text("code")):
            raise row.error(f"code '{row.values['code']}' must be three upper-case letters")
    sectors = tuple(
        PloverSector(
            r.values["code"], r.text("name"), r.choice("group", SECTOR_GROUPS), r.optional("cameo")
        )
        for r in sector_rows
    )
    sector_codes = {s.code for s in sectors}
    actors = []
    for row in actor_rows:
        actor = ActorType(
            row.values["code"], row.text("name"), row.choice("kind", ACTOR_KINDS),
            row.optional("plover_sector"),
        )
        if actor.plover_sector is not None and actor.plover_sector not in sector_codes:
            raise row.error(f"unknown PLOVER sector '{actor.plover_sector}'")
        actors.append(actor)
    by_code = {a.code: a for a in actors}
    for row, sector in zip(sector_rows, sectors):
        actor = by_code.get(sector.cameo or "")
        if sector.cameo is not None and (actor is None or actor.plover_sector != sector.code):
            raise row.error(f"CAMEO {sector.cameo} is not mapped to {sector.code} in actor_types")
    return sectors, tuple(actors)


def load_codebook(directory: Path | None = None) -> Codebook:
    """Read and validate the codebook tables (default: the shipped dictionaries/codebook)."""
    folder = Path(directory) if directory is not None else dictionaries_dir() / "codebook"

    def table(name: str, *columns: str) -> tuple[Row, ...]:
        return read_table(folder / name, columns)

    types, modes = _types(
        table("plover_types.tsv", "type", "quad_class", "quad_name", "requires_recipient",
              "description"),
        table("plover_modes.tsv", "type", "mode", "source", "description"),
    )
    codes = _cameo_codes(
        table("cameo_events.tsv", "code", "name", "level", "root", "parent", "goldstein",
              "goldstein_note", "quad_class", "quad_class_phoenix", "plover_type", "plover_mode",
              "plover_note"),
        types, modes,
    )
    contexts = _contexts(table("plover_contexts.tsv", "context", "alias", "description"))
    sectors, actors = _sectors_and_actors(
        table("plover_sectors.tsv", "code", "name", "group", "cameo"),
        table("actor_types.tsv", "code", "name", "kind", "plover_sector", "note"),
    )
    return Codebook(codes, types, modes, contexts, sectors, actors)
