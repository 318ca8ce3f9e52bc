package org.openyibao.platform.enrolment;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Two enrolments of one person that overlap (two schemes or two regions at once, seed 002 §4.3), and the days they share. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DuplicateEnrolment(String psnNo, Brief first, Brief second, LocalDate overlapFrom, LocalDate overlapUntil) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Brief(long id, String scheme, String admdvs, LocalDate validFrom, LocalDate validUntil) {}
}
