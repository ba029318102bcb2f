"""The screenshot tour: every page of the wizard, in its ordinary state and after something
happened, each at 560 and 820 pixels wide, in French and in English.

Usage (from the repository root)::

    uv run python scripts/screenshot_tour.py [--out docs/screenshots/tour]

writes ``<name>-<width>.png`` for every shot of :data:`SHOTS` and ``README.md``, their index,
into ``--out`` (default ``docs/screenshots/tour``; the PNGs of an earlier run are deleted first,
other files are left alone). It runs headless: ``QT_QPA_PLATFORM`` defaults to ``offscreen``
(the window is grabbed, without decorations); set ``QT_QPA_PLATFORM=xcb`` under ``xvfb-run -a
-s "-screen 0 1280x1024x24"`` to grab it on an X display instead. Rerun it after any change to
the pages: a scene that fails (a page changed) is reported with its traceback, the others still
run, and the exit status is then 1. About a minute; the PNGs weigh about 6 MB.

Everything runs against the embedded sandbox (portal mode: a local sandbox server behind the
production profile's wording), in data folders made fresh in a temporary folder, with an
in-memory keychain: nothing real is contacted, read or written. The window is always
:data:`HEIGHT` pixels high; dates and times on the pages (a resumed draft's start, a link's
validity) are those of the run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo import (  # after the platform is chosen
    activation_link,
    arrived,
    fill_activate,
    fill_complete,
    fill_identify,
    go_next,
    page,
    portal_wizard,
    save_png,
    settle,
    to_activate,
    use_memory_keychain,
    wait_idle,
)
from PySide6.QtWidgets import QWidget

from chorus_wizard.app import build_wizard, finish_build
from chorus_wizard.ui.application import application
from chorus_wizard.ui.pages.base import Page, PageId
from chorus_wizard.ui.wizard import SignupWizard

WIDTHS = (560, 820)
HEIGHT = 760
OUT = Path("docs/screenshots/tour")

EMAIL = "camille.martin@exemple.fr"
SIRET = "13002526500013"  # DINUM, in the sandbox's directory
WRONG_KEY_SIRET = "13002526500014"  # DINUM's with a wrong check digit
UNKNOWN_SIRET = "73282932000074"  # valid, not in the sandbox's directory
REGISTERED_SIRET = "55203253400703"  # Danone, already registered in the sandbox
OTHER_SIRET = "35600000041439"  # a La Poste establishment, not registered
LOCKED_SIRET = "40046135600133"  # Les Restaurants du cœur
RESUMED_SIRET = "84370107900017"  # Besoin de toit

#: Each page's name in the files, in the order of the wizard.
SLUGS = {
    PageId.IDENTIFY: "1-identify",
    PageId.ATTACH: "1b-attach",
    PageId.COMPLETE: "2-complete",
    PageId.WORKSPACES: "3-workspaces",
    PageId.ACTIVATE: "4-activate",
    PageId.PORTAL_ACTIVATE: "4p-portal-activate",
    PageId.DONE: "5-done",
    PageId.TODAY_ACCOUNT: "t1-today-account",
    PageId.TODAY_ACTIVATE: "t2-today-activate",
    PageId.TODAY_LOGIN: "t3-today-login",
    PageId.TODAY_STRUCTURE: "t4-today-structure",
    PageId.TODAY_DONE: "t5-today-done",
}

#: Each page's title, for the index.
TITLES = {
    PageId.IDENTIFY: "1. Identifiez-vous",
    PageId.ATTACH: "1b. Rattachement (structure déjà inscrite)",
    PageId.COMPLETE: "2. Complétez",
    PageId.WORKSPACES: "3. Espaces de travail",
    PageId.ACTIVATE: "4. Activez",
    PageId.PORTAL_ACTIVATE: "4. Activez (portal mode)",
    PageId.DONE: "Fin",
    PageId.TODAY_ACCOUNT: "Portail actuel 1. Compte",
    PageId.TODAY_ACTIVATE: "Portail actuel 2. Activation",
    PageId.TODAY_LOGIN: "Portail actuel 3. Double authentification",
    PageId.TODAY_STRUCTURE: "Portail actuel 4. Structure et espaces",
    PageId.TODAY_DONE: "Portail actuel, fin",
}


@dataclass(frozen=True)
class Shot:
    """One state of one page, saved at every width of :data:`WIDTHS`."""

    page: PageId
    state: str
    says: str
    lang: str = "fr"

    @property
    def name(self) -> str:
        """``1-identify-ordinary``, ``4-activate-locked``, ``2-complete-ordinary-en``…"""
        suffix = "" if self.lang == "fr" else f"-{self.lang}"
        return f"{SLUGS[self.page]}-{self.state}{suffix}"

    def file(self, width: int) -> str:
        return f"{self.name}-{width}.png"


def _ordinary_and_help(page: PageId, ordinary: str, en: str) -> tuple[Shot, ...]:
    return (
        Shot(page, "ordinary", ordinary),
        Shot(page, "help", "The same with the help panel open (« Aide », F1)."),
        Shot(page, "ordinary", en, "en"),
    )


#: The tour, in the order of the index. tests/test_screenshot_tour.py checks that it covers
#: every page and every state the tour must show.
SHOTS: tuple[Shot, ...] = (
    Shot(PageId.IDENTIFY, "empty", "First start: nothing typed, « Suivant » greyed out."),
    *_ordinary_and_help(
        PageId.IDENTIFY,
        "E-mail and DINUM's SIRET typed, ready for « Suivant ».",
        "Step 1 in English, filled in.",
    ),
    Shot(PageId.IDENTIFY, "refused", "A SIRET with a wrong check digit, refused under the field."),
    Shot(
        PageId.IDENTIFY,
        "unknown",
        "A valid SIRET the directory does not know: the banner and the way out.",
    ),
    Shot(
        PageId.IDENTIFY,
        "no-siret",
        "After « Mon entreprise est en cours d'immatriculation »: a provisional name typed.",
    ),
    Shot(
        PageId.IDENTIFY,
        "no-siret-ticked",
        "A SIRET typed, then « Je n'ai pas de numéro de SIRET » ticked: the field is the new "
        "type's, empty, « Suivant » greyed out (the SIRET comes back on untick).",
    ),
    Shot(
        PageId.IDENTIFY,
        "search",
        "« Je ne connais pas mon SIRET » (the dialog): « la poste » searched, the first open "
        "establishment selected (a closed one above it is not).",
    ),
    Shot(
        PageId.IDENTIFY,
        "resume-offer",
        "Restarted after stopping on step 2: the draft offered (« Reprendre »).",
    ),
    *_ordinary_and_help(
        PageId.ATTACH,
        "Danone is already registered: the attachment request, names typed.",
        "The attachment request in English.",
    ),
    Shot(PageId.ATTACH, "sent", "The attachment request sent: what happens next."),
    *_ordinary_and_help(
        PageId.COMPLETE,
        "Prefilled from the directory, names typed, ready for « Valider ».",
        "Step 2 in English, filled in.",
    ),
    Shot(
        PageId.COMPLETE,
        "refused",
        "The sandbox refused the creation: the e-mail already has an account.",
    ),
    Shot(
        PageId.COMPLETE,
        "no-siret",
        "Step 2 after the no-SIRET way: the provisional name as raison sociale, nothing else.",
    ),
    Shot(PageId.COMPLETE, "resumed", "« Reprendre » taken on a draft stopped on step 2."),
    Shot(
        PageId.COMPLETE,
        "phone-refused",
        "« Téléphone » (optional) with a number too short: its rule said under it as it is typed.",
    ),
    *_ordinary_and_help(
        PageId.WORKSPACES,
        "The account is created: one OUI/NON switch per workspace.",
        "Step 3 in English.",
    ),
    Shot(
        PageId.WORKSPACES,
        "resumed",
        "« Reprendre » taken on a draft stopped on step 3 (account created).",
    ),
    Shot(
        PageId.WORKSPACES,
        "defaults-off",
        "Both default workspaces turned off: the warning names them as the switches do.",
    ),
    Shot(
        PageId.WORKSPACES,
        "defaults-off",
        "The same warning in English: the workspaces' English names, not their French ones.",
        "en",
    ),
    Shot(
        PageId.WORKSPACES,
        "quit-question",
        "« Annuler » once the account exists: the wizard asks first (the dialog).",
    ),
    *_ordinary_and_help(
        PageId.ACTIVATE,
        "Link pasted, password and secret answer typed, ready for « Valider ».",
        "Step 4 in English, filled in.",
    ),
    Shot(PageId.ACTIVATE, "refused", "A wrong activation code, refused by the sandbox."),
    Shot(
        PageId.ACTIVATE,
        "rule-broken",
        "A long password holding the e-mail: the broken rule in red, the meter capped.",
    ),
    Shot(PageId.ACTIVATE, "locked", "Five wrong codes: activation locked for an hour."),
    Shot(
        PageId.ACTIVATE,
        "locked-resumed",
        "Restarted during the lock and « Reprendre » taken: the lock is shown at once.",
    ),
    Shot(
        PageId.ACTIVATE,
        "resumed",
        "« Reprendre » taken on a draft stopped on step 4 (workspaces chosen).",
    ),
    Shot(
        PageId.ACTIVATE,
        "resumed-no-keychain",
        "Without a system keychain, « Reprendre » on a draft stopped on step 3 before "
        "« Valider »: the workspaces chosen are named, to open after the activation.",
    ),
    Shot(
        PageId.ACTIVATE,
        "mail",
        "« Voir le courriel reçu » (the dialog): its long links fill the line and wrap "
        "anywhere, « Utiliser ce code ».",
    ),
    *_ordinary_and_help(
        PageId.PORTAL_ACTIVATE,
        "Portal mode (real Chorus Pro): step 4 handed over to the portal.",
        "Portal mode's step 4 in English.",
    ),
    *_ordinary_and_help(
        PageId.DONE,
        "The rehearsal's final page: « Répétition terminée », not registered on Chorus Pro, "
        "what to do for real.",
        "The final page in English.",
    ),
    Shot(PageId.DONE, "recap", "« Récapitulatif » opened on the final page (the dialog)."),
    Shot(PageId.DONE, "recap", "The recap dialog in English.", "en"),
    *_ordinary_and_help(
        PageId.TODAY_ACCOUNT,
        "« Parcours du portail actuel » (--parcours portail-actuel): the account alone, first.",
        "Today's portal path in English: the account.",
    ),
    *_ordinary_and_help(
        PageId.TODAY_ACTIVATE,
        "The activation: the mail's link or code, then the password only.",
        "The activation in English.",
    ),
    Shot(PageId.TODAY_LOGIN, "mail-code", "First login: the 6-digit code sent by mail."),
    *_ordinary_and_help(
        PageId.TODAY_LOGIN,
        "The authenticator app: the otpauth:// URI as a QR code and as text.",
        "The authenticator app in English.",
    ),
    *_ordinary_and_help(
        PageId.TODAY_STRUCTURE,
        "Logged in: the SIRET typed, the structure prefilled from the directory (editable), "
        "then the workspaces.",
        "The structure in English.",
    ),
    *_ordinary_and_help(PageId.TODAY_DONE, "Today's path done.", "Today's path done, in English."),
    Shot(
        PageId.TODAY_ACCOUNT,
        "resume-offer",
        "Restarted after closing on today's path: « Reprendre l'inscription au portail actuel… ».",
    ),
    Shot(PageId.TODAY_ACCOUNT, "resume-offer", "The resume offer in English.", "en"),
    Shot(PageId.TODAY_ACTIVATE, "resumed", "Resumed after the account: the activation."),
    Shot(PageId.TODAY_ACTIVATE, "resumed", "Resumed at the activation, in English.", "en"),
    Shot(PageId.TODAY_LOGIN, "resumed", "Resumed after the activation: the login."),
    Shot(PageId.TODAY_LOGIN, "resumed", "Resumed at the login, in English.", "en"),
    Shot(
        PageId.TODAY_STRUCTURE,
        "resumed",
        "Resumed after the second factor: the structure as typed, « Suivant » will ask to log "
        "in again.",
    ),
    Shot(PageId.TODAY_STRUCTURE, "resumed", "Resumed at the structure, in English.", "en"),
    Shot(
        PageId.TODAY_LOGIN,
        "log-in-again",
        "« Suivant » after that resume: the password, then the app's code (no mail code).",
    ),
    Shot(PageId.TODAY_LOGIN, "log-in-again", "Logging in again, in English.", "en"),
)


class Tour:
    """Takes the shots of :data:`SHOTS` by name, at every width; remembers which."""

    def __init__(self, out: Path, root: Path) -> None:
        self.out = out
        self.root = root
        self.by_name = {shot.name: shot for shot in SHOTS}
        assert len(self.by_name) == len(SHOTS), "two shots have the same name"
        self.taken: list[Shot] = []
        #: The interface language of the wizards made from now on.
        self.lang = "fr"

    def take(self, wizard: SignupWizard, state: str, *, widget: QWidget | None = None) -> None:
        """Save the current page in ``state`` at every width (``widget``: a dialog instead)."""
        page = PageId(wizard.currentId())
        shot = self.by_name[Shot(page, state, "", self.lang).name]
        target = widget or wizard
        for width in WIDTHS:
            target.resize(width, HEIGHT)
            settle()
            settle()  # the layout may change again once wrapped labels know their width
            save_png(target, self.out / shot.file(width))
        self.taken.append(shot)
        print(f"{shot.name}: {', '.join(shot.file(w) for w in WIDTHS)}", flush=True)

    def help(self, wizard: SignupWizard) -> None:
        """The current page with the help panel open (as F1 opens it)."""
        wizard.desk.set_help_visible(True)
        self.take(wizard, "help")
        wizard.desk.set_help_visible(False)
        settle()

    @contextmanager
    def wizard(self, folder: str, *options: str) -> Iterator[SignupWizard]:
        """A wizard as ``chorus-wizard`` builds it, on the embedded sandbox, with its data in
        ``folder`` of the tour's temporary folder; shut down afterwards."""
        argv = ["--data-dir", str(self.root / folder), "--lang", self.lang, *options]
        wizard = build_wizard(argv)
        finish_build(wizard, timeout=60)  # the embedded sandbox's process has started
        yield from _shown(wizard)

    @contextmanager
    def portal(self, folder: str) -> Iterator[SignupWizard]:
        """The wizard in portal mode, with its local sandbox server."""
        wizard, server, _local = portal_wizard(self.root / folder, lang=self.lang)
        try:
            yield from _shown(wizard)
        finally:
            server.stop()


