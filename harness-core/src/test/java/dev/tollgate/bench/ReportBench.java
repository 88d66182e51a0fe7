package dev.tollgate.bench;

import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.NotesHttp;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.Runner;
import dev.tollgate.report.Reporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * What reporting adds to a failing check over real HTTP: the engine alone (find and shrink)
 * against the same check that also reruns the failure three times to classify it and writes the
 * three report files. Both are measured side by side, alternating, in one run.
 *
 * <p>Run (from the top folder): {@code mvn -B -o -q -pl harness-core -am test-compile &&
 * bash harness-core/scripts/run-main.sh harness-core dev.tollgate.bench.ReportBench}
 */
public final class ReportBench {
  private static final PrintStream OUT = System.out;

  private ReportBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path reports = Files.createTempDirectory("tollgate-report-bench");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    try (NotesHttp notes = new NotesHttp(true)) {
      LongFunction<Runner> engineOnly = seed -> Tollgate.runner().reporter(Reporter.none())
          .withoutReports().withoutCorpus().flakyReruns(0).seed(seed);
      LongFunction<Runner> withReports = seed -> Tollgate.runner().reporter(Reporter.none())
          .reportDir(reports).withoutCorpus().flakyReruns(3).seed(seed); // as in the published figures
      for (int warm = 0; warm < 10; warm++) {
        time(notes, engineOnly.apply(warm));
        time(notes, withReports.apply(warm));
      }
      List<Double> plain = new ArrayList<>();
      List<Double> reported = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        plain.add(time(notes, engineOnly.apply(round)));
        reported.add(time(notes, withReports.apply(round)));
      }
      double a = median(plain);
      double b = median(reported);
      OUT.printf("failing check over HTTP (notes, delete twice), %d seeds, medians:%n", rounds);
      OUT.printf("  engine only (find + shrink):                 %8.1f ms%n", a);
      OUT.printf("  + 3 flaky reruns + report.json/md/html:      %8.1f ms  (x%.2f)%n", b, b / a);
      OUT.printf("  report sizes: json %,d B, md %,d B, html %,d B%n",
          Files.size(reports.resolve("notes/report.json")),
          Files.size(reports.resolve("notes/report.md")),
          Files.size(reports.resolve("notes/report.html")));
    } finally {
      try (Stream<Path> files = Files.walk(reports)) {
        files.sorted(Comparator.reverseOrder()).forEach(ReportBench::delete);
      }
    }
  }

  private static double time(NotesHttp notes, Runner runner) {
    long start = System.nanoTime();
    try {
      runner.check(NotesHttp.model(), notes);
      throw new IllegalStateException("the planted bug was not found");
    } catch (ModelCheckFailure expected) {
      return (System.nanoTime() - start) / 1e6;
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
