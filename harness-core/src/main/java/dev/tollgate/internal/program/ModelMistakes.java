package dev.tollgate.internal.program;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.text.Printable;
import dev.tollgate.model.User;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mistakes in a model that would otherwise look like failures of the system: a generator or an
 * update that is not a pure function of the model state and Tollgate's choices, an update that
 * changes the state it was given, and exceptions thrown by the model's own code. Each gets a
 * configuration error that names the command, the step and the state, and says what to change.
 */
final class ModelMistakes {
  /** {@code Foo@1b6d3586}: the default toString, which differs between runs for the same value. */
  private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{2,8}\\b");
  /** Model states are shown up to this length in messages. */
  private static final int SHOWN = 600;

  private ModelMistakes() {}

  /** The text a value is compared by: its toString, with identity hashes taken out. */
  static String describe(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      return "<toString threw " + e + ">";
    }
    return IDENTITY.matcher(text).replaceAll("@…");
  }

  /** Fails when the update changed {@code before}, whose text was {@code untouched}. */
  static void requireUntouched(String command, int index, String untouched, Object before) {
    String now = describe(before);
    if (!now.equals(untouched)) {
      throw new TollgateConfigurationException(
          "The model update of command '" + command + "' changed the state it was given, at step "
              + (index + 1) + ", instead of returning a new one.\n  before the update: "
              + shown(untouched) + "\n  the same object after it: " + shown(now)
              + "\nExpected .update(..) to leave its input untouched: Tollgate keeps every step's"
              + " state for shrinking and reports, so a state changed in place makes later steps"
              + " and the report contradict each other. Return a new state instead (copy the"
              + " collections: new HashMap<>(old), List.copyOf(..), or a record with the changed"
              + " field).");
    }
  }

  /**
   * Fails when the same choices gave two different programs: some generator, precondition or
   * update depends on something besides the model state and Tollgate's choices.
   */
  static void requireSameProgram(String model, Program<?, ?> first, Program<?, ?> second) {
    List<? extends Step<?, ?>> a = first.steps();
    List<? extends Step<?, ?>> b = second.steps();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      Step<?, ?> x = i < a.size() ? a.get(i) : null;
      Step<?, ?> y = i < b.size() ? b.get(i) : null;
      if (x == null || y == null) {
        throw notPure(model, i, (x == null ? y : x).command().name(),
            "one generation ended before step " + (i + 1) + " and the other did not",
            "a precondition");
      }
      if (!x.command().name().equals(y.command().name()) || x.user().index() != y.user().index()) {
        String previous = i == 0 ? "the initial state" : "command '" + a.get(i - 1).command().name()
            + "' (step " + i + ")";
        throw notPure(model, i, x.command().name(),
            "the first generation took " + stepText(x) + ", the second " + stepText(y),
            "a precondition, or the state left by " + previous);
      }
      if (!describe(x.arg()).equals(describe(y.arg()))) {
        throw notPure(model, i, x.command().name(),
            "the first generation drew " + stepText(x) + ", the second " + stepText(y),
            "the argument generator of command '" + x.command().name() + "'");
      }
      String stateA = describe(x.after());
      String stateB = describe(y.after());
      if (!stateA.equals(stateB)) {
        throw notPure(model, i, x.command().name(),
            "after " + stepText(x) + " the first generation's state was " + shown(stateA)
                + ", the second's " + shown(stateB),
            sameCharacters(stateA, stateB)
                ? "a set or map in the model state ordered by identity hashes (the same contents"
                    + " in another order: its elements have no equals and hashCode)"
                : "the model update of command '" + x.command().name() + "'");
      }
    }
  }

  /** An exception from the model's own code, wrapped with where it happened. */
  static TollgateConfigurationException threw(
      String part, String command, int index, User user, Object state, RuntimeException e) {
    return new TollgateConfigurationException(
        capitalised(part) + " of command '" + command + "' threw " + e + " at step " + (index + 1)
            + " for " + user + ".\n  model state: " + shown(describe(state))
            + "\nExpected the model's own code to handle every state it can be given: guard it"
            + " (a precondition with .when(..), or a case for this state), so that only the"
            + " system's answers can fail a check.",
        e);
  }

  private static TollgateConfigurationException notPure(
      String model, int index, String command, String difference, String suspect) {
    return new TollgateConfigurationException(
        "Model '" + model + "': the same choices gave two different programs, at step "
            + (index + 1) + " (command '" + command + "'): " + difference + ". Suspect: " + suspect
            + ". Expected generators, preconditions and updates to depend only on the model state,"
            + " the user and Tollgate's choices, so that a seed replays a program and shrinking"
            + " keeps its meaning. Draw random values only from Gen (not Math.random, Random, the"
            + " clock or a counter), keep the model state immutable and made fresh by"
            + " initialState(), and do not pick from a set or map ordered by identity (give its"
            + " elements equals and hashCode, or use a List or a TreeMap).");
  }

  /** Whether {@code a} and {@code b} hold the same characters, in any order. */
  private static boolean sameCharacters(String a, String b) {
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  private static String stepText(Step<?, ?> step) {
    return shown(describe(step.describe()));
  }

  private static String shown(String text) {
    String escaped = Printable.line(text);
    return escaped.length() <= SHOWN ? escaped : escaped.substring(0, SHOWN) + "…";
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
