"""Text helpers extraction and translation share (diacritics, the glossary): neither imports the other."""
