package dev.tollgate.examples.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Getting started" section, followed as a new user would: its install step in this
 * repository, then its {@code pom.xml} and test written into a throwaway folder, then its run
 * command. Every file and command comes from the README itself, so a snippet that stops compiling
 * or a step that stops working fails this test.
 */
class GettingStartedIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final String FIX_HINT_PATTERN = "Once the bug is fixed\\s*\\(`([^`]+)`\\)";
  /** The prefix of the blocks of the README's second step, the local environment. */
  private static final String LOCAL = "local:";

  private static Path repoRoot;
  private static Path workDir;
  private static Map<String, String> blocks;
  private static String section;

  @BeforeAll
  static void installTollgateAsTheReadmeSays() throws Exception {
    repoRoot = Path.of(System.getProperty("gettingStarted.repoRoot", "../..")).toAbsolutePath()
        .normalize();
    workDir = Path.of(System.getProperty("gettingStarted.workDir", "target/getting-started-project"))
        .toAbsolutePath();
    section = gettingStartedSection(Files.readString(repoRoot.resolve("README.md")));
    blocks = blocks(section);
    assertThat(blocks).as("the README's getting-started blocks")
        .containsKeys("install", "pom.xml", "run");
    assertThat(blocks.keySet()).anyMatch(name -> name.startsWith("src/test/java/"));

    Result install = run(repoRoot, blocks.get("install"), workDir.resolveSibling("install.log"));
    assertThat(install.exitCode())
        .as("the README's install step, run in the repository, ended with %s:%n%s",
            install.exitCode(), install.tail())
        .isZero();
  }

  @Test
  void the_readme_project_fails_shrunk_to_the_planted_bug_and_its_replay_line_fails_the_same_way()
      throws Exception {
    Path project = writeProject(workDir.resolve("red"));

    Result red = run(project, blocks.get("run"), project.resolve("run.log"));

    assertThat(red.exitCode()).as("mvn test on the README project:%n%s", red.tail()).isNotZero();
    assertThat(red.output())
        .contains("Tollgate: model 'notes' failed: postcondition of delete_note at step 4")
        .contains("  1. user1 login()")
        .contains("  4. user1 delete_note(note#2)    <-- FAILED: postcondition of delete_note")
        .contains("expected: 404");
    assertThat(red.output()).doesNotContain("  5. ");
    Path reports = project.resolve("target/tollgate");
    try (Stream<Path> files = Files.walk(reports)) {
      List<Path> md = files.filter(p -> p.getFileName().toString().equals("report.md")).toList();
      assertThat(md).as("report.md under %s", reports).hasSize(1);
      assertThat(Files.readString(md.get(0))).contains("delete_note");
    }

    String replay = replayLine(red.output());
    Result again = run(project, replay, project.resolve("replay.log"));

    assertThat(again.exitCode()).as("the printed replay line %s:%n%s", replay, again.tail())
        .isNotZero();
    assertThat(again.output())
        .contains("Tollgate: model 'notes' failed: postcondition of delete_note at step 4")
        .contains("Replayed the program given by -Dtollgate.replay (4 steps)");
  }

  @Test
  void the_readme_project_passes_once_the_bug_is_fixed_as_the_readme_says() throws Exception {
    Path project = writeProject(workDir.resolve("fixed"));
    Matcher fix = Pattern.compile(FIX_HINT_PATTERN).matcher(section);
    assertThat(fix.find()).as("the README names the fix in `...` after 'Once the bug is fixed'")
        .isTrue();
    Path test = testSource(project);
    String source = Files.readString(test);
    String buggy = "boolean known = id < nextId.get();";
    assertThat(source).contains(buggy);
    Files.writeString(test, source.replace(buggy, fix.group(1)));

    Result green = run(project, blocks.get("run"), project.resolve("run.log"));

    assertThat(green.exitCode()).as("mvn test on the fixed README project:%n%s", green.tail())
        .isZero();
    assertThat(green.output()).contains("Tollgate: model 'notes' passed 200 programs");
  }

  @Test
  void the_readme_app_on_the_local_environment_fails_shrunk_with_one_tollgate_dependency_more()
      throws Exception {
    assertThat(blocks).as("the README's local-environment blocks")
        .containsKeys(LOCAL + "dependency", LOCAL + "run");
    Path project = writeProject(workDir.resolve("local"), true);
    assertThat(tollgateDependencies(Files.readString(project.resolve("pom.xml"))))
        .as("the Tollgate modules the project depends on: HTTP and one environment")
        .containsExactly("tollgate-http", "tollgate-local");

    Result red = run(project, blocks.get(LOCAL + "run"), project.resolve("run.log"));

    assertThat(red.exitCode()).as("the local-environment project:%n%s", red.tail()).isNotZero();
    assertThat(red.output())
        .contains("Tollgate: model 'notes' failed: postcondition of delete_note at step 4")
        .contains("  1. user1 login()")
        .contains("  4. user1 delete_note(note#2)    <-- FAILED: postcondition of delete_note")
        .contains("expected: 404")
        .doesNotContain("  5. ")
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("not on the test classpath");
  }

  /** The artifact ids of the {@code dev.tollgate} dependencies, outside dependency management. */
  private static List<String> tollgateDependencies(String pom) {
    String dependencies = pom.replaceFirst("(?s)<dependencyManagement>.*</dependencyManagement>", "");
    Matcher m = Pattern.compile("<groupId>dev\\.tollgate</groupId>\\s*<artifactId>([^<]+)</artifactId>")
        .matcher(dependencies);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  // ---------------------------------------------------------------------------------------------

  /** From "## Getting started" to the next second-level heading. */
  static String gettingStartedSection(String readme) {
    int start = readme.indexOf("\n## Getting started");
    assertThat(start).as("a '## Getting started' section in README.md").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** Each fenced block that follows a {@code <!-- getting-started: name -->} marker, by name. */
  static Map<String, String> blocks(String section) {
    Matcher m = Pattern.compile("<!-- getting-started: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```",
        Pattern.DOTALL).matcher(section);
    Map<String, String> found = new LinkedHashMap<>();
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }

  private static Path writeProject(Path dir) throws IOException {
    return writeProject(dir, false);
  }

  /**
   * The first project's files; with {@code local}, also the local environment's step: its
   * dependency added to the pom.xml beside tollgate-http, as the README says, and its files.
   */
  private static Path writeProject(Path dir, boolean local) throws IOException {
    deleteRecursively(dir);
    for (Map.Entry<String, String> block : blocks.entrySet()) {
      String name = block.getKey();
      if (name.startsWith(LOCAL)) {
        if (!local) {
          continue;
        }
        name = name.substring(LOCAL.length());
      }
      if (name.contains("/") || name.endsWith(".xml")) {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, block.getValue() + "\n");
      }
    }
    if (local) {
      Path pom = dir.resolve("pom.xml");
      String xml = Files.readString(pom);
      int end = xml.lastIndexOf("</dependencies>");
      assertThat(end).as("a <dependencies> section in the README's pom.xml").isPositive();
      Files.writeString(pom, xml.substring(0, end) + blocks.get(LOCAL + "dependency") + "\n  "
          + xml.substring(end));
    }
    return dir;
  }

  private static Path testSource(Path project) {
    String name = blocks.keySet().stream().filter(n -> n.startsWith("src/test/java/"))
        .findFirst().orElseThrow();
    return project.resolve(name);
  }

  private static String replayLine(String output) {
    Matcher m = Pattern.compile("Replay exactly this program:\\n\\s+(mvn [^\\n]+)").matcher(output);
    assertThat(m.find()).as("a replay line in the output").isTrue();
    return m.group(1).trim();
  }

  record Result(int exitCode, String output) {
    String tail() {
      String[] lines = output.split("\n");
      return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }
  }

  /**
   * Runs a README command line through bash, as a user pastes it, in batch mode, and offline when
   * this build is.
   */
  private static Result run(Path dir, String commandLine, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of("bash", "-c", commandLine.trim()
        + " -B" + (System.getProperty("gettingStarted.offline", "").endsWith("true") ? " -o" : "")));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("MAVEN_CMD_LINE_ARGS");
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("'" + commandLine + "' in " + dir + " did not end within "
          + TIMEOUT + "; its output is in " + log);
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static void deleteRecursively(Path dir) throws IOException {
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
