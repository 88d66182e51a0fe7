package dev.tollgate.examples.peerbench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The peer benchmark's system: a small in-memory notes service over HTTP (the JDK's HttpServer),
 * with one planted {@link Bug} switched on at start. Its contract is in {@code BUGS.md}; the
 * Tollgate, fast-check and Hypothesis models all check it over HTTP.
 *
 * <p>Requests are served one at a time, so a program sees one consistent state.
 */
public final class ShelfService implements AutoCloseable {
  /** Most live notes one user may hold. */
  public static final int CAP = 10;
  /** Longest valid title, in code points. */
  public static final int MAX_TITLE = 64;
  /** Most titles in one batch. */
  public static final int MAX_BATCH = 5;
  private static final int CUT_TO = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Note(long id, String owner, String title) {}

  private final Bug bug;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "shelf-service");
    thread.setDaemon(true);
    return thread;
  });

  // Guarded by the single executor thread.
  private final Map<String, Boolean> users = new HashMap<>();
  private final Map<String, String> sessions = new HashMap<>();
  private final TreeMap<Long, Note> notes = new TreeMap<>();
  private final Map<Long, Note> readCache = new HashMap<>();
  private long nextNote = 1;
  private long nextToken = 1;

  private ShelfService(Bug bug, int port) throws IOException {
    this.bug = bug;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts the service on {@code port} (0: any free port) with {@code bug} switched on. */
  public static ShelfService start(Bug bug, int port) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ShelfService service = new ShelfService(bug, port);
    service.server.start();
    return service;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** {@code ShelfService [port] [bug]}: serves until killed; prints one line once it listens. */
  @SuppressWarnings("SystemOut")
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Bug bug = args.length > 1 ? Bug.of(args[1]) : Bug.NONE;
    ShelfService service = start(bug, port);
    System.out.println("shelf-service listening on " + service.baseUrl() + " with bug " + bug.key());
  }

  private record Answer(int status, Object body) {}

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] raw = in.readAllBytes();
      JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
      answer = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          bearer(exchange), body);
    } catch (IOException | RuntimeException e) {
      answer = new Answer(400, Map.of("error", "bad request: " + e.getClass().getSimpleName()));
    }
    byte[] out = answer.body == null ? new byte[0] : JSON.writeValueAsBytes(answer.body);
    if (out.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    }
    exchange.sendResponseHeaders(answer.status, out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  private static String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
  }

  private Answer route(String method, String path, String token, JsonNode body) {
    String[] parts = path.split("/");
    String root = parts.length > 1 ? parts[1] : "";
    switch (method + " " + root + (parts.length > 2 ? "/*" : "")) {
      case "GET health":
        return new Answer(200, Map.of("status", "up"));
      case "POST reset":
        users.clear();
        sessions.clear();
        notes.clear();
        readCache.clear();
        nextNote = 1;
        nextToken = 1;
        return new Answer(204, null);
      case "POST users":
        return register(text(body, "name"));
      case "POST sessions":
        return login(text(body, "name"));
      case "DELETE sessions/*":
        return logout(token);
      case "POST notes":
        return create(token, List.of(text(body, "title")), false);
      case "POST notes/*":
        if (!"batch".equals(parts[2])) {
          break;
        }
        List<String> titles = new ArrayList<>();
        body.path("titles").forEach(node -> titles.add(node.asText()));
        return create(token, titles, true);
      case "GET notes":
        return list(token);
      case "GET notes/*":
        return get(token, id(parts[2]));
      case "DELETE notes/*":
        return delete(token, id(parts[2]));
      case "PUT notes/*":
        return rename(token, id(parts[2]), text(body, "title"));
      default:
        break;
    }
    return new Answer(404, Map.of("error", "no such route: " + method + " " + path));
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static long id(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Answer register(String name) {
    if (name == null || blank(name)) {
      return new Answer(400, Map.of("error", "a name is required"));
    }
    if (users.containsKey(name) && bug != Bug.DUPLICATE_USER) {
      return new Answer(409, Map.of("error", "name taken"));
    }
    users.put(name, true);
    return new Answer(201, Map.of("name", name));
  }

  private Answer login(String name) {
    if (name == null || !users.containsKey(name)) {
      return new Answer(404, Map.of("error", "no such user"));
    }
    String token = "tok-" + nextToken++;
    sessions.put(token, name);
    return new Answer(201, Map.of("token", token));
  }

  private Answer logout(String token) {
    if (token == null || !sessions.containsKey(token)) {
      return unauthorized();
    }
    if (bug != Bug.LOGOUT_KEEPS_SESSION) {
      sessions.remove(token);
    }
    return new Answer(204, null);
  }

  private Answer create(String token, List<String> titles, boolean batch) {
    String user = token == null ? null : sessions.get(token);
    if (user == null) {
      return unauthorized();
    }
    if (batch && (titles.isEmpty() || titles.size() > MAX_BATCH)) {
      return new Answer(400, Map.of("error", "a batch holds 1 to " + MAX_BATCH + " titles"));
    }
    for (String title : titles) {
      if (!validTitle(title)) {
        return invalidTitle();
      }
    }
    long held = notes.values().stream().filter(note -> note.owner.equals(user)).count();
    int cap = bug == Bug.CAP_OFF_BY_ONE ? CAP + 1 : CAP;
    if (held + titles.size() > cap) {
      return new Answer(409, Map.of("error", "at most " + CAP + " notes per user"));
    }
    List<Long> ids = new ArrayList<>();
    for (String title : titles) {
      long id = nextNote++;
      notes.put(id, new Note(id, user, stored(title)));
      ids.add(id);
    }
    return batch ? new Answer(201, Map.of("ids", ids)) : new Answer(201, Map.of("id", ids.get(0)));
  }

  private Answer list(String token) {
    String user = token == null ? null : sessions.get(token);
    if (user == null) {
      return unauthorized();
    }
    List<Map<String, Object>> own = new ArrayList<>();
    for (Note note : notes.values()) {
      if (note.owner.equals(user)) {
        own.add(view(note));
      }
    }
    return new Answer(200, Map.of("notes", own));
  }

  private Answer get(String token, long id) {
    String user = token == null ? null : sessions.get(token);
    if (user == null) {
      return unauthorized();
    }
    Note note = bug == Bug.STALE_READ && readCache.containsKey(id) ? readCache.get(id) : notes.get(id);
    if (note == null || !note.owner.equals(user)) {
      return notFound();
    }
    readCache.put(id, note);
    return new Answer(200, view(note));
  }

  private Answer delete(String token, long id) {
    String user = token == null ? null : sessions.get(token);
    if (user == null) {
      return unauthorized();
    }
    Note note = notes.get(id);
    if (note == null || !note.owner.equals(user) && bug != Bug.CROSS_USER_DELETE) {
      return notFound();
    }
    notes.remove(id);
    return new Answer(204, null);
  }

  private Answer rename(String token, long id, String title) {
    String user = token == null ? null : sessions.get(token);
    if (user == null) {
      return unauthorized();
    }
    Note note = notes.get(id);
    if (note == null || !note.owner.equals(user)) {
      return notFound();
    }
    if (!validTitle(title)) {
      return invalidTitle();
    }
    if (bug == Bug.RENAME_SAME_TITLE && note.title.equals(title)) {
      return new Answer(409, Map.of("error", "title unchanged"));
    }
    String stored = bug == Bug.UNICODE_RENAME
        ? new String(title.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)
        : stored(title);
    Note renamed = new Note(id, user, stored);
    notes.put(id, renamed);
    readCache.put(id, renamed);
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("id", id);
    echo.put("title", title);
    return new Answer(200, echo);
  }

  private String stored(String title) {
    if (bug == Bug.LONG_TITLE && title.codePointCount(0, title.length()) > CUT_TO) {
      return title.substring(0, title.offsetByCodePoints(0, CUT_TO));
    }
    return title;
  }

  /** A title is valid when it is not blank and has at most {@link #MAX_TITLE} code points. */
  private boolean validTitle(String title) {
    if (title == null) {
      return false;
    }
    boolean blank = bug == Bug.BLANK_TITLE ? title.isEmpty() : blank(title);
    return !blank && title.codePointCount(0, title.length()) <= MAX_TITLE;
  }

  private static Map<String, Object> view(Note note) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", note.id);
    out.put("title", note.title);
    return out;
  }

  /** Blank: empty, or only spaces, tabs, carriage returns and line feeds. */
  private static boolean blank(String text) {
    return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
  }

  private static Answer unauthorized() {
    return new Answer(401, Map.of("error", "no valid session"));
  }

  private static Answer notFound() {
    return new Answer(404, Map.of("error", "no such note"));
  }

  private static Answer invalidTitle() {
    return new Answer(400, Map.of("error", "a title is 1 to " + MAX_TITLE
        + " characters and not blank"));
  }
}
