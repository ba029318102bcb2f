"""No secret leaks: after a whole signup, no file the program wrote and no log line holds one.

The flow goes through ``build_wizard`` against the embedded sandbox, with a resend, a refused
code and the keychain offer, while every logger records at DEBUG level. Then every file under
the test's folder (data directory with sandbox.db and its -wal/-shm when present, Maildir,
home) is searched for
the password, the secret answer, every activation code and the signup token.

One exception, on purpose: the activation mails in the Maildir contain their codes. That
Maildir is the user's mailbox, standing in for a real one; it is not a file the program keeps
for itself (draft, settings, log, database, recap). The Maildir is still searched for every
other secret.
"""

from __future__ import annotations

import logging
import mailbox
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.domain.password import normalize_secret_answer
from chorus_wizard.keychain import KEYRING_SERVICE
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import reach_complete
from tests.memory_keyring import MemoryKeyring

EMAIL = "sacha.lefevre@exemple.fr"
PASSWORD = "Quetzal-Ardoise-8814"
ANSWER = "Hérisson Zinzolin 77"
TIMEOUT = 15000


def mail_texts(mail_dir: Path) -> list[str]:
    box = mailbox.Maildir(mail_dir, create=False)
    texts = []
    for key in box.iterkeys():
        message = message_from_bytes(box.get_bytes(key), policy=policy.default)
        assert isinstance(message, EmailMessage)
        if EMAIL in str(message["To"]):
            body = message.get_body(preferencelist=("plain",))
            assert body is not None
            texts.append(str(body.get_content()))
    return texts


def links(mail_dir: Path) -> list[str]:
    found = [re.search(r"http://\S+/sandbox/activer\?code=[\w-]+", t) for t in mail_texts(mail_dir)]
    return [m.group(0) for m in found if m]


def files_holding(root: Path, secrets: dict[str, str], skip_codes_in: Path) -> list[str]:
    """``path: name`` for each secret found in a file under ``root``."""
    hits = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for name, secret in secrets.items():
            if name.startswith("code") and skip_codes_in in path.parents:
                continue  # the user's mailbox: see the module docstring
            if secret.encode("utf-8") in data:
                hits.append(f"{path.relative_to(root)}: {name}")
    return hits


def walk_to_activation(qtbot: QtBot, wizard: SignupWizard) -> ActivatePage:
    reach_complete(qtbot, wizard, EMAIL, nom="Lefèvre", prenom="Sacha")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE, timeout=TIMEOUT)
    activate = wizard.currentPage()
    assert isinstance(activate, ActivatePage)
    qtbot.waitUntil(lambda: activate.question.count() > 0, timeout=TIMEOUT)
    return activate


def submit(qtbot: QtBot, wizard: SignupWizard, page: ActivatePage, link: str) -> None:
    page.code.setText(link)
    page.password.password.setText(PASSWORD)
    page.password.confirmation.setText(PASSWORD)
    page.question.setCurrentIndex(1)
    page.answer.setText(ANSWER)
    assert page.isComplete()
    wizard.next()


def test_no_secret_in_files_or_logs(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)
    data_dir = tmp_path / "data"
    mail_dir = data_dir / "sandbox" / "mail"
    wizard = build_wizard(["--data-dir", str(data_dir)])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    try:
        activate = walk_to_activation(qtbot, wizard)
        assert activate.validity.text() in {
            "Ce lien est valable encore 59 minutes.",
            "Ce lien est valable encore 60 minutes.",
        }
        [old] = links(mail_dir)

        # A new mail: the first link dies.
        activate.resend.click()
        qtbot.waitUntil(lambda: len(links(mail_dir)) == 2, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: activate.banner.tone is Tone.SUCCESS, timeout=TIMEOUT)
        [new] = set(links(mail_dir)) - {old}

        # The old link is refused (and the refusal does not echo it); the new one works.
        codes = {link.rpartition("=")[2] for link in (old, new)}
        submit(qtbot, wizard, activate, old)
        qtbot.waitUntil(lambda: activate.banner.tone is Tone.ERROR, timeout=TIMEOUT)
        assert not any(code in activate.banner.text() for code in codes)
        submit(qtbot, wizard, activate, new)
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE, timeout=TIMEOUT)

        done = wizard.currentPage()
        assert isinstance(done, DonePage)
        qtbot.waitUntil(done.save_password.isEnabled, timeout=TIMEOUT)
        done.save_password.click()
        qtbot.waitUntil(lambda: done.keychain_status.tone is Tone.SUCCESS, timeout=TIMEOUT)
        assert memory_keyring.passwords == {(KEYRING_SERVICE, EMAIL): PASSWORD}

        account = wizard.context.draft.account
        assert account is not None
        secrets = {
            "password": PASSWORD,
            "answer": ANSWER,
            "answer (normalised)": normalize_secret_answer(ANSWER),
            "signup token": account.signup_token,
        }
        secrets |= {f"code {i}": code for i, code in enumerate(sorted(codes))}
        assert len(codes) == 2
        assert files_holding(tmp_path, secrets, mail_dir) == []
    finally:
        wizard.close()
        wizard.shutdown()

    # The wizard forgot them: fields emptied, nothing left in memory for the keychain.
    assert wizard.context.password_in_memory == ""
    assert activate.password.password.text() == activate.password.confirmation.text() == ""
    assert activate.answer.text() == activate.code.text() == ""
    assert files_holding(tmp_path, secrets, mail_dir) == []
    captured = capfd.readouterr()
    for name, secret in secrets.items():
        assert secret not in caplog.text, name
        assert secret not in captured.out + captured.err, name
    # The search works: it does find the codes in the mailbox, the one place they belong.
    assert len(files_holding(mail_dir, secrets, tmp_path / "elsewhere")) == 2
    assert (data_dir / "sandbox" / "sandbox.db").is_file()
