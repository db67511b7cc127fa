"""WhatsApp through Twilio or the Meta WhatsApp Cloud API."""
