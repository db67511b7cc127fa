"""The publisher for a target's kind (no request made yet)."""

from __future__ import annotations

from gastro_hub_desktop.channels.social.settings import SocialTargetSettings, TargetKind
from gastro_hub_desktop.channels.social.types import Publisher


def publisher_for(settings: SocialTargetSettings, secret: str) -> Publisher:
    if settings.kind is TargetKind.FACEBOOK_PAGE:
        from gastro_hub_desktop.channels.social.facebook import FacebookPage

        return FacebookPage(settings, secret)
    if settings.kind is TargetKind.INSTAGRAM:
        from gastro_hub_desktop.channels.social.instagram import InstagramAccount

        return InstagramAccount(settings, secret)
    from gastro_hub_desktop.channels.social.linkedin import LinkedInPage

    return LinkedInPage(settings, secret)