def _shown(wizard: SignupWizard) -> Iterator[SignupWizard]:
    wizard.resize(WIDTHS[-1], HEIGHT)
    wizard.show()
    settle()
    try:
        yield wizard
    finally:
        wizard.shutdown()
        wizard.hide()
        wizard.deleteLater()
        settle()


# -- step 4 and the resume offer ---------------------------------------------------------


def wrong_code(link: str) -> str:
    """``link`` with another code in it (its last characters changed)."""
    return link[:-4] + ("AAAA" if not link.endswith("AAAA") else "BBBB")


def try_activation(wizard: SignupWizard) -> None:
    """« Valider », and wait for the sandbox's answer (the page may stay on step 4)."""
    activate = page(wizard, PageId.ACTIVATE)
    hint = activate.code_hint  # type: ignore[attr-defined]
    activate.banner.clear_message()
    hint.set_reason(None)
    wizard.next()
    # A wrong code is said under its field; a lock or another failure in the banner.
    settle(
        lambda: (
            wizard.currentId() != PageId.ACTIVATE
            or bool(activate.banner.text())
            or bool(hint.text())
        )
    )
    wait_idle(wizard)


def resume(wizard: SignupWizard, expected: PageId) -> Page:
    identify = page(wizard, PageId.IDENTIFY)
    settle(lambda: identify.resume_box.isVisible())  # type: ignore[attr-defined]
    identify.resume_box.resume_button.click()  # type: ignore[attr-defined]
    return arrived(wizard, expected)


