"""A provider that asks a primary (e.g. Lindy) and, when it fails, a fallback (e.g. the local
model): the fallback's proposal then says in its `basis` that the primary failed and why."""

from __future__ import annotations

import dataclasses
import logging
from typing import Protocol

from gastro_hub_desktop.domain.drafting import DraftingFailed, DraftProposal, DraftRequest

log = logging.getLogger(__name__)


class DraftProvider(Protocol):
    """What every drafting provider offers."""

    async def draft(self, request: DraftRequest) -> DraftProposal: ...


def describe(provider: DraftProvider) -> str:
    """The provider's name for the user: its `label`, else its `name`, else its class."""
    for attribute in ("label", "name"):
        value = getattr(provider, attribute, None)
        if isinstance(value, str) and value:
            return value
    return type(provider).__name__


class FallbackProvider:
    """Drafts with `primary`; on DraftingFailed, with `fallback`. Other exceptions are bugs and
    are not hidden."""

    def __init__(self, primary: DraftProvider, fallback: DraftProvider) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = getattr(primary, "name", "primary")

    @property
    def label(self) -> str:
        return f"{describe(self.primary)} (else {describe(self.fallback)})"

    async def draft(self, request: DraftRequest) -> DraftProposal:
        try:
            return await self.primary.draft(request)
        except DraftingFailed as failed:
            primary_failure = failed
        log.info(
            "draft %s: %s failed (%s); using %s",
            request.request_id,
            describe(self.primary),
            primary_failure,
            describe(self.fallback),
        )
        try:
            proposal = await self.fallback.draft(request)
        except DraftingFailed as also:
            raise DraftingFailed(
                f"{describe(self.primary)} failed: {primary_failure} "
                f"{describe(self.fallback)} failed too: {also}",
                retry=primary_failure.retry or also.retry,
            ) from also
        note = f"{describe(self.primary)} failed: {primary_failure}"
        return dataclasses.replace(proposal, basis=(note, *proposal.basis))
