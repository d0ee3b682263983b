SELECT pg_advisory_unlock(hashtext('supervision.run'))
