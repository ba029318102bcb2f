"""What the bundle leaves out of PyInstaller's analysis: Qt's unused parts, data, libraries.

PyInstaller's Qt hooks take every plugin and translation of the Qt modules in use, and its
dependency reader every library they name. :func:`prune` cuts an ``Analysis`` down to what the
wizard uses (see packaging/README.md for the reasons). ``chorus-wizard.spec`` calls it, and so
do the bare bundles ``benchmarks/bundle_startup.py`` builds to compare with, so that both are
pruned the same way. Standard library only at import time (PyInstaller's dependency reader is
imported when :func:`prune` runs).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import icu_data

LINUX = sys.platform.startswith("linux")

#: Qt modules the wizard does not use: neither their Python bindings nor their libraries.
QT_UNUSED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQmlFeatures", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
]  # fmt: skip
QT_EXCLUDES = [f"PySide6.{module}" for module in QT_UNUSED] + ["PySide6.scripts"]

#: Left out of the wizard's executable, which starts the sandbox as a process of its own
#: (``chorus-wizard-sandbox``, the other executable of the bundle): the web server, and
#: ``multiprocessing``, which uvicorn imports and nothing of the wizard uses (PyInstaller's
#: runtime hook for it would import it at every launch). Nothing of the wizard imports
#: ``chorus_wizard.sandbox.server`` (``sandbox/process/child.py``, the sandbox's side, does): named
#: here so that nothing ever brings the server in by the way.
SERVER_SIDE = [
    "multiprocessing",
    "uvicorn",
    "fastapi",
    "starlette",
    "chorus_wizard.sandbox.server",
    # The asynchronous side of httpcore, which tries them at import and does without (the
    # wizard's HTTP client is synchronous).
    "anyio",
    "sniffio",
]
#: Left out of the sandbox's executable: the server is a console program, in French only.
QT_ALL = ["PySide6", "shiboken6"]

#: Python modules left out (the bare bundles of benchmarks/bundle_startup.py too).
MODULE_EXCLUDES = [
    "tkinter",
    "PyInstaller",
    "pytest",
    "mypy",
    "IPython",
    "setuptools",
    "pkg_resources",
    # Reached only through httpx's command-line tool (httpx._main), which the wizard never
    # imports (see chorus_wizard/backend/__init__.py). click stays: uvicorn needs it.
    "httpx._main",
    "pygments",
    # Chinese, Japanese and Korean codecs (1 MB): the wizard reads and writes UTF-8 only.
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_multibytecodec",
    # Pulled in by hooks or by imports on paths the wizard never takes (1.4 MB):
    # email_validator's deliverability check (DNS lookups; the wizard passes
    # check_deliverability=False) and dnspython behind it; pydantic's copy of its version 1
    # (FastAPI falls back when it is missing; the sandbox's models are version 2); the topics
    # of help() and pydoc's web server; XML-RPC (multiprocessing's optional serializer);
    # the LZMA and bzip2 codecs (zipfile, tarfile and shutil do without them).
    "email_validator.deliverability",
    "dns",
    "pydantic.v1",
    "pydoc_data",
    "http.server",
    "webbrowser",
    "xmlrpc",
    "lzma",
    "_lzma",
    "bz2",
    "_bz2",
    # Optional imports of libraries the bundle uses, on paths it never takes, reached when
    # the build's environment has the test tools installed (they bring these along; 2.3 MiB
    # across the two executables' archives): pydantic's debug printer (rich, then
    # markdown_it, attrs), python-stdnum's online registry lookups (requests, urllib3) and
    # uvicorn's YAML logging configuration.
    "rich",
    "requests",
    "urllib3",
    "yaml",
]
if LINUX:
    # SecretService's only way in is secretstorage, which needs cryptography (12 MB): too
    # much for the Linux budget (104 MiB); without a keychain the wizard keeps secrets for the
    # session only and says so (packaging/README.md).
    MODULE_EXCLUDES += ["secretstorage", "cryptography"]

SHORT_NUMBER_REGIONS = "phonenumbers.shortdata.region_"

PLUGINS_KEPT: dict[str, set[str] | None] = {
    # The desktop's own, plus offscreen (--self-test without a display). Linux: X11 only; a
    # Wayland session runs it through XWayland (Qt falls back to xcb when its wayland plugin
    # is missing), which leaves out QtWaylandClient and its 16 plugins (2.3 MB).
    "platforms": {"qxcb", "qwindows", "qcocoa", "qoffscreen"},
    "platformthemes": {"qxdgdesktopportal"},  # gtk3 would pull GTK into the bundle
    "platforminputcontexts": None,  # compose (dead keys: é, ê…) and ibus on Linux
    "styles": None,  # the native look on Windows and macOS
    # The only image the program loads is its window icon, a PNG: QtGui reads PNG itself
    # (resources/ has no other runtime image; the SVG is make_icons.py's source).
    "imageformats": set(),
}
TRANSLATIONS_KEPT = {"qtbase_fr.qm", "qtbase_en.qm"}
#: Linux: D-Bus is part of every desktop (README lists libdbus-1-3 among Qt's prerequisites)
#: and is best taken from the system, with the systemd libraries it drags along (4.5 MB). So
#: is the C++ runtime (2.3 MB), which every distribution installs (apt, dnf and pacman need
#: it) and which PySide6's own wheels take from the system: a bundled copy older than the
#: system's breaks the system's OpenGL drivers that Qt loads (they need the newer one).
LINUX_SYSTEM_LIBRARIES = {
    "libdbus-1.so.3",
    "libsystemd.so.0",
    "libgcrypt.so.20",
    "libgpg-error.so.0",
    "liblz4.so.1",
    "libcap.so.2",
    "libstdc++.so.6",
    "libgcc_s.so.1",
}
PYCOUNTRY_KEPT = ("iso3166-1.", "iso3166-3.")
STDNUM_UNUSED = {
    "stdnum/oui.dat",
    "stdnum/imsi.dat",
    "stdnum/cn/loc.dat",
    "stdnum/at/postleitzahl.dat",
}
LIBRARIES_DROPPED = (
    # Pulled only by the plugins removed above.
    "Qt6Pdf", "Qt6Svg", "Qt6Qml", "Qt6Quick", "Qt6OpenGL", "Qt6VirtualKeyboard",
    "QtPdf", "QtSvg", "QtQml", "QtQuick", "QtOpenGL", "QtVirtualKeyboard",
)  # fmt: skip

Entry = tuple[str, str, str]  # (name in the bundle, source path, PyInstaller's type)


def _posix(name: str) -> str:
    return name.replace("\\", "/")


def _base(entry: Entry) -> str:
    return _posix(entry[0]).rsplit("/", 1)[-1]


def _qt_relative(name: str) -> str | None:
    """``plugins/platforms/libqxcb.so`` for a Qt file of the bundle, else None."""
    name = _posix(name)
    for prefix in ("PySide6/Qt/", "PySide6/"):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return None


def keep(entry: Entry) -> bool:
    """Whether a file PyInstaller found stays in the bundle (before the libraries' pass)."""
    name = _posix(entry[0])
    if name.endswith(".ts") and "/resources/translations/" in name:
        return False  # translation sources: the bundle needs only the built .qm
    relative = _qt_relative(name)
    if relative is not None:
        parts = relative.split("/")
        if parts[0] == "plugins" and len(parts) >= 3:
            kept = PLUGINS_KEPT.get(parts[1], set())
            if kept is None:
                return True
            stem = parts[-1].split(".")[0].removeprefix("lib")
            return stem in kept
        if parts[0] == "translations":
            return parts[-1] in TRANSLATIONS_KEPT
        if parts[0] == "qml":
            return False
    base = name.rsplit("/", 1)[-1]
    if LINUX and base in LINUX_SYSTEM_LIBRARIES:
        return False
    if relative is not None or base.startswith("lib"):
        if any(base.removeprefix("lib").startswith(lib) for lib in LIBRARIES_DROPPED):
            return False
        if any(f"/{lib}.framework/" in f"/{relative}" for lib in LIBRARIES_DROPPED):
            return False
    # pycountry: the countries (ISO 3166-1, and -3 for former ones) in French; English is its
    # source text. Languages, currencies, scripts and subdivisions are not used.
    if name.startswith("pycountry/databases/"):
        return base.startswith(PYCOUNTRY_KEPT)
    if name.startswith("pycountry/locales/"):
        return name.startswith("pycountry/locales/fr/") and base.startswith(PYCOUNTRY_KEPT)
    if name.startswith("pycountry/tests/"):
        return False
    # python-stdnum's tables that no French or EU identifier reads (MAC addresses, mobile
    # subscriber ids, Chinese resident ids, Austrian post codes).
    return name not in STDNUM_UNUSED


def _closure(paths: Iterable[str]) -> set[str]:
    """The shared libraries ``paths`` need, by file name (ldd, pefile or macholib)."""
    from PyInstaller.depend.bindepend import get_imports

    names: set[str] = set()
    seen: set[str] = set()
    stack = list(paths)
    while stack:
        path = stack.pop()
        if path in seen or not Path(path).is_file():
            continue
        seen.add(path)
        try:
            imports = get_imports(path)
        except Exception:  # not a binary PyInstaller can read: nothing to follow
            continue
        for name, full in imports:
            names.add(Path(full or name).name)
            if full:
                stack.append(full)
    return names


def _trim_icu(entry: Entry, workpath: Path) -> Entry:
    """Linux: Qt's ICU data library with French, English and root data only (icu_data.py)."""
    dest, source, kind = entry
    if not (LINUX and _base(entry).startswith("libicudata.so")):
        return entry
    try:
        trimmed, kept, total = icu_data.trim_library(Path(source), workpath / "icu")
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        print(f"pruning: ICU data kept whole ({error})")
        return entry
    print(f"pruning: ICU data cut to {kept} of its {total} items")
    return (dest, str(trimmed), kind)


def _is_library(entry: Entry) -> bool:
    """A shared library the bundle's own binaries load by name (not a plugin, an extension
    module or Python itself, which are loaded by path)."""
    name, base = _posix(entry[0]), _base(entry)
    return (
        entry[2] == "BINARY"
        and base.startswith("lib")
        and ".so" in base
        and "/plugins/" not in f"/{name}"
        and "/lib-dynload/" not in f"/{name}"
        and not base.startswith("libpython")
    )


def _direct_needs(path: str) -> set[str]:
    """The libraries ``path`` names itself (ELF ``NEEDED``, read by binutils' objdump)."""
    dump = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    rows = dump.stdout.splitlines()
    return {row.split()[1] for row in rows if row.strip().startswith("NEEDED")}


def _unneeded_libraries(binaries: list[Entry]) -> list[Entry]:
    """Linux: the libraries no kept binary names, directly or through another kept library.

    Left behind by the modules the spec excludes (liblzma for _lzma…), or needed only by
    libraries the system provides (libXau for libxcb).
    """
    by_name = {_base(e): e[1] for e in binaries if e[2] == "BINARY"}
    # Loaded by path: extension modules, Qt plugins, libpython (by the bootloader).
    stack = [e[1] for e in binaries if e[2] in ("BINARY", "EXTENSION") and not _is_library(e)]
    needed: set[str] = set()
    seen: set[str] = set()
    while stack:
        path = stack.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _direct_needs(path):
            needed.add(name)
            if name in by_name:
                stack.append(by_name[name])
    return [e for e in binaries if _is_library(e) and _base(e) not in needed]


def prune(analysis: Any, workpath: str | Path) -> None:
    """Cut ``analysis.binaries`` and ``analysis.datas`` down in place (see the module)."""
    binaries: list[Entry] = [tuple(e) for e in analysis.binaries]  # type: ignore[misc]
    datas: list[Entry] = [tuple(e) for e in analysis.datas]  # type: ignore[misc]
    kept = [e for e in binaries if keep(e)]
    dropped = [e for e in binaries if not keep(e)]
    # The libraries only the dropped plugins needed (GTK, cairo, libjpeg, Kerberos…) go too.
    dropped_needs = _closure(e[1] for e in dropped)
    roots = [e for e in kept if _base(e) not in dropped_needs]
    orphans = dropped_needs - _closure(e[1] for e in roots) - {_base(e) for e in roots}
    binaries = [e for e in kept if _base(e) not in orphans]
    print(
        f"pruning: {len(dropped)} Qt plugins or libraries and "
        f"{len(kept) - len(binaries)} of their dependencies left out"
    )
    binaries = [_trim_icu(e, Path(workpath)) for e in binaries]
    if LINUX:  # Windows and macOS keep PyInstaller's choice
        unneeded = _unneeded_libraries(binaries)
        binaries = [e for e in binaries if e not in unneeded]
        print(f"pruning: libraries nothing needs left out: {[_base(e) for e in unneeded]}")
    datas = [e for e in datas if keep(e)]
    # Links (PyInstaller puts some libraries' names at the top level) to what was left out.
    files = {_posix(e[0]) for e in [*binaries, *datas] if e[2] != "SYMLINK"}
    analysis.binaries = [e for e in binaries if e[2] != "SYMLINK" or _posix(e[1]) in files]
    analysis.datas = [e for e in datas if e[2] != "SYMLINK" or _posix(e[1]) in files]
    # libphonenumber's short numbers (emergency and service codes, 1 MB of metadata, loaded
    # region by region on demand): the telephone rule (domain/phone.py) never asks for them.
    analysis.pure = [e for e in analysis.pure if not e[0].startswith(SHORT_NUMBER_REGIONS)]
