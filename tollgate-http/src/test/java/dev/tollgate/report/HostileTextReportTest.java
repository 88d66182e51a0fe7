package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.internal.text.Printable;
import dev.tollgate.model.Model;
import dev.tollgate.runner.ModelCheckFailure;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments and bodies full of NUL, escape, bidi controls and lone surrogates: every report file,
 * the generated test and the console stay valid UTF-8 text with those characters escaped.
 */
@ExtendWith(RestoreTollgateProperties.class)
class HostileTextReportTest {
  /** NUL, ESC, DEL, a C1 control, right-to-left override, a bidi isolate, a lone high and a lone low surrogate. */
  private static final String HOSTILE = "a\u0000b\u001b[31m\u007f\u0085\u202eevil\u2066\ud800x\udc00";

  @TempDir Path reports;

  @Test
  void every_written_file_and_console_line_escapes_control_bidi_and_lone_surrogate_characters() throws Exception {
    System.setProperty("tollgate.reportDir", reports.toString());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      // Raw control bytes, an RLO, and bytes of an encoded surrogate (not valid UTF-8) in the body.
      byte[] body = {'o', 'k', 0, 0x1b, (byte) 0xe2, (byte) 0x80, (byte) 0xae, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    List<String> console = new CopyOnWriteArrayList<>();
    ModelCheckFailure failure;
    try {
      Model<String, Http> model = Model.define("hostile", Http.class, () -> "state with " + HOSTILE)
          .command("echo", c -> c.with(Gen.elements(HOSTILE))
              .run((http, text) -> http.post("/echo?q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8),
                  Map.of("text", text)))
              .expect((m, call, response) -> assertThat(response.body()).isEqualTo(call.arg())))
          .build();
      failure = catchThrowableOfType(ModelCheckFailure.class, () -> Tollgate.runner().seed(1).tries(5)
          .reporter(console::add).withoutCorpus().test("dev.example.HostileIT", "echo")
          .check(model, HttpSystem.at("http://127.0.0.1:" + server.getAddress().getPort())));
    } finally {
      server.stop(0);
    }

    assertThat(failure).isNotNull();
    assertPrintable("the failure message", failure.getMessage());
    assertThat(failure.getMessage()).contains("\\u0000", "\\u202E", "\\uD800");
    console.forEach(line -> assertPrintable("console line " + line, line));
    Path folder = reports.resolve("dev.example.HostileIT.echo");
    for (String name : List.of("report.json", "report.md", "report.html")) {
      String text = strictUtf8(folder.resolve(name));
      assertPrintable(name, text);
      assertThat(text.toLowerCase()).as(name).contains("\\u0000", "\\u001b", "\\u202e", "\\u2066", "\\ud800", "\\udc00");
    }
    String generated = new ObjectMapper().readTree(folder.resolve("report.json").toFile()).path("generatedTest").asText();
    assertThat(generated).contains("void replays_");
    assertPrintable("the generated test", generated);
  }

  private static String strictUtf8(Path file) throws Exception {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
  }

  private static void assertPrintable(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\t') {
        assertThat(Printable.unsafe(text, i)).as(what + ": character U+%04X at %d", (int) c, i).isFalse();
      }
    }
  }
}
