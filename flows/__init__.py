"""tintuc: Vietnamese news articles in, a bilingual SQLite warehouse out."""
