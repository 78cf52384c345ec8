"""The codebook tables (dictionaries/codebook) and their loader (coder.codebook)."""

from __future__ import annotations

import csv
import dataclasses
import shutil
from pathlib import Path

import pytest

from coder.codebook import CodebookError, format_codes, load_codebook
from coder.resources import dictionaries_dir

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CAMEO_CSV = SHARED / "ontology" / "cameo" / "cameo_event_codes.csv"
SHIPPED = dictionaries_dir() / "codebook"


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def reference_rows():
    if not CAMEO_CSV.is_file():
        pytest.skip(f"reference list not available: {CAMEO_CSV}")
    with CAMEO_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ----------------------------------------------------------------- completeness


def test_every_reference_code_is_in_the_table(codebook, reference_rows):
    ours = {c.code: c for c in codebook.cameo_codes}
    for row in reference_rows:
        code = ours.get(row["cameo_code"])
        assert code is not None, f"{row['cameo_code']} missing from cameo_events.tsv"
        assert code.level == int(row["level"])
        assert code.root == row["root_code"]
        assert code.quad_class == int(row["quad_class"])
        assert code.quad_class_phoenix == int(row["quad_class_phoenix"])
    assert len(ours) == len(reference_rows) == 317


def test_goldstein_is_the_gdelt_value_wherever_gdelt_has_one(codebook, reference_rows):
    for row in reference_rows:
        code = codebook.cameo(row["cameo_code"])
        if row["goldstein_gdelt"]:
            assert code.goldstein == float(row["goldstein_gdelt"]), code.code
            assert code.goldstein_note != "derived:parent", code.code
        else:
            assert code.goldstein_note == "derived:parent", code.code


def test_level_counts(codebook):
    levels = [c.level for c in codebook.cameo_codes]
    assert (levels.count(0), levels.count(1), levels.count(2)) == (20, 149, 148)


def test_codes_are_strings_with_leading_zeros(codebook):
    assert codebook.cameo("010").name
    assert codebook.cameo("10").level == 0
    assert codebook.cameo("0211").parent == "021"
    assert codebook.cameo("01").parent is None


# ----------------------------------------------------------------- Goldstein and quad classes

ROOT_QUADS = {
    "01": (1, 0), "02": (1, 0), "03": (1, 1), "04": (1, 1), "05": (1, 1),
    "06": (2, 2), "07": (2, 2), "08": (2, 2),
    "09": (3, 3), "10": (3, 3), "11": (3, 3), "12": (3, 3), "13": (3, 3),
    "14": (4, 4), "15": (4, 4), "16": (4, 3), "17": (4, 4), "18": (4, 4), "19": (4, 4), "20": (4, 4),
}


@pytest.mark.parametrize("root,quads", sorted(ROOT_QUADS.items()))
def test_each_root_quad_class(codebook, root, quads):
    assert (codebook.cameo(root).quad_class, codebook.cameo(root).quad_class_phoenix) == quads
    for code in codebook.search(root):
        assert (code.quad_class, code.quad_class_phoenix) == quads, code.code


@pytest.mark.parametrize("code,value", [
    ("030", 4.0), ("190", -10.0), ("173", -5.0), ("011", -0.1), ("057", 8.0),
    ("0874", 10.0), ("163", -8.0), ("016", -2.0), ("022", 3.2), ("164", -7.0), ("145", -7.5),
])
def test_published_gdelt_goldstein(codebook, code, value):
    assert codebook.cameo(code).goldstein == value


@pytest.mark.parametrize("code,parent", [
    ("155", "15"), ("176", "17"), ("1834", "183"), ("1951", "195"), ("1952", "195"), ("1213", "121"),
])
def test_missing_goldstein_is_the_parents(codebook, code, parent):
    ours = codebook.cameo(code)
    assert ours.goldstein_note == "derived:parent"
    assert ours.goldstein == codebook.cameo(parent).goldstein


@pytest.mark.parametrize("code", ["016", "022", "124", "1246", "163", "164", "165", "166"])
def test_disputed_goldstein_is_noted(codebook, code):
    assert codebook.cameo(code).goldstein_note.startswith("disputed:icews=")
    assert codebook.cameo("030").goldstein_note == ""


def test_goldstein_within_bounds(codebook):
    assert all(-10.0 <= c.goldstein <= 10.0 for c in codebook.cameo_codes)


# ----------------------------------------------------------------- PLOVER


def test_every_code_maps_to_a_valid_plover_type_or_explicit_none(codebook):
    for code in codebook.cameo_codes:
        if code.plover_type is None:
            assert code.plover_note.startswith("none:"), code.code
            assert code.plover_mode is None, code.code
        else:
            ptype = codebook.plover_type(code.plover_type)
            assert ptype is not None, code.code
            assert code.plover_mode is None or code.plover_mode in ptype.modes, code.code


