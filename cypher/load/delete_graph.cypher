// Delete up to $batch nodes of graph $graph with their relationships; returns how many.
// Run it until it returns 0. It touches only nodes labelled Milcoop in graph $graph.
// :param graph => 'milcoop'
// :param batch => 5000
MATCH (n:Milcoop)
WHERE n.graph = $graph
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
