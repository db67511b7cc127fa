"""HTML is stored only after sanitizing (nh3, the Rust `ammonia` sanitizer): no scripts, no
event handlers, no styles that can hide or overlay content. What is left is safe to render."""

from __future__ import annotations


def sanitize_html(html: str | None) -> str | None:
    if html is None:
        return None
    import nh3

    return nh3.clean(html, link_rel="noopener noreferrer nofollow")
