"""The sandbox's rehearsal of today's Chorus Pro portal (contract: contracts/portal.py).

``routes`` translates HTTP to :class:`~chorus_wizard.sandbox.portal.desk.PortalDesk`'s rules;
``queries`` holds the storage queries of its tables (schema.py, version 3); ``totp`` is the
server side of the authenticator (RFC 6238); ``mails`` the two mails it sends.
"""
