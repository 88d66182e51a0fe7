package dev.tollgate.examples.todo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP routes, each a thin handler over the stores; the module README documents them. */
final class TodoApi {
    private static final Logger LOG = LoggerFactory.getLogger(TodoApi.class);
    private static final String BEARER = "Bearer ";

    private final Config config;
    private final Database db;
    private final Input input;
    private final Accounts accounts;
    private final Todos todos;
    private final Votes votes;
    private final Notifier notifier;
    private final FlagService flags;

    TodoApi(Config config, Database db, Input input, Notifier notifier, FlagService flags) {
        this.flags = flags;
        this.config = config;
        this.db = db;
        this.input = input;
        this.accounts = new Accounts(db, config);
        this.todos = new Todos(db, config);
        this.votes = new Votes(db, config);
        this.notifier = notifier;
    }

    /** How long {@code slow-get} holds each {@code GET /todos/{id}}. */
    static final long SLOW_GET_MS = 300;

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.post("/users", this::registerUser);
        routes.post("/sessions", this::login);
        routes.delete("/sessions/current", this::logout);
        routes.post("/todos", this::addTodo);
        routes.post("/todos/batch", this::addTodos);
        routes.get("/todos", this::listTodos);
        routes.get("/todos/{id}", ctx -> {
            if (config.has(Bug.SLOW_GET)) {
                Thread.sleep(SLOW_GET_MS); // slow-get: a latency regression, for control vs candidate
            }
            ctx.json(todos.get(user(ctx), id(ctx)));
        });
        routes.patch("/todos/{id}", this::editTodo);
        routes.delete("/todos/{id}", this::deleteTodo);
        routes.put("/todos/{id}/vote", ctx -> ctx.json(votes.vote(user(ctx), id(ctx))));
        routes.delete("/todos/{id}/vote", ctx -> ctx.json(votes.unvote(user(ctx), id(ctx))));
        routes.get("/todos/{id}/votes", ctx -> ctx.json(votes.state(user(ctx), id(ctx))));
        routes.get("/categories", this::categories);
        routes.get("/admin/users", this::adminUsers);
        routes.put("/todos/{id}/pin", ctx -> pin(ctx, true));
        routes.delete("/todos/{id}/pin", ctx -> pin(ctx, false));

