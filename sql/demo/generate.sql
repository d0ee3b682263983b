-- Demo registers: replaces the content of every registry table with a realistic,
-- deterministic data set (docs/demo-data.md describes shares, distributions and the
-- deliberate bad rows).
--
-- Run as one multi-statement simple query inside ONE transaction, after
--   SELECT set_config('demo.seed', '42', true), set_config('demo.permits', '20000', true),
--          set_config('demo.as_of', '2026-11-23', true);
-- No psql meta-commands, no random(): every draw is a hash of (seed, row key, salt), so
-- the output depends only on the three parameters, never on the plan or parallelism.
-- Set-based throughout; the only big statement is the income one (~13 rows per permit).

-- The ETL's registers are replaced wholesale: no stale row may survive a regeneration.
TRUNCATE registry.permit, registry.income_record, registry.population_event,
         registry.company_status, registry.study_record, registry.benefit_payment,
         registry.employment_notice, registry.source_status;

-- JIT compiles the long generator expressions for seconds and saves nothing here;
-- SET LOCAL ends with the caller's transaction.
SET LOCAL jit = off;

-- ---------------------------------------------------------------------------------
-- Helpers (pg_temp: gone with the session). All are one-expression SQL functions, so
-- the planner inlines them and they cost no more than the expression itself.
-- ---------------------------------------------------------------------------------

-- Uniform draw in [0,1) from 53 bits of a seeded hash of a text key ('salt/key').
CREATE OR REPLACE FUNCTION pg_temp.rnd(seed bigint, k text) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashtextextended(k, seed) & 9007199254740991)::double precision / 9007199254740992 $$;

-- Three independent 21-bit uniforms from one integer hash (i = 0, 1, 2): the income
-- generator needs several draws per person-month and an int8 hash is the cheapest.
CREATE OR REPLACE FUNCTION pg_temp.part(h bigint, i int) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((h >> (21 * i)) & 2097151)::double precision / 2097152 $$;

-- Zero-padded number that never truncates (lpad would cut 1000000 to 6 digits).
CREATE OR REPLACE FUNCTION pg_temp.pad(x bigint, w int) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lpad(x::text, greatest(w, length(x::text)), '0') $$;

-- rules.md §1 add_months: same day n months later, clamped to the month's last day.
CREATE OR REPLACE FUNCTION pg_temp.add_months(d date, n int) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (d + make_interval(months => n))::date $$;

-- Months as integers (year * 12 + month - 1) so month ranges are generate_series(int).
CREATE OR REPLACE FUNCTION pg_temp.month_idx(d date) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (extract(year FROM d)::int * 12 + extract(month FROM d)::int - 1) $$;
CREATE OR REPLACE FUNCTION pg_temp.month_start(mi int) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT make_date(mi / 12, mi % 12 + 1, 1) $$;

-- Study terms as integers (year * 2, + 1 for autumn): spring 1.1.-31.7., autumn 1.8.-31.12.
CREATE OR REPLACE FUNCTION pg_temp.term_idx(d date) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (extract(year FROM d)::int * 2 + (extract(month FROM d) >= 8)::int) $$;
CREATE OR REPLACE FUNCTION pg_temp.term_start(t int) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT make_date(t / 2, CASE t % 2 WHEN 0 THEN 1 ELSE 8 END, 1) $$;
CREATE OR REPLACE FUNCTION pg_temp.term_end(t int) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT make_date(t / 2, CASE t % 2 WHEN 0 THEN 7 ELSE 12 END, 31) $$;

-- A register timestamp: a local Helsinki time on day d, independent of the session's
-- TimeZone setting (so the stored instants are the same wherever the script runs).
CREATE OR REPLACE FUNCTION pg_temp.hel(d date, hours double precision) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (d + make_interval(secs => round(hours * 3600))) AT TIME ZONE 'Europe/Helsinki' $$;

-- Validity length of a permit as add_months(valid_from, months) - 1 + days: the months
-- part (u1 picks the bucket, u2 the value inside it). Buckets sit on the coverage
-- boundaries of rules.md §1/§3 on purpose: exactly 6 and exactly 12 months, one day
-- under and one day over.
CREATE OR REPLACE FUNCTION pg_temp.len_months(basis text, seq text, u1 double precision, u2 double precision)
    RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN seq = 'extended' THEN CASE WHEN u1 < .06 THEN 6 WHEN u1 < .31 THEN 12 WHEN u1 < .56 THEN 24
                                    WHEN u1 < .71 THEN 36 WHEN u1 < .81 THEN 48
                                    ELSE 13 + floor(u2 * 35)::int END
    WHEN basis = 'student' THEN CASE WHEN u1 < .08 THEN 6 WHEN u1 < .43 THEN 12 WHEN u1 < .88 THEN 24
                                     ELSE 13 + floor(u2 * 11)::int END
    WHEN basis IN ('specialist', 'eu_blue_card') THEN
        CASE WHEN u1 < .20 THEN 12 WHEN u1 < .65 THEN 24 WHEN u1 < .90 THEN 13 + floor(u2 * 36)::int
             ELSE 6 + floor(u2 * 6)::int END
    WHEN basis = 'growth_entrepreneur' THEN
        CASE WHEN u1 < .20 THEN 12 WHEN u1 < .80 THEN 24 WHEN u1 < .95 THEN 13 + floor(u2 * 11)::int
             ELSE 6 + floor(u2 * 6)::int END
    WHEN basis IN ('employed', 'self_employed', 'other_work') THEN
        CASE WHEN u1 < .63 THEN 12 WHEN u1 < .85 THEN 13 + floor(u2 * 12)::int
             ELSE 4 + floor(u2 * 8)::int END
    ELSE CASE WHEN u1 < .40 THEN 12 WHEN u1 < .80 THEN 24 ELSE 13 + floor(u2 * 36)::int END
END $$;

