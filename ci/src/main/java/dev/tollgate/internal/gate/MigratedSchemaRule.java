package dev.tollgate.internal.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rule 5: the previous release works on the schema the new release migrated to, as it must while
 * both run during a rolling deploy. Each row is one run of the previous release's model on such a
 * schema ({@code runner.onMigratedSchema(..)}), named by the migrations the new release applied:
 * it passes with the number of programs that passed, or blocks with the step that broke. Only
 * reports of such runs hold a {@code migration}; without any, the rule is not applied.
 */
public final class MigratedSchemaRule {
    static final String TITLE = "The previous release works on the migrated schema";

    private MigratedSchemaRule() {
    }

    public static RuleOutcome evaluate(List<TollgateReport> reports) {
        List<RuleOutcome.Row> rows = new ArrayList<>();
        for (TollgateReport report : reports) {
            report.migration().ifPresent(migration -> rows.add(row(report, migration)));
        }
        List<String> notes = List.of("Each row ran the previous release's model, with its app, on a database"
                + " that the new release migrated, as during a rolling deploy. A failure's replay line and"
                + " reports are under \"" + TestsRule.TITLE + "\".");
        return new RuleOutcome(TITLE, List.of("Migration", "Why", "In"), rows, notes, rows.isEmpty());
    }

    private static RuleOutcome.Row row(TollgateReport report, TollgateReport.Migration migration) {
        Text in = Text.code(report.test());
        if (migration.scripts().isEmpty()) {
            return RuleOutcome.Row.notJudged(Text.plain("none"), Text.plain(migration.release()
                    + "'s model ran, but the new release applied no migration (its scripts were applied"
                    + " already, or it keeps no Flyway history), so no migrated schema was checked"), in);
        }
        Text scripts = scripts(migration.scripts());
        if (report.running()) {
            return RuleOutcome.Row.blocked(scripts, Text.plain(migration.release() + "'s model on the schema"
                    + " after ").plus(scripts).plus(" did not finish: its report still says"
                    + " \"running\". Fix: let the tests finish, or rerun them"), in);
        }
        if (report.passed()) {
            return RuleOutcome.Row.passed(scripts, Text.plain(migration.release() + "'s model passed "
                    + migration.programs() + (migration.programs() == 1 ? " program" : " programs")
                    + " on the schema migrated by ").plus(scripts), in);
        }
        Text why = Text.plain(migration.release() + "'s model fails on the schema after ")
                .plus(scripts).plus(": ");
        Optional<TollgateReport.Failure> failure = report.failure();
        Text message = Text.shortened(failure.map(f -> withoutWhere(f.message())).orElse(""), TestsRule.MAX_MESSAGE);
        why = failure.isEmpty() ? why.plus("it failed, with no failure details")
                : why.plus(migration.failedStep() > 0 ? "step " + migration.failedStep() + " " : "")
                        .plus("(").plusCode(failure.get().command()).plus(") failed its "
                                + failure.get().check() + ": ")
                        .plus(message);
        return RuleOutcome.Row.blocked(scripts, why.plus(". Fix: make the migration additive (add the new"
                + " column, keep the old one until no running release reads it)"), in)
                .withDetails(new RuleOutcome.Details(Optional.empty(), Optional.empty(), message.isCut()
                        ? failure.map(TollgateReport.Failure::message) : Optional.empty()));
    }

    /** The message without its "postcondition of add_todo at step 3: ", which the row says already. */
    static String withoutWhere(String message) {
        return message.replaceFirst("^[^:\\n]* at step \\d+: ", "");
    }

    private static Text scripts(List<String> scripts) {
        Text text = Text.code(scripts.get(0));
        for (String script : scripts.subList(1, scripts.size())) {
            text = text.plus(", ").plusCode(script);
        }
        return text;
    }
}
