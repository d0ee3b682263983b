-- Whether any registry table holds rows (the demo loader refuses to overwrite them).
SELECT EXISTS (SELECT 1 FROM registry.permit) OR EXISTS (SELECT 1 FROM registry.income_record) AS has_rows
