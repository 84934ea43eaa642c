package org.concordia.port;

/**
 * The store could not do what was asked (broken infrastructure, not bad input). The message holds
 * no personal data: ids and codes only.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
