package dev.tollgate.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConcurrentRunReportTest {
  private static final ConcurrentRun RACE = ConcurrentRuns.voteRace("");

  @Test
  void a_lost_vote_is_shown_with_its_closest_order_and_where_it_breaks() {
    assertThat(RACE.outcome()).isEqualTo("not linearizable");
    assertThat(RACE.operations()).extracting(ConcurrentRun.Op::text).containsExactly(
        "user2 vote(todo#1)", "user3 vote(todo#1)", "user2 votes(todo#1)", "user3 vote(todo#1)");
    assertThat(RACE.closestOrder()).containsExactly(
        new ConcurrentRun.Placed(0, "todo#1 has 1 vote"));
    assertThat(RACE.breaks()).containsExactly(new ConcurrentRun.Break(1, "todo#1 has 1 vote",
        "postcondition of vote: expected the count to be 2 but the answer was 1"));
    assertThat(RACE.statesTried()).containsExactly("todo#1 has 0 votes", "todo#1 has 1 vote");
    assertThat(RACE.operations().get(3).pending()).isTrue();
  }

  @Test
  void html_shows_the_prefix_the_branches_on_a_timeline_and_why_no_order_fits() {
    String html = ConcurrentRunReport.html(RACE);

    assertThat(html).contains("Not linearizable: 1 prefix step, then 2 branches, 4 operations;"
        + " failed in 3 of 20 runs");
    assertThat(html).contains("<ol class=\"steps\" id=\"prefix\"><li><code>user1 add_todo("
        + "&quot;milk&quot;) → todo#1</code></li></ol>");
    assertThat(html).contains("<svg class=\"timeline\"").contains(">user2</text>")
        .contains(">user3</text>").contains(">#1 user2 vote(todo#1) → 200 {&quot;votes&quot;:1}<")
        .contains(">✗ user3 vote(todo#1) → 200 {&quot;votes&quot;:1}<")
        .contains("stroke-dasharray");
    assertThat(html).contains("The closest order (1 of 4 operations), from <code class=\"state\">"
        + "todo#1 has 0 votes</code>")
        .contains("<li><code>[user2, 0.000–2.000 ms] user2 vote(todo#1) → 200 {&quot;votes&quot;"
            + ":1}</code> ⇒ <code class=\"state\">todo#1 has 1 vote</code></li>")
        .contains("There, in <code class=\"state\">todo#1 has 1 vote</code>, none of these can"
            + " come next:")
        .contains("<li><code>[user3, 0.500–1.500 ms] user3 vote(todo#1) → 200 {&quot;votes&quot;"
            + ":1}</code>: postcondition of vote: expected the count to be 2 but the answer was 1")
        .contains("2 distinct states in");
  }

  /** The boxes as drawn: branch, x, y, width, height. */
  private static List<int[]> boxes(String svg) {
    Matcher m = Pattern.compile("<g class=\"op\" data-branch=\"(\\d+)\"><title>[^<]*</title><rect"
        + " x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
    List<int[]> boxes = new ArrayList<>();
    while (m.find()) {
      boxes.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5))});
    }
    return boxes;
  }

  @Test
  void boxes_of_different_branches_never_overlap_and_all_lie_inside_the_view_box() {
    ConcurrentRun wide = ConcurrentRuns.wide(8, 10);
    String svg = Timeline.svg(wide);
    Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(viewBox.find()).isTrue();
    int width = Integer.parseInt(viewBox.group(1));
    int height = Integer.parseInt(viewBox.group(2));

    List<int[]> boxes = boxes(svg);

    assertThat(boxes).hasSize(80);
    for (int[] a : boxes) {
      assertThat(a[1] + a[3]).as("right edge").isLessThanOrEqualTo(width);
      assertThat(a[2] + a[4]).as("bottom edge").isLessThanOrEqualTo(height);
      for (int[] b : boxes) {
        if (a == b) {
          continue;
        }
        boolean apartX = a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
        boolean apartY = a[2] + a[4] <= b[2] || b[2] + b[4] <= a[2];
        assertThat(apartX || apartY).as("boxes %s and %s overlap", List.of(a), List.of(b))
            .isTrue();
        if (a[0] != b[0]) {
          assertThat(apartX).as("branches %d and %d share columns", a[0], b[0]).isTrue();
        }
      }
    }
  }

  @Test
  void boxes_that_overlap_in_time_overlap_on_the_page_and_those_that_do_not_do_not() {
    List<int[]> boxes = boxes(Timeline.svg(RACE));
    int[] vote2 = boxes.get(0);   // 0.0–2.0 ms
    int[] vote3 = boxes.get(1);   // 0.5–1.5 ms
    int[] read = boxes.get(2);    // 3.0–4.0 ms

    assertThat(vote3[2]).isGreaterThan(vote2[2]);
    assertThat(vote3[2] + vote3[4]).isLessThan(vote2[2] + vote2[4]);
    assertThat(read[2]).isGreaterThan(vote2[2] + vote2[4]);
  }

  @Test
  void a_label_too_long_for_its_column_is_cut_and_kept_whole_in_the_tooltip() {
    String svg = Timeline.svg(ConcurrentRuns.wide(8, 2));

    assertThat(svg).containsPattern(">#\\d+ a_long_command_na…</text>")
        .containsPattern("<title>#\\d+ a_long_command_name_(get|put)\\([^<]+\n");
  }

  @Test
  void markdown_shows_the_branches_as_columns_of_invocations_and_responses() {
    String md = ConcurrentRunReport.markdown(RACE);

    assertThat(md).contains("## Concurrent run").contains("1. ` user1 add_todo(\"milk\") → todo#1 `")
        .contains("| ms | ` user2 ` | ` user3 ` |\n|---:|---|---|\n")
        .contains("| 0.000 | ▶ ` user2 vote(todo#1) ` |  |\n")
        .contains("| 1.500 |  | ◀ ` user3 vote(todo#1) → 200 {\"votes\":1} ` ✗ |\n")
        .contains("| 2.000 | ◀ ` user2 vote(todo#1) → 200 {\"votes\":1} ` #1 |  |\n")
        .contains("| 5.000 |  | ▶ ` user3 vote(todo#1) ` (no answer) |\n")
        .contains("There, in ` todo#1 has 1 vote `, none of these can come next:")
        .contains("### Model states tried (2)");
  }

  @Test
  void report_json_has_the_operations_the_closest_order_and_the_breaks() throws Exception {
    RunRecord run = HtmlReportTest.hostileRun().withParallel(RunRecord.ParallelRecord.of(RACE));

    JsonNode parallel = new ObjectMapper().readTree(JsonReport.render(run, "")).path("parallel");
    JsonNode c = parallel.path("check");

    assertThat(c.path("prefix").get(0).asText()).isEqualTo("user1 add_todo(\"milk\") → todo#1");
    assertThat(c.path("operations")).hasSize(4);
    assertThat(c.path("operations").get(1).path("invokedMs").asDouble()).isEqualTo(0.5);
    assertThat(c.path("operations").get(3).path("pending").asBoolean()).isTrue();
    assertThat(c.path("operations").get(3).path("returnedMs").isNull()).isTrue();
    assertThat(c.path("verdict").path("outcome").asText()).isEqualTo("not linearizable");
    assertThat(c.path("verdict").path("closestOrder").get(0).path("stateAfter").asText())
        .isEqualTo("todo#1 has 1 vote");
    assertThat(c.path("verdict").path("breaks").get(0).path("reason").asText())
        .isEqualTo("postcondition of vote: expected the count to be 2 but the answer was 1");
    assertThat(c.path("repetitions").path("failed").asInt()).isEqualTo(3);
    assertThat(parallel.path("prefixSteps").asInt()).isEqualTo(1);
    assertThat(parallel.path("branches").get(0).path("steps")).extracting(n -> n.path("number")
        .asInt()).containsExactly(2, 3);
    assertThat(parallel.path("branches").get(1).path("steps")).extracting(n -> n.path("number")
        .asInt()).containsExactly(4, 5);
    assertThat(parallel.path("failedRepetitions").asInt()).isEqualTo(3);
  }

  @Test
  void the_three_reports_carry_the_section_only_for_a_concurrent_run() {
    RunRecord sequential = HtmlReportTest.hostileRun();
    RunRecord concurrent = sequential.withParallel(RunRecord.ParallelRecord.of(RACE));

    assertThat(HtmlReport.render(sequential, "")).doesNotContain("Concurrent run");
    assertThat(HtmlReport.render(concurrent, "")).contains("<h2>Concurrent run</h2>");
    assertThat(MarkdownReport.render(concurrent)).contains("## Concurrent run");
    assertThat(JsonReport.render(sequential, "")).doesNotContain("\"parallel\"");
  }

  @Test
  void hostile_step_texts_are_escaped_in_html_and_kept_exactly_in_json() throws Exception {
    ConcurrentRun hostile = ConcurrentRuns.voteRace(HtmlReportTest.HOSTILE);

    String html = ConcurrentRunReport.html(hostile);
    JsonNode c = new ObjectMapper().readTree(
        JsonReport.render(HtmlReportTest.hostileRun().withParallel(RunRecord.ParallelRecord.of(hostile)), ""));

    assertThat(html).doesNotContain("<script>").doesNotContain("\"q\"");
    assertThat(c.path("parallel").path("check").path("operations").get(0).path("step").asText())
        .startsWith(HtmlReportTest.HOSTILE);
  }

  @Test
  void a_parallel_record_without_the_verdict_in_detail_still_shows_its_timeline() {
    String html = HtmlReport.render(ParallelReportTest.parallelRun(), "");

    assertThat(html).contains("<h2>Concurrent run</h2>").contains("<svg class=\"timeline\"")
        .contains("data-branch=\"1\"").contains("→ (no answer)")
        .doesNotContain("Why no order fits");
    assertThat(MarkdownReport.render(ParallelReportTest.parallelRun())).contains("| ms |");
  }

  @Test
  void a_parallel_record_without_a_verdict_says_it_was_not_checked() {
    RunRecord run = ParallelReportTest.parallelRun();
    RunRecord.ParallelRecord p = run.parallel();
    RunRecord unchecked = run.withParallel(new RunRecord.ParallelRecord(p.prefixSteps(),
        p.branches(), p.repetitions(), p.failedRepetitions(), null, null));

    assertThat(HtmlReport.render(unchecked, "")).contains("Not checked: 1 prefix step, then 2"
        + " branches, 2 operations");
  }

  @Test
  void the_readme_excerpt_is_what_the_renderer_writes() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    Matcher excerpt = Pattern.compile("<!-- report excerpt: ConcurrentRunReportTest -->\n```\n"
        + "(.*?)\n```", Pattern.DOTALL).matcher(readme);

    assertThat(excerpt.find()).as("the README's report excerpt").isTrue();
    assertThat(ConcurrentRunReport.markdown(RACE)).contains(excerpt.group(1));
  }

  @Test
  void model_states_and_reasons_have_secret_fields_masked() {
    var model = new dev.tollgate.internal.linearizability.SequentialModel<String, String, String>() {
      @Override
      public dev.tollgate.internal.linearizability.Transition<String> step(
          String state, String call, String answer) {
        return dev.tollgate.internal.linearizability.Transition.rejected(
            "expected {\"password\":\"hunter2\"} but it answered " + answer);
      }

      @Override
      public String describe(String state) {
        return "{\"password\":\"hunter2\"}";
      }
    };
    var history = dev.tollgate.internal.linearizability.History.of(
        dev.tollgate.internal.linearizability.Operation.completed(0, "login", "200", 0, 10));
    var verdict = dev.tollgate.internal.linearizability.LinearizabilityChecker.of(model)
        .check("s", history);

    ConcurrentRun run = ConcurrentRun.of(List.of(), List.of("user1"), history, verdict);

    assertThat(ConcurrentRunReport.markdown(run) + ConcurrentRunReport.json(run))
        .doesNotContain("hunter2").contains("password");
  }
}
