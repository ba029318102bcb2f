"""Qt's ICU data library (Linux), cut down to what Qt asks of it in French and English.

The PySide6 wheels for Linux ship ICU, whose data library (``libicudata.so.<v>``) is a 32 MB
package of some 3,900 items: locale data for about 850 locales, 230 legacy character-set
converters, break-iteration dictionaries for Thai, Khmer or Chinese, transliterators…
QtCore calls ICU for four things only (its undefined ``*_<v>`` symbols): locale-aware case
mapping (``u_strToUpper``/``u_strToLower``, whose tables are compiled into ``libicuuc``),
collation (``ucol_*``: ``QCollator``, used by the file dialog's sorting), time-zone names
(``ucal_*``) and legacy converters (``ucnv_*``: ``QStringConverter`` beyond UTF-8, UTF-16,
UTF-32 and Latin-1, which the wizard never asks for). :func:`keep` says which items stay;
:func:`trim_library` writes a library of the same name exporting the same symbol
(``icudt<v>_dat``) with only those items, assembled by binutils' ``as`` and ``ld``
(PyInstaller needs binutils on Linux anyway). An item ICU cannot find makes it fall back to
its root locale, as for any language it has no data for.

The package format (ICU's ``udata``/``pkg`` tools, "CmnD"): a data header, then a table of
contents, ``count`` then ``count`` pairs (name offset, data offset) relative to the table,
the names, and the items, each aligned on 16 bytes. ICU looks names up by binary search, so
the kept items stay in their order.

Standard library only: imported by ``chorus-wizard.spec`` and by the packaging tests.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple

#: The locales kept (and their regional variants: fr_FR, fr_CA, en_GB, en_001…); ICU's root
#: locale is always kept.
LANGUAGES = ("fr", "en")
#: Whole folders Qt never reads: break iterators (QTextBoundaryFinder is Qt's own) and
#: transliterators.
FOLDERS_DROPPED = ("brkitr", "translit")
#: Items for ICU services Qt does not call: character names (``u_charName``), the spoof
#: checker's confusables, StringPrep profiles (Qt does its own IDNA).
EXTENSIONS_DROPPED = (".cnv", ".spp", ".cfu")
FILES_DROPPED = ("unames.icu",)
_LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")
_ALWAYS = ("root", "pool", "res_index")


class Item(NamedTuple):
    name: str  # e.g. "icudt73l/coll/fr.res"
    data: bytes


class Package(NamedTuple):
    header: bytes  # the data header, copied as it is
    items: list[Item]


def keep(name: str) -> bool:
    """Whether the item ``name`` (with or without its ``icudt<v>l/`` prefix) stays."""
    if name.startswith("icudt"):
        name = name.split("/", 1)[1]
    folder, _, file = name.rpartition("/")
    if folder in FOLDERS_DROPPED or file in FILES_DROPPED or file.endswith(EXTENSIONS_DROPPED):
        return False
    stem, _, extension = file.rpartition(".")
    if extension != "res" or stem in _ALWAYS or not _LOCALE.fullmatch(stem):
        # Unicode properties, normalization, collation's base table, the converters'
        # aliases, time zones, plural rules and other data that is not per locale.
        return True
    return stem.split("_")[0] in LANGUAGES


def parse(blob: bytes) -> Package:
    """The items of an ICU common data package (the whole of it, nothing after)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    if blob[8] != 0:  # UDataInfo.isBigEndian
        raise ValueError("big-endian ICU data is not supported")
    base = header_size
    (count,) = struct.unpack_from("<I", blob, base)
    entries = [struct.unpack_from("<II", blob, base + 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        start = base + name_offset
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        end = base + entries[index + 1][1] if index + 1 < count else len(blob)
        items.append(Item(name, blob[base + data_offset : end]))
    return Package(blob[:header_size], items)


def _align(size: int) -> int:
    return (size + 15) & ~15


def build(package: Package) -> bytes:
    """The package's bytes: ``parse(build(p))`` gives ``p`` back (items padded to 16)."""
    names = b"".join(item.name.encode("ascii") + b"\0" for item in package.items)
    table_size = 4 + 8 * len(package.items)
    first_item = _align(len(package.header) + table_size + len(names)) - len(package.header)
    entries, chunks = [], []
    name_offset, data_offset = table_size, first_item
    for item in package.items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(item.name) + 1
        padded = item.data + b"\0" * (_align(len(item.data)) - len(item.data))
        chunks.append(padded)
        data_offset += len(padded)
    table = struct.pack("<I", len(package.items)) + b"".join(entries) + names
    padding = b"\0" * (first_item - table_size - len(names))
    return package.header + table + padding + b"".join(chunks)


class Symbol(NamedTuple):
    name: str
    offset: int  # in the file
    size: int


def data_symbol(library: bytes) -> Symbol:
    """The ``icudt<v>_dat`` symbol of an ELF64 little-endian ICU data library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (section_headers,) = struct.unpack_from("<Q", library, 0x28)
    entry_size, count = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, section_headers + i * entry_size)
        for i in range(count)
    ]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strings = sections[dynsym[6]]  # sh_link: its string table
    for start in range(dynsym[4], dynsym[4] + dynsym[5], dynsym[9]):
        name_offset, _info, _other, index, value, size = struct.unpack_from(
            "<IBBHQQ", library, start
        )
        name_start = strings[4] + name_offset
        name = library[name_start : library.index(b"\0", name_start)].decode("ascii")
        if name.startswith("icudt") and name.endswith("_dat") and size:
            section = sections[index]
            return Symbol(name, value - section[3] + section[4], size)  # addr → offset
    raise ValueError("no icudt*_dat symbol")


def trim_library(library: Path, workdir: Path) -> tuple[Path, int, int]:
    """Write ``workdir/<name>`` with the kept items; return it, the items kept and in all.

    Raises ``OSError`` or ``subprocess.CalledProcessError`` when binutils are missing or fail.
    """
    raw = library.read_bytes()
    symbol = data_symbol(raw)
    package = parse(raw[symbol.offset : symbol.offset + symbol.size])
    kept = Package(package.header, [item for item in package.items if keep(item.name)])
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / library.name
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        folder = Path(tmp)
        (folder / "data.bin").write_bytes(build(kept))
        (folder / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol.name}\n"
            f"\t.type {symbol.name}, @object\n"
            "\t.balign 16\n"
            f"{symbol.name}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol.name}, . - {symbol.name}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        assembler, linker = shutil.which("as"), shutil.which("ld")
        if assembler is None or linker is None:
            raise OSError("binutils' as and ld are needed to rebuild the ICU data library")
        subprocess.run([assembler, "-o", "data.o", "data.s"], cwd=folder, check=True)
        subprocess.run(
            # The file name PyInstaller keeps (libicudata.so.73) is the library's soname.
            [linker, "-shared", "-soname", library.name, "-o", str(out), "data.o"],
            cwd=folder,
            check=True,
        )
    return out, len(kept.items), len(package.items)
