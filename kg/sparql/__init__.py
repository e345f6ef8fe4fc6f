"""SPARQL on the exported graph: an embedded engine (kg.sparql.engine), the
bundled queries (kg.sparql.queries) and result formats (kg.sparql.output)."""
