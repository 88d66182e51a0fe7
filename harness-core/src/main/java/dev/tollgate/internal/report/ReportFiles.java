package dev.tollgate.internal.report;

import dev.tollgate.internal.module.HttpModules;
import dev.tollgate.internal.text.Printable;
import dev.tollgate.internal.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a check's {@code report.json}, {@code report.md} and {@code report.html} into one folder.
 * Each file is written to a temporary file in the same folder and moved into place atomically, so
 * the gate, a browser or a CI upload never sees half a report.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes the three reports of {@code run} into {@code folder}; returns the folder. */
  public static Path write(Path folder, RunRecord run) {
    String generated = HttpModules.find().map(http -> http.regressionTest(run)).orElse(null);
    try {
      Files.createDirectories(folder);
      // Control characters, bidi controls and lone surrogates from arguments and bodies are escaped
      // wherever they sit, so every file is valid UTF-8 text that grep and browsers read as such.
      atomically(folder.resolve("report.json"), Printable.text(JsonReport.render(run, generated)));
      atomically(folder.resolve("report.md"), Printable.text(MarkdownReport.render(run)));
      atomically(folder.resolve("report.html"), Printable.text(HtmlReport.render(run, generated)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Writing Tollgate's reports into " + folder.toAbsolutePath() + " failed: " + e
              + ". Expected a writable folder; choose another with -Dtollgate.reportDir=…", e);
    }
  }

  /**
   * The last resort when building or writing the full reports failed: {@code report.txt} holds
   * {@code text} (the steps, the seed and the replay line, in plain words), and a small {@code
   * report.json} and {@code report.md} say the check failed and point to it, so the gate blocks on
   * this run rather than on a stale "running". Only {@code report.txt} must be written; the other
   * two are tried after it, and their errors are left out. Returns {@code report.txt}.
   */
  public static Path fallback(Path folder, String test, String model, long seed, String token,
      String replayCommand, RunRecord.Flakiness flakiness, String command, String check,
      String failed, String text) throws IOException {
    Files.createDirectories(folder);
    Path txt = folder.resolve("report.txt");
    atomically(txt, Printable.text(Redactor.text(text)));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", JsonReport.SCHEMA);
    root.put("test", test);
    root.put("model", model);
    root.put("status", "failed");
    root.put("failure", JsonReport.ordered("command", command, "check", check,
        "message", Redactor.text(failed)));
    root.put("seed", seed);
    root.put("replay", JsonReport.ordered("token", token, "command", replayCommand));
    root.put("flaky", JsonReport.ordered("classification", flakiness.text(), "kind", flakiness.kind(),
        "reruns", flakiness.reruns(), "reproduced", flakiness.reproduced(),
        "rate", flakiness.reruns() == 0 ? null : flakiness.rate(), "rateText", flakiness.rateText()));
    root.put("fallback", "report.txt");
    root.put("message", Redactor.text(text));
    String markdown = "# Tollgate: ` " + test.replace("`", "'") + " ` FAILED\n\n"
        + "The full reports could not be built; the plain-text report is `report.txt`:\n\n```\n"
        + Redactor.text(text).replace("```", "' ' '") + "\n```\n";
    try {
      Files.deleteIfExists(folder.resolve("report.html"));
      atomically(folder.resolve("report.json"), Printable.text(Json.write(root)));
      atomically(folder.resolve("report.md"), Printable.text(markdown));
    } catch (IOException | RuntimeException e) {
      // report.txt holds the failure; these two only point to it.
    }
    return txt;
  }

  /**
   * A check that could not run: the reports of an earlier run are removed, so none of them looks
   * current, and {@code report.md} says why this run did not get as far as running.
   */
  public static void configurationError(Path folder, String model, String message) {
    notFinished(folder, model, "did not run: configuration error", "No program ran", message);
  }

  /** Like {@link #configurationError}, for a check that a harness fault stopped. */
  public static void harnessFault(Path folder, String model, String message) {
    notFinished(folder, model, "did not finish: harness fault", "The check stopped early", message);
  }

  private static void notFinished(
      Path folder, String model, String what, String why, String message) {
    try {
      for (String name : new String[] {"report.json", "report.html", "report.md"}) {
        Files.deleteIfExists(folder.resolve(name));
      }
      Files.createDirectories(folder);
      atomically(folder.resolve("report.md"), "# Tollgate: model ` " + model.replace("`", "'")
          + " ` " + what + "\n\n" + why + ", so there is no report of a program; the reports of an"
          + " earlier run were removed.\n\n```\n" + Redactor.text(message).replace("```", "' ' '") + "\n```\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Removing the stale reports in " + folder.toAbsolutePath() + " failed: " + e, e);
    }
  }

  /**
   * A check that is running: {@code report.json} says {@code "status": "running"} and {@code
   * report.md} says the run is in progress, so a killed run never leaves an earlier run's
   * "passed" behind; the earlier {@code report.html} is removed. {@code news} (or {@code null})
   * tells what the run found so far, such as a failure's seed and replay line while it shrinks.
   */
  public static void running(Path folder, String test, String model, long seed, String news) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", JsonReport.SCHEMA);
    root.put("test", test);
    root.put("model", model);
    root.put("status", "running");
    root.put("seed", seed);
    root.put("message", news == null ? "run in progress" : Redactor.text(news));
    String markdown = "# Tollgate: ` " + test.replace("`", "'") + " ` is running\n\n"
        + "**Run in progress** (seed " + seed + "). If this line stays after the build ended, the"
        + " run was killed before it finished, and its result is unknown.\n"
        + (news == null ? "" : "\n```\n" + Redactor.text(news).replace("```", "' ' '") + "\n```\n");
    try {
      Files.createDirectories(folder);
      Files.deleteIfExists(folder.resolve("report.html"));
      atomically(folder.resolve("report.json"), Printable.text(Json.write(root)));
      atomically(folder.resolve("report.md"), Printable.text(markdown));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Writing Tollgate's reports into " + folder.toAbsolutePath() + " failed: " + e
              + ". Expected a writable folder; choose another with -Dtollgate.reportDir=…", e);
    }
  }

  /**
   * A temporary file is created readable by its owner only; reports and corpus entries are read by
   * CI uploads, web servers and colleagues running under other users, so they get rw-r--r--.
   */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes {@code text} to {@code target} through a temporary sibling and an atomic move. */
  public static void atomically(Path target, String text) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      // Fields are redacted before they are rendered; this catches a known secret anywhere else.
      Files.writeString(temp, Redactor.knownSecretsMasked(text), StandardCharsets.UTF_8);
      readableByAll(temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
