"""Logging to a rotating file in the data folder (the detail behind every message to the user)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def configure(log_dir: Path, verbose: bool = False) -> Path:
    path = log_dir / "gastro-hub.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.addHandler(handler)
    if verbose:
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    return path
