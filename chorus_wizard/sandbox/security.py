"""Secrets of the sandbox: random codes and tokens, their hashes, and scrypt password hashing.

Codes and tokens carry 256 bits from :mod:`secrets` and are stored as SHA-256 digests only;
passwords and secret answers are stored with scrypt and a random salt per value.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCRYPT_LEN = 32


def new_secret() -> str:
    """A URL-safe random string carrying 256 bits (activation codes, tokens)."""
    return secrets.token_urlsafe(32)


def digest(value: str) -> str:
    """SHA-256 of a high-entropy secret, as hex: enough for values nobody can guess."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def same_digest(value: str, stored: str | None) -> bool:
    """Constant-time check that ``value`` hashes to ``stored``."""
    return stored is not None and hmac.compare_digest(digest(value), stored)


def scrypt_hash(secret: str) -> str:
    """``scrypt$n$r$p$salt$hash`` for a low-entropy secret (password, secret answer)."""
    salt = secrets.token_bytes(16)
    derived = hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=_SCRYPT_LEN
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${derived.hex()}"


def scrypt_matches(secret: str, stored: str | None) -> bool:
    """Whether ``secret`` is the one :func:`scrypt_hash` stored as ``stored``."""
    if not stored:
        return False
    try:
        _, n, r, p, salt, expected = stored.split("$")
        derived = hashlib.scrypt(
            secret.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected) // 2,
        )
    except ValueError:
        return False
    return hmac.compare_digest(derived.hex(), expected)
