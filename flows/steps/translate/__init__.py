"""Translate vi→en with an installed Argos package: install it, decode, protect names, flag quality."""
