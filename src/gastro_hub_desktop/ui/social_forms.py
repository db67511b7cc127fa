"""What each kind of social account asks for in its Connect dialog (the Social tab), and how
the answers become that kind's settings. Secrets are marked: they go to the keyring. The words
are marked for the catalogue (context ConnectDialog) and translated where the dialog shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gastro_hub_desktop.channels.meta_pages.settings import GRAPH_API, MetaPageSettings
from gastro_hub_desktop.channels.social.settings import (
    LINKEDIN_API,
    LINKEDIN_VERSION,
    SocialTargetSettings,
    TargetKind,
)
from gastro_hub_desktop.ui.connect_dialog import AccountForm, Field


def _page(values: dict[str, Any]) -> MetaPageSettings:
    page, instagram = values["page_id"], values["instagram_account_id"]
    if not page.isdigit() or (instagram and not instagram.isdigit()):
        raise ValueError(
            QCoreApplication.translate(
                "ConnectDialog",
                "Page and Instagram ids are numbers (Meta Business Suite → Settings).",
            )
        )
    return MetaPageSettings(
        page_id=page,
        instagram_account_id=instagram,
        api_url="" if values["api_url"] in ("", GRAPH_API) else values["api_url"],
        public_url=values["public_url"],
        webhook_port=values["webhook_port"],
        poll_seconds=values["poll_seconds"],
        human_agent=values["human_agent"],
    )


FACEBOOK_PAGE = AccountForm(
    prefix="meta-page:",
    title=QT_TRANSLATE_NOOP("ConnectDialog", "Connect a Facebook Page (and its Instagram)"),
    hint=QT_TRANSLATE_NOOP(
        "ConnectDialog",
        "Messenger messages to your Facebook Page and Instagram direct messages. In Meta for "
        "Developers create an app with the Messenger and Instagram products, generate a Page "
        "access token and copy the app secret. Enter the webhook address shown after saving "
        "in the app's Webhooks settings, with the verify token below.",
    ),
    fields=(
        Field("page_id", QT_TRANSLATE_NOOP("ConnectDialog", "Page id"), required=True),
        Field(
            "instagram_account_id",
            QT_TRANSLATE_NOOP("ConnectDialog", "Instagram account id (optional)"),
        ),
        Field(
            "page_token",
            QT_TRANSLATE_NOOP("ConnectDialog", "Page access token"),
            secret=True,
            required=True,
        ),
        Field(
            "app_secret",
            QT_TRANSLATE_NOOP("ConnectDialog", "App secret"),
            secret=True,
            required=True,
        ),
        Field(
            "verify_token", QT_TRANSLATE_NOOP("ConnectDialog", "Webhook verify token"), secret=True
        ),
        Field("public_url", QT_TRANSLATE_NOOP("ConnectDialog", "Public https address (webhook)")),
        Field("webhook_port", QT_TRANSLATE_NOOP("ConnectDialog", "Webhook port on this PC"), 8767),
        Field(
            "poll_seconds",
            QT_TRANSLATE_NOOP("ConnectDialog", "Also poll every (seconds, 0 = off)"),
            0,
        ),
        Field(
            "human_agent",
            QT_TRANSLATE_NOOP(
                "ConnectDialog", "Page has the Human Agent permission (replies up to 7 days)"
            ),
            False,
        ),
        Field("api_url", QT_TRANSLATE_NOOP("ConnectDialog", "Graph API address"), GRAPH_API),
    ),
    build=_page,
)


# TargetKind.label's words, for the catalogue
TARGET_LABELS = {
    TargetKind.FACEBOOK_PAGE: QT_TRANSLATE_NOOP("ConnectDialog", "Facebook Page"),
    TargetKind.INSTAGRAM: QT_TRANSLATE_NOOP("ConnectDialog", "Instagram account"),
    TargetKind.LINKEDIN_ORG: QT_TRANSLATE_NOOP("ConnectDialog", "LinkedIn page"),
}


def _target(values: dict[str, Any]) -> SocialTargetSettings:
    settings = SocialTargetSettings(
        kind=TargetKind(values["kind"]),
        target_id=values["target_id"],
        graph_url="" if values["graph_url"] in ("", GRAPH_API) else values["graph_url"],
        linkedin_url="" if values["linkedin_url"] in ("", LINKEDIN_API) else values["linkedin_url"],
        linkedin_version=values["linkedin_version"],
    )
    settings.check()  # ValueError in plain words: shown in the dialog
    return settings


PUBLISHING = AccountForm(
    prefix="social:",
    title=QT_TRANSLATE_NOOP("ConnectDialog", "Connect a page to post to"),
    hint=QT_TRANSLATE_NOOP(
        "ConnectDialog",
        "Posts composed here go to your Facebook Page, Instagram professional account or "
        "LinkedIn organisation page. Facebook and Instagram need a Page access token with "
        "publishing rights; LinkedIn a page admin's access token (w_organization_social).",
    ),
    fields=(
        Field(
            "kind",
            QT_TRANSLATE_NOOP("ConnectDialog", "Page"),
            TargetKind.FACEBOOK_PAGE.value,
            choices=tuple((k.value, TARGET_LABELS[k]) for k in TargetKind),
        ),
        Field("target_id", QT_TRANSLATE_NOOP("ConnectDialog", "Id"), required=True),
        Field(
            "token", QT_TRANSLATE_NOOP("ConnectDialog", "Access token"), secret=True, required=True
        ),
        Field(
            "linkedin_version",
            QT_TRANSLATE_NOOP("ConnectDialog", "LinkedIn API version (YYYYMM)"),
            LINKEDIN_VERSION,
        ),
        Field("graph_url", QT_TRANSLATE_NOOP("ConnectDialog", "Graph API address"), GRAPH_API),
        Field(
            "linkedin_url", QT_TRANSLATE_NOOP("ConnectDialog", "LinkedIn API address"), LINKEDIN_API
        ),
    ),
    build=_target,
)

# (name of its accounts, Connect button, form) in the order the Social tab shows them; the
# words are translated by the bar (context KindsBar)
SOCIAL_FORMS: tuple[tuple[str, str, AccountForm], ...] = (
    (
        QT_TRANSLATE_NOOP("KindsBar", "Facebook Page messages"),
        QT_TRANSLATE_NOOP("KindsBar", "Connect Facebook Page messages…"),
        FACEBOOK_PAGE,
    ),
    (
        QT_TRANSLATE_NOOP("KindsBar", "page for posts"),
        QT_TRANSLATE_NOOP("KindsBar", "Connect page for posts…"),
        PUBLISHING,
    ),
)
