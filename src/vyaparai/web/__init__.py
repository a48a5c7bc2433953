"""The aiohttp application: web chat, webhooks, the owner's panel, health and metrics."""
