-- Each register's complete_through on this run (01_registers/load.sql), for the run's state.
SELECT source, complete_through FROM pg_temp.register ORDER BY source
