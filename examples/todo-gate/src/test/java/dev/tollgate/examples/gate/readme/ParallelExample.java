package dev.tollgate.examples.gate.readme;

import dev.tollgate.runner.Runner;
import dev.tollgate.runner.StateMachineTest;

/**
 * The README's "Parallel testing" annotation, compiled so it keeps to the API. Nothing runs it
 * (its name is no test's): {@code ParallelProgramsTest} and its neighbours in harness-core do.
 */
class ParallelExample {
  @StateMachineTest(parallel = 2, repetitions = 20)   // up to 2 branches; each program runs 20 times
  void todos_stay_consistent(Runner runner) {
    runner.check(TodosModelTest.model(), new TodosModelTest.InMemoryTodos());
  }
}
