"""Bundle size: the packaged app ``dist/chorus-wizard`` (folder or single file), if built.

Reference, measured in the same run: what the app's dependencies occupy installed in this
virtual environment (``site-packages``), and PySide6 + shiboken6 alone — the part a bare Qt
app would ship too. Prints "not built yet" when ``dist/chorus-wizard`` does not exist.

Usage: ``uv run python benchmarks/bundle_size.py [--dist dist/chorus-wizard]``
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "chorus-wizard")
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
    else:
        print(f"\n{args.dist}: not built yet (no packaged app to measure).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
