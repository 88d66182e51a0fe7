package dev.tollgate.internal.environment;

/** Keeps passwords out of messages and logs. */
final class Redaction {
  private Redaction() {
  }

  /** Hides {@code password=...} parameters and {@code user:password@} parts of a JDBC URL. */
  static String jdbcUrl(String url) {
    if (url == null) {
      return null;
    }
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^@/]*@", "//$1:***@");
  }
}
