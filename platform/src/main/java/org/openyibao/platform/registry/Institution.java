package org.openyibao.platform.registry;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A designated institution (定点医药机构): level village|township|level1|level2|level3, type
 * hospital|clinic|pharmacy, its region and designation period ({@code designatedUntil} inclusive, null while open).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Institution(String code, String name, String level, String type, String admdvs, String district,
                          LocalDate designatedFrom, LocalDate designatedUntil) {

    public static final String[] LEVELS = {"village", "township", "level1", "level2", "level3"};
    public static final String[] TYPES = {"hospital", "clinic", "pharmacy"};

    public boolean designatedOn(LocalDate date) {
        return !date.isBefore(designatedFrom) && (designatedUntil == null || !date.isAfter(designatedUntil));
    }
}
