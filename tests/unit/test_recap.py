"""The recap: what it says, and that it never holds a secret."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from html import escape

import pytest

from chorus_wizard.backend.models import AccountCreated, Lookup
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.domain.text import long_date
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
        "le 27\u00a0novembre 2025 à 14 h 05",
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


@pytest.mark.parametrize(
    ("category", "row", "says", "never"),
    [
        ("PME", "PME (petite ou moyenne entreprise", "à partir du 1ᵉʳ septembre 2027", "décret"),
        ("ETI", "ETI (entreprise de taille intermédiaire)", "depuis le 1ᵉʳ septembre 2026", "2027"),
        ("GE", "GE (grande entreprise)", "depuis le 1ᵉʳ septembre 2026", "2027"),
        ("", "inconnue (l'annuaire", "le 1ᵉʳ septembre 2027 pour une PME", "xx-never-xx"),
    ],
)
def test_the_recap_says_what_follows_for_the_business(
    category: str, row: str, says: str, never: str
) -> None:
    draft = finished_draft()
    draft.lookup = Lookup(
        IdentifierType.SIRET, DINUM.siret, company=replace(DINUM, categorie_entreprise=category)
    )
    recap = build_recap(draft, profile_label="Bac à sable", now=NOW)
    text = recap_text(recap)
    section = text[text.index("Facturation électronique\u00a0: ce qui suit pour vous") :]
    assert f"Catégorie d'entreprise\u00a0: {row}" in section
    assert says in section
    assert never not in section.split("Désigner votre plateforme agréée")[0]
    assert "Restent sur Chorus Pro\u00a0: les factures de travaux" in section
    assert "les frais de justice\u00a0; les demandes de remboursement." in section
    assert "Désigner votre plateforme agréée\u00a0: la liste" in section
    assert "représentant légal" in section and "signée électroniquement" in section
    assert "Il n'a pas d'API publique" in section
    assert "Annuaire\u00a0: https://portail.chorus-pro.gouv.fr/" in section
    if not category:
        assert "décret n° 2008-1354" in section
    html = recap_html(recap)
    assert "<h3>Facturation électronique\u00a0: ce qui suit pour vous</h3>" in html
    assert escape(row) in html
    # the secret note stays the last line
    assert text.rstrip().endswith("ne les notez jamais à côté.")


def test_a_recap_without_a_lookup_says_the_category_is_unknown() -> None:
    text = recap_text(build_recap(finished_draft(), profile_label="Bac à sable", now=NOW))
    assert "Catégorie d'entreprise\u00a0: inconnue" in text


def test_dates_are_written_out_in_either_language() -> None:
    """Found by a walk: 07/12/2026 in the English recap (7 December, or 12 July?)."""
    assert long_date(date(2026, 12, 7), "en") == "7\u00a0December 2026"
    assert long_date(date(2026, 12, 7), "fr") == "7\u00a0décembre 2026"
    assert long_date(date(2026, 9, 1), "fr") == "1\u1d49\u02b3\u00a0septembre 2026"
    assert long_date(date(2026, 9, 1), "en") == "1\u00a0September 2026"
