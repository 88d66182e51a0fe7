package dev.tollgate.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.report.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String HOSTILE = "<script>alert('x')</script> \"q\" & 😀 </pre>";

  static RunRecord hostileRun() {
    Exchange exchange = new Exchange("POST", "/todos", Map.of("X-Title", List.of(HOSTILE)),
        "{\"title\":\"" + HOSTILE + "\"}", 201, Map.of(), HOSTILE, Duration.ofMillis(3), null);
    RunRecord.StepRecord step = new RunRecord.StepRecord(1, "user1", "add_todo",
        "user1 add_todo(\"" + HOSTILE + "\")", null, "logged_in", HOSTILE, HOSTILE, HOSTILE, 3.0,
        List.of(exchange), true);
    return new RunRecord(HOSTILE, HOSTILE,
        new RunRecord.FailureRecord(1, "add_todo", "postcondition", null,
            "postcondition of " + HOSTILE, HOSTILE, HOSTILE, HOSTILE),
        List.of(step), new RunRecord.Discovery("random try", 1, 10, 3, 2, 1, false, 5, 1, 3, 4), 42L,
        "t1.x.42.AA", "mvn test -Dtollgate.replay=t1.x.42.AA " + HOSTILE,
        new RunRecord.Flakiness(3, 2),
        new RunRecord.Coverage(1, 1, Map.of(HOSTILE, 1), List.of("logged_in", HOSTILE),
            List.of(new RunRecord.Transition("logged_in", HOSTILE, HOSTILE, 1)), Map.of(1, 1),
            Map.of(HOSTILE, new RunRecord.Latency(1, 3, 3, 3))),
        List.of(new RunRecord.CorpusOutcome(HOSTILE, "passed", HOSTILE)),
        Map.of("settings", Map.of(HOSTILE, HOSTILE)), HOSTILE);
  }

  @Test
  void escapes_every_hostile_string_from_the_model_the_system_and_the_environment() {
    String html = HtmlReport.render(hostileRun(), HOSTILE);

    assertThat(html).doesNotContain("<script>alert").doesNotContain("</pre> ")
        .doesNotContain("\"q\"")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; &amp; 😀");
    assertThat(html.split("<script>", -1)).hasSize(2);
    assertThat(html).contains("flaky: reproduced 2 of 3");
  }

  @Test
  void json_with_hostile_strings_still_parses_and_keeps_them_exactly() throws Exception {
    String json = JsonReport.render(hostileRun(), HOSTILE);

    var root = new ObjectMapper().readTree(json);
    assertThat(root.path("test").asText()).isEqualTo(HOSTILE);
    assertThat(root.path("steps").get(0).path("exchanges").get(0).path("responseBody").asText())
        .isEqualTo(HOSTILE);
    assertThat(json).doesNotContain("<script>");
  }

  @Test
  void markdown_keeps_hostile_strings_inside_code() {
    String md = MarkdownReport.render(hostileRun());

    assertThat(md).contains("` " + HOSTILE + " `").contains("FAILED: postcondition of \\<script\\>");
  }
}
