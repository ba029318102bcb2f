"""Today's portal rehearsed by the sandbox: account, activation, e-mail code, TOTP, structure.

Every TOTP code is computed by pyotp (an independent implementation) from the ``otpauth://``
URI the sandbox gives; the clock is the test's.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import httpx
import pyotp
import pytest

from chorus_wizard.contracts import portal as api
from chorus_wizard.sandbox.context import SandboxContext
from chorus_wizard.sandbox.mail.outbox import Outbox
from chorus_wizard.sandbox.portal.desk import PortalDesk
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.seed import load_seed
from chorus_wizard.sandbox.store.storage import Storage
from tests.sandbox.helpers import (
    STRONG_PASSWORD,
    FakeClock,
    activation_codes,
    mails_to,
    text_of,
)

EMAIL = "camille.martin@exemple.fr"
URL = api.PREFIX


def login_code(server: SandboxServer) -> str:
    """The 6-digit code of the last login mail."""
    found = mails_to(server, EMAIL, "Chorus Pro - Votre code de connexion")
    assert found
    codes = [re.search(r"^(\d{6})$", text_of(m), re.M) for m in found]
    dated = sorted(
        zip([m["Date"].datetime for m in found], codes, strict=True), key=lambda pair: pair[0]
    )
    match = dated[-1][1]
    assert match is not None
    return match.group(1)


def activated(client: httpx.Client, server: SandboxServer) -> None:
    created = client.post(
        URL + api.ACCOUNTS,
        json={
            "email": EMAIL,
            "nom": "Martin",
            "prenom": "Camille",
            "telephone": "01 23 45 67 89",
            "cguAcceptees": True,
        },
    )
    assert created.status_code == 201, created.text
    (code,) = activation_codes(server, EMAIL)
    done = client.post(URL + api.ACTIVATION, json={"code": code, "motDePasse": STRONG_PASSWORD})
    assert done.status_code == 200, done.text


def first_login(client: httpx.Client, server: SandboxServer) -> tuple[str, pyotp.TOTP]:
    """Password, e-mail code: the enrolment's ticket and the authenticator built from the URI."""
    login = client.post(URL + api.LOGIN, json={"email": EMAIL, "motDePasse": STRONG_PASSWORD})
    assert login.status_code == 200, login.text
    assert login.json()["attendu"] == "CODE_COURRIEL"
    ticket = login.json()["jetonConnexion"]
    enrol = client.post(
        URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": login_code(server)}
    )
    assert enrol.status_code == 200, enrol.text
    body = enrol.json()
    assert body["attendu"] == "ENROLEMENT_TOTP"
    authenticator = pyotp.parse_uri(body["uriTotp"])
    assert isinstance(authenticator, pyotp.TOTP)
    assert (authenticator.digits, authenticator.interval) == (6, 30)
    return body["jetonConnexion"], authenticator


def desk_of(server: SandboxServer, clock: FakeClock) -> PortalDesk:
    """The desk over the running server's database (what the trainer's page uses)."""
    root = server.data_dir / "sandbox"
    storage = Storage(root / "sandbox.db")
    ctx = SandboxContext(
        storage=storage, outbox=Outbox(root / "mail", storage), seed=load_seed(), clock=clock
    )
    return PortalDesk(ctx)


def code_at(authenticator: pyotp.TOTP, moment: datetime) -> str:
    return authenticator.at(moment)


