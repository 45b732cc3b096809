"""Prefect's server for tintuc: its own local one, a run's temporary one, the record of both, and serving."""