def test_statements_and_appeals_have_no_plover_type(codebook):
    unmapped = {c.code for c in codebook.cameo_codes if c.plover_type is None}
    assert unmapped == {c.code for c in codebook.cameo_codes if c.root in ("01", "02")}
    assert codebook.cameo("010").plover_note.startswith("none:")


@pytest.mark.parametrize("code,ptype,mode", [
    ("036", "AGREE", None), ("042", "CONSULT", "visit"), ("055", "CONCEDE", None),
    ("0841", "RETREAT", "release"), ("090", "ACCUSE", "investigate"), ("1056", "REQUEST", "yield"),
    ("116", "SANCTION", "convict"), ("1385", "THREATEN", "violence"), ("1411", "PROTEST", "demo"),
    ("154", "MOBILIZE", "troops"), ("163", "SANCTION", "discontinue"), ("1712", "ASSAULT", "destroy"),
    ("173", "COERCE", "arrest"), ("175", "ASSAULT", "crowd-control"), ("176", "COERCE", "cyber"),
    ("186", "ASSAULT", "targeted"), ("191", "COERCE", "restrict"), ("192", "COERCE", "seize"),
    ("1952", "ASSAULT", "drone"), ("201", "ASSAULT", None), ("2042", "ASSAULT", "unconventional"),
])
def test_mapping_examples(codebook, code, ptype, mode):
    ours = codebook.cameo(code)
    assert (ours.plover_type, ours.plover_mode) == (ptype, mode)


@pytest.mark.parametrize("code", ["163", "1712", "191", "192", "175", "201"])
def test_oddities_carry_a_reason(codebook, code):
    assert len(codebook.cameo(code).plover_note) > 10


def test_old_mode_names_are_normalised(codebook):
    old = {"assassinate", "massacre", "cleansing", "ban", "return", "ease", "political", "pro_autocracy"}
    assert not {c.plover_mode for c in codebook.cameo_codes} & old
    manual = {(m.type, m.mode) for m in codebook.plover_modes if m.in_manual}
    for code in codebook.cameo_codes:
        if code.plover_mode:
            assert (code.plover_type, code.plover_mode) in manual, code.code


def test_plover_types_and_their_own_quad_class(codebook):
    assert len(codebook.plover_types) == 16
    assert codebook.plover_type("CONCEDE").quad_class == 1
    assert codebook.cameo("081").quad_class == 2
    assert codebook.plover_type("retreat").quad_class == 2
    assert codebook.plover_type("ASSAULT").quad_class == 4
    assert codebook.plover_type("SANCTION").requires_recipient is True
    assert codebook.plover_type("PROTEST").requires_recipient is False
    assert "targeted" in codebook.plover_type("ASSAULT").modes
    assert codebook.plover_type("FIGHT") is None


def test_contexts_with_polecat_aliases(codebook):
    assert len(codebook.contexts) == 37
    assert codebook.context("pro_democracy").alias == "pro-democracy"
    assert codebook.context("natural_resources").name == "natural_resource"
    assert codebook.context("military").alias is None


def test_sectors_and_actor_types_keep_med_apart(codebook):
    assert codebook.actor_type("MED").plover_sector == "JRN"
    assert codebook.actor_type("HLH").plover_sector == "MED"
    assert "health" in codebook.sector("MED").name.lower()
    assert codebook.sector("JRN").cameo == "MED"
    assert codebook.actor_type("IGO").kind == "country-level"
    assert codebook.actor_type("GOV").kind == "agent"
    for code in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "INS", "OPP", "PTY", "BUS", "EDU",
                 "CVL", "REF", "HRI", "NGO", "LAB", "CRM", "ELI", "UAF", "REL", "AGR", "ENV",
                 "MOD", "RAD", "SEP", "IMG", "MNC", "UNK"):
        assert codebook.actor_type(code) is not None, code
    assert codebook.actor_type("XYZ") is None


# ----------------------------------------------------------------- lookup and search


@pytest.mark.parametrize("code", ["212", "915", "0", "99", "", "abc", "10a"])
def test_foreign_codes_are_not_found(codebook, code):
    assert codebook.cameo(code) is None
    assert codebook.is_cameo(code) is False


def test_search_by_code_prefix(codebook):
    found = [c.code for c in codebook.search("03")]
    assert found[:3] == ["03", "030", "031"]
    assert {"0311", "0356", "039"} <= set(found)
    assert all(code.startswith("03") for code in found)
    assert len(found) == sum(1 for c in codebook.cameo_codes if c.root == "03")
    assert "103" not in found
    assert [c.code for c in codebook.search("1823")] == ["1823"]


def test_search_by_word(codebook):
    found = {c.code for c in codebook.search("sanction")}
    assert {"163", "081", "1312", "172"} <= found
    assert {"16", "160", "166", "1663"} <= found  # via the PLOVER type name SANCTION
    assert "173" not in found
    assert found == {c.code for c in codebook.search("  SANCTION ")}
    assert {c.code for c in codebook.search("cyber attack")} == {"176"}
    assert codebook.search("no such words here") == []


