package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunResultsTest {

    @TempDir
    Path root;

    @Test
    void finds_reports_only_in_their_maven_folders() {
        Fixtures.junitXml(root, "a/b", "surefire", "x.ATest", Fixtures.passed("t"));
        Fixtures.write(root.resolve("a/target/other-reports/TEST-x.BTest.xml"), "not read");
        Fixtures.write(root.resolve("a/src/test/resources/TEST-x.CTest.xml"), "not read");
        Fixtures.write(root.resolve(".git/target/surefire-reports/TEST-x.DTest.xml"), "not read");
        Fixtures.tollgateReport(root, "a", "deep/er", Fixtures.passingReport("x.G#g", "login", 1));
        Fixtures.write(root.resolve("a/target/report.json"), "not read");

        RunResults results = RunResults.scan(root);

        assertThat(results.xmlFiles()).isEqualTo(1);
        assertThat(results.testCases()).extracting(TestCaseResult::displayName).containsExactly("x.ATest#t");
        assertThat(results.reports()).extracting(TollgateReport::test).containsExactly("x.G#g");
    }

    @Test
    void cannot_decide_without_any_report() {
        Fixtures.write(root.resolve("pom.xml"), "<project/>");

        assertThatThrownBy(() -> RunResults.scan(root))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("expected test results below")
                .hasMessageContaining("but found none")
                .hasMessageContaining("Fix: run `mvn verify` first");
    }

    @Test
    void cannot_decide_on_cut_off_xml_and_says_where() {
        Fixtures.write(root.resolve("m/target/failsafe-reports/TEST-x.ITest.xml"),
                "<?xml version=\"1.0\"?>\n<testsuite name=\"x\">\n<testcase name=\"a\"");

        assertThatThrownBy(() -> RunResults.scan(root))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("expected well-formed JUnit XML in")
                .hasMessageContaining("TEST-x.ITest.xml, but line 3")
                .hasMessageContaining("Fix: rerun the build");
    }

    @Test
    void refuses_xml_with_a_doctype() {
        Fixtures.write(root.resolve("m/target/surefire-reports/TEST-x.ETest.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY e SYSTEM \"file:///nonexistent\">]><testsuite>&e;</testsuite>");

        assertThatThrownBy(() -> RunResults.scan(root)).isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