# -- the scenes ------------------------------------------------------------------------


def signup_scene(tour: Tour) -> None:
    """The four steps and the final page, with their refusals on steps 1 and 4."""
    with tour.wizard("main") as wizard:
        tour.take(wizard, "empty")
        fill_identify(wizard, EMAIL, WRONG_KEY_SIRET)
        tour.take(wizard, "refused")
        fill_identify(wizard, EMAIL, SIRET)
        tour.take(wizard, "ordinary")
        tour.help(wizard)
        go_next(wizard, PageId.COMPLETE)
        complete = fill_complete(wizard, EMAIL)
        phone = complete.fields["telephone"]  # type: ignore[attr-defined]
        phone.setText("06 12 34")
        phone.setFocus()
        tour.take(wizard, "phone-refused")
        phone.clear()
        tour.take(wizard, "ordinary")
        tour.help(wizard)
        go_next(wizard, PageId.WORKSPACES)
        tour.take(wizard, "ordinary")
        tour.help(wizard)
        go_next(wizard, PageId.ACTIVATE)
        link = activation_link(wizard.context.service, EMAIL)
        fill_activate(wizard, link)
        tour.take(wizard, "ordinary")
        tour.help(wizard)
        fill_activate(wizard, wrong_code(link))
        try_activation(wizard)
        tour.take(wizard, "refused")
        fill_activate(wizard, link)
        try_activation(wizard)
        wait_idle(wizard)
        tour.take(wizard, "ordinary")
        tour.help(wizard)
        dialog = wizard.desk.show_recap()
        tour.take(wizard, "recap", widget=dialog)
        dialog.close()


