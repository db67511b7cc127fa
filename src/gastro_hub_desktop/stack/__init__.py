"""The local Docker stack (processor, n8n, PostgreSQL, Redis) driven through the Docker SDK:
read and check the compose file, apply it, report status, and heal it with a watchdog."""
