package org.openyibao.engine.calc;

import java.util.List;

import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Visit;

/** A parsed {@code yibao calc} request: the engine's inputs, visits in date order with their index in the input. */
public record CalcRequest(PolicyPack pack, Person person, List<Visit> visits, List<Integer> inputIndexes,
                          Accumulators accumulators, boolean trace) {}
