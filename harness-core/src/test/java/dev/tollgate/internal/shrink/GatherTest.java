package dev.tollgate.internal.shrink;

import static dev.tollgate.internal.shrink.PassHarness.allBut;
import static dev.tollgate.internal.shrink.PassHarness.shrinkRepeated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.model.Model;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Single adds that only fail together (eleven items) gather into batch adds, the model's other
 * command for the same thing: a step becomes a batch that holds its item and the next ones', and
 * those steps go, at once. No deletion, merge or lowering of one step gets there, since each
 * single add is needed and no batch is there to merge into.
 */
class GatherTest {
  private static final int NEEDED = 11;
  private static final int MAX_BATCH = 5;

  /**
   * {@code add_one} adds one item (to a named shelf, so its argument has parts, as a create with
   * a session has), {@code add} a batch of them; {@code check} fails once {@value NEEDED} were
   * added.
   */
  private static Model<Integer, Object> model() {
    Gen<String> item = Gen.elements("a", "b");
    return Model.define("gather", Object.class, () -> 0)
        .command("add_one", c -> c
            .with(Gen.combine(Gen.elements("left", "right"), item, (shelf, it) -> shelf + ":" + it))
            .run((client, it) -> it)
            .update((count, call) -> count + 1))
        .command("add", c -> c
            .with(Gen.combine(Gen.elements("left", "right"),
                Gen.lists(item).ofSize(1, MAX_BATCH), (shelf, items) -> shelf + ":" + items))
            .run((client, items) -> items)
            .update((count, call) -> count + call.arg().split(",").length))
        .command("check", c -> c
            .run((client, none) -> "checked")
            .expect((count, call, none) -> assertThat(count).as("items added").isLessThan(NEEDED)))
        .build();
  }

  /** Shrinks a program of 13 single adds (to "left", of "a") and a check with {@code passes}. */
  private static List<String> shrinkSingles(Set<Pass> passes) {
    return shrinkRepeated(model(), List.of(0, 0, 0, 0), 13, List.of(2, 0), "user1 add_one(\"left:a\")", passes);
  }

  @Test
  void single_adds_that_only_fail_together_gather_into_the_fewest_batches() {
    List<String> steps = shrinkSingles(EnumSet.allOf(Pass.class));

    // Two full batches and one more item, then the check.
    assertThat(steps).hasSize(NEEDED / MAX_BATCH + 2).last().isEqualTo("user1 check()");
    assertThat(steps.subList(0, steps.size() - 1)).filteredOn(step -> step.contains("add("))
        .hasSizeGreaterThanOrEqualTo(NEEDED / MAX_BATCH);
  }

  @Test
  void without_gathering_single_adds_stay_single() {
    List<String> steps = shrinkSingles(allBut(Pass.GATHER));

    assertThat(steps).hasSize(NEEDED + 1);
    assertThat(steps.subList(0, NEEDED)).allSatisfy(step -> assertThat(step).contains("add_one("));
  }
}
