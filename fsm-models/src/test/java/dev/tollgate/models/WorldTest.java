package dev.tollgate.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorldTest {
  private static final Key<Integer> COUNT = Key.of("count", 0);
  private static final Key<String> NAME = Key.of("name", "none");

  @Test
  void a_part_nothing_has_changed_reads_as_its_initial_value() {
    assertThat(World.empty().get(COUNT)).isZero();
    assertThat(World.empty().get(NAME)).isEqualTo("none");
  }

  @Test
  void changes_return_a_new_world_and_leave_the_old_one_alone() {
    World before = World.empty().with(COUNT, 1);

    World after = before.update(COUNT, n -> n + 1).with(NAME, "x");

    assertThat(before.get(COUNT)).isEqualTo(1);
    assertThat(before.get(NAME)).isEqualTo("none");
    assertThat(after.get(COUNT)).isEqualTo(2);
    assertThat(after.get(NAME)).isEqualTo("x");
  }

  @Test
  void keys_with_the_same_name_are_still_different_parts() {
    Key<Integer> other = Key.of("count", 0);

    World world = World.empty().with(COUNT, 5);

    assertThat(world.get(other)).isZero();
  }

  @Test
  void per_user_values_are_kept_apart() {
    PerUser<Integer> values = PerUser.of(0).update(1, n -> n + 3);

    assertThat(values.get(0)).isZero();
    assertThat(values.get(1)).isEqualTo(3);
  }
}
