"""Qt widgets and models only: no I/O here, everything goes through the engine facade."""
