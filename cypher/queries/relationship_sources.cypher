// The sources behind the relationships between two entities, one row per evidence span.
// Each names the report (title, publisher, publication date) and where in its text the
// relationship is stated (character offsets start-end; `milcoop show` quotes them).
// Provenance and the derived relationships (TIES_WITH, BELONGS_TO) state no fact: left out.
// :param entity => 'TUR'
// :param other => 'mustafa-kemal-ataturk-2023'
// :param graph => 'milcoop'
// columns: source, relationship, target, article, title, publisher, published, start, end
MATCH (one:Milcoop {graph: $graph, id: $entity})-[link]-
      (two:Milcoop {graph: $graph, id: $other})
WHERE NOT type(link) IN ['MENTIONS', 'TIES_WITH', 'BELONGS_TO']
UNWIND link.evidence AS span
WITH link, span, last(split(span, ':')) AS offsets
WITH link, left(span, size(span) - size(offsets) - 1) AS article, split(offsets, '-') AS bounds
OPTIONAL MATCH (report:Article {graph: $graph, id: article})
RETURN startNode(link).id AS source, type(link) AS relationship, endNode(link).id AS target,
       article, report.title AS title, report.publisher AS publisher,
       report.published AS published, toInteger(bounds[0]) AS `start`,
       toInteger(bounds[1]) AS `end`
ORDER BY relationship, source, article, `start`, `end`
