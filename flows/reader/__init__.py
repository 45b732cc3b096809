"""The reader: `tintuc read`, `tintuc export` and `tintuc browse` (a read-only web reader over Datasette)."""