def refused_creation_scene(tour: Tour) -> None:
    """The e-mail of the signup scene for another structure: refused on step 2."""
    with tour.wizard("main") as wizard:
        fill_identify(wizard, EMAIL, OTHER_SIRET)
        go_next(wizard, PageId.COMPLETE)
        complete = fill_complete(wizard, EMAIL)
        wizard.next()
        settle(lambda: complete.banner.text() != "")
        wait_idle(wizard)
        tour.take(wizard, "refused")


def no_siret_scene(tour: Tour) -> None:
    """An unknown SIRET, then « Mon entreprise est en cours d'immatriculation »."""
    with tour.wizard("no-siret") as wizard:
        identify = fill_identify(wizard, EMAIL, UNKNOWN_SIRET)
        wizard.next()
        settle(lambda: identify.pending.isVisible())  # type: ignore[attr-defined]
        wait_idle(wizard)
        tour.take(wizard, "unknown")
        identify.pending.click()  # type: ignore[attr-defined]
        identify.identifier.setText("BOULANGERIE DURAND")  # type: ignore[attr-defined]
        tour.take(wizard, "no-siret")
        identify.no_siret.setChecked(False)  # type: ignore[attr-defined]
        identify.identifier.setText(SIRET)  # type: ignore[attr-defined]
        identify.no_siret.setChecked(True)  # type: ignore[attr-defined]
        kind = identify.kind  # type: ignore[attr-defined]
        kind.setCurrentIndex(kind.findData("UE_HORS_FRANCE"))
        tour.take(wizard, "no-siret-ticked")
        kind.setCurrentIndex(kind.findData("AUTRE"))
        go_next(wizard, PageId.COMPLETE)
        fill_complete(wizard, EMAIL, "Durand")
        tour.take(wizard, "no-siret")


