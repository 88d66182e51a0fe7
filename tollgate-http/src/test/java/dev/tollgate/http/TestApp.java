package dev.tollgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real HTTP app on 127.0.0.1 for the HTTP layer's tests: logins that hand out tokens and
 * session cookies, per-user items, an echo, a big body, a hanging endpoint. One planted bug on
 * request: deleting an item twice answers 204 both times.
 */
final class TestApp implements AutoCloseable {
  static {
    // Without it the JDK's HttpServer stalls each response about 45 ms (Nagle).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final boolean deleteTwiceBug;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Map<Long, Item> items = new ConcurrentHashMap<>();
  private final Map<Long, Boolean> deleted = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  record Item(long id, String owner, String name) {}

  private TestApp(boolean deleteTwiceBug) throws IOException {
    this.deleteTwiceBug = deleteTwiceBug;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  static TestApp start() throws IOException {
    return new TestApp(false);
  }

  static TestApp withDeleteTwiceBug() throws IOException {
    return new TestApp(true);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void reset() {
    tokens.clear();
    sessions.clear();
    items.clear();
    deleted.clear();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      String user = userOf(exchange);
      if (path.equals("/login") && method.equals("POST")) {
        login(exchange, JSON.readTree(body));
      } else if (path.equals("/logout") && method.equals("POST")) {
        // Ends the session it was sent with; the user's other sessions stay alive.
        tokens.remove(bearerOf(exchange));
        sessions.remove(cookieOf(exchange, "sid"));
        exchange.getResponseHeaders().add("Set-Cookie", "sid=; Path=/; Max-Age=0");
        respond(exchange, 204, null);
      } else if (path.equals("/me")) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", tokens.get(bearerOf(exchange)));
        me.put("cookieUser", sessions.get(cookieOf(exchange, "sid")));
        respond(exchange, 200, JSON.writeValueAsString(me));
      } else if (path.equals("/echo")) {
        echo(exchange, method, body);
      } else if (path.equals("/big")) {
        int size = Integer.parseInt(exchange.getRequestURI().getQuery().substring(2));
        respond(exchange, 200, "{\"text\":\"" + "x".repeat(size) + "\"}");
      } else if (path.equals("/hang")) {
        closing.await(30, TimeUnit.SECONDS);
      } else if (path.equals("/stall")) {
        // Headers and the first bytes of the body, then nothing.
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        closing.await(30, TimeUnit.SECONDS);
      } else if (path.equals("/plain")) {
        respond(exchange, 200, "hello, not json");
      } else if (path.equals("/doc")) {
        respond(exchange, 200, "{\"id\":7,\"todo\":{\"title\":\"milk\",\"done\":false},"
            + "\"items\":[{\"id\":1},{\"id\":2}],\"ratio\":0.5,\"nothing\":null}");
      } else if (path.startsWith("/items")) {
        items(exchange, method, path, user, body);
      } else {
        respond(exchange, 404, "{\"error\":\"no route\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void login(HttpExchange exchange, JsonNode request) throws IOException {
    String user = request.path("user").asText();
    if (!"open sesame".equals(request.path("password").asText())) {
      respond(exchange, 401, "{\"error\":\"bad password\"}");
      return;
    }
    String token = "tok-" + user + "-" + ids.incrementAndGet() + "-s3cr3t";
    String sid = "sid-" + user + "-" + ids.incrementAndGet() + "-c00kie";
    tokens.put(token, user);
    sessions.put(sid, user);
    exchange.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly");
    respond(exchange, 200, "{\"user\":\"" + user + "\",\"token\":\"" + token + "\"}");
  }

  private void echo(HttpExchange exchange, String method, byte[] body) throws IOException {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("method", method);
    echo.put("query", exchange.getRequestURI().getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(), String.join(",", values)));
    echo.put("headers", headers);
    echo.put("body", new String(body, StandardCharsets.UTF_8));
    respond(exchange, 200, JSON.writeValueAsString(echo));
  }

  private void items(HttpExchange exchange, String method, String path, String user, byte[] body)
      throws IOException {
    if (user == null) {
      respond(exchange, 401, "{\"error\":\"log in first\"}");
      return;
    }
    if (path.equals("/items") && method.equals("POST")) {
      long id = ids.incrementAndGet();
      Item item = new Item(id, user, JSON.readTree(body).path("name").asText());
      items.put(id, item);
      respond(exchange, 201, JSON.writeValueAsString(item));
    } else if (path.equals("/items") && method.equals("GET")) {
      List<Item> mine = new ArrayList<>();
      items.values().stream()
          .filter(item -> item.owner().equals(user))
          .sorted((a, b) -> Long.compare(a.id(), b.id()))
          .forEach(mine::add);
      respond(exchange, 200, JSON.writeValueAsString(Map.of("items", mine)));
    } else if (method.equals("DELETE")) {
      long id = Long.parseLong(path.substring("/items/".length()));
      Item item = items.get(id);
      if (item != null && item.owner().equals(user)) {
        items.remove(id);
        deleted.put(id, true);
        respond(exchange, 204, null);
      } else if (deleteTwiceBug && deleted.containsKey(id)) {
        respond(exchange, 204, null);
      } else {
        respond(exchange, 404, "{\"error\":\"no such item\"}");
      }
    } else {
      respond(exchange, 405, "{\"error\":\"method not allowed\"}");
    }
  }

  private String userOf(HttpExchange exchange) {
    String byToken = tokens.get(bearerOf(exchange));
    return byToken != null ? byToken : sessions.get(cookieOf(exchange, "sid"));
  }

  private static String bearerOf(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
  }

  private static String cookieOf(HttpExchange exchange, String name) {
    String header = exchange.getRequestHeaders().getFirst("Cookie");
    if (header == null) {
      return "";
    }
    for (String pair : header.split(";\\s*")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return "";
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    if (json == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
