package dev.tollgate.internal.shrink;

import static dev.tollgate.internal.shrink.PassHarness.allBut;
import static dev.tollgate.internal.shrink.PassHarness.shrunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.runner.Executor;
import dev.tollgate.internal.runner.RunResult;
import dev.tollgate.model.Model;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Steps of one command whose lists only fail together (eleven items, in batches of one to five)
 * merge into the fewest steps: the later step's elements move into the earlier step's list and
 * the later step goes, at once. Deleting steps or growing a list alone cannot get there.
 */
class MergeListsTest {
  private static final int NEEDED = 11;
  private static final int MAX_BATCH = 5;

  /** {@code add} adds a batch of items; {@code check} fails once {@value NEEDED} were added. */
  private static Model<Integer, Object> model() {
    return Model.define("merge", Object.class, () -> 0)
        .command("add", c -> c
            .with(Gen.lists(Gen.elements("a", "b")).ofSize(1, MAX_BATCH))
            .run((client, items) -> items)
            .update((count, call) -> count + call.arg().size()))
        .command("check", c -> c
            .run((client, none) -> "checked")
            .expect((count, call, none) -> assertThat(count).as("items added").isLessThan(NEEDED)))
        .build();
  }

  /** The choices of a program of {@code singles} one-item adds and a check. */
  private static int[] singleAdds(ProgramGenerator<Integer, Object> generator, int singles) {
    // A program of zeros stops before its first step: all but that last zero are its header.
    int header = generator.generate(ChoiceRecorder.replay(new int[0])).choices().length - 1;
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < header; i++) {
      choices.add(0);
    }
    for (int i = 0; i < singles; i++) {
      // another step, command add, user 0; one item: its placeholder "one more", "a", no more
      choices.addAll(List.of(1, 0, 0, 0, 0, 0));
    }
    choices.addAll(List.of(1, 1, 0, 0)); // check, then no more steps
    return choices.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<String> shrinkSingles(Set<Pass> passes) {
    Model<Integer, Object> model = model();
    ProgramGenerator<Integer, Object> generator = new ProgramGenerator<>(model, 1, 20, true);
    Executor<Integer, Object> executor = new Executor<>(model, new PassHarness.Nothing());
    Program<Integer, Object> failing =
        generator.generate(ChoiceRecorder.replay(singleAdds(generator, 13)));
    assertThat(failing.steps()).hasSize(14);
    assertThat(failing.steps().get(0).describe()).isEqualTo("user1 add([\"a\"])");
    RunResult failed = executor.run(failing);
    assertThat(failed.passed()).isFalse();
    Program<Integer, Object> shrunk = new Shrinker<>(generator, executor::run, 10_000,
        60_000_000_000L, candidate -> {}, passes).shrink(failing, failed).program();
    List<String> steps = new ArrayList<>();
    shrunk.steps().forEach(step -> steps.add(step.describe()));
    return steps;
  }

  @Test
  void single_item_batches_that_only_fail_together_merge_into_the_fewest_batches() {
    List<String> steps = shrinkSingles(EnumSet.allOf(Pass.class));

    assertThat(steps).hasSize(NEEDED / MAX_BATCH + 2).last().isEqualTo("user1 check()");
    assertThat(steps.subList(0, steps.size() - 1))
        .allSatisfy(step -> assertThat(step).startsWith("user1 add(["));
    assertThat(String.join("; ", steps).split("\"", -1)).hasSize(2 * NEEDED + 1);
  }

  @Test
  void without_merging_single_item_batches_stay_single() {
    assertThat(shrinkSingles(allBut(Pass.MERGE_LISTS))).hasSize(NEEDED + 1);
  }

  @Test
  void random_batches_that_only_fail_together_shrink_to_the_fewest_on_every_seed() {
    int seeds = 40;
    assertThat(shrunk(model(), seeds, EnumSet.allOf(Pass.class)))
        .hasSizeGreaterThan(seeds / 2)
        .allSatisfy(steps -> assertThat(steps.split("; ")).hasSize(NEEDED / MAX_BATCH + 2));
    assertThat(shrunk(model(), seeds, allBut(Pass.MERGE_LISTS)))
        .as("without MERGE_LISTS some seed keeps more batches than it needs")
        .anySatisfy(steps ->
            assertThat(steps.split("; ")).hasSizeGreaterThan(NEEDED / MAX_BATCH + 2));
  }
}
