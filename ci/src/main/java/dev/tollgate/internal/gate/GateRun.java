package dev.tollgate.internal.gate;

import dev.tollgate.gate.Verdict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the gate: read the inputs, apply the rules, write and send the ruling. */
public final class GateRun {
    static final String STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY";

    private final Map<String, String> env;
    private final Console console;

    public GateRun(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.console = new Console(out, err);
    }

    public Verdict run(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (CannotDecideException e) {
            console.error(e.getMessage());
            return Verdict.UNDECIDED;
        }
        if (commandLine.help()) {
            console.info(CommandLine.USAGE);
            return Verdict.PASSED;
        }
        try {
            return rule(commandLine);
        } catch (CannotDecideException e) {
            console.error("could not decide: " + e.getMessage());
            writeQuietly(commandLine.out(), Summary.undecidedMarkdown(e.getMessage()));
            return Verdict.UNDECIDED;
        }
    }

    private Verdict rule(CommandLine commandLine) {
        GateConfig config = GateConfig.load(commandLine.config(), env);
        RunResults results = RunResults.scan(commandLine.reports());
        List<RuleOutcome> outcomes = new ArrayList<>(List.of(
                TestsRule.evaluate(results, summaryFolder(commandLine.out()), config.flaky()),
                LatencyRule.evaluate(results.reports(), config),
                MigrationsRule.evaluate(config.migrationsDir(), config.lastReleasedVersion())));
        if (results.reports().stream().anyMatch(report -> !report.versus().isEmpty())) {
            // Only where a test compared a candidate with a control: elsewhere it does not apply.
            outcomes.add(VersusRule.evaluate(results.reports(), config));
        }
        if (results.reports().stream().anyMatch(report -> report.migration().isPresent())) {
            // Only where a test ran the previous release on a migrated schema.
            outcomes.add(MigratedSchemaRule.evaluate(results.reports()));
        }
        Verdict verdict = Summary.verdictOf(outcomes);

        List<String> warnings = new ArrayList<>();
        config.webhook().ifPresent(url -> WebhookNotifier.post(url, Summary.chatText(outcomes, runUrl()),
                config.webhookTimeout()).ifPresent(warnings::add));
        warnings.forEach(console::warn);

        write(commandLine.out(), Summary.markdown(outcomes, warnings));
        console.info(Summary.verdictLine(verdict) + " (summary: " + commandLine.out() + ")");
        for (RuleOutcome outcome : outcomes) {
            for (RuleOutcome.Row row : outcome.blockingRows()) {
                console.info("  blocked by " + outcome.title() + ": " + String.join(" — ", row.plainCells()));
                row.details().flatMap(RuleOutcome.Details::replay).ifPresent(line -> console.info("    replay: " + line));
            }
            for (RuleOutcome.Row row : outcome.warningRows()) {
                console.info("  warning, not blocking, from " + outcome.title() + ": " + String.join(" — ", row.plainCells()));
            }
        }
        return verdict;
    }

    private static Path summaryFolder(Path out) {
        Path parent = out.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** The link to this CI run, when GitHub Actions' variables say where it is. */
    private String runUrl() {
        String server = env.get("GITHUB_SERVER_URL");
        String repository = env.get("GITHUB_REPOSITORY");
        String runId = env.get("GITHUB_RUN_ID");
        return server == null || repository == null || runId == null ? null
                : server + "/" + repository + "/actions/runs/" + runId;
    }

    private void write(Path out, String markdown) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CannotDecideException("expected to write the summary to " + out + " (from --out), but it failed: "
                    + e + ". Fix: give a path in a writable folder.", e);
        }
        appendToStepSummary(markdown);
    }

    /** On the way out with exit code 2 the summary is a courtesy: failing to write it must not hide the cause. */
    private void writeQuietly(Path out, String markdown) {
        try {
            write(out, markdown);
        } catch (CannotDecideException e) {
            console.warn(e.getMessage());
        }
    }

    private void appendToStepSummary(String markdown) {
        String stepSummary = env.get(STEP_SUMMARY_ENV);
        if (stepSummary == null || stepSummary.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(stepSummary), markdown + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            console.warn("could not append the summary to " + STEP_SUMMARY_ENV + " (" + stepSummary + "): " + e
                    + ". The summary is still in the --out file.");
        }
    }
}
