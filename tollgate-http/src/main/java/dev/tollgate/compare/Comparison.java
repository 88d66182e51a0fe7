package dev.tollgate.compare;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.environment.Environment;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.runner.ComparedSystems;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A control and a candidate to run the same programs against, step by step: the release now live
 * and the new build. Pass it to {@code runner.compare(model, comparison)}.
 *
 * <p>Each step's answers are compared: the requests made, each response's status and body (JSON
 * structurally, key order aside). A difference is a failure, shrunk like any other to the
 * shortest program whose two answers differ. Some differences are expected and never count:
 * references (an id {@code 7} on one side and {@code 12} on the other, both made by the same
 * step), values of fields named like secrets ({@code token}, {@code password}), and the JSON
 * paths given to {@link #ignoring(String...)}. The model's own checks run on both sides; a model
 * with no checks at all is a valid "diff only" start.
 */
public final class Comparison<S> implements ComparedSystems<S> {
  private final SystemUnderTest<S> control;
  private final SystemUnderTest<S> candidate;
  private final List<String> ignored;

  private Comparison(SystemUnderTest<S> control, SystemUnderTest<S> candidate, List<String> ignored) {
    this.control = control;
    this.candidate = candidate;
    this.ignored = List.copyOf(ignored);
  }

  /** Compares {@code candidate} with {@code control}, two systems of the same client type. */
  public static <S> Comparison<S> of(SystemUnderTest<S> control, SystemUnderTest<S> candidate) {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(candidate, "candidate");
    if (control == candidate) {
      throw new TollgateConfigurationException("Comparison.of(control, candidate): both are the"
          + " same system, so every step would be compared with itself. Expected two deployments:"
          + " the release now live and the new build, each with its own database (start two"
          + " environments).");
    }
    return new Comparison<>(control, candidate, List.of());
  }

  /** Compares the apps of two started environments over HTTP, each reset before every program. */
  public static Comparison<Http> of(Environment control, Environment candidate) {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(candidate, "candidate");
    if (control == candidate) {
      throw new TollgateConfigurationException("Comparison.of(control, candidate): both are the"
          + " same environment, so every step would be compared with itself. Expected two: one"
          + " started with the release now live, one with the new build.");
    }
    return of(HttpSystem.at(control.appBaseUrl()).onReset(control::reset),
        HttpSystem.at(candidate.appBaseUrl()).onReset(candidate::reset));
  }

  /**
   * JSON paths in response bodies whose values may differ: {@code createdAt}, {@code
   * user.lastSeen}, {@code items[*].updatedAt} (any element), or {@code ..etag} (a field of that
   * name at any depth).
   */
  public Comparison<S> ignoring(String... jsonPaths) {
    List<String> paths = new ArrayList<>(ignored);
    for (String path : jsonPaths) {
      if (path == null || path.isBlank() || path.chars().anyMatch(Character::isWhitespace)
          || path.startsWith("$") || path.endsWith(".") || path.equals("..")) {
        throw new TollgateConfigurationException("Comparison.ignoring(\"" + path + "\"): expected"
            + " a JSON path such as \"createdAt\", \"user.lastSeen\", \"items[*].updatedAt\" or"
            + " \"..etag\" (any depth), without a leading \"$\" or spaces.");
      }
      paths.add(path);
    }
    return new Comparison<>(control, candidate, paths);
  }

  @Override
  public SystemUnderTest<S> control() {
    return control;
  }

  @Override
  public SystemUnderTest<S> candidate() {
    return candidate;
  }

  @Override
  public List<String> ignoredPaths() {
    return ignored;
  }
}
