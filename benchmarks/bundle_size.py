"""Bundle size: the packaged app ``dist/chorus-wizard`` (folder or single file), if built.

Reference, measured in the same run: what the app's dependencies occupy installed in this
virtual environment (``site-packages``), and PySide6 + shiboken6 alone — the part a bare Qt
app would ship too. Prints "not built yet" when ``dist/chorus-wizard`` does not exist.

Then what the folder holds, largest first: each Qt library (ICU counted as one), the Qt
plugins by kind, each PySide6 binding, each Python package, the other shared libraries one by
one, and the executable's archive of Python modules by top-level package (compressed sizes,
read with PyInstaller's archive reader when the ``packaging`` group is installed).

Usage: ``uv run python benchmarks/bundle_size.py [--dist dist/chorus-wizard] [--top 40]``
"""

from __future__ import annotations

import argparse
import sys
import sysconfig
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import ROOT, machine_summary, table

MB = 1024 * 1024
NAME = "chorus-wizard"


def size_of(path: Path) -> tuple[int, int]:
    """(bytes, files) of a file or a folder tree; symbolic links are not followed."""
    if path.is_file():
        return path.stat().st_size, 1
    total = files = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            files += 1
    return total, files


def part_of(relative: str) -> str:
    """The row of the breakdown a file of the bundle's folder counts in."""
    parts = relative.split("/")
    if parts[0] == "_internal":
        parts = parts[1:]
    name = parts[-1]
    if len(parts) == 1 and not name.startswith("lib") and "." not in name.replace(".exe", ""):
        return "the executable (bootloader + module archive, broken down below)"
    if parts[:2] == ["PySide6", "Qt"] and len(parts) > 2:
        if parts[2] == "lib":
            if name.startswith("libicu"):
                return "Qt library: ICU (libicuuc, libicui18n, libicudata)"
            return "Qt library: " + name.removeprefix("lib").split(".so")[0].replace("Qt6", "Qt")
        if parts[2] == "plugins" and len(parts) > 3:
            return f"Qt plugins: {parts[3]}"
        return f"Qt {parts[2]}"
    if parts[0] == "PySide6":
        return "PySide6 binding: " + name.split(".")[0] if name.startswith("Qt") else "PySide6"
    if parts[0].endswith(".dist-info"):
        return "package metadata (*.dist-info)"
    if parts[0] == "python3.11" or parts[0].startswith("python3"):
        return "Python standard library: extension modules (lib-dynload)"
    if name == "base_library.zip":
        return "Python standard library: base_library.zip"
    if len(parts) == 1 and name.startswith("libpython"):
        return "Python interpreter (libpython)"
    if len(parts) == 1 and ".so" in name:
        return f"shared library: {name}"
    if len(parts) == 1:
        return f"file: {name}"
    return f"package: {parts[0]}"


def breakdown(folder: Path) -> dict[str, int]:
    """Bytes per :func:`part_of` row (symbolic links are not counted)."""
    sizes: dict[str, int] = {}
    for item in folder.rglob("*"):
        if item.is_file() and not item.is_symlink():
            key = part_of(item.relative_to(folder).as_posix())
            sizes[key] = sizes.get(key, 0) + item.stat().st_size
    return sizes


def archive_breakdown(executable: Path) -> dict[str, int] | None:
    """Compressed bytes of the executable's module archive (PYZ) per top-level package."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:  # the packaging group is not installed
        return None
    archive = CArchiveReader(str(executable))
    sizes: dict[str, int] = {}
    for name in archive.toc:
        if name.endswith(".pyz") or name == "PYZ.pyz":
            pyz = archive.open_embedded_archive(name)
            for module, entry in pyz.toc.items():
                key = module.split(".")[0]
                sizes[key] = sizes.get(key, 0) + int(entry[-1])
    bootloader = executable.stat().st_size - sum(sizes.values())
    sizes["(bootloader, scripts and archive index)"] = bootloader
    return sizes


def largest_first(sizes: dict[str, int], top: int) -> list[list[object]]:
    ordered = sorted(sizes.items(), key=lambda kv: kv[1], reverse=True)
    rows: list[list[object]] = [[k, f"{v / MB:.2f}"] for k, v in ordered[:top]]
    rest = ordered[top:]
    if rest:
        rows.append([f"{len(rest)} others", f"{sum(v for _, v in rest) / MB:.2f}"])
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "chorus-wizard")
    parser.add_argument("--top", type=int, default=40, help="rows of the breakdown")
    args = parser.parse_args()
    print(machine_summary())
    site = Path(sysconfig.get_paths()["purelib"])
    rows: list[list[object]] = []
    pyside_bytes = sum(size_of(site / name)[0] for name in ("PySide6", "shiboken6"))
    site_bytes, site_files = size_of(site)
    rows.append(["PySide6 + shiboken6 installed (reference)", f"{pyside_bytes / MB:.1f}", "-"])
    rows.append(
        [
            "all of site-packages, dev tools included (reference)",
            f"{site_bytes / MB:.1f}",
            site_files,
        ]
    )
    built = args.dist.exists()
    if built:
        dist_bytes, dist_files = size_of(args.dist)
        rows.append([f"{args.dist} (packaged app)", f"{dist_bytes / MB:.1f}", dist_files])
    print(table(["what", "MB", "files"], rows, "Bundle size"))
    if built:
        print(f"\npackaged app vs PySide6 + shiboken6: {dist_bytes / pyside_bytes:.2f}×")
        print(f"({dist_bytes / 1e6:.1f} MB in units of 10^6 bytes)")
        if args.dist.is_dir():
            print(
                table(
                    ["part", "MiB"],
                    largest_first(breakdown(args.dist), args.top),
                    f"What {args.dist.name}/ holds, largest first",
                )
            )
            exe = next(
                (args.dist / n for n in (NAME, f"{NAME}.exe") if (args.dist / n).is_file()), None
            )
            archive = archive_breakdown(exe) if exe is not None else None
            if archive is not None:
                print(
                    table(
                        ["top-level package", "MiB (compressed)"],
                        largest_first(archive, 25),
                        "The executable's module archive (PYZ), largest first",
                    )
                )
    else:
        print(f"\n{args.dist}: not built yet (no packaged app to measure).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
