package dev.tollgate.examples.todo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Votes: any logged-in user votes once on any todo, by id. Each vote is a row in {@code votes};
 * the todo keeps a denormalized counter so that lists need no aggregate query.
 */
final class Votes {
    private final Database db;
    private final Config config;

    Votes(Database db, Config config) {
        this.db = db;
        this.config = config;
    }

    /** Idempotent: a second vote by the same user changes nothing. */
    VoteState vote(User voter, long todoId) {
        return db.transaction(c -> {
            // vote-fk-500: the existence check is skipped, "the foreign key will catch it"; but
            // nobody maps the FK violation, so a vote on a deleted todo is a 500.
            if (!config.has(Bug.VOTE_FK_500)) {
                requireTodo(c, todoId);
            }
            int inserted = changeVoteRow(c,
                    "INSERT INTO votes (todo_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", todoId, voter);
            // double-vote: the counter is bumped without looking at whether a row was inserted.
            boolean counts = inserted == 1 || config.has(Bug.DOUBLE_VOTE);
            int votes = counts ? addToCounter(c, todoId, 1) : counter(c, todoId);
            return new VoteState(todoId, votes, true);
        });
    }

    /** Idempotent: taking back a vote that was never cast changes nothing. */
    VoteState unvote(User voter, long todoId) {
        return db.transaction(c -> {
            requireTodo(c, todoId);
            int removed = changeVoteRow(c, "DELETE FROM votes WHERE todo_id = ? AND user_id = ?", todoId, voter);
            int votes = removed == 1 ? addToCounter(c, todoId, -1) : counter(c, todoId);
            return new VoteState(todoId, votes, false);
        });
    }

    VoteState state(User asker, long todoId) {
        return db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT t.votes, EXISTS (SELECT 1 FROM votes v"
                    + " WHERE v.todo_id = t.id AND v.user_id = ?) FROM todos t WHERE t.id = ?")) {
                select.setLong(1, asker.id());
                select.setLong(2, todoId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.todoNotFound(todoId);
                    }
                    return new VoteState(todoId, rs.getInt(1), rs.getBoolean(2));
                }
            }
        });
    }

    /** 404 unless the todo exists; also locks its row, so concurrent votes on it queue up. */
    private void requireTodo(Connection c, long todoId) throws SQLException {
        // vote-race: the row lock was dropped "for throughput", which together with the
        // read-then-write counter below loses concurrent votes.
        String lock = config.has(Bug.VOTE_RACE) ? "" : " FOR NO KEY UPDATE";
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM todos WHERE id = ?" + lock)) {
            select.setLong(1, todoId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.todoNotFound(todoId);
                }
            }
        }
    }

    /** Inserts or deletes one (todo, voter) row; returns how many rows changed. */
    private static int changeVoteRow(Connection c, String sql, long todoId, User voter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, todoId);
            statement.setLong(2, voter.id());
            return statement.executeUpdate();
        }
    }

    private int addToCounter(Connection c, long todoId, int delta) throws SQLException {
        if (config.has(Bug.VOTE_RACE)) {
            int current = counter(c, todoId);
            try (PreparedStatement update = c.prepareStatement("UPDATE todos SET votes = ? WHERE id = ?")) {
                update.setInt(1, current + delta);
                update.setLong(2, todoId);
                update.executeUpdate();
            }
            return current + delta;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE todos SET votes = votes + ? WHERE id = ? RETURNING votes")) {
            update.setInt(1, delta);
            update.setLong(2, todoId);
            try (ResultSet rs = update.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int counter(Connection c, long todoId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT votes FROM todos WHERE id = ?")) {
            select.setLong(1, todoId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
