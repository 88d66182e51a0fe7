package dev.tollgate.runner;

import java.util.List;

/**
 * A control and a candidate for {@link Runner#compare}: {@code dev.tollgate.compare.Comparison}
 * (module dev.tollgate:tollgate-http) makes them.
 *
 * @param <S> the client type both systems share
 */
public interface ComparedSystems<S> {
  /** The release now live, whose answers are the reference. */
  SystemUnderTest<S> control();

  /** The new build, whose answers must match the control's. */
  SystemUnderTest<S> candidate();

  /** JSON paths in response bodies whose values may differ between the two. */
  List<String> ignoredPaths();
}
