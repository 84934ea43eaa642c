-- Follow-up requests (docs/decisions/0005): one row per request at the requester (out) and at the
-- record's owner (in), keyed by the id of the request message. The justification, legal basis, released
-- record and refusal reason travel and stay in the sealed messages of the thread, not here.
CREATE TABLE follow_up (
    id                uuid        PRIMARY KEY REFERENCES message (id) DEFERRABLE INITIALLY DEFERRED,
    direction         text        NOT NULL CHECK (direction IN ('out', 'in')),
    partner           text        NOT NULL,      -- the owner (out) or the requester (in)
    reference         text        NOT NULL,      -- the hit-only answer's opaque reference
    purpose           text        NOT NULL,      -- purpose code
    urgency           text        NOT NULL CHECK (urgency IN ('urgent', 'standard')),
    state             text        NOT NULL CHECK (state IN ('requested', 'approved', 'refused')),
    requested_at      timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    overdue_at        timestamptz,
    escalated_to      text,
    requested_by      text,                      -- the local officer (out)
    decided_at        timestamptz,
    decided_by        text,                      -- the local decider (in)
    decision_message  uuid
);
CREATE INDEX follow_up_open ON follow_up (due_at) WHERE state = 'requested';

-- An authorised officer ("releaser"): an officer who may also decide follow-up requests, as the DPO may.
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check
    CHECK (role IN ('officer', 'analyst', 'dpo', 'admin', 'releaser'));
