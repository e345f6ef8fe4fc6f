"""Hunan news knowledge graph: Chinese regional government news into an ontology-backed graph.

The library API, from kg.api: extract_text, extract_texts, posts, to_turtle."""

__version__ = "0.1.0"
__all__ = ["extract_text", "extract_texts", "posts", "to_turtle"]


def __getattr__(name: str):
    """The API is imported on first use: `kg ner` and `kg query` need none of it."""
    if name in __all__:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
