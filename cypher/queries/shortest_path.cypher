// The shortest cooperation path between two entities, one row per step.
// Any relationship counts, in either direction, except provenance (MENTIONS), armed
// conflict (FOUGHT), the derived relationships (TIES_WITH, BELONGS_TO) and adversarial
// roles; at most 8 steps. Among equally short paths the first by the ids along it is
// shown. direction reads from the previous step to this one.
// :param entity => 'zakir-hasanov'
// :param other => 'TUR'
// :param graph => 'milcoop'
// columns: step, id, name, label, relationship, direction, sources
MATCH (origin:Milcoop {graph: $graph, id: $entity})
MATCH (goal:Milcoop {graph: $graph, id: $other})
MATCH path = allShortestPaths((origin)-[*..8]-(goal))
WHERE all(link IN relationships(path)
          WHERE NOT type(link) IN ['MENTIONS', 'FOUGHT', 'TIES_WITH', 'BELONGS_TO']
          AND NOT coalesce(link.role, '') IN ['belligerent', 'opponent', 'target'])
WITH path
ORDER BY reduce(acc = '', stop IN nodes(path) | acc + stop.id + ' '),
         reduce(acc = '', link IN relationships(path) |
                acc + type(link) + ' ' + startNode(link).id + ' ')
LIMIT 1
UNWIND range(0, length(path)) AS step
WITH step, nodes(path)[step] AS waypoint,
     CASE WHEN step = 0 THEN null ELSE relationships(path)[step - 1] END AS link
RETURN step, waypoint.id AS id, coalesce(waypoint.name, waypoint.id) AS name,
       head([tag IN labels(waypoint) WHERE tag <> 'Milcoop']) AS label,
       type(link) AS relationship,
       CASE WHEN link IS NULL THEN null WHEN startNode(link) = waypoint THEN '<-' ELSE '->' END
         AS direction,
       size(link.sources) AS sources
ORDER BY step
