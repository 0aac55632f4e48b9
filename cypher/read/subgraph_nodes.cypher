// The nodes $ids of graph $graph: id, labels and properties.
// :param graph => 'milcoop'
// :param ids => ['AZE', 'TUR']
UNWIND $ids AS id
MATCH (n:Milcoop {graph: $graph, id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
