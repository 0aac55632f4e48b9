// The ids one relationship away from any of $ids in graph $graph, either direction,
// following only the $types given (the neighbourhood leaves provenance types out).
// :param graph => 'milcoop'
// :param ids => ['AZE']
// :param types => ['COOPERATES_WITH', 'PARTICIPATED_IN']
UNWIND $ids AS id
MATCH (n:Milcoop {graph: $graph, id: id})-[r]-(m:Milcoop)
WHERE m.graph = $graph AND type(r) IN $types
RETURN DISTINCT m.id AS id
