// The ids of the nodes with a relationship of one of $types (provenance: MENTIONS) to any
// of $ids in graph $graph: the articles behind a set of entities.
// :param graph => 'milcoop'
// :param ids => ['AZE']
// :param types => ['MENTIONS']
UNWIND $ids AS id
MATCH (a:Milcoop)-[r]->(n:Milcoop {graph: $graph, id: id})
WHERE a.graph = $graph AND type(r) IN $types
RETURN DISTINCT a.id AS id
