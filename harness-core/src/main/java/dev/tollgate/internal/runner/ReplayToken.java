package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encodes a program's choices, with the seed and the model they belong to, as one token that a
 * user pastes into {@code -Dtollgate.replay=…} to run exactly that program again.
 */
public record ReplayToken(String modelTag, long seed, int[] choices) {
  private static final String VERSION = "t1";

  public static String modelTag(String modelName) {
    return Integer.toHexString(modelName.hashCode());
  }

  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int value : choices) {
      int v = value;
      while ((v & ~0x7F) != 0) {
        out.write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }
    return VERSION + "." + modelTag + "." + seed + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  public static ReplayToken decode(String token) {
    String[] parts = token.trim().split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw bad(token);
    }
    try {
      long seed = Long.parseLong(parts[2]);
      byte[] bytes = Base64.getUrlDecoder().decode(parts[3]);
      int[] values = new int[bytes.length];
      int n = 0;
      int value = 0;
      int shift = 0;
      for (byte b : bytes) {
        value |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          values[n++] = value;
          value = 0;
          shift = 0;
        } else {
          shift += 7;
        }
      }
      return new ReplayToken(parts[1], seed, Arrays.copyOf(values, n));
    } catch (IllegalArgumentException e) {
      throw bad(token);
    }
  }

  private static TollgateConfigurationException bad(String token) {
    return new TollgateConfigurationException(
        "-Dtollgate.replay=" + token + " is not a replay token. Expected the token exactly as a"
            + " Tollgate failure message prints it (it starts with '" + VERSION + ".'); copy the"
            + " whole replay line again.");
  }
}
