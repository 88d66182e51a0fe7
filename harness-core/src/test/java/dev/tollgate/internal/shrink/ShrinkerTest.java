package dev.tollgate.internal.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShrinkerTest {

  @Test
  void fewer_choices_are_simpler_whatever_their_values() {
    assertThat(Shrinker.simpler(new int[] {9, 9}, new int[] {0, 0, 0})).isTrue();
    assertThat(Shrinker.simpler(new int[] {0, 0, 0}, new int[] {9, 9})).isFalse();
  }

  @Test
  void among_as_many_choices_the_first_smaller_difference_is_simpler() {
    assertThat(Shrinker.simpler(new int[] {1, 0, 5}, new int[] {1, 1, 0})).isTrue();
    assertThat(Shrinker.simpler(new int[] {1, 1, 0}, new int[] {1, 0, 5})).isFalse();
    assertThat(Shrinker.simpler(new int[] {1, 1}, new int[] {1, 1})).isFalse();
  }
}
