"""Discard lists and issue dictionaries: phrases looked for in a sentence's text.

Formats (docs/dictionaries.md)::

    # dictionaries/discards.txt
    football match            # a sentence with this phrase codes nothing
    story: horoscope          # a story with this phrase (in any sentence) codes nothing

    # dictionaries/issues.txt
    ELECTIONS = election; elections; polling station
    ~ = election of a new pope     # an exclusion: a sentence with it gets no issues

Matching is done on a sentence's *match key*: the text folded for matching
(``coder.text.normalise_for_matching``), lower case, reduced to its words (``\\w+``) joined by
single blanks and padded with a blank at both ends. A phrase goes through the same reduction,
so case, accents and punctuation are ignored ("pre-school" = "pre school", "U.S." = "u s") and a
phrase matches whole words only, unless it is a PETRARCH stem (a discard without a trailing
``_``), which may end inside a word. PETRARCH's own discard and issue files are converted into
these objects by ``discards_from_petrarch`` / ``issues_from_petrarch``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coder.dictionary_base import DictionaryError, numbered_lines, split_names
from coder.text import normalise_for_matching

_WORD = re.compile(r"\w+")
_ISSUE_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
EXCLUDE = "~"  # the issue "code" of an exclusion phrase
STORY_PREFIX = "story:"


def match_key(text: str) -> str:
    """`` w1 w2 … wn `` — what discard and issue phrases are looked for in."""
    if not text.isascii():  # ASCII needs no folding: the words are the same
        text = normalise_for_matching(text)
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def phrase_key(phrase: str) -> str:
    """A phrase reduced like a sentence, without the padding ("" when it has no word)."""
    return " ".join(_WORD.findall(normalise_for_matching(phrase).lower()))


@dataclass(frozen=True)
class DiscardPhrase:
    phrase: str  # as written
    whole_story: bool  # discard the document, not only the sentence
    source: str  # file:line
    stem: bool = False  # PETRARCH: the phrase may end inside a word ("BASEBALL" matches "baseballs")

    @property
    def key(self) -> str:
        return phrase_key(self.phrase)

    def reason(self) -> str:
        """``discard phrase 'football match' (discards.txt:12)``: the documents table's reason."""
        return f"discard phrase {self.phrase!r} ({short_source(self.source)})"


@dataclass(frozen=True)
class IssueEntry:
    code: str  # the issue code; "~" for an exclusion
    phrase: str  # as written (PETRARCH: one expanded form)
    source: str  # file:line

    @property
    def key(self) -> str:
        return phrase_key(self.phrase)


def short_source(ref: str) -> str:
    """``/…/coder/dictionaries/discards.txt:12`` -> ``discards.txt:12``; other paths unchanged."""
    marker = "dictionaries/"
    pos = ref.replace("\\", "/").rfind(marker)
    return ref[pos + len(marker):] if pos >= 0 else ref


def _trie_regex(keys: Iterable[str]) -> str:
    """One regex matching exactly the given strings, as a character trie (fast with hundreds)."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(alts) > 1 or len(body) > 1 else body + "?"
        return body

    return build(trie)


class _PhraseFinder:
    """Finds the first of many phrases in a match key; a whole-word phrase is stored with its
    trailing blank, a stem without."""

    def __init__(self, items: Sequence[DiscardPhrase]):
        self.by_text: dict[str, DiscardPhrase] = {}
        for d in items:
            text = d.key + ("" if d.stem else " ")
            self.by_text.setdefault(text, d)
        self.regex = re.compile("(?<= )(" + _trie_regex(self.by_text) + ")") if self.by_text else None

    def find(self, key: str) -> DiscardPhrase | None:
        if self.regex is None:
            return None
        m = self.regex.search(key)
        return self.by_text[m.group(1)] if m else None


@dataclass(frozen=True)
class DiscardList:
    entries: tuple[DiscardPhrase, ...] = ()
    files: tuple[str, ...] = ()
    _story: _PhraseFinder = field(init=False, repr=False, compare=False)
    _sentence: _PhraseFinder = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_story", _PhraseFinder([d for d in self.entries if d.whole_story]))
        object.__setattr__(self, "_sentence", _PhraseFinder([d for d in self.entries if not d.whole_story]))

    def __len__(self) -> int:
        return len(self.entries)

    def story(self, key: str) -> DiscardPhrase | None:
        """The whole-story phrase in a sentence's match key, if any."""
        return self._story.find(key)

    def sentence(self, key: str) -> DiscardPhrase | None:
        """The sentence-only phrase in a sentence's match key, if any."""
        return self._sentence.find(key)

    def find(self, text: str) -> DiscardPhrase | None:
        """The phrase (whole-story first) found in a text, if any."""
        key = match_key(text)
        return self.story(key) or self.sentence(key)


