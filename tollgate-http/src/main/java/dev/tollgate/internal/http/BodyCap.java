package dev.tollgate.internal.http;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads response bodies up to {@code tollgate.maxBodyBytes}, so a system that answers with far
 * too much cannot take the test JVM's memory and be blamed for "crashing". A body whose
 * Content-Length fits is read by the JDK's own subscriber, which the client runs inline (the
 * fast path); one that declares more is refused at once, and one of unknown length is counted
 * as it comes and cut off at the cap.
 */
final class BodyCap implements HttpResponse.BodyHandler<byte[]> {
  static final String KEY = "tollgate.maxBodyBytes";
  /** 16 MiB: far more than an API answer, far less than a test JVM's heap. */
  static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
  /** A byte array can hold no more. */
  static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;

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

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    OptionalLong length;
    try {
      length = info.headers().firstValueAsLong("content-length");
    } catch (NumberFormatException e) {
      length = OptionalLong.empty();
    }
    if (length.isPresent() && length.getAsLong() >= 0 && length.getAsLong() <= cap) {
      return HttpResponse.BodySubscribers.ofByteArray();
    }
    return new Counting(cap, length);
  }

  /** The cause in {@code error}'s chain that says a body was over the cap, or null. */
  static TooLarge in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TooLarge tooLarge) {
        return tooLarge;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
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

  /** Collects a body of unknown or too large length, refusing it once it passes the cap. */
  private static final class Counting implements HttpResponse.BodySubscriber<byte[]> {
    private final long cap;
    private final long declared;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;

    Counting(long cap, OptionalLong declared) {
      this.cap = cap;
      this.declared = declared.orElse(-1);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared > cap) {
        refuse();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        size += item.remaining();
        if (size > cap) {
          refuse();
          return;
        }
        parts.add(item);
      }
    }

    private void refuse() {
      parts.clear();
      body.completeExceptionally(new TooLarge(cap, declared));
      subscription.cancel();
    }

    @Override
    public void onError(Throwable error) {
      parts.clear();
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      if (body.isDone()) {
        return;
      }
      byte[] bytes = new byte[(int) size];
      int at = 0;
      for (ByteBuffer part : parts) {
        int n = part.remaining();
        part.get(bytes, at, n);
        at += n;
      }
      parts.clear();
      body.complete(bytes);
    }
  }
}
