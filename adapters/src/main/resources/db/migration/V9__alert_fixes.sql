-- Review of the alerts (docs/decisions/0006, "As built").

-- A record changed again while its check ran must be checked again: each queuing takes a new sequence
-- number, and the checker deletes only the entries it read, number included.
CREATE SEQUENCE record_check_seq;
ALTER TABLE record_check ADD COLUMN seq bigint NOT NULL DEFAULT nextval('record_check_seq');

CREATE OR REPLACE FUNCTION record_check_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO record_check (owner, id) SELECT owner, id FROM new_rows
    ON CONFLICT (owner, id) DO UPDATE SET seq = nextval('record_check_seq');
    RETURN NULL;
END
$$;

-- A hit the agreement with the alert's owner does not let this node report (a record type it does not
-- cover, a label stricter than it allows) is told to this node's officers only: reply "withheld".
ALTER TABLE alert_hit DROP CONSTRAINT alert_hit_reply_check;
ALTER TABLE alert_hit ADD CONSTRAINT alert_hit_reply_check CHECK (reply IN ('hit', 'hit-only', 'withheld'));
-- Found hits not yet reported (message null) are reported by the worker when the owner can be sent to.
CREATE INDEX alert_hit_unreported ON alert_hit (found_at) WHERE side = 'found' AND message IS NULL AND reply <> 'withheld';
