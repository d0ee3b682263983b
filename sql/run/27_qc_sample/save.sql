-- The day's quality-control sample (draw.sql), its permits in the draw's order.
-- $1 as_of, $2 run_id, $3 permit ids, $4 their lines: parallel arrays.
INSERT INTO supervision.qc_sample (as_of, permit_id, run_id, line_id, draw_rank)
SELECT $1::date, d.permit_id, $2, d.line_id, d.rank
FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS d(permit_id, line_id, rank)
