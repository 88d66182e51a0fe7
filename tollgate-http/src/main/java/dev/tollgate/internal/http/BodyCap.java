package dev.tollgate.internal.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads response bodies up to {@code tollgate.maxBodyBytes}, so a system that answers with far
 * too much cannot take the test JVM's memory and be blamed for "crashing". A body whose
 * Content-Length is over the cap is refused before it is read; one of unknown length is counted as
 * it comes and cut off at the cap. The caller then cancels the request, so the rest is not read.
 */
final class BodyCap {
  static final String KEY = "tollgate.maxBodyBytes";
  /** 16 MiB: far more than an API answer, far less than a test JVM's heap. */
  static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
  /** A byte array can hold no more. */
  static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;
  private static final byte[] EMPTY = new byte[0];

  private final long cap;

  BodyCap(long cap) {
    this.cap = cap;
  }

  /** The cap from {@code -Dtollgate.maxBodyBytes}, or the default. */
  static long fromSettings() {
    String text = System.getProperty(KEY);
    if (text == null || text.isBlank()) {
      return DEFAULT_MAX_BODY_BYTES;
    }
    try {
      long value = Long.parseLong(text.trim().replace("_", ""));
      if (value > 0 && value <= MAX_BODY_BYTES) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Explained below.
    }
    throw new TollgateConfigurationException("-D" + KEY + "=" + text + ": expected a whole number"
        + " of bytes from 1 to " + MAX_BODY_BYTES + " (default " + DEFAULT_MAX_BODY_BYTES
        + ", 16 MiB).");
  }

  long cap() {
    return cap;
  }

  /** The whole body of {@code entity} (empty if none); TooLarge past the cap. */
  byte[] read(HttpEntity entity) throws IOException {
    if (entity == null) {
      return EMPTY;
    }
    long declared = entity.getContentLength();
    if (declared > cap) {
      throw new TooLarge(cap, declared);
    }
    InputStream in = entity.getContent();
    if (in == null) {
      return EMPTY;
    }
    if (declared >= 0) {
      return in.readNBytes((int) declared);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long size = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      size += n;
      if (size > cap) {
        throw new TooLarge(cap, declared);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** A body over the cap: what the reading stopped at. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long cap;
    private final long declared;

    TooLarge(long cap, long declared) {
      super("response body over " + cap + " bytes");
      this.cap = cap;
      this.declared = declared;
    }

    TollgateHarnessException fault(String method, String path, String base) {
      return new TollgateHarnessException("Response body over " + cap + " bytes from " + method
          + " " + path + " (" + base + ")" + (declared > 0 ? ", Content-Length " + declared : "")
          + ": a harness limit (-D" + KEY + "), not a failed check. Tollgate stopped reading it"
          + " and stopped the check. Expected answers of at most " + cap + " bytes; if the app"
          + " is meant to send this much here, raise -D" + KEY + "=" + Math.max(cap * 4, declared)
          + ", and if it is not, find out why it does.", this);
    }
  }
}
