// A country's cooperation by year and kind: how many ties of each kind began in each year.
// Ties are the derived TIES_WITH relationships, as in the partners query; a tie's year is
// that of the shared event (date, else start) or of the direct relationship (date, else
// since); undated ties come last, with no year. partners lists the countries on the other
// side of those ties.
// :param country => 'AZE'
// :param graph => 'milcoop'
// columns: year, kind, ties, partners
MATCH (:Country {graph: $graph, id: $country})-[tie:TIES_WITH]-(other:Country)
WITH left(tie.dated, 4) AS year, tie.kind AS kind, tie.via AS via, other.id AS partner
ORDER BY partner
WITH year, kind, count(DISTINCT via) AS ties, collect(DISTINCT partner) AS partners
RETURN year, kind, ties, partners
ORDER BY year, kind
