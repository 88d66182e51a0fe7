package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.NotesHttp;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.runner.ModelCheckFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
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

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled = GeneratedJava.compile(file, work.resolve("classes"), diagnostics);

    assertThat(compiled).as("javac on%n%s%n%s", source, diagnostics.getDiagnostics()).isTrue();
    assertThat(work.resolve("classes/NotesRegressionTest.class")).exists();
  }
}
