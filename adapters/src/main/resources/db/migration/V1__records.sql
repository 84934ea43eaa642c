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

-- No update of a record may lose its previous version: the database itself moves it to the history.
CREATE FUNCTION record_keep_previous_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO record_history (owner, id, version, type, content_hash, body, stored_at, replaced_at)
    VALUES (OLD.owner, OLD.id, OLD.version, OLD.type, OLD.content_hash, OLD.body, OLD.stored_at, now());
    RETURN NEW;
END
$$;

CREATE TRIGGER record_keep_previous_version
    BEFORE UPDATE ON record
    FOR EACH ROW EXECUTE FUNCTION record_keep_previous_version();