        routes.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ctx.status(e.status()).json(new ApiException.Body(e.error(), e.getMessage()));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(
                new ApiException.Body(e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus(),
                        e.getMessage() + "; the API is described in the todo-app README")));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure in {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiException.Body("internal",
                    "unexpected server error; the server log has the details"));
        });
    }

    private void health(Context ctx) {
        if (config.has(Flag.SECURED)) {
            user(ctx);
        }
        if (db.answers()) {
            ctx.json(Map.of("status", "ok"));
        } else {
            ctx.status(503).json(Map.of("status", "unavailable", "detail", "the database does not answer"));
        }
    }

    private void registerUser(Context ctx) {
        ObjectNode body = input.object(ctx.body());
        User user = accounts.register(Input.name(body), Input.password(body));
        ctx.status(201).json(user);
    }

    private void login(Context ctx) {
        ObjectNode body = input.object(ctx.body());
        String name = Input.requiredString(body, "name");
        String token = accounts.login(name, Input.requiredString(body, "password"));
        ctx.status(201).json(Map.of("token", token));
    }

    private void logout(Context ctx) {
        String token = token(ctx);
        accounts.authenticate(token);
        accounts.logout(token);
        ctx.status(204);
    }

    private void addTodo(Context ctx) {
        User owner = user(ctx);
        com.fasterxml.jackson.databind.node.ObjectNode body = input.object(ctx.body());
        String title = input.title(body);
        // Release 2 stores an optional note (a string); release 1 ignores the field, as any unknown one.
        String note = body.hasNonNull("note") && body.get("note").isTextual() ? body.get("note").textValue() : null;
        Todo todo = todos.add(owner, title, note);
        notifier.todoAdded(todo, owner);
        ctx.status(201).header("Location", "/todos/" + todo.id()).json(todo);
    }

    private void addTodos(Context ctx) {
        User owner = user(ctx);
        java.util.List<String> titles = input.titles(input.object(ctx.body()));
        java.util.List<Todo> added = todos.addAll(owner, titles);
        added.forEach(todo -> notifier.todoAdded(todo, owner));
        ctx.status(201).json(Map.of("ids", added.stream().map(Todo::id).toList()));
    }

    private void listTodos(Context ctx) {
        User owner = user(ctx);
        // page-drops-11th: the default page size was copied from a paged UI (10), so the
        // unparameterized list silently stops at ten items.
        int defaultLimit = config.has(Bug.PAGE_DROPS_11TH) ? 10 : Input.MAX_PAGE;
        int limit = Input.queryInt(ctx.queryParam("limit"), "limit", 1, Input.MAX_PAGE, defaultLimit);
        int offset = Input.queryInt(ctx.queryParam("offset"), "offset", 0, Integer.MAX_VALUE, 0);
        ctx.json(todos.list(owner, limit, offset));
    }

    private void editTodo(Context ctx) {
        User owner = user(ctx);
        long id = id(ctx);
        ObjectNode body = input.object(ctx.body());
        String title = body.has("title") ? input.title(body) : null;
        Boolean done = Input.optionalBoolean(body, "done");
        if (title == null && done == null) {
            throw ApiException.badRequest("nothing_to_change",
                    "expected 'title' and/or 'done' in the JSON body, found neither");
        }
        ctx.json(todos.edit(owner, id, title, done));
    }

    private void deleteTodo(Context ctx) {
        todos.delete(user(ctx), id(ctx));
        ctx.status(204);
    }

    /** The seeded categories; with the secured flag only. */
    private void categories(Context ctx) {
        secured();
        user(ctx);
        ctx.json(db.transaction(c -> names(c, "SELECT name FROM categories ORDER BY name")));
    }

    /** Every user's name, for staff only; with the secured flag only. */
    private void adminUsers(Context ctx) {
        secured();
        User user = user(ctx);
        if (!user.staff()) {
            throw ApiException.forbidden("expected a staff user to list users, but '" + user.name()
                    + "' is not staff; the seeded 'admin' is");
        }
        ctx.json(db.transaction(c -> names(c, "SELECT name FROM users ORDER BY id")));
    }

    private void secured() {
        if (!config.has(Flag.SECURED)) {
            throw new ApiException(404, "not_found", "this endpoint needs TODO_APP_FLAGS=secured");
        }
    }

    private static java.util.List<String> names(java.sql.Connection c, String sql) throws java.sql.SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private void pin(Context ctx, boolean pinned) {
        User user = user(ctx);
        if (!flags.on(Flag.PINNING, user.name())) {
            throw new ApiException(404, "not_found",
                    "pinning is switched off on this server; it needs TODO_APP_FLAGS=pinning, or the flag"
                            + " service at FLAGS_URL to answer pinning as enabled");
        }
        if (!user.staff()) {
            throw ApiException.forbidden("expected a staff user to pin todos, but '" + user.name()
                    + "' is not staff; staff users are listed in STAFF_USERS");
        }
        ctx.json(todos.pin(id(ctx), pinned));
    }

    private User user(Context ctx) {
        return accounts.authenticate(token(ctx));
    }

    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("expected a header 'Authorization: Bearer <token>', found none; "
                    + "log in with POST /sessions to get a token");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            throw ApiException.unauthorized("expected 'Authorization: Bearer <token>', found a header of "
                    + "another form; send the token from POST /sessions after 'Bearer '");
        }
        return header.substring(BEARER.length()).trim();
    }

    private static long id(Context ctx) {
        return Input.id(ctx.pathParam("id"));
    }

    long notificationsDelivered() {
        return notifier.delivered();
    }

    long notificationsFailed() {
        return notifier.failed();
    }
}
