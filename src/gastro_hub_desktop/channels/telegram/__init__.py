"""Telegram bots (Bot API): customers' private chats and the groups the bot is in come into the
Chats tab, by long polling or by webhook, and replies go back as the bot's messages."""
