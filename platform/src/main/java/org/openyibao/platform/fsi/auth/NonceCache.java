package org.openyibao.platform.fsi.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The x-tif nonces seen while their timestamp is inside the window, to refuse a replayed request. In memory: one
 * server instance, forgotten on restart (a replay across a restart is still refused once its timestamp leaves the
 * window). Several instances behind a balancer would need a shared store (a table with a unique key, or Redis).
 */
final class NonceCache {
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** True the first time {@code nonce} is used by {@code paasid}; it is then remembered until {@code until} (epoch s). */
    boolean firstUse(String paasid, String nonce, long until, long now) {
        sweep(now);
        String key = paasid + '\u0000' + nonce;
        Long previous = seen.putIfAbsent(key, until);
        if (previous == null) return true;
        return previous < now && seen.replace(key, previous, until);
    }

    int size() {
        return seen.size();
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + 30)) return;
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < now) it.remove();
        }
    }
}
