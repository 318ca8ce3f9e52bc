package org.openyibao.platform.registry;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A household (户) by its register number; {@code members} are the psn_no of the persons in it (in replies only). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Household(@JsonProperty(access = JsonProperty.Access.READ_ONLY) Long id, String ref, String admdvs,
                        @JsonProperty(access = JsonProperty.Access.READ_ONLY) List<String> members) {}
