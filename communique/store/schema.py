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
