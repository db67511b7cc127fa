"""The engine: an asyncio loop on its own thread that owns all I/O, and the facade the GUI uses."""
