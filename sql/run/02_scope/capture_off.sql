-- The registers whose change capture (migration 0007) is missing or not always enabled:
-- a run cannot know what changed in them and evaluates everyone.
SELECT t.name
FROM (SELECT member AS name FROM pg_temp.vocabulary WHERE list = 'captured_register') t
WHERE (SELECT count(*)
       FROM pg_trigger g
       JOIN pg_class c ON c.oid = g.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'registry' AND c.relname = t.name
         AND g.tgname IN ('supervision_change_insert', 'supervision_change_update', 'supervision_change_delete',
                          'supervision_change_truncate')
         AND g.tgenabled = 'A') < 4
ORDER BY t.name
