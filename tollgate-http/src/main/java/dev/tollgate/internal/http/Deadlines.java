package dev.tollgate.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cancels a blocking request still waiting past its deadline, or whose thread was interrupted.
 * Blocking socket reads do not answer an interrupt, and a socket timeout bounds each read, not
 * the exchange: a server that sends headers and then dribbles or stalls its body would hold the
 * run. Cancelling the request closes its connection, so the blocked read fails at once.
 *
 * <p>Why not a timer per request: a timer thread woken on every request cost about a fifth of a
 * loopback round trip. Here one daemon thread scans the pending calls every few milliseconds, and
 * stops itself after a second with none.
 */
final class Deadlines {
  private static final long TICK_MILLIS = 10;
  private static final int IDLE_TICKS_BEFORE_STOP = 100;

  private static final Set<Call> PENDING = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private Deadlines() {}

  /** One watched call, made by the thread that will block. */
  static final class Call {
    private static final int WAITING = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;
    private static final int INTERRUPTED = 3;

    private final Thread thread = Thread.currentThread();
    private final long deadlineNanos;
    private final Runnable cancel;
    private final AtomicInteger state = new AtomicInteger(WAITING);

    private Call(long deadlineNanos, Runnable cancel) {
      this.deadlineNanos = deadlineNanos;
      this.cancel = cancel;
    }

    /** Ends the watch; true if the deadline passed first (and the call was cancelled). */
    boolean finish() {
      PENDING.remove(this);
      return !state.compareAndSet(WAITING, FINISHED) && state.get() == EXPIRED;
    }

    /** Cancels the call if its deadline has passed or its thread was interrupted; true if so. */
    private boolean cancelIfDue(long now) {
      int reason = now - deadlineNanos >= 0 ? EXPIRED : thread.isInterrupted() ? INTERRUPTED : WAITING;
      if (reason != WAITING && state.compareAndSet(WAITING, reason)) {
        cancel.run();
        return true;
      }
      return false;
    }
  }

  /** Watches the calling thread's call until {@code deadlineNanos}; {@code cancel} ends it. */
  static Call watch(long deadlineNanos, Runnable cancel) {
    Call call = new Call(deadlineNanos, cancel);
    PENDING.add(call);
    if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
      Thread thread = new Thread(Deadlines::loop, "tollgate-request-deadlines");
      thread.setDaemon(true);
      thread.start();
    }
    return call;
  }

  private static void loop() {
    int idle = 0;
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        RUNNING.set(false);
        return;
      }
      long now = System.nanoTime();
      for (Call call : PENDING) {
        if (call.cancelIfDue(now)) {
          PENDING.remove(call);
        }
      }
      idle = PENDING.isEmpty() ? idle + 1 : 0;
      if (idle >= IDLE_TICKS_BEFORE_STOP) {
        RUNNING.set(false);
        // A call added while we decided to stop must not go unwatched: take the duty back,
        // unless a new thread already has.
        if (PENDING.isEmpty() || !RUNNING.compareAndSet(false, true)) {
          return;
        }
        idle = 0;
      }
    }
  }
}
