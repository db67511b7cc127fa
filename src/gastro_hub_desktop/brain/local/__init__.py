"""The local drafting provider: replies the team sent before, and templates, no network."""
