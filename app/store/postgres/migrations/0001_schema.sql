-- The team store's first schema. Every import is one row of imports; each
-- record it wrote is a row keyed by what the record is about (k, encoded
-- so that it sorts as the app orders records) and the import's sequence
-- number, as a version or as a restatement of the version before (see the
-- package documentation). A record's seq is not declared a foreign key of
-- imports: checking one per figure took as long as writing the figures, and
-- the app writes both in one transaction (Load refuses a record of an
-- import the log lacks).

CREATE TABLE imports (
	seq       bigint PRIMARY KEY,
	id        text NOT NULL UNIQUE,
	source    text NOT NULL,
	kind      text NOT NULL,
	sha256    text NOT NULL DEFAULT '',
	time      timestamptz NOT NULL,
	officer   text NOT NULL DEFAULT '',
	machine   text NOT NULL DEFAULT '',
	db_role   text NOT NULL DEFAULT current_user,
	undone    timestamptz,
	undone_by text NOT NULL DEFAULT '',
	-- The whole app.Import as the app reads it back; the columns above
	-- repeat it for people querying the store.
	record    json NOT NULL
);

-- A file is imported once until that import is undone.
CREATE UNIQUE INDEX imports_live_file ON imports (sha256) WHERE sha256 <> '' AND undone IS NULL;

CREATE TABLE observations (
	k            bytea NOT NULL,
	seq          bigint NOT NULL,
	restatement  boolean NOT NULL,
	ref          text NOT NULL,
	area         text NOT NULL,
	split        text NOT NULL,
	period_kind  smallint NOT NULL,
	period_year  smallint NOT NULL,
	period_n     smallint NOT NULL,
	value        double precision,
	numerator    double precision,
	denominator  double precision,
	stand_in     boolean NOT NULL,
	status       text NOT NULL,
	-- raw and cell are the source's own text, which may hold a byte
	-- (NUL) that a text column cannot, so they are kept as bytes.
	raw          bytea NOT NULL,
	source_arrow text NOT NULL,
	source_rag   text NOT NULL,
	rule         text NOT NULL,
	cell         bytea NOT NULL,
	PRIMARY KEY (k, seq)
);
-- Imports append rows in seq order, so a BRIN index finds an import's rows
-- for undo at almost no cost to writing them.
CREATE INDEX observations_seq ON observations USING brin (seq);

-- Indicators, targets, benchmarks, breakdowns, comments and chart settings,
-- as JSON (json, not jsonb, keeps the text the app wrote, which is what a
-- later version is compared with).
CREATE TABLE records (
	kind        smallint NOT NULL,
	k           bytea NOT NULL,
	seq         bigint NOT NULL,
	restatement boolean NOT NULL,
	ref         text NOT NULL,
	pos         integer NOT NULL,
	body        json NOT NULL,
	PRIMARY KEY (kind, k, seq)
);
CREATE INDEX records_seq ON records (seq);

CREATE TABLE settings (
	bucket text COLLATE "C" NOT NULL,
	key    text COLLATE "C" NOT NULL,
	value  json NOT NULL,
	PRIMARY KEY (bucket, key)
);
