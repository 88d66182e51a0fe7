package dev.tollgate.internal.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the files a real {@code mvn verify} run leaves behind, in their real shapes, into a test's folder. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A {@code <testcase>} element. */
    /** A gate configuration from key-value pairs, as a tollgate-gate.properties file would give. */
    public static GateConfig config(String... keyValues) {
        java.util.Properties props = new java.util.Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return GateConfig.fromProperties(props, Path.of("."), "test", Map.of());
    }

    public static String passed(String name) {
        return "  <testcase name=\"" + name + "\" classname=\"%CLASS%\" time=\"0.012\"/>\n";
    }

    public static String failed(String name, String message) {
        return "  <testcase name=\"" + name + "\" classname=\"%CLASS%\" time=\"0.020\">\n"
                + "    <failure message=\"" + xmlAttribute(message) + "\" type=\"org.opentest4j.AssertionFailedError\">"
                + "<![CDATA[org.opentest4j.AssertionFailedError: " + message + "\n"
                + "\tat dev.example.Some.method(Some.java:42)\n]]></failure>\n"
                + "    <system-out><![CDATA[log line]]></system-out>\n"
                + "  </testcase>\n";
    }

    /** As Surefire escapes a message attribute, newlines included. */
    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "&#10;");
    }

    public static String errored(String name, String type) {
        return "  <testcase name=\"" + name + "\" classname=\"%CLASS%\" time=\"0.003\">\n"
                + "    <error type=\"" + type + "\"><![CDATA[" + type + ": boom\n\tat x.Y.z(Y.java:1)\n]]></error>\n"
                + "  </testcase>\n";
    }

    public static String skipped(String name) {
        return "  <testcase name=\"" + name + "\" classname=\"%CLASS%\" time=\"0\">\n"
                + "    <skipped message=\"disabled\"/>\n  </testcase>\n";
    }

    /** {@code <module>/target/<plugin>-reports/TEST-<className>.xml} as Surefire 3 writes it. */
    public static Path junitXml(Path root, String module, String plugin, String className, String... testCases) {
        long failures = Arrays.stream(testCases).filter(t -> t.contains("<failure")).count();
        long errors = Arrays.stream(testCases).filter(t -> t.contains("<error")).count();
        long skipped = Arrays.stream(testCases).filter(t -> t.contains("<skipped")).count();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0.2\" name=\""
                + className + "\" time=\"0.052\" tests=\"" + testCases.length + "\" errors=\"" + errors
                + "\" skipped=\"" + skipped + "\" failures=\"" + failures + "\">\n"
                + "  <properties>\n    <property name=\"java.version\" value=\"17.0.15\"/>\n  </properties>\n"
                + Arrays.stream(testCases).map(t -> t.replace("%CLASS%", className)).collect(Collectors.joining())
                + "</testsuite>\n";
        return write(root.resolve(module).resolve("target").resolve(plugin + "-reports")
                .resolve("TEST-" + className + ".xml"), xml);
    }

    /** A passing Tollgate report with one command's latency. */
    public static String passingReport(String test, String command, double p95Ms) {
        return "{\"schema\": \"tollgate-report/1\", \"test\": \"" + test + "\", \"status\": \"passed\",\n"
                + " \"seed\": 42,\n"
                + " \"latency\": {\"" + command + "\": {\"count\": 120, \"p50Ms\": 1.2, \"p95Ms\": " + p95Ms
                + ", \"p99Ms\": 9.9}}}\n";
    }

    public static String failingReport(String test, String command, String check, String message) {
        return "{\"schema\": \"tollgate-report/1\", \"test\": \"" + test + "\", \"status\": \"failed\",\n"
                + " \"failure\": {\"command\": \"" + command + "\", \"check\": \"" + check + "\", \"message\": \""
                + message + "\"},\n"
                + " \"latency\": {\"" + command + "\": {\"count\": 7, \"p50Ms\": 1.0, \"p95Ms\": 2.0, \"p99Ms\": 2.5}}}\n";
    }

    /**
     * A failed report as the harness writes it: with the replay token and command and the full
     * failure message; the folder also gets report.md and report.html, as {@code ReportFiles} does.
     */
    public static Path failingReportWithReplay(Path root, String module, String test, String command, String check,
            String shortMessage, String replayCommand, String fullMessage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", "tollgate-report/1");
        json.put("test", test);
        json.put("model", "todos");
        json.put("status", "failed");
        json.put("failure", Map.of("command", command, "check", check, "message", shortMessage));
        json.put("latency", Map.of(command, Map.of("count", 7, "p50Ms", 1.0, "p95Ms", 2.0, "p99Ms", 2.5)));
        json.put("seed", 42);
        String token = replayCommand.substring(replayCommand.indexOf("-Dtollgate.replay=") + "-Dtollgate.replay=".length());
        json.put("replay", Map.of("token", token, "command", replayCommand));
        json.put("message", fullMessage);
        // As Tollgate names report folders: the fully qualified class and the method.
        String folder = test.replace('$', '.').replace('#', '.');
        Path file;
        try {
            file = tollgateReport(root, module, folder, new ObjectMapper().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        write(file.resolveSibling("report.md"), "# Tollgate report\n");
        write(file.resolveSibling("report.html"), "<html></html>\n");
        return file;
    }

    /** {@code <module>/target/tollgate/<test>/report.json}. */
    public static Path tollgateReport(Path root, String module, String test, String json) {
        return write(root.resolve(module).resolve("target").resolve("tollgate").resolve(test).resolve("report.json"),
                json);
    }

    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
