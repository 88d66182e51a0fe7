package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.NotesHttp;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.internal.report.ConcurrentRuns;
import dev.tollgate.internal.report.HtmlReport;
import dev.tollgate.model.Model;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.SystemUnderTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a failing run's report.html in headless Chromium, as a person would: it saves a
 * screenshot under target/ and checks the rendered page for the diagram and the steps. Where
 * Chromium is missing it skips, except on CI ({@code CI=true}), where it fails: run
 * {@code harness-core/scripts/ensure-chromium.sh} first.
 */
@ExtendWith(RestoreTollgateProperties.class)
class ReportHtmlBrowserTest {
  private static final Path OUT = Path.of("target", "tollgate-browser");

  @TempDir Path profile;

  @Test
  void report_renders_in_chromium_with_the_state_diagram_and_the_steps() throws Exception {
    String chromium = chromium();
    Path reports = OUT.resolve("reports");
    System.setProperty("tollgate.reportDir", reports.toString());
    try (NotesHttp notes = new NotesHttp(true)) {
      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> Tollgate.runner().reporter(Reporter.none()).withoutCorpus()
              .seed(5).check(NotesHttp.model(), notes));
      assertThat(failure).isNotNull();
    }
    Path screenshot = OUT.resolve("report.png").toAbsolutePath();

