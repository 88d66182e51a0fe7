package dev.tollgate.http;

/** Brings the system behind an {@link HttpSystem} back to its empty state (truncate tables, say). */
@FunctionalInterface
public interface ResetAction {
  void reset() throws Exception;
}