def test_format_codes(codebook):
    lines = format_codes(codebook.search("163"))
    assert lines[0].split() == ["CODE", "NAME", "GOLDSTEIN", "QUAD", "PLOVER", "MODE"]
    assert len(lines) == 2
    assert lines[1].split()[0] == "163"
    assert lines[1].split()[-4:] == ["-8.0", "4", "SANCTION", "discontinue"]
    unmapped = format_codes([codebook.cameo("010")])[1]
    assert unmapped.split()[-3:] == ["0.0", "1", "-"]
    assert format_codes([]) == []


def test_codebook_is_immutable(codebook):
    with pytest.raises(dataclasses.FrozenInstanceError):
        codebook.cameo_codes = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        codebook.cameo("030").goldstein = 0.0
    with pytest.raises(TypeError):
        codebook._cameo["999"] = codebook.cameo("030")
    assert isinstance(codebook.cameo_codes, tuple)


# ----------------------------------------------------------------- broken tables


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "codebook"
    shutil.copytree(SHIPPED, target)
    return target


def _edit(path: Path, key: str, change) -> int:
    """Apply ``change`` to the cells of the data line whose first cell is ``key``; return its
    1-based line number. ``change`` may return None to delete the line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if cells[0] == key:
            new = change(cells)
            if new is None:
                del lines[index]
            else:
                lines[index] = "\t".join(new)
            path.write_text("\n".join(lines), encoding="utf-8")
            return index + 1
    raise AssertionError(f"{key} not in {path}")


def _set(column: int, value: str):
    def change(cells):
        cells[column] = value
        return cells
    return change


# cameo_events.tsv columns: code name level root parent goldstein goldstein_note quad_class
# quad_class_phoenix plover_type plover_mode plover_note
@pytest.mark.parametrize("key,change,words", [
    ("030", _set(5, "11.0"), "goldstein"),
    ("030", _set(5, "four"), "not a number"),
    ("030", lambda cells: cells[:-1], "fields"),
    ("030", _set(7, "3"), "quad_class"),
    ("030", _set(9, "FIGHT"), "unknown PLOVER type"),
    ("041", _set(10, "riot"), "does not belong"),
    ("185", _set(10, "assassinate"), "POLECAT-only"),
    ("010", _set(11, ""), "none"),
    ("0211", _set(4, "022"), "parent"),
    ("0312", _set(0, "0311"), "duplicate"),
    ("1834", _set(5, "-9.0"), "derived:parent"),
    ("016", _set(6, "disputed"), "goldstein_note"),
])
def test_broken_cameo_line_names_file_and_line(tmp_path, key, change, words):
    folder = _copy(tmp_path)
    path = folder / "cameo_events.tsv"
    line = _edit(path, key, change)
    with pytest.raises(CodebookError) as caught:
        load_codebook(folder)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert words in str(caught.value)
    assert (caught.value.path, caught.value.line) == (path, line)


def test_missing_parent_is_reported_at_the_child(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "cameo_events.tsv"
    _edit(path, "021", lambda cells: None)
    child_line = _edit(path, "0211", lambda cells: cells)
    with pytest.raises(CodebookError, match=rf"^{path}:{child_line}: parent 021 .* not in the table"):
        load_codebook(folder)


@pytest.mark.parametrize("name,key,change,words", [
    ("actor_types.tsv", "MED", _set(3, "XXX"), "unknown PLOVER sector"),
    ("actor_types.tsv", "GOV", _set(2, "person"), "kind"),
    ("plover_modes.tsv", "ASSAULT", _set(0, "FIGHT"), "unknown PLOVER type"),
    ("plover_types.tsv", "CONCEDE", _set(2, "material_cooperation"), "quad_name"),
    ("plover_types.tsv", "AID", _set(3, "yes"), "0 or 1"),
    ("plover_sectors.tsv", "JRN", _set(3, "HLH"), "not mapped"),
    ("plover_contexts.tsv", "trafficking", _set(1, "legal"), "already used"),
])
def test_broken_other_tables(tmp_path, name, key, change, words):
    folder = _copy(tmp_path)
    path = folder / name
    line = _edit(path, key, change)
    with pytest.raises(CodebookError) as caught:
        load_codebook(folder)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert words in str(caught.value)


def test_missing_table_and_bad_header(tmp_path):
    folder = _copy(tmp_path)
    (folder / "plover_modes.tsv").unlink()
    with pytest.raises(CodebookError, match=r"plover_modes\.tsv:0: file not found"):
        load_codebook(folder)
    folder = _copy(tmp_path / "again")
    path = folder / "plover_types.tsv"
    _edit(path, "type", _set(1, "quad"))
    with pytest.raises(CodebookError, match=r"plover_types\.tsv:\d+: bad header: missing column"):
        load_codebook(folder)


def test_an_intact_copy_loads_the_same(tmp_path, codebook):
    assert load_codebook(_copy(tmp_path)) == codebook
