package org.openyibao.engine.settlement;

import java.util.ArrayList;
import java.util.List;

/**
 * A trace step's explanation as data, in no language: the kind of sentence and the numbers it used, in the order the
 * sentence names them, so that each reader's words can be put around them (the platform's message bundles do, key
 * {@code portal.trace.<kind>} with {@code {0}}, {@code {1}}… in this order). Built only when the trace is on.
 */
public record TraceWords(String kind, List<Figure> figures) {
    /** How a figure is read: an amount in fen, a ratio in ppm, a plain count. */
    public enum Unit { FEN, PPM, COUNT }

    /** One number the step used, by name (for a reader of the data) and unit; {@link org.openyibao.engine.money.Money#UNLIMITED} is "no cap". */
    public record Figure(String name, Unit unit, long value) {}

    public TraceWords {
        figures = List.copyOf(figures);
    }

    static Builder of(String kind) {
        return new Builder(kind);
    }

    /** The words' figures in order, named once each. */
    static final class Builder {
        private final String kind;
        private final List<Figure> figures = new ArrayList<>(8);

        private Builder(String kind) {
            this.kind = kind;
        }

        Builder fen(String name, long fen) {
            figures.add(new Figure(name, Unit.FEN, fen));
            return this;
        }

        Builder ppm(String name, long ppm) {
            figures.add(new Figure(name, Unit.PPM, ppm));
            return this;
        }

        Builder count(String name, long n) {
            figures.add(new Figure(name, Unit.COUNT, n));
            return this;
        }

        TraceWords build() {
            return new TraceWords(kind, figures);
        }
    }
}
