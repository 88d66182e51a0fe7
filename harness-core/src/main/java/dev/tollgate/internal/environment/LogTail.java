package dev.tollgate.internal.environment;

import dev.tollgate.internal.secrets.Redactor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The last lines of an app's log, for error messages, with secrets masked. */
final class LogTail {
  static final int LINES = 30;
  private static final int MAX_BYTES = 16 * 1024;

  private LogTail() {
  }

  static String of(Path log) {
    if (log == null || !Files.exists(log)) {
      return "(no log)";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      // An app logs its settings (SERVICE_TOKEN=…, postgres://app:…@) more often than not.
      return Redactor.text(lastLines(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  static String lastLines(String text) {
    String[] lines = text.split("\r?\n");
    int from = Math.max(0, lines.length - LINES);
    StringBuilder out = new StringBuilder();
    for (int i = from; i < lines.length; i++) {
      out.append("  | ").append(lines[i]).append('\n');
    }
    return out.length() == 0 ? "  | (empty)\n" : out.toString();
  }
}