-- ... and the days part: 0 for a whole number of months, -1 for one day short
-- ("not at least"), +1 for one day over ("more than"), or a spread around 6 months.
CREATE OR REPLACE FUNCTION pg_temp.len_days(basis text, seq text, u1 double precision, u2 double precision)
    RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN seq = 'extended' THEN
        CASE WHEN u1 >= .06 THEN 0 WHEN u2 < .25 THEN -1 WHEN u2 < .50 THEN 0
             ELSE floor((u2 - .5) * 126)::int - 31 END            -- 5..7 months
    WHEN basis = 'student' THEN CASE WHEN u1 < .05 THEN -1 - floor(u2 * 120)::int ELSE 0 END
    WHEN basis IN ('specialist', 'eu_blue_card', 'growth_entrepreneur') THEN
        CASE WHEN u1 >= .15 AND u1 < .20 THEN 1 ELSE 0 END
    WHEN basis IN ('employed', 'self_employed', 'other_work') THEN
        CASE WHEN u1 >= .50 AND u1 < .58 THEN 1 WHEN u1 >= .58 AND u1 < .63 THEN -1 ELSE 0 END
    ELSE 0
END $$;

-- The three parameters, read once, plus what every block derives from them.
CREATE TEMP TABLE demo_param ON COMMIT DROP AS
SELECT current_setting('demo.seed')::bigint                  AS seed,
       current_setting('demo.permits')::int                  AS n,
       current_setting('demo.as_of')::date                   AS as_of,
       date '2022-01-01'                                     AS first_day,   -- earliest decision
       date '2023-01-01'                                     AS income_from, -- Incomes Register extract
       greatest(6, length(current_setting('demo.permits')))  AS w,           -- id digits
       pg_temp.month_idx(current_setting('demo.as_of')::date) - 1 AS last_mi, -- last complete month
       pg_temp.term_idx(current_setting('demo.as_of')::date) - 1  AS last_ti, -- last ended term
       greatest(20, current_setting('demo.permits')::int / 25)    AS employers,
       greatest(5, current_setting('demo.permits')::int / 500)    AS shared_companies,
       greatest(10, least(200, current_setting('demo.permits')::int / 500)) AS institutions;
ANALYZE demo_param;

-- CTEs that build on each other are MATERIALIZED throughout: inlined, every column
-- reference would repeat the whole expression chain below it (minutes instead of seconds).

-- ---------------------------------------------------------------------------------
-- Chains: one per person. Slots 1..n are the permits; slots (2j-1, 2j) form a chain of
-- the person's first permit and its extension with probability 0.24, otherwise two
-- one-permit persons. That gives ~40 % extended permits of which ~30 % have their first
-- permit in the data (work-based history >= 2 years matters to rules.md §5 no_income).
-- ---------------------------------------------------------------------------------
CREATE TEMP TABLE demo_chain ON COMMIT DROP AS
WITH slot AS MATERIALIZED (
    SELECT s,
           (s % 2 = 0 OR s < p.n) AND pg_temp.rnd(p.seed, 'pair/' || ((s + 1) / 2)) < 0.24 AS paired
    FROM demo_param p, generate_series(1, p.n) AS s
), c0 AS MATERIALIZED (
    SELECT s AS chain_no,
           CASE WHEN paired THEN 2 ELSE 1 END AS len,
           CASE WHEN ub < .25 THEN 'student'       WHEN ub < .37 THEN 'specialist'
                WHEN ub < .40 THEN 'eu_blue_card'  WHEN ub < .44 THEN 'growth_entrepreneur'
                WHEN ub < .72 THEN 'employed'      WHEN ub < .75 THEN 'self_employed'
                WHEN ub < .80 THEN 'other_work'    WHEN ub < .83 THEN 'researcher'
                WHEN ub < .97 THEN 'family'        ELSE 'other' END AS basis,
           -- 63.2 % first among one-permit persons gives ~60/40 over all permits.
           CASE WHEN paired OR pg_temp.rnd(p.seed, 'seq/' || s) < 0.632 THEN 'first' ELSE 'extended' END AS seq1,
           pg_temp.rnd(p.seed, 'len1a/' || s) AS l1a, pg_temp.rnd(p.seed, 'len1b/' || s) AS l1b,
           pg_temp.rnd(p.seed, 'len2a/' || s) AS l2a, pg_temp.rnd(p.seed, 'len2b/' || s) AS l2b,
           pg_temp.rnd(p.seed, 'dec/' || s) AS u_dec,
           pg_temp.rnd(p.seed, 'vf1/' || s) AS u_vf1, pg_temp.rnd(p.seed, 'vf2/' || s) AS u_vf2,
           pg_temp.rnd(p.seed, 'status/' || s) AS u_st, pg_temp.rnd(p.seed, 'stday/' || s) AS u_stday,
           pg_temp.rnd(p.seed, 'org/' || s) AS u_org, pg_temp.rnd(p.seed, 'orgno/' || s) AS u_orgno,
           pg_temp.rnd(p.seed, 'req/' || s) AS u_req, pg_temp.rnd(p.seed, 'reqv/' || s) AS u_reqv,
           p.*
    FROM slot, demo_param p, LATERAL (SELECT pg_temp.rnd(p.seed, 'basis/' || s) AS ub) b
    WHERE NOT paired OR s % 2 = 1
), c1 AS MATERIALIZED (
    SELECT c0.*,
           pg_temp.len_months(basis, seq1, l1a, l1b) AS m1, pg_temp.len_days(basis, seq1, l1a, l1b) AS d1,
           pg_temp.len_months(basis, 'extended', l2a, l2b) AS m2, pg_temp.len_days(basis, 'extended', l2a, l2b) AS d2
    FROM c0
), c2 AS MATERIALIZED (
    -- A chain's first decision is drawn early enough that its extension is decided by as_of.
    SELECT c1.*,
           first_day + floor(u_dec * greatest(1, as_of - first_day + 1
                                               - CASE WHEN len = 2 THEN m1 * 31 + d1 + 60 ELSE 0 END))::int AS dec1
    FROM c1
), c3 AS MATERIALIZED (
    SELECT c2.*, dec1 + floor(u_vf1 * 61)::int AS vf1 FROM c2
), c4 AS MATERIALIZED (
    SELECT c3.*, pg_temp.add_months(vf1, m1) - 1 + d1 AS vu1 FROM c3
), c5 AS MATERIALIZED (
    SELECT c4.*,
           CASE WHEN len = 2 THEN vu1 + 1 END AS vf2,
           CASE WHEN len = 2 THEN least(vu1 + 1 - floor(u_vf2 * 61)::int, as_of) END AS dec2,
           CASE WHEN len = 2 THEN pg_temp.add_months(vu1 + 1, m2) - 1 + d2 END AS vu2
    FROM c4
)
SELECT chain_no, len, basis, seq1, dec1, vf1, vu1, dec2, vf2, vu2,
       coalesce(dec2, dec1) AS last_dec, coalesce(vf2, vf1) AS last_vf, coalesce(vu2, vu1) AS last_vu,
       -- Status of the person's latest permit (a chain's first permit simply expired, so
       -- the shares are a little lower here to give ~93/5/2 % over all permits).
       CASE WHEN u_st < .92 THEN 'granted' WHEN u_st < .977 THEN 'revoked' ELSE 'withdrawn' END AS last_status,
       u_stday,
       'H-' || pg_temp.pad(chain_no, w) AS person_id,
       CASE WHEN basis IN ('specialist', 'eu_blue_card', 'employed', 'other_work', 'researcher')
            THEN 'E-' || pg_temp.pad(1 + floor(employers * power(u_orgno, 2.2))::int, 5) END AS employer_id,
       -- Entrepreneurs own their company; ~10 % share one of a small pool with others.
       CASE WHEN basis IN ('growth_entrepreneur', 'self_employed') THEN
            CASE WHEN u_org < .10 THEN 'C-S' || pg_temp.pad(1 + floor(shared_companies * u_orgno)::int, 4)
                 ELSE 'C-' || pg_temp.pad(chain_no, w) END END AS company_id,
       CASE WHEN basis = 'student'
            THEN 'I-' || pg_temp.pad(1 + floor(institutions * power(u_orgno, 1.5))::int, 3) END AS institution_id,
       CASE WHEN basis = 'specialist' AND u_req < .05 THEN 4000 + 50 * floor(u_reqv * 60)
            WHEN basis = 'employed' AND u_req < .05 THEN 1700 + 50 * floor(u_reqv * 30) END::numeric(10,2)
           AS required_monthly_income
