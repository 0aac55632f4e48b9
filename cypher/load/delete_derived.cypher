// Delete up to $batch of graph $graph's derived relationships (of $types: BELONGS_TO and
// TIES_WITH, which no report states); returns how many. Run it until it returns 0: every
// load deletes them and writes them again from the facts.
// :param graph => 'milcoop'
// :param batch => 5000
// :param types => ['BELONGS_TO', 'TIES_WITH']
MATCH (:Milcoop {graph: $graph})-[derived]->(:Country)
WHERE type(derived) IN $types
WITH derived LIMIT $batch
DELETE derived
RETURN count(*) AS deleted
