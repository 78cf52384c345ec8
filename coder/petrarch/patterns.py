"""One PETRARCH verb pattern (PETRARCH-2 or PETRARCH-1/TABARI syntax) in coder's slot model.

A pattern line is ``- <pre-verb items> * <post-verb items> [CODE]``. Items:

* ``WORD`` / ``&SYNSET`` / ``{ADJ NOUN}``: a noun (after the verb: the direct object)
* ``(PREP ...)``: a prepositional phrase; ``(WITH)`` or ``(WITH +)``: the target is there
* ``+`` target, ``$`` source, ``%`` compound actor (both), ``^`` TABARI skip token
* a bare preposition followed by ``+`` (TABARI word order: ``* MEET WITH +``) reads as ``(WITH +)``

Items before '*': markers, and at most one noun (the subject's head must be it: ``- {DEATH TOLL}
* [190]``; the source is then the subject or its possessor). After '*': the object noun,
particles, and prepositional phrases; a phrase with a noun (``(FOR ASYLUM)``, TABARI's ``ON
&SOLUTION``) is a required phrase with that object, one without (``(WITH)``, ``(WITH +)``) a
required phrase whose object is the target (``$``: the source).

Codes: ``[040]``; ``[042:043]`` paired (X -> Y 042 and Y -> X 043: ``Pattern.reverse``);
``[062:062]`` (same both ways: coder's ``symmetric``); ``[:173]`` (only the passive reading: the
subject is the target and the source is a ``by``/``from`` phrase); ``[---]`` the null code (a
pattern that matches and codes nothing).

What coder's ``Pattern`` cannot express raises :class:`Unrepresentable` with a short
category (the part before ':') and the detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "forward", "forwards", "aside", "together",
                       "apart", "ahead", "home", "backward", "over", "around", "through", "along"})
PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among", "amongst", "around", "as",
    "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite",
    "during", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "outside", "over",
    "past", "per", "since", "than", "through", "throughout", "to", "toward", "towards", "under", "until", "upon",
    "via", "with", "within", "without"})
# Where PETRARCH-2 finds a target when a pattern names none: the verb's noun phrases first, then
# its prepositional phrases in order (VerbPhrase.get_lower); the source is the subject, in a
# passive clause the by-phrase or else the first phrase with an actor (coder's ``agent`` slot).
# the object, else the first phrase (in sentence order) with an actor, else the subject of a complement clause
DEFAULT_TARGETS = ("obj|iobj|pp|comp",)
PASSIVE_SOURCES = ("by", "from")  # PETRARCH-2 also takes "in"; coder reads "in X" as a place
_CODE = re.compile(r"^\d{2,4}$|^[A-Za-z0-9]{2,6}$")
_WORD = re.compile(r"^&?[A-Z0-9][A-Z0-9'_\-\./&]*$")
ARTICLES = frozenset({"THE", "A", "AN"})


class Unrepresentable(ValueError):
    """A pattern coder's slot model cannot express; ``str()`` is ``category: detail``."""

    def __init__(self, category: str, detail: str = ""):
        super().__init__(f"{category}: {detail}" if detail else category)
        self.category = category


class Malformed(ValueError):
    """A pattern line that is not valid PETRARCH syntax."""


@dataclass(frozen=True)
class Item:
    kind: str  # "verb", "mark", "word", "np", "pp"
    text: str = ""  # the mark, the word, or the preposition
    words: tuple[str, ...] = ()  # np: its words (last is the head)
    inner: tuple["Item", ...] = ()  # pp: what follows the preposition


@dataclass
class Translation:
    code: str
    objects: list[Item] | None = None  # the object noun (one item) or None
    particle: str | None = None
    target: tuple[str, ...] = DEFAULT_TARGETS
    source: tuple[str, ...] = ("agent",)
    symmetric: bool = False
    among: bool = False  # '%': the subject must be compound
    preps: list[tuple[str, Item | None]] = field(default_factory=list)  # required phrases: (prep, its noun)
    subject: Item | None = None  # a pre-verb noun: the subject's head must be it
    skip: list[str] = field(default_factory=list)  # '(AT ^)': phrases that hold neither actor
    reverse: str | None = None  # [042:043]: the target's side of the event
    notes: list[tuple[str, str]] = field(default_factory=list)  # (category, detail)


def parse_code(text: str) -> tuple[str | None, str | None]:
    """``040`` / ``042:043`` / ``:173`` / ``---`` -> (active, passive); None is the null code."""
    if text.count(":") > 1:
        raise Malformed(f"bad code [{text}]")
    active, _, passive = text.partition(":")
    out = []
    for part in (active.strip(), passive.strip()):
        if part in ("", "---"):
            out.append(None)
        elif _CODE.match(part):
            out.append(part)
        else:
            raise Malformed(f"bad event code [{text}]: PETRARCH would read {part!r}")
    return out[0], out[1]


