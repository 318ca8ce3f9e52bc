package org.openyibao.platform.registry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What settling at an institution needs to know of it, read on every settlement: its level, region, designation
 * dates and the region's policy pack. Kept in memory for {@code yibao.fsi.cache-seconds} (default 5; 0 turns the
 * cache off), as the interface's credentials are, which carry the same designation dates: a change made in the
 * database (by hand, or by another server instance) is seen within that time (docs/fsi.md "Caches"). Institutions
 * are only ever added through the registry; only institutions found are kept.
 */
@Service
public class InstitutionDirectory {
    /** An institution as settlement sees it. */
    public record Facts(String code, String level, String admdvs, LocalDate designatedFrom, LocalDate designatedUntil,
                        String policyPack) {
        /** Designated on {@code date}. */
        public boolean designatedOn(LocalDate date) {
            return !date.isBefore(designatedFrom) && (designatedUntil == null || !date.isAfter(designatedUntil));
        }
    }

    private final JdbcTemplate jdbc;
    private final Cache<String, Facts> cache;

    /** Without a cache. */
    public InstitutionDirectory(JdbcTemplate jdbc) {
        this(jdbc, 0);
    }

    @Autowired
    public InstitutionDirectory(JdbcTemplate jdbc, @Value("${yibao.fsi.cache-seconds:5}") long cacheSeconds) {
        this.jdbc = jdbc;
        this.cache = cacheSeconds <= 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(cacheSeconds)).maximumSize(10_000).build();
    }

    /** The institution {@code code}, or empty. */
    public Optional<Facts> find(String code) {
        if (cache == null) return read(code);
        return Optional.ofNullable(cache.get(code, k -> read(k).orElse(null)));
    }

    private Optional<Facts> read(String code) {
        List<Facts> found = jdbc.query("SELECT i.level, i.admdvs, i.designated_from, i.designated_until, r.policy_pack"
                + " FROM institution i JOIN region r ON r.admdvs = i.admdvs WHERE i.code = ?", (rs, n) -> new Facts(code,
                rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                rs.getString(5)), code);
        return found.stream().findFirst();
    }
}
