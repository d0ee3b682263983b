-- The permit of a review (`explain --review R`); no row for an unknown review. $1 review_id.
SELECT permit_id FROM supervision.revocation_review WHERE review_id = $1
