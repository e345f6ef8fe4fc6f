"""Lexical resources: administrative-division gazetteer and person-name statistics."""
