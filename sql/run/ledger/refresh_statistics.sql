-- Statistics of what this run wrote, for the next run's plans (migration 0006).
SELECT supervision.refresh_statistics()
