// The cooperation partners of a country, strongest first, and what ties them.
// A tie is an exercise, program, agreement, operation or meeting both countries joined
// (themselves, or through their officials, bodies and units; adversarial roles left out),
// or a direct support, training, cooperation or deployment relationship between them: the
// derived TIES_WITH relationships every load writes (graph/analysis/projection.py).
// weight counts the ties; sources counts the distinct reports behind them.
// :param country => 'AZE'
// :param graph => 'milcoop'
// columns: partner, name, weight, exercises, programs, agreements, operations, meetings, direct, sources
MATCH (:Country {graph: $graph, id: $country})-[tie:TIES_WITH]-(other:Country)
WITH other, tie
ORDER BY tie.what, tie.via
WITH other, count(tie) AS weight,
     collect(CASE tie.kind WHEN 'exercise' THEN tie.what END) AS exercises,
     collect(CASE tie.kind WHEN 'program' THEN tie.what END) AS programs,
     collect(CASE tie.kind WHEN 'agreement' THEN tie.what END) AS agreements,
     collect(CASE tie.kind WHEN 'operation' THEN tie.what END) AS operations,
     collect(CASE tie.kind WHEN 'meeting' THEN tie.what END) AS meetings,
     collect(CASE WHEN tie.direct THEN tie.what END) AS direct,
     reduce(flat = [], part IN collect(tie.sources) | flat + part) AS articles
RETURN other.id AS partner, coalesce(other.name, other.id) AS name, weight, exercises,
       programs, agreements, operations, meetings, direct,
       size(reduce(seen = [], article IN articles |
                   CASE WHEN article IN seen THEN seen ELSE seen + article END)) AS sources
ORDER BY weight DESC, partner
