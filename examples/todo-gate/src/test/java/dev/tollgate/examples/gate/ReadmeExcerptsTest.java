package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's code cannot drift from the API. Each README block marked {@code <!-- excerpt:
 * path -->} is cut from that compiled file: its lines appear there in the same order (spaces at
 * either end aside). A line that starts with {@code // ...} stands for lines left out, and may
 * say which. Every {@code ```java} block is such an excerpt of a compiled Java file, or one of
 * the getting-started files that {@code GettingStartedIT} compiles and runs.
 */
class ReadmeExcerptsTest {
  private static final Path ROOT = Path.of("../..");
  private static final Pattern EXCERPT = Pattern.compile("<!-- excerpt: (\\S+) -->");
  /** A getting-started file; {@code local:} marks those of its local-environment step. */
  private static final Pattern GETTING_STARTED =
      Pattern.compile("<!-- getting-started: (?:local:)?(src/test/java/\\S+\\.java) -->");
  private static final Pattern COMPILED = Pattern.compile("(.+/)?src/(main|test)/java/.+\\.java");
  private static final String EXAMPLES =
      "examples/todo-gate/src/test/java/dev/tollgate/examples/gate/readme/";

  /** A fenced block: the line of its opening fence (1-based), its language, and what precedes it. */
  record Block(int line, String language, String marker, String section, List<String> lines) {}

  @Test
  void every_marked_readme_block_is_cut_from_its_compiled_file() throws IOException {
    List<Block> blocks = blocks(readme());

    assertThat(excerptMismatches(blocks, ROOT)).isEmpty();
    assertThat(blocks).filteredOn(b -> EXCERPT.matcher(b.marker()).matches())
        .as("README blocks marked <!-- excerpt: path -->").isNotEmpty();
  }

  @Test
  void every_java_block_in_the_readme_is_an_excerpt_of_a_compiled_file() throws IOException {
    assertThat(unchecked(blocks(readme()))).isEmpty();
  }

  @Test
  void a_java_block_without_a_marker_is_named_by_its_line_with_the_fix() {
    String readme = "# T\n\n## Writing\n\nText.\n\n```java\nint x = 1;\n```\n\n```text\nnot java\n```\n";

    List<String> problems = unchecked(blocks(readme));

    assertThat(problems).singleElement().asString()
        .startsWith("README.md line 7: a ```java block that nothing compiles.")
        .contains("<!-- excerpt: path/to/File.java -->", EXAMPLES, "```text");
  }

  @Test
  void an_excerpt_of_a_file_that_is_not_compiled_java_or_a_getting_started_marker_elsewhere_is_unchecked() {
    String readme = "## Writing\n\n<!-- excerpt: ci/README.md -->\n```java\nint x = 1;\n```\n\n"
        + "<!-- getting-started: src/test/java/A.java -->\n```java\nclass A {}\n```\n\n"
        + "## Getting started: one\n\n<!-- getting-started: src/test/java/B.java -->\n```java\n"
        + "class B {}\n```\n";

    List<String> problems = unchecked(blocks(readme));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("README.md line 4:").contains("ci/README.md");
    assertThat(problems.get(1)).startsWith("README.md line 9:").contains("getting-started");
  }

  @Test
  void an_excerpt_line_missing_from_its_file_is_named_by_its_readme_line() throws IOException {
    String file = "examples/todo-gate/src/test/java/dev/tollgate/examples/gate/ReadmeExcerptsTest.java";
    String readme = "## X\n\n<!-- excerpt: " + file + " -->\n```java\nclass ReadmeExcerptsTest {\n"
        + "// ... the fields\nint notThere = 1;\n```\n";

    List<String> problems = excerptMismatches(blocks(readme), ROOT);

    assertThat(problems).singleElement().asString()
        .startsWith("README.md line 7: the excerpt of " + file + " (block at line 4) has")
        .contains("int notThere = 1;", "after its line ");
  }

  // ---------------------------------------------------------------------------------------------

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  /** The fenced blocks, by CommonMark's rule: a fence of n backticks ends at a line of n or more. */
  static List<Block> blocks(String readme) {
    String[] lines = readme.split("\n", -1);
    List<Block> blocks = new ArrayList<>();
    String section = "";
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("## ")) {
        section = lines[i];
      }
      Matcher open = Pattern.compile("(`{3,})\\s*(\\S*).*").matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(1);
      int start = i;
      List<String> body = new ArrayList<>();
      for (i++; i < lines.length && !lines[i].strip().matches(fence + "`*"); i++) {
        body.add(lines[i]);
      }
      String marker = start == 0 ? "" : lines[start - 1].strip();
      blocks.add(new Block(start + 1, open.group(2), marker, section, List.copyOf(body)));
    }
    return blocks;
  }

  /** What is wrong with each {@code ```java} block that no compiled file backs. */
  static List<String> unchecked(List<Block> blocks) {
    List<String> problems = new ArrayList<>();
    for (Block block : blocks) {
      if (!block.language().equalsIgnoreCase("java")) {
        continue;
      }
      Matcher excerpt = EXCERPT.matcher(block.marker());
      boolean compiledExcerpt = excerpt.matches() && COMPILED.matcher(excerpt.group(1)).matches();
      boolean gettingStarted = GETTING_STARTED.matcher(block.marker()).matches()
          && block.section().startsWith("## Getting started");
      if (compiledExcerpt || gettingStarted) {
        continue;
      }
      problems.add("README.md line " + block.line() + ": a ```java block that nothing compiles."
          + " Expected the line before its fence to be <!-- excerpt: path/to/File.java --> naming"
          + " a compiled file (under src/main/java or src/test/java) whose lines, in order, the"
          + " block is cut from (a line `// ...` stands for lines left out), or, in \"Getting"
          + " started\", <!-- getting-started: src/test/java/....java --> (GettingStartedIT compiles"
          + " and runs it). Found: " + (block.marker().isEmpty() ? "an empty line" : "`"
          + block.marker() + "`") + ". To fix: put the code in a compiled example or test (such"
          + " as a class under " + EXAMPLES + ") and mark the block as its excerpt; or, if the"
          + " block is not Java, fence it as ```text.");
    }
    return problems;
  }

  /** Each excerpt line not found, in order, in the file its block names. */
  static List<String> excerptMismatches(List<Block> blocks, Path root) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Block block : blocks) {
      Matcher excerpt = EXCERPT.matcher(block.marker());
      if (!excerpt.matches()) {
        continue;
      }
      String name = excerpt.group(1);
      Path source = root.resolve(name);
      if (!Files.isRegularFile(source)) {
        problems.add("README.md line " + (block.line() - 1) + ": the excerpt names " + name
            + ", which does not exist. Expected a path from the repository's root.");
        continue;
      }
      List<String> lines = Files.readAllLines(source).stream().map(String::strip).toList();
      int at = 0;
      for (int i = 0; i < block.lines().size(); i++) {
        String wanted = block.lines().get(i).strip();
        if (wanted.isEmpty() || wanted.startsWith("// ...")) {
          continue;
        }
        int found = lines.subList(at, lines.size()).indexOf(wanted);
        if (found < 0) {
          problems.add("README.md line " + (block.line() + 1 + i) + ": the excerpt of " + name
              + " (block at line " + block.line() + ") has\n  " + wanted + "\nwhich is not in"
              + " that file after its line " + at + ". Expected the block's lines in the"
              + " file's order (spaces at either end aside; `// ...` for lines left out): copy the"
              + " line from the file, or change the file and the block together.");
          break;
        }
        at += found + 1;
      }
    }
    return problems;
  }
}
