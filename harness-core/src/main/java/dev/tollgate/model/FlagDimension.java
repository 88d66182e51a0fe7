package dev.tollgate.model;

import java.util.Objects;

/**
 * A flag the model varies programs along, declared with {@link ModelBuilder#programFlag} or
 * {@link ModelBuilder#userFlag}.
 *
 * @param name the flag's name, as {@link Flags#on(String)} and reports use it
 * @param perUser drawn for each user (staff, a rollout), else once per program (a feature on or off)
 * @param percentOn how often it is drawn on, 1 to 99: a rollout's percentage
 * @param apply for a program flag, what makes the running system see its value; run after every
 *     reset, before the program's first step
 */
public record FlagDimension(String name, boolean perUser, int percentOn, FlagSetter apply) {

  public FlagDimension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apply, "apply");
  }

  /** Tells the running system a program flag's value: a flag-service stub, say. */
  @FunctionalInterface
  public interface FlagSetter {
    void set(boolean on) throws Exception;
  }
}
