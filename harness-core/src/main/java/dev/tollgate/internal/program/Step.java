package dev.tollgate.internal.program;

import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.model.Call;
import dev.tollgate.model.Command;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import java.util.List;

/** One generated step: who does what, with which argument, and the model states around it. */
public final class Step<M, S> implements Call<Object> {
  private final int index;
  private final User user;
  private final Command<M, S> command;
  private final Object arg;
  /** The refs this step makes, in slot order; their values live in each run's {@link Bindings}. */
  private final List<Ref<?>> refs;
  private final M before;
  private M after;
  private String userStateAfter;
  private String description;

  Step(int index, User user, Command<M, S> command, Object arg, List<Ref<?>> refs, M before) {
    this.index = index;
    this.user = user;
    this.command = command;
    this.arg = arg;
    this.refs = refs;
    this.before = before;
  }

  void finish(M after, String userStateAfter) {
    this.after = after;
    this.userStateAfter = userStateAfter;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public Object arg() {
    return arg;
  }

  @Override
  public int step() {
    return index;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> Ref<V> ref() {
    if (refs.size() != 1 || command.refLabels().size() != 1
        || command.yieldsList(command.refLabels().get(0))) {
      throw new TollgateConfigurationException(refs.isEmpty() && !command.yieldsRef()
          ? "Command '" + command.name() + "' asked for call.ref(), but it makes no reference."
              + " Declare one with .yields(result -> result.id()) after .run(..)."
          : "Command '" + command.name() + "' asked for call.ref(), but step " + (index + 1)
              + " makes " + refs.size() + " references " + refs + ". Expected call.ref() only"
              + " for a step with one; name the one meant: " + namedAs() + ".");
    }
    return (Ref<V>) refs.get(0);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> Ref<V> ref(String label) {
    List<Ref<?>> labelled = labelled(label);
    if (labelled.size() != 1 || command.yieldsList(label)) {
      throw new TollgateConfigurationException(
          "Command '" + command.name() + "' asked for call.ref(\"" + label + "\"), but step "
              + (index + 1) + " makes " + (labelled.isEmpty() ? "no reference labelled '"
              + label + "'" : labelled.size() + " labelled '" + label + "' (a .yieldsEach)")
              + ". Expected one of: " + namedAs() + ".");
    }
    return (Ref<V>) labelled.get(0);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> List<Ref<V>> refs(String label) {
    if (!command.refLabels().contains(label)) {
      throw new TollgateConfigurationException(
          "Command '" + command.name() + "' asked for call.refs(\"" + label + "\"), but it"
              + " makes no reference labelled '" + label + "'. Expected one of: " + namedAs()
              + ".");
    }
    return (List<Ref<V>>) (List<?>) labelled(label);
  }

  private List<Ref<?>> labelled(String label) {
    List<Ref<?>> out = new java.util.ArrayList<>();
    for (Ref<?> ref : refs) {
      if (ref.label().equals(label)) {
        out.add(ref);
      }
    }
    return out;
  }

  /** How this step's references are asked for, e.g. {@code call.ref("token"), call.refs("todo")}. */
  private String namedAs() {
    if (!command.yieldsRef()) {
      return "none (declare one with .yields(\"label\", result -> result.id()))";
    }
    List<String> ways = new java.util.ArrayList<>();
    for (String label : command.refLabels()) {
      ways.add(command.yieldsList(label)
          ? "call.refs(\"" + label + "\")" : "call.ref(\"" + label + "\")");
    }
    return String.join(", ", ways);
  }

  /** The refs this step makes, in the order the command declares them; empty if none. */
  public List<Ref<?>> refs() {
    return refs;
  }

  public Command<M, S> command() {
    return command;
  }

  public M before() {
    return before;
  }

  public M after() {
    return after;
  }

  public String userStateAfter() {
    return userStateAfter;
  }

  /**
   * How reports show this step without a run's values, e.g. {@code user1 add_todo("milk") →
   * todo#2}.
   */
  public String describe() {
    return describe(null);
  }

  /**
   * How reports show this step in the run whose values {@code bindings} holds, e.g. {@code user1
   * add_todo("milk") → todo#2 = 17}: each reference with what the system returned for it in
   * that run (none for a null {@code bindings}, or a reference the run did not bind).
   */
  public String describe(Bindings bindings) {
    if (description == null) {
      description = user.name() + " " + command.describe(this);
    }
    if (refs.isEmpty()) {
      return description;
    }
    StringBuilder out = new StringBuilder(description).append(" → ");
    for (int i = 0; i < refs.size(); i++) {
      Ref<?> ref = refs.get(i);
      out.append(i == 0 ? "" : ", ").append(ref);
      int slot = Command.slotOf(ref);
      if (bindings != null && bindings.of(ref) && bindings.bound(slot)) {
        Object value = bindings.value(slot);
        // A session token is a value the system returns too; never show one.
        out.append(" = ").append(Redactor.isSecretName(ref.label()) ? Redactor.maskValue(value) : value);
      }
    }
    return out.toString();
  }

  /** A key that tells programs apart: same command, user and argument text. */
  String key() {
    return command.name() + '@' + user.index() + '(' + arg + ')';
  }

  @Override
  public String toString() {
    return describe();
  }
}
