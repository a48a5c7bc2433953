"""Persistence: the SQLAlchemy engine, sessions, ORM tables and Alembic migrations."""