def locked_scene(tour: Tour) -> None:
    """Five wrong activation codes."""
    with tour.wizard("locked") as wizard:
        to_activate(wizard, "verrou@exemple.fr", LOCKED_SIRET)
        link = activation_link(wizard.context.service, "verrou@exemple.fr")
        fill_activate(wizard, link, password="Verrou.exemple2026")
        settle()
        tour.take(wizard, "rule-broken")
        for _ in range(5):
            fill_activate(wizard, wrong_code(link))
            try_activation(wizard)
        tour.take(wizard, "locked")
    with tour.wizard("locked") as wizard:
        resume(wizard, PageId.ACTIVATE)
        activate = page(wizard, PageId.ACTIVATE)
        settle(lambda: "bloquée" in activate.banner.text())
        wait_idle(wizard)
        tour.take(wizard, "locked-resumed")


def resume_scene(tour: Tour) -> None:
    """Stopped on step 2, then 3, then 4: each time restarted and « Reprendre » taken."""
    email = "reprise@exemple.fr"
    with tour.wizard("resume") as wizard:
        fill_identify(wizard, email, RESUMED_SIRET)
        go_next(wizard, PageId.COMPLETE)
        fill_complete(wizard, email)
    with tour.wizard("resume") as wizard:
        identify = page(wizard, PageId.IDENTIFY)
        settle(lambda: identify.resume_box.isVisible())  # type: ignore[attr-defined]
        tour.take(wizard, "resume-offer")
        resume(wizard, PageId.COMPLETE)
        tour.take(wizard, "resumed")
        go_next(wizard, PageId.WORKSPACES)
    with tour.wizard("resume") as wizard:
        resume(wizard, PageId.WORKSPACES)
        tour.take(wizard, "resumed")
        go_next(wizard, PageId.ACTIVATE)
    with tour.wizard("resume") as wizard:
        resume(wizard, PageId.ACTIVATE)
        tour.take(wizard, "resumed")


def attachment_scene(tour: Tour, folder: str, *, sent: bool) -> None:
    with tour.wizard(folder) as wizard:
        fill_identify(wizard, "comptable@exemple.fr", REGISTERED_SIRET)
        attach = go_next(wizard, PageId.ATTACH)
        attach.nom.setText("Durand")  # type: ignore[attr-defined]
        attach.prenom.setText("Marie")  # type: ignore[attr-defined]
        tour.take(wizard, "ordinary")
        if sent:
            tour.help(wizard)
            attach.send.click()  # type: ignore[attr-defined]
            settle(lambda: attach.isComplete())
            wait_idle(wizard)
            tour.take(wizard, "sent")


def portal_scene(tour: Tour, folder: str, *, with_help: bool) -> None:
    with tour.portal(folder) as wizard:
        fill_identify(wizard, EMAIL, SIRET)
        complete = go_next(wizard, PageId.COMPLETE)
        fill_complete(wizard, EMAIL)
        complete.handoff.confirm.setChecked(True)  # type: ignore[attr-defined]
        go_next(wizard, PageId.WORKSPACES)
        go_next(wizard, PageId.PORTAL_ACTIVATE)
        tour.take(wizard, "ordinary")
        if with_help:
            tour.help(wizard)


def english_scene(tour: Tour) -> None:
    """The four steps and the final page in English."""
    with tour.wizard("en") as wizard:
        fill_identify(wizard, EMAIL, SIRET)
        tour.take(wizard, "ordinary")
        go_next(wizard, PageId.COMPLETE)
        fill_complete(wizard, EMAIL)
        tour.take(wizard, "ordinary")
        go_next(wizard, PageId.WORKSPACES)
        tour.take(wizard, "ordinary")
        go_next(wizard, PageId.ACTIVATE)
        fill_activate(wizard, activation_link(wizard.context.service, EMAIL))
        tour.take(wizard, "ordinary")
        try_activation(wizard)
        tour.take(wizard, "ordinary")
        dialog = wizard.desk.show_recap()
        tour.take(wizard, "recap", widget=dialog)
        dialog.close()


