/**
 * The node's tamper-evident audit log, without storage: events ({@link
 * org.concordia.audit.AuditEvent}, ids, codes and keyed term hashes only), the hash chain ({@link
 * org.concordia.audit.AuditEntry}, {@link org.concordia.audit.AuditEncoding}), signed checkpoints
 * ({@link org.concordia.audit.AuditCheckpoint}) and offline verification ({@link
 * org.concordia.audit.AuditVerifier}). After Schneier and Kelsey, "Secure Audit Logs to Support
 * Computer Forensics" (ACM TISSEC 1999) and Crosby and Wallach, "Efficient Data Structures for
 * Tamper-Evident Logging" (USENIX Security 2009). JDK only: JCA for hashes and signatures.
 */
package org.concordia.audit;
