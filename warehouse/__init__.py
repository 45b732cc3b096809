"""The warehouse: the only package that imports SQLAlchemy."""