def last_mail(data_dir: Path, subject: str) -> str:
    """The plain text of the newest mail of the sandbox's Maildir with ``subject``."""
    import email
    import email.policy
    import mailbox
    from email.message import EmailMessage

    box = mailbox.Maildir(data_dir / "sandbox" / "mail", create=False)
    found = []
    for key in box.iterkeys():
        parsed = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        if isinstance(parsed, EmailMessage) and parsed["Subject"] == subject:
            body = parsed.get_body(preferencelist=("plain",))
            if isinstance(body, EmailMessage):
                found.append((parsed["Date"].datetime, str(body.get_content())))
    return max(found, key=lambda pair: pair[0])[1] if found else ""


def today_scene(tour: Tour, folder: str) -> None:
    """« Parcours du portail actuel », page by page (help shown in French only)."""
    import re

    import pyotp

    def shoot(wizard: SignupWizard, state: str = "ordinary") -> None:
        tour.take(wizard, state)
        if tour.lang == "fr" and state == "ordinary":
            tour.help(wizard)

    with tour.wizard(folder, "--parcours", "portail-actuel") as wizard:
        data_dir = tour.root / folder
        account = page(wizard, PageId.TODAY_ACCOUNT)
        account.email.setText("sacha.petit@exemple.fr")  # type: ignore[attr-defined]
        account.nom.setText("Petit")  # type: ignore[attr-defined]
        account.prenom.setText("Sacha")  # type: ignore[attr-defined]
        account.terms.setChecked(True)  # type: ignore[attr-defined]
        shoot(wizard)
        go_next(wizard, PageId.TODAY_ACTIVATE)
        activate = page(wizard, PageId.TODAY_ACTIVATE)
        mail = last_mail(data_dir, "Activez votre compte Chorus Pro")
        link = next(line for line in mail.splitlines() if "code=" in line)
        activate.code.setText(link.strip())  # type: ignore[attr-defined]
        activate.password.setText("Tournesol-Vert-42")  # type: ignore[attr-defined]
        activate.confirm.setText("Tournesol-Vert-42")  # type: ignore[attr-defined]
        shoot(wizard)
        go_next(wizard, PageId.TODAY_LOGIN)
        login = page(wizard, PageId.TODAY_LOGIN)
        wizard.next()
        settle(lambda: login.code_row.isVisible())  # type: ignore[attr-defined]
        if tour.lang == "fr":
            tour.take(wizard, "mail-code")
        sent = last_mail(data_dir, "Chorus Pro - Votre code de connexion")
        match = re.search(r"^(\d{6})$", sent, re.M)
        assert match is not None
        login.code.setText(match.group(1))  # type: ignore[attr-defined]
        wizard.next()
        settle(lambda: login.qr.isVisible())  # type: ignore[attr-defined]
        wait_idle(wizard)
        shoot(wizard)
        uri = login.uri.text()  # type: ignore[attr-defined]
        login.code.setText(pyotp.parse_uri(uri).now())  # type: ignore[attr-defined]
        go_next(wizard, PageId.TODAY_STRUCTURE)
        structure = page(wizard, PageId.TODAY_STRUCTURE)
        settle(lambda: bool(structure.switches))  # type: ignore[attr-defined]
        structure.fields["identifier"].setText(SIRET)  # type: ignore[attr-defined]
        settle(lambda: bool(structure.fields["ville"].text()))  # type: ignore[attr-defined]
        wait_idle(wizard)
        shoot(wizard)
        go_next(wizard, PageId.TODAY_DONE)
        shoot(wizard)


