"""The server side of a TOTP authenticator (RFC 6238 over RFC 4226's HOTP).

Written here rather than taken from a library on purpose: the tests compute every code with
an independent implementation (pyotp) from the ``otpauth://`` URI the page shows, so the two
ends are checked against each other, and against RFC 6238's own test vectors.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

from chorus_wizard.contracts.portal import TOTP_ALGORITHM, TOTP_DIGITS, TOTP_ISSUER, TOTP_PERIOD

#: Codes of this many steps before or after the current one are accepted (clock skew).
SKEW_STEPS = 1


def new_secret() -> str:
    """A random 160-bit secret in base32 without padding (RFC 4226 recommends 160 bits)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    padded = secret.upper() + "=" * (-len(secret) % 8)
    return base64.b32decode(padded)


def hotp(secret: str, counter: int, digits: int = TOTP_DIGITS) -> str:
    """RFC 4226 §5.3: HMAC-SHA-1 of the counter, dynamic truncation, ``digits`` digits."""
    mac = hmac.new(_key(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def time_step(timestamp: float, period: int = TOTP_PERIOD) -> int:
    return int(timestamp // period)


def matching_step(
    secret: str, code: str, timestamp: float, *, after: int | None = None
) -> int | None:
    """The time step whose code is ``code`` (within :data:`SKEW_STEPS` of ``timestamp``'s),
    None when none is; a step at or before ``after`` (the last one accepted) never matches:
    a code is accepted once (RFC 6238 §5.2)."""
    code = code.strip().replace(" ", "")
    if len(code) != TOTP_DIGITS or not code.isdigit():
        return None
    now = time_step(timestamp)
    for step in range(now - SKEW_STEPS, now + SKEW_STEPS + 1):
        if after is not None and step <= after:
            continue
        if hmac.compare_digest(hotp(secret, step), code):
            return step
    return None


def provisioning_uri(secret: str, account: str, issuer: str = TOTP_ISSUER) -> str:
    """The ``otpauth://totp/…`` URI authenticator apps read from a QR code (Key Uri Format)."""
    label = quote(f"{issuer}:{account}", safe="@:")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": TOTP_ALGORITHM,
            "digits": TOTP_DIGITS,
            "period": TOTP_PERIOD,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
