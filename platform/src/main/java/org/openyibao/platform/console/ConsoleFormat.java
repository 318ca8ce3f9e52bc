package org.openyibao.platform.console;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.security.ConsoleUser;

/** What the pages show of amounts and persons, as {@code ${@fmt...}} in the templates. */
@Component("fmt")
public class ConsoleFormat {

    /** Fen as yuan with thousands separators: 1234567 → "12,345.67". */
    public String yuan(long fen) {
        return yuan(Money.yuan(fen));
    }

    public String yuan(BigDecimal yuan) {
        return yuan == null ? "" : String.format("%,.2f", yuan.setScale(2, RoundingMode.HALF_UP));
    }

    /** The person as {@code user} may see them: in full, or with the ID number, name and birth date masked. */
    public Person visible(Person p, ConsoleUser user) {
        return user != null && user.seesPersonalDataOf(p.psnNo()) ? p : p.masked();
    }
}
