package dev.tollgate.reliability;

import dev.tollgate.Tollgate;
import dev.tollgate.fixtures.TodoModel;
import dev.tollgate.fixtures.TodoService.Bug;
import dev.tollgate.fixtures.TodoSystem;
import dev.tollgate.model.User;
import dev.tollgate.runner.SystemUnderTest;

/**
 * A check whose shrinking is slow (each reset after the first failure waits 300 ms), run in a JVM
 * of its own by {@link KilledMidShrinkIT}, which kills it while it shrinks. Arguments: the corpus
 * folder and the report folder.
 */
public final class SlowShrinkMain {
  private SlowShrinkMain() {}

  public static void main(String[] args) {
    System.setProperty("tollgate.corpus", args[0]);
    System.setProperty("tollgate.reportDir", args[1]);
    boolean[] shrinking = {false};
    TodoSystem buggy = TodoSystem.with(Bug.DOUBLE_VOTE);
    SystemUnderTest<TodoSystem.Client> slow = new SystemUnderTest<>() {
      @Override
      public void reset() throws InterruptedException {
        if (shrinking[0]) {
          Thread.sleep(300);
        }
        buggy.reset();
      }

      @Override
      public TodoSystem.Client client(User user) {
        return buggy.client(user);
      }
    };
    Tollgate.runner().seed(11).test("dev.example.TodosIT", "todos")
        .reporter(line -> {
          System.out.println(line);
          System.out.flush();
          if (line.contains(" failed: ")) {
            shrinking[0] = true;
          }
        })
        .check(TodoModel.model(), slow);
    System.out.println("SlowShrinkMain: the check ended before it was killed");
  }
}
