package dev.tollgate.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test's regression corpus: a folder of small text files, one per failure found, each holding a
 * replay token and a description for people. The folder is meant to be committed; every run
 * replays its entries before the random tries, so a fixed bug stays fixed.
 */
public final class Corpus {
  public static final String SUFFIX = ".tollgate";
  private static final String TOKEN_KEY = "replay=";

  private final Path folder;

  public Corpus(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** An entry: its file name and its replay token ({@code null} when the file holds none). */
  public record Entry(String file, String token) {}

  /** The entries in file-name order (so runs replay them in a stable order). */
  public List<Entry> entries() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
        String token = null;
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith(TOKEN_KEY)) {
            token = line.substring(TOKEN_KEY.length()).trim();
          }
        }
        entries.add(new Entry(file.getFileName().toString(), token));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the regression corpus in " + folder + " failed: "
          + e + ". Expected readable " + SUFFIX + " files; fix the permissions or point"
          + " -Dtollgate.corpus=… elsewhere.", e);
    }
    return entries;
  }

  /**
   * Saves a failure; the file is named after the failed check and the program, so finding the
   * same failure again rewrites one file instead of adding another.
   */
  public Path save(String token, RunRecord run) {
    String check = run.failure().description().replaceAll("[^A-Za-z0-9]+", "-")
        .replaceAll("^-|-$", "");
    String name = check + "-" + Integer.toHexString(token.hashCode()) + SUFFIX;
    StringBuilder text = new StringBuilder()
        .append("# Tollgate regression corpus entry. Every run of the test replays it before its\n")
        .append("# random tries; keep it under version control. Delete it to forget the case.\n")
        .append("# test: ").append(oneLine(run.test())).append('\n')
        .append("# model: ").append(oneLine(run.model())).append('\n')
        .append("# failed: ").append(oneLine(run.failure().shortMessage())).append('\n')
        .append("# classified: ").append(run.flakiness().text()).append('\n')
        .append("# seed: ").append(run.seed()).append('\n')
        .append("# steps:\n");
    run.steps().forEach(s -> text.append("#   ").append(s.number()).append(". ")
        .append(oneLine(s.text())).append('\n'));
    text.append(TOKEN_KEY).append(token).append('\n');
    Path file = folder.resolve(name);
    try {
      Files.createDirectories(folder);
      ReportFiles.atomically(file, dev.tollgate.internal.text.Printable.text(text.toString()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Saving the failure to the regression corpus in " + folder
          + " failed: " + e + ". Expected a writable folder; point -Dtollgate.corpus=… elsewhere,"
          + " or switch the corpus off with -Dtollgate.corpus=none.", e);
    }
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("[\\r\\n]+", " ");
  }
}
