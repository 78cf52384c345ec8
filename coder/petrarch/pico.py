"""The PETRARCH Internal Coding Ontology (PICO): CAMEO codes as 16-bit numbers that add up.

``PETR.Internal.Coding.Ontology.txt`` lines are ``CODE:EXPR#comment`` with EXPR hex numbers
joined by ``+``/``-`` (``010:0x1000``, ``011:0x1000-0xFFFF``, ``122:-0xFFFF+0x2040+0x300``).
The first hex digit is the class of a "top-level" verb (1 say, 2 appeal, 3 intend, 4 demand,
5 protest, 6 threaten, 7 disapprove, 8 posture, 9 coerce, A investigate, B consult), the
second and third the kind of action (4 aid, 7 material cooperation, 8 diplomatic
cooperation, A fight ...), the fourth a specifier; "refuse/not" is minus 0xFFFF.

Nested verbs combine (PETRARCH-2 paper, section 4.2.1; ``utilities.combine_code``): "A will
[help B]" codes the inner event first (help = 0x0040) and adds the outer verb's class
(intend = 0x3000): 0x3040 = 033. The rule, for outer code *o* and inner code *i*:

* *i* < 0 (a refusal or negation): *o* + *i*
* both are top-level (>= 0x1000): *i* ("say + intend" is "intend")
* *i* >= *o*: *i*
* otherwise *o* + *i*

and the sum is read back to CAMEO (first code in file order with that value; PETRARCH's one
extra reverse entry 0x30A0 -> 138, "want to attack"); a sum with no CAMEO code gives None.
A code missing from the table is looked up by its root (``0213`` -> ``020``), as
``convert_code`` does; ``---`` is 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from coder.petrarch.reading import Issues, read_lines

_HEX_SUM = r"[-+]?\s*0[xX][0-9A-Fa-f]+(?:\s*[-+]\s*0[xX][0-9A-Fa-f]+)*"
_LINE = re.compile(rf"^(?P<code>\d{{2,4}}|---)\s*:\s*(?P<expr>{_HEX_SUM}|0)$")
_TERM = re.compile(r"([-+]?)\s*0[xX]([0-9A-Fa-f]+)")
_REVERSE_EXTRA = MappingProxyType({0x30A0: "138"})  # PETRARCH-2 convert_code: "Want to attack"
NEGATION = 0xFFFF


class PicoTable(Mapping[str, int]):
    """CAMEO code -> PICO value, with the reverse lookup and PETRARCH-2's combination rule."""

    def __init__(self, values: Mapping[str, int] | None = None, source: str = ""):
        self._values = MappingProxyType(dict(values or {}))
        self.source = source
        reverse: dict[int, str] = {}
        for code, value in self._values.items():
            reverse.setdefault(value, code)
        for value, code in _REVERSE_EXTRA.items():
            reverse.setdefault(value, code)
        self._reverse = MappingProxyType(reverse)

    def __getitem__(self, code: str) -> int:
        return self._values[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"PicoTable({len(self)} codes from {self.source or 'nowhere'})"

    def value(self, code: str) -> int | None:
        """PICO value of a CAMEO code (``042:043`` uses the active part); None if unknown."""
        code = code.split(":")[0].strip() or "---"
        if code == "---":
            return 0
        if code in self._values:
            return self._values[code]
        return self._values.get(code[:2] + "0")

    def code(self, value: int) -> str | None:
        """The CAMEO code of a PICO value, None if there is none (PETRARCH's 0)."""
        return self._reverse.get(value)

    def combine(self, outer: str, inner: str) -> str | None:
        """The CAMEO code of "A <outer> [<inner> B]", e.g. combine("030", "070") == "033"."""
        o, i = self.value(outer), self.value(inner)
        if o is None or i is None or not self._values:
            return None
        return self.code(combine_values(o, i))

    def negate(self, code: str) -> str | None:
        """"A did not <code> B" as PETRARCH-2 codes it (value - 0xFFFF): negate("060") == "121"."""
        v = self.value(code)
        return None if v is None else self.code(v - NEGATION)


def combine_values(outer: int, inner: int) -> int:
    if inner < 0:
        return inner + outer
    if outer >= 0x1000 and inner >= 0x1000:
        return inner
    if inner >= outer:
        return inner
    return outer + inner


def read_pico_file(path: Path, issues: Issues) -> PicoTable:
    src = str(path)
    values: dict[str, int] = {}
    for line in read_lines(path):
        text = line.text.strip()
        m = _LINE.match(text)
        if not m:
            issues.bad(src, line.number, f"expected 'CODE:0xHEX[+-0xHEX...]', found {text!r}")
            continue
        total = 0
        for sign, digits in _TERM.findall(m.group("expr")):
            total += -int(digits, 16) if sign == "-" else int(digits, 16)
        code = m.group("code")
        if code in values:
            issues.bad(src, line.number, f"code {code} given twice; the first is kept")
            continue
        values[code] = total
    return PicoTable(values, src)
