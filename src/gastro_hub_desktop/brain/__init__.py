"""The app's brain: what drafts replies (local rules, OpenAI-compatible servers, Lindy agents)."""
