// Nodes of graph $graph by vocabulary label.
// :param graph => 'milcoop'
// :param labels => ['Country', 'Article']
MATCH (n:Milcoop)
WHERE n.graph = $graph
UNWIND labels(n) AS label
WITH label
WHERE label IN $labels
RETURN label, count(*) AS count
