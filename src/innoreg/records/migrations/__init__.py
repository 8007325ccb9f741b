"""Alembic migrations, shipped inside the package (``innoreg db upgrade`` runs them)."""
