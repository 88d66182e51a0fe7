package dev.tollgate.runner.twins.a;

import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;

/**
 * One of two test classes of one simple name in two packages (run by {@code ParallelJUnitTest},
 * never on its own): its check fails on the DOUBLE_VOTE bug, the other's on another.
 */
public class TwinGate {
  @StateMachineTest(seed = "5")
  void todos(Runner runner) {
    runner.check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE));
  }
}
