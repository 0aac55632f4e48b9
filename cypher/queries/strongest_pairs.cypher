// The strongest country pairs: every pair of countries with its ties counted by kind.
// Ties are the derived TIES_WITH relationships, as in the partners query: shared
// exercises, programs, agreements, operations and meetings, and direct support, training,
// cooperation and deployment; weight counts them; sources counts the distinct reports.
// :param limit => 10
// :param graph => 'milcoop'
// columns: first, first_name, second, second_name, weight, exercise, program, agreement, operation, meeting, support, training, cooperation, deployment, sources
MATCH (one:Country {graph: $graph})-[tie:TIES_WITH]->(two:Country)
WITH one, two, count(tie) AS weight,
     sum(CASE tie.kind WHEN 'exercise' THEN 1 ELSE 0 END) AS exercise,
     sum(CASE tie.kind WHEN 'program' THEN 1 ELSE 0 END) AS program,
     sum(CASE tie.kind WHEN 'agreement' THEN 1 ELSE 0 END) AS agreement,
     sum(CASE tie.kind WHEN 'operation' THEN 1 ELSE 0 END) AS operation,
     sum(CASE tie.kind WHEN 'meeting' THEN 1 ELSE 0 END) AS meeting,
     sum(CASE tie.kind WHEN 'support' THEN 1 ELSE 0 END) AS support,
     sum(CASE tie.kind WHEN 'training' THEN 1 ELSE 0 END) AS training,
     sum(CASE tie.kind WHEN 'cooperation' THEN 1 ELSE 0 END) AS cooperation,
     sum(CASE tie.kind WHEN 'deployment' THEN 1 ELSE 0 END) AS deployment,
     reduce(flat = [], part IN collect(tie.sources) | flat + part) AS articles
ORDER BY weight DESC, one.id, two.id
LIMIT $limit
RETURN one.id AS first, coalesce(one.name, one.id) AS first_name, two.id AS second,
       coalesce(two.name, two.id) AS second_name, weight, exercise, program, agreement,
       operation, meeting, support, training, cooperation, deployment,
       size(reduce(seen = [], article IN articles |
                   CASE WHEN article IN seen THEN seen ELSE seen + article END)) AS sources
ORDER BY weight DESC, first, second
