"""backend package."""

import sys

# httpx's __init__ tries ``from ._main import main`` for its command-line tool, and _main
# imports click and pygments (both installed: uvicorn needs click) before it fails on rich: about
# 2 MB and 20 ms lost in the wizard's process, which never runs that tool. A None entry makes
# that import fail at once (httpx then defines a stub ``main``). Every module here that uses
# httpx imports it lazily, after this package's __init__ has run.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
