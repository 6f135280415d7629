-- The content manifest last issued to each edge device (content/docs/decisions/0003). One row per
-- device, kept after retirement so the history of versions is not lost. manifest_json is exactly the
-- retained payload the device was sent; the chunk server answers only for content listed in it.
-- Versions come from a sequence: they increase across server instances and never repeat, even for
-- a publish whose transaction rolled back after the broker had the message.
CREATE SEQUENCE sync_manifest_version_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sync_manifest (
    device_id     VARCHAR(64)     NOT NULL PRIMARY KEY,
    version       BIGINT          NOT NULL,
    generated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SHA-256 of the manifest without version and time: an unchanged list is not issued again
    content_hash  VARCHAR(64)     NOT NULL,
    -- at most Manifest.MAX_PAYLOAD_BYTES (900 KiB) of UTF-8 JSON
    manifest_json VARCHAR(1000000) NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE
);
