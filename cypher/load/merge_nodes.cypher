// Merge one batch of nodes of one label into graph $graph; returns the rows merged.
// __LABEL__ is replaced by a vocabulary label (graph.cypher_files.place); in the Browser,
// write a label there yourself. Scalar properties are set; list properties (aliases) and
// provenance are united with what is stored, so loading the same rows twice changes nothing
// and a new report adds its source. `evidence` ('article:start-end') is kept sorted by
// article, start, end, and `sources` lists its articles, as in the NetworkX store. (A node
// without evidence unwinds one null span, so it still reaches the SET and gets empty lists.)
// :param graph => 'milcoop'
// :param rows => [{id: 'AZE', properties: {name: 'Azerbaijan'}, lists: {aliases: ['Baku'], field: null}, evidence: ['000_a:10-20']}]
UNWIND $rows AS row
MERGE (n:Milcoop {graph: $graph, id: row.id})
  ON CREATE SET n:__LABEL__
SET n += row.properties
SET n.aliases = CASE WHEN row.lists.aliases IS NULL THEN n.aliases ELSE
      reduce(merged = [], x IN coalesce(n.aliases, []) + row.lists.aliases |
        CASE WHEN x IN merged THEN merged ELSE merged + [x] END) END,
    n.field = CASE WHEN row.lists.field IS NULL THEN n.field ELSE
      reduce(merged = [], x IN coalesce(n.field, []) + row.lists.field |
        CASE WHEN x IN merged THEN merged ELSE merged + [x] END) END
WITH n, coalesce(n.evidence, []) + row.evidence AS spans
UNWIND CASE WHEN size(spans) = 0 THEN [null] ELSE spans END AS span
WITH DISTINCT n, span, coalesce(last(split(span, ':')), '') AS offsets
WITH n, span, toInteger(split(offsets, '-')[0]) AS spanStart,
     toInteger(split(offsets, '-')[1]) AS spanEnd,
     CASE WHEN span IS NULL THEN null
          ELSE substring(span, 0, size(span) - size(offsets) - 1) END AS article
ORDER BY article, spanStart, spanEnd
WITH n, collect(span) AS evidence, collect(DISTINCT article) AS sources
SET n.evidence = evidence, n.sources = sources
RETURN count(*) AS merged
