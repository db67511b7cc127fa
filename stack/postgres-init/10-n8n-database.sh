#!/bin/sh
# Run by the postgres image once, when its data volume is empty: a database of n8n's own, so
# n8n's tables never mix with the processor's.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE DATABASE \"${N8N_POSTGRES_DB:-n8n}\" OWNER \"$POSTGRES_USER\""
