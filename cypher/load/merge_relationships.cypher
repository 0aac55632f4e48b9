// Merge one batch of relationships of one type into graph $graph; returns the rows merged.
// __TYPE__ is replaced by a vocabulary relationship type (graph.cypher_files.place); in the
// Browser, write a type there yourself. Both ends are found by their constrained
// (graph, id) first, then the relationship is merged between them: one relationship per
// (source, type, target). A row whose ends are not in the graph is not merged (the caller
// counts the rows merged). Properties, lists and provenance merge as in merge_nodes.cypher.
// :param graph => 'milcoop'
// :param rows => [{source: 'AZE', target: 'TUR', properties: {cameo: '062'}, lists: {aliases: null, field: ['military']}, evidence: ['000_a:0-30']}]
UNWIND $rows AS row
MATCH (a:Milcoop {graph: $graph, id: row.source})
MATCH (b:Milcoop {graph: $graph, id: row.target})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.properties
SET r.aliases = CASE WHEN row.lists.aliases IS NULL THEN r.aliases ELSE
      reduce(merged = [], x IN coalesce(r.aliases, []) + row.lists.aliases |
        CASE WHEN x IN merged THEN merged ELSE merged + [x] END) END,
    r.field = CASE WHEN row.lists.field IS NULL THEN r.field ELSE
      reduce(merged = [], x IN coalesce(r.field, []) + row.lists.field |
        CASE WHEN x IN merged THEN merged ELSE merged + [x] END) END
WITH r, coalesce(r.evidence, []) + row.evidence AS spans
UNWIND CASE WHEN size(spans) = 0 THEN [null] ELSE spans END AS span
WITH DISTINCT r, span, coalesce(last(split(span, ':')), '') AS offsets
WITH r, span, toInteger(split(offsets, '-')[0]) AS spanStart,
     toInteger(split(offsets, '-')[1]) AS spanEnd,
     CASE WHEN span IS NULL THEN null
          ELSE substring(span, 0, size(span) - size(offsets) - 1) END AS article
ORDER BY article, spanStart, spanEnd
WITH r, collect(span) AS evidence, collect(DISTINCT article) AS sources
SET r.evidence = evidence, r.sources = sources
RETURN count(*) AS merged
