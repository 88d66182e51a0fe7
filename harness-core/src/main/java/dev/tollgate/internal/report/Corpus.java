package dev.tollgate.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * An entry: its file name, its replay token ({@code null} when the file holds none), and, when it
   * was saved as flaky, the reruns that showed it so ({@code null} otherwise).
   */
  public record Entry(String file, String token, RunRecord.Flakiness flaky) {
    public Entry(String file, String token) {
      this(file, token, null);
    }
  }

  /**
   * The {@code # classified:} line is read back, not only shown: an entry saved as {@code flaky:
   * reproduced k of N} is replayed several times (so it keeps failing while its bug is there), and
   * its passing is reported as a flaky entry passing, not as a fix.
   */
  private static final Pattern FLAKY = Pattern.compile("# classified: flaky: reproduced (\\d+) of (\\d+)\\b.*");

  /** The entries in file-name order (so runs replay them in a stable order). */
  public List<Entry> entries() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
        String token = null;
        RunRecord.Flakiness flaky = null;
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith(TOKEN_KEY)) {
            token = line.substring(TOKEN_KEY.length()).trim();
          }
          Matcher matcher = FLAKY.matcher(line);
          if (matcher.matches()) {
            flaky = flakiness(matcher.group(1), matcher.group(2));
          }
        }
        entries.add(new Entry(file.getFileName().toString(), token, flaky));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the regression corpus in " + folder + " failed: "
          + e + ". Expected readable " + SUFFIX + " files; fix the permissions or point"
          + " -Dtollgate.corpus=… elsewhere.", e);
    }
    return entries;
  }

  /** {@code null} when the numbers are out of range (a hand-edited file): the entry replays once. */
  private static RunRecord.Flakiness flakiness(String reproduced, String reruns) {
    try {
      int k = Integer.parseInt(reproduced);
      int n = Integer.parseInt(reruns);
      return n > 0 && k >= 0 && k < n ? new RunRecord.Flakiness(n, k) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * What an entry says: the test, the model, the failed check in short, how the failure was
   * classified (or that shrinking is still going on), the seed, the steps and the replay token.
   */
  public record Case(
      String test, String model, String failed, String classified, long seed, List<String> steps,
      String token) {}

  /**
   * The file name of a failure: named after the failed check and the program, so finding the same
   * failure again rewrites one file instead of adding another.
   */
  public static String fileName(String check, String token) {
    String name = check.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return name + "-" + Integer.toHexString(token.hashCode()) + SUFFIX;
  }

  /** Saves a classified, shrunk failure, under {@link #fileName its name}. */
  public Path save(String token, RunRecord run) {
    List<String> steps = run.steps().stream().map(s -> s.number() + ". " + s.text()).toList();
    return save(fileName(run.failure().description(), token), new Case(run.test(), run.model(),
        run.failure().shortMessage(), run.flakiness().text(), run.seed(), steps, token));
  }

  /** Writes {@code entry} to {@code file} in this corpus, atomically, replacing what was there. */
  public Path save(String file, Case entry) {
    StringBuilder text = new StringBuilder()
        .append("# Tollgate regression corpus entry. Every run of the test replays it before its\n")
        .append("# random tries; keep it under version control. Delete it to forget the case.\n")
        .append("# test: ").append(oneLine(entry.test())).append('\n')
        .append("# model: ").append(oneLine(entry.model())).append('\n')
        .append("# failed: ").append(oneLine(entry.failed())).append('\n')
        .append("# classified: ").append(oneLine(entry.classified())).append('\n')
        .append("# seed: ").append(entry.seed()).append('\n')
        .append("# steps:\n");
    entry.steps().forEach(s -> text.append("#   ").append(oneLine(s)).append('\n'));
    text.append(TOKEN_KEY).append(entry.token()).append('\n');
    Path target = folder.resolve(file);
    try {
      Files.createDirectories(folder);
      ReportFiles.atomically(target, dev.tollgate.internal.text.Printable.text(text.toString()));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Saving the failure to the regression corpus in " + folder
          + " failed: " + e + ". Expected a writable folder; point -Dtollgate.corpus=… elsewhere,"
          + " or switch the corpus off with -Dtollgate.corpus=none.", e);
    }
  }

  /** Removes an entry, when a better one replaces it under another name. */
  public void delete(String file) {
    try {
      Files.deleteIfExists(folder.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Removing " + file + " from the regression corpus in " + folder
          + " failed: " + e + ". Expected a writable folder; delete the file by hand.", e);
    }
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("[\\r\\n]+", " ");
  }
}
