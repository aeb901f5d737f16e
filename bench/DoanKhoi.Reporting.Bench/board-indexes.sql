-- The bloc's board counts the clusters that reach each "each cluster" measure (K04.2, K07.1): its query
-- (BoardReader.SumsAsync) filters the cluster totals by measure and part, which the primary key
-- (year, scope, node_id, measure, part, day) can only serve by reading every cluster's tallies. This index
-- puts each measure's rows together, in node order, with the amount for an index-only scan.
CREATE INDEX ix_board_tallies_year_scope_measure_part_node_id_day ON board_tallies (year, scope, measure, part, node_id, day) INCLUDE (amount);
