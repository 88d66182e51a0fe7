package dev.tollgate.runner.twins.b;

import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;

/**
 * One of two test classes of one simple name in two packages (run by {@code ParallelJUnitTest},
 * never on its own): its check fails on the DELETE_TWICE bug, the other's on another.
 */
public class TwinGate {
  @StateMachineTest(seed = "7")
  void todos(Runner runner) {
    runner.check(TodoModel.model(), TodoSystem.with(Bug.DELETE_TWICE));
  }
}
