-- What the platform's own data adds to a computed indicator (sessions held, participants,
-- assisted submissions): one row per source (e.g. 'session:42') replaced whenever the source
-- reports again, so a re-reported session never counts twice. Rolled up as a running total.
CREATE TABLE computed_contribution (
    campaign_indicator_id BIGINT         NOT NULL REFERENCES campaign_indicator (id),
    source_key            VARCHAR(100)   NOT NULL,
    unit_id               BIGINT         NOT NULL,
    unit_path             VARCHAR(400)   NOT NULL,
    period_on             DATE           NOT NULL,
    amount                NUMERIC(18, 4) NOT NULL,
    PRIMARY KEY (campaign_indicator_id, source_key)
);
CREATE INDEX ix_computed_contribution ON computed_contribution (campaign_indicator_id, period_on);
