"""PETRARCH discard lists and issue (topic) dictionaries.

Discards (``Phoenix.discards.txt``): one phrase a line. If the phrase occurs in a sentence
(case ignored, preceded by a blank), the sentence is not coded; a ``+`` prefix discards the
whole story. A phrase ending in ``_`` must end at a word boundary, otherwise it is a stem.

Issues (``Phoenix.IssueCoding.txt``)::

    <ISSUE CATEGORY="EDUCATION" TYPE="ALL">      section
    n:atrocity [ID_ATROCITY]     n: the noun and its plural; v: the verb forms (S, ED, ING)
    pre+n:school [...]           +: both "pre school" and "pre-school"
    ~a head start                ~: an exclusion phrase for the sentence, ~~: for the story
    </ISSUE>

``forms`` holds the expanded strings PETRARCH matches (upper case), built with PETRARCH's
rules (``read_issue_list``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coder.petrarch.reading import Issues, read_lines

_SECTION = re.compile(r'^<ISSUE\s+CATEGORY="(?P<cat>[^"]*)"[^>]*>$', re.I)


@dataclass(frozen=True)
class Discard:
    phrase: str  # as written, without the '+' and the trailing '_'
    whole_story: bool  # '+' prefix: discard the story, not only the sentence
    word_end: bool  # trailing '_': the match must end at a blank or punctuation
    source: str  # file:line

    def matches(self, text: str, words: bool = False) -> bool:
        """PETRARCH-1's test: ' ' + PHRASE found in ' ' + TEXT (upper case), a stem unless ``word_end``.

        ``words``: PETRARCH-2's and UD-PETRARCH's test, which walks the blank-separated words of the
        text (upper case, punctuation left attached) through a word trie: the phrase's words must
        occur as whole words, so "three years ago, a police officer said" does not hold YEARS AGO
        ("AGO," is another word), and the match is only seen when a word follows it."""
        if words:
            return self._matches_words(text.upper().split())
        hay = " " + " ".join(text.upper().split()) + " "
        needle = " " + " ".join(self.phrase.upper().split())
        start = hay.find(needle)
        while start >= 0:
            after = hay[start + len(needle):start + len(needle) + 1]
            if not self.word_end or not after or not after.isalnum():
                return True
            start = hay.find(needle, start + 1)
        return False


    def _matches_words(self, tokens: list[str]) -> bool:
        needle = self.phrase.upper().split()
        n = len(needle)
        # PETRARCH-2 checks for a completed phrase before reading the next word: a phrase that
        # ends the text is not seen.
        return bool(n) and any(tokens[i:i + n] == needle for i in range(len(tokens) - n))


@dataclass(frozen=True)
class IssuePhrase:
    phrase: str  # as written, markers kept ("ethnic n:purge")
    code: str  # the issue code; "~" / "~~" for exclusions
    kind: str  # "n" (a noun form), "v" (verb forms), "plain", "exclude" (~), "exclude_story" (~~)
    forms: tuple[str, ...]  # the expanded strings that match
    category: str  # the <ISSUE CATEGORY="..."> section, '' outside one
    source: str  # file:line


def read_discard_file(path: Path, issues: Issues) -> list[Discard]:
    src = str(path)
    out: list[Discard] = []
    for line in read_lines(path):
        text = line.text.strip()
        whole = text.startswith("+")
        if whole:
            text = text[1:].strip()
        word_end = text.endswith("_")
        text = " ".join(text.rstrip("_").replace("_", " ").split())
        if not text:
            issues.bad(src, line.number, "empty discard phrase")
            continue
        out.append(Discard(text, whole, word_end, f"{src}:{line.number}"))
    return out


def expand_issue_forms(target: str) -> list[str]:
    """PETRARCH's expansions of ``+``, ``N:`` and ``V:`` (upper case), applied until none is left."""
    forms = [target.upper()]
    changed = True
    while changed:
        changed = False
        out: list[str] = []
        for form in forms:
            if "+" in form:
                out += [form.replace("+", " ", 1), form.replace("+", "-", 1)]
                changed = True
            elif "N:" in form:
                before, _, after = form.partition("N:")
                word, sep, rest = after.partition(" ")
                plural = word[:-1] + "IES" if word.endswith("Y") else word + "S"
                out += [before + word + sep + rest, before + plural + sep + rest]
                changed = True
            elif "V:" in form:
                before, _, after = form.partition("V:")
                word, sep, rest = after.partition(" ")
                if word.endswith("E"):
                    verb_forms = [word, word + "S", word + "D", word[:-1] + "ING"]
                else:
                    verb_forms = [word, word + "S", word + "ED", word + "ING"]
                out += [before + f + sep + rest for f in verb_forms]
                changed = True
            else:
                out.append(form)
        forms = out
    return list(dict.fromkeys(" ".join(f.split()) for f in forms))


def read_issue_file(path: Path, issues: Issues) -> list[IssuePhrase]:
    src = str(path)
    out: list[IssuePhrase] = []
    category = ""
    for line in read_lines(path):
        text = line.text.strip()
        m = _SECTION.match(text)
        if m:
            category = m.group("cat")
            continue
        if text.upper().startswith("</ISSUE"):
            category = ""
            continue
        if text.startswith("~"):
            story = text.startswith("~~")
            phrase = text[2:].strip() if story else text[1:].strip()
            code, kind = ("~~", "exclude_story") if story else ("~", "exclude")
        else:
            if "[" not in text or not text.endswith("]") or text.count("[") != 1:
                issues.bad(src, line.number, "expected 'phrase [CODE]' (or '~phrase' for an exclusion)")
                continue
            phrase, _, code = text[:-1].partition("[")
            phrase, code = phrase.strip(), code.strip()
            if not code or " " in code:
                issues.bad(src, line.number, f"bad issue code [{code}]")
                continue
            low = phrase.lower()
            kind = "n" if "n:" in low else "v" if "v:" in low else "plain"
        if not phrase:
            issues.bad(src, line.number, "empty issue phrase")
            continue
        out.append(IssuePhrase(phrase, code, kind, tuple(expand_issue_forms(phrase)), category,
                               f"{src}:{line.number}"))
    return out
