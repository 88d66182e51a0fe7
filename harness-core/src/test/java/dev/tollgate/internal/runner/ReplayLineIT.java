package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pastes a printed replay line, as a user would, in a throwaway two-module build: the first
 * build runs every test from the top folder with a profile and a {@code -D} property that switch
 * a bug on; the printed line, run from that folder, must run only the failing IT, in its module,
 * with the same switches, and fail the same way.
 */
class ReplayLineIT {
  private static final long TIMEOUT_MINUTES = 10;

  @Test
  void the_printed_line_pasted_in_the_folder_that_ran_the_build_fails_the_same_way()
      throws Exception {
    Path project = writeProject();

    Result first = run(project, "mvn -B -o verify -Pstrict -Ddemo.bug=on -Dtollgate.corpus=none");

    assertThat(first.exit()).as("the first build:%n%s", first.tail()).isNotZero();
    assertThat(first.output()).contains("UNIT TEST RAN")
        .contains("Tollgate: model 'counter' failed: postcondition of inc at step 3");
    Matcher printed = Pattern.compile("Replay exactly this program:\\n\\s+(mvn [^\\n]+)")
        .matcher(first.output());
    assertThat(printed.find()).as("a replay line in:%n%s", first.tail()).isTrue();
    String line = printed.group(1).trim();
    assertThat(line).startsWith("mvn verify -o -Pstrict -Ddemo.bug=on -Dtollgate.corpus=none"
        + " -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dit.test='CounterIT#counts' -Dfailsafe.failIfNoSpecifiedTests=false"
        + " -Dtollgate.replay=t1.");
    assertThat(first.output()).contains("Report: app/target/tollgate/demo.CounterIT.counts/report.html");

    Result again = run(project, line + " -B");

    assertThat(again.exit()).as("the replay line %s:%n%s", line, again.tail()).isNotZero();
    assertThat(again.output())
        .contains("Replayed the program given by -Dtollgate.replay (3 steps)")
        .contains("Tollgate: model 'counter' failed: postcondition of inc at step 3")
        .doesNotContain("UNIT TEST RAN");
  }

  /** A reactor of a library with the bug and an app module that tests it, on this build's jar. */
  private static Path writeProject() throws IOException {
    Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    Path parentPom = basedir.resolveSibling("pom.xml");
    Path jar;
    try (Stream<Path> files = Files.list(basedir.resolve("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("harness-core-[^-].*\\.jar")
          && !p.getFileName().toString().endsWith("-sources.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("expected this build's harness-core jar in "
              + basedir.resolve("target") + ": run this test with mvn verify"));
    }
    Path project = basedir.resolve("target/replay-line-it");
    delete(project);
    write(project.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>dev.tollgate</groupId>
            <artifactId>tollgate-parent</artifactId>
            <version>0.1.0-SNAPSHOT</version>
            <relativePath>%s</relativePath>
          </parent>
          <artifactId>replay-demo</artifactId>
          <packaging>pom</packaging>
          <modules><module>lib</module><module>app</module></modules>
        </project>
        """.formatted(project.relativize(parentPom)));
    write(project.resolve("lib/pom.xml"), child("replay-demo-lib", ""));
    write(project.resolve("lib/src/main/java/demo/Counter.java"), """
        package demo;

        public final class Counter {
          private Counter() {}

          /** With the bug on (-Ddemo.bug=on, and -Pstrict), the third step does not count. */
          public static int next(int value) {
            boolean bug = "on".equals(System.getProperty("demo.bug"))
                && "true".equals(System.getProperty("demo.strict"));
            return bug && value == 2 ? value : value + 1;
          }
        }
        """);
    write(project.resolve("app/pom.xml"), child("replay-demo-app", """
          <dependencies>
            <dependency>
              <groupId>dev.tollgate</groupId><artifactId>replay-demo-lib</artifactId>
              <version>0.1.0-SNAPSHOT</version>
            </dependency>
            <dependency>
              <groupId>dev.tollgate</groupId><artifactId>harness-core</artifactId>
              <version>0.1.0-SNAPSHOT</version><scope>system</scope><systemPath>%s</systemPath>
            </dependency>
            <dependency>
              <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <profiles>
            <profile>
              <id>strict</id>
              <build><plugins><plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-failsafe-plugin</artifactId>
                <configuration>
                  <systemPropertyVariables><demo.strict>true</demo.strict></systemPropertyVariables>
                </configuration>
              </plugin></plugins></build>
            </profile>
          </profiles>
        """.formatted(jar)));
    write(project.resolve("app/src/test/java/demo/CounterTest.java"), """
        package demo;

        import org.junit.jupiter.api.Test;

        class CounterTest {
          @Test
          void counts() {
            System.out.println("UNIT TEST RAN");
          }
        }
        """);
    write(project.resolve("app/src/test/java/demo/CounterIT.java"), """
        package demo;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import dev.tollgate.gen.Gen;
        import dev.tollgate.model.Model;
        import dev.tollgate.model.User;
        import dev.tollgate.runner.Runner;
        import dev.tollgate.runner.StateMachineTest;
        import dev.tollgate.runner.SystemUnderTest;

        class CounterIT {
          @StateMachineTest(tries = 20, maxSteps = 10)
          void counts(Runner runner) {
            int[] counter = new int[1];
            Model<Integer, int[]> model = Model.define("counter", int[].class, () -> 0)
                .command("inc", c -> c.with(Gen.integers(0, 3))
                    .run((value, n) -> value[0] = Counter.next(value[0]))
                    .expect((count, call, result) -> assertEquals(count + 1, result))
                    .update((count, call) -> count + 1))
                .build();
            runner.check(model, new SystemUnderTest<>() {
              @Override
              public void reset() {
                counter[0] = 0;
              }

              @Override
              public int[] client(User user) {
                return counter;
              }
            });
          }
        }
        """);
    return project;
  }

  private static String child(String artifactId, String body) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>dev.tollgate</groupId>
            <artifactId>replay-demo</artifactId>
            <version>0.1.0-SNAPSHOT</version>
          </parent>
          <artifactId>%s</artifactId>
        %s</project>
        """.formatted(artifactId, body);
  }

  private record Result(int exit, String output) {
    String tail() {
      List<String> lines = output.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
  }

  /** Runs a command line through bash in {@code dir}, as a user pastes it. */
  private static Result run(Path dir, String commandLine) throws Exception {
    Path log = Files.createTempFile(dir, "build", ".log");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // This build's own launcher variables must not leak into the inner builds.
    builder.environment().remove("MAVEN_CMD_LINE_ARGS");
    builder.environment().remove("MAVEN_PROJECTBASEDIR");
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("'" + commandLine + "' did not end within " + TIMEOUT_MINUTES
          + " minutes; its output is in " + log);
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
