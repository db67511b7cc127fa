"""Email over IMAP and SMTP (Gmail, Microsoft 365, any server)."""
