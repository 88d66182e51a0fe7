package dev.tollgate.model;

import java.util.List;

/** The functional shapes of a command's parts. */
public final class Functions {
  private Functions() {}

  /** A side-effect-free precondition on the model state and the acting user. */
  @FunctionalInterface
  public interface Precondition<M> {
    boolean test(M model, User user);
  }

  /**
   * Predicts which way a branching transition goes ({@code toWhen(..)}), from the model state
   * before the step and the call; never from the system's answer, which does not exist yet.
   */
  @FunctionalInterface
  public interface Prediction<M, A> {
    boolean test(M before, Call<A> call);
  }

  /** Chooses the argument generator from the model state, e.g. among known references. */
  @FunctionalInterface
  public interface ArgumentSource<M, A> {
    dev.tollgate.gen.Gen<A> gen(M model, User user);
  }

  /** The action against the system, through the acting user's client. */
  @FunctionalInterface
  public interface Action<S, A, R> {
    R run(S client, A arg) throws Exception;
  }

  /**
   * The action against the system, seeing the whole call: who acts, with which argument, at
   * which step, and the references the step makes.
   */
  @FunctionalInterface
  public interface CallAction<S, A, R> {
    R run(S client, Call<A> call) throws Exception;
  }

  /**
   * A step that needs no client: fault injection, waiting, a change to a stub. It sees the call;
   * its result is null.
   */
  @FunctionalInterface
  public interface Effect<A> {
    void run(Call<A> call) throws Exception;
  }

  /** A step that only checks, given the model state before it: an eventual effect, say. */
  @FunctionalInterface
  public interface StepCheck<M, A> {
    void check(M before, Call<A> call) throws Exception;
  }

  /** Extracts the value a reference is bound to from the action's result. */
  @FunctionalInterface
  public interface Extractor<R> {
    Object extract(R result) throws Exception;
  }

  /** Extracts the value of a typed reference ({@code yields(Label<V>, ..)}) from the result. */
  @FunctionalInterface
  public interface Value<R, V> {
    V extract(R result) throws Exception;
  }

  /**
   * Extracts the values of a typed list of references ({@code yieldsEach(Label<V>, ..)}) from
   * the result, one per reference, in order.
   */
  @FunctionalInterface
  public interface Values<R, V> {
    List<? extends V> extract(R result) throws Exception;
  }

  /** The postcondition: checks the result against the model state before the step. */
  @FunctionalInterface
  public interface Expectation<M, A, R> {
    void check(M before, Call<A> call, R result) throws Exception;
  }

  /** The model update: returns the model state after the step (without mutating the old one). */
  @FunctionalInterface
  public interface Update<M, A> {
    M apply(M before, Call<A> call);
  }

  /** Describes a step for reports, e.g. {@code add_todo("milk")}. */
  @FunctionalInterface
  public interface Description<A> {
    String describe(Call<A> call);
  }
}
