// The memberships and programs two countries share, directly or through their people.
// An organisation both belong to, or a program both take part in, run, host or signed up
// to, themselves or through their officials, bodies and units (adversarial roles left
// out). *_through name who ties each country to it; sources counts the reports behind them.
// :param country => 'AZE'
// :param other_country => 'TUR'
// :param graph => 'milcoop'
// columns: kind, id, name, country_through, other_through, sources
MATCH (actor)-[joined]->(shared)
WHERE shared.graph = $graph
  AND ((shared:Organization AND type(joined) = 'MEMBER_OF')
       OR (shared:Program AND type(joined) IN ['PARTICIPATED_IN', 'SIGNED', 'HOSTED', 'RUNS']))
  AND NOT coalesce(joined.role, '') IN ['belligerent', 'opponent', 'target']
CALL (actor) {
  OPTIONAL MATCH (actor)-[:BELONGS_TO]->(home:Country)
  RETURN CASE WHEN actor:Country THEN actor.id ELSE home.id END AS country
}
WITH shared, actor, joined, country
WHERE country IN [$country, $other_country]
WITH shared, country, coalesce(actor.name, actor.id) AS actor_name, joined
ORDER BY actor_name
WITH shared, country, collect(DISTINCT actor_name) AS actors,
     reduce(flat = [], part IN collect(joined.sources) | flat + part) AS articles
WITH shared, collect([country, actors]) AS sides,
     reduce(flat = [], part IN collect(articles) | flat + part) AS reports
WHERE size(sides) = 2
RETURN CASE WHEN shared:Program THEN 'program' ELSE 'membership' END AS kind,
       shared.id AS id, coalesce(shared.name, shared.id) AS name,
       [side IN sides WHERE side[0] = $country][0][1] AS country_through,
       [side IN sides WHERE side[0] = $other_country][0][1] AS other_through,
       size(reduce(seen = [], article IN reports |
                   CASE WHEN article IN seen THEN seen ELSE seen + article END)) AS sources
ORDER BY kind, name, id
