-- The registers truncated or changed in bulk since the last run (registry_change.whole).
SELECT DISTINCT source FROM supervision.registry_change WHERE whole ORDER BY source
