"""Remote images in mail are blocked until the user asks; then they are fetched here (http and
https only, with a size cap), never through the message view itself."""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)
MAX_IMAGE_BYTES = 5_000_000
_REMOTE_SRC = re.compile(r"""<img[^>]+src\s*=\s*["'](https?://[^"']+)["']""", re.IGNORECASE)


def remote_images(html: str | None) -> list[str]:
    """The http(s) image addresses a message would load, in order, once each."""
    return list(dict.fromkeys(_REMOTE_SRC.findall(html or "")))


def fetch_images(urls: list[str], timeout: float = 10.0) -> dict[str, bytes]:
    """Download what can be downloaded; an image that fails is simply left out (logged)."""
    import httpx

    images: dict[str, bytes] = {}
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        for url in urls:
            try:
                with client.stream("GET", url) as response:
                    response.raise_for_status()
                    kind = response.headers.get("content-type", "")
                    if not kind.startswith("image/"):
                        log.info("not an image (%s): %s", kind, url)
                        continue
                    body = b""
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > MAX_IMAGE_BYTES:
                            raise ValueError("image larger than 5 MB")
                    images[url] = body
            except Exception as exc:
                log.info("remote image %s not loaded: %s", url, exc)
    return images
