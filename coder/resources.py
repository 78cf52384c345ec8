"""Where the shipped data lives, whether coder runs from a checkout or an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def dictionaries_dir() -> Path:
    """The folder holding the shipped dictionaries (top-level ``dictionaries/`` in a checkout)."""
    try:
        path = Path(str(resources.files("coder.dictionaries")))
        if (path / "codebook").is_dir() or (path / "actors").is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "dictionaries"
