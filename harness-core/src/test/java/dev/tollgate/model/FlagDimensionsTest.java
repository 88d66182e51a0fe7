package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.internal.program.Step;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.runner.RunSummary;
import dev.tollgate.runner.SystemUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import dev.tollgate.fixtures.RestoreTollgateProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flag dimensions: a program flag (pinning on or off) and a user flag (staff or not) are drawn
 * like any other choice, reach the system, are read by expectations, shrink, and show in coverage.
 */
class FlagDimensionsTest {

  /**
   * A board of items that staff may pin while the pinning feature is on. Planted bug: a staff
   * user's second pin of an item unpins it (a toggle where a set was meant), which no one else
   * can see, since others get 403 or 404.
   */
  static final class Board implements SystemUnderTest<Board.Client> {
    final boolean toggles;
    boolean pinning;
    final List<Boolean> pinned = new ArrayList<>();
    final Set<Boolean> pinningSeen = new TreeSet<>();

    Board(boolean toggles) {
      this.toggles = toggles;
    }

    /** What a flag service would answer; set by the model's program flag before each program. */
    void pinning(boolean on) {
      pinning = on;
      pinningSeen.add(on);
    }

    final class Client {
      final boolean staff;

      Client(boolean staff) {
        this.staff = staff;
      }

      int add() {
        pinned.add(false);
        return pinned.size() - 1;
      }

      /** 200 pinned, 201 not pinned (the bug), 403 not staff, 404 feature off. */
      int pin(int item) {
        if (!pinning) {
          return 404;
        }
        if (!staff) {
          return 403;
        }
        boolean now = toggles ? !pinned.get(item) : true;
        pinned.set(item, now);
        return now ? 200 : 201;
      }
    }

    @Override
    public void reset() {
      pinned.clear();
    }

    @Override
    public Client client(User user) {
      // Staff rights come from the user's flags here; a real app gets them from the user's name.
      return new Client(user.flags().on("staff"));
    }
  }

  static Model<Integer, Board.Client> model(Board board) {
    return Model.define("board", Board.Client.class, () -> 0)
        .programFlag("pinning", board::pinning)
        .userFlag("staff")
        .command("add", c -> c.run((client, none) -> client.add())
            .update((items, call) -> items + 1))
        .command("pin", c -> c.whenModel(items -> items > 0)
            .with((items, user) -> dev.tollgate.gen.Gen.integers(0, items - 1))
            .run((client, item) -> client.pin(item))
            .expect((items, call, status) -> {
              Flags flags = call.user().flags();
              int expected = !flags.on("pinning") ? 404 : !flags.on("staff") ? 403 : 200;
              assertThat(status).as("pin status").isEqualTo(expected);
            }))
        .build();
  }

  @Test
  void one_run_covers_both_sides_of_each_flag_and_the_system_sees_the_program_flag() {
    Board board = new Board(false);

    RunSummary summary = Tollgate.runner().tries(100).users(2).seed(3).reporter(Reporter.none())
        .withoutReports().withoutCorpus()
        .check(model(board), board);

    assertThat(summary.flagCounts().get("pin"))
        .containsKeys("as staff", "as not staff", "pinning on", "pinning off");
    assertThat(summary.flagCounts().get("pin").values()).allMatch(count -> count > 5);
    assertThat(board.pinningSeen).containsExactly(false, true);
    assertThat(summary.toString()).contains("by flag:").contains("× as staff")
        .contains("× as not staff");
  }

  @Test
  void a_bug_only_staff_see_is_found_and_shrunk_keeping_the_user_staff_and_the_flag_on() {
    Board board = new Board(true);

    ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
        () -> Tollgate.runner().tries(200).users(2).seed(1).reporter(Reporter.none())
            .withoutReports().withoutCorpus()
            .check(model(board), board));

