"""The picture of a post: a public web address (which Instagram and Facebook fetch themselves)
or a file on this PC (uploaded by the app where the provider allows)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from gastro_hub_desktop.channels.base import ChannelProblem

MAX_BYTES = 8 * 1024 * 1024  # JPEG up to 8 MB is what Instagram and LinkedIn both take


def is_web_address(image: str) -> bool:
    return image.lower().startswith(("https://", "http://"))


def read_local(image: str, max_bytes: int = MAX_BYTES) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of a picture file, or a ChannelProblem saying why not."""
    path = Path(image).expanduser()
    if not path.is_file():
        raise ChannelProblem(
            f"The picture {path} is not there any more. Choose the picture again.", retry=False
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise ChannelProblem(
            f"The picture is {size / 1048576:.1f} MB; at most {max_bytes // 1048576} MB can be "
            "posted. Make it smaller and choose it again.",
            retry=False,
        )
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not kind.startswith("image/"):
        raise ChannelProblem(f"{path.name} is not a picture (JPEG or PNG).", retry=False)
    return path.name, path.read_bytes(), kind
