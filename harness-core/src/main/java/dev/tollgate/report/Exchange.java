package dev.tollgate.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One request and its response, as a step recorded it for reports. Secrets are redacted before an
 * exchange is made: it never holds a password, token, cookie or authorization header.
 *
 * @param status the response status, or 0 when no response came (a timeout, say)
 * @param error what went wrong when no response came, else {@code null}
 */
public record Exchange(
    String method,
    String target,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    Duration latency,
    String error) {}
