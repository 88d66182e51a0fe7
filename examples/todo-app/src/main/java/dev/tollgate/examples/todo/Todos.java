package dev.tollgate.examples.todo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Todos in PostgreSQL. Only the owner sees, edits and deletes a todo; anyone else gets 404. */
final class Todos {
    private final String columns;

    private final Database db;
    private final Config config;
    /** The title's column: {@code title}, or {@code text} in release 2-destructive. */
    private final String titleColumn;

    Todos(Database db, Config config) {
        this.db = db;
        this.config = config;
        this.titleColumn = config.release().titleColumn();
        this.columns = "t.id, t." + titleColumn + ", t.done, t.votes, t.pinned, u.name";
    }

    /** Adds a todo; {@code note} is stored by release 2 only, and may be null. */
    Todo add(User owner, String title, String note) {
        String sql = config.release().notes()
                ? "INSERT INTO todos (owner_id, " + titleColumn + ", note) VALUES (?, ?, ?) RETURNING id, "
                        + titleColumn + ", done, votes, pinned"
                : "INSERT INTO todos (owner_id, " + titleColumn + ") VALUES (?, ?) RETURNING id, " + titleColumn
                        + ", done, votes, pinned";
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                insert.setLong(1, owner.id());
                insert.setString(2, title);
                if (config.release().notes()) {
                    insert.setObject(3, note, Types.VARCHAR);
                }
                return single(insert, owner.name()).orElseThrow();
            }
        });
    }

    /** Adds every title in one transaction: all of them, in order, or none. */
    List<Todo> addAll(User owner, List<String> titles) {
        return db.transaction(c -> {
            List<Todo> added = new ArrayList<>(titles.size());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO todos (owner_id, " + titleColumn
                    + ") VALUES (?, ?) RETURNING id, " + titleColumn + ", done, votes, pinned")) {
                for (String title : titles) {
                    insert.setLong(1, owner.id());
                    insert.setString(2, title);
                    added.add(single(insert, owner.name()).orElseThrow());
                }
            }
            return added;
        });
    }

    Todo get(User owner, long id) {
        return db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + columns
                    + " FROM todos t JOIN users u ON u.id = t.owner_id WHERE t.id = ? AND t.owner_id = ?")) {
                select.setLong(1, id);
                select.setLong(2, owner.id());
                return single(select, null).orElseThrow(() -> ApiException.todoNotFound(id));
            }
        });
    }

    List<Todo> list(User owner, int limit, int offset) {
        // list-leaks: the owner filter sits in the ON clause of a LEFT JOIN, where it filters
        // nothing; every user's todos come back, with a null owner name.
        String sql = config.has(Bug.LIST_LEAKS)
                ? "SELECT " + columns + " FROM todos t LEFT JOIN users u ON u.id = t.owner_id AND t.owner_id = ?"
                        + " ORDER BY t.id LIMIT ? OFFSET ?"
                : "SELECT " + columns + " FROM todos t JOIN users u ON u.id = t.owner_id WHERE t.owner_id = ?"
                        + " ORDER BY t.id LIMIT ? OFFSET ?";
        return db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setLong(1, owner.id());
                select.setInt(2, limit);
                select.setInt(3, offset);
                List<Todo> todos = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        todos.add(row(rs, null));
                    }
                }
                return todos;
            }
        });
    }

    /** Changes the title and/or done flag; a null argument leaves that field as it is. */
    Todo edit(User owner, long id, String title, Boolean done) {
        // edit-resurrects: the edit was "simplified" into an upsert, which re-inserts a deleted
        // todo under its old id instead of answering 404.
        String sql0 = config.has(Bug.EDIT_RESURRECTS)
                ? "INSERT INTO todos (id, owner_id, title, done) VALUES (?, ?, COALESCE(?, ''), COALESCE(?, FALSE))"
                        + " ON CONFLICT (id) DO UPDATE SET title = COALESCE(?, todos.title),"
                        + " done = COALESCE(?, todos.done), updated_at = now()"
                        + " WHERE todos.owner_id = EXCLUDED.owner_id RETURNING id, title, done, votes, pinned"
                : "UPDATE todos SET title = COALESCE(?, title), done = COALESCE(?, done), updated_at = now()"
                        + " WHERE id = ? AND owner_id = ? RETURNING id, title, done, votes, pinned";
        String sql = sql0.replace("title", titleColumn);
        return db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                if (config.has(Bug.EDIT_RESURRECTS)) {
                    update.setLong(1, id);
                    update.setLong(2, owner.id());
                    update.setObject(3, title, Types.VARCHAR);
                    update.setObject(4, done, Types.BOOLEAN);
                    update.setObject(5, title, Types.VARCHAR);
                    update.setObject(6, done, Types.BOOLEAN);
                } else {
                    update.setObject(1, title, Types.VARCHAR);
                    update.setObject(2, done, Types.BOOLEAN);
                    update.setLong(3, id);
                    update.setLong(4, owner.id());
                }
                return single(update, owner.name()).orElseThrow(() -> ApiException.todoNotFound(id));
            }
        });
    }

    void delete(User owner, long id) {
        db.transaction(c -> {
            Long ownerId = lockOwner(c, id);
            if (ownerId == null) {
                // delete-twice: a missing row is taken as "already deleted", so the repeated
                // DELETE is answered as if it had worked (a misreading of idempotent DELETE).
                if (config.has(Bug.DELETE_TWICE)) {
                    return null;
                }
                throw ApiException.todoNotFound(id);
            }
            if (ownerId != owner.id()) {
                throw ApiException.todoNotFound(id);
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM todos WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Sets or clears the pin on any user's todo; the caller has checked that the user is staff. */
    Todo pin(long id, boolean pinned) {
        // pin-toggles: "pin" was made a toggle for a pin button, so pinning a pinned todo unpins it.
        String set = config.has(Bug.PIN_TOGGLES) && pinned ? "pinned = NOT t.pinned" : "pinned = ?";
        return db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE todos t SET " + set + ", updated_at = now()"
                    + " FROM users u WHERE t.id = ? AND u.id = t.owner_id RETURNING " + columns)) {
                if (set.endsWith("?")) {
                    update.setBoolean(1, pinned);
                    update.setLong(2, id);
                } else {
                    update.setLong(1, id);
                }
                return single(update, null).orElseThrow(() -> ApiException.todoNotFound(id));
            }
        });
    }

    private static Long lockOwner(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT owner_id FROM todos WHERE id = ? FOR UPDATE")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Runs a statement that yields at most one todo row; {@code ownerName} fills a missing name column. */
    private static Optional<Todo> single(PreparedStatement statement, String ownerName)
            throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(row(rs, ownerName)) : Optional.empty();
        }
    }

    private static Todo row(ResultSet rs, String ownerName) throws SQLException {
        String owner = ownerName != null ? ownerName : rs.getString(6);
        return new Todo(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getBoolean(5), owner);
    }
}
