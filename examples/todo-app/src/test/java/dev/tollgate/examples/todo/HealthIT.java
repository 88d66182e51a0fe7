package dev.tollgate.examples.todo;

import static org.hamcrest.Matchers.equalTo;

import dev.tollgate.examples.todo.TestServices.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestServices.class)
class HealthIT {

    @Test
    void answers_ok_while_the_database_answers_and_503_once_it_does_not(Services services) {
        services.sql("postgres", "DROP DATABASE IF EXISTS health_probe");
        services.sql("postgres", "CREATE DATABASE health_probe");
        try (TodoApp app = TodoApp.start(Config.forDatabase(services.jdbcUrl("health_probe"), "postgres", "postgres"))) {
            Client client = new Client(app);
            client.anonymous().get("/health").then().statusCode(200).body("status", equalTo("ok"));

            services.sql("postgres", "ALTER DATABASE health_probe ALLOW_CONNECTIONS false");
            services.sql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = 'health_probe'");

            client.anonymous().get("/health").then().statusCode(503).body("status", equalTo("unavailable"));
        } finally {
            services.sql("postgres", "DROP DATABASE IF EXISTS health_probe WITH (FORCE)");
        }
    }
}
