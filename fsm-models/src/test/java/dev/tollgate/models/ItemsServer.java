package dev.tollgate.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny real HTTP service with one shared resource, {@code /notes}, for testing {@link Crud}: a
 * note needs a non-empty title. One planted bug: deleting a note twice answers 204 again.
 */
final class ItemsServer extends SmallServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean deleteTwiceSucceeds;
  private final Map<Long, ObjectNode> notes = new ConcurrentSkipListMap<>();
  private final Map<Long, Boolean> deleted = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  ItemsServer(boolean deleteTwiceSucceeds) throws IOException {
    this.deleteTwiceSucceeds = deleteTwiceSucceeds;
  }

  void reset() {
    notes.clear();
    deleted.clear();
    nextId.set(1);
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
    if (path.equals("/notes")) {
      if (method.equals("GET")) {
        send(exchange, 200, JSON.writeValueAsString(notes.values()));
      } else if (body == null || body.path("title").asText().isEmpty()) {
        send(exchange, 400, "{\"error\":\"blank_title\"}");
      } else {
        long id = nextId.getAndIncrement();
        ObjectNode note = JSON.createObjectNode().put("id", id)
            .put("title", body.path("title").asText());
        notes.put(id, note);
        send(exchange, 201, note.toString());
      }
      return;
    }
    long id = Long.parseLong(path.substring("/notes/".length()));
    ObjectNode note = notes.get(id);
    switch (method) {
      case "GET" -> send(exchange, note == null ? 404 : 200, note == null ? "{}" : note.toString());
      case "PATCH" -> {
        if (body == null || body.path("title").asText().isEmpty()) {
          send(exchange, 400, "{\"error\":\"blank_title\"}");
        } else if (note == null) {
          send(exchange, 404, "{}");
        } else {
          note.put("title", body.path("title").asText());
          send(exchange, 200, note.toString());
        }
      }
      case "DELETE" -> {
        boolean gone = notes.remove(id) == null;
        boolean again = gone && deleteTwiceSucceeds && deleted.containsKey(id);
        deleted.put(id, true);
        send(exchange, gone && !again ? 404 : 204, null);
      }
      default -> send(exchange, 405, "{}");
    }
  }
}
