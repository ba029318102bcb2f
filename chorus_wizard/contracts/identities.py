"""The sandbox's built-in PISTE application and technical account: public test identities.

Documented in README; they protect nothing and are not secrets. The sandbox accepts them, the
wizard's sandbox profile sends them.
"""

SANDBOX_CLIENT_ID = "chorus-wizard-sandbox"
SANDBOX_CLIENT_SECRET = "bac-a-sable"
SANDBOX_TECH_LOGIN = "TECH_SANDBOX@chorus-wizard.invalid"
SANDBOX_TECH_PASSWORD = "bac-a-sable"
