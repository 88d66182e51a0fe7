package dev.tollgate.environment;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * When a started app counts as ready. The default is {@code Readiness.http("/health")}: a GET
 * that answers 2xx. A health endpoint behind authentication answers 401 without credentials, and
 * that answer shows the app is up as well as a 200 would:
 *
 * <pre>{@code
 * App.jar(jar).readyWhen(Readiness.http("/actuator/health").withStatus(200, 401))
 * App.jar(jar).readyWhen(Readiness.http("/").anyStatus())
 * App.jar(jar).readyWhen(Readiness.http("/health").when(a -> a.body().contains("UP")))
 * App.jar(jar).readyWhen(Readiness.port())
 * }</pre>
 */
public final class Readiness {
  /** One answer the probe got: its status and the start of its body. */
  public record Answer(int status, String body) { }

  private final String path;
  private final Predicate<Answer> accepts;
  private final String wanted;

  private Readiness(String path, Predicate<Answer> accepts, String wanted) {
    this.path = path;
    this.accepts = accepts;
    this.wanted = wanted;
  }

  /** A GET of {@code path} that answers 2xx. */
  public static Readiness http(String path) {
    Objects.requireNonNull(path, "path");
    return new Readiness(path.startsWith("/") ? path : "/" + path, a -> a.status() / 100 == 2, "2xx");
  }

  /** The port accepts a connection and holds it open; nothing is sent. */
  public static Readiness port() {
    return new Readiness(null, a -> true, "a connection");
  }

  /** The same path, ready on any of these statuses (say 200 and 401 for a protected health check). */
  public Readiness withStatus(int... statuses) {
    requireHttp("withStatus");
    if (statuses.length == 0) {
      throw new EnvironmentException("Expected at least one status for withStatus(..), but found none. Use anyStatus()"
          + " to accept every answer.");
    }
    Set<Integer> set = new TreeSet<>();
    for (int s : statuses) {
      if (s < 100 || s > 599) {
        throw new EnvironmentException("Expected HTTP statuses between 100 and 599, but found " + s + ".");
      }
      set.add(s);
    }
    return new Readiness(path, a -> set.contains(a.status()), "HTTP " + String.join(" or ",
        Arrays.stream(statuses).distinct().sorted().mapToObj(String::valueOf).toList()));
  }

  /** The same path, ready on any HTTP answer at all: the app is up once it speaks HTTP. */
  public Readiness anyStatus() {
    requireHttp("anyStatus");
    return new Readiness(path, a -> true, "any HTTP answer");
  }

  /** The same path, ready when {@code test} accepts the answer. */
  public Readiness when(Predicate<Answer> test) {
    requireHttp("when");
    Objects.requireNonNull(test, "test");
    return new Readiness(path, test, "an answer that the readiness predicate accepts");
  }

  private void requireHttp(String method) {
    if (path == null) {
      throw new EnvironmentException(method + "(..) refines an HTTP probe, but this is Readiness.port(). Start from"
          + " Readiness.http(path).");
    }
  }

  /** The probed path, or null for {@link #port()}. */
  public String path() {
    return path;
  }

  /** Whether this answer means ready. */
  public boolean accepts(Answer answer) {
    return accepts.test(answer);
  }

  /** What counts as ready, for messages: {@code GET /health answers 2xx}. */
  public String describe() {
    return path == null ? "the port accepts a connection" : "GET " + path + " answers " + wanted;
  }

  @Override
  public String toString() {
    return describe();
  }
}
