package dev.tollgate.internal.environment.testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A tiny app for the environment tests: the JDK's HTTP server, JDBC to the database it is given
 * (two tables with serial ids and a foreign key, plus a Flyway-like history table), and a call
 * to its notifier stub. It reads exactly the variables the environments hand over.
 *
 * <p>Switches for failure tests: {@code TINY_APP_EXIT_AT_START=<code>} exits at once;
 * {@code TINY_APP_NEVER_READY=true} answers 503 on /health. {@code TINY_APP_HEALTH_STATUS=401} makes
 * /health answer that status (a health check behind authentication); {@code TINY_APP_SEED=true}
 * has the migration insert a seed user 'admin' with a todo 'read the manual'.
 */
public final class TinyApp {
  private final Connection db;
  private final String notifierUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final boolean neverReady;

  private TinyApp(Connection db, String notifierUrl, boolean neverReady) {
    this.db = db;
    this.notifierUrl = notifierUrl;
    this.neverReady = neverReady;
  }

  public static void main(String[] args) throws Exception {
    String exitCode = System.getenv("TINY_APP_EXIT_AT_START");
    if (exitCode != null) {
      System.err.println("tiny-app: told to fail at start (TINY_APP_EXIT_AT_START=" + exitCode + ")");
      System.exit(Integer.parseInt(exitCode));
    }
    int port = Integer.parseInt(required("PORT"));
    Connection db = DriverManager.getConnection(required("DB_URL"), required("DB_USER"), System.getenv("DB_PASSWORD"));
    migrate(db, "true".equals(System.getenv("TINY_APP_SEED")));
    TinyApp app = new TinyApp(db, System.getenv("NOTIFIER_URL"), "true".equals(System.getenv("TINY_APP_NEVER_READY")));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 50);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", app::handle);
    server.start();
    System.out.println("tiny-app: listening on " + port);
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException("tiny-app: expected the environment variable " + name + ", but it is not set");
    }
    return value;
  }

  private static void migrate(Connection db, boolean seed) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("create table if not exists flyway_schema_history (installed_rank int primary key, version text)");
      s.execute("insert into flyway_schema_history values (1, '1') on conflict do nothing");
      s.execute("create table if not exists users (id serial primary key, name text not null)");
      s.execute("create table if not exists todos (id serial primary key,"
          + " user_id int not null references users(id), title text not null)");
      if (seed) {
        s.execute("insert into users(name) select 'admin' where not exists (select 1 from users)");
        s.execute("insert into todos(user_id, title) select 1, 'read the manual' where not exists (select 1 from todos)");
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      if (path.equals("/health")) {
        String status = System.getenv("TINY_APP_HEALTH_STATUS");
        if (status != null) {
          respond(exchange, Integer.parseInt(status), "{\"error\":\"unauthorized\"}");
        } else {
          respond(exchange, neverReady ? 503 : 200, neverReady ? "not ready" : "ok");
        }
      } else if (method.equals("POST") && path.equals("/users")) {
        respond(exchange, 201, "{\"id\":" + insert("insert into users(name) values (?) returning id", query.get("name")) + "}");
      } else if (method.equals("POST") && path.equals("/todos")) {
        long id = insert("insert into todos(user_id, title) values (" + Long.parseLong(query.get("user"))
            + ", ?) returning id", query.get("title"));
        int notified = notifyStub("todo " + id);
        respond(exchange, 201, "{\"id\":" + id + ",\"notifier\":" + notified + "}");
      } else if (method.equals("GET") && path.equals("/users/names")) {
        respond(exchange, 200, names());
      } else if (method.equals("GET") && path.equals("/todos/count")) {
        respond(exchange, 200, Long.toString(count()));
      } else {
        respond(exchange, 404, "no route " + method + " " + path);
      }
    } catch (SQLException | RuntimeException | InterruptedException e) {
      respond(exchange, 500, e.toString());
    }
  }

  private synchronized long insert(String sql, String value) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private synchronized String names() throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement statement = db.createStatement();
         ResultSet rows = statement.executeQuery("select id, name from users order by id")) {
      while (rows.next()) {
        out.append(out.length() == 0 ? "" : ",").append(rows.getLong(1)).append('=').append(rows.getString(2));
      }
    }
    return out.toString();
  }

  private synchronized long count() throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("select count(*) from todos")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private int notifyStub(String message) throws IOException, InterruptedException {
    if (notifierUrl == null) {
      return -1;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(notifierUrl + "/notify"))
        .POST(HttpRequest.BodyPublishers.ofString(message)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