def tokenize(body: str) -> list[Item]:
    items: list[Item] = []
    pos, n = 0, len(body)

    def words_until(close: str, start: int) -> tuple[list[str], int]:
        end = body.find(close, start)
        if end < 0:
            raise Malformed(f"'{body[start - 1]}' without '{close}' in {body.strip()!r}")
        return body[start:end].split(), end + 1

    while pos < n:
        c = body[pos]
        if c.isspace():
            pos += 1
        elif c == "(":
            inner_text_end = body.find(")", pos + 1)
            if inner_text_end < 0 or "(" in body[pos + 1:inner_text_end]:
                raise Malformed(f"unbalanced '(' in {body.strip()!r}")
            inner = tokenize(body[pos + 1:inner_text_end])
            if not inner or inner[0].kind != "word" or inner[0].text.startswith("&"):
                raise Malformed(f"a prepositional phrase starts with its preposition: {body[pos:inner_text_end + 1]!r}")
            if any(i.kind in ("pp", "verb") for i in inner[1:]):
                raise Malformed(f"nested phrase or '*' inside {body[pos:inner_text_end + 1]!r}")
            items.append(Item("pp", inner[0].text, inner=tuple(inner[1:])))
            pos = inner_text_end + 1
        elif c == "{":
            words, pos = words_until("}", pos + 1)
            if not words or any(not _WORD.match(w) for w in words):
                raise Malformed(f"bad noun phrase in {body.strip()!r}")
            items.append(Item("np", words=tuple(words)))
        elif c in ")}":
            raise Malformed(f"unbalanced '{c}' in {body.strip()!r}")
        else:
            end = pos
            while end < n and not body[end].isspace() and body[end] not in "(){}":
                end += 1
            tok = body[pos:end]
            pos = end
            if tok == "*":
                items.append(Item("verb"))
            elif tok in ("+", "$", "%", "^"):
                items.append(Item("mark", tok))
            elif "*" in tok and "_" in tok:
                raise Unrepresentable("verb joined to words with '_' (TABARI)", tok)
            elif "*" in tok:
                raise Malformed(f"'*' joined to a word: {tok!r}")
            elif "^" in tok or "+" in tok or "$" in tok or "%" in tok:
                raise Unrepresentable("TABARI token inside a word", tok)
            elif _WORD.match(tok):
                items.append(Item("word", tok))
            else:
                raise Malformed(f"unexpected {tok!r}")
    return items


def _is_noun(item: Item) -> bool:
    return item.kind == "np" or (item.kind == "word" and item.text.lower() not in PREPOSITIONS)


def _noun(items: list[Item]) -> Item:
    """The noun of a phrase: one item, or several words read as one noun phrase ("(TO PEACE &TREATY)")."""
    if len(items) == 1:
        return items[0]
    words: list[str] = []
    for x in items:
        words.extend(x.words if x.kind == "np" else (x.text,))
    return Item("np", words=tuple(words))


def _pre_verb(t: Translation, pre: list[Item], passive_only: bool) -> bool:
    """Read the items before '*'; True when the target is the subject ('+ *' with an active code)."""
    marks = [it.text for it in pre if it.kind == "mark"]
    nouns = [it for it in pre if it.kind in ("word", "np")]
    if "^" in marks:
        raise Unrepresentable("TABARI '^' skip token")
    if any(it.kind == "pp" for it in pre):
        raise Unrepresentable("pre-verb prepositional phrase", "coder patterns constrain the subject, not "
                                                                "phrases before the verb")
    if any(it.kind == "word" and it.text.lower() in PREPOSITIONS for it in nouns):
        raise Unrepresentable("pre-verb preposition")
    if len(nouns) > 1:
        raise Unrepresentable("more than one pre-verb noun", "the subject is one noun phrase")
    if nouns:
        t.subject = nouns[0]
    if marks in ([], ["$"]):
        return False
    if marks == ["%"]:  # a compound subject: the events go between its members
        t.symmetric = t.among = True
        return False
    if marks == ["+"]:
        return not passive_only
    raise Unrepresentable("pre-verb markers", f"{' '.join(marks)} before the verb")


