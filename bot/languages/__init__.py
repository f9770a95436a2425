"""Per-language vocabularies: one module per language code, the same names in each."""
