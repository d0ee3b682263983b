-- Run before any migration: the version table the migrator keeps its ledger in.
CREATE SCHEMA IF NOT EXISTS supervision;
CREATE TABLE IF NOT EXISTS supervision.schema_version (
    version    integer PRIMARY KEY,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
