"""The bureau's records: organisations, filings, IP, transfers, registries and applications in
a SQL database (SQLite by default, PostgreSQL for real), with workflows decided by the engine,
determinations that replay, and a hash-chained audit log.

Layering: ``records`` imports the engine and the rules, never ``service`` or ``cli``.
"""
