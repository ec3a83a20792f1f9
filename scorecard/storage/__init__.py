"""How :mod:`scorecard.store` keeps versions: a catalogue of SQL tables (SQLAlchemy Core,
portable between SQLite and PostgreSQL) pointing at content-addressed Parquet blobs.

- :mod:`~scorecard.storage.catalogue` the SQL tables;
- :mod:`~scorecard.storage.blobs` a table's rows per month as Parquet bytes, and back;
- :mod:`~scorecard.storage.results` what the store hands back (a stored version, a merge plan);
- :mod:`~scorecard.storage.legacy` the one-time migration of databases written before blobs.
"""
