"""Entry script of the frozen app: the same as the `gastro-hub` console script
(`gastro_hub_desktop.cli:main`). PyInstaller starts here."""

from __future__ import annotations

from gastro_hub_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
