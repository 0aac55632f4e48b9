// The timeline of an entity: its dated relationships, earliest first.
// A relationship's date is its own (date, else since), else that of the entity at its other
// end (date, else start); end is its until, else the other end's end. Undated ones are
// left out, as are provenance and the derived relationships (TIES_WITH, BELONGS_TO).
// direction reads from the entity to the other end.
// :param entity => 'AZE'
// :param graph => 'milcoop'
// columns: date, end, relationship, direction, other, other_name, other_label, role, sources
MATCH (subject:Milcoop {graph: $graph, id: $entity})-[link]-(neighbour)
WHERE NOT type(link) IN ['MENTIONS', 'TIES_WITH', 'BELONGS_TO'] AND neighbour <> subject
WITH link, neighbour, startNode(link) = subject AS outgoing,
     coalesce(link.date, link.since, neighbour.date, neighbour.`start`) AS day,
     coalesce(link.until, neighbour.`end`) AS last_day
WHERE day IS NOT NULL
RETURN day AS date, last_day AS `end`, type(link) AS relationship,
       CASE WHEN outgoing THEN '->' ELSE '<-' END AS direction, neighbour.id AS other,
       coalesce(neighbour.name, neighbour.id) AS other_name,
       head([tag IN labels(neighbour) WHERE tag <> 'Milcoop']) AS other_label,
       link.role AS role, size(coalesce(link.sources, [])) AS sources
ORDER BY date, relationship, other, direction
