"""The embedded sandbox server: a real local HTTP server that stands in for Chorus Pro.

The credentials below are the sandbox's built-in, public test identities (documented in
README); they protect nothing and are not secrets.
"""

SANDBOX_CLIENT_ID = "chorus-wizard-sandbox"
SANDBOX_CLIENT_SECRET = "bac-a-sable"
SANDBOX_TECH_LOGIN = "TECH_SANDBOX@chorus-wizard.invalid"
SANDBOX_TECH_PASSWORD = "bac-a-sable"
