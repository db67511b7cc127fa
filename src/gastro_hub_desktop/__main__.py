"""Lets `python -m gastro_hub_desktop` behave like the `gastro-hub` command."""

from gastro_hub_desktop.cli import main

raise SystemExit(main())
