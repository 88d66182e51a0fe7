package dev.tollgate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.model.Model;
import dev.tollgate.model.ModelBuilder;
import dev.tollgate.model.User;
import dev.tollgate.report.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command deep in a chain of creations (an owner, a pet of the owner, a visit of the pet ...)
 * is rare among random programs; the check searches for it before calling it unreachable.
 */
@ExtendWith(RestoreTollgateProperties.class)
class ReachabilityTest {
  /** How many things of each kind exist: owners, pets, visits, treatments, invoices. */
  record Clinic(int[] counts) {
    Clinic with(int kind, int delta) {
      int[] next = counts.clone();
      next[kind] += delta;
      return new Clinic(next);
    }

    boolean has(int kind) {
      return counts[kind] > 0;
    }
  }

  private static final String[] KINDS = {"owner", "pet", "visit", "treatment", "invoice"};

  private static final SystemUnderTest<Object> NOTHING = new SystemUnderTest<>() {
    @Override
    public void reset() { }

    @Override
    public Object client(User user) {
      return "client";
    }
  };

  /**
   * get_invoice needs five earlier creations, each needing the one before; busy commands
   * (listing, searching) and a purge that deletes everything crowd the chain out.
   */
  static Model<Clinic, Object> clinic() {
    ModelBuilder<Clinic, Object> model = Model.define("clinic", Object.class, () -> new Clinic(new int[KINDS.length]));
    for (int k = 0; k < KINDS.length; k++) {
      int kind = k;
      model.command("create_" + KINDS[k], c -> c.whenModel(m -> kind == 0 || m.has(kind - 1))
          .run((client, none) -> "created").update((m, call) -> m.with(kind, 1)));
    }
    for (String busy : List.of("list_owners", "search_pets", "stats", "health", "list_visits", "export")) {
      model.command(busy, c -> c.weight(8).run((client, none) -> "ok"));
    }
    model.command("purge", c -> c.weight(6).run((client, none) -> "purged")
        .update((m, call) -> new Clinic(new int[KINDS.length])));
    model.command("get_invoice", c -> c.whenModel(m -> m.has(KINDS.length - 1)).run((client, none) -> "invoice"));
    return model.build();
  }

  private static RunSummary check(long seed, int maxSteps) {
    return Tollgate.runner().seed(seed).tries(20).maxSteps(maxSteps).reporter(Reporter.none()).withoutReports()
        .withoutCorpus().check(clinic(), NOTHING);
  }

  @Test
  void a_command_that_needs_five_earlier_creations_is_reached_over_20_seeds() {
    for (long seed = 1; seed <= 20; seed++) {
      RunSummary summary = check(seed, 12);
      assertThat(summary.note()).as("seed " + seed).startsWith("warning: rare commands ")
          .contains("get_invoice (enabled in none of 200 random programs; the reachability search enabled it after 5"
              + " steps");
    }
  }

  @Test
  void the_random_sample_alone_misses_it_so_the_search_is_what_reaches_it() {
    System.setProperty("tollgate.reachabilityPrograms", "1");
    List<Long> rejected = new ArrayList<>();
    for (long seed = 1; seed <= 20; seed++) {
      try {
        check(seed, 12);
      } catch (TollgateConfigurationException e) {
        rejected.add(seed);
        assertThat(e.getMessage()).containsPattern("Command 'create_(visit|treatment|invoice)' was never enabled, neither in"
            + " 200 random programs nor in a search of ").contains("-Dtollgate.reachabilityPrograms=5 (now 1)",
            "-Dtollgate.rareCommands=create_");
      }
    }
    assertThat(rejected).hasSize(20);
  }

  @Test
  void a_command_marked_rare_on_purpose_warns_instead_of_failing() {
    System.setProperty("tollgate.reachabilityPrograms", "1");
    System.setProperty("tollgate.rareCommands", "create_treatment, create_invoice,get_invoice");

    assertThat(check(3, 12).note()).contains("get_invoice (never enabled, marked rare with -Dtollgate.rareCommands)");
  }

  @Test
  void a_configuration_error_replaces_the_reports_of_an_earlier_run(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("clinic");
    Files.createDirectories(folder);
    for (String name : List.of("report.html", "report.json", "report.md")) {
      Files.writeString(folder.resolve(name), "an earlier run's report");
    }
    System.setProperty("tollgate.reachabilityPrograms", "1");
    System.clearProperty("tollgate.reportDir");

    assertThatThrownBy(() -> Tollgate.runner().seed(1).maxSteps(12).reporter(Reporter.none()).reportDir(dir)
        .withoutCorpus().check(clinic(), NOTHING)).isInstanceOf(TollgateConfigurationException.class);

    try (var files = Files.list(dir)) {
      Path written = files.filter(Files::isDirectory).findFirst().orElseThrow();
      assertThat(written.resolve("report.html")).doesNotExist();
      assertThat(written.resolve("report.json")).doesNotExist();
      assertThat(Files.readString(written.resolve("report.md")))
          .contains("did not run: configuration error", "was never enabled, neither in 200 random programs");
    }
  }
}