FROM c5;
ANALYZE demo_chain;

-- The permits themselves, still clean: one row per slot, expanded from the chains.
CREATE TEMP TABLE demo_permit ON COMMIT DROP AS
SELECT c.chain_no + k - 1 AS permit_no,
       'P-' || pg_temp.pad(c.chain_no + k - 1, p.w) AS permit_id,
       c.person_id, c.basis,
       CASE WHEN k = 2 THEN 'extended' ELSE c.seq1 END AS sequence,
       CASE WHEN k = 2 THEN c.dec2 ELSE c.dec1 END AS decision_date,
       CASE WHEN k = 2 THEN c.vf2 ELSE c.vf1 END AS valid_from,
       CASE WHEN k = 2 THEN c.vu2 ELSE c.vu1 END AS valid_until,
       CASE WHEN k < c.len THEN 'granted' ELSE c.last_status END AS status,
       c.u_stday, c.employer_id, c.company_id, c.institution_id, c.required_monthly_income
FROM demo_chain c, demo_param p, LATERAL (VALUES (1), (2)) AS kk(k)
WHERE k <= c.len;
ANALYZE demo_permit;

-- Deliberate bad permits (rules.md §8): a fixed number per kind, ~0.25 % in all, chosen
-- by hash rank so every kind is present even in a small set. Kinds that need a basis
-- are drawn from that basis; the others from the remaining permits.
CREATE TEMP TABLE demo_bad_permit ON COMMIT DROP AS
WITH cand AS MATERIALIZED (
    SELECT d.permit_no,
           CASE WHEN d.basis IN ('growth_entrepreneur', 'self_employed') THEN 'no_company'
                WHEN d.basis = 'student' THEN 'no_institution'
                ELSE (ARRAY['until_before_from', 'unknown_basis', 'unknown_sequence', 'unknown_status',
                            'revoked_no_date'])[1 + floor(pg_temp.rnd(p.seed, 'badkind/' || d.permit_no) * 5)::int]
           END AS kind,
           pg_temp.rnd(p.seed, 'bad/' || d.permit_no) AS u
    FROM demo_permit d, demo_param p
), ranked AS MATERIALIZED (
    SELECT permit_no, kind, row_number() OVER (PARTITION BY kind ORDER BY u, permit_no) AS r FROM cand
)
SELECT r.permit_no, r.kind
FROM ranked r, demo_param p
WHERE r.r <= greatest(1, round(p.n * CASE r.kind WHEN 'no_company' THEN 0.0002
                                                 WHEN 'no_institution' THEN 0.0003 ELSE 0.0004 END));
ANALYZE demo_bad_permit;

-- registry.permit: status_date falls inside validity (or between decision and as_of for
-- a permit not yet started); updated_at is the last change plus a few days.
INSERT INTO registry.permit (permit_id, person_id, basis, sequence, decision_date, valid_from, valid_until,
                             status, status_date, employer_id, company_id, institution_id,
                             required_monthly_income, updated_at)
SELECT d.permit_id, d.person_id,
       CASE WHEN b.kind = 'unknown_basis' THEN 'tourist' ELSE d.basis END,
       CASE WHEN b.kind = 'unknown_sequence' THEN 'renewal' ELSE d.sequence END,
       d.decision_date, d.valid_from,
       CASE WHEN b.kind = 'until_before_from' THEN d.valid_from - 1 - (d.permit_no % 30)::int ELSE d.valid_until END,
       CASE WHEN b.kind = 'unknown_status' THEN 'pending' WHEN b.kind = 'revoked_no_date' THEN 'revoked'
            ELSE d.status END,
       CASE WHEN b.kind IN ('unknown_status', 'revoked_no_date') THEN NULL ELSE s.status_date END,
       d.employer_id,
       CASE WHEN b.kind = 'no_company' THEN NULL ELSE d.company_id END,
       CASE WHEN b.kind = 'no_institution' THEN NULL ELSE d.institution_id END,
       d.required_monthly_income,
       pg_temp.hel(least(coalesce(s.status_date, d.decision_date) + (d.permit_no % 4)::int, p.as_of),
                   7 + 10 * pg_temp.rnd(p.seed, 'upd/' || d.permit_no))
