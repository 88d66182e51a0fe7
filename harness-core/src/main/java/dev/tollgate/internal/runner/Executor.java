package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.model.Command;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import dev.tollgate.model.Users;
import dev.tollgate.runner.SystemUnderTest;
import dev.tollgate.report.Exchange;
import dev.tollgate.report.Traced;
import java.util.ArrayList;
import java.util.List;

/** Runs programs against a system: reset, then each step's action, reference and checks. */
public final class Executor<M, S> {
  private final Model<M, S> model;
  private final SystemUnderTest<S> system;

  public Executor(Model<M, S> model, SystemUnderTest<S> system) {
    this.model = model;
    this.system = system;
  }

  /** Runs {@code program} on a freshly reset system. */
  public RunResult run(Program<M, S> program) {
    List<Step<M, S>> steps = program.steps();
    for (Step<M, S> step : steps) {
      if (step.refOrNull() != null) {
        Command.unbind(step.refOrNull());
      }
    }
    long resetStart = System.nanoTime();
    try {
      system.reset();
    } catch (Exception e) {
      throw new TollgateConfigurationException(
          "Resetting the system before a program failed: " + e
              + ". Expected the system to come back to its empty state; check that it is still"
              + " up and that its reset works.",
          e);
    }
    long resetNanos = System.nanoTime() - resetStart;
    Clients clients = new Clients(program.users());
    long[] latencies = new long[steps.size()];
    List<List<Exchange>> exchanges = new ArrayList<>(steps.size());
    try {
      for (Step<M, S> step : steps) {
        Failure failure = runStep(step, clients, latencies);
        exchanges.add(clients.drain(step.user().index()));
        if (failure != null) {
          return new RunResult(failure, step.step() + 1, latencies, resetNanos, exchanges);
        }
      }
      return new RunResult(null, steps.size(), latencies, resetNanos, exchanges);
    } finally {
      clients.close();
    }
  }

  private Failure runStep(Step<M, S> step, Clients clients, long[] latencies) {
    Command<M, S> command = step.command();
    S client = clients.client(step.user().index());
    Object result;
    long start = System.nanoTime();
    try {
      result = command.run(client, step.arg());
    } catch (TollgateConfigurationException e) {
      throw e;
    } catch (Throwable e) {
      latencies[step.step()] = System.nanoTime() - start;
      return new Failure(step.step(), command.name(), Failure.Kind.ACTION, null, e);
    }
    latencies[step.step()] = System.nanoTime() - start;
    Object answer = result;
    Ref<?> ref = step.refOrNull();
    if (ref != null) {
      Failure failure =
          attempt(step, Failure.Kind.REFERENCE, null, () -> command.bind(ref, answer));
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

  /** One check of a step; a configuration error is the model's, not the system's, so it escapes. */
  private static Failure attempt(Step<?, ?> step, Failure.Kind kind, String check, Check body) {
    try {
      body.run();
      return null;
    } catch (TollgateConfigurationException e) {
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

    Clients(int users) {
      this.clients = new Object[users];
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
          clients[index] = system.client(new User(index, model.userStates().get(0)));
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
