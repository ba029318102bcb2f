"""The training room's wire names, shared by the sandbox and the wizard (no FastAPI, no Qt).

The wizard reads :data:`HEALTH_ROOM_KEY` in ``GET /sandbox/v1/sante`` to name the room it is
connected to; the trainer's page and its actions live under :data:`ROOM_PATH`.
"""

ROOM_PATH = "/salle"
API_PREFIX = "/salle/v1"
#: Query parameter of the address printed at start-up: ``/salle?jeton=…``.
TOKEN_QUERY = "jeton"
#: Header carrying the token on every ``/salle/v1/…`` request.
TOKEN_HEADER = "X-Jeton-Salle"
#: Key of the health answer naming the room (the scenario's title), absent outside a room.
HEALTH_ROOM_KEY = "salle"
