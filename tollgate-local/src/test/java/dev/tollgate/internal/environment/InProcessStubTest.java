package dev.tollgate.internal.environment;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InProcessStubTest {

  /**
   * Twenty answers delayed by a stubbed slow dependency are more than the stub's request threads.
   * Were each delay spent on one of them, the call after them would wait for the first delays to
   * end; it is answered while all twenty still wait.
   */
  @Test
  void a_delayed_answer_waits_on_a_timer_so_calls_after_many_of_them_are_answered_meanwhile()
      throws Exception {
    InProcessStub stub = InProcessStub.start("slow-dependency");
    try {
      stub.client().register(get("/slow").willReturn(ok().withFixedDelay(8_000)));
      stub.client().register(get("/fast").willReturn(ok()));
      HttpClient http = HttpClient.newHttpClient();
      List<CompletableFuture<HttpResponse<Void>>> slow = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        slow.add(http.sendAsync(request(stub, "/slow"), HttpResponse.BodyHandlers.discarding()));
      }

      HttpResponse<Void> fast = http.send(request(stub, "/fast"), HttpResponse.BodyHandlers.discarding());

      assertThat(fast.statusCode()).isEqualTo(200);
      assertThat(slow).as("delayed answers already sent when the call after them was answered")
          .noneMatch(CompletableFuture::isDone);
    } finally {
      stub.close();
    }
  }

  private static HttpRequest request(InProcessStub stub, String path) {
    return HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
        .timeout(Duration.ofSeconds(60)).build();
  }
}
