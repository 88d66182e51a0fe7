package dev.tollgate.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny real HTTP service with accounts and sessions, for testing {@link Sessions}: register,
 * login (token in the body and in a {@code sid} cookie, sent back as a Bearer token or the
 * cookie), logout of the session it is sent with,
 * {@code GET /me} and {@code GET /users/{id}}. A user may hold several sessions. {@link Quirk}s change its answers' shape
 * or plant a bug.
 */
final class AccountsServer extends SmallServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Quirk {
    /** Bug: logout answers 204 but the session keeps working. */
    LOGOUT_KEEPS_SESSION,
    /** Bug: logout ends every session of the user, not only the one it was sent with. */
    LOGOUT_ENDS_ALL,
    /** Answers {@code {"user": {"id", "name", "token"}}} instead of {@code {"id", "name", "token"}}. */
    NESTED,
    /** Registration answers with a session, as login does. */
    REGISTER_LOGS_IN,
    /** Takes the token only as {@code Authorization: Token …} (or the cookie). */
    TOKEN_SCHEME,
    /** Takes the token only in an {@code X-API-Key} header. */
    API_KEY
  }

  private final Set<Quirk> quirks;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<Long, String> names = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, String> sessions = new ConcurrentHashMap<>();

  AccountsServer(Quirk... quirks) throws IOException {
    this.quirks = quirks.length == 0 ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(List.of(quirks));
  }

  void reset() {
    passwords.clear();
    names.clear();
    ids.set(0);
    sessions.clear();
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
    switch (route) {
      case "POST /users" -> {
        String name = body.path("name").asText();
        boolean fresh = passwords.putIfAbsent(name, body.path("password").asText()) == null;
        if (!fresh) {
          send(exchange, 409, "{\"error\":\"name_taken\"}");
          return;
        }
        long id = ids.incrementAndGet();
        names.put(id, name);
        if (quirks.contains(Quirk.REGISTER_LOGS_IN)) {
          sendSession(exchange, id, name);
        } else {
          send(exchange, 201, answer(id, name, null));
        }
      }
      case "POST /sessions" -> {
        String name = body.path("name").asText();
        if (!body.path("password").asText().equals(passwords.get(name))) {
          send(exchange, 401, "{\"error\":\"bad_credentials\"}");
          return;
        }
        long id = names.entrySet().stream().filter(e -> e.getValue().equals(name))
            .mapToLong(Map.Entry::getKey).findFirst().orElseThrow();
        sendSession(exchange, id, name);
      }
      case "DELETE /sessions/current" -> {
        String token = token(exchange);
        if (token == null || !sessions.containsKey(token)) {
          send(exchange, 401, "{\"error\":\"unauthorized\"}");
          return;
        }
        if (quirks.contains(Quirk.LOGOUT_ENDS_ALL)) {
          String name = sessions.get(token);
          sessions.values().removeIf(name::equals);
        } else if (!quirks.contains(Quirk.LOGOUT_KEEPS_SESSION)) {
          sessions.remove(token);
        }
        exchange.getResponseHeaders().add("Set-Cookie", "sid=; Path=/; Max-Age=0");
        send(exchange, 204, null);
      }
      case "GET /me" -> {
        String token = token(exchange);
        String name = token == null ? null : sessions.get(token);
        send(exchange, name == null ? 401 : 200, "{\"name\":\"" + name + "\"}");
      }
      default -> {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/users/")) {
          String token = token(exchange);
          String name = names.get(Long.parseLong(path.substring("/users/".length())));
          if (token == null || !sessions.containsKey(token)) {
            send(exchange, 401, "{\"error\":\"unauthorized\"}");
          } else {
            send(exchange, name == null ? 404 : 200, "{\"name\":\"" + name + "\"}");
          }
          return;
        }
        send(exchange, 404, "{\"error\":\"not_found\"}");
      }
    }
  }

  /** The user's id and name, and the token when there is one; under "user" when NESTED. */
  private String answer(long id, String name, String token) {
    String fields = "\"id\":" + id + ",\"name\":\"" + name + "\""
        + (token == null ? "" : ",\"token\":\"" + token + "\"");
    return quirks.contains(Quirk.NESTED) ? "{\"user\":{" + fields + "}}" : "{" + fields + "}";
  }

  /** A new session for {@code name}: its token in the body and in the {@code sid} cookie. */
  private void sendSession(HttpExchange exchange, long id, String name) throws IOException {
    String token = UUID.randomUUID().toString();
    sessions.put(token, name);
    exchange.getResponseHeaders().add("Set-Cookie", "sid=" + token + "; Path=/; HttpOnly");
    send(exchange, 201, answer(id, name, token));
  }

  private String token(HttpExchange exchange) {
    if (quirks.contains(Quirk.API_KEY)) {
      return exchange.getRequestHeaders().getFirst("X-API-Key");
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String scheme = quirks.contains(Quirk.TOKEN_SCHEME) ? "Token " : "Bearer ";
    if (auth != null && auth.startsWith(scheme)) {
      return auth.substring(scheme.length());
    }
    String cookies = exchange.getRequestHeaders().getFirst("Cookie");
    if (cookies != null) {
      for (String cookie : cookies.split(";")) {
        String[] pair = cookie.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals("sid") && !pair[1].isEmpty()) {
          return pair[1];
        }
      }
    }
    return null;
  }
}
