package org.openyibao.platform.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.ledger.Ledger;

/** Seeds a small demo region (Zhanjiang, 440800) on first start in demo mode. */
@Component
public class DemoRegion {
    public static final String ADMDVS = "440800";

    private final boolean enabled;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;

    public DemoRegion(@Value("${yibao.demo.enabled:false}") boolean enabled, JdbcTemplate jdbc, TransactionTemplate tx,
                      Ledger ledger) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (!enabled) return;
        tx.executeWithoutResult(s -> {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE admdvs = ?", Integer.class, ADMDVS);
            if (n > 0) return;
            jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES (?, ?, ?)", ADMDVS, "Zhanjiang (湛江)", "zhanjiang");
            ledger.openRegion(ADMDVS);
        });
    }

    public String admdvs() {
        return ADMDVS;
    }

    public int year() {
        return 2018;
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("Demo region: Zhanjiang (440800), policy pack policies/zhanjiang");
        return out;
    }
}
