-- Attachments of messages (docs/decisions/0005): segments sealed with the attachment's own key
-- (STREAM over AES-256-GCM); the key travels only inside the sealed message content, and, while an
-- attachment waits to be sent, sealed with this node's local key. Nothing here reads without the key
-- store.
CREATE TABLE attachment (
    id                 uuid        PRIMARY KEY,
    direction          text        NOT NULL CHECK (direction IN ('out', 'in')),
    message            uuid,                         -- null while an upload waits to be sent
    peer               text,                         -- the sender (in)
    uploader           text,                         -- the local user (out)
    size               bigint      NOT NULL,
    segments           integer     NOT NULL,
    ciphertext_sha256  bytea,                        -- over the sealed segments in order
    sealed_key         bytea,                        -- the key, sealed locally (out, before sending)
    key_nonce          bytea,
    complete           boolean     NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX attachment_message ON attachment (message);

CREATE TABLE attachment_segment (
    attachment  uuid    NOT NULL REFERENCES attachment (id),
    seq         integer NOT NULL,
    bytes       bytea   NOT NULL,
    PRIMARY KEY (attachment, seq)
);
ALTER TABLE attachment_segment ALTER COLUMN bytes SET STORAGE EXTERNAL;
