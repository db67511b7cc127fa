"""Plain data the whole app speaks: messages, contacts, conversations, drafts. No Qt, no SQL."""
