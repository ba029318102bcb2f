"""The recap: what it says, and that it never holds a secret."""

from __future__ import annotations

from datetime import datetime

from chorus_wizard.backend.models import AccountCreated, Lookup
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.recap import (
    NOT_YET,
    STATUS_ACTIVE,
    STATUS_NOT_CREATED,
    build_recap,
    recap_file_name,
    recap_html,
    recap_text,
)
from chorus_wizard.ui.pages.base import SignupDraft
from tests.fakes import DINUM

NOW = datetime(2025, 11, 27, 14, 5)


def finished_draft() -> SignupDraft:
    draft = SignupDraft()
    draft.signup = Signup(
        email="marie.durand@exemple.fr",
        nom="Durand",
        prenom="Marie",
        identifier=DINUM.siret,
        raison_sociale=DINUM.raison_sociale,
        adresse=DINUM.adresse,
        code_postal=DINUM.code_postal,
        ville=DINUM.ville,
    )
    draft.account = AccountCreated(11, 22, "jeton-secret-xyz", "Compte créé")
    draft.workspaces = ["FACTURES_EMISES", "SOLLICITATIONS_EMISES"]
    draft.activated = True
    return draft


def test_text_holds_the_values() -> None:
    recap = build_recap(
        finished_draft(),
        profile_label="Bac à sable",
        now=NOW,
        workspace_labels={"FACTURES_EMISES": "Factures émises"},
        country_labels={"FR": "France"},
    )
    text = recap_text(recap)
    for value in (
        "marie.durand@exemple.fr",
        "Durand",
        "Marie",
        "130 025 265 00013",
        "DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
        "20 AVENUE DE SEGUR",
        "75007",
        "PARIS",
        "France",
        "Factures émises",
        "SOLLICITATIONS_EMISES",  # no label given: the code stands
        "Bac à sable",
        "le 27/11/2025 à 14 h 05",
        STATUS_ACTIVE,
        "Numéro du compte utilisateur\u00a0: 11",
    ):
        assert value in text
    assert "jeton-secret-xyz" not in text
    assert "jeton-secret-xyz" not in recap_html(recap)


def test_html_is_escaped() -> None:
    draft = finished_draft()
    draft.signup.nom = "<b>Durand</b>"
    html = recap_html(build_recap(draft, profile_label="x", now=NOW))
    assert "&lt;b&gt;Durand&lt;/b&gt;" in html


def test_before_validation_the_prefill_is_shown() -> None:
    draft = SignupDraft(signup=Signup(email="a@b.fr"))
    draft.lookup = Lookup(IdentifierType.SIRET, DINUM.siret, company=DINUM)
    text = recap_text(build_recap(draft, profile_label="Bac à sable", now=NOW))
    assert "DIRECTION INTERMINISTERIELLE DU NUMERIQUE" in text
    assert STATUS_NOT_CREATED in text
    assert NOT_YET in text


def test_file_name() -> None:
    assert (
        recap_file_name(finished_draft(), NOW)
        == "recapitulatif-chorus-pro-13002526500013-2025-11-27.pdf"
    )
    assert recap_file_name(SignupDraft(), NOW) == "recapitulatif-chorus-pro-2025-11-27.pdf"
