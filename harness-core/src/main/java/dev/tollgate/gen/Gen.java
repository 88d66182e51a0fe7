package dev.tollgate.gen;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.gen.Indexes;
import dev.tollgate.internal.gen.Unsatisfied;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a pure function from recorded {@link Choices} to a value.
 *
 * <p>The static methods are the entry point for building generators: {@code Gen.integers(1, 10)},
 * {@code Gen.strings().ofLength(1, 80)}, {@code Gen.lists(g).ofSize(0, 5)}, {@code
 * Gen.elements(..)}, {@code Gen.oneOf(..)}, {@code Gen.frequency(..)}, {@code Gen.combine(..)}.
 * A smaller choice always gives a simpler value, so shrinking makes values simpler.
 */
@FunctionalInterface
public interface Gen<T> {

  /** How many times {@link #filter} tries before it gives up. */
  int FILTER_ATTEMPTS = 100;

  /** Draws one value. */
  T generate(Choices choices);

  default <U> Gen<U> map(Function<? super T, ? extends U> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return choices -> mapper.apply(generate(choices));
  }

  default <U> Gen<U> flatMap(Function<? super T, ? extends Gen<? extends U>> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return choices -> {
      T first = generate(choices);
      return dependent(choices, mapper.apply(first));
    };
  }

  /**
   * Keeps only values that pass {@code predicate}. After {@value #FILTER_ATTEMPTS} rejections in a
   * row the generator gives up, and Tollgate reports the command whose argument it was.
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return choices -> {
      for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
        choices.beginSpan();
        T value = generate(choices);
        choices.endSpan();
        if (predicate.test(value)) {
          return value;
        }
      }
      throw new Unsatisfied(
          "a filter rejected " + FILTER_ATTEMPTS + " generated values in a row");
    };
  }

  // ---- the building blocks ----

  static <T> Gen<T> constant(T value) {
    return choices -> value;
  }

  static Gen<Boolean> booleans() {
    return choices -> choices.choose(2) == 1;
  }

  /** Integers in {@code [min, max]}, simplest (nearest zero) first, edges over-weighted. */
  static Gen<Integer> integers(int min, int max) {
    return longs(min, max).map(Long::intValue);
  }

