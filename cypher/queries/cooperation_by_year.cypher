// A country's cooperation by year and kind: how many ties of each kind began in each year.
// Ties follow the partners query; a tie's year is that of the shared event (date, else
// start) or of the direct relationship (date, else since); undated ties come last, with no
// year. partners lists the countries on the other side of those ties.
// :param country => 'AZE'
// :param graph => 'milcoop'
// columns: year, kind, ties, partners
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
WITH first, second, kind, via, dated
WHERE $country IN [first, second]
WITH left(dated, 4) AS year, kind, via,
     CASE first WHEN $country THEN second ELSE first END AS partner
ORDER BY partner
WITH year, kind, count(DISTINCT via) AS ties, collect(DISTINCT partner) AS partners
RETURN year, kind, ties, partners
ORDER BY year, kind
