-- The delivery worker reads the outbox per recipient (docs/decisions/0005): the earliest attempt of each
-- recipient by a loose index scan, then one recipient's due deliveries in order. With one index on
-- next_attempt alone, skipping the recipients whose deliveries are in flight read every queued row.
CREATE INDEX outbox_recipient_due ON outbox (recipient, next_attempt);
DROP INDEX outbox_due;

-- A queue: every row is inserted, then deleted within seconds. Vacuum it after a few thousand deletions,
-- not after a fifth of the table (the default), so scans from its head do not walk dead index entries.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000);

-- A message's sealed bytes out of line whatever its size (toast_tuple_target, PostgreSQL 11+): the
-- heap row stays small, so the status changes of a message (delivered, read) write a few hundred bytes,
-- not the row with its ciphertext again.
ALTER TABLE message SET (toast_tuple_target = 128);
