-- Subscriptions (docs/decisions/0006): an officer watches one of this node's records (told of partners'
-- enquiries that find it) or a person or object (a "watch" alert to partners: told when their data
-- matches it, and when a record that matched changes).
CREATE TABLE subscription (
    id           uuid        PRIMARY KEY,
    username     text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('record', 'subject')),
    record_owner text,                    -- kind record: the watched record of this node
    record_id    text,
    alert        uuid,                    -- kind subject: its watch alert
    created_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    CHECK ((kind = 'record') = (record_id IS NOT NULL) AND (kind = 'subject') = (alert IS NOT NULL))
);
CREATE INDEX subscription_by_user ON subscription (username, created_at);

-- What a subscriber of a record is told: a partner's search found the record (its purpose code and the
-- kind of answer, never the query's terms).
CREATE TABLE subscription_event (
    id           uuid        PRIMARY KEY,
    subscription uuid        NOT NULL REFERENCES subscription (id),
    kind         text        NOT NULL CHECK (kind IN ('enquiry')),
    participant  text        NOT NULL,
    at           timestamptz NOT NULL,
    purpose      text,
    reply        text
);
CREATE INDEX subscription_event_by_subscription ON subscription_event (subscription, at);

-- A hit report may say that a record which matched a watch changed; the recipient keeps the version
-- it reported last, so a change is reported once.
ALTER TABLE alert_hit ADD COLUMN record_version integer;
ALTER TABLE alert_hit ADD COLUMN event text NOT NULL DEFAULT 'hit' CHECK (event IN ('hit', 'changed'));
