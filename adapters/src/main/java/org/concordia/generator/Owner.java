package org.concordia.generator;

/**
 * The organisations that hold generated records. The declaration order is fixed: it indexes the
 * per-owner weights in {@link Origin} and the counters of the summary.
 */
enum Owner {
    INTERPOL,
    EUROPOL,
    AFRIPOL,
    ASEANAPOL,
    GCCPOL,
    AMERIPOL;

    static final Owner[] ALL = values();
}
