package org.openyibao.engine.grouping;

/** Groups discharged cases with one table version: pure, deterministic and total (every case gets a result). */
public interface Grouper {
    Method method();

    String version();

    GroupResult group(DischargedCase c);
}
