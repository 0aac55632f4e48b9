// Relationships of graph $graph by vocabulary type.
// :param graph => 'milcoop'
// :param types => ['COOPERATES_WITH', 'MENTIONS']
MATCH (a:Milcoop)-[r]->(b:Milcoop)
WHERE a.graph = $graph AND b.graph = $graph AND type(r) IN $types
RETURN type(r) AS type, count(*) AS count
