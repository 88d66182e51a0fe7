package dev.tollgate.examples.todo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Which release of the app this build is: its migrations and the schema its code expects. Each
 * jar has its release baked in ({@code todo-app-release.properties}, see the module README);
 * {@code TODO_APP_RELEASE} overrides it.
 *
 * <ul>
 *   <li>{@code 1}: the schema of {@code db/migration} (V1).
 *   <li>{@code 2}: adds a nullable {@code todos.note} ({@code db/release2}), an additive change;
 *       the build stores a todo's optional {@code note}.
 *   <li>{@code 2-destructive}: renames {@code todos.title} to {@code text}
 *       ({@code db/release2-destructive}), which breaks release 1 while it still runs during a
 *       rolling deploy; the build reads and writes {@code text}.
 * </ul>
 */
public enum Release {
    ONE("1", null, "title", false),
    TWO("2", "classpath:db/release2", "title", true),
    TWO_DESTRUCTIVE("2-destructive", "classpath:db/release2-destructive", "text", false);

    static final String RESOURCE = "/todo-app-release.properties";

    private final String releaseName;
    private final String migrations;
    private final String titleColumn;
    private final boolean notes;

    Release(String releaseName, String migrations, String titleColumn, boolean notes) {
        this.releaseName = releaseName;
        this.migrations = migrations;
        this.titleColumn = titleColumn;
        this.notes = notes;
    }

    public String releaseName() {
        return releaseName;
    }

    /** The migration folders after V1's, in order. */
    List<String> extraMigrations() {
        return migrations == null ? List.of() : List.of(migrations);
    }

    /** The column that holds a todo's title. */
    String titleColumn() {
        return titleColumn;
    }

    /** Whether this build stores a todo's note. */
    boolean notes() {
        return notes;
    }

    /** The release baked into this jar, or {@link #ONE}. */
    static Release builtIn() {
        try (InputStream in = Release.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return ONE;
            }
            Properties properties = new Properties();
            properties.load(in);
            return parse(properties.getProperty("release", "1"), RESOURCE);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /**
     * @throws ConfigException naming the unknown release and the known ones
     */
    static Release parse(String raw, String source) {
        String wanted = raw == null ? "" : raw.trim();
        return Arrays.stream(values()).filter(r -> r.releaseName.equals(wanted)).findFirst()
                .orElseThrow(() -> new ConfigException(source + ": expected one of "
                        + Arrays.stream(values()).map(Release::releaseName).collect(Collectors.joining(", "))
                        + ", but found '" + raw + "'. Fix it, or leave it unset for this jar's own release."));
    }
}
