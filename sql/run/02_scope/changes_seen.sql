-- The register changes the evaluation's snapshot sees: the ones this run takes into
-- account. A change committed later is not among them and stays for the next run.
INSERT INTO pg_temp.change_seen (change_id)
SELECT change_id FROM supervision.registry_change