def newcomer_scene(tour: Tour) -> None:
    """What a newcomer's walk asked for: the name search's first choice, step 3's warning and
    quit question, the mail viewer's links, a resume without a keychain."""
    from demo import to_workspaces

    from chorus_wizard.ui.pages.activate import ActivatePage
    from chorus_wizard.ui.pages.identify import IdentifyPage

    with tour.wizard("newcomer") as wizard:
        identify = page(wizard, PageId.IDENTIFY)
        assert isinstance(identify, IdentifyPage)
        dialog = identify.open_company_search()
        dialog.name.setText("la poste")
        dialog.search_now()
        settle(lambda: dialog.results.count() > 0 and not dialog.busy.isVisible())
        tour.take(wizard, "search", widget=dialog)
        dialog.reject()
        settle()
        to_workspaces(wizard, "nouvelle@exemple.fr", OTHER_SIRET)
        spaces = page(wizard, PageId.WORKSPACES)
        wizard.reject()  # « Annuler »: an account exists
        settle(lambda: wizard.quit_question is not None)
        box = wizard.quit_question
        assert box is not None
        tour.take(wizard, "quit-question", widget=box)
        box.reject()  # « Rester »
        settle(lambda: wizard.quit_question is None)
        for code in ("FACTURES_EMISES", "SOLLICITATIONS_EMISES"):
            spaces.switches[code].setChecked(False)  # type: ignore[attr-defined]
        tour.take(wizard, "defaults-off")
        spaces.switches["FACTURES_EMISES"].setChecked(True)  # type: ignore[attr-defined]
        go_next(wizard, PageId.ACTIVATE)
        activate = page(wizard, PageId.ACTIVATE)
        assert isinstance(activate, ActivatePage)
        activate.show_mail.click()
        settle(lambda: activate.mail_viewer is not None and activate.mail_viewer.isVisible())
        viewer = activate.mail_viewer
        assert viewer is not None
        tour.take(wizard, "mail", widget=viewer)
        viewer.close()
    use_memory_keychain(False)  # no system keychain: the signup token is not kept
    try:
        with tour.wizard("no-keychain") as wizard:
            spaces = to_workspaces(wizard, "sans-trousseau@exemple.fr", LOCKED_SIRET)
            spaces.switches["FACTURES_RECUES"].setChecked(True)  # type: ignore[attr-defined]
            settle()
        with tour.wizard("no-keychain") as wizard:
            resume(wizard, PageId.ACTIVATE)
            tour.take(wizard, "resumed-no-keychain")
    finally:
        use_memory_keychain()


def english_defaults_scene(tour: Tour) -> None:
    with tour.wizard("en-defaults") as wizard:
        from demo import to_workspaces

        spaces = to_workspaces(wizard, "workspaces@exemple.fr", OTHER_SIRET)
        for code in ("FACTURES_EMISES", "SOLLICITATIONS_EMISES"):
            spaces.switches[code].setChecked(False)  # type: ignore[attr-defined]
        tour.take(wizard, "defaults-off")


def today_resume_scene(tour: Tour, folder: str) -> None:
    """Today's path closed after the account, the activation, then the second factor: each
    time restarted and « Reprendre » taken; then « Suivant » asks to log in again."""
    import re

    import pyotp

    email = "reprise.portail@exemple.fr"
    password = "Tournesol-Vert-42"
    data_dir = tour.root / folder

    def reopen(wizard: SignupWizard, expected: PageId, *, offer: bool = False) -> Page:
        account = page(wizard, PageId.TODAY_ACCOUNT)
        settle(lambda: account.resume_box.isVisible())  # type: ignore[attr-defined]
        if offer:
            tour.take(wizard, "resume-offer")
        account.resume_box.resume_button.click()  # type: ignore[attr-defined]
        return arrived(wizard, expected)

    options = ("--parcours", "portail-actuel")
    with tour.wizard(folder, *options) as wizard:
        account = page(wizard, PageId.TODAY_ACCOUNT)
        account.email.setText(email)  # type: ignore[attr-defined]
        account.nom.setText("Martin")  # type: ignore[attr-defined]
        account.prenom.setText("Élise")  # type: ignore[attr-defined]
        account.terms.setChecked(True)  # type: ignore[attr-defined]
        go_next(wizard, PageId.TODAY_ACTIVATE)
    with tour.wizard(folder, *options) as wizard:
        activate = reopen(wizard, PageId.TODAY_ACTIVATE, offer=True)
        tour.take(wizard, "resumed")
        mail = last_mail(data_dir, "Activez votre compte Chorus Pro")
        link = next(line for line in mail.splitlines() if "code=" in line)
        activate.code.setText(link.strip())  # type: ignore[attr-defined]
        activate.password.setText(password)  # type: ignore[attr-defined]
        activate.confirm.setText(password)  # type: ignore[attr-defined]
        go_next(wizard, PageId.TODAY_LOGIN)
    with tour.wizard(folder, *options) as wizard:
        login = reopen(wizard, PageId.TODAY_LOGIN)
        tour.take(wizard, "resumed")
        login.password.setText(password)  # type: ignore[attr-defined]
        wizard.next()
        settle(lambda: login.code_row.isVisible())  # type: ignore[attr-defined]
        sent = last_mail(data_dir, "Chorus Pro - Votre code de connexion")
        match = re.search(r"^(\d{6})$", sent, re.M)
        assert match is not None
        login.code.setText(match.group(1))  # type: ignore[attr-defined]
        wizard.next()
        settle(lambda: login.qr.isVisible())  # type: ignore[attr-defined]
        authenticator = pyotp.parse_uri(login.uri.text())  # type: ignore[attr-defined]
        login.code.setText(authenticator.now())  # type: ignore[attr-defined]
        structure = go_next(wizard, PageId.TODAY_STRUCTURE)
        settle(lambda: bool(structure.switches))  # type: ignore[attr-defined]
        structure.fields["identifier"].setText(SIRET)  # type: ignore[attr-defined]
        settle(lambda: bool(structure.fields["ville"].text()))  # type: ignore[attr-defined]
        wait_idle(wizard)
    with tour.wizard(folder, *options) as wizard:
        reopen(wizard, PageId.TODAY_STRUCTURE)
        wait_idle(wizard)
        tour.take(wizard, "resumed")
        go_next(wizard, PageId.TODAY_LOGIN)
        tour.take(wizard, "log-in-again")


