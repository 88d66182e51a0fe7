package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayVersionTest {

    private static FlywayVersion v(String text) {
        return FlywayVersion.parse(text).orElseThrow();
    }

    @Test
    void compares_each_part_as_a_number() {
        assertThat(v("1.10")).isGreaterThan(v("1.9"));
        assertThat(v("2")).isGreaterThan(v("1.99.99"));
        assertThat(v("1.0").compareTo(v("1"))).isZero();
    }

    @Test
    void reads_the_version_from_versioned_file_names_only() {
        assertThat(FlywayVersion.ofFileName("V1_2__add_votes.sql")).map(FlywayVersion::toString).hasValue("1.2");
        assertThat(FlywayVersion.ofFileName("V3.1__x.sql")).map(FlywayVersion::toString).hasValue("3.1");
        assertThat(FlywayVersion.ofFileName("R__views.sql")).isEmpty();
        assertThat(FlywayVersion.ofFileName("U2__undo.sql")).isEmpty();
        assertThat(FlywayVersion.ofFileName("V2_add.sql")).isEmpty();
    }

    @Test
    void rejects_text_that_is_not_a_version() {
        assertThat(FlywayVersion.parse("v3")).isEmpty();
        assertThat(FlywayVersion.parse("1..2")).isEmpty();
    }
}
