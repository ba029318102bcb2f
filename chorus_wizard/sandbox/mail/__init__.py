"""The sandbox's mail: the transactional outbox (Maildir), the optional SMTP relay, /courriels."""
