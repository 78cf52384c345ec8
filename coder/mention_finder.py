"""Finding actor mentions in a sentence.

``find_mentions`` scans a sentence's tokens against the actor index, left to
right, taking the longest dictionary match at each position. A ``Mention`` is
the token span of one match with the index entries it names. Turning mentions
into actor codes is ``coder.mentions.ArgumentResolver``'s concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coder.actors import ActorIndex
from coder.model import Sentence

_KEY_DROP = re.compile(r"[\s.\-'_\u00b7]+")
_STOP_FORMS = frozenset({"'s", "'", "s", ",", ";", ":", "(", ")", '"', "?", "!", "--"})
_SKIP_FORMS = frozenset({"-"})


@dataclass(frozen=True)
class Mention:
    start: int  # token id, inclusive
    end: int  # token id, inclusive
    entries: tuple[int, ...]  # indices into ActorIndex.entries

    def ids(self) -> range:
        return range(self.start, self.end + 1)


def token_keys(sentence: Sentence) -> tuple[str, ...]:
    return tuple(_KEY_DROP.sub("", n) for n in sentence.norms)


def find_mentions(sentence: Sentence, index: ActorIndex) -> tuple[Mention, ...]:
    """Longest dictionary matches, left to right. Names of actors, people, places and nationalities
    match only where a word of them is capitalised ("Chad", not "chad"); agent nouns match in any case;
    after "the" a PETRARCH name written with THE comes first ("The US State department": THE_US)."""
    keys = token_keys(sentence)
    forms = [t.form for t in sentence.tokens]
    entries = index.entries
    n = len(keys)
    out: list[Mention] = []
    i = 0
    while i < n:
        if not keys[i] or forms[i] in _STOP_FORMS:
            i += 1
            continue
        acc, capital, after_the = "", False, i > 0 and forms[i - 1].lower() == "the"
        best = first = None  # first: the longest name written with THE, where PETRARCH's scan starts
        for j in range(i, min(n, i + index.max_tokens)):
            if j > i and forms[j] in _STOP_FORMS and (not keys[j] or acc + keys[j] not in index.prefixes):
                break  # "People's Republic of China" goes on through "'s"; "Iran's" stops
            if not keys[j]:
                if forms[j] in _SKIP_FORMS:
                    continue
                break
            acc += keys[j]
            if acc not in index.prefixes:
                break
            capital = capital or any(c.isupper() for c in forms[j])
            hit = index.keys.get(acc)
            if hit and (acc not in index.caps_only or _all_caps(forms[i:j + 1])):
                if index.article_only and not (i > 0 and forms[i - 1].lower() == "the"):
                    hit = tuple(e for e in hit if (acc, e) not in index.article_only)
                if not capital:
                    hit = tuple(e for e in hit if entries[e].kind == "agent")
                if hit:
                    best = (j, hit)
                    named = tuple(e for e in hit if (acc, e) in index.article_names) if after_the else ()
                    first = (j, named) if named else first
        best = first or best
        if best:
            out.append(Mention(i + 1, best[0] + 1, best[1]))
            i = best[0] + 1
        else:
            i += 1
    return tuple(out)


def _all_caps(forms: list[str]) -> bool:
    letters = "".join(c for f in forms for c in f if c.isalpha())
    return bool(letters) and letters.isupper()