FROM demo_permit d
CROSS JOIN demo_param p
LEFT JOIN demo_bad_permit b USING (permit_no)
CROSS JOIN LATERAL (
    SELECT CASE WHEN d.valid_from <= p.as_of THEN d.valid_from ELSE d.decision_date END AS lo,
           least(d.valid_until, p.as_of) AS hi
) AS r
CROSS JOIN LATERAL (
    SELECT CASE WHEN d.status <> 'granted' THEN r.lo + floor(d.u_stday * (r.hi - r.lo + 1))::int END AS status_date
) AS s;

-- ---------------------------------------------------------------------------------
-- Persons: what the other registers need to know about each holder, drawn once so
-- the registers agree with each other (a person who emigrated earns nothing abroad,
-- a notice is followed by the income gap it announces, and so on).
-- ---------------------------------------------------------------------------------
CREATE TEMP TABLE demo_person ON COMMIT DROP AS
WITH base AS MATERIALIZED (
    SELECT c.chain_no AS person_no, c.person_id, c.basis, c.seq1, c.vf1 AS first_vf, c.last_vu,
           c.employer_id, c.company_id, c.institution_id, c.required_monthly_income,
           CASE WHEN c.basis IN ('specialist', 'eu_blue_card') THEN 'spec'
                WHEN c.basis IN ('employed', 'other_work') THEN 'emp'
                WHEN c.basis IN ('growth_entrepreneur', 'self_employed') THEN 'ent'
                WHEN c.basis = 'student' THEN 'stu' END AS cls,
           -- A person on an extended permit without its first one lived here before 2022
           -- or before the extract: registered well before the extension.
           CASE WHEN pg_temp.rnd(p.seed, 'reg/' || c.chain_no)
                     < CASE WHEN c.basis = 'growth_entrepreneur' AND c.seq1 = 'first' THEN .15 ELSE .095 END
                THEN NULL
                WHEN c.seq1 = 'extended' THEN c.vf1 - 120 - floor(pg_temp.rnd(p.seed, 'regday/' || c.chain_no) * 1400)::int
                ELSE c.vf1 + floor(pg_temp.rnd(p.seed, 'regday/' || c.chain_no) * 61)::int END AS reg0,
           p.*
    FROM demo_chain c, demo_param p
), reg AS MATERIALIZED (
    SELECT base.*, CASE WHEN reg0 <= as_of - 1 THEN reg0 END AS registered_on FROM base
), em AS MATERIALIZED (
    SELECT reg.*,
           CASE WHEN registered_on IS NOT NULL AND pg_temp.rnd(seed, 'emig/' || person_no) < .03
                     AND greatest(registered_on + 1, first_vf) <= as_of - 1
                THEN greatest(registered_on + 1, first_vf)
                     + floor(pg_temp.rnd(seed, 'emigday/' || person_no)
                             * (as_of - greatest(registered_on + 1, first_vf)))::int END AS emigrated_on
    FROM reg
), ret AS MATERIALIZED (
    -- A third of emigrants come back; a quarter of those on the same day (rules.md §5:
    -- on the same day, `returned` counts as the later event).
    SELECT em.*,
           CASE WHEN emigrated_on IS NOT NULL AND pg_temp.rnd(seed, 'ret/' || person_no) < 1.0 / 3 THEN
                emigrated_on + CASE WHEN pg_temp.rnd(seed, 'retsame/' || person_no) < .25 THEN 0
                                    ELSE 1 + floor(pg_temp.rnd(seed, 'retday/' || person_no) * 200)::int END
           END AS ret0,
           CASE WHEN registered_on IS NOT NULL AND emigrated_on IS NULL
                     AND pg_temp.rnd(seed, 'dead/' || person_no) < .002
                     AND greatest(registered_on + 1, first_vf) <= as_of - 1
                THEN greatest(registered_on + 1, first_vf)
                     + floor(pg_temp.rnd(seed, 'deadday/' || person_no)
                             * (as_of - greatest(registered_on + 1, first_vf)))::int END AS deceased_on,
           -- Employer's notice: ended within validity since the extracts begin (2023), on any
           -- day, so that every night of a backfilled history meets some; ~4 % of employees.
           CASE WHEN cls IN ('spec', 'emp') AND pg_temp.rnd(seed, 'notice/' || person_no) < .045
                     AND greatest(first_vf, income_from) <= least(last_vu, as_of - 1)
                THEN greatest(first_vf, income_from)
                     + floor(pg_temp.rnd(seed, 'noticeday/' || person_no)
                             * (least(last_vu, as_of - 1) - greatest(first_vf, income_from) + 1))::int
           END AS ended_on
    FROM em
)
SELECT person_no, person_id, basis, seq1, cls, first_vf, last_vu, employer_id, company_id, institution_id,
       required_monthly_income, registered_on, emigrated_on,
       CASE WHEN ret0 <= as_of - 1 THEN ret0 END AS returned_on,
       deceased_on, ended_on
FROM ret
ORDER BY person_no;
ANALYZE demo_person;

-- registry.population_event: registered / emigrated / returned / deceased, each dated
-- on or before as_of - 1 (the register is complete through that day).
INSERT INTO registry.population_event (event_id, person_id, event_type, event_date, received_at)
SELECT 'V-' || pg_temp.pad(d.person_no, p.w) || '-' || e.k, d.person_id, e.event_type, e.event_date,
       pg_temp.hel(least(e.event_date + (d.person_no % 3)::int, p.as_of - 1), 4)
FROM demo_person d
CROSS JOIN demo_param p
CROSS JOIN LATERAL (VALUES (1, 'registered', d.registered_on), (2, 'emigrated', d.emigrated_on),
                           (3, 'returned', d.returned_on), (4, 'deceased', d.deceased_on)) AS e(k, event_type, event_date)
WHERE e.event_date IS NOT NULL;

-- Bad population events: an unknown event_type (~0.2 % of events), a month after the
-- registration, under an event id of its own.
INSERT INTO registry.population_event (event_id, person_id, event_type, event_date, received_at)
SELECT 'V-' || pg_temp.pad(d.person_no, p.w) || '-9', d.person_id, 'address_change',
       least(d.registered_on + 30, p.as_of - 1), pg_temp.hel(least(d.registered_on + 31, p.as_of - 1), 4)
FROM demo_person d, demo_param p
WHERE d.registered_on IS NOT NULL
ORDER BY pg_temp.rnd(p.seed, 'badevent/' || d.person_no), d.person_no
LIMIT (SELECT greatest(2, round(count(*) * 0.002)) FROM registry.population_event);

