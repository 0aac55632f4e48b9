// Exercises in a period, earliest first: participants, dates, place and size.
// An exercise is in the period when its days (start to end, or its date) overlap it, each
// date compared at the precision both know ('2023' covers '2023-10-23'); undated
// exercises are left out. countries are the participants' countries (adversarial roles
// left out); personnel is the reported size; sources counts the reports.
// :param since => '2023'
// :param until => '2024-12-31'
// :param graph => 'milcoop'
// columns: exercise, name, kind, status, start, end, place, participants, countries, personnel, personnel_qualifier, sources
MATCH (drill:Exercise {graph: $graph})
WITH drill, coalesce(drill.`start`, drill.date) AS first_day,
     coalesce(drill.`end`, drill.date, drill.`start`) AS last_day
WHERE first_day IS NOT NULL
  AND last_day >= left($since, size(last_day))
  AND left(first_day, size($until)) <= $until
CALL (drill) {
  OPTIONAL MATCH (drill)-[:HELD_IN]->(site)
  WITH DISTINCT coalesce(site.name, site.id) AS place_name
  ORDER BY place_name
  RETURN collect(place_name) AS places
}
CALL (drill) {
  OPTIONAL MATCH (participant)-[:PARTICIPATED_IN|SIGNED|HOSTED|RUNS]->(drill)
  WITH DISTINCT coalesce(participant.name, participant.id) AS participant_name
  ORDER BY participant_name
  RETURN collect(participant_name) AS participants
}
CALL (drill) {
  OPTIONAL MATCH (actor)-[joined:PARTICIPATED_IN|SIGNED|HOSTED|RUNS]->(drill)
  WHERE NOT coalesce(joined.role, '') IN ['belligerent', 'opponent', 'target']
  CALL (actor) {
    OPTIONAL MATCH (actor)-[:BELONGS_TO]->(home:Country)
    RETURN CASE WHEN actor:Country THEN actor.id ELSE home.id END AS country
  }
  WITH DISTINCT country
  ORDER BY country
  RETURN collect(country) AS countries
}
RETURN drill.id AS exercise, coalesce(drill.name, drill.id) AS name,
       drill.kind AS kind, drill.status AS status, first_day AS `start`, last_day AS `end`,
       places AS place, participants, countries, drill.personnel AS personnel,
       drill.personnel_qualifier AS personnel_qualifier,
       size(coalesce(drill.sources, [])) AS sources
ORDER BY `start`, exercise
