"""The sandbox-only signup services: create, choose workspaces, activate, attach."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.seed import SeedData
from tests.sandbox.helpers import (
    ACTIVATION_SUBJECT,
    ANSWER,
    STRONG_PASSWORD,
    FakeClock,
    account_body,
    activation_body,
    activation_codes,
    create_account,
    mails_to,
    read_mails,
    text_of,
)

EMAIL = "jeanne.martin@exemple.fr"
COMPTES = "/sandbox/v1/comptes"
ACTIVATION = "/sandbox/v1/activation"


def _only_code(sandbox: SandboxServer, to: str = EMAIL) -> str:
    [code] = activation_codes(sandbox, to)
    return code


# Reference lists -------------------------------------------------------------------------


def test_workspace_catalogue(client: httpx.Client) -> None:
    data = client.get("/sandbox/v1/espaces").json()
    assert (data["codeRetour"], data["libelle"]) == (0, "OK")
    spaces = {s["code"]: s for s in data["listeEspaces"]}
    assert len(spaces) == 11
    assert "ACTIVITES_GESTIONNAIRE" not in spaces
    assert {c for c, s in spaces.items() if s["activeParDefaut"]} == {
        "FACTURES_EMISES",
        "SOLLICITATIONS_EMISES",
    }
    assert spaces["FACTURES_EMISES"]["libelle"] == "Factures émises"
    assert all(s["description"] and "\n" not in s["description"] for s in spaces.values())


def test_password_policy_and_secret_questions(client: httpx.Client) -> None:
    policy = client.get("/sandbox/v1/politique-mot-de-passe").json()
    assert policy["codeRetour"] == 0
    assert policy["politique"] == PasswordPolicy().to_json()
    questions = client.get("/sandbox/v1/questions-secretes").json()
    assert questions["codeRetour"] == 0
    assert 6 <= len(questions["listeQuestions"]) <= 8
    first = questions["listeQuestions"][0]
    assert first == {
        "id": 1,
        "libelle": "Quel est le nom de votre premier animal de compagnie\u00a0?",
    }


def test_health_and_unknown_service(client: httpx.Client) -> None:
    assert client.get("/sandbox/v1/sante").json() == {"codeRetour": 0, "libelle": "OK"}
    response = client.get("/sandbox/v1/inconnu")
    assert response.status_code == 404
    assert response.json()["codeRetour"] == 50


# The whole flow --------------------------------------------------------------------------


def test_full_signup(client: httpx.Client, sandbox: SandboxServer, free_siret: str) -> None:
    response = client.post(COMPTES, json=account_body(free_siret, EMAIL))
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["codeRetour"] == 0
    assert created["libelle"] == (
        f"Votre compte est créé et un courriel d'activation a été envoyé à {EMAIL}."
    )
    assert created["gestionnairePrincipal"] is True
    assert isinstance(created["idCompte"], int) and isinstance(created["idStructureCPP"], int)
    assert len(created["jetonInscription"]) >= 32
    assert datetime.fromisoformat(created["activationValideJusqua"]).tzinfo is not None

    # The activation mail: MIME, French, plain + HTML, link and code.
    [mail] = mails_to(sandbox, EMAIL)
    assert mail["Subject"] == ACTIVATION_SUBJECT
    assert mail["From"].addresses[0].display_name == "Chorus Pro (bac à sable)"
    assert mail["From"].addresses[0].addr_spec == "ne-pas-repondre@sandbox.chorus-wizard.invalid"
    assert mail.get_content_type() == "multipart/alternative"
    plain, html = text_of(mail, "plain"), text_of(mail, "html")
    code = _only_code(sandbox)
    assert len(code) >= 22  # >= 128 bits in URL-safe base64
    link = f"{sandbox.base_url}/sandbox/activer?code={code}"
    assert "Bonjour Jeanne Martin," in plain
    assert link in plain.splitlines()
    assert code in plain.splitlines()
    assert "Ce lien est valable 60 minutes." in plain
    assert link in html and "Bonjour Jeanne Martin" in html

    headers = {"X-Jeton-Inscription": created["jetonInscription"]}
    account_url = f"{COMPTES}/{created['idCompte']}"
    chosen = ["FACTURES_EMISES", "SOLLICITATIONS_EMISES", "FACTURES_RECUES"]
    response = client.put(f"{account_url}/espaces", json={"espaces": chosen}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["codeRetour"] == 0
    assert set(response.json()["espaces"]) == {*chosen, "ACTIVITES_GESTIONNAIRE"}

    pending = client.get(account_url, headers=headers).json()
    assert pending["statut"] == "EN_ATTENTE_ACTIVATION"
    # A resumed signup re-reads how long the link stays valid.
    assert pending["activationValideJusqua"] == created["activationValideJusqua"]

    # GET on the link shows a page and activates nothing.
    page = client.get("/sandbox/activer", params={"code": code})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert code in page.text and "chorus-wizard" in page.text
    assert client.get(account_url, headers=headers).json()["statut"] == "EN_ATTENTE_ACTIVATION"

    response = client.post(ACTIVATION, json=activation_body(EMAIL.upper(), link))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "codeRetour": 0,
        "libelle": "Votre compte est désormais actif et vous pouvez dès à présent transmettre "
        "vos factures à votre client public.",
        "idCompte": created["idCompte"],
    }

    account = client.get(account_url, headers=headers).json()
    assert account["codeRetour"] == 0
    assert account["statut"] == "ACTIF"
    assert account["email"] == EMAIL
    assert (account["nom"], account["prenom"]) == ("Martin", "Jeanne")
    assert set(account["espaces"]) == {*chosen, "ACTIVITES_GESTIONNAIRE"}
    assert account["gestionnairePrincipal"] is True
    assert account.get("activationValideJusqua") is None  # active: no link to follow any more
    assert account["fonctionnalites"] == {"deposerDemandesPaiement": True, "dume": False}
    assert account["structure"]["idStructureCPP"] == created["idStructureCPP"]
    assert account["structure"]["identifiantStructure"] == free_siret
    assert account["structure"]["raisonSociale"] == "Boulangerie Martin"
    dumped = json.dumps(account).lower()
    assert "hash" not in dumped and "scrypt" not in dumped and STRONG_PASSWORD.lower() not in dumped

    # The new structure is visible through the PISTE-like API.
    assert client.get("/search", params={"q": free_siret}).json()["total_results"] == 1


def test_secrets_are_never_stored_in_clear(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    created = create_account(client, free_siret, EMAIL)
    code = _only_code(sandbox)
    response = client.post(ACTIVATION, json=activation_body(EMAIL, code))
    assert response.status_code == 200
    assert STRONG_PASSWORD not in response.text and code not in response.text
    stored = b"".join(
        p.read_bytes() for p in (sandbox.data_dir / "sandbox").glob("sandbox.db*") if p.is_file()
    )
    for secret in (STRONG_PASSWORD, ANSWER, "medor le chien", code, created["jetonInscription"]):
        assert secret.encode() not in stored
    assert b"scrypt$" in stored


# Refusals --------------------------------------------------------------------------------


def test_registered_structure_is_409_with_its_id(client: httpx.Client) -> None:
    response = client.post(COMPTES, json=account_body("552 032 534 00703", EMAIL))
    assert response.status_code == 409
    data = response.json()
    assert data["codeRetour"] == 10
    assert data["libelle"] == (
        "Cette structure est déjà inscrite sur Chorus Pro\u00a0: demandez à y être rattaché."
    )
    assert isinstance(data["idStructureCPP"], int)


def test_duplicate_structure_and_duplicate_email_are_409(
    client: httpx.Client, seed: SeedData, free_siret: str
) -> None:
    first = create_account(client, free_siret, EMAIL)
    again = client.post(COMPTES, json=account_body(free_siret, "autre@exemple.fr"))
    assert again.status_code == 409
    assert again.json()["codeRetour"] == 10
    assert again.json()["idStructureCPP"] == first["idStructureCPP"]

    other = next(
        s
        for s, est in seed.directory.by_siret.items()
        if est.active and s != free_siret and s not in {r.identifier for r in seed.registered}
    )
    same_mail = client.post(COMPTES, json=account_body(other, EMAIL.upper()))
    assert same_mail.status_code == 409
    assert same_mail.json()["codeRetour"] == 11


def test_unknown_siret_is_refused(client: httpx.Client, seed: SeedData) -> None:
    siret = "73282932000074"  # valid checksum, not in the directory
    assert seed.directory.lookup(siret) is None
    response = client.post(COMPTES, json=account_body(siret))
    assert response.status_code == 400
    data = response.json()
    assert data["codeRetour"] == 9
    assert "INSEE" in data["libelle"]


def test_closed_establishment_is_refused(client: httpx.Client, seed: SeedData) -> None:
    closed = sorted(s for s, est in seed.directory.by_siret.items() if not est.active)
    if not closed:
        pytest.skip("no closed establishment in the directory")
    for siret in closed[:3]:
        response = client.post(COMPTES, json=account_body(siret))
        assert response.status_code == 400, siret
        assert response.json()["codeRetour"] == 13
        assert "fermé" in response.json()["libelle"]


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"email": "pas-une-adresse"}, 3, "email"),
        ({"email": ""}, 4, "email"),
        ({"nom": " "}, 4, "nom"),
        ({"prenom": None}, 4, "prenom"),
        ({"structure.raisonSociale": ""}, 4, "structure.raisonSociale"),
        ({"structure.adresse": ""}, 4, "structure.adresse"),
        ({"structure.ville": ""}, 4, "structure.ville"),
        ({"structure.codePostal": "7500"}, 5, "structure.codePostal"),
        ({"structure.codePays": "ZZ"}, 6, "structure.codePays"),
        ({"structure.typeIdentifiantStructure": "SIREN"}, 7, "structure.typeIdentifiantStructure"),
        ({"structure.identifiantStructure": "12345678900003"}, 8, "structure.identifiantStructure"),
        ({"nom": 12}, 1, "nom"),
        ({"nom": "x" * 501}, 2, "nom"),
    ],
)
def test_each_broken_rule_has_its_code_and_names_the_field(
    client: httpx.Client, free_siret: str, change: dict[str, object], code: int, field: str
) -> None:
    body = account_body(free_siret)
    for key, value in change.items():
        target = body
        *parents, leaf = key.split(".")
        for parent in parents:
            target = target[parent]
        target[leaf] = value
    response = client.post(COMPTES, json=body)
    assert response.status_code == 400, response.text
    data = response.json()
    assert data["codeRetour"] == code
    assert data["champ"] == field
    assert data["libelle"]


def test_foreign_structure_without_siret(client: httpx.Client) -> None:
    body = account_body(
        "BE0403170701",
        EMAIL,
        typeIdentifiantStructure="UE_HORS_FRANCE",
        codePostal="B-1000",
        ville="Bruxelles",
        codePays="BE",
    )
    response = client.post(COMPTES, json=body)
    assert response.status_code == 201, response.text
    registered = account_body(
        "DE 136 695 976", "x@exemple.fr", typeIdentifiantStructure="UE_HORS_FRANCE", codePays="DE"
    )
    assert client.post(COMPTES, json=registered).json()["codeRetour"] == 10


def test_oversized_body_is_413_and_long_strings_are_400(client: httpx.Client) -> None:
    big = json.dumps({"email": "a@exemple.fr", "bourrage": "x" * 70_000}).encode()
    response = client.post(COMPTES, content=big, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["codeRetour"] == 14

    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b" " * 4096

    response = client.post(
        COMPTES,
        content=chunks(),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413

    response = client.post(COMPTES, json={"email": "a@exemple.fr", "inconnu": "y" * 501})
    assert response.status_code == 400
    assert response.json()["codeRetour"] == 2


# Text fields: no control character, the contract's lengths ----------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nom": "Curie\r\nBcc: x@y"}, "nom"),
        ({"prenom": "Marie\n"}, "prenom"),
        (
            {"structure.identifiantStructure": "13002526500013\x00"},
            "structure.identifiantStructure",
        ),
        ({"structure.ville": "PARIS\x1b[0m"}, "structure.ville"),
    ],
)
def test_a_control_character_is_refused_before_anything_is_saved(
    client: httpx.Client,
    sandbox: SandboxServer,
    free_siret: str,
    change: dict[str, str],
    field: str,
) -> None:
    body = account_body(free_siret, EMAIL)
    [(key, value)] = change.items()
    target = body
    *parents, leaf = key.split(".")
    for parent in parents:
        target = target[parent]
    target[leaf] = value
    response = client.post(COMPTES, json=body, headers={"Idempotency-Key": "une-cle"})
    assert response.status_code == 400, response.text
    data = response.json()
    assert data["codeRetour"] == 15
    assert data["champ"] == field
    assert "retour à la ligne" in data["libelle"] or "caractère invisible" in data["libelle"]
    assert mails_to(sandbox, EMAIL) == []
    # Nothing was saved: the clean request creates the account (no 409), and mails it.
    response = client.post(COMPTES, json=account_body(free_siret, EMAIL))
    assert response.status_code == 201, response.text
    assert len(mails_to(sandbox, EMAIL, ACTIVATION_SUBJECT)) == 1


def test_each_text_field_has_the_contracts_length(client: httpx.Client, free_siret: str) -> None:
    response = client.post(COMPTES, json={**account_body(free_siret), "nom": "N" * 61})
    assert response.status_code == 400
    assert (response.json()["codeRetour"], response.json()["champ"]) == (2, "nom")
    assert "60 caractères" in response.json()["libelle"]
    ok = client.post(COMPTES, json={**account_body(free_siret), "nom": "N" * 60})
    assert ok.status_code == 201, ok.text


def test_attachment_and_activation_refuse_control_characters(client: httpx.Client) -> None:
    body = {
        "email": "paul.durand@exemple.fr",
        "nom": "Durand",
        "prenom": "Paul\r\nBcc: x@y",
        "typeIdentifiantStructure": "SIRET",
        "identifiantStructure": "552 032 534 00703",
    }
    response = client.post("/sandbox/v1/rattachements", json=body)
    assert response.status_code == 400
    assert (response.json()["codeRetour"], response.json()["champ"]) == (15, "prenom")
    response = client.post(
        ACTIVATION, json=activation_body(EMAIL, "x", reponseQuestionSecrete="a\x00")
    )
    assert response.status_code == 400
    assert response.json()["champ"] == "reponseQuestionSecrete"


# The mails the sandbox sent, over HTTP ---------------------------------------------------------

COURRIELS = "/sandbox/v1/courriels"


def test_the_mails_sent_to_an_address_newest_first(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    created = create_account(client, free_siret, EMAIL)
    client.headers["X-Jeton-Inscription"] = created["jetonInscription"]
    for _ in range(6):
        resent = client.post("/sandbox/v1/activation/renvoyer", json={"email": EMAIL})
        assert resent.status_code == 200
    codes = activation_codes(sandbox, EMAIL)
    assert len(codes) == 7

    response = client.get(COURRIELS, params={"email": EMAIL.upper()})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["codeRetour"] == 0
    mails = data["courriels"]
    assert len(mails) == 5  # bounded by default
    assert {m["objet"] for m in mails} == {ACTIVATION_SUBJECT}
    assert all(EMAIL in m["destinataire"] for m in mails)
    assert all("Chorus Pro (bac à sable)" in m["expediteur"] and m["date"] for m in mails)
    # newest first: the only code still valid is the newest one's
    newest = next(c for c in codes if c in mails[0]["texte"])
    accepted = client.post(ACTIVATION, json=activation_body(EMAIL, newest))
    assert accepted.status_code == 200, accepted.text

    assert (
        len(client.get(COURRIELS, params={"email": EMAIL, "limite": 20}).json()["courriels"]) == 7
    )
    assert len(client.get(COURRIELS, params={"email": EMAIL, "limite": 1}).json()["courriels"]) == 1


def test_the_wizards_own_sandbox_shows_its_mail_without_a_token(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    """Outside a training room the sandbox has one user (the wizard on this machine): a signup
    resumed without its token (no system keychain) still shows its activation mail. In a room,
    a mailbox answers to its account's token or the trainer only (tests/room/test_isolation.py)."""
    create_account(client, free_siret, EMAIL)
    client.headers.pop("X-Jeton-Inscription", None)
    response = client.get(COURRIELS, params={"email": EMAIL})
    assert response.status_code == 200, response.text
    assert [m["objet"] for m in response.json()["courriels"]] == [ACTIVATION_SUBJECT]


