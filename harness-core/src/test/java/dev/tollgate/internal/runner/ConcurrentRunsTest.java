package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.program.ChoiceRecorder;
import dev.tollgate.internal.program.Program;
import dev.tollgate.internal.program.ProgramGenerator;
import dev.tollgate.model.Model;
import dev.tollgate.model.Ref;
import dev.tollgate.model.User;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One program runs twice at once, against two in-process systems that hand out different ids:
 * each run reads only the values its own system returned, because a reference is a name and
 * each run keeps its own values.
 */
class ConcurrentRunsTest {
  /** Both runs meet here after their first step bound its reference, before either reads it. */
  private static final int PARTIES = 2;

  /** An in-process store whose ids carry its name ("a-1", "b-1"), so a foreign id shows. */
  static final class Store implements SystemUnderTest<Store> {
    private final String name;
    private final CyclicBarrier bothBound;
    private final Map<String, String> items = new ConcurrentHashMap<>();
    private int next;
    final List<String> readBack = new ArrayList<>();

    Store(String name, CyclicBarrier bothBound) {
      this.name = name;
      this.bothBound = bothBound;
    }

    @Override
    public void reset() {
      items.clear();
      next = 0;
    }

    @Override
    public Store client(User user) {
      return this;
    }

    String create(String title) {
      String id = name + "-" + (++next);
      items.put(id, title);
      return id;
    }

    /** The title of {@code id}, read once the other run has bound its reference too. */
    String read(Ref<String> ref) throws Exception {
      bothBound.await(20, TimeUnit.SECONDS);
      String id = ref.get();
      readBack.add(id);
      String title = items.get(id);
      if (title == null) {
        throw new AssertionError("store " + name + " has no item " + id + "; it holds "
            + items.keySet());
      }
      return title;
    }
  }

  record Shelf(List<Ref<String>> items) {
    Shelf with(Ref<String> item) {
      List<Ref<String>> next = new ArrayList<>(items);
      next.add(item);
      return new Shelf(List.copyOf(next));
    }
  }

  private static Model<Shelf, Store> model() {
    return Model.<Shelf, Store>define("two-stores", () -> new Shelf(List.of()))
        .command("create", c -> c.whenModel(shelf -> shelf.items().isEmpty())
            .run((store, none) -> store.create("milk"))
            .yields("item", id -> id)
            .update((shelf, call) -> shelf.with(call.ref())))
        .command("read", c -> c.whenModel(shelf -> !shelf.items().isEmpty())
            .with((shelf, user) -> dev.tollgate.gen.Gen.constant(shelf.items().get(0)))
            .run((store, item) -> store.read(item)))
        .build();
  }

  /** A program of the model with both steps: create, then read. */
  private static Program<Shelf, Store> createThenRead() {
    ProgramGenerator<Shelf, Store> generator = new ProgramGenerator<>(model(), 1, 2, false);
    for (long seed = 0; seed < 1_000; seed++) {
      Program<Shelf, Store> program = generator.generate(ChoiceRecorder.random(seed));
      if (program.size() == 2) {
        return program;
      }
    }
    throw new AssertionError("no seed gave a two-step program");
  }

  @Test
  void one_program_run_twice_at_once_sees_each_runs_own_reference_values() throws Exception {
    Program<Shelf, Store> program = createThenRead();
    CyclicBarrier bothBound = new CyclicBarrier(PARTIES);
    Store a = new Store("a", bothBound);
    Store b = new Store("b", bothBound);
    ExecutorService threads = Executors.newFixedThreadPool(PARTIES);
    try {
      Future<RunResult> onA = threads.submit(() -> new Executor<>(model(), a).run(program));
      Future<RunResult> onB = threads.submit(() -> new Executor<>(model(), b).run(program));
      RunResult ranA = onA.get(60, TimeUnit.SECONDS);
      RunResult ranB = onB.get(60, TimeUnit.SECONDS);

      assertThat(ranA.failure()).as("run against store a").isNull();
      assertThat(ranB.failure()).as("run against store b").isNull();
      assertThat(a.readBack).containsExactly("a-1");
      assertThat(b.readBack).containsExactly("b-1");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void each_runs_step_text_shows_that_runs_own_values() throws Exception {
    Program<Shelf, Store> program = createThenRead();
    CyclicBarrier alone = new CyclicBarrier(1);
    RunResult ranA = new Executor<>(model(), new Store("a", alone)).run(program);
    RunResult ranB = new Executor<>(model(), new Store("b", alone)).run(program);

    String create = program.steps().get(0).describe(ranA.bindings());
    assertThat(create).isEqualTo("user1 create() → item#1 = a-1");
    assertThat(program.steps().get(0).describe(ranB.bindings()))
        .isEqualTo("user1 create() → item#1 = b-1");
    assertThat(program.steps().get(0).describe()).isEqualTo("user1 create() → item#1");
  }
}
