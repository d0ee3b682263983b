-- $1 canonical configuration JSON: its SHA-256, computed by the server.
SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS digest
