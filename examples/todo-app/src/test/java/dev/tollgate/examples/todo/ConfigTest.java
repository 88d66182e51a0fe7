package dev.tollgate.examples.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final String DB = "jdbc:postgresql://localhost:5432/todo";

    @Test
    void applies_defaults_when_only_the_database_is_given() {
        Config config = Config.fromEnv(Map.of("DB_URL", DB));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.notifierUrl()).isNull();
        assertThat(config.notifierTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.flags()).isEmpty();
        assertThat(config.bugs()).isEmpty();
        assertThat(config.staffUsers()).isEmpty();
    }

    @Test
    void reads_every_variable() {
        Config config = Config.fromEnv(Map.of(
                "PORT", "0",
                "DB_URL", DB,
                "DB_USER", "todo",
                "DB_PASSWORD", "pw",
                "NOTIFIER_URL", "http://localhost:9090/hooks",
                "NOTIFIER_TIMEOUT_MS", "250",
                "TODO_APP_FLAGS", "pinning",
                "STAFF_USERS", "sam, pat",
                "TODO_APP_BUGS", "delete-twice, vote-race",
                "FLAGS_URL", "http://localhost:9191"));

        assertThat(config.port()).isZero();
        assertThat(config.dbUser()).isEqualTo("todo");
        assertThat(config.notifierUrl()).isEqualTo(URI.create("http://localhost:9090/hooks"));
        assertThat(config.notifierTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.has(Flag.PINNING)).isTrue();
        assertThat(config.staffUsers()).containsExactlyInAnyOrder("sam", "pat");
        assertThat(config.bugs()).containsExactlyInAnyOrder(Bug.DELETE_TWICE, Bug.VOTE_RACE);
        assertThat(config.flagsUrl()).isEqualTo(URI.create("http://localhost:9191"));
    }

    @Test
    void says_what_to_set_when_the_database_url_is_missing() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DB_URL is missing: set it to a PostgreSQL JDBC URL");
    }

    @Test
    void reports_every_problem_at_once() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("PORT", "eighty", "NOTIFIER_TIMEOUT_MS", "-5",
                "NOTIFIER_URL", "ftp://x")))
                .hasMessageContaining("PORT: expected a number from 0 to 65535 (0 picks a free port), but found 'eighty'")
                .hasMessageContaining("NOTIFIER_TIMEOUT_MS: expected milliseconds from 1 to 60000, but found '-5'")
                .hasMessageContaining("NOTIFIER_URL: expected an http(s) base URL")
                .hasMessageContaining("DB_URL is missing");
    }

    @Test
    void lists_the_valid_bug_names_when_one_is_unknown() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("DB_URL", DB, "TODO_APP_BUGS", "delete-twice,typo")))
                .hasMessageContaining("TODO_APP_BUGS: expected a comma-separated list of delete-twice, "
                        + "edit-resurrects, logout-keeps-session, list-leaks, page-drops-11th, double-vote, "
                        + "blank-title, vote-fk-500, vote-race, owner-renamed, slow-get, pin-toggles, but found unknown name 'typo'");
    }

    @Test
    void rejects_an_unknown_flag() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("DB_URL", DB, "TODO_APP_FLAGS", "pinnning")))
                .hasMessageContaining("TODO_APP_FLAGS: expected a comma-separated list of pinning, secured, "
                        + "but found unknown name 'pinnning'");
    }

    @Test
    void rejects_a_database_url_that_is_not_postgresql() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("DB_URL", "jdbc:mysql://localhost/todo")))
                .hasMessageContaining("expected a URL starting with jdbc:postgresql:");
    }

    @Test
    void keeps_the_password_out_of_its_string_form() {
        Config config = Config.fromEnv(Map.of("DB_URL", DB, "DB_PASSWORD", "hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2");
    }
}
