// Multilateral exercises: those joined by at least min_countries countries, largest first.
// A country joins through itself or its officials, bodies and units (adversarial roles
// left out); participants names every actor that took part, hosted or ran the exercise.
// :param min_countries => 3
// :param graph => 'milcoop'
// columns: exercise, name, start, end, country_count, countries, participants, sources
MATCH (actor)-[joined:PARTICIPATED_IN|SIGNED|HOSTED|RUNS]->
      (drill:Exercise {graph: $graph})
WHERE NOT coalesce(joined.role, '') IN ['belligerent', 'opponent', 'target']
CALL (actor) {
  OPTIONAL MATCH (actor)-[:BELONGS_TO]->(home:Country)
  RETURN CASE WHEN actor:Country THEN actor.id ELSE home.id END AS country
}
WITH DISTINCT drill, country
ORDER BY country
WHERE country IS NOT NULL
WITH drill, collect(country) AS countries
WHERE size(countries) >= $min_countries
CALL (drill) {
  OPTIONAL MATCH (participant)-[:PARTICIPATED_IN|SIGNED|HOSTED|RUNS]->(drill)
  WITH DISTINCT coalesce(participant.name, participant.id) AS participant_name
  ORDER BY participant_name
  RETURN collect(participant_name) AS participants
}
RETURN drill.id AS exercise, coalesce(drill.name, drill.id) AS name,
       coalesce(drill.`start`, drill.date) AS `start`,
       coalesce(drill.`end`, drill.date, drill.`start`) AS `end`,
       size(countries) AS country_count, countries, participants,
       size(coalesce(drill.sources, [])) AS sources
ORDER BY country_count DESC, `start`, exercise
