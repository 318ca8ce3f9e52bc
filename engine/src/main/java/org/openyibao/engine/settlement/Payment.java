package org.openyibao.engine.settlement;

/** What a tier pays from one line group (fen) and why (null when the trace is off). */
record Payment(long pays, TraceEntry why) {}
