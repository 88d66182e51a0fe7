package dev.tollgate.models;

import dev.tollgate.check.Expect;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.Response;
import dev.tollgate.model.Bundle;
import dev.tollgate.model.Command;
import dev.tollgate.model.CommandSpec;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A user's session as a machine: {@code new --register--> logged_out --login--> logged_in
 * --logout--> logged_out}, and {@code stale_token}: a token from before a logout must be refused.
 *
 * <pre>{@code
 * Sessions sessions = Sessions.api()                 // POST /users, POST /sessions, DELETE /sessions/current
 *     .probe("GET", "/todos");                       // what a stale token is tried on
 * Model.define("todo-app", Http.class, World::empty)
 *     .userStates(Sessions.STATES)
 *     .commands(sessions.commands())
 * }</pre>
 *
 * <p>Each user gets a name ({@code user1}, …) and a password; the token from login is kept by the
 * user's {@link Http} session and sent as {@code Authorization: Bearer …}, or kept as a cookie
 * ({@link #cookieAuth(String)}). Paths, JSON field names, status codes and the auth style are
 * configurable for the small differences between real APIs.
 */
public final class Sessions {
  public static final String NEW = "new";
  public static final String LOGGED_OUT = "logged_out";
  public static final String LOGGED_IN = "logged_in";
  /** The states, in order; users start in {@link #NEW}. */
  public static final Object[] STATES = {NEW, LOGGED_OUT, LOGGED_IN};

  /** Each user's account, as the model knows it. */
  public record Account(Ref<String> token, List<Ref<String>> staleTokens) {
    static final Account NONE = new Account(null, List.of());
  }

  /** What login answered, and the session token it gave (from the body or a cookie). */
  private record Login(Response response, String token) {}

  private static final Key<PerUser<Account>> KEY = Key.of("sessions", PerUser.of(Account.NONE));
  /** The acting user's tokens from before a logout, for {@code stale_token}. */
  private static final Bundle<World, Ref<String>> STALE_TOKENS =
      Bundle.perUser((world, user) -> account(world, user.index()).staleTokens());

  private String registerPath = "/users";
  private String loginPath = "/sessions";
  private String logoutPath = "/sessions/current";
  private String nameField = "name";
  private String passwordField = "password";
  private String tokenField = "token";
  private int registered = 201;
  private int loggedIn = 201;
  private int loggedOut = 204;
  private int unauthorized = 401;
  private String probeMethod = "GET";
  private String probePath = "/";
  private IntFunction<String> names = user -> "user" + (user + 1);
  /** When set, names users by what the model knows of them (their flags), not by index alone. */
  private Function<User, String> userNames;
  private String sessionCookie;

  private Sessions() {}

  /** The defaults: {@code POST /users}, {@code POST /sessions}, {@code DELETE /sessions/current}. */
  public static Sessions api() {
    return new Sessions();
  }

  public Sessions paths(String register, String login, String logout) {
    this.registerPath = register;
    this.loginPath = login;
    this.logoutPath = logout;
    return this;
  }

  public Sessions fields(String name, String password, String token) {
    this.nameField = name;
    this.passwordField = password;
    this.tokenField = token;
    return this;
  }

  public Sessions statuses(int registered, int loggedIn, int loggedOut, int unauthorized) {
    this.registered = registered;
    this.loggedIn = loggedIn;
    this.loggedOut = loggedOut;
    this.unauthorized = unauthorized;
    return this;
  }

  /** The request a stale token is tried on; it must answer {@code unauthorized}. */
  public Sessions probe(String method, String path) {
    this.probeMethod = method;
    this.probePath = path;
    return this;
  }

  /**
   * Sessions kept in a cookie of this name instead of a bearer token: login sets it, the user's
   * {@link Http} session sends it back, and a stale one is tried as {@code Cookie: name=value}.
   */
  public Sessions cookieAuth(String cookieName) {
    this.sessionCookie = Objects.requireNonNull(cookieName, "cookieName");
    return this;
  }

  /** The name of user {@code index} (0-based); default {@code user1}, {@code user2}, … */
  public Sessions names(IntFunction<String> names) {
    this.names = Objects.requireNonNull(names, "names");
    return this;
  }

  public String nameOf(int user) {
    return names.apply(user);
  }

  /**
   * Names users by their flags too: a model with a {@code staff} user flag registers staff users
   * under names the app makes staff, e.g. {@code user -> (user.flags().on("staff") ? "staff" :
   * "user") + (user.index() + 1)}. Registration and login then take the name as their argument.
   */
  public Sessions namesBy(Function<User, String> byUser) {
    this.userNames = Objects.requireNonNull(byUser, "byUser");
    return this;
  }

  /** The name {@code user} registers and logs in with, in its program. */
  public String nameOf(User user) {
    return userNames == null ? nameOf(user.index()) : userNames.apply(user);
  }

  /** The account of {@code user} in {@code world}. */
  public static Account account(World world, int user) {
    return world.get(KEY).get(user);
  }

  private Map<String, Object> credentials(String name) {
    return Map.of(nameField, name, passwordField, "pw-" + name + "-secret");
  }

  /** The commands of this machine, to add to a model with {@code .commands(..)}. */
  public List<CommandSpec<World, Http>> commands() {
    List<CommandSpec<World, Http>> commands = new ArrayList<>();
    commands.add(Command.<World, Http>named("register").from(NEW).to(LOGGED_OUT)
        .with((world, user) -> Gen.constant(nameOf(user)))
        .run((http, name) -> http.post(registerPath, credentials(name)))
        .expect((world, call, response) -> Expect.status("register", registered, response))
        .describedAs(call -> "register(" + call.arg() + ")"));
    commands.add(Command.<World, Http>named("login").from(LOGGED_OUT).to(LOGGED_IN)
        .with((world, user) -> Gen.constant(nameOf(user)))
        .run((http, name) -> {
          Response response = http.post(loginPath, credentials(name));
          String token = null;
          if (response.status() == loggedIn) {
            if (sessionCookie == null) {
              token = response.path(tokenField);
              http.bearer(token);
            } else {
              token = http.cookie(sessionCookie);
            }
          }
          return new Login(response, token);
        })
        .yields("token", Login::token)
        .expect((world, call, login) -> {
          Expect.status("login", loggedIn, login.response());
          Expect.equal(sessionCookie == null
                  ? "login: a token in field '" + tokenField + "'"
                  : "login: a session cookie '" + sessionCookie + "'",
              true, login.token() != null, login.response());
        })
        .update((world, call) -> world.update(KEY, users -> users.update(call.user().index(),
            account -> new Account(call.ref(), account.staleTokens()))))
        .describedAs(call -> "login(" + call.arg() + ")"));
    commands.add(Command.<World, Http>named("logout").from(LOGGED_IN).to(LOGGED_OUT)
        .run((http, none) -> {
          Response response = http.delete(logoutPath);
          http.bearer(null);
          return response;
        })
        .expect((world, call, response) -> Expect.status("logout", loggedOut, response))
        .update((world, call) -> world.update(KEY, users -> users.update(call.user().index(),
            account -> {
              List<Ref<String>> stale = new ArrayList<>(account.staleTokens());
              stale.add(account.token());
              return new Account(null, List.copyOf(stale));
            }))));
    commands.add(Command.<World, Http>named("stale_token").from(LOGGED_OUT)
        .with(STALE_TOKENS)
        .run((http, token) -> http.request(probeMethod, probePath)
            .header(sessionCookie == null ? "Authorization" : "Cookie",
                sessionCookie == null ? "Bearer " + token.get() : sessionCookie + "=" + token.get())
            .send())
        .expect((world, call, response) ->
            Expect.status("a token from before logout on " + probeMethod + " " + probePath,
                unauthorized, response))
        .describedAs(call -> "stale_token(" + call.arg() + ")"));
    return commands;
  }
}