    String dom = open(chromium, reports.resolve("dev.tollgate.report.ReportHtmlBrowserTest"
        + ".report_renders_in_chromium_with_the_state_diagram_and_the_steps/report.html"),
        screenshot, 2000);

    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    assertThat(dom).contains("<svg").contains(">logged_out</text>").contains(">logged_in</text>")
        .contains("login ×").contains("add_note ×");
    assertThat(dom).contains("id=\"steps\"").contains("user1 login()")
        .contains("user1 delete_note(note#2)").contains("← FAILED: postcondition of delete_note")
        .contains("<details>").contains("POST http://127.0.0.1:");
  }

  @Test
  void passing_report_draws_every_transition_with_its_count_and_self_loops() throws Exception {
    String chromium = chromium();
    Path reports = OUT.resolve("reports");
    System.setProperty("tollgate.reportDir", reports.toString());
    Tollgate.runner().reporter(Reporter.none()).withoutCorpus().seed(11)
        .tries(150).users(2).check(TodoModel.model(), TodoSystem.correct());
    Path screenshot = OUT.resolve("passing.png").toAbsolutePath();

    String dom = open(chromium, reports.resolve("dev.tollgate.report.ReportHtmlBrowserTest"
        + ".passing_report_draws_every_transition_with_its_count_and_self_loops/report.html"), screenshot, 1400);

    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    assertThat(dom).contains("class=\"badge passed\"").contains("<svg")
        .containsPattern("logout ×[1-9]").containsPattern("list_with_old_token ×[1-9]")
        .containsPattern("vote ×[1-9]").contains("id=\"latency\"");
  }


  /** One client per user for the crowded model; it counts, nothing more. */
  public static final class Clicks {
    int count;
  }

  enum Door { OUTSIDE, INSIDE, UPSTAIRS }

  /** Eleven commands that keep a user inside, with long names, as a real model has them. */
  static Model<Integer, Clicks> crowded() {
    var builder = Model.define("crowded", Clicks.class, () -> 0).userStates(Door.class)
        .command("enter", c -> c.from(Door.OUTSIDE).to(Door.INSIDE).run((clicks, none) -> 1))
        .command("leave", c -> c.from(Door.INSIDE).to(Door.OUTSIDE).run((clicks, none) -> 1))
        .command("go_up", c -> c.from(Door.INSIDE).to(Door.UPSTAIRS).run((clicks, none) -> 1))
        .command("go_down", c -> c.from(Door.UPSTAIRS).to(Door.INSIDE).run((clicks, none) -> 1));
    for (String name : List.of("favorite_the_article", "unfavorite_the_article",
        "follow_the_author", "unfollow_the_author", "comment_on_the_article",
        "delete_the_comment", "update_the_article", "list_the_feed", "list_articles_by_tag",
        "read_the_profile", "update_the_user_settings")) {
      builder = builder.command(name, c -> c.from(Door.INSIDE)
          .run((clicks, none) -> ++clicks.count));
    }
    return builder.build();
  }

  @Test
  void every_label_of_a_crowded_self_loop_lies_inside_the_diagram() throws Exception {
    String chromium = chromium();
    Path reports = OUT.resolve("reports");
    System.setProperty("tollgate.reportDir", reports.toString());
    Tollgate.runner().reporter(Reporter.none()).withoutCorpus().seed(3).tries(60)
        .check(crowded(), new SystemUnderTest<Clicks>() {
          @Override
          public void reset() {}

          @Override
          public Clicks client(dev.tollgate.model.User user) {
            return new Clicks();
          }
        });
    Path report = reports.resolve("dev.tollgate.report.ReportHtmlBrowserTest"
        + ".every_label_of_a_crowded_self_loop_lies_inside_the_diagram/report.html");
    // The page as written, plus a script that measures each label as the browser drew it.
    Path measured = report.resolveSibling("measured.html");
    Files.writeString(measured, Files.readString(report).replace("</body>", """
        <script>
        const svg = document.querySelector('svg.fsm');
        const box = svg.viewBox.baseVal;
        const outside = [];
        const labels = svg.querySelectorAll('text tspan, g.state text');
        for (const t of labels) {
          const b = t.getBBox();
          if (b.x < box.x || b.y < box.y || b.x + b.width > box.x + box.width
              || b.y + b.height > box.y + box.height) {
            outside.push(t.textContent);
          }
        }
        document.body.setAttribute('data-labels', String(labels.length));
        document.body.setAttribute('data-outside', outside.join('|') || 'none');
        </script></body>"""));

    String dom = open(chromium, measured, OUT.resolve("crowded.png").toAbsolutePath(), 1400);

    assertThat(dom).contains("data-outside=\"none\"").contains("favorite_the_article ×");
    assertThat(Integer.parseInt(dom.replaceAll("(?s).*data-labels=\"(\\d+)\".*", "$1")))
        .as("the 15 commands' labels and the 3 states").isEqualTo(18);
    assertThat(dom).contains("id=\"latency-legend\"");
  }

  @Test
  void a_concurrent_run_draws_its_branches_apart_with_every_label_inside_its_box() throws Exception {
    String chromium = chromium();
    Files.createDirectories(OUT);
    for (var run : List.of(ConcurrentRuns.voteRace(""), ConcurrentRuns.wide(8, 10))) {
      int branches = run.branches().size();
      Path page = OUT.resolve("concurrent-" + branches + ".html");
      // The page as the report writes it, plus a script that measures the timeline as drawn.
      Files.writeString(page, HtmlReport.render(ConcurrentRuns.failedRecord(run), "")
          .replace("</body>", """
          <script>
          const svg = document.querySelector('svg.timeline');
          const box = svg.viewBox.baseVal;
          const inside = (b, c) => b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width
              && b.y + b.height <= c.y + c.height;
          const outside = [], spilled = [], overlapping = [];
          for (const t of svg.querySelectorAll('text')) {
            if (!inside(t.getBBox(), box)) outside.push(t.textContent);
          }
          const ops = [...svg.querySelectorAll('g.op')];
          for (const g of ops) {
            if (!inside(g.querySelector('text').getBBox(), g.querySelector('rect').getBBox())) {
              spilled.push(g.querySelector('text').textContent);
            }
          }
          for (const a of ops) for (const b of ops) {
            const ra = a.querySelector('rect').getBBox(), rb = b.querySelector('rect').getBBox();
            if (a.dataset.branch !== b.dataset.branch
                && ra.x < rb.x + rb.width && rb.x < ra.x + ra.width) {
              overlapping.push(a.dataset.branch + '/' + b.dataset.branch);
            }
          }
          document.body.setAttribute('data-ops', String(ops.length));
          document.body.setAttribute('data-outside', outside.join('|') || 'none');
          document.body.setAttribute('data-spilled', spilled.join('|') || 'none');
          document.body.setAttribute('data-overlapping', overlapping.join('|') || 'none');
          </script></body>"""));

      // One screenshot is enough to look at; the wide page is only measured (a launch fewer).
      String dom = branches == 2
          ? open(chromium, page, OUT.resolve("concurrent-2.png").toAbsolutePath(), 1600)
          : run(chromium, "--window-size=1280,1600", "--dump-dom",
              page.toAbsolutePath().toUri().toString());

      assertThat(dom).as("%d branches", branches).contains("data-outside=\"none\"")
          .contains("data-spilled=\"none\"").contains("data-overlapping=\"none\"")
          .contains("data-ops=\"" + run.operations().size() + "\"")
          .contains("<h2>Concurrent run</h2>").contains("id=\"prefix\"");
    }
    assertThat(Files.size(OUT.resolve("concurrent-2.png"))).isGreaterThan(10_000);
  }

  /** A ticket dispenser whose read and write of the counter are apart: two takes at once collide. */
  public static final class Dispenser {
    private volatile int issued;

    int take() throws InterruptedException {
      int read = issued;
      Thread.sleep(3);
      issued = read + 1;
      return read + 1;
    }
  }

  @Test
  void a_parallel_failure_report_shows_the_branches_and_why_no_order_fits() throws Exception {
    String chromium = chromium();
    Path reports = OUT.resolve("reports");
    System.setProperty("tollgate.reportDir", reports.toString());
    Model<Integer, Dispenser> tickets = Model.define("tickets", Dispenser.class, () -> 0)
        .command("take", c -> c
            .run((dispenser, none) -> dispenser.take())
            .expect((issued, call, ticket) ->
                assertThat(ticket).as("the ticket taken").isEqualTo(issued + 1))
            .update((issued, call) -> issued + 1))
        .build();
    Dispenser[] current = new Dispenser[1];
    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().reporter(Reporter.none()).withoutCorpus().seed(3).tries(20)
            .maxSteps(3).users(2).parallel(2).repetitions(5)
            .check(tickets, new SystemUnderTest<Dispenser>() {
              @Override
              public void reset() {
                current[0] = new Dispenser();
              }

              @Override
              public Dispenser client(dev.tollgate.model.User user) {
                return current[0];
              }
            }));
    assertThat(failure).isNotNull();
    Path folder = reports.resolve("dev.tollgate.report.ReportHtmlBrowserTest"
        + ".a_parallel_failure_report_shows_the_branches_and_why_no_order_fits");

    String dom = open(chromium, folder.resolve("report.html"),
        OUT.resolve("parallel.png").toAbsolutePath(), 1600);

    assertThat(dom).contains("<h2>Concurrent run</h2>").contains("<svg class=\"timeline\"")
        .contains("Not linearizable").contains("Why no order fits")
        .contains("none of these can come next").contains("the ticket taken")
        .contains("id=\"states-tried\"").containsPattern("failed in [1-5] of 5 runs");
    // The shrunk program and the model state do not read the branches as steps in sequence.
    String program = dom.substring(dom.indexOf("<h2>Shrunk program</h2>"),
        dom.indexOf("<h2>Concurrent run</h2>"));
    assertThat(program).contains("Branches, run at once")
        .containsPattern("after the prefix|at the start of the branches \\(no prefix\\)")
        .doesNotContain("before step").doesNotContain("failed-step");
    assertThat(Files.readString(folder.resolve("report.md"))).contains("## Concurrent run")
        .contains("### Why no order fits");
    assertThat(Files.readString(folder.resolve("report.json"))).contains("\"closestOrder\"");
  }

  /** Saves a screenshot of the page and returns its DOM as the browser built it. */
  private String open(String chromium, Path report, Path screenshot, int height) throws Exception {
    String url = report.toAbsolutePath().toUri().toString();
    Files.deleteIfExists(screenshot);
    run(chromium, "--screenshot=" + screenshot, "--window-size=1280," + height, url);
    assertThat(screenshot).exists();
    return run(chromium, "--dump-dom", url);
  }

  private String run(String chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      boolean done = process.waitFor(90, TimeUnit.SECONDS);
      assertThat(done).as("chromium finished within 90 s: %s", command).isTrue();
      assertThat(process.exitValue()).as("chromium's exit code for %s", command).isZero();
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(stdout);
    }
  }

  private static String chromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (ci) {
      throw new AssertionError("Expected chromium on PATH on CI (CI=true), but found none."
          + " Fix: run harness-core/scripts/ensure-chromium.sh before mvn verify.");
    }
    assumeTrue(false, "chromium is not installed; skipping the browser check of report.html"
        + " (run harness-core/scripts/ensure-chromium.sh to enable it; on CI it is required)");
    return null;
  }
}
