package org.openyibao.platform.enrolment;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A poverty category (dire_poverty, documented_poor, subsistence_allowance) held from validFrom to validUntil (inclusive). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonCategory(long id, String psnNo, String category, LocalDate validFrom, LocalDate validUntil) {
    public static final String[] CATEGORIES = {"dire_poverty", "documented_poor", "subsistence_allowance"};
}
