-- Alerts and continuous matching (docs/decisions/0006).

-- Alerts this node published (owner = its participant) and those it received: the newest version of
-- each, as it travels (AlertJson), with the clear fields the node selects on.
CREATE TABLE alert (
    id              uuid        PRIMARY KEY,
    version         integer     NOT NULL CHECK (version >= 1),
    owner           text        NOT NULL,
    type            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('active', 'cancelled')),
    valid_until     timestamptz NOT NULL,
    body            jsonb       NOT NULL,
    received_at     timestamptz NOT NULL,  -- published (own) or first received
    updated_at      timestamptz NOT NULL,
    published_by    text,                  -- the local user who published it (own alerts)
    checked_version integer     NOT NULL DEFAULT 0  -- received: the version checked against every record
);
CREATE INDEX alert_unchecked ON alert (received_at) WHERE checked_version < version AND status = 'active';

-- Whom an own alert goes to, and the version each was last sent: an update or a cancellation is sent
-- to every recipient whose sent version is behind (again after a crash).
CREATE TABLE alert_recipient (
    alert        uuid    NOT NULL REFERENCES alert (id),
    participant  text    NOT NULL,
    sent_version integer NOT NULL DEFAULT 0,
    PRIMARY KEY (alert, participant)
);

-- Hits, one row per alert and record: at a recipient ("found": one of its records matched a partner's
-- alert; what its officers are notified of) and at the alert's owner ("reported": a partner reported a
-- hit). The id is chosen by the recipient and is the same on both sides.
CREATE TABLE alert_hit (
    id              uuid             PRIMARY KEY,
    side            text             NOT NULL CHECK (side IN ('found', 'reported')),
    alert           uuid             NOT NULL,
    participant     text             NOT NULL,   -- who holds the record
    record_id       text,                        -- always at the recipient; at the owner with a full reply
    reference       text,                        -- a hit-only reply's reference, for a follow-up request
    reply           text             NOT NULL CHECK (reply IN ('hit', 'hit-only')),
    score           double precision NOT NULL,
    matched_on      text             NOT NULL,   -- person, document, vin, plate, serial
    found_at        timestamptz      NOT NULL,
    state           text             NOT NULL CHECK (state IN ('new', 'confirmed', 'rejected')),
    decided_at      timestamptz,
    decided_by      text,
    message         uuid                         -- the hit report: sent (found) or received (reported)
);
CREATE UNIQUE INDEX alert_hit_once ON alert_hit (alert, participant, record_id) WHERE side = 'found';
CREATE INDEX alert_hit_by_alert ON alert_hit (alert, found_at);

-- Identity links decided by a person (EU Regulation 2019/817 art. 30-33: same or different): here from
-- an alert's owner confirming or rejecting a hit, held by both sides.
CREATE TABLE identity_link (
    id              uuid             PRIMARY KEY,  -- the hit's id
    left_owner      text             NOT NULL,     -- the alert's subject record
    left_record     text             NOT NULL,
    right_owner     text             NOT NULL,     -- the record that hit
    right_record    text,                          -- null when the owner saw a hit-only reply
    right_reference text,
    state           text             NOT NULL CHECK (state IN ('same', 'different')),
    source          text             NOT NULL,     -- alert-hit
    score           double precision,
    decided_by      text             NOT NULL,     -- the owner's reviewer (user at the owner, participant elsewhere)
    decided_at      timestamptz      NOT NULL
);

-- Records stored or changed and not yet checked against the alerts: written by the database in the
-- transaction that stores them, deleted by the checker, so a crash in between loses no check.
CREATE TABLE record_check (
    owner text NOT NULL,
    id    text NOT NULL,
    PRIMARY KEY (owner, id)
);

CREATE FUNCTION record_check_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO record_check (owner, id) SELECT owner, id FROM new_rows ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER record_check_after_insert
    AFTER INSERT ON record REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_check_inserted();

CREATE TRIGGER record_check_after_update
    AFTER UPDATE ON record REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_check_inserted();
