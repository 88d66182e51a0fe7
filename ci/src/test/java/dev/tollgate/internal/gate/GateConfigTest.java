package dev.tollgate.internal.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateConfigTest {

    @TempDir
    Path dir;

    private GateConfig load(String properties, Map<String, String> env) {
        return GateConfig.load(Optional.of(Fixtures.write(dir.resolve("ci/tollgate-gate.properties"), properties)), env);
    }

    @Test
    void reads_every_key_and_resolves_the_migrations_folder_from_the_file() {
        GateConfig config = load("""
                slo.p95Ms=150
                slo.p95Ms.export_csv=900
                slo.minCalls=50
                migrations.dir=../app/src/main/resources/db/migration
                migrations.lastReleasedVersion=1_4
                webhook.url=http://127.0.0.1:9/hook
                webhook.timeoutMs=750
                """, Map.of());

        assertThat(config.sloFor("add_todo")).isEqualTo(150);
        assertThat(config.sloFor("export_csv")).isEqualTo(900);
        assertThat(config.migrationsDir()).hasValue(dir.resolve("app/src/main/resources/db/migration"));
        assertThat(config.lastReleasedVersion()).map(FlywayVersion::toString).hasValue("1.4");
        assertThat(config.webhook()).hasValue(URI.create("http://127.0.0.1:9/hook"));
        assertThat(config.webhookTimeout().toMillis()).isEqualTo(750);
        assertThat(config.minCalls()).isEqualTo(50);
    }

    @Test
    void judges_p95_over_at_least_20_calls_unless_told_otherwise() {
        assertThat(load("slo.p95Ms=150", Map.of()).minCalls()).isEqualTo(20);
    }

    @Test
    void rejects_a_minimum_of_calls_that_is_not_a_positive_whole_number() {
        assertThatThrownBy(() -> load("slo.minCalls=0", Map.of()))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageEndingWith("to be a whole number of calls, at least 1, but found '0'. Fix: write e.g."
                        + " slo.minCalls=20");
        assertThatThrownBy(() -> load("slo.minCalls=2.5", Map.of()))
                .hasMessageContaining("but found '2.5'");
    }

    @Test
    void lets_the_environment_webhook_win_over_the_file() {
        GateConfig config = load("webhook.url=http://127.0.0.1:9/file", Map.of("TOLLGATE_WEBHOOK_URL", "http://127.0.0.1:9/env"));

        assertThat(config.webhook()).hasValue(URI.create("http://127.0.0.1:9/env"));
    }

    @Test
    void rejects_a_misspelt_key_and_lists_the_known_ones() {
        assertThatThrownBy(() -> load("slo.p95ms=100", Map.of()))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageStartingWith("expected only known keys in ")
                .hasMessageContaining("but found 'slo.p95ms'. Fix: correct the spelling or remove the line.")
                .hasMessageContaining("slo.p95Ms.<command>=500");
    }

    @Test
    void rejects_a_non_numeric_slo() {
        assertThatThrownBy(() -> load("slo.p95Ms.vote=fast", Map.of()))
                .hasMessageEndingWith("to be a positive number of milliseconds, but found 'fast'. Fix: write e.g."
                        + " slo.p95Ms.vote=200");
    }

    @Test
    void rejects_half_a_migrations_configuration() {
        assertThatThrownBy(() -> load("migrations.dir=db", Map.of()))
                .hasMessageContaining("but found only migrations.dir. Fix: add migrations.lastReleasedVersion");
    }

    @Test
    void rejects_a_webhook_that_is_not_a_url_without_echoing_it() {
        assertThatThrownBy(() -> load("", Map.of("TOLLGATE_WEBHOOK_URL", "hooks/secret-token")))
                .hasMessageContaining("expected TOLLGATE_WEBHOOK_URL")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void rejects_a_missing_explicit_file() {
        assertThatThrownBy(() -> GateConfig.load(Optional.of(dir.resolve("missing.properties")), Map.of()))
                .isInstanceOf(CannotDecideException.class)
                .hasMessageContaining("expected a configuration file at")
                .hasMessageContaining("but found no such file");
    }
}
