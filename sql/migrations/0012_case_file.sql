-- The case file of one permit (`supervision explain`) for a read-only supervisor login
-- (docs/reliability.md, "Least privilege"). The supervisor role reads the signals, reviews,
-- backlog, audit trail, explanations and events already; a case file needs four things
-- more, each given as narrowly as it can be:
--   1. the runs that did each step: the run ledger's columns that say which run, of which
--      day, under which configuration and release; not its counts, evaluation or error
--      (a server error there can quote a register row);
--   2. the configuration each run used: the coverage lines and parameters are the rules
--      the official applies, and hold no personal data;
--   3. the migration ledger, so that `explain` can refuse a database of another version as
--      every command does (version numbers, file names and checksums only);
--   4. the permit's register row, its enrolment and the holder's other permits: through a
--      SECURITY DEFINER function that returns the rows of one holder, and only of a holder
--      whose permit is or was under supervision. The supervisor role gets no SELECT on
--      registry.permit or supervision.supervised_permit: those list every resident with a
--      permit, most of whom no official has a reason to look at.

-- 1.
GRANT SELECT (run_id, as_of, mode, status, started_at, finished_at, config_digest, service_version)
    ON supervision.run TO supervision_supervisor;

-- 2.
GRANT SELECT ON supervision.config_snapshot TO supervision_supervisor;

-- 3.
GRANT SELECT ON supervision.schema_version TO supervision_supervisor;

-- 4. The holder is the person the permit was enrolled for (supervised_permit.person_id):
-- the register may have been corrected since, and the enrolment is what supervision acted
-- on. Rows: the asked permit (from the register and its enrolment), and every permit the
-- register or the enrolments give that person. Nothing for a permit never enrolled, an
-- empty id or NULL. Register dates come as they stand (an `infinity` stays one).
CREATE FUNCTION supervision.case_holder_permits(p_permit_id text)
    RETURNS TABLE (permit_id text, asked boolean, person_id text, in_register boolean, basis text, sequence text,
                   decision_date date, valid_from date, valid_until date, status text, status_date date,
                   employer_id text, company_id text, institution_id text, required_monthly_income numeric,
                   line_id text, enrolled_on date, enrolled_run bigint, ended_on date, end_reason text,
                   ended_run bigint, rejected_reasons text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH holder AS (
        SELECT sp.person_id FROM supervision.supervised_permit sp WHERE sp.permit_id = p_permit_id
    ), ids AS (
        SELECT p_permit_id AS permit_id FROM holder
        UNION
        SELECT p.permit_id FROM registry.permit p JOIN holder h ON h.person_id = p.person_id
        UNION
        SELECT sp.permit_id FROM supervision.supervised_permit sp JOIN holder h ON h.person_id = sp.person_id
    )
    SELECT i.permit_id, i.permit_id = p_permit_id, coalesce(sp.person_id, p.person_id), p.permit_id IS NOT NULL,
           p.basis, p.sequence, p.decision_date, p.valid_from, p.valid_until, p.status, p.status_date,
           p.employer_id, p.company_id, p.institution_id, p.required_monthly_income,
           sp.line_id, sp.enrolled_on, sp.enrolled_run, sp.ended_on, sp.end_reason, sp.ended_run,
           (SELECT coalesce(array_agg(x.reason ORDER BY x.reason), '{}')
            FROM supervision.rejected_row_current x WHERE x.source = 'permit' AND x.source_key = i.permit_id)
    FROM ids i
    LEFT JOIN registry.permit p ON p.permit_id = i.permit_id
    LEFT JOIN supervision.supervised_permit sp ON sp.permit_id = i.permit_id
    ORDER BY i.permit_id = p_permit_id DESC, p.valid_from NULLS LAST, i.permit_id
$$;
REVOKE ALL ON FUNCTION supervision.case_holder_permits(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION supervision.case_holder_permits(text) TO supervision_supervisor;
