package dev.tollgate.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.http.Response;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A response as received: the body is decoded and parsed on first use, at most once. */
public final class ReceivedResponse implements Response {
  /** How much of a body an error message or toString shows. */
  private static final int SHOWN = 500;

  private final String request;
  private final int status;
  private final HttpHeaders headers;
  private final byte[] bytes;
  private String text;
  private JsonNode json;

  public ReceivedResponse(String request, int status, HttpHeaders headers, byte[] bytes) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.bytes = bytes == null ? new byte[0] : bytes;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String body() {
    if (text == null) {
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    return text;
  }

  @Override
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public JsonNode json() {
    if (json == null) {
      if (bytes.length == 0) {
        throw new AssertionError(
            "Expected a JSON body in the response to " + request + " (status " + status
                + "), but the body is empty.");
      }
      try {
        json = Json.readTree(bytes);
        if (json.isMissingNode()) {
          throw new AssertionError(
              "Expected a JSON body in the response to " + request + " (status " + status
                  + "), but the body is blank.");
        }
      } catch (java.io.IOException e) {
        String why = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.toString();
        throw new AssertionError(
            "Expected a JSON body in the response to " + request + " (status " + status
                + "), but it is not JSON (" + why + "). Body: " + shown(),
            e);
      }
    }
    return json;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T path(String path) {
    return (T) JsonPaths.read(json(), path);
  }

  @Override
  public <T> T as(Class<T> type) {
    JsonNode tree = json();
    try {
      return Json.mapper().treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          "Expected the response to " + request + " to map to " + type.getSimpleName() + ", but "
              + e.getOriginalMessage() + ". Body: " + shown(),
          e);
    }
  }

  private String shown() {
    String body = body();
    return body.length() <= SHOWN
        ? body
        : body.substring(0, SHOWN) + "… (" + body.length() + " characters in all)";
  }

  @Override
  public String toString() {
    return status + " " + shown();
  }
}
