package dev.tollgate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.internal.runner.ReplayToken;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The annotation's attributes reach the runner, also through a team's own annotation. */
class StateMachineTestAttributesTest {
  static final List<RunSummary> SUMMARIES = new CopyOnWriteArrayList<>();
  /** A token for the fixture model "todos" with no choices: the shortest program it has. */
  static final String EMPTY_TODOS_PROGRAM = "t1.696a0ed.0.";

  @AfterEach
  void clear() {
    SUMMARIES.clear();
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
        .testEvents();
  }

  /** A team's shorthand for its usual settings. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @StateMachineTest(tries = 7, seed = "11")
  @interface QuickGate {}

  static class MetaAnnotated {
    @QuickGate
    void todos(Runner runner) {
      SUMMARIES.add(runner.check(TodoModel.model(), TodoSystem.correct()));
    }
  }

  static class ReplayedInTheIde {
    @StateMachineTest(replay = EMPTY_TODOS_PROGRAM)
    void todos(Runner runner) {
      SUMMARIES.add(runner.check(TodoModel.model(), TodoSystem.correct()));
    }
  }

  static class Failing {
    @StateMachineTest(seed = "5")
    void todos(Runner runner) {
      runner.check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE));
    }
  }

  @Test
  void a_meta_annotation_carrying_state_machine_test_has_its_attributes_honoured() {
    run(MetaAnnotated.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(SUMMARIES).singleElement().satisfies(summary -> {
      assertThat(summary.programs()).isEqualTo(7);
      assertThat(summary.seed()).isEqualTo(11);
    });
  }

  @Test
  void the_replay_attribute_runs_only_that_program() {
    assertThat(EMPTY_TODOS_PROGRAM).startsWith("t1." + ReplayToken.modelTag("todos") + ".");

    run(ReplayedInTheIde.class).assertStatistics(stats -> stats.started(1).succeeded(1));

    assertThat(SUMMARIES).singleElement().satisfies(summary ->
        assertThat(summary.programs()).isEqualTo(1));
  }

  @Test
  void a_failure_says_how_to_replay_it_from_an_ide() {
    Throwable failure = run(Failing.class).failed().stream().findFirst().orElseThrow()
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();

    String token = ((ModelCheckFailure) failure).replayToken();
    assertThat(failure.getMessage())
        .contains("  or from an IDE: @StateMachineTest(replay = \"" + token + "\")");
  }
}
