package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.program.Bindings;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.model.Command;
import dev.tollgate.report.Exchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs the branches of a parallel program at once, after its prefix: one thread per branch, each
 * with its user's client (that user's own session), all released together once every thread is
 * ready. Each step's invocation and return are recorded from one monotonic clock. The calling
 * thread keeps every step's deadline ({@code tollgate.stepTimeout}) as the sequential run does:
 * a step still running then fails the run as a timeout, and its thread is interrupted and
 * abandoned (the step stays pending in the history).
 *
 * <p>Each branch's thread opens the run's reference table ({@link Bindings}): it reads the
 * prefix's values and binds its own branch's.
 */
final class BranchRun<M, S> {
  private static final long NOT_RUNNING = Long.MIN_VALUE;

  /** What a branch step returned; a pending step has none. */
  record Answer(Object value) {
    @Override
    public String toString() {
      String text = String.valueOf(value).strip().replaceAll("\\s+", " ");
      return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
  }

  /** How the branches ran: the history, and the first step that failed on its own, if any. */
  record Outcome<M, S>(History<Step<M, S>, Answer> history, Failure failure) {}

  private final Program<M, S> program;
  private final IntFunction<S> clients;
  private final IntFunction<List<Exchange>> drain;
  private final long stepTimeoutNanos;
  private final Duration stepTimeout;
  private final Duration jitter;
  private final long[] latencies;
  private final List<Exchange>[] exchanges;
  /** The run's reference values, handed to each branch's thread. */
  private final Bindings bindings;

  BranchRun(Program<M, S> program, IntFunction<S> clients, IntFunction<List<Exchange>> drain,
      Duration stepTimeout, long stepTimeoutNanos, Duration jitter, long[] latencies,
      List<Exchange>[] exchanges, Bindings bindings) {
    this.bindings = bindings;
    this.program = program;
    this.clients = clients;
    this.drain = drain;
    this.stepTimeout = stepTimeout;
    this.stepTimeoutNanos = stepTimeoutNanos;
    this.jitter = jitter;
    this.latencies = latencies;
    this.exchanges = exchanges;
  }

  /** Runs the branches; throws InterruptedException if the caller gave up on the run. */
  Outcome<M, S> run() throws InterruptedException {
    List<List<Step<M, S>>> branches = program.branches();
    int count = branches.size();
    History.Recorder<Step<M, S>, Answer> recorder = History.recorder(count);
    List<S> users = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      // Made before the start, so that connecting is not part of any step's time.
      users.add(branches.get(b).isEmpty() ? null
          : clients.apply(branches.get(b).get(0).user().index()));
    }
    CountDownLatch ready = new CountDownLatch(count);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(count);
    AtomicLongArray startedAt = new AtomicLongArray(count);
    AtomicIntegerArray stepOf = new AtomicIntegerArray(count);
    AtomicReferenceArray<Failure> failures = new AtomicReferenceArray<>(count);
    AtomicReferenceArray<Throwable> escaped = new AtomicReferenceArray<>(count);
    Thread[] threads = new Thread[count];
    for (int b = 0; b < count; b++) {
      startedAt.set(b, NOT_RUNNING);
      int branch = b;
      threads[b] = new Thread(() -> {
        try (Bindings.Scope scope = bindings.open()) {
          ready.countDown();
          start.await();
          failures.set(branch, runBranch(branches.get(branch), users.get(branch),
              recorder.branch(branch), startedAt, stepOf, branch));
        } catch (InterruptedException e) {
          // Abandoned: the caller has stopped waiting for this branch.
        } catch (Throwable e) {
          escaped.set(branch, e);
        } finally {
          startedAt.set(branch, NOT_RUNNING);
          done.countDown();
        }
      }, "tollgate-branch-" + (b + 1));
      threads[b].setDaemon(true);
      threads[b].start();
    }
    Failure timeout = null;
    try {
      ready.await();
      start.countDown();
      while (timeout == null && !done.await(untilNextDeadline(startedAt), TimeUnit.NANOSECONDS)) {
        long now = System.nanoTime();
        for (int b = 0; b < count && timeout == null; b++) {
          long since = startedAt.get(b);
          if (since != NOT_RUNNING && now - since - stepTimeoutNanos >= 0) {
            Step<M, S> step = program.steps().get(stepOf.get(b));
            StackTraceElement[] where = threads[b].getStackTrace();
            threads[b].interrupt();
            latencies[step.step()] = now - since;
            timeout = new Failure(step.step(), step.command().name(), Failure.Kind.TIMEOUT, null,
                Executor.timedOut(step, ", in a parallel branch", stepTimeout, where));
          }
        }
      }
    } catch (InterruptedException e) {
      for (Thread thread : threads) {
        thread.interrupt();
      }
      throw e;
    }
    if (timeout != null) {
      for (Thread thread : threads) {
        thread.interrupt();
      }
      // The others stop at their next step; a short wait lets the history say where they were.
      done.await(Math.min(stepTimeoutNanos, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
    }
    for (int b = 0; b < count; b++) {
      Throwable e = escaped.get(b);
      if (e != null) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }
    Failure failure = timeout;
    for (int b = 0; b < count && failure == null; b++) {
      failure = failures.get(b);
    }
    return new Outcome<>(timeout == null ? recorder.history() : null, failure);
  }

  private long untilNextDeadline(AtomicLongArray startedAt) {
    long now = System.nanoTime();
    long wait = stepTimeoutNanos;
    for (int b = 0; b < startedAt.length(); b++) {
      long since = startedAt.get(b);
      if (since != NOT_RUNNING) {
        wait = Math.min(wait, since + stepTimeoutNanos - now);
      }
    }
    return Math.max(1, wait);
  }

  /** One branch's steps, on its own thread; the failure of a step that fails on its own. */
  private Failure runBranch(List<Step<M, S>> steps, S client,
      History.Branch<Step<M, S>, Answer> recording, AtomicLongArray startedAt,
      AtomicIntegerArray stepOf, int branch) throws InterruptedException {
    for (Step<M, S> step : steps) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (jitter != null) {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1));
      }
      Command<M, S> command = step.command();
      stepOf.set(branch, step.step());
      long begin = System.nanoTime();
      startedAt.set(branch, begin);
      History.Call<Step<M, S>, Answer> call = recording.invoke(step);
      Object result;
      try {
        result = command.run(client, step);
      } catch (TollgateConfigurationException | TollgateHarnessException e) {
        throw e;
      } catch (Throwable e) {
        latencies[step.step()] = System.nanoTime() - begin;
        exchanges[step.step()] = drain.apply(step.user().index());
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        return new Failure(step.step(), command.name(), Failure.Kind.ACTION, null, e);
      }
      call.returned(new Answer(result));
      startedAt.set(branch, NOT_RUNNING);
      latencies[step.step()] = System.nanoTime() - begin;
      exchanges[step.step()] = drain.apply(step.user().index());
      if (!step.refs().isEmpty()) {
        try {
          command.bind(bindings, step.refs(), result);
        } catch (TollgateConfigurationException | TollgateHarnessException e) {
          throw e;
        } catch (Throwable e) {
          return new Failure(step.step(), command.name(), Failure.Kind.REFERENCE, null, e);
        }
      }
    }
    return null;
  }
}
