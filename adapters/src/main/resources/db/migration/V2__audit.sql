-- The node's tamper-evident audit log (org.concordia.audit): a hash chain of entries and signed
-- checkpoints. Entries hold ids, codes and keyed hashes of query terms, never personal data.
-- Each row's columns are exactly what its hash covers (AuditEncoding); the verifier recomputes it.
CREATE TABLE audit_entry (
    -- storage order, set by the database: read back in this order, renumbered rows show as reordered
    position      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sequence      bigint      NOT NULL UNIQUE CHECK (sequence >= 1),
    at            timestamptz NOT NULL,
    action        text        NOT NULL,
    actor         text        NOT NULL,
    actor_role    text,
    participant   text,
    purpose       text,
    outcome       text        NOT NULL,
    record_ids    text[]      NOT NULL,
    term_hashes   text[]      NOT NULL,
    details       jsonb       NOT NULL,  -- an object of string values
    previous_hash bytea       NOT NULL,
    hash          bytea       NOT NULL
);

-- Signed statements that entry `sequence` had hash `hash`: what a chain rebuilt from scratch lacks.
CREATE TABLE audit_checkpoint (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sequence  bigint      NOT NULL CHECK (sequence >= 1),
    hash      bytea       NOT NULL,
    at        timestamptz NOT NULL,
    signer    text        NOT NULL,
    signature bytea       NOT NULL
);
CREATE INDEX audit_checkpoint_sequence ON audit_checkpoint (sequence);

-- The log is append-only: the database refuses changes and deletions. An administrator can still
-- disable this; the hash chain and the checkpoints are what show that it was done.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
