"""Stories across outlets: near-copies found by MinHash, articles grouped by what they say.

Plain functions over an article's text, no database: warehouse/copies.py and warehouse/stories.py
store and query what these compute.
"""
