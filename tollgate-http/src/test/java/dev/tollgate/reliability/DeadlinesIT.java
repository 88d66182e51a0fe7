package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateHarnessException;
import dev.tollgate.http.Http;
import dev.tollgate.http.HttpSystem;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.Runner;
import dev.tollgate.runner.SystemUnderTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check never outlives its time budget by much: a step that hangs in process and a server that
 * accepts and never answers both end the check near {@code timeBudget=PT3S}, long before the
 * step (20 s) or the request timeout (30 s) would have. The bound asserted is loose on purpose
 * (15 s, against a machine that is busy with other builds); without the engine's deadlines these
 * checks take 20 s and more.
 */
class DeadlinesIT {
  private static final Duration BUDGET = Duration.ofSeconds(3);
  private static final long BOUND_MILLIS = 15_000;

  private static Runner runner() {
    return Tollgate.runner().reporter(Reporter.none()).withoutReports().withoutCorpus().seed(2)
        .timeBudget(BUDGET);
  }

  private static long millisOf(Runnable check) {
    long start = System.nanoTime();
    check.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void a_step_that_sleeps_20_s_in_process_ends_the_check_with_the_budget() {
    Model<Object, Object> model = Model.define("sleepy", Object.class, Object::new)
        .command("nap", c -> c.run((client, none) -> {
          Thread.sleep(20_000);
          return "rested";
        }))
        .build();
    SystemUnderTest<Object> system = new SystemUnderTest<>() {
      @Override
      public void reset() {}

      @Override
      public Object client(User user) {
        return new Object();
      }
    };
    TollgateHarnessException[] thrown = new TollgateHarnessException[1];

    long millis = millisOf(() -> thrown[0] = catchThrowableOfType(TollgateHarnessException.class,
        () -> runner().check(model, system)));

    assertThat(thrown[0]).hasMessageContaining("the time budget of PT3S was used up before the"
        + " first try finished: step 1 (nap) was still running after");
    assertThat(millis).isLessThan(BOUND_MILLIS);
  }

  @Test
  void a_server_that_accepts_and_never_answers_ends_the_check_with_the_budget() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            Socket socket = server.accept();
            synchronized (held) {
              held.add(socket);
            }
          }
        } catch (IOException closed) {
          // The test is over.
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Model<Object, Http> model = Model.define("silent", Http.class, Object::new)
          .command("fetch", c -> c.run((http, none) -> http.get("/anything")))
          .build();
      HttpSystem system = HttpSystem.at("http://127.0.0.1:" + server.getLocalPort())
          .timeout(Duration.ofSeconds(30));
      TollgateHarnessException[] thrown = new TollgateHarnessException[1];

      long millis = millisOf(() -> thrown[0] = catchThrowableOfType(
          TollgateHarnessException.class, () -> runner().check(model, system)));

      assertThat(thrown[0]).hasMessageContaining("step 1 (fetch) was still running after");
      assertThat(millis).isLessThan(BOUND_MILLIS);
    } finally {
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }
}
