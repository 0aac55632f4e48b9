// Weakly supported facts: the relationships stated by at most max_sources reports.
// With 1, those that rest on a single report's word. The least supported come first.
// Provenance and the derived relationships (TIES_WITH, BELONGS_TO) are not facts: left out.
// :param max_sources => 1
// :param graph => 'milcoop'
// columns: source, source_name, relationship, target, target_name, sources, articles
MATCH (one)-[link]->(two)
WHERE one.graph = $graph AND NOT type(link) IN ['MENTIONS', 'TIES_WITH', 'BELONGS_TO']
  AND size(coalesce(link.sources, [])) <= $max_sources
RETURN one.id AS source, coalesce(one.name, one.id) AS source_name, type(link) AS relationship,
       two.id AS target, coalesce(two.name, two.id) AS target_name,
       size(coalesce(link.sources, [])) AS sources, coalesce(link.sources, []) AS articles
ORDER BY sources, relationship, source, target
