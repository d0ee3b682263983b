-- $1 version, $2 file name, $3 md5 of its text.
INSERT INTO supervision.schema_version (version, name, checksum) VALUES ($1, $2, $3)