-- ---------------------------------------------------------------------------------
-- registry.company_status: every company active before its first permit's decision;
-- ~12 % later in liquidation, bankrupt or deregistered (not before any permit started).
-- ---------------------------------------------------------------------------------
CREATE TEMP TABLE demo_company ON COMMIT DROP AS
SELECT c.company_id, c.first_dec, c.first_vf,
       c.first_dec - 30 - floor(pg_temp.rnd(p.seed, 'coactive/' || c.company_id) * 900)::int AS active_on,
       pg_temp.rnd(p.seed, 'coend/' || c.company_id) AS u_end,
       pg_temp.rnd(p.seed, 'coday/' || c.company_id) AS u_day
FROM (SELECT company_id, min(decision_date) AS first_dec, min(valid_from) AS first_vf
      FROM demo_permit WHERE company_id IS NOT NULL GROUP BY company_id) c, demo_param p;
ANALYZE demo_company;

INSERT INTO registry.company_status (company_id, status, status_date, received_at)
SELECT company_id, 'active', active_on, pg_temp.hel(active_on + 2, 9)
FROM demo_company
UNION ALL
SELECT c.company_id,
       CASE WHEN c.u_end < .05 THEN 'liquidation' WHEN c.u_end < .09 THEN 'bankrupt' ELSE 'deregistered' END,
       r.lo + floor(c.u_day * (p.as_of - 1 - r.lo + 1))::int,
       pg_temp.hel(least(r.lo + floor(c.u_day * (p.as_of - r.lo))::int + 2, p.as_of - 1), 9)
FROM demo_company c, demo_param p, LATERAL (SELECT greatest(c.active_on + 2, c.first_vf) AS lo) r
WHERE c.u_end < .12 AND r.lo <= p.as_of - 1;

-- Bad company statuses: an unknown status the day after `active` (~0.3 % of rows).
INSERT INTO registry.company_status (company_id, status, status_date, received_at)
SELECT c.company_id, 'dormant', c.active_on + 1, pg_temp.hel(c.active_on + 3, 9)
FROM demo_company c, demo_param p
ORDER BY pg_temp.rnd(p.seed, 'badco/' || c.company_id), c.company_id
LIMIT (SELECT greatest(2, round(count(*) * 0.003)) FROM registry.company_status);

-- ---------------------------------------------------------------------------------
-- registry.income_record: one record per person and month (~2 % of months split over
-- two payers) from max(first valid_from, 2024-01) to the month before as_of. The
-- per-person profile is drawn here; the person-month rows below only apply it.
-- Absent months use sentinels (1000000 = never) so the row filter needs no NULL logic.
-- ---------------------------------------------------------------------------------
CREATE TEMP TABLE demo_income ON COMMIT DROP AS
WITH prof AS MATERIALIZED (
    SELECT d.person_no, pg_temp.pad(d.person_no, p.w) AS person_no_txt, d.person_id, d.cls,
           d.required_monthly_income AS req_fixed,
           pg_temp.month_idx(greatest(d.first_vf, p.income_from)) AS mi0, p.last_mi AS mi1,
           coalesce(d.employer_id, d.company_id,
                    'E-' || pg_temp.pad(1 + floor(p.employers * pg_temp.rnd(p.seed, 'stupayer/' || d.person_no))::int, 5))
               AS payer_id,
           'E-' || pg_temp.pad(1 + floor(p.employers * pg_temp.rnd(p.seed, 'payer2/' || d.person_no))::int, 5) AS payer2_id,
           pg_temp.rnd(p.seed, 'inccat/' || d.person_no) AS u_cat,
           pg_temp.rnd(p.seed, 'inclvl/' || d.person_no) AS u_lvl,
           pg_temp.rnd(p.seed, 'incgap/' || d.person_no) AS u_gap,
           pg_temp.rnd(p.seed, 'incgap2/' || d.person_no) AS u_gap2,
           least(p.last_mi, pg_temp.month_idx(greatest(d.first_vf, p.income_from)) + 2
                 + floor(pg_temp.rnd(p.seed, 'incgap2/' || d.person_no)
                         * greatest(1, p.last_mi - pg_temp.month_idx(greatest(d.first_vf, p.income_from)) - 1))::int)
               AS gap_end,
           pg_temp.rnd(p.seed, 'inczero/' || d.person_no) AS u_zero,
           pg_temp.rnd(p.seed, 'incafter/' || d.person_no) AS u_after,
           pg_temp.rnd(p.seed, 'heavy/' || d.person_no) AS u_heavy,
           CASE WHEN d.ended_on IS NOT NULL THEN pg_temp.month_idx(d.ended_on) ELSE 1000000 END AS ne_mi,
           CASE WHEN d.emigrated_on IS NOT NULL THEN pg_temp.month_idx(d.emigrated_on) ELSE 1000000 END AS emig_mi,
           CASE WHEN d.returned_on IS NOT NULL THEN pg_temp.month_idx(d.returned_on) ELSE 1000000 END AS ret_mi,
           CASE WHEN d.deceased_on IS NOT NULL THEN pg_temp.month_idx(d.deceased_on) ELSE 1000000 END AS death_mi,
           p.employers, p.seed
    FROM demo_person d, demo_param p
    WHERE d.cls IS NOT NULL
)
SELECT person_no, person_no_txt, person_id, cls, req_fixed, mi0, mi1, payer_id, payer2_id,
       -- Level against the monthly requirement: 10 % persistently a little below.
       CASE WHEN cls IN ('spec', 'emp') AND u_cat < .10 THEN .86 + .11 * u_lvl ELSE 1.06 + .64 * u_lvl END AS f,
       CASE WHEN cls IN ('spec', 'emp') AND u_cat < .10 THEN .04 ELSE .08 END AS noise,
       -- 5 % with a run of 3..8 months without pay (30 % of them zero-amount records), ending
       -- in any month of the person's extract, so that a backfilled history meets them on
       -- every night and sees pay resume after most.
       CASE WHEN cls IN ('spec', 'emp') AND u_cat >= .10 AND u_cat < .15
            THEN gap_end - 2 - floor(u_gap * 6)::int
            ELSE 1000000 END AS gap0,
       CASE WHEN cls IN ('spec', 'emp') AND u_cat >= .10 AND u_cat < .15 THEN gap_end ELSE -1 END AS gap1,
       (u_zero < .3) AS gap_zero,
       -- 1 % with a single zero-amount month somewhere.
       CASE WHEN cls IN ('spec', 'emp') AND u_zero >= .5 AND u_zero < .51
            THEN mi0 + floor(u_gap * (mi1 - mi0 + 1))::int ELSE -1 END AS zero_mi,
       -- After a notice: 60 % no pay since, 25 % a new job after 1-4 months, 15 % at once.
       ne_mi,
       CASE WHEN ne_mi = 1000000 OR u_after < .60 THEN 1000000
            WHEN u_after < .85 THEN ne_mi + 2 + floor((u_after - .60) * 16)::int
            ELSE ne_mi + 1 END AS resume_mi,
       'E-' || pg_temp.pad(1 + floor(employers * pg_temp.rnd(seed, 'newjob/' || person_no))::int, 5) AS new_payer_id,
       emig_mi, ret_mi, death_mi,
       -- Students: 40 % work; 3 % of those 165-190 h every month (over 1 560 h a year),
       -- the rest 40-110 h in 85 % of months (never over the cap).
       (cls = 'stu' AND u_heavy < .03) AS heavy,
       CASE WHEN cls = 'stu' AND u_heavy < .03 THEN 165 + 25 * u_lvl ELSE 40 + 70 * u_lvl END AS hours_lvl,
       12 + 5 * u_gap AS wage,
       800 + 3700 * u_lvl AS ent_lvl
