-- Whether the registry holds the demo registers (sql/demo/generate.sql marks registry.permit):
-- the demo's supervisors play only there, never on real registers.
SELECT coalesce(obj_description('registry.permit'::regclass, 'pg_class') LIKE 'demo registers%', false) AS is_demo
