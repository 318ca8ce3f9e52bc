package org.openyibao.platform.registry;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An employer (unit, 单位) paying employees' contributions in a region. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Employer(String code, String name, String admdvs) {}
