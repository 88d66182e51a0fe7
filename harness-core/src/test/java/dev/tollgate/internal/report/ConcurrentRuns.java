package dev.tollgate.internal.report;

import dev.tollgate.internal.linearizability.Histories;
import dev.tollgate.internal.linearizability.History;
import dev.tollgate.internal.linearizability.KeyValueModel;
import dev.tollgate.internal.linearizability.LinearizabilityChecker;
import dev.tollgate.internal.linearizability.Operation;
import dev.tollgate.internal.linearizability.SequentialModel;
import dev.tollgate.internal.linearizability.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built concurrent runs for the report tests, made with the checker's own types. */
public final class ConcurrentRuns {
  private static final long MS = 1_000_000;

  private ConcurrentRuns() {}

  /** A step of the vote model: a user votes for, or reads, the one todo. */
  public record Step(String user, String command) {
    @Override
    public String toString() {
      return user + " " + command + "(todo#1)";
    }
  }

  /** Votes on one todo: {@code vote} answers the new count, {@code votes} reads it. */
  static final class Votes implements SequentialModel<Integer, Step, Integer> {
    @Override
    public Transition<Integer> step(Integer votes, Step step, Integer answer) {
      int next = step.command().equals("vote") ? votes + 1 : votes;
      if (answer != null && answer != next) {
        return Transition.rejected("postcondition of " + step.command()
            + ": expected the count to be " + next + " but the answer was " + answer);
      }
      return Transition.accepted(next);
    }

    @Override
    public String describe(Integer votes) {
      return "todo#1 has " + votes + (votes == 1 ? " vote" : " votes");
    }
  }

  /**
   * vote-race: after a prefix that adds a todo, two users vote at once and both are told 1; a
   * later read says 1. {@code stepText} is put in front of every step's text (hostile strings).
   */
  public static ConcurrentRun voteRace(String stepText) {
    History<Step, Integer> history = History.of(
        Operation.completed(0, new Step(stepText + "user2", "vote"), 1, 1 * MS, 3 * MS),
        Operation.completed(1, new Step(stepText + "user3", "vote"), 1, 3 * MS / 2, 5 * MS / 2),
        Operation.completed(0, new Step(stepText + "user2", "votes"), 1, 4 * MS, 5 * MS),
        Operation.pending(1, new Step(stepText + "user3", "vote"), 6 * MS));
    var verdict = LinearizabilityChecker.of(new Votes()).check(0, history);
    return ConcurrentRun.of(List.of(stepText + "user1 add_todo(\"milk\") → todo#1"),
        List.of(stepText + "user2", stepText + "user3"), history, verdict, String::valueOf,
        answer -> "200 {\"votes\":" + answer + "}", 20, 3);
  }

  /** A failed check's record whose report shows {@code run}, with plain values elsewhere. */
  public static RunRecord failedRecord(ConcurrentRun run) {
    RunRecord.StepRecord step = new RunRecord.StepRecord(1, "user1", "add_todo",
        "user1 add_todo(\"milk\")", "todo#1", "logged_in", "logged_in", "{}", "{todo#1=0}", 3.0,
        List.of(), true);
    return new RunRecord("dev.example.VoteIT#votes", "todos",
        new RunRecord.FailureRecord(1, "vote", "linearizability", null,
            "no order of the branches' steps fits the model", null, null, run.explanation()),
        List.of(step), new RunRecord.Discovery("random try", 3, 100, 9, 12, 40, false, 50, 3, 27,
            60), 7L, "t1.x.7.AA", "mvn test -Dtollgate.replay=t1.x.7.AA",
        new RunRecord.Flakiness(20, 3),
        new RunRecord.Coverage(3, 27, Map.of("vote", 9), List.of("logged_in"),
            List.of(new RunRecord.Transition("logged_in", "vote", "logged_in", 9)), Map.of(9, 3),
            Map.of("vote", new RunRecord.Latency(9, 1, 2, 3))),
        List.of(), Map.of(), "failed", RunRecord.ParallelRecord.of(run));
  }

  /** A linearizable run of {@code branches} × {@code steps} on a key-value store. */
  public static ConcurrentRun wide(int branches, int steps) {
    History<KeyValueModel.Call, Integer> history = Histories.linearizable(5, branches, steps, 3);
    var verdict = LinearizabilityChecker.of(new KeyValueModel()).withoutPartitioning()
        .check(KeyValueModel.EMPTY, history);
    List<String> users = new ArrayList<>();
    for (int b = 0; b < branches; b++) {
      users.add("user" + (b + 2) + "_with_a_long_name");
    }
    return ConcurrentRun.of(List.of("user1 login()"), users, history, verdict,
        call -> "a_long_command_name_" + call, String::valueOf, 0, 0);
  }
}
