SELECT count(*) FROM registry.permit
