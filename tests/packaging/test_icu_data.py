"""packaging/icu_data.py: which ICU items the Linux bundle keeps, and the package format."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["icu_data"] = module
    spec.loader.exec_module(module)
    return module


icu_data = _load()


@pytest.mark.parametrize(
    "name",
    [
        "icudt73l/fr.res",
        "icudt73l/fr_CA.res",
        "icudt73l/en_GB.res",
        "icudt73l/root.res",
        "icudt73l/pool.res",
        "icudt73l/res_index.res",
        "icudt73l/coll/fr.res",
        "icudt73l/coll/root.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/zone/fr.res",
        "icudt73l/zoneinfo64.res",
        "icudt73l/metaZones.res",
        "icudt73l/supplementalData.res",
        "icudt73l/cnvalias.icu",
        "icudt73l/nfkc.nrm",
    ],
)
def test_french_english_and_shared_data_stay(name: str) -> None:
    assert icu_data.keep(name)


@pytest.mark.parametrize(
    "name",
    [
        "icudt73l/de.res",
        "icudt73l/zh_Hant_TW.res",
        "icudt73l/coll/zh.res",
        "icudt73l/coll/de_.res",  # collation variants of other languages
        "icudt73l/zone/ja.res",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/brkitr/word.brk",
        "icudt73l/translit/root.res",
        "icudt73l/ibm-943_P15A-2003.cnv",
        "icudt73l/rfc3491.spp",
        "icudt73l/confusables.cfu",
        "icudt73l/unames.icu",
    ],
)
def test_other_languages_and_unused_services_go(name: str) -> None:
    assert not icu_data.keep(name)


def _package(items: list[tuple[str, bytes]]) -> bytes:
    """A little-endian "CmnD" package as ICU's pkg tool lays it out (names, then items)."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\0" * 4)
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += b"\0" * (32 - len(header))
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = (32 + table_size + len(names) + 15) // 16 * 16 - 32
    entries, chunks, name_offset = [], [], table_size
    for name, data in items:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + b"\xaa" * (-len(data) % 16)
        chunks.append(padded)
        offset += len(padded)
    table = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + table + b"\xaa" * ((-len(header + table)) % 16) + b"".join(chunks)


def test_a_package_is_read_and_written_back_item_for_item() -> None:
    items = [("icudt73l/a.res", b"A" * 5), ("icudt73l/coll/b.res", b"B" * 16), ("x.icu", b"C")]
    package = icu_data.parse(_package(items))
    assert [(i.name, i.data.rstrip(b"\xaa")) for i in package.items] == items
    rebuilt = icu_data.parse(icu_data.build(package))
    assert [i.name for i in rebuilt.items] == [name for name, _ in items]
    assert [i.data.rstrip(b"\0\xaa") for i in rebuilt.items] == [d for _, d in items]
    assert all(len(i.data) % 16 == 0 for i in rebuilt.items)  # ICU wants 16-byte alignment


def test_what_is_not_an_icu_package_is_refused() -> None:
    with pytest.raises(ValueError, match="ICU"):
        icu_data.parse(b"\x20\0\x12\x34" + b"\0" * 60)


def _wheel_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    assert found, "PySide6's Linux wheel ships ICU"
    return found[0]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ICU is bundled on Linux only")
def test_the_trimmed_library_exports_a_smaller_package_with_the_french_data(
    tmp_path: Path,
) -> None:
    assert shutil.which("as") and shutil.which("ld"), "binutils are needed to build bundles"
    original = _wheel_icu_data()
    trimmed, kept, total = icu_data.trim_library(original, tmp_path)
    assert trimmed.name == original.name
    assert 0 < kept < total / 3
    assert trimmed.stat().st_size < original.stat().st_size / 4
    raw = trimmed.read_bytes()
    symbol = icu_data.data_symbol(raw)
    assert symbol.name == icu_data.data_symbol(original.read_bytes()).name
    package = icu_data.parse(raw[symbol.offset : symbol.offset + symbol.size])
    names = {i.name.split("/", 1)[1] for i in package.items}
    assert {"fr.res", "coll/fr.res", "coll/ucadata.icu", "zone/fr.res"} <= names
    assert "de.res" not in names
    soname = subprocess.run(["objdump", "-p", str(trimmed)], capture_output=True, text=True)
    assert f"SONAME               {original.name}" in soname.stdout
