"""Read files into documents: bytes to text, the formats tintuc reads, normalisation, language."""
