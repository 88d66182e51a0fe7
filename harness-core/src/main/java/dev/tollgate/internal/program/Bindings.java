package dev.tollgate.internal.program;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The values one run of a program gives its references: a table with one slot per reference,
 * made fresh for each run, so the same program can run twice at once (two systems side by side,
 * parallel branches, reruns) and each run reads only its own values. A {@link
 * dev.tollgate.model.Ref} is just a name; {@code ref.get()} reads the table of the run that is
 * executing on the calling thread.
 *
 * <p>The executor {@link #open opens} a run's table on the thread that runs it. A run that starts
 * threads of its own hands the table over explicitly: {@code Bindings run = Bindings.current();}
 * then, on the other thread, {@code try (var scope = run.open()) { ... }}. Slots are read and
 * written with volatile semantics, so threads of one run see each other's bindings.
 */
public final class Bindings {
  private static final ThreadLocal<Bindings> CURRENT = new ThreadLocal<>();
  /** {@link #lookup}: no run's table is open on this thread. */
  public static final Object NO_RUN = new Sentinel("no run");
  /** {@link #lookup}: the open table belongs to another program than the reference. */
  public static final Object OTHER_PROGRAM = new Sentinel("other program");
  /** {@link #lookup}: the reference's step has not run (or has not bound it) in this run. */
  public static final Object NOT_BOUND = new Sentinel("not bound");
  /** {@link #lookup}: the reference's step ran, but its result held no value for it. */
  public static final Object NO_VALUE = new Sentinel("no value");

  private final Object program;
  private final AtomicReferenceArray<Object> values;

  /** A fresh table for one run of {@code program}: every reference unbound. */
  public Bindings(Program<?, ?> program) {
    this(program.token(), program.references());
  }

  private Bindings(Object program, int slots) {
    this.program = program;
    this.values = new AtomicReferenceArray<>(slots);
    for (int i = 0; i < slots; i++) {
      values.setPlain(i, NOT_BOUND);
    }
  }

  /** A table with no slots, for runs that never started. */
  public static Bindings none() {
    return new Bindings(new Object(), 0);
  }

  /** The table of the run executing on this thread, or null outside a run. */
  public static Bindings current() {
    return CURRENT.get();
  }

  /**
   * Makes this the table that {@code ref.get()} reads on the calling thread until the scope is
   * closed; closing restores what was open before.
   */
  public Scope open() {
    Bindings previous = CURRENT.get();
    CURRENT.set(this);
    return new Scope(previous);
  }

  /** An open table on one thread; close it on the thread that opened it. */
  public static final class Scope implements AutoCloseable {
    private final Bindings previous;

    private Scope(Bindings previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * What the open table holds in {@code slot} for a reference of {@code programToken}: the value,
   * or one of {@link #NO_RUN}, {@link #OTHER_PROGRAM}, {@link #NOT_BOUND} and {@link #NO_VALUE}.
   */
  public static Object lookup(Object programToken, int slot) {
    Bindings run = CURRENT.get();
    if (run == null) {
      return NO_RUN;
    }
    if (run.program != programToken || slot >= run.values.length()) {
      return OTHER_PROGRAM;
    }
    return run.values.get(slot);
  }

  /** Binds {@code slot} to {@code value}; a null value means the result held none for it. */
  public void bind(int slot, Object value) {
    values.set(slot, value == null ? NO_VALUE : value);
  }

  /** Whether {@code slot} holds a value in this run. */
  public boolean bound(int slot) {
    Object value = slot < values.length() ? values.get(slot) : NOT_BOUND;
    return value != NOT_BOUND && value != NO_VALUE;
  }

  /** Whether {@code slot}'s step ran and its result held no value for it. */
  public boolean missing(int slot) {
    return slot < values.length() && values.get(slot) == NO_VALUE;
  }

  /** The value in {@code slot}; only when {@link #bound}. */
  public Object value(int slot) {
    return values.get(slot);
  }

  /** Whether this table is for the program that made {@code ref}. */
  public boolean of(dev.tollgate.model.Ref<?> ref) {
    return ref.madeBy(program);
  }

  private record Sentinel(String name) {}
}
