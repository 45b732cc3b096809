"""Turn a document into rows: segments, furniture, people, organisations, places, facts, dates."""