def translate(body: str, code_text: str) -> Translation:
    """Translate one pattern (the text between '-' and '[') with its code into coder's slots."""
    active, passive = parse_code(code_text)
    items = tokenize(body)
    verbs = [i for i, it in enumerate(items) if it.kind == "verb"]
    if len(verbs) != 1:
        raise Malformed("a pattern has exactly one '*' (the verb)")
    pre, post = items[:verbs[0]], items[verbs[0] + 1:]
    passive_only = active is None and passive is not None
    t = Translation(code=active or passive or "---")
    if active and passive and active != passive:
        t.reverse = passive  # paired events: X -> Y 042 and Y -> X 043
    t.symmetric = bool(active and passive and active == passive)
    target_is_subject = _pre_verb(t, pre, passive_only)

    targets: list[str] = []
    sources: list[str] = []
    objects: Item | None = None
    prev: Item | None = None
    i = 0
    while i < len(post):
        it = post[i]
        nxt = post[i + 1] if i + 1 < len(post) else None
        i += 1
        if it.kind == "mark":
            if it.text == "^":  # TABARI: a word that is skipped
                continue
            if it.text == "%":
                raise Unrepresentable("post-verb '%'")
            slot_list = targets if it.text == "+" else sources
            if prev is not None and prev.kind == "pp" and not prev.inner:
                pass  # "(WITH) +": the slot was recorded with the phrase
            elif prev is None or (prev.kind == "word" and prev.text.lower() in PARTICLES and objects is None):
                slot_list.append("obj")
            elif it.text == "+":  # TABARI word order "* AID +": in a phrase after the noun
                targets.append("pp")
            else:  # "* MONEY $": "money from X"
                sources.append("pp")
        elif it.kind == "pp":
            prep = it.text.lower()
            marks = [x.text for x in it.inner if x.kind == "mark"]
            nouns = [x for x in it.inner if x.kind != "mark"]
            if "^" in marks:  # "(AT ^)": a required phrase whose object is neither actor (a place)
                if nouns or len(set(marks)) > 1:
                    raise Unrepresentable("TABARI '^' beside other items in a phrase", f"({it.text} ...)")
                t.preps.append((prep, None))
                t.skip.append(prep)
                prev = it
                continue
            if nouns and marks:
                raise Unrepresentable("markers beside a noun inside a phrase", f"({it.text} ...)")
            if nouns:
                t.preps.append((prep, _noun(nouns)))
            elif prep in PARTICLES and not marks:  # "(DOWN)", "(OFF)": a particle, not a place for the target
                _set_particle(t, prep)
            elif marks == ["$"]:
                t.preps.append((prep, None))
                sources.append(prep)
            elif marks in ([], ["+"]):
                t.preps.append((prep, None))
                targets.append(prep)
            else:
                raise Unrepresentable("markers inside a phrase", f"({it.text} {' '.join(marks)})")
        else:  # word or noun phrase
            low = it.text.lower()
            particle_here = low in PARTICLES and (nxt is None or _is_noun(nxt))
            if it.kind == "word" and low in PREPOSITIONS and not particle_here:
                if nxt is None or (nxt.kind == "mark" and nxt.text in "+$"):
                    t.preps.append((low, None))
                    (sources if nxt is not None and nxt.text == "$" else targets).append(low)
                    prev = Item("pp", it.text)  # read as "(WITH +)": the mark that follows belongs to it
                    continue
                if _is_noun(nxt):  # TABARI word order "* ON &SOLUTION": read as "(ON &SOLUTION)"
                    t.preps.append((low, nxt))
                    prev = Item("pp", it.text, inner=(nxt,))
                    i += 1
                    continue
                raise Unrepresentable("preposition without a noun", f"{it.text} followed by {nxt.kind}")
            if it.kind == "word" and low in PARTICLES and objects is None and t.particle is None:
                _set_particle(t, low)
            elif objects is None:
                objects = it
            else:
                raise Unrepresentable("more than one post-verb noun", "coder's object is one noun phrase")
        prev = it

    t.objects = [objects] if objects is not None else None
    if t.subject is not None:
        t.source = ("agent|subj.poss",)  # "Eriador's death toll has risen": the subject's possessor
    if passive_only:  # PETRARCH-2 reads the verb as passive: source in a by/from phrase, target the subject
        if sources:
            raise Unrepresentable("'$' in a passive-only pattern")
        t.source = tuple(dict.fromkeys(PASSIVE_SOURCES + tuple(s for s in targets if s != "obj")))
        t.target = ("subj",)
        t.notes.append(("passive-only code", f"passive-only code [:{passive}]: the subject is the target, the "
                                             "source a by/from phrase"))
        return t
    if target_is_subject:  # "- + * (FROM $)": the subject is the target, the source after the verb
        if not sources:
            raise Unrepresentable("target before the verb", "'+ *' with an active code and no '$'")
        t.source, t.target = tuple(dict.fromkeys(sources)), ("gsubj",)
        return t
    if sources:
        t.source = tuple(dict.fromkeys(sources))
    if targets:  # else the default, also with an object word: PETRARCH-2 reads the object's noun phrase first
        t.target = tuple(dict.fromkeys(targets))  # ("* SUMMIT": "a summit in Switzerland"), then the phrases
    return t


def _set_particle(t: Translation, word: str) -> None:
    if t.particle is not None:
        raise Unrepresentable("more than one particle")
    t.particle = word
