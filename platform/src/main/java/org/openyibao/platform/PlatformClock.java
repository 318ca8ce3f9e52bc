package org.openyibao.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the server, in the zone the agency works in ({@code yibao.fsi.zone}, default the
 * server's; China's platform runs on Asia/Shanghai). Every "today" and "now" — the interface's
 * stamps, a cancellation's date, the registry's "born in the future" check — reads this clock, so one
 * request never sees two different days around midnight, and tests can fix the time.
 */
@Configuration
public class PlatformClock {
    @Bean
    public Clock clock(@Value("${yibao.fsi.zone:}") String zone) {
        return Clock.system(zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone));
    }
}