def write_index(out: Path) -> None:
    """``README.md``: one row per shot, with a link to each width."""
    lines = [
        "# Screenshot tour",
        "",
        "Every page of the wizard, in its ordinary state and after something happened, at "
        f"{' and '.join(str(w) for w in WIDTHS)} pixels wide ({HEIGHT} high), against the "
        "embedded sandbox. Regenerate with `uv run python scripts/screenshot_tour.py` "
        "(headless; see the script's docstring).",
        "",
        "| Page | State | " + " | ".join(f"{w} px" for w in WIDTHS) + " | What it shows |",
        "|---|---|" + "---|" * len(WIDTHS) + "---|",
    ]
    for shot in SHOTS:
        state = shot.state if shot.lang == "fr" else f"{shot.state}, English"
        links = " | ".join(f"[{w}]({shot.file(w)})" for w in WIDTHS)
        lines.append(f"| {TITLES[shot.page]} | {state} | {links} | {shot.says} |")
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


#: The scenes, in order: (interface language, what it shows, the scene). Each runs in data
#: folders of its own, but for the refused creation, which reuses the signup's.
SCENES: tuple[tuple[str, str, Callable[[Tour], None]], ...] = (
    ("fr", "signup", signup_scene),
    ("fr", "refused creation", refused_creation_scene),
    ("fr", "no SIRET", no_siret_scene),
    ("fr", "locked", locked_scene),
    ("fr", "resume", resume_scene),
    ("fr", "attachment", lambda t: attachment_scene(t, "attach", sent=True)),
    ("fr", "portal", lambda t: portal_scene(t, "portal", with_help=True)),
    ("en", "signup", english_scene),
    ("en", "attachment", lambda t: attachment_scene(t, "en-attach", sent=False)),
    ("en", "portal", lambda t: portal_scene(t, "en-portal", with_help=False)),
    ("fr", "newcomer", newcomer_scene),
    ("en", "workspaces' warning", english_defaults_scene),
    ("fr", "today's portal", lambda t: today_scene(t, "today")),
    ("en", "today's portal", lambda t: today_scene(t, "en-today")),
    ("fr", "today's portal resumed", lambda t: today_resume_scene(t, "today-resume")),
    ("en", "today's portal resumed", lambda t: today_resume_scene(t, "en-today-resume")),
)


def is_tour_png(path: Path) -> bool:
    """Whether ``path`` is named like one of the tour's PNGs (any state)."""
    name = path.name
    return name.endswith(tuple(f"-{w}.png" for w in WIDTHS)) and name.startswith(
        tuple(f"{slug}-" for slug in SLUGS.values())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    use_memory_keychain()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in filter(is_tour_png, args.out.glob("*.png")):
        old.unlink()  # a shot no longer taken must not stay behind
    root = Path(tempfile.mkdtemp(prefix="chorus-tour-"))
    app = application()
    app.setCursorFlashTime(0)  # a text cursor that does not blink: the same PNG every run
    tour = Tour(args.out, root)
    failed: list[str] = []
    try:
        for lang, label, scene in SCENES:
            tour.lang = lang
            try:
                scene(tour)
            except Exception:  # the other scenes still run; the failure is said at the end
                traceback.print_exc()
                failed.append(f"{label} ({lang})")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    write_index(args.out)
    total = sum(path.stat().st_size for path in args.out.glob("*.png"))
    print(f"{len(tour.taken) * len(WIDTHS)} PNGs, {total / 1e6:.1f} MB in {args.out}")
    missing = [shot.name for shot in SHOTS if shot not in tour.taken]
    del app
    if failed or missing:
        print(f"Scenes failed: {', '.join(failed) or 'none'}", file=sys.stderr)
        print(f"Shots not taken: {', '.join(missing) or 'none'}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
