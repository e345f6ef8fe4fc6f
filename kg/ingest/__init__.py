"""Reading files into clean, segmented documents: read -> clean -> segment."""
from .read import InputError, read_file
from .segment import segment

__all__ = ["InputError", "read_file", "segment"]
