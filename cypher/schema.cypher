// The milcoop schema: uniqueness of each node's id within its graph, and name indexes.
// Idempotent (IF NOT EXISTS): `milcoop neo4j init` applies it, and so does every load.
// Every node milcoop writes carries the label Milcoop and a `graph` property naming the graph
// it belongs to (default 'milcoop'), so ids are unique per graph: (graph, id). Loads MERGE on
// :Milcoop(graph, id); each vocabulary label has its own constraint too. Composite property
// uniqueness constraints are in Neo4j 5 Community Edition. Names get TEXT indexes (equality,
// STARTS WITH, CONTAINS): unlike range indexes (8 kB keys) they take names up to 32 kB.

CREATE CONSTRAINT milcoop_node_id IF NOT EXISTS
FOR (n:Milcoop) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_country_id IF NOT EXISTS
FOR (n:Country) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_person_id IF NOT EXISTS
FOR (n:Person) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_organization_id IF NOT EXISTS
FOR (n:Organization) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_unit_id IF NOT EXISTS
FOR (n:Unit) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_exercise_id IF NOT EXISTS
FOR (n:Exercise) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_program_id IF NOT EXISTS
FOR (n:Program) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_agreement_id IF NOT EXISTS
FOR (n:Agreement) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_operation_id IF NOT EXISTS
FOR (n:Operation) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_meeting_id IF NOT EXISTS
FOR (n:Meeting) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_location_id IF NOT EXISTS
FOR (n:Location) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE CONSTRAINT milcoop_article_id IF NOT EXISTS
FOR (n:Article) REQUIRE (n.graph, n.id) IS UNIQUE;

CREATE TEXT INDEX milcoop_country_name IF NOT EXISTS
FOR (n:Country) ON (n.name);

CREATE TEXT INDEX milcoop_person_name IF NOT EXISTS
FOR (n:Person) ON (n.name);

CREATE TEXT INDEX milcoop_organization_name IF NOT EXISTS
FOR (n:Organization) ON (n.name);

CREATE TEXT INDEX milcoop_unit_name IF NOT EXISTS
FOR (n:Unit) ON (n.name);

CREATE TEXT INDEX milcoop_exercise_name IF NOT EXISTS
FOR (n:Exercise) ON (n.name);

CREATE TEXT INDEX milcoop_program_name IF NOT EXISTS
FOR (n:Program) ON (n.name);

CREATE TEXT INDEX milcoop_agreement_name IF NOT EXISTS
FOR (n:Agreement) ON (n.name);

CREATE TEXT INDEX milcoop_operation_name IF NOT EXISTS
FOR (n:Operation) ON (n.name);

CREATE TEXT INDEX milcoop_meeting_name IF NOT EXISTS
FOR (n:Meeting) ON (n.name);

CREATE TEXT INDEX milcoop_location_name IF NOT EXISTS
FOR (n:Location) ON (n.name);

CREATE TEXT INDEX milcoop_article_name IF NOT EXISTS
FOR (n:Article) ON (n.name);
