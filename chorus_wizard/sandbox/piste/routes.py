"""PISTE-like routes: the OAuth token service and the Chorus Pro services the real API has.

They speak the real wire format (see ``docs/wire-format.md``) so the same client code runs
against the sandbox and against Chorus Pro.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import math
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from chorus_wizard.domain.countries import countries
from chorus_wizard.domain.identifiers import NO_SIRET_LABELS, IdentifierType
from chorus_wizard.sandbox import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)
from chorus_wizard.sandbox.context import TOKEN_LIFETIME, SandboxContext
from chorus_wizard.sandbox.piste.models import (
    AttachmentsRequest,
    ConsultStructureRequest,
    LanguageRequest,
    SearchStructureRequest,
)
from chorus_wizard.sandbox.signup.throttle import source_of
from chorus_wizard.sandbox.store.storage import StructureRow

TAG = "PISTE"
OK_LIBELLE = "GCU_MSG_01_000"

#: The sandbox's technical account is attached to the structures of ``registered.json``
#: (the training structures); its password "expires" this many days after the request.
TECH_PASSWORD_DAYS_LEFT = 200

#: ``roleUtilisateur`` and statuses served by ``rattachements`` (the real words are unpublished).
ATTACHMENT_ROLE = "GESTIONNAIRE"
ATTACHMENT_ACTIVE = "ACTIF"

#: ``codeRetour`` of the sandbox's Chorus Pro errors.
CODE_INVALID_BODY = 10000
CODE_UNKNOWN_STRUCTURE = 20001
CODE_UNKNOWN_ID_TYPE = 20002


class EmptyReplyError(Exception):
    """Answer with ``status`` and ``headers`` and an empty body, as PISTE does for 401/403."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.headers = headers or {}


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _oauth_error(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse(
        {"error": error, "error_description": description},
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )


_TOKEN_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["grant_type", "client_id", "client_secret"],
                    "properties": {
                        "grant_type": {"type": "string", "enum": ["client_credentials"]},
                        "client_id": {"type": "string"},
                        "client_secret": {"type": "string"},
                        "scope": {"type": "string", "default": "openid"},
                    },
                }
            }
        },
    }
}


def build_token_router(ctx: SandboxContext) -> APIRouter:
    """``POST /api/oauth/token``: OAuth 2 client credentials, like PISTE's token service."""
    router = APIRouter(tags=[TAG])

    @router.post(
        "/api/oauth/token",
        summary="Obtenir un jeton d'accès PISTE (client_credentials)",
        openapi_extra=_TOKEN_FORM,
    )
    async def token(request: Request) -> JSONResponse:
        raw = await request.body()
        form = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)

        def field(name: str) -> str:
            values = form.get(name)
            return values[0] if values else ""

        client_id, client_secret = field("client_id"), field("client_secret")
        basic = _basic_credentials(request.headers.get("authorization", ""))
        if basic and not client_id:
            client_id, client_secret = basic
        grant_type = field("grant_type")
        if not grant_type:
            return _oauth_error(400, "invalid_request", "Missing grant_type parameter")
        if grant_type != "client_credentials":
            return _oauth_error(400, "unsupported_grant_type", "Only client_credentials is allowed")
        source, now = source_of(request), ctx.now().timestamp()
        wait = ctx.throttles.client_secret.retry_after(source, now)
        if wait is not None:
            refused = _oauth_error(429, "slow_down", "Too many failed authentications")
            refused.headers["Retry-After"] = str(wait)
            return refused
        if not (
            _same(client_id, SANDBOX_CLIENT_ID) and _same(client_secret, SANDBOX_CLIENT_SECRET)
        ):
            ctx.throttles.client_secret.failed(source, now)
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        ctx.throttles.client_secret.succeeded(source)
        scope = field("scope") or "openid"
        if scope.split() != ["openid"]:
            return _oauth_error(400, "invalid_scope", "Only the openid scope is allowed")
        access_token = ctx.tokens.issue(ctx.now())
        return JSONResponse(
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": int(TOKEN_LIFETIME.total_seconds()),
                "scope": "openid",
            },
            headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
        )

    return router


def _basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    decoded = _b64(value)
    if decoded is None or ":" not in decoded:
        return None
    user, _, password = decoded.partition(":")
    return user, password


def _b64(value: str) -> str | None:
    try:
        return base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def _ok(body: dict[str, Any], libelle: str = OK_LIBELLE) -> JSONResponse:
    return JSONResponse({"codeRetour": 0, "libelle": libelle, **body})


def _error(code: int, libelle: str) -> JSONResponse:
    return JSONResponse({"codeRetour": code, "libelle": libelle}, status_code=400)


