"""The SQLite schema, as numbered migrations. PRAGMA user_version records how far a file has come."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, people and their mentions, rejected inputs
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT, outlet TEXT, title TEXT,
        published TEXT, published_source TEXT,
        body TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source TEXT,
        record_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
    );
    CREATE TABLE article_people (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL, title TEXT, rank TEXT, country TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL,
        person_idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        FOREIGN KEY (article_id, person_idx) REFERENCES article_people(article_id, idx) ON DELETE CASCADE
    );
    CREATE INDEX mentions_article ON mentions(article_id, person_idx);
    CREATE INDEX article_people_name ON article_people(name);
    CREATE TABLE rejects (
        source TEXT NOT NULL, reason TEXT NOT NULL,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
    );
    """,
]

MIGRATIONS.append(
    # 2: linking across articles, the record's facts as tables, full-text search.
    #    Article-level rows (article_*) are what each source said; events/people/agreements are the
    #    canonical rows they link to. Deleting an article cascades to everything it contributed.
    """
    ALTER TABLE articles ADD COLUMN input_hash TEXT;
    ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
    ALTER TABLE articles ADD COLUMN minhash BLOB;
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE article_bands (
        band INTEGER NOT NULL, hash INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX article_bands_lookup ON article_bands(band, hash);
    CREATE INDEX article_bands_article ON article_bands(article_id);

    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT,
        n_articles INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX people_country ON people(country);
    CREATE TABLE person_aliases (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        alias_key TEXT NOT NULL,
        token TEXT NOT NULL,
        PRIMARY KEY (person_id, alias, token)
    );
    CREATE INDEX person_aliases_token ON person_aliases(token);
    ALTER TABLE article_people ADD COLUMN person_id INTEGER REFERENCES people(id);
    CREATE INDEX article_people_person ON article_people(person_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL, subtype TEXT,
        countries TEXT NOT NULL,
        date TEXT, date_precision TEXT, date_end TEXT, sort_date TEXT,
        place TEXT, place_country TEXT,
        host TEXT, guest TEXT,
        historical INTEGER NOT NULL DEFAULT 0,
        mechanism TEXT, ordinal INTEGER,
        plover_type TEXT, plover_mode TEXT, cameo TEXT,
        confidence REAL,
        n_sources INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX events_countries ON events(countries, kind);
    CREATE INDEX events_sort_date ON events(sort_date);
    CREATE TABLE event_countries (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        country TEXT NOT NULL,
        PRIMARY KEY (country, event_id)
    ) WITHOUT ROWID;

    CREATE TABLE article_events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_id INTEGER REFERENCES events(id),
        link_score REAL, link_reason TEXT,
        kind TEXT NOT NULL, subtype TEXT, countries TEXT NOT NULL,
        date TEXT, date_precision TEXT, date_source TEXT, date_end TEXT,
        place TEXT, place_name TEXT, place_country TEXT,
        host TEXT, guest TEXT, historical INTEGER NOT NULL,
        mechanism TEXT, ordinal INTEGER, confidence REAL,
        anchor TEXT,                  -- the event's date, else the article's: for candidate windows
        data_json TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX article_events_event ON article_events(event_id);
    CREATE INDEX article_events_block ON article_events(countries, kind, anchor);

    CREATE TABLE participants (
        article_id TEXT NOT NULL, event_idx INTEGER NOT NULL,
        person_id INTEGER REFERENCES people(id),
        name TEXT NOT NULL,
        FOREIGN KEY (article_id, event_idx) REFERENCES article_events(article_id, idx) ON DELETE CASCADE
    );
    CREATE INDEX participants_event ON participants(article_id, event_idx);
    CREATE INDEX participants_person ON participants(person_id);

    CREATE TABLE agreements (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL, subject TEXT, status TEXT NOT NULL,
        countries TEXT NOT NULL,
        date TEXT, date_precision TEXT, sort_date TEXT,
        event_id INTEGER REFERENCES events(id),
        n_sources INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX agreements_countries ON agreements(countries);
    CREATE TABLE agreement_countries (
        agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        country TEXT NOT NULL,
        PRIMARY KEY (country, agreement_id)
    ) WITHOUT ROWID;
    CREATE TABLE article_agreements (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        agreement_id INTEGER REFERENCES agreements(id),
        type TEXT NOT NULL, subject TEXT, status TEXT NOT NULL, countries TEXT NOT NULL,
        date TEXT, date_precision TEXT, date_source TEXT,
        event_idx INTEGER, signatories TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX article_agreements_agreement ON article_agreements(agreement_id);

    CREATE TABLE article_areas (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        area TEXT NOT NULL,
        PRIMARY KEY (article_id, area)
    );
    CREATE INDEX article_areas_area ON article_areas(area);

    CREATE TABLE statements (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        position TEXT NOT NULL, text TEXT, speaker TEXT, speaker_country TEXT,
        PRIMARY KEY (article_id, idx)
    );

    -- one row per evidence sentence; owner says what it supports
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,          -- event | agreement | area | statement
        owner_idx INTEGER,            -- index in the article's list (area: NULL)
        area TEXT,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX evidence_owner ON evidence(article_id, owner, owner_idx);

    -- offices over time: every title a person was given, first and last seen
    CREATE VIEW person_offices AS
        SELECT ap.person_id, ap.title, ap.rank, ap.country,
               min(a.published) AS first_seen, max(a.published) AS last_seen,
               count(DISTINCT ap.article_id) AS n_articles
        FROM article_people ap JOIN articles a ON a.id = ap.article_id
        WHERE ap.person_id IS NOT NULL AND ap.title IS NOT NULL
        GROUP BY ap.person_id, ap.title, ap.rank, ap.country;

    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='id');
    CREATE TRIGGER evidence_fts_ai AFTER INSERT ON evidence BEGIN
        INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER evidence_fts_ad AFTER DELETE ON evidence BEGIN
        INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """
)