    assertThat(failure).isNotNull();
    assertThat(failure.check()).isEqualTo("postcondition of pin");
    assertThat(failure.steps()).as(failure.getMessage()).hasSize(3);
    // Shrinking lowers every other flag to off: only what the bug needs stays on.
    assertThat(failure.getMessage())
        .contains("Flags: pinning on; user1: staff on; user2: staff off")
        .doesNotContain("user2 pin");
  }

  @Test
  void a_replay_draws_the_same_flags_and_a_model_without_flags_draws_none() {
    Board board = new Board(false);
    ProgramGenerator<Integer, Board.Client> generator =
        new ProgramGenerator<>(model(board), 3, 10, true);
    Program<Integer, Board.Client> program = generator.generate(ChoiceRecorder.random(11));
    Program<Integer, Board.Client> again =
        generator.generate(ChoiceRecorder.replay(program.choices()));

    assertThat(again.flags().describe()).isEqualTo(program.flags().describe());
    for (Step<Integer, Board.Client> step : again.steps()) {
      assertThat(step.user().flags()).isEqualTo(again.flags().of(step.user().index()));
    }

    Model<Integer, Object> plain = Model.define("plain", Object.class, () -> 0)
        .command("noop", c -> c.run((client, none) -> "ok")).build();
    Program<Integer, Object> unflagged =
        new ProgramGenerator<>(plain, 1, 5, false).generate(ChoiceRecorder.random(1));
    assertThat(unflagged.flags().isEmpty()).isTrue();
    assertThat(unflagged.steps().get(0).user().flags()).isEqualTo(Flags.none());
  }

  @Test
  void a_rollout_flag_is_on_for_about_its_percentage_of_users() {
    Model<Integer, Object> model = Model.define("rollout", Object.class, () -> 0)
        .userFlag("new_ui", 10)
        .command("noop", c -> c.run((client, none) -> "ok")).build();
    ProgramGenerator<Integer, Object> generator = new ProgramGenerator<>(model, 4, 3, false);
    int on = 0;
    for (long seed = 0; seed < 500; seed++) {
      Program<Integer, Object> program = generator.generate(ChoiceRecorder.random(seed));
      for (int user = 0; user < 4; user++) {
        on += program.flags().of(user).on("new_ui") ? 1 : 0;
      }
    }
    // 2000 draws at 10%: the expected 200 is far inside these bounds.
    assertThat(on).isBetween(120, 280);
  }

  @Test
  void an_undeclared_flag_or_a_bad_rollout_says_how_to_declare_it() {
    Model<Integer, Board.Client> model = model(new Board(false));
    Program<Integer, Board.Client> program =
        new ProgramGenerator<>(model, 1, 5, false).generate(ChoiceRecorder.random(1));

    assertThatThrownBy(() -> program.flags().of(0).on("beta"))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessage("Flag 'beta' is not declared by the model; it declares [pinning, staff]."
            + " Declare it with .programFlag(\"beta\", on -> ...) or .userFlag(\"beta\").");
    assertThatThrownBy(() -> Model.define("m", Object.class, () -> 0).userFlag("beta", 100))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("expected a rollout percentage from 1 to 99, but found 100");
    assertThatThrownBy(() -> Model.define("m", Object.class, () -> 0).userFlag("staff")
        .userFlag("staff"))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("declares flag 'staff' twice");
  }

  @Test
  @ExtendWith(RestoreTollgateProperties.class)
  void the_reports_show_coverage_by_flag_value(@TempDir Path reports) throws Exception {
    System.setProperty("tollgate.reportDir", reports.toString());
    Board board = new Board(false);

    Tollgate.runner().tries(40).users(2).seed(3).reporter(Reporter.none())
        .withoutCorpus().test(FlagDimensionsTest.class.getName(), "reports")
        .check(model(board), board);

    String markdown = read(reports, "report.md");
    assertThat(markdown).contains("## Coverage by flag").containsPattern(
        "- pin ran \\d+× as not staff, \\d+× as staff, \\d+× pinning off, \\d+× pinning on");
    assertThat(read(reports, "report.html")).contains("<table id=\"flags\">")
        .contains("<td>as staff</td>");
    assertThat(read(reports, "report.json")).contains("\"flags\"").contains("\"as not staff\"");
  }

  private static String read(Path folder, String name) throws Exception {
    try (var files = Files.walk(folder)) {
      Path file = files.filter(p -> p.getFileName().toString().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " under " + folder));
      return Files.readString(file);
    }
  }
}
