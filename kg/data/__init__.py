"""Shipped data files (gazetteer, name statistics); see SOURCES.md."""
