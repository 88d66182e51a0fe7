package dev.tollgate.http;

/**
 * A request being built, for what the short forms of {@link Http} do not cover: any method, extra
 * headers. Nothing is sent until {@link #send()}.
 */
public interface Request {
  /** Adds a header to this request only; it may repeat. */
  Request header(String name, String value);

  /** The body: a Map, List, record or bean (written by Jackson), a String of raw JSON, or null. */
  Request body(Object body);

  /** Sends the request through the session, which records it and keeps any cookies it gets. */
  Response send();
}
