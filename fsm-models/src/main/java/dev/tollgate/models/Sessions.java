package dev.tollgate.models;

import dev.tollgate.check.Expect;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.Response;
import dev.tollgate.http.Session;
import dev.tollgate.model.Bundle;
import dev.tollgate.model.Call;
import dev.tollgate.model.Command;
import dev.tollgate.model.CommandBuilder;
import dev.tollgate.model.CommandSpec;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * A user's session as a machine: {@code new --register--> logged_out --login--> logged_in
 * --logout--> logged_out}, and {@code stale_token}: a session from before a logout must be refused.
 *
 * <pre>{@code
 * Sessions sessions = Sessions.api()                 // POST /users, POST /sessions, DELETE /sessions/current
 *     .token("user.token")                           // where login's answer holds the token
 *     .probe("GET", "/todos");                       // what a stale session is tried on
 * Model.define("todo-app", Http.class, World::empty)
 *     .userStates(Sessions.STATES)
 *     .commands(sessions.commands())
 * }</pre>
 *
 * <p>Each user gets a name ({@code user1}, …) and a password. The session login gives is kept by
 * the user's own {@link Http}, the easy default: other machines' commands just use {@code http},
 * which sends {@code Authorization: Bearer …} (or {@link #authorization(String) another scheme},
 * or {@link #tokenHeader(String) a header}) or the session cookie ({@link #cookieAuth(String)}).
 * It is also kept in the model state as a {@link Session} value ({@link Account}), which is how a
 * stale one is tried after logout. With {@link #severalPerUser()} a user logs in again while logged
 * in and holds several live sessions at once: {@link #sessions()} draws one for any command. Paths,
 * JSON paths, status codes and the auth style are configurable for the small differences between
 * real APIs; {@link #registerLogsIn()} is for APIs whose registration answers with a session.
 */
public final class Sessions {
  public static final String NEW = "new";
  public static final String LOGGED_OUT = "logged_out";
  public static final String LOGGED_IN = "logged_in";
  /** The states, in order; users start in {@link #NEW}. */
  public static final Object[] STATES = {NEW, LOGGED_OUT, LOGGED_IN};

  /**
   * Each user's sessions, as the model knows them: the one the user's {@link Http} sends (null
   * while logged out), the user's other live ones (only with {@link #severalPerUser()}), the
   * ones a logout ended, and the user's id from register's answer ({@link #userId(String)}; null
   * without it). JSON numbers come as {@code Long}, text as {@code String}.
   */
  public record Account(Ref<Session> current, List<Ref<Session>> others, List<Ref<Session>> stale,
      Ref<Object> id) {
    static final Account NONE = new Account(null, List.of(), List.of(), null);

    /** Every session that still works: the user's own first. */
    public List<Ref<Session>> live() {
      List<Ref<Session>> live = new ArrayList<>();
      if (current != null) {
        live.add(current);
      }
      live.addAll(others);
      return List.copyOf(live);
    }

    Account loggedIn(Ref<Session> next) {
      List<Ref<Session>> kept = new ArrayList<>(others);
      if (current != null) {
        kept.add(current);
      }
      return new Account(next, List.copyOf(kept), stale, id);
    }

    /** The user's own session ended; the newest other one, if any, takes its place. */
    Account loggedOut() {
      List<Ref<Session>> ended = new ArrayList<>(stale);
      ended.add(current);
      Ref<Session> next = others.isEmpty() ? null : others.get(others.size() - 1);
      List<Ref<Session>> rest = others.isEmpty() ? others : others.subList(0, others.size() - 1);
      return new Account(next, List.copyOf(rest), List.copyOf(ended), id);
    }

    Account withId(Ref<Object> id) {
      return new Account(current, others, stale, id);
    }
  }

  /** What login (or a register that logs in) answered, and the session it gave. */
  private record Login(Response response, Session session) {}

  private static final Key<PerUser<Account>> KEY = Key.of("sessions", PerUser.of(Account.NONE));
  private static final Bundle<World, Ref<Session>> STALE =
      Bundle.perUser((world, user) -> account(world, user.index()).stale());
  private static final Bundle<World, Ref<Session>> OTHERS =
      Bundle.perUser((world, user) -> account(world, user.index()).others());
  private static final Bundle<World, Ref<Session>> LIVE =
      Bundle.perUser((world, user) -> account(world, user.index()).live());

  private String registerPath = "/users";
  private String loginPath = "/sessions";
  private String logoutPath = "/sessions/current";
  private String nameField = "name";
  private String passwordField = "password";
  private String tokenPath = "token";
  private String userIdPath;
  private int registered = 201;
  private int loggedIn = 201;
  private int loggedOut = 204;
  private int unauthorized = 401;
  private String probeMethod = "GET";
  private String probePath = "/";
  private int probeOk = 200;
  private IntFunction<String> names = user -> "user" + (user + 1);
  /** When set, names users by what the model knows of them (their flags), not by index alone. */
  private Function<User, String> userNames;
  private String sessionCookie;
  private String scheme = "Bearer";
  private String tokenHeader;
  private boolean registerLogsIn;
  private boolean several;

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

  /** The request's name and password fields, and the {@link #token(String) token's path}. */
  public Sessions fields(String name, String password, String token) {
    this.nameField = name;
    this.passwordField = password;
    return token(token);
  }

  /**
   * Where login's answer holds the token, as a JSON path: {@code "token"} (the default), {@code
   * "user.token"}, {@code "data.session.id"}. A register that {@link #registerLogsIn() logs in}
   * answers with it at the same path.
   */
  public Sessions token(String jsonPath) {
    this.tokenPath = Objects.requireNonNull(jsonPath, "jsonPath");
    return this;
  }

  /**
   * Where register's answer holds the new user's id, as a JSON path ({@code "id"}, {@code
   * "user.id"}): register then yields it as the reference {@code user}, kept in the model as
   * {@link Account#id()}, for commands that address the user ({@code GET /users/{id}}).
   */
  public Sessions userId(String jsonPath) {
    this.userIdPath = Objects.requireNonNull(jsonPath, "jsonPath");
    return this;
  }

  public Sessions statuses(int registered, int loggedIn, int loggedOut, int unauthorized) {
    this.registered = registered;
    this.loggedIn = loggedIn;
    this.loggedOut = loggedOut;
    this.unauthorized = unauthorized;
    return this;
  }

  /** The request a session is tried on: a stale one must answer {@code unauthorized}. */
  public Sessions probe(String method, String path) {
    return probe(method, path, probeOk);
  }

  /**
   * As {@link #probe(String, String)}, with the status a live session gets there (default 200),
   * which {@link #severalPerUser()} checks.
   */
  public Sessions probe(String method, String path, int ok) {
    this.probeMethod = method;
    this.probePath = path;
    this.probeOk = ok;
    return this;
  }

  /**
   * Sessions kept in a cookie of this name instead of a bearer token: login sets it, the user's
   * {@link Http} session sends it back, and a stale one is tried with that cookie.
   */
  public Sessions cookieAuth(String cookieName) {
    this.sessionCookie = Objects.requireNonNull(cookieName, "cookieName");
    return this;
  }

  /**
   * The token is sent as {@code Authorization: <scheme> <token>}, e.g. {@code "Token"} for APIs
   * that do not say "Bearer" (the default).
   */
  public Sessions authorization(String scheme) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    return this;
  }

  /** The token is sent in the header {@code name} instead, as an API key: {@code "X-API-Key"}. */
  public Sessions tokenHeader(String name) {
    this.tokenHeader = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Registration answers with a session, as login does (status {@code registered}, the token at
   * the {@link #token(String) token path} or the session cookie): register goes from {@code new}
   * straight to {@code logged_in}.
   */
  public Sessions registerLogsIn() {
    this.registerLogsIn = true;
    return this;
  }

  /**
   * Several sessions per user: login also runs while logged in and gives a second session, which
   * the user's {@link Http} then sends; the earlier one stays alive. Logout ends the one the user
   * sends, and the newest other one takes its place (the user stays logged in while one is left).
   * Adds {@code other_session}, which tries one of the user's other live sessions on the {@link
   * #probe(String, String, int) probe} and expects it to work, and lets {@code stale_token} run
   * while logged in with another session.
   */
  public Sessions severalPerUser() {
    this.several = true;
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

  /** The account of {@code user} in {@code world}. */
  public static Account account(World world, int user) {
    return world.get(KEY).get(user);
  }

  /**
   * The acting user's live sessions as a bundle, for a command that picks one to send with: {@code
   * .with(Sessions.sessions()).run((http, session) -> http.with(session.get()).get("/todos"))}.
   */
  public static Bundle<World, Ref<Session>> sessions() {
    return LIVE;
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

  private Map<String, Object> credentials(String name) {
    return Map.of(nameField, name, passwordField, "pw-" + name + "-secret");
  }

  /**
   * Sends the credentials to {@code path} with no session, and takes the session the answer
   * gives when its status is {@code ok}; the user's {@link Http} then sends it.
   */
  private Login logIn(Http http, String path, String user, int ok) {
    Http fresh = http.with(Session.NONE);
    Response response = fresh.post(path, credentials(user));
    Session session = null;
    if (response.status() == ok) {
      if (sessionCookie == null) {
        String token = response.path(tokenPath);
        session = token == null ? null
            : tokenHeader != null ? Session.header(tokenHeader, token)
            : Session.authorization(scheme, token);
      } else {
        session = fresh.session().cookie(sessionCookie) == null ? null : fresh.session();
      }
    }
    if (session != null) {
      http.use(session);
    }
    return new Login(response, session);
  }

  private void expectSession(String command, int ok, Login login) {
    Expect.status(command, ok, login.response());
    Expect.equal(sessionCookie == null
            ? command + ": a token at '" + tokenPath + "'"
            : command + ": a session cookie '" + sessionCookie + "'",
        true, login.session() != null, login.response());
  }

  private static World updateAccount(World world, int user, UnaryOperator<Account> change) {
    return world.update(KEY, users -> users.update(user, change));
  }

  /** The account with the user's id, which the step yielded as {@code user}. */
  private static World withId(World world, Call<String> call) {
    return updateAccount(world, call.user().index(), account -> account.withId(call.ref("user")));
  }

  /** A command that logs the user in from {@code from}: login, or a register that logs in. */
  private CommandBuilder.Run<World, Http, String, Login> logIn(
      String name, Object[] from, String path, int ok) {
    return Command.<World, Http>named(name).from(from).to(LOGGED_IN)
        .with((world, user) -> Gen.constant(nameOf(user)))
        .run((http, user) -> logIn(http, path, user, ok))
        .yields("session", Login::session)
        .expect((world, call, login) -> expectSession(name, ok, login))
        .update((world, call) -> updateAccount(world, call.user().index(),
            account -> account.loggedIn(call.ref("session"))))
        .describedAs(call -> name + "(" + call.arg() + ")");
  }

  /** The commands of this machine, to add to a model with {@code .commands(..)}. */
  public List<CommandSpec<World, Http>> commands() {
    List<CommandSpec<World, Http>> commands = new ArrayList<>();
    if (registerLogsIn) {
      CommandBuilder.Run<World, Http, String, Login> register =
          logIn("register", new Object[] {NEW}, registerPath, registered);
      commands.add(userIdPath == null ? register
          : register.yields("user", login -> login.response().path(userIdPath))
              .update((world, call) -> withId(world, call)));
    } else {
      CommandBuilder.Run<World, Http, String, Response> register =
          Command.<World, Http>named("register").from(NEW).to(LOGGED_OUT)
              .with((world, user) -> Gen.constant(nameOf(user)))
              .run((http, name) -> http.post(registerPath, credentials(name)))
              .expect((world, call, response) -> Expect.status("register", registered, response))
              .describedAs(call -> "register(" + call.arg() + ")");
      commands.add(userIdPath == null ? register
          : register.yields("user", response -> response.path(userIdPath))
              .update((world, call) -> withId(world, call)));
    }
    commands.add(logIn("login",
        several ? new Object[] {LOGGED_OUT, LOGGED_IN} : new Object[] {LOGGED_OUT},
        loginPath, loggedIn));
    if (several) {
      // The argument is the session the user sends next: the newest other one, or none.
      commands.add(Command.<World, Http>named("logout").from(LOGGED_IN)
          .with((world, user) -> Gen.constant(account(world, user.index()).loggedOut().current()))
          .toWhen((world, call) -> call.arg() != null, LOGGED_IN, LOGGED_OUT)
          .run((http, next) -> {
            Response response = http.delete(logoutPath);
            http.use(next == null ? Session.NONE : next.get());
            return response;
          })
          .expect((world, call, response) -> Expect.status("logout", loggedOut, response))
          .update((world, call) -> updateAccount(world, call.user().index(), Account::loggedOut))
          .describedAs(call -> "logout()"));
      commands.add(Command.<World, Http>named("other_session").from(LOGGED_IN)
          .with(OTHERS)
          .run((http, session) -> http.with(session.get()).request(probeMethod, probePath).send())
          .expect((world, call, response) -> Expect.status(
              "another live session of the user on " + probeMethod + " " + probePath, probeOk,
              response)));
    } else {
      commands.add(Command.<World, Http>named("logout").from(LOGGED_IN).to(LOGGED_OUT)
          .run((http, none) -> {
            Response response = http.delete(logoutPath);
            http.use(Session.NONE);
            return response;
          })
          .expect((world, call, response) -> Expect.status("logout", loggedOut, response))
          .update((world, call) -> updateAccount(world, call.user().index(), Account::loggedOut)));
    }
    commands.add(Command.<World, Http>named("stale_token")
        .from(several ? new Object[] {LOGGED_OUT, LOGGED_IN} : new Object[] {LOGGED_OUT})
        .with(STALE)
        .run((http, session) -> http.with(session.get()).request(probeMethod, probePath).send())
        .expect((world, call, response) ->
            Expect.status("a session from before logout on " + probeMethod + " " + probePath,
                unauthorized, response)));
    return commands;
  }
}
