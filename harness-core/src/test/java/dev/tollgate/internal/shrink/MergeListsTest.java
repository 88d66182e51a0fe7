package dev.tollgate.internal.shrink;

import static dev.tollgate.internal.shrink.PassHarness.allBut;
import static dev.tollgate.internal.shrink.PassHarness.shrinkRepeated;
import static dev.tollgate.internal.shrink.PassHarness.shrunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.model.Model;
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

  /** Shrinks a program of 13 one-item adds (its placeholder "one more", "a", no more) and a check with {@code passes}. */
  private static List<String> shrinkSingles(Set<Pass> passes) {
    return shrinkRepeated(model(), List.of(0, 0, 0, 0, 0), 13, List.of(1, 0), "user1 add([\"a\"])", passes);
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