  static Gen<Integer> integers() {
    return integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Longs in {@code [min, max]}; the range may not span the whole of {@code long}. */
  static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new TollgateConfigurationException(
          "Gen.longs(" + min + ", " + max + "): expected min <= max, found min > max; swap them.");
    }
    long size;
    try {
      size = Math.addExact(Math.subtractExact(max, min), 1);
    } catch (ArithmeticException tooWide) {
      throw new TollgateConfigurationException(
          "Gen.longs(" + min + ", " + max + "): the range is wider than a long can count;"
              + " narrow it, e.g. Gen.longs(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2).");
    }
    return choices -> {
      // Same layout of choices whatever the pool holds (see StringGen): a reuse with nothing to
      // reuse gives the simplest value.
      List<Object> seen = choices.pool(Long.class);
      if (choices.choose(2, Distribution.bernoulli(seen.isEmpty() ? 0 : 0.2)) == 1) {
        int pick = choices.choose(Math.max(1, seen.size()));
        long reused = pick < seen.size() ? (Long) seen.get(pick) : Indexes.simplestFirst(min, max, 0);
        return reused >= min && reused <= max ? reused : Indexes.simplestFirst(min, max, 0);
      }
      long index = Indexes.draw(choices, size, Distribution.smallBiased());
      long value = Indexes.simplestFirst(min, max, index);
      seen.add(value);
      return value;
    };
  }

  /** Strings, with the values that break services over-weighted. See {@link StringGen}. */
  static StringGen strings() {
    return StringGen.DEFAULT;
  }

  static <T> ListGen<T> lists(Gen<T> element) {
    return new ListGen<>(Objects.requireNonNull(element, "element"), 0, ListGen.DEFAULT_MAX);
  }

  /** One of the given values; earlier values are simpler. */
  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    return elements(Arrays.asList(values));
  }

  /** One of the given values; earlier values are simpler. */
  static <T> Gen<T> elements(Collection<? extends T> values) {
    if (values.isEmpty()) {
      throw new TollgateConfigurationException(
          "Gen.elements(..) was given no values to choose from. If they come from the model"
              + " state, guard the command with a precondition, e.g."
              + " .when((model, user) -> !model.ids().isEmpty()).");
    }
    List<T> copy = List.copyOf(values);
    return choices -> copy.get(choices.choose(copy.size()));
  }

  /** A value from one of the generators; earlier generators are simpler. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = List.of(gens);
    if (copy.isEmpty()) {
      throw new TollgateConfigurationException("Gen.oneOf(..) needs at least one generator.");
    }
    return choices -> dependent(choices, copy.get(choices.choose(copy.size())));
  }

  static <T> Gen<T> frequency(int weight1, Gen<? extends T> gen1, int weight2, Gen<? extends T> gen2) {
    return frequency(List.of(new Weighted<T>(weight1, gen1), new Weighted<T>(weight2, gen2)));
  }

  static <T> Gen<T> frequency(
      int weight1, Gen<? extends T> gen1,
      int weight2, Gen<? extends T> gen2,
      int weight3, Gen<? extends T> gen3) {
    return frequency(
        List.of(
            new Weighted<T>(weight1, gen1),
            new Weighted<T>(weight2, gen2),
            new Weighted<T>(weight3, gen3)));
  }

  /** A value from one of the generators, picked by weight; earlier entries are simpler. */
  static <T> Gen<T> frequency(List<Weighted<T>> entries) {
    if (entries.isEmpty()) {
      throw new TollgateConfigurationException("Gen.frequency(..) needs at least one entry.");
    }
    List<Weighted<T>> copy = new ArrayList<>(entries);
    int[] weights = new int[copy.size()];
    for (int i = 0; i < weights.length; i++) {
      if (copy.get(i).weight() < 0) {
        throw new TollgateConfigurationException(
            "Gen.frequency(..): entry " + (i + 1) + " has weight " + copy.get(i).weight()
                + "; expected a weight of 0 or more.");
      }
      weights[i] = copy.get(i).weight();
    }
    Distribution byWeight = Distribution.weighted(weights);
    return choices -> dependent(choices, copy.get(choices.choose(copy.size(), byWeight)).gen());
  }

  /**
   * One value built from two to six generated parts, e.g. by a record's constructor: {@code
   * Gen.combine(titles, bodies, tags, flags, Article::new)}. Each part is generated in a span of
   * its own, so shrinking simplifies a failing argument part by part, and the default step
   * description shows each component by name: {@code add(title="a", tags=[], draft=false)}.
   */
  static <A, B, R> Gen<R> combine(
      Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
    return choices -> combiner.apply(part(choices, first), part(choices, second));
  }

  /** As {@link #combine(Gen, Gen, BiFunction)}, from three parts. */
  static <A, B, C, R> Gen<R> combine(
      Gen<A> first, Gen<B> second, Gen<C> third, Combiner3<A, B, C, R> combiner) {
    return choices ->
        combiner.apply(part(choices, first), part(choices, second), part(choices, third));
  }

  /** As {@link #combine(Gen, Gen, BiFunction)}, from four parts. */
  static <A, B, C, D, R> Gen<R> combine(
      Gen<A> first, Gen<B> second, Gen<C> third, Gen<D> fourth,
      Combiner4<A, B, C, D, R> combiner) {
    return choices -> combiner.apply(
        part(choices, first), part(choices, second), part(choices, third),
        part(choices, fourth));
  }

  /** As {@link #combine(Gen, Gen, BiFunction)}, from five parts. */
  static <A, B, C, D, E, R> Gen<R> combine(
      Gen<A> first, Gen<B> second, Gen<C> third, Gen<D> fourth, Gen<E> fifth,
      Combiner5<A, B, C, D, E, R> combiner) {
    return choices -> combiner.apply(
        part(choices, first), part(choices, second), part(choices, third),
        part(choices, fourth), part(choices, fifth));
  }

  /** As {@link #combine(Gen, Gen, BiFunction)}, from six parts. */
  static <A, B, C, D, E, F, R> Gen<R> combine(
      Gen<A> first, Gen<B> second, Gen<C> third, Gen<D> fourth, Gen<E> fifth, Gen<F> sixth,
      Combiner6<A, B, C, D, E, F, R> combiner) {
    return choices -> combiner.apply(
        part(choices, first), part(choices, second), part(choices, third),
        part(choices, fourth), part(choices, fifth), part(choices, sixth));
  }

  /**
   * Generates with {@code gen} in a span of its own: the choices whose meaning depends on the
   * choice just made (a branch of oneOf, the second half of a flatMap). Shrinking lowers that
   * choice and simplifies or replaces this span together, so a branch switch can succeed.
   */
  private static <U> U dependent(Choices choices, Gen<? extends U> gen) {
    choices.beginSpan();
    U value = gen.generate(choices);
    choices.endSpan();
    return value;
  }

  /** One part of a combined value, in a span of its own, so shrinking can move it alone. */
  private static <U> U part(Choices choices, Gen<U> gen) {
    return dependent(choices, gen);
  }

  /** A weight and the generator it applies to, for {@link #frequency(List)}. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {}

  /** Builds a value from three generated parts. */
  @FunctionalInterface
  interface Combiner3<A, B, C, R> {
    R apply(A first, B second, C third);
  }

  /** Builds a value from four generated parts. */
  @FunctionalInterface
  interface Combiner4<A, B, C, D, R> {
    R apply(A first, B second, C third, D fourth);
  }

  /** Builds a value from five generated parts. */
  @FunctionalInterface
  interface Combiner5<A, B, C, D, E, R> {
    R apply(A first, B second, C third, D fourth, E fifth);
  }

  /** Builds a value from six generated parts. */
  @FunctionalInterface
  interface Combiner6<A, B, C, D, E, F, R> {
    R apply(A first, B second, C third, D fourth, E fifth, F sixth);
  }
}
