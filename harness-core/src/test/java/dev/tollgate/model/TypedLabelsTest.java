package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.Tollgate;
import dev.tollgate.TollgateConfigurationException;
import dev.tollgate.gen.Gen;
import dev.tollgate.model.SeveralRefsTest.Store;
import dev.tollgate.model.SeveralRefsTest.World;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.Runner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Label} types a reference at both ends: the extractor of {@code yields(label, ..)}
 * must give the label's type, and {@code call.ref(label)} is a {@code Ref} of that type, with no
 * cast. This class compiling is half the test; javac rejecting the mismatches is the other.
 */
class TypedLabelsTest {
  static final Label<String> SESSION = Label.of("session");
  static final Label<Integer> USER = Label.of("user");
  static final Label<Integer> TODO = Label.of("todo");

  private static Runner runner() {
    return Tollgate.runner().seed(7).tries(30).maxSteps(8).withoutReports().withoutCorpus()
        .reporter(Reporter.none());
  }

  static Model<World, Store> model() {
    return Model.<World, Store>define("typed", World::empty)
        .command("login", c -> c.whenModel(world -> world.session() == null)
            .run((store, none) -> store.login())
            .yields(SESSION, Store.Login::session)   // a Label<String> takes only a String
            .yields(USER, Store.Login::user)
            .expect((world, call, login) ->
                assertThat(call.ref(USER).get()).isGreaterThan(100))   // an Integer, no cast
            .update((world, call) -> new World(call.ref(SESSION), call.ref(USER), world.todos())))
        .command("create_all", c -> c.whenModel(world -> world.session() != null)
            .with(Gen.lists(Gen.elements("milk", "eggs", "tea")).ofSize(1, 3))
            .run((store, titles) -> store.createAll(titles))
            .yieldsEach(TODO, ids -> ids)
            .update((world, call) -> world.withTodos(call.refs(TODO), call.arg())))
        .command("read", SeveralRefsTest::read)
        .build();
  }

  @Test
  void typed_labels_bind_each_reference_to_a_value_of_its_type() {
    assertThat(runner().check(model(), new Store(false)).programs()).isEqualTo(30);
  }

  @Test
  void a_typed_label_reads_a_reference_yielded_under_its_name_and_the_other_way_round() {
    Model<World, Store> model = Model.<World, Store>define("mixed", World::empty)
        .command("login", c -> c.whenModel(world -> world.session() == null)
            .run((store, none) -> store.login())
            .yields("session", Store.Login::session)
            .yields(USER, Store.Login::user)
            .update((world, call) -> {
              if (!call.ref(SESSION).equals(call.ref("session"))
                  || !call.ref(USER).equals(call.<Integer>ref("user"))) {
                throw new AssertionError("a label and its name read different references");
              }
              return new World(call.ref(SESSION), call.ref(USER), world.todos());
            }))
        .build();

    assertThat(runner().check(model, new Store(false)).programs()).isEqualTo(30);
  }

  @Test
  void a_label_without_a_name_is_a_configuration_error() {
    assertThatThrownBy(() -> Label.of(" "))
        .isInstanceOf(TollgateConfigurationException.class)
        .hasMessageContaining("Label.of(\"todo\")");
    assertThat(Label.of("todo")).isEqualTo(TODO).hasToString("todo");
  }

  @Test
  void javac_rejects_an_extractor_or_a_ref_of_another_type_than_the_label(@TempDir Path dir)
      throws Exception {
    Path source = dir.resolve("Mismatch.java");
    Files.writeString(source, String.join("\n",
        "import dev.tollgate.model.*;",
        "class Mismatch {",
        "  record Login(String token, int user) {}",
        "  static final Label<Integer> USER = Label.of(\"user\");",
        "  static Model<Ref<String>, Object> model() {",
        "    return Model.<Ref<String>, Object>define(\"m\", () -> null)",
        "        .command(\"login\", c -> c.run((client, none) -> new Login(\"t\", 1))",
        "            .yields(USER, Login::token)",
        "            .update((s, call) -> s))",
        "        .command(\"again\", c -> c.run((client, none) -> new Login(\"t\", 1))",
        "            .yields(USER, Login::user)",
        "            .update((s, call) -> call.ref(USER)))",
        "        .build();",
        "  }",
        "}"));

    List<Long> lines = new ArrayList<>();
    boolean compiled = compile(source, dir.resolve("classes"), lines);

    assertThat(compiled).isFalse();
    // Line 8: a String extractor for a Label<Integer>; line 12: a Ref<Integer> for a Ref<String>.
    assertThat(lines).containsExactly(8L, 12L);
  }

  private static boolean compile(Path source, Path classes, List<Long> errorLines)
      throws Exception {
    Files.createDirectories(classes);
    Set<String> path = new LinkedHashSet<>(
        List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    for (Class<?> type : List.of(Label.class, org.opentest4j.AssertionFailedError.class)) {
      path.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString());
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      ok = javac.getTask(null, files, diagnostics,
          List.of("-classpath", String.join(File.pathSeparator, path), "-d", classes.toString(),
              "-proc:none"),
          null, files.getJavaFileObjects(source.toFile())).call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errorLines.add(d.getLineNumber());
      }
    }
    return ok;
  }
}