def test_the_whole_path(client: httpx.Client, sandbox: SandboxServer, clock: FakeClock) -> None:
    activated(client, sandbox)
    ticket, authenticator = first_login(client, sandbox)
    session = client.post(
        URL + api.SECOND_FACTOR,
        json={"jetonConnexion": ticket, "code": code_at(authenticator, clock.now)},
    )
    assert session.status_code == 200, session.text
    token = session.json()["jetonSession"]
    headers = {api.SESSION_HEADER: token}
    structure = client.post(
        URL + api.STRUCTURES,
        headers=headers,
        json={
            "typeIdentifiantStructure": "SIRET",
            "identifiantStructure": "13002526500013",
            "raisonSociale": "DINUM",
            "adresse": "20 AVENUE DE SEGUR",
            "codePostal": "75007",
            "ville": "PARIS",
            "codePays": "FR",
        },
    )
    assert structure.status_code == 201, structure.text
    assert structure.json()["resultat"] == "CREEE"
    spaces = client.put(
        URL + api.WORKSPACES, headers=headers, json={"espaces": ["FACTURES_EMISES"]}
    )
    assert spaces.status_code == 200, spaces.text
    # The structure is now visible through the PISTE API as any other.
    desk = desk_of(sandbox, clock)
    (row,) = desk.room_rows()
    assert row.stage is api.Stage.DONE and row.totp_enrolled

    # A later login asks password + TOTP (no e-mail code any more).
    clock.advance(seconds=60)
    later = client.post(URL + api.LOGIN, json={"email": EMAIL, "motDePasse": STRONG_PASSWORD})
    assert later.json()["attendu"] == "TOTP"
    again = client.post(
        URL + api.SECOND_FACTOR,
        json={
            "jetonConnexion": later.json()["jetonConnexion"],
            "code": authenticator.at(clock.now),
        },
    )
    assert again.status_code == 200 and again.json()["jetonSession"]


