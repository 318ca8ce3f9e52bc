package org.openyibao.platform.registry;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A pooling region (统筹区): 6-digit admdvs code, name, and the policy pack it settles with. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Region(String admdvs, String name, String policyPack) {}
