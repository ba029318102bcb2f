"""Files the program writes, written so that a crash never leaves half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any


def write_json_atomically(path: Path, document: Any, *, indent: int = 1) -> None:
    """Write ``document`` as JSON to ``path``: a temporary file in the same folder, flushed to
    disk, then renamed over ``path``, so readers see the old file or the new one, whole."""
    import json  # on the first write, not when the program starts

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False, indent=indent)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
