"""pandera models of every table tintuc loads: one module per table."""