def _vat_number(structure: StructureRow) -> str | None:
    if structure.identifier_type == IdentifierType.SIRET and structure.identifier[:9].isdigit():
        siren = int(structure.identifier[:9])
        return f"FR{(12 + 3 * (siren % 97)) % 97:02d}{structure.identifier[:9]}"
    if structure.identifier_type == IdentifierType.UE_HORS_FRANCE:
        return structure.identifier
    return None


def build_cpro_router(ctx: SandboxContext) -> APIRouter:
    """The ``/cpro/...`` services, behind PISTE's two checks (bearer token, technical account)."""

    def require_piste_auth(
        request: Request,
        authorization: Annotated[str | None, Header(description="Bearer <jeton PISTE>")] = None,
        cpro_account: Annotated[
            str | None,
            Header(alias="cpro-account", description="base64(<login>:<mot de passe>)"),
        ] = None,
    ) -> None:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not ctx.tokens.is_valid(token.strip(), ctx.now()):
            raise EmptyReplyError(
                401,
                {
                    "WWW-Authenticate": 'Bearer error="invalid_token", '
                    'error_description="Jeton absent, invalide ou expire"'
                },
            )
        source, now = source_of(request), ctx.now().timestamp()
        wait = ctx.throttles.technical_account.retry_after(source, now)
        if wait is not None:
            raise EmptyReplyError(429, {"Retry-After": str(wait)})
        decoded = _b64(cpro_account or "")
        expected = f"{SANDBOX_TECH_LOGIN}:{SANDBOX_TECH_PASSWORD}"
        if decoded is None or not _same(decoded, expected):
            if cpro_account:  # a guess; a missing header is not one
                ctx.throttles.technical_account.failed(source, now)
            detail = "absent" if not cpro_account else "inconnu ou mot de passe errone"
            raise EmptyReplyError(
                401,
                {
                    "WWW-Authenticate": 'Basic realm="cpro-account", error="invalid_account", '
                    f'error_description="Compte technique {detail}"'
                },
            )
        ctx.throttles.technical_account.succeeded(source)

    router = APIRouter(prefix="/cpro", tags=[TAG], dependencies=[Depends(require_piste_auth)])

    @router.post("/structures/v1/rechercher", summary="rechercherStructure")
    def search_structures(body: SearchStructureRequest) -> JSONResponse:
        criteria = body.structure
        id_type = criteria.typeIdentifiantStructure or None
        if id_type and id_type not in IdentifierType.__members__:
            return _error(CODE_UNKNOWN_ID_TYPE, f"Type d'identifiant inconnu\u00a0: {id_type}")
        identifier = "".join((criteria.identifiantStructure or "").split())
        params = body.parametres
        per_page, page = params.nbResultatsParPage, params.pageResultatDemandee
        with ctx.storage.transaction(write=False) as session:
            rows, total = session.search_structures(
                identifier=identifier or None,
                id_type=id_type,
                private_only=body.restreindreStructuresPrivees,
                order_by_name=params.triColonne.lower() != "identifiantstructure",
                descending=params.triSens.lower().startswith("desc"),
                limit=per_page,
                offset=(page - 1) * per_page,
            )
        return _ok(
            {
                "listeStructures": [
                    {
                        "idStructureCPP": s.id,
                        "identifiantStructure": s.identifier,
                        "typeIdentifiantStructure": s.identifier_type,
                        "designationStructure": s.raison_sociale,
                        "statut": "ACTIF",
                    }
                    for s in rows
                ],
                "parametresRetour": {
                    "nbResultatsParPage": per_page,
                    "pageCourante": page,
                    "pages": math.ceil(total / per_page),
                    "total": total,
                },
            }
        )

    def attached_structures() -> list[StructureRow]:
        with ctx.storage.transaction(write=False) as session:
            rows = [
                session.find_structure(r.identifier_type, r.identifier) for r in ctx.seed.registered
            ]
        return [row for row in rows if row is not None]

    @router.post(
        "/utilisateurs/v1/monCompte/recuperer/rattachements",
        summary="recupererRattachementsMonCompteUtilisateur",
    )
    def my_attachments(body: AttachmentsRequest | None = None) -> JSONResponse:
        # Shape of the public clients (go-choruspro utilisateurs_rattachements.go): see
        # docs/wire-format.md. The role and status words are not published: these are plausible.
        params = (body or AttachmentsRequest()).parametresRecherche
        rows = attached_structures()
        per_page, page = params.nbResultatsParPage, params.pageResultatDemandee
        shown = rows[(page - 1) * per_page : page * per_page]
        return _ok(
            {
                "listeStructureRattachement": [
                    {
                        "idRattachementStructure": s.id,
                        "idStructure": s.id,
                        "identifiantStructure": s.identifier,
                        "typeIdentifiantStructure": s.identifier_type,
                        "designationStructure": s.raison_sociale,
                        "roleUtilisateur": ATTACHMENT_ROLE,
                        "statutRattachementStructure": ATTACHMENT_ACTIVE,
                        "statutUtilisateur": ATTACHMENT_ACTIVE,
                        "listeServicesRattache": [],
                    }
                    for s in shown
                ],
                "parametresRetour": {
                    "nbResultatsParPage": per_page,
                    "pageCourante": page,
                    "pages": math.ceil(len(rows) / per_page),
                    "total": len(rows),
                },
            }
        )

    @router.post("/structures/v1/consulter", summary="consulterStructure")
    def consult_structure(body: ConsultStructureRequest) -> JSONResponse:
        # The public clients disagree on the request's key: idStructureCPP (chorus-api, the
        # AIFE specification) or idStructure (go-choruspro): both are taken.
        wanted = body.idStructureCPP if body.idStructureCPP is not None else body.idStructure
        if wanted is None:
            return _error(
                CODE_INVALID_BODY, "Le champ «\u00a0idStructureCPP\u00a0» est obligatoire."
            )
        with ctx.storage.transaction(write=False) as session:
            structure = session.get_structure(wanted)
            manager = session.main_manager(structure.id) if structure else None
        if structure is None:
            return _error(CODE_UNKNOWN_STRUCTURE, "Structure inconnue")
        expiry = None
        if any(row.id == structure.id for row in attached_structures()):
            # A timestamp (RFC 3339), not a bare date: go-choruspro reads it into a time.Time,
            # which takes nothing else; the project's client reads both (docs/wire-format.md).
            day = (ctx.now() + timedelta(days=TECH_PASSWORD_DAYS_LEFT)).date()
            expiry = f"{day.isoformat()}T00:00:00Z"
        particulier = structure.identifier_type == IdentifierType.PARTICULIER
        return _ok(
            {
                "informationGenerales": {
                    "idStructureCPP": structure.id,
                    "identifiantStructure": structure.identifier,
                    "typeIdentifiantStructure": structure.identifier_type,
                    "raisonSocialeStructure": structure.raison_sociale,
                    "libelleStructure": structure.libelle or structure.raison_sociale,
                    "emailStructure": manager.email if manager else None,
                    "structurePriveePublique": structure.private_public,
                    "numeroTVA": _vat_number(structure),
                    "nomStructure": manager.nom if manager and particulier else None,
                    "prenomStructure": manager.prenom if manager and particulier else None,
                    "dateExpirationMotPasseCompteTech": expiry,
                    "estValideurDeleguee": False,
                    "idStructureOrigine": None,
                    "listeStructureDupliquees": [],
                    "numeroRcsStructure": None,
                },
                "adressePostaleDuSiege": {
                    "adresse": structure.adresse,
                    "complementAdresse1": structure.complement1 or None,
                    "complementAdresse2": structure.complement2 or None,
                    "codePostal": structure.code_postal,
                    "ville": structure.ville,
                    "pays": structure.code_pays,
                    "telephone": None,
                    "indicatifTelephone": None,
                    "fax": None,
                    "indicatifFax": None,
                },
                "parametres": {
                    "codeServiceDoitEtreRenseigne": False,
                    "connexionEDI": False,
                    "estMoaUniquement": False,
                    "estValideurDelegue": False,
                    "gestionNumeroEJOuCodeService": False,
                    "getaMoa": False,
                    "nonDiffusibleInsee": False,
                    "numeroEJDoitEtreRenseigne": False,
                    "recevoirDonneesViaEDI": False,
                    "statutMiseEnPaiementNestPasRemonte": False,
                },
            }
        )

    @router.post(
        "/transverses/v1/recuperer/typeidentifiant/structure",
        summary="recupererTypeIdentifiantStructure",
    )
    def identifier_types(body: LanguageRequest | None = None) -> JSONResponse:
        labels = {IdentifierType.SIRET: "SIRET", **NO_SIRET_LABELS}
        return _ok(
            {
                "listeTypeIdentifiant": [
                    {"typeIdentifiantStructure": kind.value, "libelleTypeIdentifiant": labels[kind]}
                    for kind in IdentifierType
                ]
            }
        )

    @router.post("/transverses/v1/recuperer/pays", summary="recupererPays")
    def country_list(body: LanguageRequest | None = None) -> JSONResponse:
        # Only French and English names are offered: any other code gets French.
        language = "en" if body and body.codeLangue.strip().upper() == "EN" else "fr"
        return _ok(
            {
                "listePays": [
                    {"codePays": c.code, "libellePays": c.label} for c in countries(language)
                ]
            }
        )

    @router.get("/transverses/v1/health-check", summary="Vérifier la connexion à l'API")
    def health_check() -> JSONResponse:
        # A Spring ResponseEntity serialised as JSON, as the public clients read it
        # (go-choruspro transverses_misc.go, chorus-api HealthCheckResponse).
        return JSONResponse(
            {"headers": {}, "body": "OK", "statusCode": "OK", "statusCodeValue": 200}
        )

    return router
