"""Interactive maps of the graph: views (pure graph → graph), layout, sizes, the HTML page."""
