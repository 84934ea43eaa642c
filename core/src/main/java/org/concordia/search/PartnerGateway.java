package org.concordia.search;

import org.concordia.model.ParticipantCode;

/**
 * The way to a partner's node (port): sends a search, signed, over the federation's channel, and
 * returns the partner's answer. Expected failures are values ({@link PartnerAnswer.Failed}); the caller
 * bounds the wait ({@link FederatedSearch}), and an implementation should also time out by itself.
 */
public interface PartnerGateway {
    /**
     * Asks one partner.
     *
     * @param requester the asking user's id at this node, for the owner's audit log (an account id, not
     *     the person's name)
     */
    PartnerAnswer ask(ParticipantCode partner, SearchQuery query, String requester);
}
