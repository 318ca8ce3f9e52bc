package org.openyibao.engine.supervision;

/**
 * The time a rule looks at: this visit, this stay, one day, the last N days, the calendar year.
 *
 * @param days the N of {@link Unit#ROLLING_DAYS}, 0 otherwise
 */
public record Window(Unit unit, int days) {
    public enum Unit {
        VISIT("visit"), STAY("stay"), DAY("day"), ROLLING_DAYS("rolling_days"), YEAR("year");

        public final String key;

        Unit(String key) {
            this.key = key;
        }

        public static Unit of(String key) {
            for (Unit u : values()) if (u.key.equals(key)) return u;
            return null;
        }
    }

    @Override
    public String toString() {
        return unit == Unit.ROLLING_DAYS ? "rolling " + days + " days" : unit.key;
    }
}