MIGRATIONS.append(
    # 3: indexes that let the events filters walk a country's or a pair's events in date order
    #    (one million events: a pair's newest 50 without sorting the country's thousands)
    """
    ALTER TABLE event_countries ADD COLUMN sort_date TEXT;
    UPDATE event_countries SET sort_date = (SELECT sort_date FROM events WHERE id = event_countries.event_id);
    CREATE INDEX event_countries_date ON event_countries(country, sort_date, event_id);
    CREATE TABLE event_pairs (
        a TEXT NOT NULL, b TEXT NOT NULL,            -- a < b
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        sort_date TEXT,
        PRIMARY KEY (a, b, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_pairs_date ON event_pairs(a, b, sort_date, event_id);
    INSERT INTO event_pairs (a, b, event_id, sort_date)
        SELECT x.country, y.country, x.event_id, x.sort_date FROM event_countries x
        JOIN event_countries y ON y.event_id = x.event_id AND x.country < y.country;
    """
)

MIGRATIONS.append(
    # 4: an index behind every foreign key to a canonical row. Recomputing a canonical event deletes
    #    and rewrites its country rows and touches its agreements; without these each did a full scan,
    #    and ingest slowed as the store grew (82 -> 27 articles/s over 100,000 articles).
    """
    CREATE INDEX event_countries_event ON event_countries(event_id);
    CREATE INDEX event_pairs_event ON event_pairs(event_id);
    CREATE INDEX agreements_event ON agreements(event_id);
    CREATE INDEX agreement_countries_agreement ON agreement_countries(agreement_id);
    """
)

MIGRATIONS.append(
    # 5: dates an analyst can count (link/intervals.py). events.date_end and events.date_precision
    #    now hold the interval's end and its basis (day, range, month, year, reported); date_start
    #    its first day; date_text the date as the best report wrote it. Rows are recomputed when
    #    their articles are re-extracted (the record changed, so the next ingest does it).
    #    Places geocoded (extract/geocode.py): GeoNames id and coordinates (null: not resolved).
    #    Counts as GDELT keeps them: n_sources stays every report; num_articles counts a copy of an
    #    earlier report (articles.duplicate_of) once; num_sources counts distinct outlets.
    #    Citable ids (link/uids.py): events, people and agreements .uid from the founding report;
    #    issued_uids keeps every uid ever given out with it, so an old uid still finds its row.
    """
    ALTER TABLE events ADD COLUMN date_start TEXT;
    ALTER TABLE events ADD COLUMN date_text TEXT;
    ALTER TABLE events ADD COLUMN place_geonameid INTEGER;
    ALTER TABLE events ADD COLUMN place_lat REAL;
    ALTER TABLE events ADD COLUMN place_lon REAL;
    ALTER TABLE events ADD COLUMN num_articles INTEGER;
    ALTER TABLE events ADD COLUMN num_sources INTEGER;
    ALTER TABLE events ADD COLUMN uid TEXT;
    CREATE UNIQUE INDEX events_uid ON events(uid);
    ALTER TABLE people ADD COLUMN uid TEXT;
    ALTER TABLE people ADD COLUMN founding TEXT;
    CREATE UNIQUE INDEX people_uid ON people(uid);
    ALTER TABLE agreements ADD COLUMN uid TEXT;
    CREATE UNIQUE INDEX agreements_uid ON agreements(uid);
    CREATE INDEX article_agreements_block ON article_agreements(type, countries, status);
    CREATE TABLE issued_uids (
        uid TEXT PRIMARY KEY,
        article_id TEXT NOT NULL, idx INTEGER NOT NULL
    ) WITHOUT ROWID;
    """
)

MIGRATIONS.append(
    # 6: relationship frameworks (link/relations.py). article_relations holds each report as the
    #    article gives it; relations one row per (pair, level, status, year set up), fed by every
    #    report of it. A pair's level at a date is derived from these rows (queries.pair_ladder),
    #    never stored. Existing articles gain relations when they are next re-extracted.
    """
    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        a TEXT NOT NULL, b TEXT NOT NULL,            -- a < b
        level TEXT NOT NULL, status TEXT NOT NULL,   -- established | current | planned
        date TEXT, date_precision TEXT, sort_date TEXT,
        first_reported TEXT, last_reported TEXT,     -- publication dates of its earliest and latest report
        n_sources INTEGER NOT NULL DEFAULT 0,
        uid TEXT
    );
    CREATE UNIQUE INDEX relations_uid ON relations(uid);
    CREATE INDEX relations_pair ON relations(a, b, sort_date);
    CREATE INDEX relations_b ON relations(b, a);
    CREATE TABLE article_relations (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        relation_id INTEGER REFERENCES relations(id),
        a TEXT NOT NULL, b TEXT NOT NULL, level TEXT NOT NULL, status TEXT NOT NULL,
        date TEXT, date_precision TEXT, date_source TEXT, date_text TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX article_relations_block ON article_relations(a, b, level, status);
    CREATE INDEX article_relations_relation ON article_relations(relation_id);
    """
)

MIGRATIONS.append(
    # 7: which lexicon rule made each sentence evidence ("events:phone_call", "documents:memorandum":
    #    the record's evidence `rule`). NULL for evidence stored before, until it is re-extracted.
    """
    ALTER TABLE evidence ADD COLUMN rule TEXT;
    """
)
