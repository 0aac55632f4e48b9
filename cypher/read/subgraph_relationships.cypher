// The relationships of a vocabulary type between any two of the nodes $ids of graph $graph.
// :param graph => 'milcoop'
// :param ids => ['AZE', 'TUR']
// :param types => ['COOPERATES_WITH', 'MENTIONS']
UNWIND $ids AS id
MATCH (a:Milcoop {graph: $graph, id: id})-[r]->(b:Milcoop)
WHERE b.graph = $graph AND b.id IN $ids AND type(r) IN $types
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
