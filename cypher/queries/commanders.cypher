// Who commands and leads what in a country, with the officials' ranks and titles.
// Its officials, bodies and units, and the organisations, units, events and countries they
// command or lead. An actor belongs to the country it leads, serves in or is part of
// (the nearest).
// :param country => 'AZE'
// :param graph => 'milcoop'
// columns: commander, name, rank, title, relationship, role, commands, target_name, target_label, since, until, sources
MATCH (actor)-[lead:COMMANDS|LEADS]->(target)
WHERE actor.graph = $graph
CALL (actor) {
  OPTIONAL MATCH (actor)-[:BELONGS_TO]->(home:Country)
  RETURN CASE WHEN actor:Country THEN actor.id ELSE home.id END AS country
}
WITH actor, lead, target, country
WHERE country = $country
RETURN actor.id AS commander, coalesce(actor.name, actor.id) AS name, actor.rank AS rank,
       actor.title AS title, type(lead) AS relationship, lead.role AS role,
       target.id AS commands, coalesce(target.name, target.id) AS target_name,
       head([tag IN labels(target) WHERE tag <> 'Milcoop']) AS target_label,
       lead.since AS since, lead.until AS until,
       size(coalesce(lead.sources, [])) AS sources
ORDER BY commander, relationship, commands
