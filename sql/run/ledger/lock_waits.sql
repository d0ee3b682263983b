-- The lock waits of the run's sessions (lock_watch.h): what each waits for, since when, and
-- who holds it. pg_locks and the holders' pid, user and application are visible to every
-- role. $1 the run's backend pids.
SELECT w.pid,
       coalesce(w.relation::regclass::text, w.locktype) AS what,
       w.mode,
       floor(extract(epoch FROM clock_timestamp() - w.waitstart))::bigint AS seconds,
       coalesce((SELECT string_agg(format('pid %s (user %s, application ''%s'')', a.pid, a.usename,
                                          a.application_name), ', ' ORDER BY a.pid)
                 FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(w.pid))), 'another session')
           AS holders
FROM pg_locks w
WHERE NOT w.granted AND w.pid = ANY ($1::integer[]) AND w.waitstart IS NOT NULL
ORDER BY w.pid
