package dev.tollgate.internal.gate;

import java.util.ArrayList;
import java.util.List;

/** Rule 1: every test passed, in the JUnit XML and in the Tollgate model test reports. */
public final class TestsRule {
    static final String TITLE = "Every test passed";

    private TestsRule() {
    }

    public static RuleOutcome evaluate(RunResults results) {
        List<RuleOutcome.Row> rows = new ArrayList<>();
        int passed = 0;
        int skipped = 0;
        for (TestCaseResult test : results.testCases()) {
            switch (test.outcome()) {
                case FAILED -> rows.add(RuleOutcome.Row.blocked(Markdown.code(test.displayName()),
                        Markdown.text(test.message())));
                case SKIPPED -> skipped++;
                default -> passed++;
            }
        }
        int modelPassed = 0;
        for (TollgateReport report : results.reports()) {
            if (report.passed()) {
                modelPassed++;
            } else {
                rows.add(RuleOutcome.Row.blocked("model test " + Markdown.code(report.test()), modelFailure(report)));
            }
        }
        if (passed + skipped > 0) {
            rows.add(RuleOutcome.Row.passed(passed + " test(s)", "passed" + (skipped > 0 ? " (" + skipped
                    + " skipped)" : "")));
        }
        if (modelPassed > 0) {
            rows.add(RuleOutcome.Row.passed(modelPassed + " model test(s)", "passed"));
        }
        String note = "Read " + results.xmlFiles() + " Surefire/Failsafe report file(s) and "
                + results.reports().size() + " Tollgate report(s).";
        return new RuleOutcome(TITLE, List.of("Test", "Result"), rows, List.of(note));
    }

    private static String modelFailure(TollgateReport report) {
        String where = "report " + Markdown.code(report.file().toString());
        if (report.running()) {
            return "did not finish: its report still says \"running\", so the run was killed or is still going ("
                    + where + "). Fix: let the tests finish, or rerun them; a failure found before the kill is"
                    + " in the regression corpus and is replayed first";
        }
        return report.failure()
                .map(f -> "command " + Markdown.code(f.command()) + " failed its " + Markdown.code(f.check())
                        + " check: " + Markdown.text(f.message()) + " (" + where + ")")
                .orElse("failed, with no failure details (" + where + ")");
    }
}