FROM prof
WHERE cls IN ('spec', 'emp')
   OR (cls = 'stu' AND u_cat < .40)
   OR (cls = 'ent' AND u_cat < .60)       -- entrepreneurs: fewer pay themselves a salary
ORDER BY person_no;
ANALYZE demo_income;

INSERT INTO registry.income_record (record_id, person_id, payer_id, period_start, period_end,
                                    gross_amount, hours, received_at)
SELECT 'R-' || m.person_no_txt || '-' || m.yyyymm || '-' || x.part,
       m.person_id,
       CASE WHEN x.part = 2 THEN m.payer2_id ELSE m.payer END,
       CASE WHEN x.part = 9 AND m.bad_swap THEN m.me ELSE m.ms END,
       CASE WHEN x.part = 9 AND m.bad_swap THEN m.ms ELSE m.me END,
       CASE x.part WHEN 1 THEN CASE WHEN m.split THEN round(m.amount * m.share, 2) ELSE m.amount END
                   WHEN 2 THEN m.amount - round(m.amount * m.share, 2)
                   ELSE CASE WHEN m.bad_swap THEN m.amount ELSE -(100 + floor(m.share * 1000)) END END,
       CASE x.part WHEN 1 THEN CASE WHEN m.split THEN round(m.hours * m.share, 1) ELSE m.hours END
                   WHEN 2 THEN m.hours - round(m.hours * m.share, 1)
                   ELSE m.hours END,
       pg_temp.hel(m.me + 3 + (m.mi % 6), 5 + x.part)
FROM (
    SELECT a.*,
           make_date(a.mi / 12, a.mi % 12 + 1, 1) AS ms,
           make_date((a.mi + 1) / 12, (a.mi + 1) % 12 + 1, 1) - 1 AS me,
           ((a.mi / 12) * 100 + a.mi % 12 + 1)::text AS yyyymm,
           CASE WHEN a.zero THEN 0
                WHEN a.cls IN ('spec', 'emp') THEN
                    round((coalesce(a.req_fixed,
                                    CASE WHEN a.cls = 'spec' THEN CASE WHEN a.mi < 2025 * 12 THEN 3638
                                                                       WHEN a.mi < 2026 * 12 THEN 3827 ELSE 3937 END
                                         ELSE CASE WHEN a.mi < 2025 * 12 THEN 1399 ELSE 1600 END END)
                           * a.f * (1 + (a.u0 - .5) * a.noise))::numeric, 2)
                WHEN a.cls = 'stu' THEN round((a.hours * a.wage)::numeric, 2)
                ELSE round((a.ent_lvl * (.7 + .6 * a.u0))::numeric, 2) END AS amount,
           (a.cls IN ('spec', 'emp') AND NOT a.zero AND a.u1 < .02) AS split,
           (a.u2 < .002) AS bad,
           (a.u2 >= .001) AS bad_swap,
           (.3 + .4 * a.u3)::numeric(4,3) AS share
    FROM (
        SELECT i.person_no, i.person_no_txt, i.person_id, i.cls, i.req_fixed,
               i.f, i.noise, i.wage, i.ent_lvl, mi, u.u0, u.u1, u.u2, u.u3,
               CASE WHEN mi >= i.resume_mi THEN i.new_payer_id ELSE i.payer_id END AS payer,
               i.payer2_id,
               (mi BETWEEN i.gap0 AND i.gap1 OR mi = i.zero_mi) AS zero,
               CASE WHEN i.cls = 'stu' THEN round((i.hours_lvl * CASE WHEN i.heavy THEN .97 + .06 * u.u0
                                                                      ELSE .85 + .30 * u.u0 END)::numeric, 1)
                    WHEN i.cls = 'ent' THEN NULL
                    WHEN mi BETWEEN i.gap0 AND i.gap1 OR mi = i.zero_mi THEN 0
                    ELSE round((150 + 20 * u.u0)::numeric, 1) END AS hours
        FROM demo_income i
        CROSS JOIN demo_param p
        CROSS JOIN LATERAL generate_series(i.mi0, i.mi1) AS mi
        CROSS JOIN LATERAL (
            SELECT pg_temp.part(hashint8extended(i.person_no::bigint * 50000 + mi, p.seed), 0) AS u0,
                   pg_temp.part(hashint8extended(i.person_no::bigint * 50000 + mi, p.seed), 1) AS u1,
                   pg_temp.part(hashint8extended(i.person_no::bigint * 50000 + mi, p.seed), 2) AS u2,
                   pg_temp.part(hashint8extended(i.person_no::bigint * 50000 + mi, p.seed + 1), 0) AS u3
        ) AS u
        WHERE NOT (mi BETWEEN i.gap0 AND i.gap1 AND NOT i.gap_zero)           -- unemployed, no record
          AND NOT (mi > i.ne_mi AND mi < i.resume_mi)                         -- after the notice
          AND NOT (mi > i.emig_mi AND mi <= i.ret_mi)                         -- abroad
          AND mi <= i.death_mi
          AND NOT (i.cls IN ('stu', 'ent') AND NOT i.heavy AND u.u1 >= .85)   -- months off
        OFFSET 0
    ) AS a
    OFFSET 0
) AS m
-- Part 2 is the second payer of a split month; part 9 a deliberate bad record (~0.2 %):
-- a negative amount, or period_end before period_start. (Lateral, so that it stays the
-- inner side of the join and the month rows are produced once.)
CROSS JOIN LATERAL (VALUES (1, true), (2, m.split), (9, m.bad)) AS x(part, wanted)
WHERE x.wanted;

