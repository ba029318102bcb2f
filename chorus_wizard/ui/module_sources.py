"""Keep PySide6 from holding the source code of every module imported after it.

Once imported, PySide6 replaces ``__import__`` to support ``from __feature__ import
snake_case``: after each import it asks whether the new module mentions "PySide6", with
``inspect.getsource``, which reads the file through :mod:`linecache`, and linecache keeps
every line of it for the rest of the process. In the wizard that is about 300 files, 12 MB
of memory that nothing reads again (the wizard uses no ``__feature__``). Bundles are not
concerned: PyInstaller ships no source, so there is nothing to read.

:func:`keep_no_module_sources` gives PySide6 the same answer from the module's loader,
without caching the source, and empties linecache of what was read until then. A module read
from a ``.py`` file is searched as bytes, undecoded: Python source encodings are
ASCII-compatible, so "PySide6" is found the same, and the 60 or so imports before the first
paint spend 1.7 ms on the check instead of 2.5 ms. It is a no-op
when that PySide6 internal is not there (another version), and the wizard works the same
either way.
"""

from __future__ import annotations

import linecache
import sys
from importlib.machinery import SourceFileLoader
from types import ModuleType

#: The PySide6 module that holds the check, and the check's name in it.
FEATURE_MODULE = "PySide6.support.feature"
CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's own test (does the module's source mention "PySide6"?), read uncached."""
    loader = getattr(module, "__loader__", None)
    if isinstance(loader, SourceFileLoader):
        try:
            return b"PySide6" in loader.get_data(loader.path)
        except OSError:  # the file went away: PySide6 says False too
            return False
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False
    try:
        source = get_source(module.__name__)
    except Exception:  # no source, not decodable, a loader of its own: PySide6 says False too
        return False
    return isinstance(source, str) and "PySide6" in source


def keep_no_module_sources() -> bool:
    """Replace PySide6's check and empty linecache; False when PySide6 has no such check.

    Call it once PySide6 is imported, before other threads import anything (linecache is
    emptied without a lock).
    """
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, CHECK, None)):
        return False
    if getattr(feature, CHECK) is not uses_pyside:
        setattr(feature, CHECK, uses_pyside)
        linecache.clearcache()
    return True