def test_a_wrong_code_is_refused(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock
) -> None:
    activated(client, sandbox)
    ticket, authenticator = first_login(client, sandbox)
    right = code_at(authenticator, clock.now)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    refused = client.post(URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": wrong})
    assert refused.status_code == 400
    assert "n'est pas le bon" in refused.json()["libelle"]
    ok = client.post(URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": right})
    assert ok.status_code == 200


@pytest.mark.parametrize("offset", [-30, 30])
def test_one_step_of_skew_is_accepted(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock, offset: int
) -> None:
    activated(client, sandbox)
    ticket, authenticator = first_login(client, sandbox)
    code = code_at(authenticator, clock.now + timedelta(seconds=offset))
    ok = client.post(URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": code})
    assert ok.status_code == 200, ok.text


def test_two_steps_of_skew_are_refused(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock
) -> None:
    activated(client, sandbox)
    ticket, authenticator = first_login(client, sandbox)
    code = code_at(authenticator, clock.now + timedelta(seconds=61))
    if code in {code_at(authenticator, clock.now + timedelta(seconds=s)) for s in (-30, 0, 30)}:
        pytest.fail("two time steps gave the same code: rerun")  # one chance in ~330 000
    refused = client.post(URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": code})
    assert refused.status_code == 400


def test_a_code_already_used_is_refused(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock
) -> None:
    activated(client, sandbox)
    ticket, authenticator = first_login(client, sandbox)
    code = code_at(authenticator, clock.now)
    assert (
        client.post(
            URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": code}
        ).status_code
        == 200
    )
    clock.advance(seconds=5)  # same time step: the same code, already used
    login = client.post(URL + api.LOGIN, json={"email": EMAIL, "motDePasse": STRONG_PASSWORD})
    again = client.post(
        URL + api.SECOND_FACTOR,
        json={"jetonConnexion": login.json()["jetonConnexion"], "code": code},
    )
    assert again.status_code == 400
    assert "déjà servi" in again.json()["libelle"]
    clock.advance(seconds=30)  # the next step's code passes
    fresh = client.post(
        URL + api.SECOND_FACTOR,
        json={
            "jetonConnexion": login.json()["jetonConnexion"],
            "code": authenticator.at(clock.now),
        },
    )
    assert fresh.status_code == 200, fresh.text


@pytest.mark.parametrize("what", ["password", "mail code", "totp"])
def test_five_failures_lock_for_an_hour_said_with_the_time(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock, what: str
) -> None:
    activated(client, sandbox)
    if what == "password":

        def fail() -> httpx.Response:
            return client.post(URL + api.LOGIN, json={"email": EMAIL, "motDePasse": "faux"})
    else:
        if what == "totp":
            ticket, _ = first_login(client, sandbox)
        else:
            login = client.post(
                URL + api.LOGIN, json={"email": EMAIL, "motDePasse": STRONG_PASSWORD}
            )
            ticket = login.json()["jetonConnexion"]
        real = login_code(sandbox)
        wrong = "000000" if real != "000000" else "111111"

        def fail() -> httpx.Response:
            return client.post(
                URL + api.SECOND_FACTOR, json={"jetonConnexion": ticket, "code": wrong}
            )

    for _ in range(4):
        assert fail().status_code == 400
    locked = fail()
    assert locked.status_code == 423
    until = (clock.now + timedelta(hours=1)).astimezone()
    assert f"jusqu'à {until.hour} h {until:%M}" in locked.json()["libelle"]
    assert locked.json()["verrouilleJusqua"]
    # Even the right password is refused until then.
    right = client.post(URL + api.LOGIN, json={"email": EMAIL, "motDePasse": STRONG_PASSWORD})
    assert right.status_code == 423
    clock.advance(minutes=61)
    after = client.post(URL + api.LOGIN, json={"email": EMAIL, "motDePasse": STRONG_PASSWORD})
    assert after.status_code == 200, after.text


def test_the_trainer_resets_a_second_factor(
    client: httpx.Client, sandbox: SandboxServer, clock: FakeClock
) -> None:
    activated(client, sandbox)
    ticket, authenticator = first_login(client, sandbox)
    client.post(
        URL + api.SECOND_FACTOR,
        json={"jetonConnexion": ticket, "code": code_at(authenticator, clock.now)},
    )
    desk = desk_of(sandbox, clock)
    assert desk.reset_second_factor(EMAIL)
    (row,) = desk.room_rows()
    assert not row.totp_enrolled and row.stage is api.Stage.ACTIVE
    # The next login asks the e-mail code again and enrols a new authenticator.
    clock.advance(seconds=60)
    _, new = first_login(client, sandbox)
    assert new.secret != authenticator.secret
    assert not desk.reset_second_factor("personne@exemple.fr")


def test_an_account_needs_the_terms(client: httpx.Client) -> None:
    refused = client.post(
        URL + api.ACCOUNTS, json={"email": EMAIL, "nom": "Martin", "prenom": "Camille"}
    )
    assert refused.status_code == 400
    assert refused.json()["champ"] == "cguAcceptees"


def test_the_structure_needs_a_session(client: httpx.Client) -> None:
    refused = client.post(URL + api.STRUCTURES, json={"identifiantStructure": "13002526500013"})
    assert refused.status_code == 403


def test_a_new_activation_mail_keeps_the_first_link_valid(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    created = client.post(
        URL + api.ACCOUNTS,
        json={"email": EMAIL, "nom": "Martin", "prenom": "Camille", "cguAcceptees": True},
    )
    assert created.status_code == 201, created.text
    same = "Si un compte en attente d'activation correspond à cette adresse"
    resent = client.post(URL + api.ACTIVATION_RESEND, json={"email": EMAIL})
    assert resent.status_code == 200 and resent.json()["libelle"].startswith(same)
    one, other = activation_codes(sandbox, EMAIL)
    assert one != other
    # Nobody's address alone voids its owner's link: both work until one activates.
    unknown = client.post(URL + api.ACTIVATION_RESEND, json={"email": "personne@exemple.fr"})
    assert unknown.status_code == 200 and unknown.json()["libelle"].startswith(same)
    done = client.post(URL + api.ACTIVATION, json={"code": one, "motDePasse": STRONG_PASSWORD})
    assert done.status_code == 200, done.text
    used = client.post(URL + api.ACTIVATION, json={"code": other, "motDePasse": STRONG_PASSWORD})
    assert used.status_code == 400  # the account is active: every link is spent
    # Once active, no more activation mails.
    client.post(URL + api.ACTIVATION_RESEND, json={"email": EMAIL})
    assert len(activation_codes(sandbox, EMAIL)) == 2
