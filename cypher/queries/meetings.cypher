// The meetings, visits, calls and talks of an official, a body or a country, by date.
// A country's include those of its officials, bodies and units. through names who took
// part, hosted, ran, mediated or headed it for the entity, with their role; undated last.
// :param entity => 'ilham-aliyev'
// :param graph => 'milcoop'
// columns: meeting, name, kind, date, place, through, participants, sources
MATCH (actor)-[joined:PARTICIPATED_IN|HOSTED|RUNS|MEDIATED|COMMANDS]->
      (gathering:Meeting {graph: $graph})
CALL (actor) {
  OPTIONAL MATCH (actor)-[:BELONGS_TO]->(home:Country)
  RETURN CASE WHEN actor:Country THEN actor.id ELSE home.id END AS country
}
WITH actor, joined, gathering, country
WHERE actor.id = $entity OR country = $entity
WITH gathering,
     coalesce(actor.name, actor.id) + ' (' + coalesce(joined.role, toLower(type(joined))) + ')'
       AS role
ORDER BY role
WITH gathering, collect(DISTINCT role) AS through
CALL (gathering) {
  OPTIONAL MATCH (gathering)-[:HELD_IN]->(site)
  WITH DISTINCT coalesce(site.name, site.id) AS place_name
  ORDER BY place_name
  RETURN collect(place_name) AS places
}
CALL (gathering) {
  OPTIONAL MATCH (participant)-[:PARTICIPATED_IN]->(gathering)
  WITH DISTINCT coalesce(participant.name, participant.id) AS participant_name
  ORDER BY participant_name
  RETURN collect(participant_name) AS participants
}
RETURN gathering.id AS meeting, coalesce(gathering.name, gathering.id) AS name,
       gathering.kind AS kind, coalesce(gathering.date, gathering.`start`) AS date,
       places AS place, through, participants,
       size(coalesce(gathering.sources, [])) AS sources
ORDER BY date, meeting
