package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.environment.App;
import dev.tollgate.environment.Environments;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.internal.settings.SettingKeys;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings are checked: a misspelt {@code tollgate.*} key and a zero or negative duration fail
 * before anything runs, and the files a run writes can be read by others.
 */
@ExtendWith(RestoreTollgateProperties.class)
class SettingsIT {
  @TempDir Path work;

  private static Runner quiet() {
    return Tollgate.runner().reporter(Reporter.none()).withoutCorpus().withoutReports();
  }

  @Test
  void a_misspelt_key_fails_the_check_and_names_the_closest_key_and_where_keys_are_listed() {
    System.setProperty("tollgate.trys", "5");
    TodoSystem system = TodoSystem.correct();

    assertThatThrownBy(() -> quiet().check(TodoModel.model(), system))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("Unknown Tollgate setting -Dtollgate.trys=5 (did you mean -Dtollgate.tries?)."
            + " Expected every system property that starts with 'tollgate.' to be one of Tollgate's"
            + " settings, but found a key it does not know, which would be ignored. Fix the"
            + " spelling, or remove the property. Every key is listed in the README's \"Settings\""
            + " table (also the Javadoc of dev.tollgate.runner.Runner and of the package"
            + " dev.tollgate.environment).");
  }

  @Test
  void every_unknown_key_is_named_with_its_nearest_known_key_and_secret_values_are_masked() {
    System.setProperty("tollgate.shrinktime", "PT1S");
    System.setProperty("tollgate.external.jdbc-pasword", "hunter2");

    assertThatThrownBy(() -> quiet().check(TodoModel.model(), TodoSystem.correct()))
        .hasMessageStartingWith("Unknown Tollgate settings"
            + " -Dtollgate.external.jdbc-pasword=[redacted] (did you mean -Dtollgate.external.jdbc-password?),"
            + " -Dtollgate.shrinktime=PT1S (did you mean -Dtollgate.shrinkTime?).")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void a_misspelt_key_fails_an_environment_before_it_starts_anything() {
    System.setProperty("tollgate.enviroment", "local");

    assertThatThrownBy(() -> Environments.builder().app(App.jar(work.resolve("missing.jar"))).build())
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("-Dtollgate.enviroment=local (did you mean -Dtollgate.environment?)");
  }

  @Test
  void every_key_the_readme_the_poms_and_the_scripts_set_is_known() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> all = Files.walk(root)) {
      files = all.filter(Files::isRegularFile)
          .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")
              && !f.toString().contains("/node_modules/"))
          .filter(f -> f.getFileName().toString().equals("pom.xml")
              || f.getFileName().toString().equals("README.md")
              || f.endsWith(Path.of("examples", "run-gate")) || f.endsWith(Path.of(".ci", "run"))
              || f.endsWith(Path.of("ci", "tollgate-gate"))
              || f.getFileName().toString().endsWith(".yml"))
          .toList();
    }
    assertThat(files).as("files scanned").anyMatch(f -> f.endsWith(Path.of("examples", "run-gate")))
        .anyMatch(f -> f.endsWith(Path.of("harness-core", "pom.xml")));
    // -Dtollgate.x=…, `tollgate.x`, <tollgate.x> in poms; not dev.tollgate.* packages.
    Pattern key = Pattern.compile("(?:-D|`|<)(tollgate\\.[A-Za-z][A-Za-z0-9.-]*[A-Za-z0-9])");
    Set<String> unknown = new TreeSet<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        Matcher m = key.matcher(line);
        // The README shows the error for a misspelt key: that line names one on purpose.
        while (m.find() && !line.contains("did you mean")) {
          if (!SettingKeys.known().contains(m.group(1))) {
            unknown.add(m.group(1) + " in " + root.relativize(file));
          }
        }
      }
    }
    assertThat(unknown).as("tollgate.* keys that the docs, poms or scripts use but SettingKeys does not list")
        .isEmpty();
  }

  @Test
  void negative_and_zero_durations_in_properties_are_rejected_with_the_fix() {
    System.setProperty("tollgate.timeBudget", "PT-5S");
    assertThatThrownBy(() -> quiet().check(TodoModel.model(), TodoSystem.correct()))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("-Dtollgate.timeBudget=PT-5S: expected a positive ISO-8601 duration such as"
            + " PT30S or PT5M, but found a negative one. Fix the value, or remove the property for"
            + " the default PT10M.");

    System.setProperty("tollgate.timeBudget", "PT0S");
    assertThatThrownBy(() -> quiet().check(TodoModel.model(), TodoSystem.correct()))
        .hasMessageContaining("-Dtollgate.timeBudget=PT0S: expected a positive ISO-8601 duration")
        .hasMessageContaining("but found zero");

    System.clearProperty("tollgate.timeBudget");
    System.setProperty("tollgate.shrinkTime", "-PT1M");
    assertThatThrownBy(() -> quiet().check(TodoModel.model(), TodoSystem.correct()))
        .hasMessageStartingWith("-Dtollgate.shrinkTime=-PT1M: expected a positive ISO-8601 duration")
        .hasMessageEndingWith("remove the property for the default PT2M.");
  }

  @Test
  void negative_and_zero_durations_in_code_are_rejected_with_the_fix() {
    assertThatThrownBy(() -> Tollgate.runner().timeBudget(Duration.ofSeconds(-5)))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("timeBudget(PT-5S): expected a positive duration, but found a negative one."
            + " Pass one such as Duration.ofSeconds(30), or leave timeBudget(..) out for the default"
            + " PT10M.");
    assertThatThrownBy(() -> Tollgate.runner().shrinkTime(Duration.ZERO))
        .hasMessageStartingWith("shrinkTime(PT0S): expected a positive duration, but found zero.");
  }

  @Test
  void report_files_and_corpus_entries_are_readable_by_everyone() throws IOException {
    Path reports = work.resolve("reports");
    Path corpus = work.resolve("corpus");
    System.setProperty("tollgate.reportDir", reports.toString());
    System.setProperty("tollgate.corpus", corpus.toString());

    assertThatThrownBy(() -> Tollgate.runner().reporter(Reporter.none()).seed(7)
        .check(TodoModel.model(), TodoSystem.with(Bug.DELETE_TWICE)))
        .isInstanceOf(ModelCheckFailure.class);

    List<Path> written;
    try (Stream<Path> all = Files.walk(work)) {
      written = all.filter(Files::isRegularFile).toList();
    }
    assertThat(written).as("reports and a corpus entry")
        .anyMatch(f -> f.getFileName().toString().equals("report.json"))
        .anyMatch(f -> f.getFileName().toString().equals("report.html"))
        .anyMatch(f -> f.getFileName().toString().endsWith(".tollgate"));
    for (Path file : written) {
      assertThat(Files.getPosixFilePermissions(file)).as(file.getFileName().toString())
          .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
              PosixFilePermission.OTHERS_READ);
    }
  }
}
