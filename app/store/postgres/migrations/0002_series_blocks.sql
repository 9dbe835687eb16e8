-- Schema 2: observations in series blocks. Each import's figures of one
-- series (ref, area, split) are one row, their periods, figures and texts
-- packed in the bbolt engine's block encoding (app/store/series.go), each
-- figure a version or a restatement (a flag in the block, which undo
-- flips). series is the series part of schema 1's key (ref, area and
-- split, each NUL-ended), so blocks sort as the app orders series, and a
-- series' blocks in import order. ref, area, split and figures repeat
-- what the key and block hold, for people querying the store; first_month
-- and last_month are the start months (year*12 + month - 1) of its first
-- and last periods, so that an import looks up the earlier versions of
-- only the blocks that can hold a period it gives (a month's import then
-- reads none of the months before).
--
-- The app converts schema 1's observations into blocks in the same
-- transaction, after this file, and then drops the observations table
-- (postgres.convertObservations).

CREATE TABLE observation_blocks (
	series  bytea NOT NULL,
	seq     bigint NOT NULL,
	ref     text NOT NULL,
	area    text NOT NULL,
	split   text NOT NULL,
	figures integer NOT NULL,
	first_month integer NOT NULL,
	last_month  integer NOT NULL,
	block   bytea NOT NULL,
	PRIMARY KEY (series, seq)
);
-- Undo finds an import's blocks by seq.
CREATE INDEX observation_blocks_seq ON observation_blocks (seq);
