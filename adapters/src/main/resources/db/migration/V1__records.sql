-- Records of this node's owner: the current version of each, keyed by owner and id.
CREATE TABLE record (
    owner           text        NOT NULL,
    id              text        NOT NULL,
    type            text        NOT NULL,
    version         integer     NOT NULL CHECK (version >= 1),
    content_hash    bytea       NOT NULL,
    body            jsonb       NOT NULL,
    first_stored_at timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL,
    PRIMARY KEY (owner, id)
);

-- Every earlier version, moved here when a different content replaces it. Never updated.
CREATE TABLE record_history (
    owner        text        NOT NULL,
    id           text        NOT NULL,
    version      integer     NOT NULL,
    type         text        NOT NULL,
    content_hash bytea       NOT NULL,
    body         jsonb       NOT NULL,
    stored_at    timestamptz NOT NULL,
    replaced_at  timestamptz NOT NULL,
    PRIMARY KEY (owner, id, version)
);
