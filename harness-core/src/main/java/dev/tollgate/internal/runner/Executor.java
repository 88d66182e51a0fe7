package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.internal.program.Bindings;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramFlags;
import dev.tollgate.internal.program.Step;
import dev.tollgate.internal.text.Durations;
import dev.tollgate.model.Command;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.model.Users;
import dev.tollgate.runner.SystemUnderTest;
import dev.tollgate.report.Exchange;
import dev.tollgate.report.Traced;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs programs against a system: reset, then each step's action, reference and checks.
 *
 * <p>Every step has a deadline that the engine keeps, whatever the step does: a program runs on
 * a worker thread while the calling thread watches the clock. A step still running at its
 * deadline ({@code tollgate.stepTimeout}) fails the run as a {@link Failure.Kind#TIMEOUT}; one
 * still running when the time budget of {@link #stopAt} is over cuts the run. Either way its
 * thread is interrupted and abandoned (a daemon, so it cannot keep the JVM alive), and the
 * check goes on. One hand-off per program, not per step, keeps this cheap.
 */
public final class Executor<M, S> implements ProgramRunner<M, S> {
  /** A step's deadline unless {@code tollgate.stepTimeout} sets another. */
  public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(30);
  /** Longer timeouts are clamped to this, so deadlines never overflow {@code nanoTime}. */
  private static final long MAX_TIMEOUT_NANOS = Duration.ofDays(365).toNanos();
  private static final AtomicInteger WORKER_NUMBERS = new AtomicInteger();
  /** An idle worker waits this long for the next program, then ends. */
  private static final long WORKER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Model<M, S> model;
  private final SystemUnderTest<S> system;
  private final Duration stepTimeout;
  private final long stepTimeoutNanos;
  private final Concurrency concurrency;
  private final ParallelCheck<M, S> parallelCheck;
  private volatile long stopAtNanos;
  private volatile long graceNanos;
  private volatile boolean budgeted;
  /** The worker that runs the next program, or null; one stuck in an abandoned step is dropped. */
  private Worker worker;

  public Executor(Model<M, S> model, SystemUnderTest<S> system) {
    this(model, system, DEFAULT_STEP_TIMEOUT);
  }

  public Executor(Model<M, S> model, SystemUnderTest<S> system, Duration stepTimeout) {
    this(model, system, stepTimeout, Concurrency.OFF);
  }

  /** {@code concurrency}: how parallel programs run (repetitions, jitter). */
  public Executor(Model<M, S> model, SystemUnderTest<S> system, Duration stepTimeout,
      Concurrency concurrency) {
    this.model = model;
    this.system = system;
    this.stepTimeout = stepTimeout;
    this.stepTimeoutNanos = saturatedNanos(stepTimeout);
    this.concurrency = concurrency;
    this.parallelCheck = new ParallelCheck<>(model, stepTimeout);
  }

  private static long saturatedNanos(Duration duration) {
    return duration.compareTo(Duration.ofNanos(MAX_TIMEOUT_NANOS)) > 0
        ? MAX_TIMEOUT_NANOS : Math.max(0, duration.toNanos());
  }

  /**
   * From {@code nanos} on ({@code System.nanoTime()}), programs stop before their next step; a
   * step still running then may take {@code grace} more before it is abandoned.
   */
  public void stopAt(long nanos, Duration grace) {
    this.stopAtNanos = nanos;
    this.graceNanos = saturatedNanos(grace);
    this.budgeted = true;
  }

  /** True once the time of {@link #stopAt} has passed. */
  public boolean outOfTime() {
    return budgeted && System.nanoTime() - stopAtNanos > 0;
  }

  /**
   * Runs {@code program} on a freshly reset system. A parallel program runs up to {@code
   * repetitions} times, each on a freshly reset system, and stops at the first that fails (a race
   * shows only sometimes); its result is that run's, with how many ran.
   */
  public RunResult run(Program<M, S> program) {
    return program.isParallel() ? repeat(program, false) : runOnce(program);
  }

  /**
   * Runs a parallel program all {@code repetitions} times (unless the budget ends first) and
   * counts the failures; the result is the first failing run's, or the last run's.
   */
  @Override
  public RunResult runAllRepetitions(Program<M, S> program) {
    return repeat(program, true, concurrency.repetitions());
  }

  @Override
  public RunResult runUpTo(Program<M, S> program, int repetitions) {
    return program.isParallel() ? repeat(program, false, repetitions) : runOnce(program);
  }

  private RunResult repeat(Program<M, S> program, boolean all) {
    return repeat(program, all, concurrency.repetitions());
  }

  private RunResult repeat(Program<M, S> program, boolean all, int repetitions) {
    RunResult first = null;
    int failed = 0;
    int ran = 0;
    for (int r = 0; r < repetitions; r++) {
      if (r > 0 && outOfTime()) {
        break;
      }
      RunResult result = runOnce(program);
      if (result.cut() != null) {
        if (first == null) {
          return result;
        }
        break;
      }
      ran++;
      if (!result.passed()) {
        failed++;
        if (first == null || first.passed()) {
          first = result;
        }
        if (!all) {
          break;
        }
      } else if (first == null || first.passed()) {
        first = result;
      }
    }
    ParallelOutcome outcome = first.parallel() != null ? first.parallel()
        : new ParallelOutcome(null, null, 0, 0);
    return first.withParallel(outcome.counted(ran, failed));
  }

  private RunResult runOnce(Program<M, S> program) {
    Run run = new Run(program);
    Worker current;
    synchronized (this) {
      current = worker;
      if (current == null || !current.offer(run)) {
        current = new Worker();
        current.offer(run);
        worker = current;
        current.start();
      }
      run.by = current;
    }
    LockSupport.unpark(current.thread);
    return run.await();
  }

  private synchronized void drop(Worker stuck) {
    if (worker == stuck) {
      worker = null;
    }
  }

  /**
   * A daemon thread that runs one program after another; it ends after a moment with none, or
   * once a program it ran was abandoned.
   */
  private final class Worker {
    private final Thread thread;
    /** The program to run next or now, null when idle, {@link #EXIT} once ended. */
    private final AtomicReference<Object> slot = new AtomicReference<>();

    Worker() {
      thread = new Thread(this::loop, "tollgate-step-" + WORKER_NUMBERS.incrementAndGet());
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    boolean offer(Run run) {
      return slot.compareAndSet(null, run);
    }

    private void loop() {
      long idleSince = System.nanoTime();
      while (true) {
        Object task = slot.get();
        if (task != null && task != EXIT) {
          @SuppressWarnings("unchecked")
          Run run = (Run) task;
          boolean finished = run.execute(this);
          if (!finished) {
            slot.set(EXIT);
            return;
          }
          idleSince = System.nanoTime();
          continue;
        }
        long left = WORKER_IDLE_NANOS - (System.nanoTime() - idleSince);
        if (left <= 0 && slot.compareAndSet(null, EXIT)) {
          return;
        }
        LockSupport.parkNanos(this, Math.max(left, 1));
      }
    }
  }

  private static final Object EXIT = new Object();

  /** What the worker is doing, with its deadline; one object per step, swapped atomically. */
  private record Phase(int step, long startNanos, long deadlineNanos, boolean byBudget) {}

  private static final Phase DONE = new Phase(-2, 0, 0, false);
  private static final Phase ABANDONED = new Phase(-3, 0, 0, false);
  private static final int RESET = -1;

  private Phase phase(int step) {
    long now = System.nanoTime();
    long byStep = now + stepTimeoutNanos;
    if (budgeted) {
      long byBudget = stopAtNanos + graceNanos;
      if (byBudget - byStep < 0) {
        return new Phase(step, now, byBudget, true);
      }
    }
    return new Phase(step, now, byStep, false);
  }

  /** One program's run: the worker runs it, the caller waits for it or abandons it. */
  private final class Run {
    private final Program<M, S> program;
    private final List<Step<M, S>> steps;
    private final Thread caller = Thread.currentThread();
    private final AtomicReference<Phase> phase;
    private final long[] latencies;
    private final List<Exchange>[] exchanges;
    /** This run's values of the program's references: its own, whatever else runs the program. */
    private final Bindings bindings;
    /** The worker offered this run; the caller's to drop if it abandons the run. */
    private Worker by;
    private Thread worker;
    private long resetNanos;
    private RunResult result;
    private Throwable error;

    @SuppressWarnings("unchecked")
    Run(Program<M, S> program) {
      this.program = program;
      this.steps = program.steps();
      this.latencies = new long[steps.size()];
      this.exchanges = new List[steps.size()];
      this.bindings = new Bindings(program);
      this.phase = new AtomicReference<>(phase(RESET));
    }

    /** Runs the program on {@code by}; false if the caller abandoned it meanwhile. */
    boolean execute(Worker by) {
      synchronized (this) {
        worker = Thread.currentThread();
      }
      Phase current = phase.get();
      if (current == ABANDONED) {
        return false;
      }
      RunResult outcome = null;
      Throwable thrown = null;
      try {
        outcome = runProgram(current);
      } catch (Throwable e) {
        thrown = e;
      }
      synchronized (this) {
        result = outcome;
        error = thrown;
        Phase last = phase.get();
        if (last == ABANDONED || !phase.compareAndSet(last, DONE)) {
          // The caller gave up on this run and interrupted this thread; that interrupt is spent.
          Thread.interrupted();
          return false;
        }
        // Free the worker before the caller wakes, so it can take the caller's next program.
        by.slot.set(null);
      }
      LockSupport.unpark(caller);
      return true;
    }

    /** Null if the caller abandoned the run. */
    private RunResult runProgram(Phase resetPhase) {
      if (outOfTime()) {
        return cut(0, false, 0);
      }
      long resetStart = System.nanoTime();
      try {
        system.reset();
      } catch (Exception | AssertionError e) {
        throw resetFailure(e);
      }
      applyFlags();
      resetNanos = System.nanoTime() - resetStart;
      Clients clients = new Clients(program.users(), program.flags());
      Phase current = resetPhase;
      try (Bindings.Scope scope = bindings.open()) {
        for (Step<M, S> step : program.prefix()) {
          if (outOfTime()) {
            return cut(step.step(), false, 0);
          }
          Phase next = phase(step.step());
          if (!phase.compareAndSet(current, next)) {
            return null;
          }
          current = next;
          Failure failure = runStep(step, clients);
          exchanges[step.step()] = clients.drain(step.user().index());
          if (failure != null) {
            return new RunResult(failure, step.step() + 1, latencies, resetNanos,
                exchangesBefore(step.step() + 1), null, bindings);
          }
        }
        if (program.isParallel()) {
          return runBranches(current, clients);
        }
        return new RunResult(null, steps.size(), latencies, resetNanos,
            exchangesBefore(steps.size()), null, bindings);
      } finally {
        clients.close();
      }
    }

    /** The program's flag values reach the system once it is reset, before the first step. */
    private void applyFlags() {
      try {
        program.flags().apply();
      } catch (Exception | AssertionError e) {
        throw new TollgateHarnessException("Setting the program's flags (" + program.flags()
            .describe() + ") failed after the reset: " + e + ". Expected each .programFlag(..)"
            + " setter to reach what serves the flag (a flag-service stub, say); check that it is"
            + " up.", e);
      }
    }

    /**
     * The branches, at once, then the check of what they did. The caller waits until the longest
     * branch could have used every step's deadline; the branches keep each step's deadline
     * themselves.
     */
    private RunResult runBranches(Phase current, Clients clients) {
      int first = program.prefix().size();
      if (first == steps.size()) {
        return new RunResult(null, steps.size(), latencies, resetNanos,
            exchangesBefore(steps.size()), null, bindings);
      }
      if (outOfTime()) {
        return cut(first, false, 0);
      }
      int longest = program.branches().stream().mapToInt(List::size).max().orElse(0);
      long now = System.nanoTime();
      long wait = saturatedNanos(stepTimeout.multipliedBy(longest + 2));
      Phase next = new Phase(first, now, now + wait, false);
      if (budgeted && stopAtNanos + graceNanos - next.deadlineNanos() < 0) {
        next = new Phase(first, now, stopAtNanos + graceNanos, true);
      }
      if (!phase.compareAndSet(current, next)) {
        return null;
      }
      BranchRun<M, S> branches = new BranchRun<>(program, clients::client, clients::drain,
          stepTimeout, stepTimeoutNanos, concurrency.jitter(), latencies, exchanges, bindings);
      BranchRun.Outcome<M, S> outcome;
      try {
        outcome = branches.run();
      } catch (InterruptedException e) {
        return null;
      }
      if (outcome.failure() != null) {
        return new RunResult(outcome.failure(), steps.size(), latencies, resetNanos,
            exchangesBefore(steps.size()), null, bindings)
            .withParallel(new ParallelOutcome(outcome.history(), null, 1, 1));
      }
      var verdict = parallelCheck.check(program, outcome.history(), clients);
      Failure failure = null;
      if (verdict.outcome() == dev.tollgate.internal.linearizability.PartitionVerdict.Outcome
          .NOT_LINEARIZABLE) {
        failure = new Failure(steps.size() - 1, ParallelCheck.COMMAND,
            Failure.Kind.LINEARIZABILITY, null, new AssertionError(
                "No order of the parallel steps fits the model. The check looked for an order of"
                    + " all steps that keeps real-time order (a step that returned before another"
                    + " was invoked comes first), in which every precondition holds, every"
                    + " postcondition passes, and the invariants hold after the join; times are"
                    + " ms from the branches' first invocation, branches are numbered from 0.\n"
                    + verdict.explain()));
      }
      return new RunResult(failure, steps.size(), latencies, resetNanos,
          exchangesBefore(steps.size()), null, bindings)
          .withParallel(new ParallelOutcome(outcome.history(), verdict, 1, failure == null ? 0 : 1));
    }

    /** The exchanges of the first {@code count} steps, which the worker has finished with. */
    private List<List<Exchange>> exchangesBefore(int count) {
      return new ArrayList<>(Arrays.asList(exchanges).subList(0, count));
    }

    private RunResult cut(int step, boolean interrupted, long ranNanos) {
      String command = step < steps.size() ? steps.get(step).command().name() : "none";
      return new RunResult(null, step, Arrays.copyOf(latencies, steps.size()), resetNanos,
          exchangesBefore(step), new RunResult.Cut(step, command, interrupted, ranNanos), bindings);
    }

    private boolean abandoned() {
      return phase.get() == ABANDONED;
    }

    private Failure runStep(Step<M, S> step, Clients clients) {
      Command<M, S> command = step.command();
      S client = command.usesClient() ? clients.client(step.user().index()) : null;
      Object result;
      long start = System.nanoTime();
      try {
        result = command.run(client, step);
      } catch (TollgateConfigurationException | TollgateHarnessException e) {
        throw e;
      } catch (Throwable e) {
        latencies[step.step()] = System.nanoTime() - start;
        return new Failure(step.step(), command.name(), Failure.Kind.ACTION, null, e);
      }
      latencies[step.step()] = System.nanoTime() - start;
      if (abandoned()) {
        return null;
      }
      Object answer = result;
      if (!step.refs().isEmpty()) {
        Failure failure = attempt(step, Failure.Kind.REFERENCE, null,
            () -> command.bind(bindings, step.refs(), answer));
        if (failure != null) {
          return failure;
        }
      }
      Failure failure = attempt(step, Failure.Kind.POSTCONDITION, null,
          () -> command.expect(step.before(), step, answer));
      for (int i = 0; failure == null && i < model.invariants().size(); i++) {
        Model.NamedInvariant<M, S> invariant = model.invariants().get(i);
        failure = attempt(step, Failure.Kind.INVARIANT, invariant.name(),
            () -> invariant.check().check(step.after(), clients));
      }
      return failure;
    }

    /** Waits for the run, or abandons it at the deadline of the step it is in. */
    RunResult await() {
      while (true) {
        Phase p = phase.get();
        if (p == DONE) {
          synchronized (this) {
            if (error != null) {
              throw rethrown(error);
            }
            return result;
          }
        }
        long left = p.deadlineNanos() - System.nanoTime();
        boolean interrupted = Thread.interrupted();
        if (left > 0 && !interrupted) {
          LockSupport.parkNanos(this, left);
          continue;
        }
        StackTraceElement[] where;
        synchronized (this) {
          if (!phase.compareAndSet(p, ABANDONED)) {
            if (interrupted) {
              caller.interrupt();
            }
            continue;
          }
          where = worker == null ? new StackTraceElement[0] : worker.getStackTrace();
          if (worker != null) {
            worker.interrupt();
          }
        }
        drop(by);
        long ran = System.nanoTime() - p.startNanos();
        if (interrupted) {
          caller.interrupt();
          throw new TollgateHarnessException("The check was interrupted while "
              + (p.step() == RESET ? "the system was being reset" : "step " + (p.step() + 1)
                  + " (" + steps.get(p.step()).command().name() + ") ran")
              + "; Tollgate interrupted that step's thread and stopped.");
        }
        return abandon(p, ran, where);
      }
    }

    private RunResult abandon(Phase p, long ran, StackTraceElement[] where) {
      if (p.step() == RESET) {
        if (p.byBudget()) {
          return new RunResult(null, 0, new long[steps.size()], ran, List.of(),
              new RunResult.Cut(0, steps.isEmpty() ? "none" : steps.get(0).command().name(),
                  false, 0), bindings);
        }
        throw new TollgateHarnessException("Resetting the system before a program did not finish"
            + " within the step timeout of " + Durations.show(stepTimeout) + "; Tollgate"
            + " interrupted it and stopped. Expected the reset to return in time: a dependency it"
            + " talks to (the database, the app, a stub) may hang or be overloaded. If the reset is"
            + " just slow, raise -Dtollgate.stepTimeout (now " + stepTimeout + ").");
      }
      if (p.byBudget()) {
        return cut(p.step(), true, ran);
      }
      Step<M, S> step = steps.get(p.step());
      AssertionError timeout = timedOut(step, "", stepTimeout, where);
      long[] copy = Arrays.copyOf(latencies, steps.size());
      copy[p.step()] = ran;
      List<List<Exchange>> done = exchangesBefore(p.step());
      done.add(List.of());
      return new RunResult(
          new Failure(p.step(), step.command().name(), Failure.Kind.TIMEOUT, null, timeout),
          p.step() + 1, copy, resetNanos, done, null, bindings);
    }
  }

  /** The failure of a step that overran its deadline, with where its thread was. */
  static AssertionError timedOut(Step<?, ?> step, String where, Duration stepTimeout,
      StackTraceElement[] trace) {
    AssertionError timeout = new AssertionError("step " + (step.step() + 1) + " ("
        + step.command().name() + where + ") did not finish within its deadline of "
        + Durations.show(stepTimeout) + " (tollgate.stepTimeout); Tollgate interrupted its"
        + " thread and abandoned it. Expected every step to finish within the step timeout;"
        + " the stack trace shows where it was. If the system is just slow there, raise"
        + " -Dtollgate.stepTimeout (now " + stepTimeout + ").");
    timeout.setStackTrace(trace);
    return timeout;
  }

  private static RuntimeException rethrown(Throwable error) {
    if (error instanceof RuntimeException e) {
      return e;
    }
    if (error instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(error);
  }

  /**
   * A reset that failed because something it talks to is down is a harness fault, named as such;
   * any other failure of the reset is the reset's own.
   */
  static RuntimeException resetFailure(Throwable e) {
    if (e instanceof TollgateHarnessException h) {
      return h;
    }
    String down = dependencyDown(e);
    if (down != null) {
      return new TollgateHarnessException("Dependency down during reset: " + down + ", while"
          + " resetting the system before a program (" + e.getMessage() + "). Expected what the"
          + " reset talks to (the app, the database, a stub) to be up, as it was when the check"
          + " began: it may have crashed, been stopped, or run out of memory or connections."
          + " Check its log; this is neither a failed check nor a configuration error.", e);
    }
    return new TollgateConfigurationException(
        "Resetting the system before a program failed: " + e
            + ". Expected the system to come back to its empty state; check that it is still"
            + " up and that its reset works.",
        e);
  }

  /** What in {@code e}'s causes says a dependency is down, or null. */
  private static String dependencyDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return "a connection was refused or timed out (" + t.getMessage() + ")";
      }
      if (t instanceof ClosedChannelException) {
        return "a connection was closed";
      }
      if (t instanceof SQLException sql && connectionLost(sql)) {
        return "the database connection failed (SQL state " + sql.getSQLState() + ": "
            + sql.getMessage() + ")";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * True if {@code e} says the database connection is gone: SQL state class 08 (connection
   * exception), or PostgreSQL's 57P01 to 57P03 (the server shut down, crashed, or cannot take
   * connections now).
   */
  public static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.equals("57P01")
        || state.equals("57P02") || state.equals("57P03"));
  }

  /** One check of a step; a configuration error is the model's, not the system's, so it escapes. */
  private static Failure attempt(Step<?, ?> step, Failure.Kind kind, String check, Check body) {
    try {
      body.run();
      return null;
    } catch (TollgateConfigurationException | TollgateHarnessException e) {
      throw e;
    } catch (Throwable e) {
      return new Failure(step.step(), step.command().name(), kind, check, e);
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws Exception;
  }

  /** Each user's client, made on first use and closed after the run. */
  private final class Clients implements Users<S> {
    private final Object[] clients;
    private final ProgramFlags flags;

    Clients(int users, ProgramFlags flags) {
      this.clients = new Object[users];
      this.flags = flags;
    }

    @Override
    public int count() {
      return clients.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public S client(int index) {
      if (clients[index] == null) {
        try {
          clients[index] = system.client(
              new User(index, model.userStates().get(0), flags.of(index)));
        } catch (Exception e) {
          throw new TollgateConfigurationException(
              "Making a client for user" + (index + 1) + " failed: " + e
                  + ". Expected SystemUnderTest.client(user) to return a client; check that the"
                  + " system is up.",
              e);
        }
      }
      return (S) clients[index];
    }

    List<Exchange> drain(int index) {
      return clients[index] instanceof Traced traced ? traced.drainExchanges() : List.of();
    }

    void close() {
      for (Object client : clients) {
        if (client instanceof AutoCloseable closeable) {
          try {
            closeable.close();
          } catch (Exception ignored) {
            // A client that fails to close must not hide the run's own outcome.
          }
        }
      }
    }
  }
}
