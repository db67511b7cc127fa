"""Missive (a shared team inbox): its conversations and messages come into the Email tab, and
replies go back to Missive as drafts for the team to review and send."""
