"""What each field means: its tooltip, and the longer explanation behind its « ? » button.

French literals kept in one place, marked for lupdate and translated by
:meth:`FieldHelp.translated` where shown (this module stays Qt-free). The wording follows the
official guide « Créer un compte en quelques clics » where it explains a field.
"""

from __future__ import annotations

from dataclasses import dataclass

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class FieldHelp:
    """``name`` is the field as the user sees it (the « ? » button is « Aide : <name> »)."""

    name: str
    tooltip: str
    explanation: str

    def translated(self) -> FieldHelp:
        """The same help in the interface's language."""
        return FieldHelp(
            translate("FieldHelp", self.name),
            translate("FieldHelp", self.tooltip),
            translate("FieldHelp", self.explanation),
        )


FIELD_HELP: dict[str, FieldHelp] = {
    "email": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Adresse électronique de connexion"),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Votre identifiant de connexion\u00a0; le courriel d'activation y sera envoyé.",
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "C'est l'adresse qui vous servira à vous connecter à Chorus Pro, et celle où arrive le "
            "courriel d'activation. Choisissez une adresse que vous garderez\u00a0: si elle "
            "appartient à une personne qui quitte l'entreprise, plus personne ne pourra recevoir "
            "les courriels du compte ni retrouver l'accès. Une adresse consultée par plusieurs "
            "personnes (par exemple comptabilite@votre-entreprise.fr) est un bon choix.",
        ),
    ),
    "siret": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Numéro de SIRET"),
        QT_TRANSLATE_NOOP(
            "FieldHelp", "14 chiffres\u00a0: le SIREN (9 chiffres) suivi du NIC (5 chiffres)."
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le SIRET identifie un établissement de votre entreprise\u00a0: 14 chiffres, le SIREN "
            "(9 chiffres) suivi du NIC (5 chiffres). Vous le trouverez sur un extrait Kbis, l'avis "
            "de situation au répertoire Sirene de l'INSEE, vos factures, ou sur "
            "annuaire-entreprises.data.gouv.fr. Chorus Pro n'accepte qu'un établissement actif, "
            "connu de l'INSEE\u00a0: munissez-vous de ce numéro avant la saisie.",
        ),
    ),
    "no_siret": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Je n'ai pas de numéro de SIRET"),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Structure étrangère, RIDET, TAHITI, particulier ou entreprise en cours "
            "d'immatriculation.",
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Cochez cette case si votre structure n'a pas de SIRET\u00a0: structure européenne "
            "hors France (numéro de TVA intracommunautaire), structure hors Union européenne, "
            "structure de Nouvelle-Calédonie (RIDET) ou de Polynésie française (numéro TAHITI), "
            "particulier, ou entreprise en cours d'immatriculation. Choisissez ensuite le type "
            "d'identifiant.",
        ),
    ),
    "email_again": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Ressaisie de l'adresse électronique"),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Retapez l'adresse de l'étape 1, sans copier-coller, pour éviter une faute de frappe.",
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le courriel d'activation part à cette adresse\u00a0: une seule faute de frappe et il "
            "n'arrivera jamais. Retapez-la à l'identique de l'étape 1. Elle permet aussi de "
            "recevoir les notifications de Chorus Pro.",
        ),
    ),
    "raison_sociale": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Raison sociale"),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le nom officiel de l'entreprise, tel qu'il figure au répertoire de l'INSEE.",
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le nom officiel (dénomination) de votre entreprise. Il est prérempli avec les données "
            "de l'INSEE et reste modifiable. Pour un entrepreneur individuel, c'est en général "
            "«\u00a0Prénom Nom\u00a0».",
        ),
    ),
    "libelle": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Libellé de la structure"),
        "Facultatif\u00a0: le nom usuel de la structure s'il diffère de la raison sociale.",
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le nom sous lequel votre structure apparaîtra dans Chorus Pro et auprès de vos "
            "clients publics, s'il diffère de la raison sociale\u00a0: enseigne, nom commercial, "
            "nom de l'établissement. Ce champ est facultatif.",
        ),
    ),
    "payments": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Déposer des demandes de paiement"),
        QT_TRANSLATE_NOOP(
            "FieldHelp", "Cochée par défaut\u00a0: elle vous permet de transmettre vos factures."
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "La fonctionnalité «\u00a0Déposer des demandes de paiement\u00a0» est cochée par "
            "défaut. Elle vous permet de transmettre vos factures à vos clients publics. "
            "Laissez-la cochée si vous venez sur Chorus Pro pour facturer.",
        ),
    ),
    "dume": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Créer et/ou consulter des DUME"),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Réservée aux éditeurs de profils d'acheteurs\u00a0: inutile pour facturer.",
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le DUME (document unique de marché européen) est une déclaration utilisée dans les "
            "marchés publics. Cette fonctionnalité permet aux éditeurs informatiques de "
            "«\u00a0profils d'acheteurs\u00a0» (qui gèrent des places de marchés publics en ligne) "
            "de se raccorder au service DUME par API. Si vous n'êtes pas un profil d'acheteur, "
            "cocher cette case est inutile.",
        ),
    ),
    "workspaces": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Espaces de travail"),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Chaque espace ouvre une partie de Chorus Pro\u00a0; OUI pour l'ouvrir, NON pour le "
            "fermer.",
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Les espaces de travail vous donnent accès aux fonctionnalités de Chorus Pro dont vous "
            "avez besoin. «\u00a0Factures émises\u00a0» (déposer et suivre vos factures) et "
            "«\u00a0Sollicitations émises\u00a0» (poser une question à vos clients publics ou au "
            "support) sont ouverts par défaut et suffisent pour facturer. Ne rien savoir n'est pas "
            "grave\u00a0: vous pourrez ouvrir ou fermer des espaces plus tard, selon vos besoins.",
        ),
    ),
    "code": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Lien ou code d'activation"),
        QT_TRANSLATE_NOOP(
            "FieldHelp", "Collez le lien du courriel d'activation (valable 60 minutes)."
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Le courriel d'activation contient un lien valable 60 minutes. Copiez-le en entier et "
            "collez-le ici (le code seul convient aussi). Courriel introuvable\u00a0? Regardez "
            "dans les indésirables, puis cliquez sur «\u00a0Renvoyer le courriel\u00a0»\u00a0: "
            "seul le lien du dernier courriel reçu est valable.",
        ),
    ),
    "password": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Mot de passe"),
        QT_TRANSLATE_NOOP(
            "FieldHelp", "Choisissez un mot de passe qui respecte toutes les règles affichées."
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "Les règles affichées sous le champ sont celles que le serveur vérifie\u00a0; elles se "
            "cochent au fur et à mesure. Après cinq tentatives de connexion manquées, le compte "
            "est bloqué pendant une heure. Le mot de passe n'est jamais enregistré par "
            "l'assistant, sauf dans le trousseau du système si vous le demandez à la fin.",
        ),
    ),
    "question": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Question secrète"),
        QT_TRANSLATE_NOOP(
            "FieldHelp", "Elle vous permettra de récupérer votre mot de passe en cas d'oubli."
        ),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "La question secrète vous permettra de récupérer votre mot de passe en cas d'oubli. "
            "Choisissez une question dont vous seul connaissez la réponse, et dont la réponse ne "
            "changera pas avec le temps.",
        ),
    ),
    "answer": FieldHelp(
        QT_TRANSLATE_NOOP("FieldHelp", "Réponse à la question secrète"),
        QT_TRANSLATE_NOOP("FieldHelp", "Ni les majuscules ni les accents ne comptent."),
        QT_TRANSLATE_NOOP(
            "FieldHelp",
            "La réponse ne tient compte ni des majuscules ni des accents. Gardez-la pour "
            "vous\u00a0: elle n'apparaît ni dans le récapitulatif ni dans le diagnostic.",
        ),
    ),
}
