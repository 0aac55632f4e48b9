// Every node's id, name, aliases and label in graph $graph: what a query parameter may name.
// `milcoop query --from neo4j` reads it to resolve names exactly as graph/lookup.py does on
// NetworkX (reports included, so a report's title is refused there as it is here).
// :param graph => 'milcoop'
// columns: id, name, aliases, label
MATCH (entity:Milcoop)
WHERE entity.graph = $graph
RETURN entity.id AS id, entity.name AS name, coalesce(entity.aliases, []) AS aliases,
       head([tag IN labels(entity) WHERE tag <> 'Milcoop']) AS label
ORDER BY id
