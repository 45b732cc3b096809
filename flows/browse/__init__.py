"""`tintuc browse`: a read-only web reader over the warehouse, as pages added to Datasette."""
