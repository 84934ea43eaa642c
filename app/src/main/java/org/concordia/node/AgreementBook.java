package org.concordia.node;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.concordia.model.ParticipantCode;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingPolicy;
import org.concordia.store.NodeTables;

/**
 * The owner's sharing agreements as the node enforces them: read from the store at start, replaced one
 * partner at a time (stored first, then in force). Searches read the policy in force without locking.
 */
final class AgreementBook {
    private final ParticipantCode owner;
    private final NodeTables tables;
    private final Clock clock;
    private final AtomicReference<SharingPolicy> policy;

    AgreementBook(ParticipantCode owner, NodeTables tables, Clock clock) {
        this.owner = owner;
        this.tables = tables;
        this.clock = clock;
        this.policy = new AtomicReference<>(SharingPolicy.of(owner, tables.agreements()));
    }

    SharingPolicy policy() {
        return policy.get();
    }

    /** Throws when the agreement cannot be this node's (another owner's). */
    void check(SharingAgreement agreement) {
        if (!agreement.owner().equals(owner)) {
            throw new IllegalArgumentException("an agreement of another owner");
        }
    }

    /** Stores the agreement and puts it in force. */
    synchronized void put(SharingAgreement agreement, String changedBy) {
        check(agreement);
        tables.putAgreement(agreement, changedBy, clock.instant());
        policy.set(policy.get().with(agreement));
    }
}
