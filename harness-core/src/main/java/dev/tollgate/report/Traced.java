package dev.tollgate.report;

import java.util.List;

/**
 * A client that records what it sends and receives. After each step the runner takes the
 * exchanges the step's client recorded, and keeps them with the step for reports.
 */
public interface Traced {
  /** The exchanges recorded since the last call, oldest first; clears them. */
  List<Exchange> drainExchanges();
}
