package org.openyibao.platform.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.policy.PolicyException;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;

/**
 * Pooling regions, designated institutions, employers and households. Every write checks its
 * fields (400 naming the field), refers only to what exists, and refuses duplicates with 409.
 */
@Service
public class RegistryService {
    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);
    private static final Pattern PACK_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PolicyPacks packs;

    public RegistryService(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.packs = packs;
    }

    // ---- regions

    /** Registers the region and opens its ledger accounts, in one transaction. */
    public Region createRegion(Region r) {
        String admdvs = Fields.admdvs("admdvs", r.admdvs());
        String name = Fields.text("name", r.name(), 100);
        String pack = Fields.text("policy_pack", r.policyPack(), 40);
        if (!PACK_NAME.matcher(pack).matches()) throw Fields.bad("policy_pack", "lower-case letters, digits, '_' or '-' only");
        try {
            packs.pack(pack);
        } catch (ApiException e) {
            throw Fields.bad("policy_pack", "no policy pack '" + pack + "' on this server");
        } catch (PolicyException e) {
            throw Fields.bad("policy_pack", "the policy pack is invalid (run: yibao policy check policies/" + pack + ")");
        }
        Region created = new Region(admdvs, name, pack);
        tx.executeWithoutResult(s -> {
            if (region(admdvs).isPresent()) throw ApiException.conflict("admdvs", "admdvs: region " + admdvs + " already exists");
            jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES (?, ?, ?)", admdvs, name, pack);
            ledger.openRegion(admdvs);
        });
        log.info("region {} registered with policy pack {}", admdvs, pack);
        return created;
    }

    public Optional<Region> region(String admdvs) {
        return jdbc.query("SELECT admdvs, name, policy_pack FROM region WHERE admdvs = ?",
                (rs, i) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3)), admdvs).stream().findFirst();
    }

    public List<Region> regions() {
        return jdbc.query("SELECT admdvs, name, policy_pack FROM region ORDER BY admdvs",
                (rs, i) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** The region named by a request field, or 400 naming the field. */
    public Region existingRegion(String field, String admdvs) {
        String v = Fields.admdvs(field, admdvs);
        return region(v).orElseThrow(() -> Fields.bad(field, "no region " + v + " (register it first: POST /api/regions)"));
    }

    // ---- designated institutions

    public Institution createInstitution(Institution in) {
        String code = Fields.code("code", in.code(), 30);
        String name = Fields.text("name", in.name(), 200);
        String level = Fields.oneOf("level", in.level(), null, Institution.LEVELS);
        String type = Fields.oneOf("type", in.type(), null, Institution.TYPES);
        String district = Fields.optionalText("district", in.district(), 60);
        LocalDate from = Fields.required("designated_from", in.designatedFrom());
        Fields.notBefore("designated_until", in.designatedUntil(), "designated_from", from);
        Institution created = new Institution(code, name, level, type, null, district, from, in.designatedUntil());
        return tx.execute(s -> {
            String admdvs = existingRegion("admdvs", in.admdvs()).admdvs();
            if (institution(code).isPresent()) throw ApiException.conflict("code", "code: institution " + code + " already exists");
            jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, district, designated_from, designated_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", code, name, level, type, admdvs, district, from, in.designatedUntil());
            return new Institution(code, name, level, type, admdvs, district, from, in.designatedUntil());
        });
    }

    public Optional<Institution> institution(String code) {
        return jdbc.query("SELECT " + INSTITUTION + " FROM institution WHERE code = ?", RegistryService::institution, code)
                .stream().findFirst();
    }

    /** The region's institutions, only those designated on {@code on} when given. */
    public List<Institution> institutions(String admdvs, LocalDate on) {
        if (on == null) {
            return jdbc.query("SELECT " + INSTITUTION + " FROM institution WHERE admdvs = ? ORDER BY code",
                    RegistryService::institution, admdvs);
        }
        return jdbc.query("SELECT " + INSTITUTION + " FROM institution WHERE admdvs = ? AND designated_from <= ?"
                + " AND (designated_until IS NULL OR designated_until >= ?) ORDER BY code", RegistryService::institution, admdvs, on, on);
    }

    private static final String INSTITUTION = "code, name, level, type, admdvs, district, designated_from, designated_until";

    private static Institution institution(ResultSet rs, int i) throws SQLException {
        return new Institution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
    }

    // ---- employers

    public Employer createEmployer(Employer e) {
        String code = Fields.code("code", e.code(), 30);
        String name = Fields.text("name", e.name(), 200);
        return tx.execute(s -> {
            String admdvs = existingRegion("admdvs", e.admdvs()).admdvs();
            if (employer(code).isPresent()) throw ApiException.conflict("code", "code: employer " + code + " already exists");
            jdbc.update("INSERT INTO employer (code, name, admdvs) VALUES (?, ?, ?)", code, name, admdvs);
            return new Employer(code, name, admdvs);
        });
    }

    public Optional<Employer> employer(String code) {
        return jdbc.query("SELECT code, name, admdvs FROM employer WHERE code = ?",
                (rs, i) -> new Employer(rs.getString(1), rs.getString(2), rs.getString(3)), code).stream().findFirst();
    }

    // ---- households

    public Household createHousehold(Household h) {
        String ref = Fields.code("ref", h.ref(), 40);
        return tx.execute(s -> {
            String admdvs = existingRegion("admdvs", h.admdvs()).admdvs();
            if (household(ref).isPresent()) throw ApiException.conflict("ref", "ref: household " + ref + " already exists");
            jdbc.update("INSERT INTO household (ref, admdvs) VALUES (?, ?)", ref, admdvs);
            return household(ref).orElseThrow();
        });
    }

    public Optional<Household> household(String ref) {
        return jdbc.query("SELECT id, ref, admdvs FROM household WHERE ref = ?", (rs, i) -> {
            long id = rs.getLong(1);
            List<String> members = jdbc.queryForList("SELECT psn_no FROM person WHERE household_id = ? ORDER BY psn_no",
                    String.class, id);
            return new Household(id, rs.getString(2), rs.getString(3), members);
        }, ref).stream().findFirst();
    }
}
