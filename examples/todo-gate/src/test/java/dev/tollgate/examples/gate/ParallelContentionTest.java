package dev.tollgate.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How often generated parallel programs of the gate model hold what {@code vote-race} needs: both
 * branches voting on the same todo of the prefix. Only generation runs here (no app), so this
 * measures the generator's leans on a real model: the prefix brings every user along, branch
 * steps lean towards commands on what the prefix made, and a later branch's step leans towards
 * the first branch's. Without the first two leans it was 77 of 4,000; with them, 204.
 */
class ParallelContentionTest {

  @Test
  void several_in_a_hundred_parallel_programs_vote_twice_on_one_todo_at_once() {
    var model = TodoGateModel.parallelModel(new TodoGateModel.Setup(null, null, null),
        "delete_todo");
    var generator = new ProgramGenerator<>(model, 2, 10, true, 2, 2);
    int programs = 4000;
    int contended = 0;
    for (long seed = 0; seed < programs; seed++) {
      contended += votesTwiceOnOneTodo(generator.generate(ChoiceRecorder.random(seed))) ? 1 : 0;
    }
    assertThat(contended).as("programs of %d whose branches both vote on one todo", programs)
        .isGreaterThan(programs * 3 / 100);
  }

  private static <M, S> boolean votesTwiceOnOneTodo(Program<M, S> program) {
    List<List<Step<M, S>>> branches = program.branches();
    for (Step<M, S> a : branches.get(0)) {
      for (Step<M, S> b : branches.get(1)) {
        if (isVote(a) && isVote(b) && String.valueOf(a.arg()).equals(String.valueOf(b.arg()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isVote(Step<?, ?> step) {
    return step.command().name().equals("vote_todo");
  }
}
