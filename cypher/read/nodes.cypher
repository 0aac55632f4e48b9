// Every node of graph $graph: its id, labels and properties.
// :param graph => 'milcoop'
MATCH (n:Milcoop)
WHERE n.graph = $graph
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
