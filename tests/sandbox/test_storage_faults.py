"""A full disk or a read-only data folder, for real (a tiny tmpfs): a request says so with a 503
and one log line, and ``chorus-wizard-sandbox`` refuses to start with one French line."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from chorus_wizard.contracts.signup import Code
from chorus_wizard.sandbox.__main__ import main
from chorus_wizard.sandbox.server import SandboxServer
from tests.sandbox.helpers import account_body, serving
from tests.tmpfs import fill, remount, tiny_tmpfs

FREE_SIRET = "13002526500013"  # DINUM: in the shipped directory, not registered


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tiny_tmpfs(tmp_path / "disk", options="size=2m") as folder:
        yield folder


def sandbox_errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("chorus_wizard.sandbox")]


def test_a_full_disk_answers_503_and_logs_one_line(
    small_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        serving(SandboxServer(small_disk / "data")) as server,
        httpx.Client(base_url=server.base_url, timeout=20) as http,
    ):
        filler = fill(small_disk)
        caplog.clear()
        with caplog.at_level(logging.ERROR):
            answer = http.post("/sandbox/v1/comptes", json=account_body(FREE_SIRET))
        assert answer.status_code == 503, answer.text
        assert answer.json()["codeRetour"] == int(Code.INTERNAL_ERROR)
        assert answer.json()["libelle"].startswith(
            "Le disque où le bac à sable enregistre ses données est plein\u00a0:"
        )
        records = sandbox_errors(caplog)
        assert len(records) == 1, [r.getMessage() for r in records]
        assert records[0].exc_info is None
        assert "Demande refusée (503) sur /sandbox/v1/comptes" in records[0].getMessage()
        assert f"le disque de {small_disk / 'data' / 'sandbox'} est plein" in (
            records[0].getMessage()
        )

        filler.unlink()  # room again: the same request now succeeds
        again = http.post("/sandbox/v1/comptes", json=account_body(FREE_SIRET))
        assert again.status_code == 201, again.text


def test_a_read_only_folder_answers_503(small_disk: Path, caplog: pytest.LogCaptureFixture) -> None:
    with (
        serving(SandboxServer(small_disk / "data")) as server,
        httpx.Client(base_url=server.base_url, timeout=20) as http,
    ):
        remount(small_disk, "ro")
        try:
            caplog.clear()
            with caplog.at_level(logging.ERROR):
                answer = http.post("/sandbox/v1/comptes", json=account_body(FREE_SIRET))
            # Reading still works.
            assert http.get("/sandbox/v1/sante").status_code == 200
        finally:
            remount(small_disk, "rw")
        assert answer.status_code == 503, answer.text
        assert answer.json()["libelle"].startswith(
            "Le dossier de données du bac à sable est en lecture seule\u00a0:"
        )
        records = sandbox_errors(caplog)
        assert len(records) == 1, [r.getMessage() for r in records]
        assert records[0].exc_info is None
        assert "est en lecture seule" in records[0].getMessage()


def test_another_database_error_is_still_a_500(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        serving(SandboxServer(tmp_path / "data")) as server,
        httpx.Client(base_url=server.base_url, timeout=20) as http,
    ):
        database = tmp_path / "data" / "sandbox" / "sandbox.db"
        with closing(sqlite3.connect(database, isolation_level=None)) as conn:
            conn.execute("DROP TABLE attachment_requests")
        answer = http.post(
            "/sandbox/v1/rattachements",
            json={
                "email": "paul.durand@exemple.fr",
                "nom": "Durand",
                "prenom": "Paul",
                "typeIdentifiantStructure": "SIRET",
                "identifiantStructure": "55203253400703",
            },
        )
    assert answer.status_code == 500, answer.text
    assert answer.json()["libelle"] == "Erreur interne du bac à sable."


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_the_command_says_it_in_one_french_line(
    small_disk: Path, capsys: pytest.CaptureFixture[str], fault: str
) -> None:
    data = small_disk / "data"
    (data / "sandbox").mkdir(parents=True)
    if fault == "full":
        fill(small_disk)
        expected = f"le disque de {data / 'sandbox'} est plein"
    else:
        remount(small_disk, "ro")
        expected = f"le dossier {data / 'sandbox'} est en lecture seule"
    try:
        status = main(["--data-dir", str(data)])
    finally:
        remount(small_disk, "rw")
    out, err = capsys.readouterr()
    assert status != 0
    assert "Traceback" not in out + err
    assert err.splitlines() == [
        f"Le bac à sable ne peut pas démarrer\u00a0: {expected}. Corrigez ce problème (ou "
        "choisissez un autre dossier avec --data-dir), puis relancez-le."
    ]
