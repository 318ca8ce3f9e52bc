package org.openyibao.engine.settlement;

import java.time.LocalDate;

import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.VisitType;

/** One visit (an admission, an outpatient visit or a pharmacy purchase) and its fee lines. */
public record Visit(LocalDate date, VisitType type, Level level, String[] diagnoses, EmergencyCase emergencyCase,
                    FeeLine[] lines) {}
