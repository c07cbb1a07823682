package sqlite

// applicationID marks a SQLite file as a Parallax store ("PRLX"), so that
// Open refuses some other program's database instead of migrating it.
const applicationID = 0x50524c58

// migrations are the schema's versions in order: migrations[i] takes a file
// from version i to version i+1, in one transaction with the version bump.
// Never edit a step that has shipped; to change the schema, append one.
var migrations = []string{
	// 1: articles, their derived rows, line keys and full-text search.
	`
CREATE TABLE articles (
	-- seq is the rowid: arrival order, and the key the derived rows and
	-- the FTS index use. SQLite gives a new row max(seq)+1, which is
	-- monotonic because articles are never deleted (AUTOINCREMENT would
	-- guarantee it across deletes too, for a page write per commit).
	seq       INTEGER PRIMARY KEY,
	id        TEXT    NOT NULL UNIQUE,
	input_id  TEXT    NOT NULL DEFAULT '',
	source    TEXT    NOT NULL COLLATE NOCASE,
	url       TEXT    NOT NULL DEFAULT '',
	title     TEXT    NOT NULL DEFAULT '',
	byline    TEXT    NOT NULL DEFAULT '',
	-- published is UTC Unix nanoseconds, NULL when unknown; pub_offset
	-- (seconds east of UTC) and pub_zone (its abbreviation) restore the
	-- zone the input gave.
	published INTEGER,
	pub_offset INTEGER NOT NULL DEFAULT 0,
	pub_zone  TEXT    NOT NULL DEFAULT '',
	lang      TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
	site      TEXT    NOT NULL DEFAULT '',
	format    TEXT    NOT NULL DEFAULT '',
	origin    TEXT    NOT NULL DEFAULT '',
	ingested  INTEGER NOT NULL,
	-- body is the paragraphs joined by a blank line, what search indexes
	-- and snippets quote; para_lens (a JSON array of byte lengths) splits
	-- it back exactly, even where a paragraph holds a blank line itself.
	body      TEXT    NOT NULL DEFAULT '',
	para_lens TEXT    NOT NULL DEFAULT '[]',
	meta      TEXT
);
-- Filters by source or date use these; a language filter rarely narrows
-- enough to be worth an index written on every Put.
CREATE INDEX articles_source    ON articles(source, seq);
CREATE INDEX articles_published ON articles(published);

-- Derived rows: ord keeps the order of the article's list.
CREATE TABLE removed (
	article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	idx     INTEGER NOT NULL,
	kind    TEXT    NOT NULL,
	text    TEXT    NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE captions (
	article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	text    TEXT    NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE credits (
	article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	text    TEXT    NOT NULL,
	names   TEXT    NOT NULL DEFAULT '[]',
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;

-- article_lines holds each article's distinct line keys (article.LineKeys),
-- the uint64 stored as its int64 bit pattern. The key orders rows so that
-- a (source, key) lookup reads one contiguous run, in arrival order.
CREATE TABLE article_lines (
	source  TEXT    NOT NULL COLLATE NOCASE,
	key     INTEGER NOT NULL,
	article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
	PRIMARY KEY (source, key, article)
) WITHOUT ROWID;
CREATE INDEX article_lines_article ON article_lines(article);

-- Full-text search over title and body, an external-content index kept in
-- step with articles by Put and by the triggers below. The porter stemmer over
-- unicode61 lets "elections" find "election", which news search wants
-- (most of what we hold is English); remove_diacritics 2 lets "Sao Paulo"
-- find "São Paulo". For other languages porter's English suffix rules
-- rarely fire and, when they do, fold the query the same way as the text.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- ORDER BY rank is BM25 with a title match worth three body matches.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
-- Merge segments 8 at a time, not 4: each Put commits a segment of its
-- own, and fewer, larger merges halve the index's write amplification for
-- a few more segments for a query to read.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);

-- Put indexes new articles itself, in one statement at the end of its
-- transaction: FTS5 writes its pending terms out as a new segment at every
-- statement savepoint, so indexing each row as it is inserted (a trigger)
-- would cost a segment per article instead of one per transaction.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body)
		VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body)
		VALUES ('delete', old.seq, old.title, old.body);
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
`,
	// 2: copy detection: per-article status, groups, matches, changes.
	`
CREATE TABLE copy_status (
	article     TEXT PRIMARY KEY,            -- the article's ID
	copy_of     TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',    -- full, partial or ''
	containment REAL NOT NULL DEFAULT 0,
	grp         TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE copy_groups (
	id       TEXT PRIMARY KEY,               -- the founding article's ID
	original TEXT NOT NULL,
	reason   TEXT NOT NULL,
	members  TEXT NOT NULL,                  -- JSON array of IDs, arrival order
	changed  INTEGER NOT NULL                -- Unix nanoseconds
) WITHOUT ROWID;
CREATE TABLE copy_matches (
	copy        TEXT NOT NULL,
	of          TEXT NOT NULL,
	kind        TEXT NOT NULL,
	containment REAL NOT NULL,
	coverage    REAL NOT NULL,
	jaccard     REAL NOT NULL,
	passage     INTEGER NOT NULL,
	shared      INTEGER NOT NULL,
	reason      TEXT NOT NULL,
	PRIMARY KEY (copy, of)
) WITHOUT ROWID;
CREATE INDEX copy_matches_of ON copy_matches(of);
CREATE TABLE copy_changes (
	n       INTEGER PRIMARY KEY,
	kind    TEXT NOT NULL,
	grp     TEXT NOT NULL,
	article TEXT NOT NULL,
	from_id TEXT NOT NULL,
	to_id   TEXT NOT NULL,
	reason  TEXT NOT NULL,
	at      INTEGER NOT NULL,
	UNIQUE (kind, grp, article, from_id, to_id)
);
CREATE INDEX copy_changes_grp ON copy_changes(grp);
`,
	// 3: clustering: events, stories, each article's place, the aliases
	// merges left, and the clusterer's saved state.
	`
CREATE TABLE events (
	id       TEXT PRIMARY KEY,
	story    TEXT NOT NULL,
	label    TEXT NOT NULL DEFAULT '',
	first    INTEGER,                        -- UTC Unix nanoseconds, NULL when undated
	last     INTEGER,
	articles INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX events_story ON events(story);
CREATE INDEX events_last  ON events(last);
CREATE TABLE stories (
	id       TEXT PRIMARY KEY,
	label    TEXT NOT NULL DEFAULT '',
	first    INTEGER,
	last     INTEGER,
	events   INTEGER NOT NULL DEFAULT 0,
	articles INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX stories_last ON stories(last);
CREATE TABLE article_clusters (
	article TEXT PRIMARY KEY,                -- the article's ID
	event   TEXT NOT NULL,
	story   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX article_clusters_event ON article_clusters(event);
CREATE INDEX article_clusters_story ON article_clusters(story);
-- Aliases point straight at the current survivor: a merge of a survivor
-- moves the aliases that named it, so a lookup is one step.
CREATE TABLE cluster_aliases (
	alias    TEXT PRIMARY KEY,
	kind     TEXT NOT NULL,                  -- event or story
	survivor TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX cluster_aliases_survivor ON cluster_aliases(survivor);
CREATE TABLE cluster_state (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	state BLOB    NOT NULL,
	saved INTEGER NOT NULL                   -- Unix nanoseconds
);
`,
	// 4: entities and quotes: kept whole with the article, and one row per
	// article and canonical entity for "who appears where" and "what did X
	// say" without reading every article.
	`
ALTER TABLE articles ADD COLUMN annotations TEXT;  -- JSON {entities, quotes}; NULL before annotation
CREATE TABLE mentions (
	canonical TEXT    NOT NULL COLLATE NOCASE,
	article   INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
	type      TEXT    NOT NULL,
	mentions  INTEGER NOT NULL,              -- how often the article names it
	quoted    INTEGER NOT NULL,              -- how many of its attributions it speaks
	PRIMARY KEY (canonical, article)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE saved_state (
	name  TEXT    PRIMARY KEY,               -- "names": the entity registry
	state BLOB    NOT NULL,
	saved INTEGER NOT NULL                   -- Unix nanoseconds
) WITHOUT ROWID;
`,
}

// SchemaVersion returns the schema version this build writes and reads.
func SchemaVersion() int { return len(migrations) }
