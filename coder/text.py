"""Text normalisation for matching. Provenance always keeps the original text."""

from __future__ import annotations

import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    }
)


def normalise_text(text: str) -> str:
    """NFC, straight quotes and apostrophes, plain hyphens and spaces; letters untouched.

    This is what the parser sees: it keeps character offsets stable enough for
    provenance while removing the typographic variants that break tokenisers.
    """
    return unicodedata.normalize("NFC", text).translate(_TRANSLATE)


def fold_accents(text: str) -> str:
    """Remove combining marks: "chargé" -> "charge", "Élysée" -> "Elysee"."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def normalise_for_matching(text: str) -> str:
    """The form dictionaries and sentences are compared in (case is left to the caller)."""
    return fold_accents(normalise_text(text))
