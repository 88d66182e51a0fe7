package dev.tollgate.runner;

import dev.tollgate.model.User;

/**
 * The system a model is checked against, as the runner needs it: a way back to an empty state
 * between programs, and a client for each user.
 *
 * @param <S> the client through which one user talks to the system
 */
public interface SystemUnderTest<S> {

  /** Brings the system back to its initial, empty state. Called before every program run. */
  void reset() throws Exception;

  /**
   * A new client for {@code user}, in its initial session, for one program run. If it is
   * {@link AutoCloseable}, the runner closes it after the run.
   */
  S client(User user) throws Exception;
}
