package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayLineTest {
  @TempDir Path root;

  private Invocation run(String args, Path ranIn, Path module, Map<String, String> properties) {
    List<String> split = args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    return new Invocation(split, ranIn, module, properties::get);
  }

  @Test
  void an_it_in_a_module_of_a_multi_module_build_runs_through_failsafe_alone_with_the_runs_flags() {
    Path module = root.resolve("examples/todo-gate");
    Invocation build = run("-B -o -Dtodo.bugs=delete-twice -Pci verify", root, module,
        Map.of("todo.bugs", "delete-twice"));

    assertThat(ReplayLine.of(build, "dev.example.TodoGateIT", "todos", "t1.ab.3.AAAA"))
        .isEqualTo("mvn verify -o -Dtodo.bugs=delete-twice -Pci -pl examples/todo-gate -am"
            + " -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='TodoGateIT#todos'"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dtollgate.replay=t1.ab.3.AAAA");
  }

  @Test
  void a_unit_test_run_in_its_own_module_runs_through_surefire_without_pl() {
    Path module = root.resolve("core");
    Invocation build = run("test", module, module, Map.of());

    assertThat(ReplayLine.of(build, "dev.example.VotesTest", "votes_count_once", "t1.x"))
        .isEqualTo("mvn test -Dtest='VotesTest#votes_count_once'"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dtollgate.replay=t1.x");
  }

  @Test
  void the_runs_own_selection_replay_seed_and_skips_are_replaced_and_values_keep_their_spaces() {
    Path module = root.resolve("a/b");
    Invocation build = run("-pl a/b -am -Dtest=Other -Dit.test=X -DskipTests -Dtollgate.seed=4"
            + " -Dtollgate.replay=t1.old -Dmaven.test.failure.ignore=true -Dgreeting=hello world -D colour=red -P one,two"
            + " --offline install", root, module,
        Map.of("greeting", "hello world", "colour", "red"));

    assertThat(ReplayLine.of(build, "dev.example.Outer$InnerTest", "m", "t1.new"))
        .isEqualTo("mvn test '-Dgreeting=hello world' -Dcolour=red -P one,two --offline"
            + " -pl a/b -am -Dtest='Outer$InnerTest#m' -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtollgate.replay=t1.new");
  }

  @Test
  void a_property_given_without_a_value_is_carried_as_true() {
    Invocation build = run("-Dfast verify", root, root, Map.of());

    assertThat(ReplayLine.of(build, "FooIT", null, "t1.x"))
        .startsWith("mvn verify -Dfast=true -Dtest=none")
        .contains("-Dit.test='FooIT'");
  }

  @Test
  void with_f_the_pom_is_named_absolutely_and_the_module_relative_to_its_folder() {
    Path project = root.resolve("project");
    Invocation build = run("-f project/pom.xml verify", project, project.resolve("examples/gate"),
        Map.of());

    assertThat(ReplayLine.of(build, "dev.x.GateIT", "g", "t1.x")).startsWith("mvn verify -f "
        + project.resolve("pom.xml") + " -pl examples/gate -am -Dtest=none");
  }

  @Test
  void outside_maven_the_line_runs_the_test_from_its_module() {
    Path module = root.resolve("m");
    Invocation ide = run("", module, module, Map.of("todo.bugs", "x"));

    assertThat(ReplayLine.of(ide, "dev.x.GateIT", "g", "t1.x"))
        .isEqualTo("mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dit.test='GateIT#g' -Dfailsafe.failIfNoSpecifiedTests=false -Dtollgate.replay=t1.x");
  }

  @Test
  void the_folder_the_build_ran_in_is_mavens_project_folder_not_the_forks_shell_folder()
      throws IOException {
    Path project = root.resolve("project");
    Path module = Files.createDirectories(project.resolve("examples/gate"));
    Map<String, String> props = Map.of("user.dir", module.toString(), "basedir", module.toString());

    // Surefire starts its fork through a shell that changes to the module: PWD is the module.
    Invocation build = Invocation.of(Map.of("MAVEN_CMD_LINE_ARGS", " -o verify",
        "MAVEN_PROJECTBASEDIR", project.toString(), "PWD", module.toString()), props::get);
    Invocation ide = Invocation.of(Map.of("PWD", root.toString()), props::get);

    assertThat(build.mavenArgs()).containsExactly("-o", "verify");
    assertThat(build.invocationDir()).isEqualTo(project);
    assertThat(build.moduleDir()).isEqualTo(module);
    assertThat(ide.underMaven()).isFalse();
    assertThat(ide.invocationDir()).isEqualTo(module);
  }

  @Test
  void a_path_is_shown_relative_to_the_folder_the_build_ran_in_or_absolute_outside_it() {
    Path module = root.resolve("examples/gate");
    Invocation build = run("verify", root, module, Map.of());
    Invocation inModule = run("verify", module, module, Map.of());
    Invocation inSibling = run("verify", root.resolve("ci"), module, Map.of());
    Path report = Path.of("target", "tollgate", "demo.GateIT.g", "report.html");

    assertThat(build.display(report))
        .isEqualTo(Path.of("examples/gate/target/tollgate/demo.GateIT.g/report.html").toString());
    assertThat(inModule.display(report)).isEqualTo(report.toString());
    assertThat(inSibling.display(report)).isEqualTo(module.resolve(report).toString());
    assertThat(build.display(root.resolve("x/report.html"))).isEqualTo(
        Path.of("x", "report.html").toString());
  }
}
