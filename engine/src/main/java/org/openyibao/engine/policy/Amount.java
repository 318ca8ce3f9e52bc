package org.openyibao.engine.policy;

/** A money parameter in force (fen, or {@link org.openyibao.engine.money.Money#UNLIMITED}) with where it came from. */
public record Amount(long fen, Cited cited) {}
