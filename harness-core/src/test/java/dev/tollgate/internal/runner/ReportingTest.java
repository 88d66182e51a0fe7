package dev.tollgate.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.report.Reporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Folder names for reports and corpora: readable, safe on any file system, and apart. */
class ReportingTest {
  private static Reporting of(String testClass, String testMethod) {
    return new Reporting(Reporter.none(), testClass, testMethod, null, null, 0,
        Duration.ofSeconds(5), new FolderClaims());
  }

  @Test
  void folder_is_the_fully_qualified_class_and_method_with_a_nested_class_joined_by_a_dot() {
    assertThat(of("dev.example.TodoGateIT", "todos").folderName("todos"))
        .isEqualTo("dev.example.TodoGateIT.todos");
    assertThat(of("dev.example.Outer$Inner", "m").folderName("todos"))
        .isEqualTo("dev.example.Outer.Inner.m");
    assertThat(of(null, null).folderName("todos")).isEqualTo("todos");
  }

  @Test
  void classes_of_one_simple_name_in_two_packages_get_two_folders() {
    assertThat(of("dev.a.GateIT", "g").folderName("m"))
        .isNotEqualTo(of("dev.b.GateIT", "g").folderName("m"));
  }

  @Test
  void a_second_model_of_one_test_gets_its_own_folder_and_the_first_keeps_the_plain_name() {
    Reporting reporting = of("dev.example.GateIT", "g");

    assertThat(reporting.folderName("todos")).isEqualTo("dev.example.GateIT.g");
    assertThat(reporting.folderName("votes")).isEqualTo("dev.example.GateIT.g.votes");
    assertThat(reporting.folderName("todos")).isEqualTo("dev.example.GateIT.g");
  }

  @Test
  void unsafe_characters_become_underscores_and_long_names_are_cut_keeping_the_method() {
    assertThat(of("dev.example.GateIT", "g").folderName("x")).isEqualTo("dev.example.GateIT.g");
    assertThat(of(null, null).folderName("to dos/../é")).isEqualTo("to_dos_.._");
    String method = "m".repeat(150) + "_end";
    String longer = of("dev.example." + "deep.".repeat(30) + "GateIT", method).folderName("x");
    String other = of("dev.example." + "deeq.".repeat(30) + "GateIT", method).folderName("x");

    assertThat(longer).hasSize(Reporting.MAX_FOLDER_NAME).endsWith("GateIT." + method)
        .isNotEqualTo(other);
  }
}
