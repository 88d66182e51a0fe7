package dev.tollgate.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratedSchemaRuleTest {
    @TempDir Path dir;

    private static TollgateReport migrated(boolean passed, List<String> scripts, long programs, int step) {
        Optional<TollgateReport.Failure> failure = passed ? Optional.empty()
                : Optional.of(new TollgateReport.Failure("add_todo", "postcondition",
                        "postcondition of add_todo at step 4: expected 201 but was 500"));
        return new TollgateReport("A#a", passed, failure, Map.of(), Path.of("report.json"), false,
                Optional.empty(), "", Optional.empty(), Map.of(),
                Optional.of(new TollgateReport.Migration("release 1", scripts, programs, step)));
    }

    @Test
    void a_passing_run_on_the_migrated_schema_says_how_many_programs_passed_after_which_migration() {
        RuleOutcome outcome = MigratedSchemaRule.evaluate(
                List.of(migrated(true, List.of("V2__add.sql"), 25, 0)));

        assertThat(outcome.mark()).isEqualTo(RuleOutcome.Mark.PASSED);
        assertThat(outcome.rows().get(0).cells()).containsExactly("`V2__add.sql`",
                "release 1's model passed 25 programs on the schema migrated by `V2__add.sql`", "`A#a`");
    }

    @Test
    void a_failing_run_blocks_naming_the_migration_and_the_step_that_broke() {
        RuleOutcome outcome = MigratedSchemaRule.evaluate(
                List.of(migrated(false, List.of("V2__rename.sql", "V3__drop.sql"), 1, 4)));

        assertThat(outcome.blocks()).isTrue();
        assertThat(outcome.rows().get(0).plainCells().get(1)).startsWith("release 1's model fails on the schema"
                + " after `V2__rename.sql`, `V3__drop.sql`: step 4 (`add_todo`) failed its postcondition:"
                + " expected 201 but was 500. Fix: make the migration additive");
        assertThat(outcome.rows().get(0).details()).as("a message short enough for the row").isEmpty();
    }

    @Test
    void a_run_after_no_migration_is_shown_but_not_judged() {
        RuleOutcome outcome = MigratedSchemaRule.evaluate(List.of(migrated(true, List.of(), 25, 0)));

        assertThat(outcome.blocks()).isFalse();
        assertThat(outcome.mark()).isEqualTo(RuleOutcome.Mark.NOT_JUDGED);
        assertThat(outcome.rows().get(0).plainCells().get(1)).contains("applied no migration");
    }

    @Test
    void without_a_run_on_a_migrated_schema_the_rule_is_skipped() {
        RuleOutcome outcome = MigratedSchemaRule.evaluate(List.of(new TollgateReport("A#a", true, Optional.empty(),
                Map.of(), Path.of("report.json"))));

        assertThat(outcome.skipped()).isTrue();
        assertThat(outcome.rows()).isEmpty();
    }

    @Test
    void the_reader_takes_the_migration_with_the_programs_and_the_failing_step() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, """
                {"schema": "tollgate-report/1", "test": "A#a", "status": "failed", "latency": {},
                 "failure": {"command": "add_todo", "check": "postcondition", "message": "500", "step": 3},
                 "migration": {"release": "release 1", "scripts": ["V2__rename.sql"]},
                 "statistics": {"programs": 7}}
                """);

        TollgateReport report = TollgateReportReader.read(file);

        assertThat(report.migration())
                .contains(new TollgateReport.Migration("release 1", List.of("V2__rename.sql"), 7, 3));
    }
}
