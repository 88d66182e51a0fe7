package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.NotesHttp;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.runner.ModelCheckFailure;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The RestAssured test in a report is Java that compiles, ready to paste. */
@ExtendWith(RestoreTollgateProperties.class)
class GeneratedTestCompilesTest {
  @TempDir Path work;

  @Test
  void generated_restassured_test_compiles_against_junit_and_restassured() throws Exception {
    System.setProperty("tollgate.reportDir", work.resolve("reports").toString());
    try (NotesHttp notes = new NotesHttp(true)) {
      catchThrowableOfType(ModelCheckFailure.class, () -> Tollgate.runner()
          .reporter(Reporter.none()).withoutCorpus().seed(5).check(NotesHttp.model(), notes));
    }
    String source = new ObjectMapper()
        .readTree(work.resolve("reports/dev.tollgate.report.GeneratedTestCompilesTest"
            + ".generated_restassured_test_compiles_against_junit_and_restassured/report.json").toFile()).path("generatedTest").asText();
    Path file = work.resolve("src/NotesRegressionTest.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("-classpath", classpath(), "-d", work.resolve("classes").toString(),
          "-proc:none");
      Files.createDirectories(work.resolve("classes"));
      compiled = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjects(file.toFile())).call();
    }

    assertThat(compiled).as("javac on%n%s%n%s", source, diagnostics.getDiagnostics()).isTrue();
    assertThat(work.resolve("classes/NotesRegressionTest.class")).exists();
  }

  /** The jars of JUnit's and RestAssured's API, wherever the build put them. */
  private static String classpath() throws URISyntaxException {
    Set<String> entries = new LinkedHashSet<>(
        List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    for (Class<?> type : List.of(io.restassured.RestAssured.class, Test.class,
        org.apiguardian.api.API.class, org.hamcrest.Matcher.class,
        io.restassured.specification.RequestSpecification.class)) {
      entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, new ArrayList<>(entries));
  }
}
