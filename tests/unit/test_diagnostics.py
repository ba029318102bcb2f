"""The diagnostic zip: what it holds, and the scrubbing of anything secret-looking."""

from __future__ import annotations

import json
import logging
import zipfile
from datetime import datetime
from pathlib import Path

from chorus_wizard.diagnostics import (
    MESSAGES_KEPT,
    DiagnosticJournal,
    environment,
    scrub,
    write_diagnostic,
)


def test_scrub() -> None:
    assert scrub("GET /sandbox/activer?code=AbC-123&x=1") == "GET /sandbox/activer?code=***&x=1"
    assert "s3cr3t" not in scrub('{"motDePasse": "s3cr3t"}')
    assert "s3cr3t" not in scrub("password=s3cr3t")
    assert "eyJhbGciOi" not in scrub("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")
    assert scrub("Ce numéro de SIRET est inconnu.") == "Ce numéro de SIRET est inconnu."


def test_journal_keeps_the_last_errors() -> None:
    journal = DiagnosticJournal()
    for number in range(MESSAGES_KEPT + 5):
        journal.message_shown("ERROR", f"erreur {number}")
    journal.message_shown("SUCCESS", "bravo")
    assert len(journal.messages) == MESSAGES_KEPT
    assert journal.messages[-1].endswith("erreur 24")
    assert journal.records[-1].endswith("[SUCCESS] bravo")


def test_journal_as_logging_handler() -> None:
    journal = DiagnosticJournal()
    logger = logging.getLogger("tests.diagnostics")
    logger.addHandler(journal)
    try:
        logger.warning("lien refusé\u00a0: https://x/activer?code=ZZZ999")
    finally:
        logger.removeHandler(journal)
    assert "ZZZ999" not in journal.records[-1]
    assert "WARNING tests.diagnostics" in journal.records[-1]


def test_zip(tmp_path: Path) -> None:
    info = environment(profile_name="sandbox", profile_label="Bac à sable", qt_versions={})
    path = write_diagnostic(
        tmp_path / "d.zip",
        info=info,
        messages=["12:00:00 [ERROR] oups"],
        records=["token=abcdef123"],
        now=datetime(2025, 1, 2, 3, 4),
    )
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"environnement.json", "erreurs.txt", "journal.txt"}
        data = json.loads(archive.read("environnement.json"))
        assert data["profil"] == "sandbox"
        assert data["date"] == "2025-01-02T03:04:00"
        assert "oups" in archive.read("erreurs.txt").decode()
        assert "abcdef123" not in archive.read("journal.txt").decode()
