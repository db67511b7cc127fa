"""Social posting from the Social tab, against loopback Graph API and LinkedIn Posts API
stand-ins and a real keyring: connect a Facebook Page and a LinkedIn page for posts, compose
one post for both, see each published with its address; a page that refuses shows why, and
"Retry failed pages" publishes it once the problem is gone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from tests.standins.social import (
    LINKEDIN_TOKEN,
    ORG_ID,
    PAGE_ID,
    PAGE_TOKEN,
    SocialStandIn,
)

from gastro_hub_desktop.domain.messages import ChannelTab
from gastro_hub_desktop.ui.main_window import MainWindow


def test_compose_once_publish_to_two_pages_and_retry_a_refusal(
    qtbot: QtBot, keyring_window: MainWindow
) -> None:
    window = keyring_window
    social = SocialStandIn().start()
    try:
        panel = window.channel_panel(ChannelTab.SOCIAL)
        window.tabs.setCurrentWidget(panel)
        bar = window.social_accounts
        for kind, target, token in (
            ("facebook_page", PAGE_ID, PAGE_TOKEN),
            ("linkedin_org", ORG_ID, LINKEDIN_TOKEN),
        ):
            bar.connect_buttons["social:"].click()
            dialog = bar.dialog
            assert dialog is not None
            dialog.set_value("kind", kind)
            dialog.set_value("target_id", target)
            dialog.set_value("token", token)
            dialog.set_value("graph_url", social.graph_url)
            dialog.set_value("linkedin_url", social.linkedin_url)
            dialog.buttons.accepted.emit()
            qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=20000)
        qtbot.waitUntil(lambda: bar.summary.text().count("— connected") >= 2, timeout=20000)

        posts = window.social_posts
        social.linkedin_denied = True  # LinkedIn refuses this time
        posts.new_button.click()
        compose = posts.dialog
        assert compose is not None
        qtbot.waitUntil(lambda: len(compose.page_boxes) == 2, timeout=10000)
        compose.text.setPlainText("Nový konvektomat Rational iCombi Pro v showroomu!")
        compose.buttons.accepted.emit()  # no page chosen yet: said, nothing kept
        assert "Choose at least one page" in compose.result.text()
        for box in compose.page_boxes.values():
            box.setChecked(True)
        compose.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not compose.isVisible(), timeout=10000)

        def shown() -> str:
            return "\n".join(posts.posts.item(i).text() for i in range(posts.posts.count()))

        qtbot.waitUntil(lambda: "published" in shown() and "failed" in shown(), timeout=30000)
        assert len(social.fb_posts) == 1 and not social.li_posts
        social.linkedin_denied = False
        posts.posts.setCurrentRow(0)
        assert posts.retry_button.isEnabled()
        posts.retry_button.click()
        qtbot.waitUntil(lambda: shown().count("published") == 2, timeout=30000)
        assert len(social.fb_posts) == 1 and len(social.li_posts) == 1  # each page once
    finally:
        window._engine.stop()
        social.stop()
