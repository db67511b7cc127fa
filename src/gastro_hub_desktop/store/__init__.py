"""Storage: SQLAlchemy models, migrations, queries and full-text search (SQLite or PostgreSQL)."""
