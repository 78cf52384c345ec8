"""`pip install .` (not editable) must ship the dictionaries as package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_every_dictionary_file(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    str(REPO), "-w", str(tmp_path)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("coder-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"coder/dictionaries/{p.relative_to(REPO / 'dictionaries').as_posix()}"
               for p in (REPO / "dictionaries").rglob("*") if p.suffix in (".txt", ".tsv")}
    assert shipped and shipped <= names, sorted(shipped - names)[:5]
    modules = {f"coder/{p.relative_to(REPO / 'coder').as_posix()}" for p in (REPO / "coder").rglob("*.py")}
    assert modules <= names, f"modules missing from the wheel (add their package to pyproject): {sorted(modules - names)}"
