package dev.tollgate.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.gen.Unsatisfied;
import dev.tollgate.internal.program.ChoiceRecorder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GenTest {

  private static <T> List<T> sample(Gen<T> gen, int n) {
    List<T> out = new ArrayList<>();
    for (long seed = 0; seed < n; seed++) {
      out.add(gen.generate(ChoiceRecorder.random(seed)));
    }
    return out;
  }

  private static <T> T simplest(Gen<T> gen) {
    return gen.generate(ChoiceRecorder.replay(new int[0]));
  }

  @Test
  void the_same_choices_give_the_same_value() {
    Gen<List<String>> gen = Gen.lists(Gen.strings().ofLength(0, 20)).ofSize(0, 8);
    for (long seed = 0; seed < 100; seed++) {
      ChoiceRecorder first = ChoiceRecorder.random(seed);
      List<String> value = gen.generate(first);

      assertThat(gen.generate(ChoiceRecorder.replay(first.choices()))).isEqualTo(value);
      assertThat(gen.generate(ChoiceRecorder.random(seed))).isEqualTo(value);
    }
  }

  @Test
  void all_zero_choices_give_the_simplest_values() {
    assertThat(simplest(Gen.integers(-50, 50))).isZero();
    assertThat(simplest(Gen.integers(10, 20))).isEqualTo(10);
    assertThat(simplest(Gen.integers(-20, -10))).isEqualTo(-10);
    assertThat(simplest(Gen.booleans())).isFalse();
    assertThat(simplest(Gen.strings())).isEmpty();
    assertThat(simplest(Gen.strings().ofLength(3, 10))).isEqualTo("aaa");
    assertThat(simplest(Gen.lists(Gen.integers(1, 9)).ofSize(0, 5))).isEmpty();
    assertThat(simplest(Gen.elements("first", "second"))).isEqualTo("first");
    assertThat(simplest(Gen.oneOf(Gen.constant("a"), Gen.constant("b")))).isEqualTo("a");
  }

  @Test
  void a_smaller_choice_gives_a_value_nearer_zero() {
    Gen<Integer> gen = Gen.integers(-100, 100);
    int previous = 0;
    for (int choice = 0; choice < 201; choice++) {
      int value = gen.generate(ChoiceRecorder.replay(new int[] {0, choice}));
      assertThat(Math.abs(value)).isGreaterThanOrEqualTo(Math.abs(previous));
      previous = value;
    }
  }

  @Test
  void integers_stay_in_range_and_reach_both_edges() {
    List<Integer> values = sample(Gen.integers(-3, 1000), 2000);

    assertThat(values).allMatch(v -> v >= -3 && v <= 1000);
    assertThat(values).contains(-3, 1000, 0);
  }

  @Test
  void longs_cover_ranges_wider_than_an_int() {
    List<Long> values = sample(Gen.longs(0, Long.MAX_VALUE / 2), 500);

    assertThat(values).allMatch(v -> v >= 0 && v <= Long.MAX_VALUE / 2);
    assertThat(values).anyMatch(v -> v > Integer.MAX_VALUE);
  }

  @Test
  void strings_over_weight_the_inputs_that_break_services() {
    List<String> values = sample(Gen.strings().ofLength(0, 200), 3000);

    assertThat(values).contains("", "' OR '1'='1", "<script>alert(1)</script>", "x".repeat(200));
    assertThat(values).anyMatch(String::isBlank);
    assertThat(values).anyMatch(s -> s.codePoints().anyMatch(Character::isSupplementaryCodePoint));
    assertThat(values).anyMatch(s -> s.codePoints().anyMatch(cp -> cp > 127 && cp < 0x10000));
    assertThat(values).anyMatch(s -> s.contains("'") || s.contains("\""));
    long plainShort = values.stream().filter(s -> s.length() <= 10 && s.matches("[a-z]*")).count();
    assertThat(plainShort).isGreaterThan(values.size() / 4);
  }

  @Test
  void strings_respect_their_length_in_code_points() {
    List<String> values = sample(Gen.strings().ofLength(2, 5), 2000);

    assertThat(values).allMatch(s -> {
      int n = s.codePointCount(0, s.length());
      return n >= 2 && n <= 5;
    });
  }

  @Test
  void strings_with_an_alphabet_hold_only_its_characters_and_use_all_of_them() {
    List<String> values = sample(Gen.strings().ofLength(0, 8).withAlphabet("01😀"), 2000);

    assertThat(values).allMatch(s -> s.codePoints().allMatch(cp -> cp == '0' || cp == '1' || cp == 0x1F600));
    assertThat(String.join("", values)).contains("0", "1", "😀");
    assertThat(values).contains("");
    assertThat(simplest(Gen.strings().ofLength(3, 8).withAlphabet("xyz"))).isEqualTo("xxx");
    assertThat(Gen.strings().withAlphabet("ab").ofLength(1, 2).toString()).endsWith(".withAlphabet(\"ab\")");
  }

  @Test
  void an_empty_alphabet_is_a_configuration_error() {
    assertThatThrownBy(() -> Gen.strings().withAlphabet(""))
        .isInstanceOf(TollgateConfigurationException.class).hasMessageContaining("expected at least one character");
  }

  @Test
  void strings_reuse_values_already_seen_in_the_same_program() {
    Gen<List<String>> titles = Gen.lists(Gen.strings().ofLength(3, 30)).ofSize(8, 8);
    long withRepeats = sample(titles, 200).stream()
        .filter(list -> new HashSet<>(list).size() < list.size())
        .count();

    assertThat(withRepeats).isGreaterThan(50);
  }

  @Test
  void map_filter_flat_map_and_combine_compose() {
    Gen<Integer> even = Gen.integers(0, 100).filter(i -> i % 2 == 0);
    Gen<String> described = even.map(i -> "n" + i);
    Gen<List<Integer>> sized = Gen.integers(1, 4).flatMap(n -> Gen.lists(Gen.constant(n)).ofSize(n, n));
    record Pair(int left, boolean right) {}
    Gen<Pair> pairs = Gen.combine(Gen.integers(0, 3), Gen.booleans(), Pair::new);

    assertThat(sample(even, 300)).allMatch(i -> i % 2 == 0);
    assertThat(sample(described, 50)).allMatch(s -> s.matches("n\\d+"));
    assertThat(sample(sized, 100)).allMatch(list -> list.size() == list.get(0));
    assertThat(new HashSet<>(sample(pairs, 300))).hasSize(8);
  }

  record Four(int a, String b, boolean c, int d) {}

  record Five(int a, int b, int c, int d, int e) {}

  record Six(int a, int b, int c, int d, int e, int f) {}

  @Test
  void combine_of_four_five_and_six_builds_from_each_part_in_order() {
    Gen<Integer> digit = Gen.integers(0, 9);
    Gen<Four> four = Gen.combine(digit, Gen.constant("b"), Gen.booleans(), digit, Four::new);
    Gen<Five> five = Gen.combine(digit, digit, digit, digit, digit, Five::new);
    Gen<Six> six = Gen.combine(digit, digit, digit, digit, digit, digit, Six::new);

    assertThat(simplest(four)).isEqualTo(new Four(0, "b", false, 0));
    assertThat(simplest(five)).isEqualTo(new Five(0, 0, 0, 0, 0));
    assertThat(simplest(six)).isEqualTo(new Six(0, 0, 0, 0, 0, 0));
    assertThat(sample(six, 200)).extracting(Six::f).contains(1, 9);
    assertThat(sample(five, 200)).extracting(Five::e).contains(1, 9);
  }

  @Test
  void combine_of_four_five_and_six_gives_each_part_a_span_of_its_own() {
    Gen<Integer> digit = Gen.integers(0, 9);
    List<Gen<?>> gens = List.of(
        Gen.combine(digit, digit, digit, digit, (a, b, c, d) -> a),
        Gen.combine(digit, digit, digit, digit, digit, (a, b, c, d, e) -> a),
        Gen.combine(digit, digit, digit, digit, digit, digit, (a, b, c, d, e, f) -> a));
    for (int i = 0; i < gens.size(); i++) {
      ChoiceRecorder recorder = ChoiceRecorder.random(7);
      gens.get(i).generate(recorder);

      List<int[]> topLevel = recorder.allSpans().stream()
          .filter(span -> span.parent() == -1)
          .map(span -> new int[] {span.start(), span.end()})
          .toList();
      assertThat(topLevel).as("the parts of combine(%d generators)", i + 4).hasSize(i + 4);
      for (int part = 1; part < topLevel.size(); part++) {
        assertThat(topLevel.get(part)[0]).isEqualTo(topLevel.get(part - 1)[1]);
      }
      assertThat(topLevel.get(topLevel.size() - 1)[1]).isEqualTo(recorder.choices().length);
    }
  }

  @Test
  void frequency_follows_its_weights() {
    Gen<String> gen = Gen.frequency(9, Gen.constant("often"), 1, Gen.constant("rare"));
    List<String> values = sample(gen, 2000);
    long rare = values.stream().filter("rare"::equals).count();

    assertThat(rare).isBetween(100L, 320L);
  }

  @Test
  void a_filter_that_rejects_everything_gives_up_instead_of_hanging() {
    Gen<Integer> impossible = Gen.integers(0, 10).filter(i -> i > 10);

    assertThatThrownBy(() -> impossible.generate(ChoiceRecorder.random(1)))
        .isInstanceOf(Unsatisfied.class)
        .hasMessage("a filter rejected 100 generated values in a row");
  }

  @Test
  void bad_bounds_are_configuration_errors_that_say_how_to_fix_them() {
    assertThatThrownBy(() -> Gen.integers(5, 1))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("Gen.longs(5, 1): expected min <= max, found min > max; swap them.");
    assertThatThrownBy(() -> Gen.strings().ofLength(4, 2))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("expected 0 <= min <= max");
    assertThatThrownBy(() -> Gen.elements(List.of()))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("guard the command with a precondition");
  }

  @Test
  void generated_values_are_diverse() {
    Set<Integer> ints = new HashSet<>(sample(Gen.integers(), 500));
    Predicate<Integer> big = i -> Math.abs((long) i) > 1_000_000;

    assertThat(ints).hasSizeGreaterThan(200);
    assertThat(ints.stream().filter(big)).isNotEmpty();
  }
}
