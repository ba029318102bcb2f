"""The draft file: atomic, versioned, tolerant of damage, free of secrets."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from chorus_wizard.contracts.record import FIELDS, Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.drafts import PROGRESS_FIELDS, VERSION, DraftSetAside, DraftStore

NOW = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)


def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path, clock=lambda: NOW)


def test_round_trip(tmp_path: Path) -> None:
    drafts = store(tmp_path)
    signup = Signup(email="a@b.fr", nom="Durand", identifier_type=IdentifierType.RIDET, dume=True)
    drafts.save(2, signup, {"workspaces": ["FACTURES_EMISES"]})
    saved = drafts.load()
    assert saved is not None
    assert saved.page == 2 and saved.saved_at == NOW
    assert saved.signup == signup
    assert saved.progress == {"workspaces": ["FACTURES_EMISES"]}
    document = json.loads((tmp_path / "draft.json").read_text())
    assert document["signup"]["identifier_type"] == "RIDET"  # the record, by its fields' names
    assert set(document["signup"]) == {f.name for f in FIELDS if not f.secret}
    assert [p.name for p in tmp_path.glob("*draft*")] == ["draft.json"]  # no temporary file left


def test_no_draft(tmp_path: Path) -> None:
    assert store(tmp_path).load() is None


@pytest.mark.parametrize("secret_key", ["password", "mot_de_passe", "answer", "code", "token"])
def test_secrets_have_no_key(tmp_path: Path, secret_key: str) -> None:
    assert secret_key not in PROGRESS_FIELDS
    assert not hasattr(Signup(), secret_key)
    with pytest.raises(ValueError):
        store(tmp_path).save(1, Signup(), {secret_key: "Secret-123456"})
    assert not (tmp_path / "draft.json").exists()


def test_the_secret_fields_are_the_records_only_missing_ones() -> None:
    secret = {f.name for f in FIELDS if f.secret}
    assert secret == {"password", "answer", "code"}
    assert not secret & set(Signup().values())


def test_a_version_1_file_is_read(tmp_path: Path) -> None:
    """A draft written before the record (one ``fields`` object) resumes as it was."""
    (tmp_path / "draft.json").write_text(
        json.dumps(
            {
                "format": "chorus-wizard-draft",
                "version": 1,
                "saved_at": NOW.isoformat(),
                "page": 3,
                "fields": {
                    "email": "a@b.fr",
                    "identifier_type": "SIRET",
                    "identifier": "13002526500013",
                    "complement1": "BATIMENT B",
                    "dume": True,
                    "account_id": 500001,
                    "workspaces_saved": True,
                },
            }
        )
    )
    saved = store(tmp_path).load()
    assert saved is not None
    assert saved.signup == Signup(
        email="a@b.fr", identifier="13002526500013", complement1="BATIMENT B", dume=True
    )
    assert saved.progress == {"account_id": 500001, "workspaces_saved": True}


def test_wrong_types_are_dropped_on_load(tmp_path: Path) -> None:
    (tmp_path / "draft.json").write_text(
        json.dumps(
            {
                "format": "chorus-wizard-draft",
                "version": VERSION,
                "saved_at": NOW.isoformat(),
                "page": 1,
                "signup": {"email": 12, "nom": "Durand", "dume": "oui", "identifier_type": "X"},
                "progress": {"account_id": True, "structure_id": 7, "x": "y"},
            }
        )
    )
    saved = store(tmp_path).load()
    assert saved is not None and saved.signup == Signup(nom="Durand")
    assert saved.progress == {"structure_id": 7}


@pytest.mark.parametrize(
    ("content", "tag", "words"),
    [
        ("{not json", "endommage", "endommagé"),
        ('{"format": "chorus-wizard-draft", "version": 1}', "endommage", "endommagé"),
        ("[]", "endommage", "endommagé"),
        (
            json.dumps(
                {
                    "format": "chorus-wizard-draft",
                    "version": VERSION + 1,
                    "saved_at": NOW.isoformat(),
                    "page": 3,
                    "signup": {},
                    "progress": {},
                }
            ),
            f"v{VERSION + 1}",
            "version plus récente",
        ),
    ],
)
def test_unusable_draft_is_set_aside(tmp_path: Path, content: str, tag: str, words: str) -> None:
    (tmp_path / "draft.json").write_text(content)
    with pytest.raises(DraftSetAside, match=words) as caught:
        store(tmp_path).load()
    aside = tmp_path / f"draft.{tag}-20261127-103000.json"
    assert aside.read_text() == content  # kept, never deleted
    assert aside.name in str(caught.value)
    assert store(tmp_path).load() is None  # the next start is clean


def test_discard(tmp_path: Path) -> None:
    drafts = store(tmp_path)
    drafts.save(0, Signup(email="a@b.fr"), {})
    drafts.discard()
    drafts.discard()
    assert drafts.load() is None
