package dev.tollgate.internal.program;

import dev.tollgate.gen.Distribution;
import dev.tollgate.model.FlagDimension;
import dev.tollgate.model.Flags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flag values of one program: each program flag once, each user flag per user. They are
 * drawn from the program's choices before its first step, 0 (off) being the simpler choice, so
 * shrinking tries a failure with the flag off and a replay draws the same values.
 */
public final class ProgramFlags {
  private static final ProgramFlags NONE = new ProgramFlags(List.of(), new boolean[0], List.of());

  private final List<FlagDimension> dimensions;
  /** Per dimension: its program value, or unused for a user flag. */
  private final boolean[] programValues;
  private final List<Flags> users;

  private ProgramFlags(List<FlagDimension> dimensions, boolean[] programValues, List<Flags> users) {
    this.dimensions = dimensions;
    this.programValues = programValues;
    this.users = users;
  }

  public static ProgramFlags none() {
    return NONE;
  }

  /** Draws the values; a model without flags draws nothing, so its programs stay as they were. */
  static ProgramFlags draw(List<FlagDimension> dimensions, int userCount, ChoiceRecorder choices) {
    if (dimensions.isEmpty()) {
      return NONE;
    }
    boolean[] program = new boolean[dimensions.size()];
    boolean[][] perUser = new boolean[userCount][dimensions.size()];
    for (int d = 0; d < dimensions.size(); d++) {
      FlagDimension flag = dimensions.get(d);
      Distribution on = Distribution.bernoulli(flag.percentOn() / 100.0);
      if (!flag.perUser()) {
        program[d] = choices.choose(2, on) == 1;
      } else {
        for (int u = 0; u < userCount; u++) {
          perUser[u][d] = choices.choose(2, on) == 1;
        }
      }
    }
    List<Flags> users = new ArrayList<>();
    for (int u = 0; u < userCount; u++) {
      Map<String, Boolean> values = new LinkedHashMap<>();
      for (int d = 0; d < dimensions.size(); d++) {
        values.put(dimensions.get(d).name(), dimensions.get(d).perUser() ? perUser[u][d] : program[d]);
      }
      users.add(Flags.of(values));
    }
    return new ProgramFlags(List.copyOf(dimensions), program, List.copyOf(users));
  }

  public boolean isEmpty() {
    return dimensions.isEmpty();
  }

  /** What user {@code index} sees: the program flags and its own. */
  public Flags of(int index) {
    return users.isEmpty() ? Flags.none() : users.get(index);
  }

  /** Tells the running system each program flag's value, in declared order. */
  public void apply() throws Exception {
    for (int d = 0; d < dimensions.size(); d++) {
      if (!dimensions.get(d).perUser()) {
        dimensions.get(d).apply().set(programValues[d]);
      }
    }
  }

  /** e.g. {@code pinning on; user1: staff on; user2: staff off}, for failure reports. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (int d = 0; d < dimensions.size(); d++) {
      if (!dimensions.get(d).perUser()) {
        parts.add(dimensions.get(d).name() + (programValues[d] ? " on" : " off"));
      }
    }
    for (int u = 0; u < users.size(); u++) {
      List<String> own = new ArrayList<>();
      for (FlagDimension flag : dimensions) {
        if (flag.perUser()) {
          own.add(flag.name() + (users.get(u).on(flag.name()) ? " on" : " off"));
        }
      }
      if (!own.isEmpty()) {
        parts.add("user" + (u + 1) + ": " + String.join(", ", own));
      }
    }
    return String.join("; ", parts);
  }

  /**
   * How a step's coverage counts under each flag: {@code as staff} / {@code as not staff} for the
   * acting user's flags, {@code pinning on} / {@code pinning off} for the program's.
   */
  public List<String> labels(int user) {
    List<String> labels = new ArrayList<>();
    for (int d = 0; d < dimensions.size(); d++) {
      FlagDimension flag = dimensions.get(d);
      labels.add(flag.perUser()
          ? (users.get(user).on(flag.name()) ? "as " : "as not ") + flag.name()
          : flag.name() + (programValues[d] ? " on" : " off"));
    }
    return labels;
  }
}
