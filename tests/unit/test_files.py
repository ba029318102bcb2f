"""The one reader of the wizard's files: whatever it cannot use is set aside, never fatal."""

from __future__ import annotations

import errno
import json
import os
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from chorus_wizard.drafts import DraftSetAside, DraftStore
from chorus_wizard.files import (
    FileInUse,
    SetAside,
    Unusable,
    WriteProblem,
    read_json,
    write_json_atomically,
    write_problem,
)
from chorus_wizard.ui.drafts import describe_write_failure

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def nested(depth: int) -> bytes:
    """A JSON array nested ``depth`` deep: Python's decoder gives up with RecursionError."""
    return b"[" * depth + b"]" * depth


def random_bytes() -> bytes:
    """Bytes that are not UTF-8 (a fixed seed: the same bytes on every run)."""
    data = random.Random(17).randbytes(4096)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    return data


#: Every kind of broken file, as bytes on disk.
BROKEN: dict[str, Callable[[], bytes]] = {
    "nested 100,000 deep": lambda: nested(100_000),
    "random bytes": random_bytes,
    "truncated": lambda: b'{"format": "chorus-wizard-draft", "vers',
    "empty": lambda: b"",
    "NUL bytes": lambda: b"\0" * 64,
    "not an object": lambda: b"[1, 2, 3]",
}


def as_dict(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise Unusable()
    return document


def test_no_file_is_none(tmp_path: Path) -> None:
    assert read_json(tmp_path / "absent.json", as_dict) is None


def test_a_good_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    assert read_json(path, as_dict) == {"a": 1}
    assert path.exists()


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_file_is_set_aside_whole(tmp_path: Path, kind: str) -> None:
    content = BROKEN[kind]()
    path = tmp_path / "prefs.json"
    path.write_bytes(content)
    with pytest.raises(SetAside) as caught:
        read_json(path, as_dict, clock=clock)
    aside = tmp_path / "prefs.endommage-20261127-103000.json"
    assert caught.value.aside == aside
    assert caught.value.reason == "il est endommagé"
    assert aside.read_bytes() == content  # kept for support, byte for byte
    assert not path.exists()
    assert read_json(path, as_dict) is None  # the next start is clean


def test_a_check_that_meets_a_wrong_type_sets_aside(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.write_text('{"page": [1]}', encoding="utf-8")

    def page(document: Any) -> int:
        return int(document["page"])  # TypeError: a list

    with pytest.raises(SetAside):
        read_json(path, page, clock=clock)
    assert not path.exists()


def test_a_check_names_its_own_reason_and_tag(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.write_text("{}", encoding="utf-8")

    def newer(document: Any) -> None:
        raise Unusable("il a été écrit par une version plus récente du programme", "v9")

    with pytest.raises(SetAside, match="version plus récente"):
        read_json(path, newer, clock=clock)
    assert (tmp_path / "prefs.v9-20261127-103000.json").exists()


def test_an_unreadable_file_is_set_aside_with_the_system_s_reason(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.mkdir()  # reading it fails with IsADirectoryError
    with pytest.raises(SetAside, match=r"il n'a pas pu être lu \(Is a directory\)"):
        read_json(path, as_dict, clock=clock)
    assert (tmp_path / "prefs.illisible-20261127-103000.json").is_dir()


def test_two_set_asides_in_the_same_second_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    for content in (b"{un", b"{deux"):
        path.write_bytes(content)
        with pytest.raises(SetAside):
            read_json(path, as_dict, clock=clock)
    assert (tmp_path / "prefs.endommage-20261127-103000.json").read_bytes() == b"{un"
    assert (tmp_path / "prefs.endommage-20261127-103000-2.json").read_bytes() == b"{deux"


@pytest.mark.parametrize("kind", ["nested 100,000 deep", "random bytes"])
def test_the_draft_store_sets_such_files_aside_with_its_message(tmp_path: Path, kind: str) -> None:
    content = BROKEN[kind]()
    (tmp_path / "draft.json").write_bytes(content)
    with pytest.raises(DraftSetAside) as caught:
        DraftStore(tmp_path, clock=clock).load()
    message = str(caught.value)
    assert message.startswith("L'inscription commencée précédemment n'a pas pu être reprise")
    assert "draft.endommage-20261127-103000.json" in message
    assert (tmp_path / "draft.endommage-20261127-103000.json").read_bytes() == content
    assert DraftStore(tmp_path).load() is None


def test_a_draft_with_wrong_types_is_set_aside(tmp_path: Path) -> None:
    document = {
        "format": "chorus-wizard-draft",
        "version": 1,
        "saved_at": ["2026"],
        "page": {"deux": 2},
        "fields": {},
    }
    (tmp_path / "draft.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DraftSetAside, match="endommagé"):
        DraftStore(tmp_path, clock=clock).load()


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), WriteProblem.DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), WriteProblem.READ_ONLY),
        (PermissionError(errno.EACCES, "Permission denied"), WriteProblem.DENIED),
        (OSError(errno.EIO, "Input/output error"), WriteProblem.OTHER),
        (ValueError("not a write"), WriteProblem.OTHER),
    ],
)
def test_write_problems_are_named(error: BaseException, problem: WriteProblem) -> None:
    assert write_problem(error) is problem


def test_write_problems_are_found_behind_the_error_that_wraps_them() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise RuntimeError("the sandbox server failed to start") from exc
    except RuntimeError as wrapped:
        assert write_problem(wrapped) is WriteProblem.DISK_FULL


def test_a_database_that_is_not_one_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.db"
    path.write_bytes(random_bytes())
    with pytest.raises(sqlite3.DatabaseError) as caught, closing(sqlite3.connect(path)) as conn:
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    assert write_problem(caught.value) is WriteProblem.DAMAGED_DATABASE


def test_a_file_held_open_elsewhere_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another program holds open (seen under Wine: the
    draft shown in a text editor): the folder takes writes, so « n'autorise pas l'écriture »
    would be untrue. The replacement is refused here as Windows refuses it."""
    draft = tmp_path / "draft.json"
    draft.write_text("{}", encoding="utf-8")

    def refused(source: object, target: object) -> None:
        raise PermissionError(13, "Accès refusé", str(target))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(FileInUse) as caught:
        write_json_atomically(draft, {"page": 2})
    assert write_problem(caught.value) is WriteProblem.IN_USE
    assert draft.read_text(encoding="utf-8") == "{}"  # the old content stays
    assert not list(tmp_path.glob("*.tmp"))  # no temporary file left
    message = describe_write_failure(caught.value, tmp_path)
    assert f"Le fichier {draft} est ouvert par un autre programme" in message
    assert "n'autorise pas" not in message
