package org.openyibao.platform.fsi.auth;

/**
 * An x-tif nonce a call used: kept (table {@code fsi_nonce}) until {@code validUntil}, the end of its timestamp's
 * window, in epoch seconds; {@code now} is when the call was received.
 */
public record UsedNonce(String paasid, String nonce, long validUntil, long now) {}
