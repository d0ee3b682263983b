-- After every migration, in the migration's transaction: what the migrating user created
-- in the three schemas is handed to the migrator role (objects of another owner, such as
-- register tables an ETL created, stay its own), and no trigger function and no SECURITY
-- DEFINER function is executable by PUBLIC. A trigger fires without an EXECUTE check, so
-- this keeps nothing from working; it keeps a login from attaching the audit trail's or
-- the change capture's functions to a table of its own and writing made-up rows.
DO $$
DECLARE
    o record;
BEGIN
    FOR o IN SELECT c.relkind, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('registry', 'supervision', 'stats') AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND pg_get_userbyid(c.relowner) = current_user AND current_user <> 'supervision_migrator' LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO supervision_migrator',
                       CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.nspname, o.relname);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname IN ('registry', 'supervision', 'stats')
               AND pg_get_userbyid(p.proowner) = current_user AND current_user <> 'supervision_migrator' LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO supervision_migrator', o.routine);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname IN ('registry', 'supervision', 'stats')
               AND (p.prorettype = 'trigger'::regtype OR p.prosecdef)
               AND has_function_privilege('public', p.oid, 'EXECUTE') LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', o.routine);
    END LOOP;
END $$;
