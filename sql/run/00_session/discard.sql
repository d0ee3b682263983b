-- The run's temporary tables, gone once it has committed or rolled back: the session may be
-- used for more (a test's next run), and its role dropped.
DISCARD TEMP
