package dev.tollgate.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.internal.report.RunRecord;
import dev.tollgate.internal.report.RunRecord.FailureRecord;
import dev.tollgate.internal.report.RunRecord.StepRecord;
import dev.tollgate.internal.text.Printable;
import dev.tollgate.internal.secrets.Redactor;
import dev.tollgate.report.Exchange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes the shrunk failure as a plain JUnit 5 + RestAssured test to paste into a suite: one
 * request chain per recorded exchange. Values that flow from a response into later requests (the
 * ids behind the model's references, session tokens, even where reports masked them) are
 * extracted at the JSON path where they were found and reused. Every step asserts the status it
 * got, except the failing one, which asserts what the model expected, so the test fails against
 * the bug and passes once it is fixed. Steps that ran in process become a commented outline.
 */
public final class RestAssuredTest {
  private static final Pattern SKIPPED_HEADERS =
      Pattern.compile("(?i)content-length|host|connection|user-agent|accept-encoding|upgrade"
          + "|http2-settings");
  /** Jackson, loaded only when a body is read, so a report never needs it on the classpath. */
  private static final class Parser {
    static final ObjectMapper JSON = new ObjectMapper();

    static void leaves(String body, Map<String, String> out) throws IOException {
      collect(JSON.readTree(body), "", out);
    }

    private static void collect(JsonNode node, String path, Map<String, String> out) {
      if (node == null) {
        return;
      }
      if (node.isObject()) {
        node.fields().forEachRemaining(f -> collect(f.getValue(),
            (path.isEmpty() ? "" : path + ".") + key(f.getKey()), out));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(node.get(i), path + "[" + i + "]", out);
        }
      } else if ((node.isTextual() || node.isIntegralNumber()) && !path.isEmpty()) {
        out.putIfAbsent(path, node.asText());
      }
    }
  }

  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
  /** Characters around a value in a path, query, header or JSON body that make it a whole token. */
  private static final String BEFORE = "/=: \"[,{";
  private static final String AFTER = "/?&,}]\"; ";
  private static final int SHORTEST_CARRIED = 8;
  private static final Set<String> JAVA_WORDS = Set.of("abstract", "assert", "boolean", "break",
      "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
      "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements",
      "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "var", "record", "yield", "true", "false", "null", "given", "response");

  private RestAssuredTest() {}

  /** One recorded request of a step. */
  private record Call(StepRecord step, Exchange exchange, boolean lastOfStep) {}

  /** A value to take from a response: at {@code path}, into {@code variable}. */
  private record Extraction(String path, String value, String variable) {}

  /** Returns Java source, or {@code ""} when the check passed. */
  public static String render(RunRecord run) {
    if (run.passed()) {
      return "";
    }
    List<Call> calls = new ArrayList<>();
    for (StepRecord step : run.steps()) {
      for (int i = 0; i < step.exchanges().size(); i++) {
        calls.add(new Call(step, step.exchanges().get(i), i == step.exchanges().size() - 1));
      }
    }
    Map<Call, List<Extraction>> extractions = extractions(calls);
    Set<String> imports = new TreeSet<>();
    Set<String> staticImports = new TreeSet<>(Set.of("io.restassured.RestAssured.given"));
    imports.add("org.junit.jupiter.api.Test");
    StringBuilder body = new StringBuilder();
    String origin = origin(run.steps());
    if (origin == null && run.environment() != null
        && run.environment().get("baseUrl") instanceof String base) {
      origin = base.replaceAll("/+$", "");
    }
    if (origin != null) {
      imports.add("io.restassured.RestAssured");
      imports.add("org.junit.jupiter.api.BeforeAll");
      body.append("  @BeforeAll\n  static void pointAtTheSystem() {\n")
          .append("    // Recorded against this address; point it at the system to test.\n")
          .append("    RestAssured.baseURI = ").append(literal(origin)).append(";\n  }\n\n");
    }
    body.append("  @Test\n  void ").append(methodName(run.failure().description()))
        .append("() {\n");
    Map<String, String> variables = new LinkedHashMap<>();
    int index = 0;
    for (StepRecord step : run.steps()) {
      body.append("    // ").append(step.number()).append(". ").append(comment(step.text()))
          .append(step.failed() ? "  <-- failed: " + comment(run.failure().description()) : "")
          .append('\n');
      if (step.exchanges().isEmpty()) {
        body.append("    // (ran in process, no HTTP exchange recorded: call it here)\n");
        continue;
      }
      for (int i = 0; i < step.exchanges().size(); i++) {
        Call call = calls.get(index++);
        chain(call, extractions.getOrDefault(call, List.of()), run.failure(), variables,
            staticImports, body);
      }
    }
    body.append("  }\n}\n");

    StringBuilder out = new StringBuilder();
    staticImports.forEach(i -> out.append("import static ").append(i).append(";\n"));
    out.append('\n');
    imports.forEach(i -> out.append("import ").append(i).append(";\n"));
    out.append("\n/** Replays Tollgate's shrunk failure: ")
        .append(comment(run.failure().description())).append(". */\nclass ")
        .append(className(run.model())).append("RegressionTest {\n\n").append(body);
    return out.toString();
  }

  /**
   * Which response values later requests use, and where each response holds them: the value
   * behind a step's reference, a masked value (a token the report hid), or any text of 8 or more
   * characters. A value is taken from the first response that holds it.
   */
  private static Map<Call, List<Extraction>> extractions(List<Call> calls) {
    Map<Call, List<Extraction>> out = new LinkedHashMap<>();
    Set<String> sourced = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      Map<String, String> leaves = leaves(call.exchange().responseBody());
      Map<String, String> refValues =
          call.lastOfStep() ? refValues(call.step(), leaves) : new LinkedHashMap<>();
      for (Map.Entry<String, String> leaf : leaves.entrySet()) {
        String value = leaf.getValue();
        if (sourced.contains(value)) {
          continue;
        }
        // A ref with an empty value: it is not in its response, so any value used later is it.
        String ref = refValues.containsKey(value) ? refValues.get(value) : refValues.get("");
        boolean byRef = ref != null;
        boolean carried = byRef || value.startsWith(Redactor.MASK_PREFIX)
            || (value.length() >= SHORTEST_CARRIED && !WHOLE_NUMBER.matcher(value).matches());
        if (!carried || !usedAfter(value, calls, i)) {
          continue;
        }
        sourced.add(value);
        String name = byRef ? identifier(ref) : identifier(lastKey(leaf.getKey()));
        if (byRef) {
          refValues.values().remove(ref);
        }
        String unique = name;
        for (int n = 2; !names.add(unique); n++) {
          unique = name + n;
        }
        out.computeIfAbsent(call, c -> new ArrayList<>())
            .add(new Extraction(leaf.getKey(), value, unique));
      }
    }
    return out;
  }

  /**
   * The values the step's references were bound to, as the step's text shows them ({@code → todo#2
   * = 17, user#2 = 5}), each to its reference. The text and the exchanges come from the same run;
   * a value the response does not hold (taken from a header, or changed by the extractor) is
   * keyed "" instead: the first of the response's values that a later request uses stands for it.
   */
  private static Map<String, String> refValues(StepRecord step, Map<String, String> leaves) {
    Map<String, String> out = new LinkedHashMap<>();
    if (step.ref() == null) {
      return out;
    }
    String[] refs = step.ref().split(", ");
    int arrow = step.text().lastIndexOf(" → " + refs[0]);
    String shown = arrow < 0 ? "" : step.text().substring(arrow + 3);
    for (int r = 0; r < refs.length; r++) {
      String marker = refs[r] + " = ";
      int at = shown.startsWith(marker) ? 0 : shown.indexOf(", " + marker);
      String value = null;
      if (at >= 0) {
        int start = at + (at == 0 ? 0 : 2) + marker.length();
        int end = r + 1 < refs.length ? shown.indexOf(", " + refs[r + 1], start) : -1;
        value = shown.substring(start, end < 0 ? shown.length() : end);
      }
      out.putIfAbsent(value != null && leaves.containsValue(value) ? value : "", refs[r]);
    }
    return out;
  }

  private static boolean usedAfter(String value, List<Call> calls, int index) {
    for (int j = index + 1; j < calls.size(); j++) {
      Exchange e = calls.get(j).exchange();
      if (!occurrences(path(e.target()), value).isEmpty()
          || !occurrences(e.requestBody(), value).isEmpty()) {
        return true;
      }
      if (e.requestHeaders() != null) {
        for (List<String> values : e.requestHeaders().values()) {
          for (String v : values) {
            if (!occurrences(v, value).isEmpty()) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Where {@code value} stands as a whole token in {@code text}. */
  private static List<Integer> occurrences(String text, String value) {
    List<Integer> at = new ArrayList<>();
    if (text == null || value.isEmpty()) {
      return at;
    }
    for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
      int end = i + value.length();
      boolean starts = i == 0 || BEFORE.indexOf(text.charAt(i - 1)) >= 0;
      boolean ends = end == text.length() || AFTER.indexOf(text.charAt(end)) >= 0;
      if (starts && ends) {
        at.add(i);
      }
    }
    return at;
  }

  /** The scalar leaves of a JSON body by RestAssured path ({@code article.slug}, {@code [0].id}). */
  private static Map<String, String> leaves(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return out;
    }
    try {
      Parser.leaves(body, out);
    } catch (IOException | RuntimeException e) {
      // A body that is not JSON (or was cut) offers no paths.
    } catch (LinkageError e) {
      // No Jackson on the classpath (an in-process model): the test reuses no values then.
    }
    return out;
  }

  private static String key(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name
        : "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String lastKey(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[[0-9]+]", "");
    return last.isEmpty() ? "value" : last;
  }

  /** A Java local name for a reference ({@code note#2} → {@code note2}) or a JSON key. */
  private static String identifier(String text) {
    String[] words = text.split("[^A-Za-z0-9]+");
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      out.append(out.isEmpty() ? Character.toLowerCase(w.charAt(0))
          : Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    String name = out.toString();
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))
        || JAVA_WORDS.contains(name)) {
      name = "value" + (name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0))
          + name.substring(1));
    }
    return name;
  }

  private static void chain(Call call, List<Extraction> extract, FailureRecord failure,
      Map<String, String> variables, Set<String> staticImports, StringBuilder out) {
    Exchange e = call.exchange();
    boolean failing = call.step().failed() && call.lastOfStep();
    // A chain assigned to a variable sits one level deeper, as a formatter would put it.
    String in = extract.isEmpty() ? "    " : "        ";
    String held = extract.size() > 1 ? "response" + call.step().number() : null;
    out.append("    ");
    if (extract.size() == 1) {
      out.append("Object ").append(extract.get(0).variable()).append(" =\n").append(in);
    } else if (held != null) {
      out.append("var ").append(held).append(" =\n").append(in);
    }
    out.append("given()");
    if (e.requestHeaders() != null) {
      e.requestHeaders().forEach((name, values) -> {
        if (!SKIPPED_HEADERS.matcher(name).matches()) {
          for (String value : values) {
            String expression = substitute(value, variables);
            out.append('\n').append(in).append("    .header(").append(literal(name)).append(", ")
                .append(expression).append(')')
                .append(expression.contains(Redactor.MASK_PREFIX) ? " // redacted: fill in" : "");
          }
        }
      });
    }
    if (e.requestBody() != null && !e.requestBody().isEmpty()) {
      String expression = substitute(e.requestBody(), variables);
      out.append('\n').append(in).append("    .body(").append(expression).append(')')
          .append(expression.contains(Redactor.MASK_PREFIX) ? " // redacted: fill in" : "");
    }
    out.append('\n').append(in).append(".when()\n").append(in).append("    .")
        .append(verb(e.method())).append(substitute(path(e.target()), variables))
        .append(")\n").append(in).append(".then()");
    String note = assertion(e, failing ? failure : null, in, staticImports, out);
    if (extract.size() == 1) {
      out.append('\n').append(in).append("    .extract().path(")
          .append(literal(extract.get(0).path())).append(')');
    } else if (held != null) {
      out.append('\n').append(in).append("    .extract()");
    }
    out.append(';').append(note == null ? "" : " // " + note).append('\n');
    for (Extraction x : extract) {
      if (held != null) {
        out.append("    Object ").append(x.variable()).append(" = ").append(held)
            .append(".path(").append(literal(x.path())).append(");\n");
      }
      variables.put(x.value(), x.variable());
    }
  }

  /**
   * What the chain checks: the status the step got, or, on the failing step, what the model
   * expected there (a status, or a JSON field where the wrong value was found). Returns the
   * comment for the end of the statement, or null.
   */
  private static String assertion(Exchange e, FailureRecord failure, String in,
      Set<String> staticImports, StringBuilder out) {
    String status = "\n" + in + "    .statusCode(";
    if (failure == null || failure.expected() == null || failure.actual() == null) {
      out.append(status).append(e.status()).append(')');
      return failure == null ? null : "Tollgate's check failed here: "
          + comment(failure.description()) + "; assert what the model expected";
    }
    String expected = failure.expected();
    String actual = failure.actual();
    if (WHOLE_NUMBER.matcher(expected).matches() && actual.equals(String.valueOf(e.status()))) {
      out.append(status).append(expected).append(')');
      return "the model expected " + expected + "; the build under test answered " + actual;
    }
    out.append(status).append(e.status()).append(')');
    String bare = unquoted(actual);
    String path = null;
    for (Map.Entry<String, String> leaf : leaves(e.responseBody()).entrySet()) {
      if (leaf.getValue().equals(bare)) {
        path = leaf.getKey();
        break;
      }
    }
    if (path == null) {
      return "Tollgate's check failed here: expected " + comment(expected) + " but was "
          + comment(actual) + "; assert what the model expected";
    }
    staticImports.add("org.hamcrest.Matchers.equalTo");
    String value = unquoted(expected);
    String javaValue = WHOLE_NUMBER.matcher(value).matches() && !expected.startsWith("\"")
        ? (Math.abs(Long.parseLong(value)) <= Integer.MAX_VALUE ? value : value + "L")
        : literal(value);
    out.append('\n').append(in).append("    .body(").append(literal(path)).append(", equalTo(")
        .append(javaValue).append("))");
    return "the model expected " + comment(expected) + "; the build under test answered "
        + comment(actual);
  }

  private static String unquoted(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1) : text;
  }

  /** A Java expression for {@code text}, with values taken from earlier responses as variables. */
  private static String substitute(String text, Map<String, String> variables) {
    // Longest values first, so a value inside a longer one is not split out of it.
    List<Map.Entry<String, String>> byLength = new ArrayList<>(variables.entrySet());
    byLength.sort((a, b) -> b.getKey().length() - a.getKey().length());
    String[] owner = new String[text.length()];
    for (Map.Entry<String, String> v : byLength) {
      for (int at : occurrences(text, v.getKey())) {
        boolean free = true;
        for (int k = at; k < at + v.getKey().length(); k++) {
          free &= owner[k] == null;
        }
        if (free) {
          for (int k = at; k < at + v.getKey().length(); k++) {
            owner[k] = v.getValue();
          }
        }
      }
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      if (owner[i] == null) {
        while (j < text.length() && owner[j] == null) {
          j++;
        }
        parts.add(literal(text.substring(i, j)));
      } else {
        String variable = owner[i];
        while (j < text.length() && variable.equals(owner[j])) {
          j++;
        }
        parts.add(variable);
      }
      i = j;
    }
    if (parts.isEmpty()) {
      return literal(text);
    }
    String joined = String.join(" + ", parts);
    // A lone variable still has to be a String where RestAssured wants one.
    return parts.size() == 1 && !parts.get(0).startsWith("\"") ? "String.valueOf(" + joined + ")"
        : joined;
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
        ? m + "(" : "request(" + literal(method) + ", ";
  }

  static String literal(String text) {
    StringBuilder out = new StringBuilder();
    dev.tollgate.internal.report.Json.quote(String.valueOf(text), false, out);
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
