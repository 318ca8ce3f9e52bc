package org.openyibao.platform.registry;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A registered person. {@code certNo} is the resident ID number: {@link #toString()} masks it and
 * the name, so a person concatenated into a log line gives nothing away.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Person(long id, String psnNo, String certNo, String name, String gender, LocalDate birthDate,
                     String householdRef, String admdvs) {

    /**
     * The same person with the ID number masked and the name reduced to its first character (for read-only roles).
     * The birth date goes too: it is exactly the ID number's masked digits (7-14), and showing it beside the
     * masked number would undo the masking (issue 10).
     */
    public Person masked() {
        return new Person(id, psnNo, ResidentId.mask(certNo), name.isEmpty() ? name : name.substring(0, 1) + "*".repeat(name.length() - 1),
                gender, null, householdRef, admdvs);
    }

    @Override
    public String toString() {
        return "Person[id=" + id + ", psn_no=" + psnNo + ", cert_no=" + ResidentId.mask(certNo) + ", admdvs=" + admdvs + "]";
    }

    /** A registration request: psn_no generated when absent; gender and birth date taken from the ID number when absent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @io.swagger.v3.oas.annotations.media.Schema(name = "PersonRegistration")
    public record New(@io.swagger.v3.oas.annotations.media.Schema(description = "generated when absent", example = "44080000000101")
                      String psnNo,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "440802198001150014") String certNo,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "陈明") String name,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "1 male, 2 female; from the ID number when absent",
                              example = "1") String gender,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "1980-01-15") LocalDate birthDate,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "HH4408000001") String householdRef,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "440800") String admdvs) {
        @Override
        public String toString() {
            return "Person.New[psn_no=" + psnNo + ", cert_no=" + ResidentId.mask(certNo) + ", admdvs=" + admdvs + "]";
        }
    }
}
