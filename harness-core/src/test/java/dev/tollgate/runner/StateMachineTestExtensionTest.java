package dev.tollgate.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.gen.Gen;
import dev.tollgate.model.Model;
import dev.tollgate.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link StateMachineTest} classes through JUnit itself, as JUnit tests its extensions. */
class StateMachineTestExtensionTest {
  static final List<String> REPORTED = new CopyOnWriteArrayList<>();

  @AfterEach
  void clearProperties() {
    System.clearProperty("tollgate.replay");
    System.clearProperty("tollgate.tries");
    REPORTED.clear();
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  static class PassingGate {
    @StateMachineTest(tries = 25, users = 2, seed = "3")
    void todos_stay_consistent(Runner runner) {
      RunSummary summary = runner.check(TodoModel.model(), TodoSystem.correct());
      REPORTED.add(summary.toString());
    }
  }

  static class FailingGate {
    @StateMachineTest(seed = "5")
    void todos_stay_consistent(Runner runner) {
      runner.check(TodoModel.model(), TodoSystem.with(Bug.DOUBLE_VOTE));
    }
  }

  static class BadSeed {
    @StateMachineTest(seed = "soon")
    void never_runs(Runner runner) {
      runner.check(TodoModel.model(), TodoSystem.correct());
    }
  }

  /** Tollgate beside WireMock's own extension, in one ordinary Jupiter class. */
  static class GateWithWireMock {
    @RegisterExtension
    static WireMockExtension notifier =
        WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @StateMachineTest(tries = 10, maxSteps = 5, seed = "1")
    void pings_reach_the_stub(Runner runner) {
      notifier.stubFor(get(urlPathEqualTo("/ping")).willReturn(aResponse().withStatus(200).withBody("pong")));
      HttpClient http = HttpClient.newHttpClient();
      Model<Integer, HttpClient> model =
          Model.define("pinger", HttpClient.class, () -> 0)
              .command("ping", c -> c.with(Gen.integers(0, 3))
                  .run((client, n) -> client.send(
                      HttpRequest.newBuilder(URI.create(notifier.baseUrl() + "/ping?n=" + n)).build(),
                      HttpResponse.BodyHandlers.ofString()))
                  .expect((count, call, response) -> assertThat(response.body()).isEqualTo("pong"))
                  .update((count, call) -> count + 1))
              .build();
      RunSummary summary =
          runner.check(
              model,
              new SystemUnderTest<>() {
                @Override
                public void reset() {
                  notifier.resetRequests();
                }

                @Override
                public HttpClient client(User user) {
                  return http;
                }
              });
      // Each program starts on a reset stub, so it holds the last program's pings only.
      assertThat(notifier.findAll(getRequestedFor(urlPathEqualTo("/ping")))).hasSizeBetween(1, 5);
      REPORTED.add(summary.toString());
    }
  }

  @Test
  void a_passing_model_test_passes_and_reports_its_statistics_line() {
    Events events = run(PassingGate.class);

    events.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    assertThat(REPORTED).singleElement().asString()
        .startsWith("Tollgate: model 'todos' passed 25 programs")
        .contains("(seed 3)")
        .contains("add_todo=")
        .contains("user states visited: logged_in, logged_out");
  }

  @Test
  void a_failing_model_test_fails_with_the_shrunk_story_and_a_replay_line_naming_the_test() {
    Events events = run(FailingGate.class);

    events.assertStatistics(stats -> stats.started(1).failed(1));
    events.assertThatEvents().haveExactly(1, event(test("todos_stay_consistent"),
        finishedWithFailure(
            instanceOf(ModelCheckFailure.class),
            message(m -> m.contains("failed: postcondition of vote at step 4")
                && m.contains(
                    " -Dtest='StateMachineTestExtensionTest$FailingGate#todos_stay_consistent'")
                && m.contains("Replay exactly this program:\n  mvn test ")
                && m.contains("-Dtollgate.replay=t1.")))));
  }

  @Test
  void the_replay_token_from_a_failure_replays_exactly_that_program() {
    ModelCheckFailure original =
        (ModelCheckFailure) run(FailingGate.class).failed().stream().findFirst().orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow();
    System.setProperty("tollgate.replay", original.replayToken());

    ModelCheckFailure replayed =
        (ModelCheckFailure) run(FailingGate.class).failed().stream().findFirst().orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow();

    assertThat(replayed.steps()).isEqualTo(original.steps());
    assertThat(replayed.check()).isEqualTo(original.check());
    assertThat(replayed.getMessage()).contains("Replayed the program given by -Dtollgate.replay");
  }

  @Test
  void a_replay_token_of_a_fixed_system_passes() {
    ModelCheckFailure failure =
        (ModelCheckFailure) run(FailingGate.class).failed().stream().findFirst().orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow();
    System.setProperty("tollgate.replay", failure.replayToken());

    RunSummary summary =
        dev.tollgate.Tollgate.runner().reporter(dev.tollgate.report.Reporter.none())
            .check(TodoModel.model(), TodoSystem.correct());

    assertThat(summary.programs()).isEqualTo(1);
    assertThat(summary.note()).isEqualTo("replayed 1 program");
  }

  @Test
  void a_replay_token_of_another_model_is_set_aside_with_a_note() {
    ModelCheckFailure failure =
        (ModelCheckFailure) run(FailingGate.class).failed().stream().findFirst().orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow();
    System.setProperty("tollgate.replay", failure.replayToken());
    List<String> lines = new CopyOnWriteArrayList<>();

    RunSummary summary =
        dev.tollgate.Tollgate.runner().tries(3).reporter(lines::add)
            .withoutReports().withoutCorpus()
            .check(
                Model.define("other", Object.class, () -> 0)
                    .command("noop", c -> c.run((client, none) -> "ok"))
                    .build(),
                new SystemUnderTest<>() {
                  @Override
                  public void reset() {}

                  @Override
                  public Object client(User user) {
                    return new Object();
                  }
                });

    assertThat(summary.programs()).isEqualTo(3);
    assertThat(lines).anyMatch(line -> line.equals("Tollgate: model 'other': -Dtollgate.replay"
        + " holds a program of another model; running the usual tries instead."));
  }

  @Test
  void system_properties_override_the_annotation() {
    System.setProperty("tollgate.tries", "7");

    run(PassingGate.class).assertStatistics(stats -> stats.succeeded(1));

    assertThat(REPORTED).singleElement().asString().contains("passed 7 programs");
  }

  @Test
  void a_bad_seed_in_the_annotation_is_a_configuration_error() {
    Events events = run(BadSeed.class);

    events.assertThatEvents().haveExactly(1, event(test("never_runs"),
        finishedWithFailure(
            cause(instanceOf(dev.tollgate.TollgateConfigurationException.class)),
            message(m -> m.contains("@StateMachineTest(seed = \"soon\")")
                && m.contains("expected a whole number")))));
  }

  static class NoSystem {
    @StateMachineTest(tries = 5)
    void needs_a_system(Runner runner) {
      runner.check(TodoModel.model());
    }
  }

  @Test
  void checking_without_a_system_says_how_to_bind_one() {
    Events events = run(NoSystem.class);

    events.assertThatEvents().haveExactly(1, event(test("needs_a_system"),
        finishedWithFailure(
            instanceOf(dev.tollgate.TollgateConfigurationException.class),
            message(m -> m.startsWith("runner.check(model) needs a system to run against")
                && m.contains("Tollgate.environment()")
                && m.contains("runner.check(model, system)")))));
  }

  @Test
  void model_tests_sit_beside_wiremocks_extension_in_one_class() {
    Events events = run(GateWithWireMock.class);

    events.assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(REPORTED).singleElement().asString().contains("model 'pinger' passed 10 programs");
  }
}
