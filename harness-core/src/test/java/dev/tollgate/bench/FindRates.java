package dev.tollgate.bench;

import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Prints, per planted bug, how many tries it takes to find it, over many seeds. */
public final class FindRates {
  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    for (Bug bug : Bug.values()) {
      List<Integer> tries = new ArrayList<>();
      List<Integer> runs = new ArrayList<>();
      int missed = 0;
      int notMinimal = 0;
      for (long seed = 1; seed <= seeds; seed++) {
        try {
          Tollgate.runner().users(bug.users()).tries(1000).seed(seed).reporter(Reporter.none())
              .check(TodoModel.model(), TodoSystem.with(bug));
          missed++;
        } catch (ModelCheckFailure f) {
          tries.add(f.tryNumber());
          runs.add(f.shrinkRuns());
          if (f.steps().size() != bug.minimalSteps()) {
            notMinimal++;
          }
        }
      }
      Collections.sort(tries);
      Collections.sort(runs);
      System.out.printf("%-24s tries median %4d p90 %4d max %4d | shrink runs median %4d max %4d | missed %d, not minimal %d%n",
          bug, tries.get(tries.size() / 2), tries.get(tries.size() * 9 / 10), tries.get(tries.size() - 1),
          runs.get(runs.size() / 2), runs.get(runs.size() - 1), missed, notMinimal);
    }
  }
}
