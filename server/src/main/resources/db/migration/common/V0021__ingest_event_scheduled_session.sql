-- A scheduled session can be run more than once on the runner (ended by mistake and started again, or
-- on two of the venue's computers); its figures are computed from every runner session that started
-- it, found by this index.
CREATE INDEX ingest_event_scheduled ON ingest_event (scheduled_session);
