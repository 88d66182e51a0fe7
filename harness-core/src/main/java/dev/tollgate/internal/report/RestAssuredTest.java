package dev.tollgate.internal.report;

import dev.tollgate.internal.text.Printable;
import dev.tollgate.internal.report.RunRecord.StepRecord;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.report.Exchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the shrunk failure as a plain JUnit 5 + RestAssured test to paste into a suite: one
 * request chain per recorded exchange, ids the system returned kept in variables for the later
 * steps that use them. Steps that ran in process (no exchanges) become a commented outline.
 */
public final class RestAssuredTest {
  private static final Pattern SKIPPED_HEADERS =
      Pattern.compile("(?i)content-length|host|connection|user-agent|accept-encoding|upgrade"
          + "|http2-settings");

  private RestAssuredTest() {}

  /** Returns Java source, or {@code ""} when the check passed. */
  public static String render(RunRecord run) {
    if (run.passed()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("import static io.restassured.RestAssured.given;\n\n")
        .append("import io.restassured.RestAssured;\n")
        .append("import org.junit.jupiter.api.BeforeAll;\n")
        .append("import org.junit.jupiter.api.Test;\n\n")
        .append("/** Replays Tollgate's shrunk failure: ").append(comment(run.failure().description()))
        .append(". */\nclass ").append(className(run.model())).append("RegressionTest {\n\n");
    String origin = origin(run.steps());
    if (origin != null) {
      out.append("  @BeforeAll\n  static void pointAtTheSystem() {\n")
          .append("    // Recorded against this address; point it at the system to test.\n")
          .append("    RestAssured.baseURI = ").append(literal(origin)).append(";\n  }\n\n");
    }
    out.append("  @Test\n  void ").append(methodName(run.failure().description())).append("() {\n");
    Map<String, String> variables = new LinkedHashMap<>();
    for (StepRecord step : run.steps()) {
      out.append("    // ").append(step.number()).append(". ").append(comment(step.text()))
          .append(step.failed() ? "  <-- failed: " + comment(run.failure().description()) : "")
          .append('\n');
      if (step.exchanges().isEmpty()) {
        out.append("    // (ran in process, no HTTP exchange recorded: call it here)\n");
        continue;
      }
      String variable = step.ref() != null && usedLater(step, run.steps())
          ? step.ref().replaceAll("[^A-Za-z0-9]", "") : null;
      for (int i = 0; i < step.exchanges().size(); i++) {
        boolean last = i == step.exchanges().size() - 1;
        chain(step.exchanges().get(i), last ? variable : null, last ? step.ref() : null,
            variables, out);
      }
    }
    out.append("  }\n}\n");
    return out.toString();
  }

  private static void chain(Exchange e, String variable, String ref, Map<String, String> variables,
      StringBuilder out) {
    String idField = variable == null ? null : idField(e.responseBody());
    // A chain assigned to a variable sits one level deeper, as a formatter would put it.
    String in = idField == null ? "    " : "        ";
    out.append("    ");
    if (idField != null) {
      out.append("Object ").append(variable).append(" =\n").append(in);
    }
    out.append("given()");
    if (e.requestHeaders() != null) {
      e.requestHeaders().forEach((name, values) -> {
        if (!SKIPPED_HEADERS.matcher(name).matches()) {
          for (String value : values) {
            out.append('\n').append(in).append("    .header(").append(literal(name)).append(", ")
                .append(substitute(value, variables)).append(')')
                .append(value.contains(Redactor.MASK_PREFIX) ? " // redacted: fill in" : "");
          }
        }
      });
    }
    if (e.requestBody() != null && !e.requestBody().isEmpty()) {
      out.append('\n').append(in).append("    .body(").append(substitute(e.requestBody(), variables))
          .append(')');
    }
    out.append('\n').append(in).append(".when()\n").append(in).append("    .")
        .append(verb(e.method())).append('(').append(substitute(path(e.target()), variables))
        .append(")\n").append(in).append(".then()\n").append(in).append("    .statusCode(")
        .append(e.status()).append(')');
    if (idField != null) {
      out.append('\n').append(in).append("    .extract().path(").append(literal(idField)).append(')');
      String value = fieldValue(e.responseBody(), idField);
      if (value != null) {
        variables.put(value, variable);
      }
    } else if (variable != null) {
      out.append(" // ").append(comment(ref)).append(" came from this response");
    }
    out.append(";\n");
  }

  /** Whether a later step's text names the reference this step made. */
  private static boolean usedLater(StepRecord step, List<StepRecord> steps) {
    Pattern name = Pattern.compile(Pattern.quote(step.ref()) + "(?![0-9])");
    return steps.stream().anyMatch(s -> s.number() > step.number() && name.matcher(
        s.text().substring(0, s.text().contains(" → ") ? s.text().indexOf(" → ") : s.text().length()))
        .find());
  }

  private static final Pattern JSON_SCALAR =
      Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:\\s*(\"[^\"]*\"|-?[0-9]+)");

  /** The response field that most likely holds the new id: {@code id}, else the first scalar. */
  private static String idField(String body) {
    if (body == null) {
      return null;
    }
    Matcher m = JSON_SCALAR.matcher(body);
    String first = null;
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase("id")) {
        return m.group(1);
      }
      first = first == null ? m.group(1) : first;
    }
    return first;
  }

  private static String fieldValue(String body, String field) {
    Matcher m = JSON_SCALAR.matcher(body);
    while (m.find()) {
      if (m.group(1).equals(field)) {
        return m.group(2).replace("\"", "");
      }
    }
    return null;
  }

  /** A Java expression for {@code text}, with recorded ids replaced by their variables. */
  private static String substitute(String text, Map<String, String> variables) {
    String expression = literal(text);
    for (Map.Entry<String, String> v : variables.entrySet()) {
      String quoted = Pattern.quote(v.getKey());
      expression = expression.replaceAll("(?<=[/=:\"])" + quoted + "(?=[/?&,}\"]|$)",
          Matcher.quoteReplacement("\" + " + v.getValue() + " + \""));
    }
    return expression.replace(" + \"\"", "").replace("\"\" + ", "");
  }

  private static String path(String target) {
    if (target == null) {
      return "/";
    }
    try {
      URI uri = URI.create(target);
      if (uri.getScheme() == null) {
        return target;
      }
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return target;
    }
  }

  private static String origin(List<StepRecord> steps) {
    for (StepRecord step : steps) {
      for (Exchange e : step.exchanges()) {
        try {
          URI uri = URI.create(e.target());
          if (uri.getScheme() != null && uri.getHost() != null) {
            return uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
          }
        } catch (IllegalArgumentException | NullPointerException ignored) {
          // A target that is no URI has no origin to offer.
        }
      }
    }
    return null;
  }

  private static String verb(String method) {
    String m = method == null ? "get" : method.toLowerCase(java.util.Locale.ROOT);
    return List.of("get", "post", "put", "delete", "patch", "head", "options").contains(m)
        ? m : "request(" + literal(method) + ", ";
  }

  static String literal(String text) {
    StringBuilder out = new StringBuilder();
    Json.quote(String.valueOf(text), false, out);
    return out.toString();
  }

  /** Text safe inside a line comment: no line breaks, no unicode escapes Java would decode. */
  private static String comment(String text) {
    return Printable.line(String.valueOf(text)).replace("\\u", "\\ u")
        .replace("*/", "* /");
  }

  private static String className(String model) {
    List<String> words = new ArrayList<>(List.of(model.split("[^A-Za-z0-9]+")));
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (!w.isEmpty()) {
        out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))
        ? "Model" + out : out.toString();
  }

  private static String methodName(String description) {
    String name = description.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
    return "replays_" + name;
  }
}
