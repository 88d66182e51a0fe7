package dev.tollgate.examples.peerbench.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The planted bugs of the shelf service; {@code BUGS.md} gives each one's minimal program. */
public enum Bug {
  NONE,
  /** The per-user cap of 10 notes lets an 11th in. */
  CAP_OFF_BY_ONE,
  /** A taken name can be registered again. */
  DUPLICATE_USER,
  /** A note read before it was deleted can still be read after. */
  STALE_READ,
  /** A title of only spaces is accepted. */
  BLANK_TITLE,
  /** Titles longer than 50 code points are stored cut to 50. */
  LONG_TITLE,
  /** A rename stores non-ASCII characters as '?'. */
  UNICODE_RENAME,
  /** Anyone's note can be deleted, not only one's own. */
  CROSS_USER_DELETE,
  /** Logging out answers 204 but the token keeps working. */
  LOGOUT_KEEPS_SESSION,
  /** Renaming a note to the title it already has answers 409. */
  RENAME_SAME_TITLE;

  /** The name scripts use: {@code cap-off-by-one}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The bug named {@code key} ({@code cap-off-by-one}, {@code none}, ...). */
  public static Bug of(String key) {
    for (Bug bug : values()) {
      if (bug.key().equals(key)) {
        return bug;
      }
    }
    throw new IllegalArgumentException(
        "Unknown bug '" + key + "'; expected one of: "
            + Arrays.stream(values()).map(Bug::key).collect(Collectors.joining(", ")));
  }
}
