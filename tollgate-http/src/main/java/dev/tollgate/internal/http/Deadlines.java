package dev.tollgate.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interrupts a blocking request still waiting past its deadline. The JDK's request timeout stops
 * at the response headers, so a server that sends headers and then stalls in the body would hang
 * the run; an interrupted {@code HttpClient.send} cancels its exchange and returns.
 *
 * <p>Why not a timer per request: {@code orTimeout} woke a timer thread on every request, and a
 * bounded body subscriber of our own is not one the JDK trusts to run inline, so it added a
 * thread hop; either cost about a fifth of a loopback round trip. Here one daemon thread scans
 * the pending calls every few milliseconds, and stops itself after a second with none.
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

    private final Thread thread = Thread.currentThread();
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(WAITING);

    private Call(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    /**
     * Ends the watch; true if the deadline passed first. Then the watchdog interrupts (or has
     * interrupted) the thread: unless the caller already caught that interrupt, wait for it and
     * clear it, so no stray interrupt outlives the call.
     */
    boolean finish(boolean interruptCaught) {
      PENDING.remove(this);
      if (state.compareAndSet(WAITING, FINISHED)) {
        return false;
      }
      if (!interruptCaught) {
        while (!Thread.interrupted()) {
          Thread.onSpinWait();
        }
      }
      return true;
    }

    private void expire() {
      if (state.compareAndSet(WAITING, EXPIRED)) {
        thread.interrupt();
      }
    }
  }

  static Call watch(long deadlineNanos) {
    Call call = new Call(deadlineNanos);
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
        if (now - call.deadlineNanos >= 0 && PENDING.remove(call)) {
          call.expire();
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