-- ---------------------------------------------------------------------------------
-- registry.study_record: one record per term for students, from the term of their
-- first valid_from to the last term that ended before as_of (or their last term of
-- validity). Profiles: 8 % absent latest term, 3 % withdrawn, 5 % two present terms
-- with 0 credits, 5 % graduated (nothing after), 2 % no record for the latest term.
-- ---------------------------------------------------------------------------------
INSERT INTO registry.study_record (person_id, institution_id, term_start, term_end, enrolment, credits, received_at)
SELECT s.person_id, s.institution_id, pg_temp.term_start(s.t), pg_temp.term_end(s.t),
       s.enrolment,
       CASE WHEN s.enrolment IN ('absent', 'withdrawn') OR s.zero_two THEN 0
            WHEN s.u_cr < .08 THEN floor(s.u_cr2 * 10) / 2
            ELSE 5 + floor(s.u_cr2 * 51) / 2 END::numeric(6,1),
       pg_temp.hel(least(pg_temp.term_end(s.t) + 10 + (s.t % 20), p.as_of - 1), 8)
FROM demo_param p, LATERAL (
    SELECT st.person_id, st.institution_id, t, st.zero_two AND t BETWEEN st.ta - 1 AND st.ta AS zero_two,
           CASE WHEN t = st.grad_t THEN 'graduated'
                WHEN t = st.ta AND st.cat = 'absent' THEN 'absent'
                WHEN t = st.ta AND st.cat = 'withdrawn' THEN 'withdrawn'
                WHEN t <> st.ta AND pg_temp.rnd(p.seed, 'absent/' || st.person_no || '/' || t) < .03 THEN 'absent'
                ELSE 'present' END AS enrolment,
           pg_temp.rnd(p.seed, 'cr/' || st.person_no || '/' || t) AS u_cr,
           pg_temp.rnd(p.seed, 'cr2/' || st.person_no || '/' || t) AS u_cr2
    FROM (
        SELECT q.*, q.cat = 'zero_two' AS zero_two,
               -- The term of the person's lapse (absent, withdrawn, two terms without credits,
               -- no record): any term after the first, so that a backfilled history meets lapses
               -- on every night; a withdrawal ends the records.
               CASE WHEN q.ti1 > q.ti0 THEN q.ti0 + 1 + floor(q.u_a * (q.ti1 - q.ti0))::int ELSE q.ti1 END AS ta,
               CASE WHEN q.cat = 'graduated'
                    THEN CASE WHEN q.ti1 > q.ti0 THEN q.ti0 + 1 + floor(q.u_g * (q.ti1 - q.ti0))::int ELSE q.ti0 END
               END AS grad_t
        FROM (
            SELECT d.person_no, d.person_id, d.institution_id,
                   pg_temp.term_idx(d.first_vf) AS ti0,
                   least(pg_temp.term_idx(d.last_vu), p.last_ti) AS ti1,
                   CASE WHEN u < .08 THEN 'absent' WHEN u < .11 THEN 'withdrawn' WHEN u < .16 THEN 'zero_two'
                        WHEN u < .21 THEN 'graduated' WHEN u < .23 THEN 'missing' ELSE 'normal' END AS cat,
                   pg_temp.rnd(p.seed, 'grad/' || d.person_no) AS u_g,
                   pg_temp.rnd(p.seed, 'lapse/' || d.person_no) AS u_a
            FROM demo_person d, LATERAL (SELECT pg_temp.rnd(p.seed, 'study/' || d.person_no) AS u) r
            WHERE d.cls = 'stu'
        ) q
    ) st, generate_series(st.ti0, least(coalesce(st.grad_t, st.ti1), st.ti1,
                                        CASE WHEN st.cat = 'withdrawn' THEN st.ta END)) AS t
    WHERE NOT (st.cat = 'missing' AND t = st.ta)
) s;

-- Bad study records (~0.1 % each), as extra rows next to a real term: term_end before
-- term_start (key term_start + 1), and an unknown enrolment (key term_start + 2).
INSERT INTO registry.study_record (person_id, institution_id, term_start, term_end, enrolment, credits, received_at)
SELECT b.person_id, b.institution_id,
       b.term_start + CASE b.kind WHEN 1 THEN 1 ELSE 2 END,
       CASE b.kind WHEN 1 THEN b.term_start ELSE b.term_end END,
       CASE b.kind WHEN 1 THEN b.enrolment ELSE 'exchange' END,
       b.credits, b.received_at
FROM (
    SELECT r.*, k.kind,
           row_number() OVER (PARTITION BY k.kind
                              ORDER BY pg_temp.rnd(p.seed, 'badstudy' || k.kind || '/' || r.person_id || '/' || (r.term_start - date '2000-01-01')),
                                       r.person_id, r.term_start) AS rn,
           count(*) OVER (PARTITION BY k.kind) AS total
    FROM registry.study_record r, demo_param p, (VALUES (1), (2)) AS k(kind)
) b
WHERE b.rn <= greatest(1, round(b.total * 0.001));

-- ---------------------------------------------------------------------------------
-- registry.benefit_payment: 2 % of students get basic social assistance for 1-4
-- recent months; 5 % of all persons get some `other` benefit for 1-12 months.
-- ---------------------------------------------------------------------------------
INSERT INTO registry.benefit_payment (payment_id, person_id, benefit, period_start, period_end, amount, received_at)
SELECT 'B-' || pg_temp.pad(g.person_no, p.w) || '-' || ((mi / 12) * 100 + mi % 12 + 1) || '-' || g.k,
       g.person_id, g.benefit,
       pg_temp.month_start(mi), pg_temp.month_start(mi + 1) - 1,
       round((g.lvl * CASE WHEN g.k = 1 THEN .8 + .4 * pg_temp.rnd(p.seed, 'sa/' || g.person_no || '/' || mi)
                           ELSE 1 END)::numeric, 2),
       pg_temp.hel(least(pg_temp.month_start(mi + 1) + 4, p.as_of - 1), 6)
