"""The signup recap (« Récapitulatif »): what was registered, as plain text and as HTML.

Qt-free and pure: built from the wizard's draft, the backend profile's label and a date, so
the same content goes to the clipboard, to the PDF and to the screen. A recap never holds a
secret: the draft has none (no password, secret answer, activation code or signup token is
ever read here), and the recap says so in its last line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from html import escape
from typing import Protocol

from chorus_wizard import rehearsal
from chorus_wizard.backend.models import AccountCreated, Lookup
from chorus_wizard.contracts import record
from chorus_wizard.contracts.catalogue import MANAGER_WORKSPACE
from chorus_wizard.contracts.portal import StructureOutcome
from chorus_wizard.contracts.record import Part, Signup, Step
from chorus_wizard.domain.identifiers import FIELD_LABELS, IdentifierType, format_siret
from chorus_wizard.domain.text import long_date
from chorus_wizard.einvoicing import advice_for
from chorus_wizard.texts import QT_TRANSLATE_NOOP, language, translate

TITLE = QT_TRANSLATE_NOOP("recap", "Récapitulatif de l'inscription à Chorus Pro")
NO_SECRET_NOTE = QT_TRANSLATE_NOOP(
    "recap",
    "Ce document ne contient ni votre mot de passe, ni la réponse à votre question secrète, ni le "
    "code d'activation\u00a0: ne les notez jamais à côté.",
)
YES = QT_TRANSLATE_NOOP("recap", "Oui")
NO = QT_TRANSLATE_NOOP("recap", "Non")
NOT_YET = QT_TRANSLATE_NOOP("recap", "pas encore choisis")
STATUS_ACTIVE = QT_TRANSLATE_NOOP("recap", "Compte activé")
STATUS_PENDING = QT_TRANSLATE_NOOP(
    "recap",
    "Compte créé, en attente d'activation (courriel envoyé)",
)
MANAGER_GIVEN = QT_TRANSLATE_NOOP("recap", " (ouvert d'office au gestionnaire principal)")
STATUS_NOT_CREATED = QT_TRANSLATE_NOOP("recap", "Compte pas encore créé")
STATUS_EXISTING = QT_TRANSLATE_NOOP(
    "recap", "Structure déjà inscrite\u00a0: demande de rattachement"
)


#: Today's portal path (``--parcours portail-actuel``): where its account stands.
TODAY_ACTIVATED = QT_TRANSLATE_NOOP(
    "recap", "Compte activé, double authentification pas encore configurée"
)
TODAY_SECURED = QT_TRANSLATE_NOOP(
    "recap", "Compte activé, double authentification configurée (application)"
)
TODAY_REHEARSED = QT_TRANSLATE_NOOP(
    "recap",
    "Compte d'essai activé avec double authentification dans le bac à sable (pas sur Chorus Pro)",
)
STRUCTURE_CREATED = QT_TRANSLATE_NOOP("recap", "Créée : vous en êtes le gestionnaire principal")
STRUCTURE_JOIN = QT_TRANSLATE_NOOP("recap", "Rattachement demandé (la structure existait déjà)")
STRUCTURE_NOT_YET = QT_TRANSLATE_NOOP("recap", "Pas encore enregistrée")
TODAY_NO_SECRET_NOTE = QT_TRANSLATE_NOOP(
    "recap",
    "Ce document ne contient ni votre mot de passe, ni un code de connexion, ni le lien de votre "
    "application d'authentification : ne les notez jamais à côté.",
)
JOIN_NO_SPACES = QT_TRANSLATE_NOOP(
    "recap", "aucun : le gestionnaire de la structure doit d'abord accepter votre demande"
)


class TodayLike(Protocol):
    """What today's portal path has done (``ui/pages/today.py``'s ``TodayState``): the steps
    passed (1 account created, 2 activated, 3 second factor passed) and the structure's
    outcome (``contracts.portal.StructureOutcome``'s value, "" before)."""

    @property
    def reached(self) -> int: ...
    @property
    def structure(self) -> str: ...


class DraftLike(Protocol):
    """The part of the wizard's draft a recap reads (``SignupDraft`` has it)."""

    @property
    def signup(self) -> Signup: ...
    @property
    def lookup(self) -> Lookup | None: ...
    @property
    def account(self) -> AccountCreated | None: ...
    @property
    def workspaces(self) -> list[str]: ...
    @property
    def activated(self) -> bool: ...


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[tuple[str, str], ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recap:
    """A title, a date line, then sections of (label, value) rows or of list items."""

    title: str
    dated: str
    sections: tuple[Section, ...]
    note: str = NO_SECRET_NOTE
    #: Under the title: a rehearsal on the sandbox says it is not a registration ("" if real).
    warning: str = ""


def date_text(moment: datetime) -> str:
    """« le 27 novembre 2025 à 14 h 05 » (« on 27 November 2025 at 14:05 »)."""
    return translate("recap", "le {date} à {hour} h {minute}").format(
        date=long_date(moment.date(), language()), hour=moment.hour, minute=f"{moment.minute:02d}"
    )


def identifier_text(kind: IdentifierType, identifier: str) -> str:
    return format_siret(identifier) if kind is IdentifierType.SIRET else identifier


def _signup_of(draft: DraftLike) -> Signup:
    """The record as validated, else with the structure prefilled from the directory (step 2
    not validated yet)."""
    signup = draft.signup
    lookup = draft.lookup
    if signup.identifier or lookup is None:
        return signup
    company = lookup.company
    prefilled = {
        f.name: getattr(company, f.name)
        for f in record.on_step(Step.COMPLETE, Part.STRUCTURE)
        if company is not None
    }
    return replace(
        signup, identifier_type=lookup.identifier_type, identifier=lookup.identifier, **prefilled
    )


def _text_rows(signup: Signup, part: Part) -> list[tuple[str, str]]:
    """(label, value) of each text field of step 2 about ``part`` that holds a value."""
    return [
        (translate("signup", f.label), getattr(signup, f.name))
        for f in record.on_step(Step.COMPLETE, part)
        if f.kind is str and f.name != "code_pays" and getattr(signup, f.name)
    ]


def _status(draft: DraftLike) -> str:
    if draft.activated:
        return translate("recap", STATUS_ACTIVE)
    if draft.account is not None:
        return translate("recap", STATUS_PENDING)
    if draft.lookup is not None and draft.lookup.existing is not None:
        return translate("recap", STATUS_EXISTING)
    return translate("recap", STATUS_NOT_CREATED)


def _today_status(today: TodayLike, is_rehearsal: bool) -> str:
    if today.reached >= 3:  # the second factor passed
        if is_rehearsal:
            return translate("recap", TODAY_REHEARSED)
        return translate("recap", TODAY_SECURED)
    if today.reached == 2:
        return translate("recap", TODAY_ACTIVATED)
    if today.reached == 1:
        return translate("recap", STATUS_PENDING)
    return translate("recap", STATUS_NOT_CREATED)


def _today_structure(today: TodayLike) -> str:
    if today.structure == StructureOutcome.CREATED:
        return translate("recap", STRUCTURE_CREATED)
    if today.structure == StructureOutcome.JOIN_REQUESTED:
        return translate("recap", STRUCTURE_JOIN)
    return translate("recap", STRUCTURE_NOT_YET)


def build_recap(
    draft: DraftLike,
    *,
    profile_label: str,
    now: datetime,
    workspace_labels: Mapping[str, str] | None = None,
    country_labels: Mapping[str, str] | None = None,
    is_rehearsal: bool = False,
    today: TodayLike | None = None,
) -> Recap:
    """The recap of ``draft``; ``workspace_labels`` and ``country_labels`` name the codes.
    ``today`` is given on today's portal path: its account's state and structure's outcome,
    and no « Fonctionnalités » (that path never asks them)."""
    labels = workspace_labels or {}
    countries = country_labels or {}
    signup = _signup_of(draft)
    account_rows: list[tuple[str, str]] = [
        (translate("recap", "État"), _status(draft)),
        (translate("signup", record.BY_NAME["email"].label), signup.email),
        *_text_rows(signup, Part.PERSON),
    ]
    if draft.account is not None:
        account_rows.append(
            (translate("recap", "Numéro du compte utilisateur"), str(draft.account.account_id))
        )
        account_rows.append(
            (translate("recap", "Numéro de la structure"), str(draft.account.structure_id))
        )
    structure_rows: list[tuple[str, str]] = []
    if signup.identifier:
        structure_rows.append(
            (
                translate("identifiers", FIELD_LABELS[signup.identifier_type]),
                identifier_text(signup.identifier_type, signup.identifier),
            )
        )
    structure_rows += _text_rows(signup, Part.STRUCTURE)
    if signup.identifier:
        code = signup.code_pays
        structure_rows.append(
            (translate("signup", record.BY_NAME["code_pays"].label), countries.get(code, code))
        )
    features = tuple(
        (translate("signup", f.label), translate("recap", YES if getattr(signup, f.name) else NO))
        for f in record.on_step(Step.COMPLETE)
        if f.kind is bool
    )
    given = translate("recap", MANAGER_GIVEN)  # not a choice of step 3: said so
    spaces: Sequence[str] = [
        labels.get(code, code) + (given if code == MANAGER_WORKSPACE else "")
        for code in draft.workspaces
    ]
    no_spaces = translate("recap", NOT_YET)
    if today is not None:
        account_rows[0] = (account_rows[0][0], _today_status(today, is_rehearsal))
        structure_rows.insert(0, (translate("recap", "État"), _today_structure(today)))
        if today.structure == StructureOutcome.JOIN_REQUESTED:
            no_spaces = translate("recap", JOIN_NO_SPACES)
    sections = [
        Section(translate("recap", "Compte utilisateur"), tuple(account_rows)),
        Section(translate("recap", "Structure"), tuple(structure_rows)),
        *([Section(translate("recap", "Fonctionnalités"), features)] if today is None else []),
        Section(
            translate(
                "recap",
                "Espaces de travail ouverts",
            ),
            items=tuple(spaces) or (no_spaces,),
        ),
        Section(translate("recap", "Serveur"), ((translate("recap", "Profil"), profile_label),)),
        *einvoicing_sections(draft),
    ]
    if is_rehearsal and draft.activated:
        account_rows[0] = (account_rows[0][0], rehearsal.said(rehearsal.RECAP_STATUS_ACTIVE))
        sections[0] = Section(sections[0].title, tuple(account_rows))
    return Recap(
        translate("recap", TITLE),
        translate("recap", "Établi {date}").format(date=date_text(now)),
        tuple(sections),
        translate("recap", NO_SECRET_NOTE if today is None else TODAY_NO_SECRET_NOTE),
        rehearsal.said(rehearsal.RECAP_WARNING) if is_rehearsal else "",
    )


def company_category(draft: DraftLike) -> str:
    """The directory's ``categorie_entreprise`` of the business (``""`` when it gives none)."""
    lookup = draft.lookup
    company = lookup.company if lookup is not None else None
    return company.categorie_entreprise if company is not None else ""


def einvoicing_sections(draft: DraftLike) -> tuple[Section, ...]:
    """Electronic invoicing since 1 September 2026: this business's category and what follows
    for it, then the checklist to designate a Plateforme Agréée (data: einvoicing.toml)."""
    advice = advice_for(company_category(draft), language())
    # « ; » takes a no-break space before it in French only
    stays = ("; " if language() == "en" else "\u00a0; ").join(advice.stays_on_chorus_pro)
    return (
        Section(
            translate("recap", "Facturation électronique\u00a0: ce qui suit pour vous"),
            ((translate("recap", "Catégorie d'entreprise"), advice.category_name),),
            items=(*advice.obligations, f"{advice.stay_heading} {stays}."),
        ),
        Section(
            advice.checklist_title,
            items=(
                *advice.checklist,
                advice.annuaire,
                translate("recap", "Annuaire\u00a0: {url} (mode d'emploi\u00a0: {guide})").format(
                    url=advice.annuaire_url, guide=advice.annuaire_guide_url
                ),
            ),
        ),
    )


def recap_text(recap: Recap) -> str:
    """Plain text for the clipboard (one « label : valeur » a line)."""
    lines = [recap.title, *([recap.warning] if recap.warning else []), recap.dated, ""]
    for section in recap.sections:
        lines.append(section.title)
        row = translate("recap", "  {label}\u00a0: {value}")
        lines.extend(row.format(label=label, value=value) for label, value in section.rows)
        lines.extend(f"  - {item}" for item in section.items)
        lines.append("")
    lines.append(recap.note)
    return "\n".join(lines) + "\n"


def recap_html(recap: Recap) -> str:
    """Simple HTML that QTextDocument renders (screen and PDF)."""
    parts = [
        "<html><body>",
        f"<h2>{escape(recap.title)}</h2>",
    ]
    if recap.warning:
        parts.append(
            '<p style="color: #8a1212; border: 2px solid #8a1212; padding: 6px">'
            f"<b>{escape(recap.warning)}</b></p>"
        )
    parts += [
        f"<p>{escape(recap.dated)}</p>",
    ]
    for section in recap.sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        if section.rows:
            parts.append('<table cellspacing="0" cellpadding="3">')
            parts.extend(
                f'<tr><td width="45%">{escape(label)}</td><td><b>{escape(value)}</b></td></tr>'
                for label, value in section.rows
            )
            parts.append("</table>")
        if section.items:
            parts.append("<ul>")
            parts.extend(f"<li>{escape(item)}</li>" for item in section.items)
            parts.append("</ul>")
    parts.append(f"<p><i>{escape(recap.note)}</i></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def recap_file_name(recap_of: DraftLike, now: datetime) -> str:
    """``recapitulatif-chorus-pro-13002526500013-2025-11-27.pdf``."""
    identifier = _signup_of(recap_of).identifier
    safe = "".join(ch for ch in identifier if ch.isalnum())
    middle = f"-{safe}" if safe else ""
    return f"recapitulatif-chorus-pro{middle}-{now:%Y-%m-%d}.pdf"