@dataclass(frozen=True)
class IssueList:
    entries: tuple[IssueEntry, ...] = ()
    files: tuple[str, ...] = ()
    _first: dict = field(init=False, repr=False, compare=False)  # first word -> [(rest words, code)]

    def __post_init__(self) -> None:
        first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        seen = set()
        for e in self.entries:
            key = e.key
            if not key or (key, e.code) in seen:
                continue
            seen.add((key, e.code))
            head, *rest = key.split(" ")
            first.setdefault(head, []).append((tuple(rest), e.code))
        object.__setattr__(self, "_first", first)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.code for e in self.entries if e.code != EXCLUDE))

    def find(self, key: str) -> list[str]:
        """The issue codes whose phrases occur in a match key: in order of their first occurrence,
        each once; none when an exclusion phrase occurs (PETRARCH's rule)."""
        first = self._first
        words = key.split()
        if not first or first.keys().isdisjoint(words):
            return []
        found: list[str] = []
        for i, word in enumerate(words):
            cands = first.get(word)
            if cands:
                for rest, code in cands:
                    if not rest or tuple(words[i + 1:i + 1 + len(rest)]) == rest:
                        if code == EXCLUDE:
                            return []
                        if code not in found:
                            found.append(code)
        return found

    def issues(self, text: str) -> list[str]:
        return self.find(match_key(text))


EMPTY_DISCARDS = DiscardList()
EMPTY_ISSUES = IssueList()


# -- coder's own files ---------------------------------------------------------------------------

def read_discard_files(paths: Sequence[Path | str]) -> DiscardList:
    """coder's discard format: one phrase a line, ``story:`` before a whole-story phrase."""
    out: list[DiscardPhrase] = []
    for path in map(Path, paths):
        for n, line in numbered_lines(path):
            text = line.strip()
            whole = text.lower().startswith(STORY_PREFIX)
            if whole:
                text = text[len(STORY_PREFIX):].strip()
            if not text:
                raise DictionaryError(str(path), n, "empty discard phrase after 'story:'")
            if "=" in text or ";" in text:
                raise DictionaryError(str(path), n, f"a discard line is one phrase (no '=' or ';'): {text!r}")
            if not phrase_key(text):
                raise DictionaryError(str(path), n, f"discard phrase {text!r} has no letters or digits")
            out.append(DiscardPhrase(text, whole, f"{path}:{n}"))
    return DiscardList(tuple(out), tuple(str(p) for p in paths))


def read_issue_files(paths: Sequence[Path | str]) -> IssueList:
    """coder's issue format: ``CODE = phrase; phrase`` (``~ = phrase`` for an exclusion)."""
    out: list[IssueEntry] = []
    for path in map(Path, paths):
        for n, line in numbered_lines(path):
            code, eq, phrases = line.partition("=")
            code = code.strip()
            if not eq:
                raise DictionaryError(str(path), n, "expected 'CODE = phrase; phrase'")
            if code != EXCLUDE and not _ISSUE_CODE.match(code):
                raise DictionaryError(str(path), n, f"bad issue code {code!r}: capitals, digits and '_' "
                                      "(e.g. ELECTIONS), or '~' for an exclusion")
            names = split_names(phrases)
            if not names:
                raise DictionaryError(str(path), n, f"issue {code} has no phrase")
            for name in names:
                if not phrase_key(name):
                    raise DictionaryError(str(path), n, f"issue phrase {name!r} has no letters or digits")
                out.append(IssueEntry(code, name, f"{path}:{n}"))
    return IssueList(tuple(out), tuple(str(p) for p in paths))


# -- PETRARCH's ----------------------------------------------------------------------------------

def discards_from_petrarch(discards: Iterable) -> list[DiscardPhrase]:
    """coder.petrarch.Discard -> DiscardPhrase (a phrase without trailing ``_`` is a stem)."""
    out = []
    for d in discards:
        if phrase_key(d.phrase):
            out.append(DiscardPhrase(d.phrase, d.whole_story, d.source, stem=not d.word_end))
    return out


def issues_from_petrarch(issues: Iterable) -> list[IssueEntry]:
    """coder.petrarch.IssuePhrase -> one IssueEntry per expanded form. Both kinds of exclusion
    (``~`` and ``~~``) cancel the sentence's issues, as PETRARCH's code does."""
    out = []
    for i in issues:
        code = EXCLUDE if i.kind in ("exclude", "exclude_story") else i.code
        forms = i.forms or (i.phrase,)
        for form in dict.fromkeys(phrase_key(f) for f in forms):
            if form:
                out.append(IssueEntry(code, form, i.source))
    return out


def merge_discards(lists: Sequence[DiscardList]) -> DiscardList:
    lists = [x for x in lists if x is not None]
    if len(lists) == 1:
        return lists[0]
    return DiscardList(tuple(e for x in lists for e in x.entries), tuple(f for x in lists for f in x.files))


def merge_issues(lists: Sequence[IssueList]) -> IssueList:
    lists = [x for x in lists if x is not None]
    if len(lists) == 1:
        return lists[0]
    return IssueList(tuple(e for x in lists for e in x.entries), tuple(f for x in lists for f in x.files))
