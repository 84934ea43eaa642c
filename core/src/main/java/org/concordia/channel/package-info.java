/**
 * The channel between participants (docs/decisions/0005): messages of case threads, end-to-end
 * encrypted to the recipient and signed by the sender, delivered by a durable outbox with retries and an
 * idempotent inbox; read receipts back to the sender. This package holds the framework-free part: the
 * message's clear envelope and sealed content, statuses, message ids and the retry schedule.
 */
package org.concordia.channel;
