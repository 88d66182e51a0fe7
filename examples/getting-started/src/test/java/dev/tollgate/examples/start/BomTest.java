package dev.tollgate.examples.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM has no parent, so it repeats versions: they must stay those the build uses. */
class BomTest {
  private static final Path ROOT = Path.of(System.getProperty("gettingStarted.repoRoot", "../.."));

  private static Map<String, String> versionProperties(Path pom) throws Exception {
    Matcher m = Pattern.compile("<([a-z.-]+\\.version)>([^<]+)</\\1>").matcher(Files.readString(pom));
    Map<String, String> found = new LinkedHashMap<>();
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }

  private static String projectVersion(Path pom) throws Exception {
    Matcher m = Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(pom).replaceFirst("(?s)<parent>.*?</parent>", ""));
    assertThat(m.find()).as("a project version in %s", pom).isTrue();
    return m.group(1);
  }

  @Test
  void the_bom_lists_the_versions_the_build_uses() throws Exception {
    Map<String, String> bom = versionProperties(ROOT.resolve("bom/pom.xml"));
    Map<String, String> build = versionProperties(ROOT.resolve("pom.xml"));

    assertThat(bom).isNotEmpty();
    bom.forEach((key, version) ->
        assertThat(build.get(key)).as("%s in the root pom.xml, against the BOM's", key)
            .isEqualTo(version));
    assertThat(projectVersion(ROOT.resolve("bom/pom.xml")))
        .isEqualTo(projectVersion(ROOT.resolve("pom.xml")));
  }

  @Test
  void the_bom_manages_the_core_http_and_each_environment_module_and_each_is_a_module_of_the_build()
      throws Exception {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    Matcher managed = Pattern.compile(
        "<groupId>dev\\.tollgate</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(
        bom.substring(bom.indexOf("<dependencyManagement>")));
    List<String> artifacts = new ArrayList<>();
    while (managed.find()) {
      artifacts.add(managed.group(1));
    }
    String root = Files.readString(ROOT.resolve("pom.xml"));

    assertThat(artifacts).containsExactly("harness-core", "tollgate-http", "tollgate-local",
        "tollgate-containers", "fsm-models");
    for (String artifact : artifacts) {
      assertThat(root).as("the root pom.xml builds %s", artifact)
          .contains("<module>" + artifact + "</module>");
      String pom = Files.readString(ROOT.resolve(artifact).resolve("pom.xml"))
          .replaceFirst("(?s)<parent>.*?</parent>", "");
      assertThat(pom).as("%s/pom.xml", artifact)
          .contains("<artifactId>" + artifact + "</artifactId>");
    }
  }
}
