"""Facebook Page messages (Messenger) and Instagram direct messages through the Meta Graph API:
settings, the Send API and Conversations API client, webhook parsing, errors and the 24-hour /
human-agent messaging rules."""
