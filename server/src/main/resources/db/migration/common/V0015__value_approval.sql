-- A unit's values for one period of a campaign: submitted by the unit, approved (and so locked)
-- by the level above. No row = open. Reopening deletes the row; the audit log keeps the history.
CREATE TABLE value_approval (
    campaign_id  BIGINT       NOT NULL REFERENCES campaign (id),
    unit_id      BIGINT       NOT NULL,
    unit_path    VARCHAR(400) NOT NULL,
    period_on    DATE         NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    submitted_by VARCHAR(100) NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by  VARCHAR(100),
    approved_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, unit_id, period_on)
);
CREATE INDEX ix_value_approval_path ON value_approval (campaign_id, unit_path);
