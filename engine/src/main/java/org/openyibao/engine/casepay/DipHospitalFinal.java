package org.openyibao.engine.casepay;

import org.openyibao.engine.policy.Scheme;

/**
 * A hospital's DIP year-end for one scheme (docs/case-payment.md#year-end), in fen: its points × the point value (its
 * final total), less what its patients paid (the fund's due), less what was advanced (the balance: positive the fund
 * pays it, negative the fund recovers it).
 */
public record DipHospitalFinal(String hospital, Scheme scheme, long pointsPpm, long finalFen, long patientShareFen,
                               long fundDueFen, long advancedFen, long balanceFen) {}
