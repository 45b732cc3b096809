"""The pipeline's real work as plain functions; nothing here imports Prefect."""
