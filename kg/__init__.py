"""Hunan news knowledge graph: Chinese regional government news into an ontology-backed graph."""

__version__ = "0.1.0"
