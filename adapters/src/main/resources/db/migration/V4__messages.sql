-- The channel between participants (docs/decisions/0005). Bodies are never stored readable: each row
-- holds the content sealed (HPKE) to a key this node keeps outside the database — the recipient's
-- copy at the recipient, the sender's own sealed copy at the sender.
CREATE TABLE message (
    id             uuid        PRIMARY KEY,      -- UUIDv7 chosen by the sender; the inbox keeps one per id
    thread         uuid        NOT NULL,
    kind           text        NOT NULL,
    direction      text        NOT NULL CHECK (direction IN ('out', 'in')),
    sender         text        NOT NULL,
    recipient      text        NOT NULL,
    tlp            text        NOT NULL,
    handling_code  text        NOT NULL,
    created_at     timestamptz NOT NULL,
    enc            bytea       NOT NULL,         -- HPKE encapsulated key of the copy this node can open
    ciphertext     bytea       NOT NULL,
    envelope       bytea       NOT NULL,         -- the signed envelope as sent (sealed to the recipient)
    signature      bytea       NOT NULL,         -- the sender's signature of the envelope
    status         text        NOT NULL CHECK (status IN ('queued', 'delivered', 'read', 'undeliverable', 'received')),
    status_at      timestamptz NOT NULL,
    author         text,                         -- the local user who sent it (out)
    reader         text,                         -- the local user who first read it (in)
    error_code     text                          -- why it is undeliverable
);
CREATE INDEX message_thread ON message (thread, created_at);
CREATE INDEX message_created ON message (created_at DESC);

-- What is still to be delivered: messages, and read receipts back to their senders.
CREATE TABLE outbox (
    id            uuid        PRIMARY KEY,
    recipient     text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('message', 'read-receipt')),
    message       uuid        NOT NULL REFERENCES message (id),
    attempts      integer     NOT NULL DEFAULT 0,
    next_attempt  timestamptz NOT NULL,
    deliver_by    timestamptz NOT NULL,
    last_error    text
);
CREATE INDEX outbox_due ON outbox (next_attempt);

-- Sealed bytes do not compress: store them out of line without trying (pglz on every insert costs CPU).
ALTER TABLE message ALTER COLUMN ciphertext SET STORAGE EXTERNAL;
ALTER TABLE message ALTER COLUMN envelope SET STORAGE EXTERNAL;
