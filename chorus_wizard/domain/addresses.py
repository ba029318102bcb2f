"""French postal addresses as the company directories write them, taken apart for the form.

Pure functions, no I/O. The rules follow the forms seen in real directory answers (see
``tests/data/recherche-entreprises/SOURCES.md``): one upper-case line for a secondary
establishment (``[complement] [number[-last]] [index] [type] name [box] postcode town``), CEDEX
codes and labels, distribution boxes (BP, CS, TSA…), arrondissement labels, and foreign
addresses that INSEE sometimes stores in the wrong fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chorus_wizard.texts import translate

#: INSEE ``typvoie`` codes, expanded when the value is exactly one of them.
STREET_TYPES: dict[str, str] = {
    "ALL": "ALLÉE",
    "AV": "AVENUE",
    "BD": "BOULEVARD",
    "CAR": "CARREFOUR",
    "CHE": "CHEMIN",
    "CHS": "CHAUSSÉE",
    "CITE": "CITÉ",
    "COR": "CORNICHE",
    "CRS": "COURS",
    "DOM": "DOMAINE",
    "DSC": "DESCENTE",
    "ECA": "ÉCART",
    "ESP": "ESPLANADE",
    "FG": "FAUBOURG",
    "FRM": "FERME",
    "GR": "GRANDE RUE",
    "HAM": "HAMEAU",
    "HLE": "HALLE",
    "IMP": "IMPASSE",
    "LD": "LIEU-DIT",
    "LOT": "LOTISSEMENT",
    "MAR": "MARCHÉ",
    "MTE": "MONTÉE",
    "PAS": "PASSAGE",
    "PL": "PLACE",
    "PLN": "PLAINE",
    "PLT": "PLATEAU",
    "PRO": "PROMENADE",
    "PRV": "PARVIS",
    "QUA": "QUARTIER",
    "QUAI": "QUAI",
    "RES": "RÉSIDENCE",
    "RLE": "RUELLE",
    "ROC": "ROCADE",
    "RPT": "ROND-POINT",
    "RTE": "ROUTE",
    "SEN": "SENTIER",
    "SQ": "SQUARE",
    "TPL": "TERRE-PLEIN",
    "TRA": "TRAVERSE",
    "VLA": "VILLA",
    "VLGE": "VILLAGE",
}

#: Words (or INSEE codes) of a thoroughfare: where the street part of a line starts.
THOROUGHFARES = frozenset(
    "RUE AVENUE BOULEVARD PLACE CHEMIN ROUTE IMPASSE ALLEE ALLÉE QUAI COURS SQUARE PASSAGE "  # noqa: SIM905
    "TRAVERSE RUELLE PROMENADE ESPLANADE FAUBOURG VOIE SENTIER MONTEE MONTÉE CHAUSSEE "
    "CHAUSSÉE CARREFOUR ROND-POINT PARVIS CORNICHE DESCENTE ROCADE "
    "AV BD PL CHE RTE IMP ALL SQ CRS FG PAS TRA RLE PRO ESP SEN MTE CHS CAR RPT PRV COR DSC "
    "ROC GR MAIL".split()
)
#: Words (or codes) of an area, a building group or a place name without a street.
AREAS = frozenset(
    "LIEU-DIT LIEUDIT HAMEAU LOTISSEMENT RESIDENCE RÉSIDENCE CITE CITÉ DOMAINE VILLA VILLAGE "  # noqa: SIM905
    "QUARTIER ZONE ZA ZAC ZI ZAE PARC FERME "
    "LD HAM LOT RES DOM VLA VLGE QUA FRM ECA PLT PLN".split()
)

#: Repetition indices (INSEE writes B, T, Q, C or the whole word).
REPETITION_INDEX = {"B": "BIS", "T": "TER", "Q": "QUATER", "C": "QUINQUIES"}
_INDEX_WORDS = frozenset({*REPETITION_INDEX, *REPETITION_INDEX.values()})

#: Special distribution: post-office box, CEDEX sorting box, free-post number…
_BOX = re.compile(r"\b(?:BP|B\.P\.|CS|TSA|CP|CIDEX)\s*\d+[A-Z]?\b")
_TOWN_TAIL = re.compile(
    r"(?:^|\s)(\d{5})\s+([^\d\s][^\d]*?(?:\s+CEDEX(?:\s+\d{1,2})?|\s+\d{1,2}(?:E|ER|EME)?)?)\s*$"
)
_NUMBER = re.compile(r"^(\d+)(?:-(\d+))?([A-Z])?$")
_ARRONDISSEMENT = re.compile(
    r"^(PARIS|LYON|MARSEILLE)\s+(\d{1,2})\s*(?:E|ER|EME|ÈME)?(?:\s+ARRONDISSEMENT)?$",
    re.IGNORECASE,
)
#: First postal code of each city's arrondissements (Paris 75001…, Lyon 69001…, Marseille 13001…).
_ARRONDISSEMENT_BASE = {"PARIS": 75000, "LYON": 69000, "MARSEILLE": 13000}

#: Overseas collectivities that have their own ISO 3166 code, by postal code and commune code.
OVERSEAS_COUNTRY_BY_POSTCODE = {"97133": "BL", "97150": "MF"}
OVERSEAS_COUNTRY_BY_COMMUNE = {"977": "BL", "978": "MF"}
#: Monaco: French postal codes 980xx, but a country of its own.
MONACO_POSTCODE = re.compile(r"^980\d\d$")


@dataclass(frozen=True)
class LineParts:
    """One address line taken apart; empty strings for what it did not hold."""

    street: str = ""
    complement: str = ""
    box: str = ""
    postal_code: str = ""
    city: str = ""


def street_type(value: str) -> str:
    """Expand an exact INSEE street-type code; leave full words and unknowns as they are."""
    return STREET_TYPES.get(value.strip().upper(), value.strip())


def join_type_and_name(kind: str, name: str) -> str:
    """The street type (already expanded) followed by the street name, without writing twice
    the words they share: INSEE's ``GR`` (« grande rue ») with the name ``RUE`` is
    ``GRANDE RUE``, not ``GRANDE RUE RUE``; a type repeated at the head of the name
    (``RUE`` + ``RUE DE PARIS``) is written once."""
    kind_words, name_words = kind.split(), name.split()
    for size in range(min(len(kind_words), len(name_words)), 0, -1):
        if kind_words[-size:] == name_words[:size]:
            return " ".join(kind_words + name_words[size:])
    return " ".join(kind_words + name_words)


_DANGLING_DASH = re.compile(r"(?:\s+-)+$")
_PLACE_WORDS = frozenset({"LD", "LIEU-DIT", "LIEUDIT", "LIEU", "DIT"})


def place_key(text: str) -> str:
    """A lieu-dit's name without its « LD » / « LIEU-DIT » / « LIEUDIT » mark, upper-case and
    hyphen-blind: ``LD LA VAURELLE`` and ``LIEU DIT LA VAURELLE`` have the same key."""
    words = text.upper().replace("-", " ").split()
    while words and words[0] in _PLACE_WORDS:
        words.pop(0)
    if len(words) > 1 and words[0] == "DIT":
        words.pop(0)
    return " ".join(words)


def same_place(first: str, second: str) -> bool:
    """True when two address lines name the same place, lieu-dit mark aside."""
    key = place_key(first)
    return bool(key) and key == place_key(second)


def drop_repeated_place(street: str) -> str:
    """``LIEU-DIT LES BORDES LD LES BORDES`` → ``LIEU-DIT LES BORDES``: a line that is one
    place written twice (as the street and again as the complement) keeps its first half."""
    tokens = street.split()
    for cut in range(1, len(tokens)):
        head, tail = " ".join(tokens[:cut]), " ".join(tokens[cut:])
        if same_place(head, tail):
            return head
    return street


def tidy_complement(text: str) -> str:
    """A complement without the dangling dash a cut leaves (``LOT. N3 - F -``); a number
    range such as ``6-`` stays as written."""
    return _DANGLING_DASH.sub("", text.strip())


def repetition(value: str) -> str:
    """``B`` → ``BIS``, ``T`` → ``TER``…; anything else as it is."""
    return REPETITION_INDEX.get(value.strip().upper(), value.strip())


def house_number(first: str, last: str = "") -> str:
    """``1`` and ``3`` → ``1-3`` (``dernier_numero_voie``); one number alone otherwise."""
    first, last = first.strip(), last.strip()
    if first and last and last != first:
        return f"{first}-{last}"
    return first or last


def city_label(value: str) -> str:
    """Strip the arrondissement suffix INSEE adds to Paris, Lyon and Marseille."""
    match = _ARRONDISSEMENT.match(value.strip())
    return match.group(1).upper() if match else value.strip()


def arrondissement_postcode(value: str) -> str:
    """``PARIS 13`` → ``75013``, ``LYON 3EME`` → ``69003``; ``""`` for any other label."""
    match = _ARRONDISSEMENT.match(value.strip())
    if not match:
        return ""
    number = int(match.group(2))
    city = match.group(1).upper()
    limit = {"PARIS": 20, "LYON": 9, "MARSEILLE": 16}[city]
    return f"{_ARRONDISSEMENT_BASE[city] + number:05d}" if 1 <= number <= limit else ""


def _is_street_word(token: str) -> bool:
    return token in THOROUGHFARES or token in AREAS


def split_box(text: str) -> tuple[str, str]:
    """``CS 51753 52 RUE X`` → (``52 RUE X``, ``CS 51753``): the box, wherever it stands."""
    match = _BOX.search(text)
    if not match:
        return text.strip(), ""
    rest = f"{text[: match.start()]} {text[match.end() :]}"
    return " ".join(rest.split()), " ".join(match.group(0).split())


def split_town(line: str) -> tuple[str, str, str]:
    """``… 33064 BORDEAUX CEDEX`` → (``…``, ``33064``, ``BORDEAUX CEDEX``); the line itself
    and two empty strings when it does not end with a postal code and a town."""
    match = _TOWN_TAIL.search(line)
    if not match:
        return line.strip(), "", ""
    return line[: match.start()].strip(), match.group(1), " ".join(match.group(2).split())


def normalise_street(street: str) -> str:
    """Expand the index and the street-type code that follow the house number
    (``2 B PL ROYALE`` → ``2 BIS PLACE ROYALE``; ``1-3 RUE …`` stays a range)."""
    tokens = street.split()
    out: list[str] = []
    i = 0
    if tokens and _NUMBER.match(tokens[0]):
        number = _NUMBER.match(tokens[0])
        assert number is not None
        out.append(house_number(number.group(1), number.group(2) or ""))
        if number.group(3):
            out.append(repetition(number.group(3)))
        i = 1
        if i < len(tokens) and tokens[i] in _INDEX_WORDS and i + 1 < len(tokens):
            out.append(repetition(tokens[i]))
            i += 1
    if i < len(tokens) and tokens[i] in STREET_TYPES:
        out.append(join_type_and_name(street_type(tokens[i]), " ".join(tokens[i + 1 :])))
    else:
        out.extend(tokens[i:])
    return drop_repeated_place(" ".join(out))


_GRANDE_RUE = ["GRANDE", "RUE"]


def split_leading_complement(text: str) -> tuple[str, str]:
    """(complement, street): a building or residence name standing before the street.

    ``RES LES CAPUCINES BATD 3 TRAVERSE DES PENITENTS NOIRS`` → (``RES LES CAPUCINES BATD``,
    ``3 TRAVERSE DES PENITENTS NOIRS``). The street starts at the first house number followed
    (after an index) by a street word, or else at the first street word after the start.
    """
    tokens = text.split()
    for i, token in enumerate(tokens):
        if not _NUMBER.match(token):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j] in _INDEX_WORDS:
            j += 1
        if j < len(tokens) and (_is_street_word(tokens[j]) or tokens[j : j + 2] == _GRANDE_RUE):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    first = next((i for i, t in enumerate(tokens) if t in THOROUGHFARES), None)
    if first and tokens[first - 1 : first + 1] == _GRANDE_RUE:
        first -= 1  # « GRANDE RUE DU CHÂTEAU » is a street name of its own
    if first and first + 1 < len(tokens):
        return " ".join(tokens[:first]), " ".join(tokens[first:])
    return "", text.strip()


def parse_line(line: str, postal_code: str = "", city: str = "") -> LineParts:
    """Take a one-line address (recherche-entreprises' ``adresse``) apart.

    ``postal_code`` and ``city`` are the record's own fields, when it has them: the town part
    is cut at them; a CEDEX code and label at the end of the line win over them (mail goes
    there).
    """
    text = " ".join(line.split())
    rest, code, town = split_town(text)
    if not code and postal_code and postal_code in text:
        # the line ends with the record's town in another spelling: cut at its postal code
        at = text.rindex(postal_code)
        rest, code, town = text[:at].strip(), postal_code, text[at + len(postal_code) :].strip()
    if code and "CEDEX" not in town.upper() and city:
        town = city
    rest, box = split_box(rest)
    complement, street = split_leading_complement(rest)
    return LineParts(
        street=normalise_street(street),
        complement=tidy_complement(complement),
        box=box,
        postal_code=code or postal_code,
        city=town or city,
    )


# Foreign addresses ---------------------------------------------------------------------------

_POSTCODE_TOWN = re.compile(r"^(?:[A-Z]{1,2}[- ]?)?(\d{3,6}(?:[- ]\d{3})?)\s+([^\d]+)$")
_COUNTRY_POSTCODE = re.compile(r"^[A-Z]{1,3}[- ]?(\d{3,6})$")
_TOWN_POSTCODE = re.compile(r"^([^\d]+?)\s+(\d{4,6})$")


@dataclass(frozen=True)
class ForeignParts:
    street: str
    postal_code: str
    city: str
    #: True when the fields were moved around or incomplete: the user should check them.
    uncertain: bool


def split_foreign(street: str, foreign_city: str) -> ForeignParts:
    """Street, postal code and town of a foreign establishment.

    INSEE stores them as typed at registration: often the town with its postal code in
    ``libelleCommuneEtranger`` (``20099 HAMBURG``), sometimes the other way round (``20099
    HAMBOURG`` as the street and ``AN DER ALSTER 3`` as the town), or the postal code alone
    with a country prefix (``CH 6203``).
    """
    street, foreign_city = " ".join(street.split()), " ".join(foreign_city.split())
    only_code = _COUNTRY_POSTCODE.match(foreign_city)
    in_street = _POSTCODE_TOWN.match(street)
    if only_code:
        if in_street:  # « 6203 SEMPACH STATION » / « CH 6203 »: no street at all
            return ForeignParts("", in_street.group(1), in_street.group(2).strip(), True)
        return ForeignParts(street, only_code.group(1), "", True)
    in_city = _POSTCODE_TOWN.match(foreign_city)
    if in_city:
        return ForeignParts(street, in_city.group(1), in_city.group(2).strip(), not street)
    reversed_city = _TOWN_POSTCODE.match(foreign_city)
    if reversed_city and street and not in_street:
        return ForeignParts(street, reversed_city.group(2), reversed_city.group(1), False)
    if in_street:  # « 20099 HAMBOURG » as the street, « AN DER ALSTER 3 » as the town
        return ForeignParts(foreign_city, in_street.group(1), in_street.group(2).strip(), True)
    return ForeignParts(street, "", foreign_city, not street)


def overseas_country(postal_code: str, commune: str = "") -> str:
    """ISO code of Saint-Barthélemy, Saint-Martin or Monaco for their postal or commune code;
    ``""`` for mainland France, Corsica and the overseas departments (971–976)."""
    if commune[:3] in OVERSEAS_COUNTRY_BY_COMMUNE:
        return OVERSEAS_COUNTRY_BY_COMMUNE[commune[:3]]
    if postal_code in OVERSEAS_COUNTRY_BY_POSTCODE:
        return OVERSEAS_COUNTRY_BY_POSTCODE[postal_code]
    if MONACO_POSTCODE.match(postal_code):
        return "MC"
    return ""


def postcode_problem(postcode: str, country: str) -> str | None:
    """Why ``postcode`` is not a postcode of ``country``, in French; None when it may be.

    Only France's rule is known here (five digits); elsewhere any code is taken as typed.
    """
    compact = "".join(postcode.split())
    if country.upper() == "FR" and compact and not (len(compact) == 5 and compact.isdigit()):
        return translate("rules", "Un code postal français comporte 5 chiffres.")
    return None
