"""Fetch pages, feeds and sitemaps politely and safely, archive every response, and hand pages to the run."""
