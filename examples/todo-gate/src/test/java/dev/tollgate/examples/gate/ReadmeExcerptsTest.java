package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each README block marked {@code <!-- excerpt: path -->} is cut from that compiled file: its
 * lines appear there in the same order (spaces at either end aside), so the README cannot show
 * code that no longer compiles. A line of {@code // ...} stands for lines left out.
 */
class ReadmeExcerptsTest {
  private static final Path ROOT = Path.of("../..");
  private static final Pattern EXCERPT =
      Pattern.compile("<!-- excerpt: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  void every_marked_readme_block_is_cut_from_its_compiled_file() throws IOException {
    Matcher m = EXCERPT.matcher(Files.readString(ROOT.resolve("README.md")));
    int blocks = 0;
    while (m.find()) {
      blocks++;
      Path source = ROOT.resolve(m.group(1));
      assertThat(source).as("the file a README excerpt names").exists();
      List<String> lines = Files.readAllLines(source).stream().map(String::strip).toList();
      int at = 0;
      for (String line : m.group(2).split("\n")) {
        String wanted = line.strip();
        if (wanted.isEmpty() || wanted.equals("// ...")) {
          continue;
        }
        int found = lines.subList(at, lines.size()).indexOf(wanted);
        assertThat(found)
            .as("README excerpt of %s: the line%n  %s%nafter line %d of that file", m.group(1),
                wanted, at)
            .isNotNegative();
        at += found + 1;
      }
    }
    assertThat(blocks).as("README blocks marked <!-- excerpt: path -->").isPositive();
  }
}
