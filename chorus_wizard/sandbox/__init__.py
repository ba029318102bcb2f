"""The embedded sandbox server: a real local HTTP server that stands in for Chorus Pro.

Its public test identities are declared in :mod:`chorus_wizard.contracts.identities` (the
wizard's sandbox profile sends them too) and named here for the sandbox's own modules.
"""

from chorus_wizard.contracts.identities import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)

__all__ = [
    "SANDBOX_CLIENT_ID",
    "SANDBOX_CLIENT_SECRET",
    "SANDBOX_TECH_LOGIN",
    "SANDBOX_TECH_PASSWORD",
]
