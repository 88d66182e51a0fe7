package dev.tollgate.internal.program;

import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.model.Call;
import dev.tollgate.model.Command;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;

/** One generated step: who does what, with which argument, and the model states around it. */
public final class Step<M, S> implements Call<Object> {
  private final int index;
  private final User user;
  private final Command<M, S> command;
  private final Object arg;
  private final Ref<?> ref;
  private final M before;
  private M after;
  private String userStateAfter;
  private String description;

  Step(int index, User user, Command<M, S> command, Object arg, Ref<?> ref, M before) {
    this.index = index;
    this.user = user;
    this.command = command;
    this.arg = arg;
    this.ref = ref;
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
    if (ref == null) {
      throw new dev.tollgate.TollgateConfigurationException(
          "Command '" + command.name() + "' asked for call.ref(), but it makes no reference."
              + " Declare one with .yields(result -> result.id()) after .run(..).");
    }
    return (Ref<V>) ref;
  }

  public Ref<?> refOrNull() {
    return ref;
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
   * How reports show this step, e.g. {@code user1 add_todo("milk") → todo#2 = 17}: the value
   * after {@code =} is what the system returned for the reference in the last run.
   */
  public String describe() {
    if (description == null) {
      description = user.name() + " " + command.describe(this);
    }
    if (ref == null) {
      return description;
    }
    if (!ref.isBound()) {
      return description + " → " + ref;
    }
    // A session token is a value the system returns too; never show one.
    Object value = Redactor.isSecretName(ref.label()) ? Redactor.maskValue(ref.get()) : ref.get();
    return description + " → " + ref + " = " + value;
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
