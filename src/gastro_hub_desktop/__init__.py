"""Gastro Hub Desktop: one control panel for a small business's customer communication."""

__version__ = "0.1.0"
APP_NAME = "Gastro Hub"
APP_ID = "gastro-hub-desktop"
