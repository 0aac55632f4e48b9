// Every relationship of a vocabulary type between two nodes of graph $graph.
// :param graph => 'milcoop'
// :param types => ['COOPERATES_WITH', 'MENTIONS']
MATCH (a:Milcoop)-[r]->(b:Milcoop)
WHERE a.graph = $graph AND b.graph = $graph AND type(r) IN $types
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
