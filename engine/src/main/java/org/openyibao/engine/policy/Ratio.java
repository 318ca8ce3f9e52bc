package org.openyibao.engine.policy;

/** A ratio parameter in force (parts per million) with where it came from. */
public record Ratio(int ppm, Cited cited) {}