@pytest.mark.parametrize(
    "params", [{"email": EMAIL, "limite": 21}, {"email": EMAIL, "limite": 0}, {"email": "x"}, {}]
)
def test_the_mails_query_is_bounded(client: httpx.Client, params: dict[str, object]) -> None:
    response = client.get(COURRIELS, params=params)  # type: ignore[arg-type]
    assert response.status_code == 400
    assert response.json()["codeRetour"] in (1, 3, 4)
    assert response.json()["libelle"]


# Idempotency and concurrency -------------------------------------------------------------


def test_idempotency_key_replays_the_first_answer(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    body = account_body(free_siret, EMAIL)
    headers = {"Idempotency-Key": "0d4f6c8e-6a0b-4a53-9a8c-1f6b2e3d4c5b"}
    first = client.post(COMPTES, json=body, headers=headers)
    replay = client.post(COMPTES, json=body, headers=headers)
    assert first.status_code == replay.status_code == 201
    same = {k: v for k, v in first.json().items() if k != "jetonInscription"}
    assert {k: v for k, v in replay.json().items() if k != "jetonInscription"} == same
    assert len(mails_to(sandbox, EMAIL)) == 1
    # The replay hands out a fresh signup token, which works; the first one no longer does.
    url = f"{COMPTES}/{first.json()['idCompte']}"
    renewed = {"X-Jeton-Inscription": replay.json()["jetonInscription"]}
    assert client.get(url, headers=renewed).status_code == 200
    stale = {"X-Jeton-Inscription": first.json()["jetonInscription"]}
    assert client.get(url, headers=stale).status_code == 403

    other = client.post(COMPTES, json=account_body(free_siret, "autre@exemple.fr"), headers=headers)
    assert other.status_code == 422
    assert other.json()["codeRetour"] == 12


def test_concurrent_creations_of_one_structure_give_one_account(
    sandbox: SandboxServer, free_siret: str
) -> None:
    barrier = threading.Barrier(8)
    results: list[tuple[int, int]] = []
    lock = threading.Lock()

    def create(index: int) -> None:
        with httpx.Client(base_url=sandbox.base_url, timeout=30) as http:
            barrier.wait()
            response = http.post(COMPTES, json=account_body(free_siret, f"p{index}@exemple.fr"))
            with lock:
                results.append((response.status_code, response.json()["codeRetour"]))

    threads = [threading.Thread(target=create, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert Counter(results) == Counter({(201, 0): 1, (409, 10): 7})
    assert len(read_mails(sandbox)) == 1


# Workspaces and the registration token ---------------------------------------------------


def test_workspaces_need_the_registration_token(client: httpx.Client, free_siret: str) -> None:
    created = create_account(client, free_siret, EMAIL)
    url = f"{COMPTES}/{created['idCompte']}"
    for headers in ({}, {"X-Jeton-Inscription": "faux"}):
        response = client.put(f"{url}/espaces", json={"espaces": []}, headers=headers)
        assert response.status_code == 403
        assert response.json()["codeRetour"] == 30
        assert client.get(url, headers=headers).status_code == 403
    good = {"X-Jeton-Inscription": created["jetonInscription"]}
    assert client.get(f"{COMPTES}/1", headers=good).status_code == 403
    response = client.put(f"{url}/espaces", json={"espaces": ["INEXISTANT"]}, headers=good)
    assert response.status_code == 400
    assert response.json()["codeRetour"] == 32
    # Before any choice, the defaults are on.
    assert set(client.get(url, headers=good).json()["espaces"]) == {
        "FACTURES_EMISES",
        "SOLLICITATIONS_EMISES",
        "ACTIVITES_GESTIONNAIRE",
    }


# Activation ------------------------------------------------------------------------------


def test_code_expires_after_60_minutes_and_a_new_mail_helps(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock, free_siret: str
) -> None:
    create_account(client, free_siret, EMAIL)
    old = _only_code(sandbox)
    clock.advance(minutes=61)
    response = client.post(ACTIVATION, json=activation_body(EMAIL, old))
    assert response.status_code == 410
    assert response.json()["codeRetour"] == 21
    assert "nouveau courriel" in response.json()["libelle"]

    resent = client.post("/sandbox/v1/activation/renvoyer", json={"email": EMAIL})
    assert resent.status_code == 200
    # The new link has 60 minutes of its own, and the answer says until when.
    assert datetime.fromisoformat(resent.json()["activationValideJusqua"]) == clock.now + (
        timedelta(minutes=60)
    )
    [new] = activation_codes(sandbox, EMAIL) - {old}
    clock.advance(minutes=59)
    assert client.post(ACTIVATION, json=activation_body(EMAIL, new)).status_code == 200


def test_code_is_single_use(client: httpx.Client, sandbox: SandboxServer, free_siret: str) -> None:
    create_account(client, free_siret, EMAIL)
    code = _only_code(sandbox)
    assert client.post(ACTIVATION, json=activation_body(EMAIL, code)).status_code == 200
    again = client.post(ACTIVATION, json=activation_body(EMAIL, code))
    assert again.status_code == 400
    assert again.json()["codeRetour"] == 20


def test_resend_invalidates_the_previous_code(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    create_account(client, free_siret, EMAIL)
    old = _only_code(sandbox)
    # From the machine that created the account (as its wizard asks), or with its token
    # (tests/room/test_isolation.py).
    response = client.post("/sandbox/v1/activation/renvoyer", json={"email": EMAIL})
    assert response.status_code == 200 and response.json()["codeRetour"] == 0
    [new] = activation_codes(sandbox, EMAIL) - {old}
    stale = client.post(ACTIVATION, json=activation_body(EMAIL, old))
    assert (stale.status_code, stale.json()["codeRetour"]) == (400, 20)
    assert client.post(ACTIVATION, json=activation_body(EMAIL, new)).status_code == 200


def test_a_resend_by_address_alone_voids_no_earlier_code(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    """Anyone may ask for a new mail to an address; only the account's own token (or the
    trainer) may cancel the link it already holds."""
    create_account(client, free_siret, EMAIL)
    old = _only_code(sandbox)
    transport = httpx.HTTPTransport(local_address="127.0.0.3")  # another machine
    with httpx.Client(base_url=sandbox.base_url, transport=transport) as other:
        resent = other.post("/sandbox/v1/activation/renvoyer", json={"email": EMAIL})
    assert resent.status_code == 200
    assert len(activation_codes(sandbox, EMAIL)) == 2
    assert client.post(ACTIVATION, json=activation_body(EMAIL, old)).status_code == 200


def test_resend_does_not_reveal_whether_an_account_exists(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    response = client.post("/sandbox/v1/activation/renvoyer", json={"email": "personne@exemple.fr"})
    assert response.status_code == 200
    assert response.json()["codeRetour"] == 0
    assert "activationValideJusqua" in response.json()  # as for a real account
    assert read_mails(sandbox) == []


def test_five_failures_lock_for_one_hour(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock, free_siret: str
) -> None:
    created = create_account(client, free_siret, EMAIL)
    account_url = f"{COMPTES}/{created['idCompte']}"
    headers = {"X-Jeton-Inscription": created["jetonInscription"]}
    assert "verrouilleJusqua" not in client.get(account_url, headers=headers).json()
    good = _only_code(sandbox)
    for left in (4, 3, 2, 1):  # each refusal says how many tries are left
        response = client.post(ACTIVATION, json=activation_body(EMAIL, "mauvais-code"))
        assert (response.status_code, response.json()["codeRetour"]) == (400, 20)
        assert response.json()["tentativesRestantes"] == left
    response = client.post(ACTIVATION, json=activation_body(EMAIL, "mauvais-code"))
    assert response.status_code == 423
    data = response.json()
    assert data["codeRetour"] == 24
    until = datetime.fromisoformat(data["verrouilleJusqua"])
    assert until == clock.now + timedelta(hours=1)
    local = until.astimezone()
    assert f"jusqu'à {local.hour} h {local.minute:02d}" in data["libelle"]
    # the account's state says the lock (a resume shows it at once)
    state = client.get(account_url, headers=headers).json()
    assert datetime.fromisoformat(state["verrouilleJusqua"]) == until
    # Locked: even the right code is refused.
    assert client.post(ACTIVATION, json=activation_body(EMAIL, good)).status_code == 423
    clock.advance(minutes=59)
    assert client.post(ACTIVATION, json=activation_body(EMAIL, good)).status_code == 423
    clock.advance(minutes=2)
    client.post("/sandbox/v1/activation/renvoyer", json={"email": EMAIL})
    [new] = activation_codes(sandbox, EMAIL) - {good}
    assert client.post(ACTIVATION, json=activation_body(EMAIL, new)).status_code == 200


def test_password_policy_is_enforced_by_the_server(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    create_account(client, free_siret, EMAIL)
    code = _only_code(sandbox)
    cases = {
        "court": {"length", "classes"},
        "jeanne.martin-2024!": {"email"},
        "Boulangerie-2024!": {"company"},
    }
    for password, broken in cases.items():
        response = client.post(ACTIVATION, json=activation_body(EMAIL, code, motDePasse=password))
        assert response.status_code == 400, password
        data = response.json()
        assert data["codeRetour"] == 22
        assert broken <= set(data["reglesNonRespectees"])
        assert password not in response.text
    for override in (
        {"idQuestionSecrete": 999},
        {"idQuestionSecrete": None},
        {"reponseQuestionSecrete": " "},
    ):
        response = client.post(ACTIVATION, json=activation_body(EMAIL, code, **override))
        assert (response.status_code, response.json()["codeRetour"]) == (400, 23)
    # The code was not used up by the refusals.
    assert client.post(ACTIVATION, json=activation_body(EMAIL, code)).status_code == 200


# Attachment requests ---------------------------------------------------------------------


def test_attachment_request_mails_the_manager_and_the_requester(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    body = {
        "email": "paul.durand@exemple.fr",
        "nom": "Durand",
        "prenom": "Paul",
        "typeIdentifiantStructure": "SIRET",
        "identifiantStructure": "552 032 534 00703",
    }
    response = client.post("/sandbox/v1/rattachements", json=body)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["codeRetour"] == 0
    assert data["libelle"] == (
        "Votre demande de rattachement a été transmise au gestionnaire principal de la structure. "
        "Vous serez informé de sa décision par courriel."
    )
    assert isinstance(data["idDemande"], int)

    [to_manager] = mails_to(sandbox, "camille.martin@danone.sandbox.invalid")
    assert "rattachement" in to_manager["Subject"]
    assert "Paul Durand" in text_of(to_manager) and "paul.durand@exemple.fr" in text_of(to_manager)
    [ack] = mails_to(sandbox, "paul.durand@exemple.fr")
    assert "DANONE" in ack["Subject"]
    assert "support Chorus Pro" in text_of(ack) and "sollicitation" in text_of(ack)
    assert text_of(ack, "html")


def test_attachment_to_an_unknown_structure_is_404(client: httpx.Client) -> None:
    body = {
        "email": "paul.durand@exemple.fr",
        "nom": "Durand",
        "prenom": "Paul",
        "typeIdentifiantStructure": "SIRET",
        "identifiantStructure": "13002526500013",
    }
    response = client.post("/sandbox/v1/rattachements", json=body)
    assert response.status_code == 404
    assert response.json()["codeRetour"] == 40


def test_mail_headers_are_encoded(
    client: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    body = account_body(free_siret, "helene@exemple.fr")
    body["prenom"], body["nom"] = "Hélène", "Lefèvre-Çava"
    assert client.post(COMPTES, json=body).status_code == 201
    [path] = [p for p in (sandbox.data_dir / "sandbox" / "mail" / "new").iterdir()]
    raw = path.read_bytes()
    headers = raw.split(b"\n\n", 1)[0]
    assert headers.isascii()  # RFC 2047 encoded words, no raw UTF-8
    [mail] = mails_to(sandbox, "helene@exemple.fr")
    assert mail["To"].addresses[0].display_name == "Hélène Lefèvre-Çava"
    assert "Bonjour Hélène Lefèvre-Çava," in text_of(mail)


def test_openapi_describes_every_route(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    tags = {
        tag
        for path in spec["paths"].values()
        for operation in path.values()
        for tag in operation.get("tags", [])
    }
    assert tags == {"PISTE", "Annuaire", "Bac à sable"}
    assert {
        "/api/oauth/token",
        "/cpro/structures/v1/rechercher",
        "/search",
        "/sandbox/v1/comptes",
        "/sandbox/v1/activation",
        "/sandbox/v1/courriels",
        "/sandbox/activer",
    } <= set(spec["paths"])
    mails = spec["paths"]["/sandbox/v1/courriels"]["get"]
    assert {p["name"] for p in mails["parameters"]} == {"email", "limite", "X-Jeton-Inscription"}


def test_data_survives_a_restart_and_seeding_is_idempotent(
    tmp_path: Path, clock: FakeClock, free_siret: str
) -> None:
    data_dir = tmp_path / "persist"
    for round_ in range(2):
        with SandboxServer(data_dir, clock=clock) as server:
            server.wait_ready(30)
            with httpx.Client(base_url=server.base_url) as http:
                if round_ == 0:
                    create_account(http, free_siret, EMAIL)
                response = http.post(COMPTES, json=account_body(free_siret, "autre@exemple.fr"))
                assert response.json()["codeRetour"] == 10
                again = http.post(COMPTES, json=account_body("55203253400703", "b@exemple.fr"))
                assert again.json()["codeRetour"] == 10
