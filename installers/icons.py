"""The app's icon (resources/gastro-hub.svg) drawn as the files installers want: a 256 px PNG
(Linux menus), an .ico (Windows executable and installer) and an .icns (macOS .app).

Drawn with Qt's own SVG renderer and image writers, so no extra package is needed to build."""

from __future__ import annotations

import os
from pathlib import Path

SIZE = 256


def render_icons(svg: Path, out_dir: Path) -> dict[str, Path]:
    """Write gastro-hub.png, .ico and .icns into `out_dir`; returns {suffix: path} of the ones
    Qt could write (the .icns writer is missing on some Qt builds)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons"])  # image plugins need it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a usable SVG")
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for suffix, fmt in (("png", "PNG"), ("ico", "ICO"), ("icns", "ICNS")):
        target = out_dir / f"gastro-hub.{suffix}"
        if image.save(str(target), fmt):
            written[suffix] = target
    if "png" not in written:
        raise OSError(f"Qt could not write {out_dir / 'gastro-hub.png'}")
    return written
