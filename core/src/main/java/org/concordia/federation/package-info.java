/**
 * The federation's trust model as values: the signed {@link org.concordia.federation.Directory} of
 * {@link org.concordia.federation.Participant}s and the {@link
 * org.concordia.federation.Verification} of a partner's certificate or signed message. The
 * cryptography (X.509, TLS, RFC 9421 signatures) lives in the adapters' {@code org.concordia.pki}.
 */
package org.concordia.federation;
