package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits of the harness over real HTTP are named as such: a body over {@code
 * tollgate.maxBodyBytes}, and a server that accepts and never answers, both end the check as a
 * harness fault, not as "the app may have crashed".
 */
@ExtendWith(RestoreTollgateProperties.class)
class HarnessLimitsTest {
  private static final int FIFTY_MB = 50 * 1024 * 1024;

  /**
   * A raw HTTP/1.1 server on loopback: {@code /chunked?n=N} streams N bytes in chunks, with no
   * Content-Length; {@code /declared?n=N} announces N bytes and streams them; {@code /hang}
   * accepts and never answers. Counts the body bytes it managed to write.
   */
  static final class RawServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicLong written = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    RawServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "raw-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          Thread handler = new Thread(() -> serve(connection), "raw-server-connection");
          handler.setDaemon(true);
          handler.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket connection) {
      try (connection) {
        BufferedReader in = new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        String target = in.readLine().split(" ")[1];
        requests.incrementAndGet();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // Headers are not needed.
        }
        OutputStream out = connection.getOutputStream();
        if (target.startsWith("/hang")) {
          Thread.sleep(60_000);
          return;
        }
        int n = Integer.parseInt(target.substring(target.indexOf("n=") + 2));
        boolean chunked = target.startsWith("/chunked");
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + n + "\r\n")
            + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        for (int left = n; left > 0; ) {
          int size = Math.min(left, block.length);
          if (chunked) {
            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write(block, 0, size);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          written.addAndGet(size);
          left -= size;
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
      } catch (IOException | RuntimeException e) {
        // The client hung up: that is what a refused body looks like from here.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static Model<Object, Http> getting(String path) {
    return Model.define("big", Http.class, Object::new)
        .command("fetch", c -> c.run((http, none) -> http.get(path)))
        .build();
  }

  private static void check(Model<Object, Http> model, HttpSystem system, Duration budget) {
    Tollgate.runner().reporter(Reporter.none()).withoutReports().withoutCorpus().seed(3).tries(2)
        .maxSteps(2).timeBudget(budget).check(model, system);
  }

  @Test
  void a_streamed_body_of_50_mb_is_a_harness_limit_not_a_crashed_app() throws IOException {
    try (RawServer server = new RawServer()) {
      TollgateHarnessException e = catchThrowableOfType(TollgateHarnessException.class,
          () -> check(getting("/chunked?n=" + FIFTY_MB), HttpSystem.at(server.url()),
              Duration.ofMinutes(1)));

      assertThat(e.getMessage())
          .startsWith("Response body over 16777216 bytes from GET /chunked?n=" + FIFTY_MB + " ("
              + server.url() + "): a harness limit (-Dtollgate.maxBodyBytes), not a failed check.")
          .contains("raise -Dtollgate.maxBodyBytes=67108864")
          .doesNotContain("may have crashed");
      assertThat(server.written.get()).as("the rest of the body was not read").isLessThan(FIFTY_MB);
    }
  }

  @Test
  void a_body_that_declares_50_mb_is_refused_before_it_is_read() throws IOException {
    try (RawServer server = new RawServer()) {
      TollgateHarnessException e = catchThrowableOfType(TollgateHarnessException.class,
          () -> check(getting("/declared?n=" + FIFTY_MB), HttpSystem.at(server.url()),
              Duration.ofMinutes(1)));

      assertThat(e.getMessage()).contains("Response body over 16777216 bytes from GET /declared",
          "Content-Length " + FIFTY_MB, "raise -Dtollgate.maxBodyBytes=67108864");
    }
  }

  @Test
  void bodies_within_the_cap_arrive_whole_with_or_without_a_length() throws IOException {
    System.setProperty("tollgate.maxBodyBytes", "200000");
    try (RawServer server = new RawServer()) {
      Http http = HttpSystem.at(server.url()).session();

      assertThat(http.get("/chunked?n=200000").body()).hasSize(200_000).matches("x+");
      assertThat(http.get("/declared?n=200000").body()).hasSize(200_000);
      assertThatThrownBy(() -> http.get("/chunked?n=200001"))
          .isInstanceOf(TollgateHarnessException.class)
          .hasMessageStartingWith("Response body over 200000 bytes from GET /chunked?n=200001");
    }
  }

  @Test
  void a_cap_that_is_not_a_positive_number_is_a_configuration_error() {
    System.setProperty("tollgate.maxBodyBytes", "-1");

    assertThatThrownBy(() -> HttpSystem.at("http://127.0.0.1:9").session())
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("-Dtollgate.maxBodyBytes=-1: expected a whole number of bytes from 1 to"
            + " 2147483639 (default 16777216, 16 MiB).");
  }

  @Test
  void a_server_that_accepts_and_never_answers_ends_with_the_budget_not_the_request_timeout()
      throws IOException {
    try (RawServer server = new RawServer()) {
      HttpSystem system = HttpSystem.at(server.url()).timeout(Duration.ofSeconds(30));

      TollgateHarnessException e = catchThrowableOfType(TollgateHarnessException.class,
          () -> check(getting("/hang"), system, Duration.ofSeconds(1)));

      assertThat(e.getMessage()).startsWith("Model 'big': the time budget of PT1S was used up"
          + " before the first try finished: step 1 (fetch) was still running after ");
    }
  }

  /**
   * A blocking read does not answer an interrupt; the request is cancelled instead. Were it not,
   * the call would wait out its 60 s timeout, far past the 20 s the join waits.
   */
  @Test
  void interrupting_a_thread_waiting_for_an_answer_ends_its_request_saying_so() throws Exception {
    try (RawServer server = new RawServer()) {
      Http http = HttpSystem.at(server.url()).timeout(Duration.ofSeconds(60)).session();
      AtomicReference<Throwable> ended = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          http.get("/hang");
        } catch (Throwable t) {
          ended.set(t);
        }
      }, "hung-caller");
      caller.setDaemon(true);
      caller.start();
      // Wait until the request is on the wire (the server has it), then interrupt.
      for (int i = 0; i < 2000 && server.requests.get() == 0; i++) {
        Thread.sleep(10);
      }
      assertThat(server.requests.get()).as("requests the server got").isEqualTo(1);
      caller.interrupt();
      caller.join(20_000);

      assertThat(caller.isAlive()).as("the caller still waiting 20 s after its interrupt").isFalse();
      assertThat(ended.get()).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("GET /hang was interrupted while waiting for " + server.url());
    }
  }
}
