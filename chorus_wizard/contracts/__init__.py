"""Contracts of the APIs the project both serves and consumes, declared once (no Qt, no I/O).

:mod:`~chorus_wizard.contracts.signup` is the sandbox's ``/sandbox/v1`` signup API: paths,
return codes, JSON field names and the shapes of requests and answers, imported by the
sandbox (:mod:`chorus_wizard.sandbox.signup.routes`) and by the wizard's client
(:mod:`chorus_wizard.backend.signup_api`). :mod:`~chorus_wizard.contracts.fields` holds its
text fields' limits, light enough for the pages; :mod:`~chorus_wizard.contracts.identities`
the sandbox's public test identities; :mod:`~chorus_wizard.contracts.catalogue` the workspace
catalogue both ends read.
"""
