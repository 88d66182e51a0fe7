package dev.tollgate.internal.runner;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.linearizability.LinearizabilityChecker;
import dev.tollgate.internal.linearizability.SequentialModel;
import dev.tollgate.internal.linearizability.Transition;
import dev.tollgate.internal.linearizability.Verdict;
import dev.tollgate.internal.program.InterleavedCall;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.Step;
import dev.tollgate.model.Command;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.model.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check of a parallel program's branches: is there an order of all their steps that keeps
 * real-time order, in which every step's precondition holds and every postcondition passes when
 * replayed through the model, and whose final state passes the invariants (checked once the
 * branches have joined, against the system as it is then)? The model's commands are the
 * linearizability checker's sequential model.
 */
final class ParallelCheck<M, S> {
  /** The command name a failure of this check reports. */
  static final String COMMAND = "parallel branches";

  /** The model state and every user's machine state, as a value the search can memoise. */
  record State<M>(M model, List<String> users) {
    @Override
    public String toString() {
      return model + " users " + users;
    }
  }

  private final Model<M, S> model;
  private final Duration timeLimit;

  ParallelCheck(Model<M, S> model, Duration timeLimit) {
    this.model = model;
    this.timeLimit = timeLimit;
  }

  /** The state after the prefix: the model's, and each user's machine. */
  State<M> afterPrefix(Program<M, S> program) {
    String first = model.userStates().get(0);
    List<String> users = new ArrayList<>();
    for (int u = 0; u < program.users(); u++) {
      users.add(first);
    }
    M state = model.initialState();
    for (Step<M, S> step : program.prefix()) {
      users.set(step.user().index(), step.userStateAfter());
      state = step.after();
    }
    return new State<>(state, List.copyOf(users));
  }

  Verdict<State<M>, Step<M, S>, BranchRun.Answer> check(
      Program<M, S> program, History<Step<M, S>, BranchRun.Answer> history, Users<S> users) {
    LinearizabilityChecker<State<M>, Step<M, S>, BranchRun.Answer> checker =
        LinearizabilityChecker.of(new Sequential()).withTimeLimit(timeLimit);
    if (!model.invariants().isEmpty()) {
      // A partition's final state holds only its key's steps, and the invariants read the whole
      // model state against the whole system: checked per partition they would raise false
      // alarms. So a model with invariants is checked whole.
      checker = checker.withoutPartitioning()
          .withFinalCheck((key, state) -> invariants(state.model(), users));
    }
    return checker.check(afterPrefix(program), history);
  }

  private Optional<String> invariants(M state, Users<S> users) {
    for (Model.NamedInvariant<M, S> invariant : model.invariants()) {
      try {
        invariant.check().check(state, users);
      } catch (TollgateConfigurationException | TollgateHarnessException e) {
        throw e;
      } catch (Throwable e) {
        return Optional.of("invariant \"" + invariant.name() + "\": " + firstLine(e));
      }
    }
    return Optional.empty();
  }

  /** The model's commands as the checker's step function. */
  private final class Sequential
      implements SequentialModel<State<M>, Step<M, S>, BranchRun.Answer> {
    @Override
    public Transition<State<M>> step(State<M> state, Step<M, S> step, BranchRun.Answer output) {
      int u = step.user().index();
      User user = new User(u, state.users().get(u), step.user().flags());
      Command<M, S> command = step.command();
      if (!command.enabled(state.model(), user)) {
        return Transition.rejected(command.name() + " is not enabled here (its precondition or"
            + " its user's state " + user.state() + ")");
      }
      InterleavedCall call = new InterleavedCall(step, user);
      if (output != null) {
        try {
          command.expect(state.model(), call, output.value());
        } catch (TollgateConfigurationException | TollgateHarnessException e) {
          throw e;
        } catch (Throwable e) {
          return Transition.rejected("postcondition of " + command.name() + ": " + firstLine(e));
        }
      }
      M next = command.update(state.model(), call);
      List<String> users = new ArrayList<>(state.users());
      users.set(u, command.nextState(state.model(), call));
      return Transition.accepted(new State<>(next, List.copyOf(users)));
    }

    @Override
    public Optional<Object> partitionKey(Step<M, S> step) {
      return step.command().partitionKey(new InterleavedCall(step, step.user()));
    }

    @Override
    public String describe(State<M> state) {
      return String.valueOf(state.model());
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + " " + b).map(t -> t.length() > 300 ? t.substring(0, 297) + "..." : t)
        .orElse(e.toString());
  }
}
