"""The merged model as graphs: RDF (kg.graph.rdf) and networkx (kg.graph.network)."""
