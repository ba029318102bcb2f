"""« Parcours du portail actuel » through the wizard against the embedded sandbox.

The QR code is read from the rendered page by an independent decoder (zbar's ``zbarimg``),
and every code is computed by an independent library (pyotp) from the URI it holds.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
import shutil
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pyotp
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, install_translators
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.today_account import TodayAccountPage
from chorus_wizard.ui.pages.today_activate import TodayActivatePage
from chorus_wizard.ui.pages.today_done import TodayDonePage
from chorus_wizard.ui.pages.today_login import TodayLoginPage
from chorus_wizard.ui.pages.today_structure import TodayStructurePage
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import TIMEOUT
from tests.sandbox.helpers import STRONG_PASSWORD

EMAIL = "sacha.petit@exemple.fr"


def mails(data_dir: Path, subject: str) -> list[str]:
    """The plain text of every mail of the sandbox's Maildir with ``subject``, oldest first."""
    box = mailbox.Maildir(data_dir / "sandbox" / "mail", create=False)
    found = []
    for key in box.iterkeys():
        parsed = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        if parsed["Subject"] == subject:
            body = parsed.get_body(preferencelist=("plain",))
            assert isinstance(body, EmailMessage)
            found.append((parsed["Date"].datetime, body.get_content()))
    return [text for _, text in sorted(found, key=lambda pair: pair[0])]


def decode_qr(png: Path) -> str:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg (Debian's zbar-tools) is needed: .ci/run installs it"
    done = subprocess.run(
        [zbarimg, "--raw", "--quiet", str(png)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def press_next(qtbot: QtBot, wizard: SignupWizard, until: PageId | None = None) -> None:
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=TIMEOUT)
    wizard.next()
    if until is not None:
        qtbot.waitUntil(lambda: wizard.currentId() == until, timeout=TIMEOUT)


def test_today_path_with_a_real_authenticator(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = build_wizard(["--data-dir", str(data_dir), "--parcours", "portail-actuel"])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        account = wizard.currentPage()
        assert isinstance(account, TodayAccountPage)  # the account first, no SIRET yet
        account.email.setText(EMAIL)
        account.nom.setText("Petit")
        account.prenom.setText("Sacha")
        account.telephone.setText("06 12 34 56 78")
        assert not account.isComplete()  # the terms
        account.terms.setChecked(True)
        press_next(qtbot, wizard, PageId.TODAY_ACTIVATE)

        activate = wizard.currentPage()
        assert isinstance(activate, TodayActivatePage)
        assert "60 minutes" in activate.intro.text()
        (activation,) = mails(data_dir, "Activez votre compte Chorus Pro")
        link = next(line for line in activation.splitlines() if "code=" in line)
        activate.code.setText(link.strip())
        activate.password.setText(STRONG_PASSWORD)
        activate.confirm.setText(STRONG_PASSWORD)
        press_next(qtbot, wizard, PageId.TODAY_LOGIN)

        login = wizard.currentPage()
        assert isinstance(login, TodayLoginPage)
        assert login.password.text() == STRONG_PASSWORD  # chosen a moment ago
        press_next(qtbot, wizard)
        qtbot.waitUntil(lambda: login.code_row.isVisible(), timeout=TIMEOUT)
        assert "envoyé" in login.step_text.text()
        (sent,) = mails(data_dir, "Chorus Pro - Votre code de connexion")
        match = re.search(r"^(\d{6})$", sent, re.M)
        assert match is not None
        login.code.setText(match.group(1))
        press_next(qtbot, wizard)
        qtbot.waitUntil(lambda: login.qr.isVisible(), timeout=TIMEOUT)

        # The QR code, read from the page as it is painted, by an independent decoder.
        png = tmp_path / "page.png"
        assert login.grab().save(str(png))
        uri = decode_qr(png)
        assert uri.startswith("otpauth://totp/")
        assert uri == login.uri.text()  # and shown as text for a desktop app
        authenticator = pyotp.parse_uri(uri)
        assert isinstance(authenticator, pyotp.TOTP)
        wrong = f"{(int(authenticator.now()) + 500_000) % 1_000_000:06d}"
        login.code.setText(wrong)
        press_next(qtbot, wizard)
        qtbot.waitUntil(lambda: "n'est pas le bon" in login.banner.text(), timeout=TIMEOUT)
        assert wizard.currentId() == PageId.TODAY_LOGIN
        login.code.setText(authenticator.now())
        press_next(qtbot, wizard, PageId.TODAY_STRUCTURE)

        structure = wizard.currentPage()
        assert isinstance(structure, TodayStructurePage)
        qtbot.waitUntil(lambda: bool(structure.switches), timeout=TIMEOUT)
        for name, value in {
            "identifier": "13002526500013",
            "raison_sociale": "DINUM",
            "adresse": "20 AVENUE DE SEGUR",
            "code_postal": "75007",
            "ville": "PARIS",
        }.items():
            structure.fields[name].setText(value)
        press_next(qtbot, wizard, PageId.TODAY_DONE)
        done = wizard.page_of(PageId.TODAY_DONE)
        assert isinstance(done, TodayDonePage)
        # A rehearsal: the sandbox's « Votre structure est créée » is not shown as a success.
        assert done.title() == "Répétition terminée"
        assert "vous n'êtes pas inscrit sur Chorus Pro" in done.banner.text()
        assert "https://portail.chorus-pro.gouv.fr/" in done.for_real.text()
        assert done.quit_warning() == ""  # the end: nothing left half-way
    finally:
        wizard.close()


@pytest.mark.parametrize("argv", [[], ["--parcours", "guide"]])
def test_the_guide_stays_the_default(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, argv: list[str]
) -> None:
    install_translators(qapp, "fr")
    wizard = build_wizard(["--data-dir", str(tmp_path / "data"), *argv])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    assert wizard.startId() == PageId.IDENTIFY
    wizard.close()
