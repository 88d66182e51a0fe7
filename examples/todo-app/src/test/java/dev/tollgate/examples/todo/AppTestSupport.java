package dev.tollgate.examples.todo;

import dev.tollgate.examples.todo.TestServices.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: one app per test class, started in process against the shared
 * PostgreSQL and notifier, with empty tables and a fresh notifier before each test.
 */
@ExtendWith(TestServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppTestSupport {
    protected Services services;
    protected TodoApp app;
    protected Client client;

    /** Override to start the class's app with flags, staff users or bugs. */
    protected Config configure(Config base) {
        return base;
    }

    @BeforeAll
    void startApp(Services shared) {
        services = shared;
        app = TodoApp.start(configure(shared.config()));
        client = new Client(app);
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void emptyTablesAndNotifier() {
        services.resetDatabase();
        services.resetNotifier();
    }
}
