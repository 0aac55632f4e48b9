"""Pure analysis over the common NetworkX shape: projections, centrality, communities."""
