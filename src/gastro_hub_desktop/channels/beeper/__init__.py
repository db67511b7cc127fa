"""Beeper Desktop's local API: the chats of every network Beeper bridges (Telegram, Signal,
WhatsApp, ...) come into the Chats tab, live over its WebSocket with polling behind it, and
replies go back through Beeper."""
