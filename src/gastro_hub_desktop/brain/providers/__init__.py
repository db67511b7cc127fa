"""Drafting providers: each turns a DraftRequest into a DraftProposal or a DraftingFailed."""
