// The strongest country pairs: every pair of countries with its ties counted by kind.
// Ties follow the partners query: shared exercises, programs, agreements, meetings and
// operations (adversarial roles left out) and direct cooperation, support, training and
// deployment; weight counts them; sources counts the distinct reports behind them.
// :param limit => 10
// :param graph => 'milcoop'
// columns: first, first_name, second, second_name, weight, exercise, program, agreement, meeting, operation, cooperation, support, training, deployment, sources
CALL () {
  MATCH (actor)-[joined:PARTICIPATED_IN|SIGNED|HOSTED|RUNS]->(event)
  WHERE event.graph = $graph
    AND (event:Exercise OR event:Program OR event:Agreement OR event:Meeting OR event:Operation)
    AND NOT coalesce(joined.role, '') IN ['belligerent', 'opponent', 'target']
  CALL (actor) {
    OPTIONAL MATCH up = (actor)-[:LEADS|MEMBER_OF|COMMANDS|PART_OF*0..4]->(home:Country)
    WHERE all(step IN relationships(up) WHERE
              (startNode(step):Person AND type(step) IN ['LEADS', 'MEMBER_OF', 'COMMANDS'])
              OR ((startNode(step):Organization OR startNode(step):Unit)
                  AND type(step) = 'PART_OF'))
    RETURN home.id AS country
    ORDER BY length(up), country
    LIMIT 1
  }
  WITH event, country, collect(joined.sources) AS lists
  WHERE country IS NOT NULL
  WITH event, collect([country, reduce(flat = [], part IN lists | flat + part)]) AS members
  UNWIND members AS one
  UNWIND members AS two
  WITH event, one, two
  WHERE one[0] < two[0]
  RETURN one[0] AS first, two[0] AS second,
         CASE WHEN event:Exercise THEN 'exercise' WHEN event:Program THEN 'program'
              WHEN event:Agreement THEN 'agreement' WHEN event:Meeting THEN 'meeting'
              ELSE 'operation' END AS kind,
         event.id AS via, coalesce(event.name, event.id) AS what,
         coalesce(event.date, event.`start`, event.since) AS dated,
         one[1] + two[1] AS sources
  UNION ALL
  MATCH (source)-[tie:COOPERATES_WITH|SUPPORTS|TRAINED|DEPLOYED_TO]->(target)
  WHERE source.graph = $graph
  WITH source, tie, target, source AS actor
  CALL (actor) {
    OPTIONAL MATCH up = (actor)-[:LEADS|MEMBER_OF|COMMANDS|PART_OF*0..4]->(home:Country)
    WHERE all(step IN relationships(up) WHERE
              (startNode(step):Person AND type(step) IN ['LEADS', 'MEMBER_OF', 'COMMANDS'])
              OR ((startNode(step):Organization OR startNode(step):Unit)
                  AND type(step) = 'PART_OF'))
    RETURN home.id AS country
    ORDER BY length(up), country
    LIMIT 1
  }
  WITH source, tie, target, country AS from_country, target AS actor
  CALL (actor) {
    OPTIONAL MATCH up = (actor)-[:LEADS|MEMBER_OF|COMMANDS|PART_OF*0..4]->(home:Country)
    WHERE all(step IN relationships(up) WHERE
              (startNode(step):Person AND type(step) IN ['LEADS', 'MEMBER_OF', 'COMMANDS'])
              OR ((startNode(step):Organization OR startNode(step):Unit)
                  AND type(step) = 'PART_OF'))
    RETURN home.id AS country
    ORDER BY length(up), country
    LIMIT 1
  }
  WITH source, tie, target, from_country, country AS to_country
  WHERE from_country IS NOT NULL AND to_country IS NOT NULL AND from_country <> to_country
  RETURN CASE WHEN from_country < to_country THEN from_country ELSE to_country END AS first,
         CASE WHEN from_country < to_country THEN to_country ELSE from_country END AS second,
         CASE type(tie) WHEN 'COOPERATES_WITH' THEN 'cooperation' WHEN 'SUPPORTS' THEN 'support'
              WHEN 'TRAINED' THEN 'training' ELSE 'deployment' END AS kind,
         source.id + ' ' + type(tie) + ' ' + target.id AS via,
         coalesce(source.name, source.id) + ' ' + type(tie) + ' '
           + coalesce(target.name, target.id) AS what,
         coalesce(tie.date, tie.`start`, tie.since) AS dated,
         tie.sources AS sources
}
WITH first, second, count(*) AS weight,
     sum(CASE kind WHEN 'exercise' THEN 1 ELSE 0 END) AS exercise,
     sum(CASE kind WHEN 'program' THEN 1 ELSE 0 END) AS program,
     sum(CASE kind WHEN 'agreement' THEN 1 ELSE 0 END) AS agreement,
     sum(CASE kind WHEN 'meeting' THEN 1 ELSE 0 END) AS meeting,
     sum(CASE kind WHEN 'operation' THEN 1 ELSE 0 END) AS operation,
     sum(CASE kind WHEN 'cooperation' THEN 1 ELSE 0 END) AS cooperation,
     sum(CASE kind WHEN 'support' THEN 1 ELSE 0 END) AS support,
     sum(CASE kind WHEN 'training' THEN 1 ELSE 0 END) AS training,
     sum(CASE kind WHEN 'deployment' THEN 1 ELSE 0 END) AS deployment,
     reduce(flat = [], part IN collect(sources) | flat + part) AS articles
ORDER BY weight DESC, first, second
LIMIT $limit
MATCH (one:Country {graph: $graph, id: first})
MATCH (two:Country {graph: $graph, id: second})
RETURN first, coalesce(one.name, one.id) AS first_name, second,
       coalesce(two.name, two.id) AS second_name, weight, exercise, program, agreement, meeting,
       operation, cooperation, support, training, deployment,
       size(reduce(seen = [], article IN articles |
                   CASE WHEN article IN seen THEN seen ELSE seen + article END)) AS sources
ORDER BY weight DESC, first, second