FROM demo_param p, LATERAL (
    SELECT d.person_no, d.person_id, 1 AS k, 'basic_social_assistance' AS benefit,
           greatest(e.mi1 - 3 + floor(4 * pg_temp.rnd(p.seed, 'salen/' || d.person_no))::int,
                    pg_temp.month_idx(d.first_vf)) AS mi0,
           e.mi1, 250 + 400 * pg_temp.rnd(p.seed, 'salvl/' || d.person_no) AS lvl
    FROM demo_person d,
         -- Ending in any month since the person's first month (of the extract), not only lately.
         LATERAL (SELECT least(p.last_mi, pg_temp.month_idx(greatest(d.first_vf, p.income_from))
                               + floor((p.last_mi - pg_temp.month_idx(greatest(d.first_vf, p.income_from)) + 1)
                                       * pg_temp.rnd(p.seed, 'saend/' || d.person_no))::int) AS mi1) e
    WHERE d.cls = 'stu' AND pg_temp.rnd(p.seed, 'sa/' || d.person_no) < .02
    UNION ALL
    SELECT d.person_no, d.person_id, 2, 'other', s.mi0,
           least(s.mi0 + floor(12 * pg_temp.rnd(p.seed, 'otlen/' || d.person_no))::int, p.last_mi),
           40 + 760 * pg_temp.rnd(p.seed, 'otlvl/' || d.person_no)
    FROM demo_person d,
         LATERAL (SELECT pg_temp.month_idx(greatest(d.first_vf, p.income_from)) AS w0) w,
         LATERAL (SELECT w.w0 + floor((p.last_mi - w.w0 + 1) * pg_temp.rnd(p.seed, 'otstart/' || d.person_no))::int
                  AS mi0) s
    WHERE pg_temp.rnd(p.seed, 'ot/' || d.person_no) < .05
) g, generate_series(g.mi0, g.mi1) AS mi;

-- Bad benefit payments (~0.1 % each): period_end before period_start (suffix -8) and
-- an unknown benefit (suffix -9), copied from real payments.
INSERT INTO registry.benefit_payment (payment_id, person_id, benefit, period_start, period_end, amount, received_at)
SELECT left(b.payment_id, -2) || CASE b.kind WHEN 1 THEN '-8' ELSE '-9' END,
       b.person_id,
       CASE b.kind WHEN 1 THEN b.benefit ELSE 'housing_allowance' END,
       CASE b.kind WHEN 1 THEN b.period_end ELSE b.period_start END,
       CASE b.kind WHEN 1 THEN b.period_start ELSE b.period_end END,
       b.amount, b.received_at
FROM (
    SELECT r.*, k.kind,
           row_number() OVER (PARTITION BY k.kind
                              ORDER BY pg_temp.rnd(p.seed, 'badbenefit' || k.kind || '/' || r.payment_id),
                                       r.payment_id) AS rn,
           count(*) OVER (PARTITION BY k.kind) AS total
    FROM registry.benefit_payment r, demo_param p, (VALUES (1), (2)) AS k(kind)
) b
WHERE b.rn <= greatest(1, round(b.total * 0.001));

-- ---------------------------------------------------------------------------------
-- registry.employment_notice: the notices drawn for demo_person (~4 % of employees),
-- received up to three weeks after the end (never after as_of - 1).
-- ---------------------------------------------------------------------------------
INSERT INTO registry.employment_notice (notice_id, person_id, employer_id, employment_ended_on, received_at)
SELECT 'N-' || pg_temp.pad(d.person_no, p.w) || '-1', d.person_id, d.employer_id, d.ended_on,
       pg_temp.hel(least(d.ended_on + 1 + (d.person_no % 20)::int, p.as_of - 1), 10)
FROM demo_person d, demo_param p
WHERE d.ended_on IS NOT NULL;

-- Bad notices: no employment_ended_on (~0.3 % of notices), for any employee.
INSERT INTO registry.employment_notice (notice_id, person_id, employer_id, employment_ended_on, received_at)
SELECT 'N-' || pg_temp.pad(d.person_no, p.w) || '-9', d.person_id, d.employer_id, NULL,
       pg_temp.hel(p.as_of - 1 - (d.person_no % 60)::int, 10)
FROM demo_person d, demo_param p
WHERE d.cls IN ('spec', 'emp')
ORDER BY pg_temp.rnd(p.seed, 'badnotice/' || d.person_no), d.person_no
LIMIT (SELECT greatest(1, round(count(*) * 0.003)) FROM registry.employment_notice);

-- ---------------------------------------------------------------------------------
-- registry.source_status: how far each register is complete (rules.md §1), refreshed
-- during the night before as_of (02:00 Helsinki minus up to a day).
-- ---------------------------------------------------------------------------------
INSERT INTO registry.source_status (source, complete_through, refreshed_at)
SELECT s.source, s.complete_through,
       pg_temp.hel(p.as_of, 2) - make_interval(secs => round(86400 * pg_temp.rnd(p.seed, 'refresh/' || s.source)))
FROM demo_param p, LATERAL (VALUES
    ('incomes',    pg_temp.month_start(p.last_mi + 1) - 1),
    ('benefits',   pg_temp.month_start(p.last_mi + 1) - 1),
    ('population', p.as_of - 1),
    ('companies',  p.as_of - 1),
    ('notices',    p.as_of - 1),
    ('studies',    pg_temp.term_end(p.last_ti))
) AS s(source, complete_through);

-- The mark of demo registers: `supervision demo supervise` plays the supervisors only on a
-- registry that carries it, never on real registers.
COMMENT ON TABLE registry.permit IS 'demo registers (sql/demo/generate.sql): not real data';

-- Fresh statistics: the run's plans depend on them and autovacuum may not have come yet.
ANALYZE registry.permit, registry.income_record, registry.population_event, registry.company_status,
        registry.study_record, registry.benefit_payment, registry.employment_notice, registry.source_status;
