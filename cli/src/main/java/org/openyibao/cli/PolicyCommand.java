package org.openyibao.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.openyibao.engine.grouping.GroupingCheck;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.TableSelection;
import org.openyibao.engine.supervision.RuleSelection;
import org.openyibao.engine.supervision.RuleSets;
import org.openyibao.engine.supervision.SupervisionCheck;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Bibliography;
import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Declaration;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Problem;
import org.openyibao.engine.policy.Scale;
import org.openyibao.engine.policy.Unit;
import org.openyibao.engine.policy.explorer.PolicyValue;
import org.openyibao.engine.policy.explorer.PolicyValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "policy", mixinStandardHelpOptions = true, description = "Check and show policy packs.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Show.class, PolicyCommand.Schema.class})
public final class PolicyCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a pack (and optionally a reform on it); exit 2 with file:line: path: problem for each.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the pack's directory, e.g. policies/zhanjiang")
        Path dir;

        @Option(names = "--reform", paramLabel = "FILE", description = "also check this reform overlay on the pack")
        Path reform;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) throw new UserError("DIR: " + dir + " is not a directory");
            if (reform != null && !Files.isRegularFile(reform)) throw new UserError("--reform: " + reform + " is not a file");
            List<Problem> problems = PackLoader.check(dir);
            if (!problems.isEmpty()) return refused(problems, dir.toString());
            if (reform != null) {
                // the pack is valid: whatever is wrong now is the reform's, and is reported under its name
                Path root = dir.toAbsolutePath().normalize().getParent();
                List<Problem> onPack = PackLoader.checkReform(PackLoader.load(dir), reform, Bibliography.of(root));
                if (!onPack.isEmpty()) return refused(onPack, "reform " + reform + " (on " + dir + ")");
            }
            PolicyPack pack = PackLoader.read(dir);
            String counts = pack.parameters().size() + " parameters, " + pack.scales().size() + " scales, "
                    + pack.declarations().size() + " emergency declarations, " + pack.catalogue().size() + " catalogue items";
            String bases = pack.bases().isEmpty() ? "" : " (extends " + String.join(" → ", pack.bases()) + ")";
            if (pack.base()) {
                System.out.println("ok: base pack " + dir.toAbsolutePath().normalize().getFileName() + " (" + pack.name() + ")" + bases
                        + ": " + counts + "; not a region: its tiers are checked in the packs that extend it");
                return 0;
            }
            System.out.println("ok: " + pack.region() + " (" + pack.name() + ")" + bases + ": " + counts + "; rules from "
                    + pack.changeDates().get(0) + ", " + pack.changeDates().size() + " change dates");
            if (reform != null) System.out.println("ok: reform " + reform + " on " + pack.region());
            int grouping = checkGrouping(dir);
            if (grouping != 0) return grouping;
            return checkSupervision(dir);
        }

        /** The grouping tables beside the pack and the pack's grouping.yaml (docs/grouping.md#checking). */
        private static int checkGrouping(Path dir) {
            Path region = dir.toAbsolutePath().normalize();
            Path root = region.getParent();
            if (!Files.isDirectory(root.resolve(GroupingTables.DIR)) && !Files.isRegularFile(region.resolve(TableSelection.FILE)))
                return 0;
            List<Problem> problems = GroupingCheck.problems(root, region);
            if (!problems.isEmpty()) return refused(problems, "the grouping tables");
            GroupingTables tables = GroupingTables.load(root);
            int vectors = tables.versions().stream().mapToInt(v -> tables.vectors(v).size()).sum();
            StringBuilder selected = new StringBuilder();
            for (TableSelection.Entry e : TableSelection.of(region).entries())
                selected.append(selected.length() == 0 ? "; " + region.getFileName() + " groups with " : ", ")
                        .append(e.version()).append(" from ").append(e.from());
            System.out.println("ok: grouping: " + tables.versions().size() + " table versions " + tables.versions() + ", "
                    + vectors + " conformance vectors pass" + selected);
            return 0;
        }

        /** The supervision rule sets beside the pack and the pack's supervision.yaml (docs/supervision.md#checking). */
        private static int checkSupervision(Path dir) {
            Path region = dir.toAbsolutePath().normalize();
            Path root = region.getParent();
            if (!Files.isDirectory(root.resolve(RuleSets.DIR)) && !Files.isRegularFile(region.resolve(RuleSelection.FILE)))
                return 0;
            List<Problem> problems = SupervisionCheck.problems(root, region);
            if (!problems.isEmpty()) return refused(problems, "the supervision rules");
            RuleSets sets = RuleSets.load(root);
            int rules = sets.versions().stream().mapToInt(v -> sets.version(v).rules().size()).sum();
            StringBuilder selected = new StringBuilder();
            for (RuleSelection.Entry e : RuleSelection.of(region).entries())
                selected.append(selected.length() == 0 ? "; " + region.getFileName() + " screens with " : ", ")
                        .append(e.version()).append(" from ").append(e.from());
            System.out.println("ok: supervision: " + sets.versions().size() + " rule sets " + sets.versions() + ", "
                    + rules + " rules, each naming a check class" + selected);
            return 0;
        }

        private static int refused(List<Problem> problems, String where) {
            for (Problem p : problems) System.err.println(p);
            System.err.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + where);
            return 2;
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = "Every parameter a pack may define: path, unit and meaning ({level} etc. are table keys).")
    static final class Schema implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println(org.openyibao.engine.policy.PolicySchema.describe());
            System.out.println();
            System.out.println("{level} = village|township|level1|level2|level3|all   {employment} = in_service|retired|all");
            System.out.println("{category} = general|dire_poverty|documented_poor|subsistence_allowance|all   "
                    + "{contribution} = contribution_1|contribution_2|all");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The parameters in force on a date, with sources.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "REGION", description = "a pack under the policies directory, e.g. zhanjiang")
        String region;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Day.class,
                description = "the day whose values are shown")
        LocalDate date;

        @Option(names = "--reform", paramLabel = "FILE")
        Path reform;

        @Override
        public Integer call() {
            PolicyPack pack = Policies.standard().pack(region, reform);
            pack.asOf(date); // fails clearly before the pack's first date
            System.out.println(pack.region() + " (" + pack.name() + ") on " + date
                    + (pack.bases().isEmpty() ? "" : ", extending " + String.join(" → ", pack.bases()))
                    + (pack.reforms().isEmpty() ? "" : " with reform " + String.join(", ", pack.reforms())));
            System.out.println("(each value: since when; the file and line it comes from, under the policies directory; its source)");
            Map<String, String> lines = new TreeMap<>();
            List<String> sources = new ArrayList<>();
            for (PolicyValue v : PolicyValues.inForce(pack, date)) {
                if (!pack.parameters().containsKey(v.path())) continue; // scales and declarations: below, in their own words
                Dated d = v.inForce();
                sources.add(d.source());
                lines.put(v.path(), show(v.unit(), d.value()) + "  (since " + d.from() + ", " + at(v.file(), d.line()) + "; "
                        + d.source() + ")");
            }
            for (Scale s : pack.scales().values()) {
                StringBuilder b = new StringBuilder();
                int i = 0;
                for (Scale.Bracket br : s.brackets()) {
                    Dated t = br.threshold().at(date);
                    Dated r = br.rate().at(date);
                    if (t == null || r == null || t.value() == null || r.value() == null) continue;
                    String band = "above " + Money.format((Long) t.value()) + ": " + Money.formatRatio((Integer) r.value());
                    b.append(b.length() == 0 ? "" : ", ").append(band);
                    LocalDate since = t.from().isAfter(r.from()) ? t.from() : r.from();
                    String src = t.source().equals(r.source()) ? r.source()
                            : "threshold: " + t.source() + "; rate: " + r.source();
                    sources.add(src);
                    lines.put(s.path() + ".brackets[" + i++ + "]", band + "  (since " + since + ", "
                            + at(br.threshold().file(), t.line()) + "; " + src + ")");
                }
                if (b.length() > 0) lines.put(s.path(), b + "  (" + at(s.file(), s.line()) + ")");
            }
            for (Declaration d : pack.declarations()) {
                if (d.inForce(date)) sources.add(d.source());
                if (d.inForce(date)) lines.put("emergency.declarations." + d.name(), d.cited().value() + "  ("
                        + at(d.file(), d.line()) + "; " + d.source() + ")");
            }
            if (pack.catalogueFile() != null) {
                lines.put("catalogue", pack.catalogue().size() + " items  (" + pack.catalogueFile() + ")");
            }
            lines.forEach((k, v) -> System.out.println(k + " = " + v));
            printWorksCited(sources);
            return 0;
        }

        /** The full entries of the works the values cite, then what the markers of our own choices mean. */
        private static void printWorksCited(List<String> sources) {
            List<Bibliography.Work> works = Bibliography.of(Policies.standard().root()).cited(sources);
            if (!works.isEmpty()) {
                System.out.println();
                System.out.println("Works cited (policies/bibliography.yaml, docs/bibliography.md):");
                for (Bibliography.Work w : works) System.out.println("  " + w.key() + ": " + w.reference());
            }
            if (sources.stream().anyMatch(s -> s != null && s.matches("(?s).*\\b(DECISION|SCENARIO|REFORM)\\b.*"))) {
                System.out.println();
                System.out.println("DECISION, SCENARIO and REFORM mark choices of ours, not published figures: the reason is"
                        + " beside the value or in docs/decisions.md.");
            }
        }

        /** --date as a calendar day, refused in words naming the option (picocli adds "Invalid value for option '--date'"). */
        static final class Day implements CommandLine.ITypeConverter<LocalDate> {
            @Override
            public LocalDate convert(String value) {
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    boolean shaped = value.matches("\\d{4}-\\d{2}-\\d{2}");
                    throw new CommandLine.TypeConversionException("'" + value + "' is not "
                            + (shaped ? "a day of the calendar (YYYY-MM-DD: month 01-12, a day the month has)" : "a date: write YYYY-MM-DD"));
                }
            }
        }

        private static String at(String file, int line) {
            return line > 0 ? file + ":" + line : file;
        }

        private static String show(Unit unit, Object value) {
            return switch (unit) {
                case CURRENCY -> Money.format((Long) value);
                case RATIO, MULTIPLE -> Money.formatRatio((Integer) value);
                case REASONS -> String.join(", ", ((java.util.List<?>) value).stream()
                        .map(r -> ((org.openyibao.engine.policy.AuditReason) r).code() + " "
                                + ((org.openyibao.engine.policy.AuditReason) r).decisions()).toList());
                default -> value.toString();
            };
        }
    }
}
