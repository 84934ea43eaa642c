package org.concordia.problem;

/** How much a problem found in an input weighs. */
public enum Severity {
    /** The value is kept as given; the record is still accepted. */
    WARNING,
    /** The record is rejected. */
    ERROR
}
