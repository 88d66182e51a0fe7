package dev.tollgate.internal.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code report.json} in the versioned schema {@value #SCHEMA_PREFIX}{@value #MAJOR}.
 * Unknown fields are ignored, so the harness can add to the report without a new gate; a
 * different major version is refused, since its fields may mean something else.
 */
public final class TollgateReportReader {
    static final String SCHEMA_PREFIX = "tollgate-report/";
    static final int MAJOR = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TollgateReportReader() {
    }

    public static TollgateReport read(Path file) {
        JsonNode root = parse(file);
        checkSchema(root, file);
        String test = requiredText(root, "test", file);
        String status = requiredText(root, "status", file);
        if (!status.equals("passed") && !status.equals("failed") && !status.equals("running")) {
            throw malformed(file, "\"status\" to be \"passed\", \"failed\" or \"running\"", "\"" + status + "\"");
        }
        Optional<TollgateReport.Failure> failure = Optional.empty();
        JsonNode f = root.path("failure");
        if (f.isObject()) {
            failure = Optional.of(new TollgateReport.Failure(
                    f.path("command").asText(""), f.path("check").asText(""), f.path("message").asText("")));
        }
        Optional<TollgateReport.Replay> replay = Optional.empty();
        JsonNode r = root.path("replay");
        if (r.isObject() && !r.path("token").asText("").isBlank()) {
            replay = Optional.of(new TollgateReport.Replay(r.path("token").asText(), r.path("command").asText("")));
        }
        return new TollgateReport(test, status.equals("passed"), failure, latency(root, file), file,
                status.equals("running"), replay, root.path("message").asText(""), flaky(root), versus(root, file),
                migration(root, file));
    }

    /** {@code flaky}; reports from before {@code kind} was added are judged by their classification text. */
    private static Optional<TollgateReport.Flaky> flaky(JsonNode root) {
        JsonNode node = root.path("flaky");
        if (!node.isObject()) {
            return Optional.empty();
        }
        String classification = node.path("classification").asText("");
        String kind = node.path("kind").asText(classification.startsWith("flaky") ? "flaky"
                : classification.startsWith("deterministic") ? "deterministic" : "unclassified");
        JsonNode interval = node.path("interval95");
        return Optional.of(new TollgateReport.Flaky(kind, classification, node.path("reruns").asInt(0),
                node.path("reproduced").asInt(0), interval.path("low").asDouble(Double.NaN),
                interval.path("high").asDouble(Double.NaN)));
    }

    /** {@code migration}: the release whose model ran, and the scripts of the later release it ran after. */
    private static Optional<TollgateReport.Migration> migration(JsonNode root, Path file) {
        JsonNode node = root.path("migration");
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        JsonNode scripts = node.path("scripts");
        if (!node.isObject() || !node.path("release").isTextual() || !scripts.isArray()) {
            throw malformed(file, "\"migration\" to be an object with a text \"release\" and an array"
                    + " \"scripts\"", node.toString());
        }
        List<String> names = new ArrayList<>();
        scripts.forEach(script -> names.add(script.asText()));
        return Optional.of(new TollgateReport.Migration(node.path("release").asText(), names,
                root.path("statistics").path("programs").asLong(0), root.path("failure").path("step").asInt(0)));
    }

    /** {@code versus}: a comparison's p95 per command on the control and on the candidate. */
    private static Map<String, TollgateReport.Versus> versus(JsonNode root, Path file) {
        Map<String, TollgateReport.Versus> versus = new LinkedHashMap<>();
        JsonNode node = root.path("versus");
        if (node.isMissingNode() || node.isNull()) {
            return versus;
        }
        if (!node.isObject()) {
            throw malformed(file, "\"versus\" to be an object of commands", node.getNodeType().toString());
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var command = it.next();
            JsonNode control = command.getValue().path("controlP95Ms");
            JsonNode candidate = command.getValue().path("candidateP95Ms");
            if (!control.isNumber() || !candidate.isNumber()) {
                continue; // a command only one side ran: nothing to compare
            }
            versus.put(command.getKey(), new TollgateReport.Versus(
                    command.getValue().path("count").asLong(0), control.asDouble(), candidate.asDouble()));
        }
        return versus;
    }

    private static Map<String, TollgateReport.Latency> latency(JsonNode root, Path file) {
        Map<String, TollgateReport.Latency> latency = new LinkedHashMap<>();
        JsonNode node = root.path("latency");
        if (node.isMissingNode() || node.isNull()) {
            return latency;
        }
        if (!node.isObject()) {
            throw malformed(file, "\"latency\" to be an object of commands", node.getNodeType().toString());
        }
        for (Map.Entry<String, JsonNode> command : node.properties()) {
            JsonNode p95 = command.getValue().path("p95Ms");
            if (!p95.isNumber()) {
                throw malformed(file, "\"latency\".\"" + command.getKey() + "\".\"p95Ms\" to be a number",
                        p95.isMissingNode() ? "no such field" : p95.toString());
            }
            latency.put(command.getKey(),
                    new TollgateReport.Latency(command.getValue().path("count").asLong(0), p95.asDouble()));
        }
        return latency;
    }

    private static void checkSchema(JsonNode root, Path file) {
        JsonNode schema = root.path("schema");
        String expected = "\"schema\": \"" + SCHEMA_PREFIX + MAJOR + "\"";
        if (!schema.isTextual()) {
            throw new CannotDecideException("expected " + expected + " in " + file + ", but found "
                    + (schema.isMissingNode() ? "no \"schema\" field" : schema.toString())
                    + ". Fix: this is not a Tollgate report, or one from a harness older than the gate;"
                    + " remove it or rerun the tests with the current harness.");
        }
        String value = schema.asText();
        String major = value.startsWith(SCHEMA_PREFIX) ? value.substring(SCHEMA_PREFIX.length()).split("\\.")[0] : "";
        if (!major.equals(String.valueOf(MAJOR))) {
            throw new CannotDecideException("expected " + expected + " in " + file + ", but found \"" + value
                    + "\". This gate reads major version " + MAJOR + " only. Fix: use the gate from the same"
                    + " Tollgate release as the harness that wrote the report.");
        }
    }

    private static String requiredText(JsonNode root, String field, Path file) {
        JsonNode node = root.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw malformed(file, "a text field \"" + field + "\"",
                    node.isMissingNode() ? "no such field" : node.toString());
        }
        return node.asText();
    }

    private static CannotDecideException malformed(Path file, String expected, String found) {
        return new CannotDecideException("expected " + expected + " in Tollgate report " + file + ", but found "
                + found + ". Fix: rerun the tests so the harness rewrites the report, or delete the file.");
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw malformed(file, "a JSON object", root == null ? "an empty file" : root.getNodeType().toString());
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            throw new CannotDecideException("expected well-formed JSON in Tollgate report " + file + ", but found: "
                    + e.getOriginalMessage() + where + ". Fix: rerun the tests (a killed JVM leaves cut-off"
                    + " reports), or delete the file.", e);
        } catch (IOException e) {
            throw new CannotDecideException("expected a readable Tollgate report at " + file
                    + ", but reading it failed: " + e + ". Fix: check the file's permissions.", e);
        }
    }
}
