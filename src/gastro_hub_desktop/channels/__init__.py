"""Channel adapters: one package per provider behind one Channel protocol (fetch, send, health).
An adapter knows nothing of Qt or of other channels."""
