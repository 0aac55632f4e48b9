// Write one batch of derived BELONGS_TO relationships into graph $graph: from each official,
// body or unit to the country it belongs to (the nearest along LEADS, MEMBER_OF and COMMANDS
// from a person, PART_OF from a body or unit), as graph.analysis.projection.home_rows
// computes them. Derived, not facts: every load writes them again (MERGE: two loads
// deriving at once still leave one each).
// :param graph => 'milcoop'
// :param rows => [{actor: 'zakir-hasanov', country: 'AZE'}]
UNWIND $rows AS row
MATCH (actor:Milcoop {graph: $graph, id: row.actor})
MATCH (home:Country:Milcoop {graph: $graph, id: row.country})
MERGE (actor)-[belongs:BELONGS_TO]->(home)
SET belongs.derived = true
RETURN count(*) AS written
