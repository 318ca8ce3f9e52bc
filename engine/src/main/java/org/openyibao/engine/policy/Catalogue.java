package org.openyibao.engine.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.money.Money;

/**
 * A region's medical catalogue: each item's class (A/B/C), self-pay-first ratio and price limit.
 * Two formats load: the sample CSV shipped with each pack
 * ({@code code,name,class,self_pay_first_ratio,price_limit}) and the national platform's
 * tab-separated catalogue download file (1301/1305, INTERFACE §2), see {@link #loadNational}.
 */
public final class Catalogue {
    /** One catalogue item; {@code priceLimitFen} is −1 when the item has no price limit. */
    public record Item(String code, String name, LineClass lineClass, int selfPayFirstPpm, long priceLimitFen) {}

    public static final Catalogue EMPTY = new Catalogue(Map.of());

    private final Map<String, Item> items;

    private Catalogue(Map<String, Item> items) {
        this.items = items;
    }

    public Item find(String code) {
        return items.get(code);
    }

    public int size() {
        return items.size();
    }

    /** Every item, by code. */
    public java.util.List<Item> items() {
        return items.values().stream().sorted(java.util.Comparator.comparing(Item::code)).toList();
    }

    public static Catalogue of(List<Item> items) {
        Map<String, Item> m = new HashMap<>();
        for (Item i : items) m.put(i.code(), i);
        return new Catalogue(Map.copyOf(m));
    }

    /** Loads the pack's sample CSV; every bad row is reported with its line. */
    public static Catalogue load(Path csv) {
        return load(csv, csv.getFileName().toString());
    }

    /** As {@link #load(Path)}, problems naming the file as {@code file}. */
    public static Catalogue load(Path csv, String file) {
        List<Problem> problems = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.strip().equals("code,name,class,self_pay_first_ratio,price_limit")) {
                problems.add(new Problem(file, 1, null,
                        "header must be: code,name,class,self_pay_first_ratio,price_limit"));
                throw new PolicyException(problems);
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 5) {
                    problems.add(new Problem(file, n, null, "expected 5 columns, found " + f.length));
                    continue;
                }
                try {
                    items.add(item(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problems.add(new Problem(file, n, f[0].strip(), e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(file, 0, null, "cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return of(items);
    }

    /**
     * Loads a national catalogue download file (the tab-separated .txt inside the 9102 zip).
     * The national file has no class or ratio columns of its own at fixed places across versions,
     * so the caller names the 1-based columns: code, name, class (chrgitm_lv: 01/02/03 or 1/2/3),
     * self-pay-first ratio and price limit (0 = absent). INTERFACE §2 (1301): code is column 1,
     * name column 2.
     */
    public static Catalogue loadNational(Path txt, int codeCol, int nameCol, int classCol, int ratioCol, int limitCol) {
        List<Problem> problems = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        String file = txt.getFileName().toString();
        try (BufferedReader r = Files.newBufferedReader(txt, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                try {
                    String cls = switch (col(f, classCol)) {
                        case "01", "1", "甲" -> "A";
                        case "02", "2", "乙" -> "B";
                        case "03", "3", "丙" -> "C";
                        default -> throw new IllegalArgumentException("unknown class '" + col(f, classCol) + "'");
                    };
                    items.add(item(col(f, codeCol), col(f, nameCol), cls,
                            ratioCol > 0 ? col(f, ratioCol) : "", limitCol > 0 ? col(f, limitCol) : ""));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problems.add(new Problem(file, n, null, e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(file, 0, null, "cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return of(items);
    }

    private static String col(String[] f, int oneBased) {
        if (oneBased > f.length) throw new IllegalArgumentException("missing column " + oneBased);
        return f[oneBased - 1].strip();
    }

    private static Item item(String code, String name, String cls, String ratio, String limit) {
        if (code.isEmpty()) throw new IllegalArgumentException("empty code");
        LineClass lc = LineClass.of(cls);
        if (lc == null) throw new IllegalArgumentException("class '" + cls + "' is not A, B or C");
        int ppm = 0;
        if (!ratio.isEmpty()) {
            BigDecimal r = new BigDecimal(ratio);
            if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("self_pay_first_ratio " + ratio + " outside [0,1]");
            }
            ppm = Money.ppm(r);
        }
        if (lc != LineClass.B && ppm != 0) throw new IllegalArgumentException("only class B items have a self-pay-first ratio");
        long lim = -1;
        if (!limit.isEmpty() && new BigDecimal(limit).signum() != 0) {
            BigDecimal l = new BigDecimal(limit);
            if (l.signum() < 0) throw new IllegalArgumentException("negative price_limit " + limit);
            lim = Money.fen(l);
        }
        return new Item(code, name, lc, ppm, lim);
    }
}
