"""Matrix: any homeserver (the business's own bridges to WhatsApp, Signal, Telegram… included),
read and answered as one account; each room is a conversation in the Chats tab."""
