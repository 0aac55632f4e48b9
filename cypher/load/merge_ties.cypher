// Write one batch of derived TIES_WITH relationships into graph $graph: one per tie between
// two countries (a shared event, program or agreement, or a direct tie), from the first
// country to the second in id order, as graph.analysis.projection.tie_rows computes them.
// Derived, not facts: no report states them and every load writes them again. MERGE on
// (first, second, via), so two loads deriving at once still leave one tie each.
// :param graph => 'milcoop'
// :param rows => [{first: 'AZE', second: 'TUR', kind: 'exercise', direct: false, via: 'mustafa-kemal-ataturk-2023', what: 'Mustafa Kemal Atatürk-2023', dated: '2023-10-23', sources: ['000_a9e083a6abf19069']}]
UNWIND $rows AS row
MATCH (one:Country:Milcoop {graph: $graph, id: row.first})
MATCH (two:Country:Milcoop {graph: $graph, id: row.second})
MERGE (one)-[tie:TIES_WITH {via: row.via}]->(two)
SET tie.kind = row.kind, tie.direct = row.direct, tie.what = row.what, tie.dated = row.dated,
    tie.sources = row.sources, tie.derived = true
RETURN count(*) AS written
