package dev.tollgate.internal.shrink;

/**
 * The shrink passes, in the order one round runs them: cheap deletions of whole steps first, then
 * simpler arguments, then the passes that reorder and rebalance. Each reaches minimal examples
 * that the others cannot; tests switch one off to show it.
 */
public enum Pass {
  /** Every step of one command, or of one user, at once. */
  DELETE_KINDS,
  /** Runs of 8 and 4 consecutive steps. */
  DELETE_STEP_RUNS,
  /** Two adjacent steps that only work together (open and close, add and remove). */
  DELETE_PAIRS,
  /** One step at a time. */
  DELETE_STEPS,
  /** Each argument made as simple as it goes: all its choices zero. */
  SIMPLIFY_ARGUMENTS,
  /** Half of a string's characters or a list's elements, then a quarter, down to two. */
  HALVE,
  /** Single characters or elements, in growing chunks after each success. */
  DELETE_SPANS,
  /**
   * A choice lowered together with the choices that depend on it (a frequency or oneOf branch,
   * the second half of a flatMap): they are made simplest, or replaced by one of their parts, so
   * dropping an optional part keeps what follows it.
   */
  LOWER_WITH_DEPENDENTS,
  /** Equal values in several places (a name registered, then followed) lowered together. */
  DUPLICATES,
  /**
   * Steps of one command gathered into one step of another whose argument holds a list of what
   * they take one at a time (single creates into a batch create), and deleted, at once.
   */
  GATHER,
  /**
   * Two steps of one command merged: the later step's list elements moved into the earlier step's
   * list (within its maximum size) and the later step deleted, at once.
   */
  MERGE_LISTS,
  /** Value moved from an earlier choice to a later one, keeping their sum. */
  REDISTRIBUTE,
  /**
   * A parallel program's branches dropped, and the first step of a branch moved to the end of the
   * prefix: races shrink to the fewest steps that still run at once.
   */
  PARALLEL,
  /** Steps into a canonical order: simpler steps first (sequential programs only). */
  SORT,
  /** Each choice on its own: zero, else the smallest value that still fails (binary search). */
  LOWER
}
