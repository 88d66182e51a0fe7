package dev.tollgate.examples.todo;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The todo + voting service: a Javalin server over PostgreSQL. {@link #main} reads the
 * environment; tests call {@link #start(Config)} in process and {@link #close()} the handle.
 */
public final class TodoApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TodoApp.class);

    private final Javalin server;
    private final Database db;
    private final TodoApi api;

    private TodoApp(Javalin server, Database db, TodoApi api) {
        this.server = server;
        this.db = db;
        this.api = api;
    }

    /**
     * Migrates the database, starts the server, and logs "todo-app ready on port N" once it
     * accepts requests.
     *
     * @throws ConfigException when the database cannot be reached
     */
    public static TodoApp start(Config config) {
        JsonMapper.Builder json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        if (config.has(Bug.OWNER_RENAMED)) {
            // owner-renamed: a todo's owner appears as "ownerName", for control vs candidate runs.
            json.addMixIn(Todo.class, OwnerRenamed.class);
        }
        ObjectMapper mapper = json.build();
        Database db = Database.open(config);
        try {
            TodoApi api = new TodoApi(config, db, new Input(mapper, config),
                    new Notifier(config.notifierUrl(), config.notifierTimeout(), mapper),
                    new FlagService(config, mapper));
            Javalin server = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jsonMapper(new JavalinJackson(mapper, false));
                javalin.jetty.port = config.port();
                api.register(javalin.routes);
            }).start();
            LOG.info("todo-app ready on port {} (flags {}, bugs {}, notifier {}{})", server.port(), config.flags(),
                    config.bugs(), config.notifierUrl() == null ? "off" : config.notifierUrl(),
                    config.flagsUrl() == null ? "" : ", flag service " + config.flagsUrl());
            return new TodoApp(server, db, api);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The port the server listens on; the chosen one when the config asked for 0. */
    public int port() {
        return server.port();
    }

    /** Notifications the notifier accepted (2xx). */
    public long notificationsDelivered() {
        return api.notificationsDelivered();
    }

    /** Notifications that failed: refused, timed out, or answered with a non-2xx status. */
    public long notificationsFailed() {
        return api.notificationsFailed();
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }

    public static void main(String[] args) {
        Config config;
        TodoApp app;
        try {
            config = Config.fromEnv(System.getenv());
            app = start(config);
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.error("todo-app failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "todo-app-shutdown"));
    }

    /** {@code owner-renamed}: what a todo's owner is called in JSON. */
    private abstract static class OwnerRenamed {
        @com.fasterxml.jackson.annotation.JsonProperty("ownerName")
        abstract String owner();
    }
}
