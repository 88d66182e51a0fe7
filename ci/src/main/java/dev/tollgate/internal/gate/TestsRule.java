package dev.tollgate.internal.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 1: every test passed, in the JUnit XML and in the Tollgate model test reports. A model
 * test that failed also fails its JUnit test case; it is shown once, as the model test, whose
 * report says more (command, check, replay line, reports).
 */
public final class TestsRule {
    static final String TITLE = "Every test passed";
    /** Longer messages are cut at a word boundary in the table; the full text goes below it. */
    static final int MAX_MESSAGE = 300;

    private TestsRule() {
    }

    public static RuleOutcome evaluate(RunResults results) {
        return evaluate(results, Path.of(""));
    }

    public static RuleOutcome evaluate(RunResults results, Path summaryFolder) {
        return evaluate(results, summaryFolder, FlakyPolicy.BLOCK);
    }

    /**
     * {@code summaryFolder} is where gate.md goes: links to the reports are relative to it. {@code flaky} says
     * whether a model test failure that its reruns showed flaky blocks or warns.
     */
    public static RuleOutcome evaluate(RunResults results, Path summaryFolder, FlakyPolicy flaky) {
        List<RuleOutcome.Row> rows = new ArrayList<>();
        Set<String> failedModelTests = new HashSet<>();
        for (TollgateReport report : results.reports()) {
            if (!report.passed()) {
                failedModelTests.add(report.test());
            }
        }
        int passed = 0;
        int skipped = 0;
        int shownAsModelTest = 0;
        for (TestCaseResult test : results.testCases()) {
            switch (test.outcome()) {
                case FAILED -> {
                    if (failedModelTests.contains(testId(test))) {
                        shownAsModelTest++;
                    } else {
                        rows.add(junitFailure(test));
                    }
                }
                case SKIPPED -> skipped++;
                default -> passed++;
            }
        }
        int modelPassed = 0;
        int flakyFailures = 0;
        for (TollgateReport report : results.reports()) {
            if (report.passed()) {
                modelPassed++;
            } else {
                rows.add(modelFailure(report, summaryFolder, flaky));
                flakyFailures += report.flaky().filter(TollgateReport.Flaky::flaky).isPresent() ? 1 : 0;
            }
        }
        if (passed + skipped > 0) {
            rows.add(RuleOutcome.Row.passed(Text.plain(passed + " test(s)"),
                    Text.plain("passed" + (skipped > 0 ? " (" + skipped + " skipped)" : ""))));
        }
        if (modelPassed > 0) {
            rows.add(RuleOutcome.Row.passed(Text.plain(modelPassed + " model test(s)"), Text.plain("passed")));
        }
        String note = "Read " + results.xmlFiles() + " Surefire/Failsafe report file(s) and "
                + results.reports().size() + " Tollgate report(s)."
                + (shownAsModelTest == 0 ? "" : " " + shownAsModelTest + " failed JUnit test case(s) are model"
                        + " tests, each shown once, by its model test report.");
        List<String> notes = new ArrayList<>(List.of(note));
        if (flakyFailures > 0) {
            notes.add("Flaky policy: " + policyText(flaky) + " Set " + GateConfig.FLAKY + "=block or "
                    + GateConfig.FLAKY + "=warn in " + GateConfig.DEFAULT_FILE_NAME + ".");
        }
        return new RuleOutcome(TITLE, List.of("Test", "Result"), rows, notes);
    }

    private static String policyText(FlakyPolicy flaky) {
        return flaky == FlakyPolicy.BLOCK
                ? "block (the default): a flaky failure blocks the deploy like any other."
                : "warn: a flaky failure is shown with its failure rate and does not block the deploy.";
    }

    /**
     * The id a Tollgate report gives its test, {@code dev.example.TodoGateIT#todos}; Surefire
     * writes the method with its parameter types, {@code todos(Runner)}.
     */
    static String testId(TestCaseResult test) {
        String name = test.name();
        int paren = name.indexOf('(');
        String method = paren > 0 ? name.substring(0, paren) : name;
        return test.className().isEmpty() ? method : test.className() + "#" + method;
    }

    private static RuleOutcome.Row junitFailure(TestCaseResult test) {
        Text message = Text.shortened(test.message(), MAX_MESSAGE);
        return RuleOutcome.Row.blocked(Text.code(test.displayName()), message)
                .withDetails(new RuleOutcome.Details(Optional.empty(), Optional.empty(),
                        message.isCut() ? Optional.of(test.message()) : Optional.empty()));
    }

    private static RuleOutcome.Row modelFailure(TollgateReport report, Path summaryFolder, FlakyPolicy policy) {
        Text name = Text.plain("model test ").plusCode(report.test());
        Text why;
        if (report.running()) {
            why = Text.plain("did not finish: its report still says \"running\", so the run was killed or is still"
                    + " going. Fix: let the tests finish, or rerun them; a failure found before the kill is in the"
                    + " regression corpus and is replayed first");
        } else {
            why = report.failure()
                    .map(f -> Text.plain("command ").plusCode(f.command()).plus(" failed its ").plusCode(f.check())
                            .plus(" check: ").plus(Text.shortened(f.message(), MAX_MESSAGE)))
                    .orElse(Text.plain("failed, with no failure details"));
        }
        boolean flaky = !report.running() && report.flaky().filter(TollgateReport.Flaky::flaky).isPresent();
        if (flaky) {
            why = why.plus(" — flaky, " + report.flaky().get().rateText() + " (flaky policy: " + policy.key()
                    + (policy == FlakyPolicy.WARN ? ", so it does not block)" : ")"));
        } else if (!report.running() && report.flaky().isPresent()) {
            why = why.plus(" — " + report.flaky().get().classification());
        }
        Optional<String> replay = report.replay()
                .map(r -> r.command().isBlank() ? "-Dtollgate.replay=" + r.token() : r.command());
        String full = report.message().strip();
        RuleOutcome.Row row = flaky && policy == FlakyPolicy.WARN
                ? RuleOutcome.Row.warned(name, why) : RuleOutcome.Row.blocked(name, why);
        return row.withDetails(new RuleOutcome.Details(replay,
                reportLinks(report, summaryFolder), full.isEmpty() ? Optional.empty() : Optional.of(full)));
    }

    /** report.html and report.md beside report.json, those that exist, relative to gate.md's folder. */
    private static Optional<Text> reportLinks(TollgateReport report, Path summaryFolder) {
        Path folder = report.file().toAbsolutePath().normalize().getParent();
        Path base = summaryFolder.toAbsolutePath().normalize();
        Text links = null;
        for (String name : List.of("report.html", "report.md")) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String target = relative(base, file);
            links = links == null ? Text.plain("").plusLink(name, target) : links.plus(" · ").plusLink(name, target);
        }
        return Optional.ofNullable(links);
    }

    private static String relative(Path base, Path file) {
        Path path = file.getRoot() != null && base.getRoot() != null && file.getRoot().equals(base.getRoot())
                ? base.relativize(file) : file;
        return path.toString().replace('\\', '/');
    }
}
