-- The node's users: local accounts for the embedded default (OpenID Connect in production).
CREATE TABLE account (
    username      text        PRIMARY KEY,
    password_hash text        NOT NULL,          -- Argon2id, PHC string format
    role          text        NOT NULL CHECK (role IN ('officer', 'analyst', 'dpo', 'admin')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- What this node's owner lets each partner see. No row: nothing (deny by default).
CREATE TABLE sharing_agreement (
    partner      text        PRIMARY KEY,
    mode         text        NOT NULL CHECK (mode IN ('full', 'hit-only', 'none')),
    record_types text[]      NOT NULL,
    max_tlp      text        NOT NULL,
    purposes     text[]      NOT NULL,           -- empty: any purpose
    changed_at   timestamptz NOT NULL,
    changed_by   text        NOT NULL
);

-- The opaque references handed out in hit-only answers, for the follow-up request that names one.
CREATE TABLE hit_reference (
    reference    text        PRIMARY KEY,
    partner      text        NOT NULL,
    record_owner text        NOT NULL,
    record_id    text        NOT NULL,
    issued_at    timestamptz NOT NULL
);
CREATE INDEX hit_reference_record ON hit_reference (record_owner, record_id);

-- Secrets the node makes for itself on first start (the key of the audit log's term hashes).
CREATE TABLE node_secret (
    name  text  PRIMARY KEY,
    value bytea NOT NULL
);
