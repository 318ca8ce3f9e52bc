package org.openyibao.platform.fsi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The interface's clock and identifiers: local times in {@code yibao.fsi.zone} (default the server's zone; China's
 * platform runs on Asia/Shanghai), and the receiver's 30-character message IDs (region(6) + yyyyMMddHHmmss + 10-digit
 * serial, INTERFACE §1.6) used for {@code inf_refmsgid} and {@code sign_no}.
 */
@Component
public class FsiClock {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter STAMP_MS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final long SERIALS = 10_000_000_000L;

    private final Clock clock;
    private final ZoneId zone;
    /** Starts at a random point so that a restart within the same second does not repeat IDs. */
    private final AtomicLong serial = new AtomicLong(Math.floorMod(new SecureRandom().nextLong(), SERIALS));

    /** The interface's view of the server's one {@link Clock} (see {@code PlatformClock}). */
    @Autowired
    public FsiClock(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** A clock of its own in {@code zone} (tests). */
    public FsiClock(String zone) {
        this(Clock.system(ZoneId.of(zone)));
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Now, outside a call; a transaction reads {@link FsiCall#now()} instead (its call's one reading of the clock). */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Today, outside a call; a transaction reads {@link FsiCall#today()} instead. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** {@code yyyyMMddHHmmssSSS} of an instant in the zone (refmsg_time, respond_time). */
    public String stampMillis(Instant t) {
        return STAMP_MS.format(t.atZone(zone));
    }

    /** A new receiver ID stamped now: region (6 digits; 000000 when unknown) + yyyyMMddHHmmss + 10-digit serial. */
    public String newId(String region) {
        return newId(region, instant());
    }

    /** A new receiver ID stamped {@code at} (a call's received instant): region + yyyyMMddHHmmss + 10-digit serial. */
    public String newId(String region, Instant at) {
        String r = region != null && region.matches("\\d{6}") ? region : "000000";
        long n = Math.floorMod(serial.getAndIncrement(), SERIALS);
        return r + STAMP.format(at.atZone(zone)) + String.format("%010d", n);
    }
}
