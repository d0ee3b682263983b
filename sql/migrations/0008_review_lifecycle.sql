-- The lifecycle of a revocation review (rules.md §6), enforced by the database for every
-- role, the owner included: a review is inserted `open`; it moves open → hearing → closed
-- or open → closed; outcome and closed_on are given on closing and only then; a closed
-- review is never reopened or changed; no review is deleted. A refusal names the review
-- and the transition refused. The audit trail (review_audit) keeps every accepted change:
-- a refused one rolls back with its statement.
--
-- Columns: the supervisors' system sets status, outcome and closed_on; the run sets
-- priority and due_on of an open or hearing review (escalation, docs/rules.md); the rest
-- is fixed when the review is opened.
CREATE FUNCTION supervision.review_lifecycle() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    refused text;
BEGIN
    IF TG_RELID <> 'supervision.revocation_review'::regclass THEN
        RAISE EXCEPTION 'supervision.review_lifecycle() guards supervision.revocation_review only, not %',
            TG_RELID::regclass USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'review %: deletion refused: a review is never deleted; close it with an outcome instead',
            OLD.review_id USING ERRCODE = 'check_violation';
    ELSIF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM 'open' OR NEW.outcome IS NOT NULL OR NEW.closed_on IS NOT NULL THEN
            RAISE EXCEPTION 'review %: insert as % (outcome %, closed_on %) refused: a review is inserted open, '
                            'without outcome or closed_on', NEW.review_id, NEW.status,
                            coalesce(NEW.outcome, 'none'), coalesce(NEW.closed_on::text, 'none')
                USING ERRCODE = 'check_violation',
                      HINT = 'reviews move open → hearing → closed, or open → closed';
        END IF;
        RETURN NEW;
    END IF;
    -- An update.
    IF OLD.status = 'closed' THEN
        IF NEW IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'review %: change of a closed review refused (status closed → %, outcome % → %): '
                            'a closed review is never reopened or changed', OLD.review_id, NEW.status,
                            OLD.outcome, coalesce(NEW.outcome, 'none')
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;  -- the same values written again: nothing changes
    END IF;
    IF NOT (OLD.status, NEW.status) IN (('open', 'open'), ('open', 'hearing'), ('open', 'closed'),
                                        ('hearing', 'hearing'), ('hearing', 'closed')) THEN
        RAISE EXCEPTION 'review %: status % → % refused', OLD.review_id, OLD.status, coalesce(NEW.status, 'null')
            USING ERRCODE = 'check_violation', HINT = 'reviews move open → hearing → closed, or open → closed';
    END IF;
    IF NEW.status = 'closed' AND (NEW.outcome IS NULL OR NEW.closed_on IS NULL) THEN
        RAISE EXCEPTION 'review %: closing refused: give the outcome (revoked or no_action) and closed_on together '
                        'with status closed', OLD.review_id USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status <> 'closed' AND (NEW.outcome IS NOT NULL OR NEW.closed_on IS NOT NULL) THEN
        RAISE EXCEPTION 'review %: outcome or closed_on on a review in status % refused: they are given on '
                        'closing only', OLD.review_id, NEW.status USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.closed_on < NEW.opened_on THEN
        RAISE EXCEPTION 'review %: closed_on % refused: before the review was opened on %', OLD.review_id,
                        NEW.closed_on, NEW.opened_on USING ERRCODE = 'check_violation';
    END IF;
    refused := concat_ws(', ',
        CASE WHEN NEW.review_id IS DISTINCT FROM OLD.review_id THEN 'review_id' END,
        CASE WHEN NEW.permit_id IS DISTINCT FROM OLD.permit_id THEN 'permit_id' END,
        CASE WHEN NEW.person_id IS DISTINCT FROM OLD.person_id THEN 'person_id' END,
        CASE WHEN NEW.queue IS DISTINCT FROM OLD.queue THEN 'queue' END,
        CASE WHEN NEW.opened_on IS DISTINCT FROM OLD.opened_on THEN 'opened_on' END,
        CASE WHEN NEW.opened_run IS DISTINCT FROM OLD.opened_run THEN 'opened_run' END,
        CASE WHEN NEW.evidence IS DISTINCT FROM OLD.evidence THEN 'evidence' END);
    IF refused <> '' THEN
        RAISE EXCEPTION 'review %: change of % refused: fixed when the review was opened', OLD.review_id, refused
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION supervision.review_lifecycle() FROM PUBLIC;

CREATE TRIGGER review_lifecycle BEFORE INSERT OR UPDATE OR DELETE ON supervision.revocation_review
    FOR EACH ROW EXECUTE FUNCTION supervision.review_lifecycle();

-- The run locks the open and hearing reviews it links new signals to (a lock needs an
-- UPDATE privilege) and raises their priority and due date (escalation); the lifecycle
-- above keeps it from anything else.
GRANT UPDATE (priority, due_on) ON supervision.revocation_review TO supervision_batch;
