package dev.tollgate.examples.todo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and their sessions. Live sessions are cached in memory by token hash, because every
 * request authenticates; logging out revokes the session in the database and evicts it here.
 */
final class Accounts {
    private static final int CACHE_LIMIT = 50_000;

    private final Database db;
    private final Set<String> staffUsers;
    private final boolean evictOnLogout;
    private final Map<String, User> sessionCache = new ConcurrentHashMap<>();

    Accounts(Database db, Config config) {
        this.db = db;
        this.staffUsers = config.staffUsers();
        this.evictOnLogout = !config.has(Bug.LOGOUT_KEEPS_SESSION);
    }

    /** Creates a user; staff when the name is listed in STAFF_USERS. 409 when the name is taken. */
    User register(String name, String password) {
        boolean staff = staffUsers.contains(name);
        String hash = Passwords.hash(password);
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO users (name, password_hash, staff) VALUES (?, ?, ?) "
                            + "ON CONFLICT (name) DO NOTHING RETURNING id")) {
                insert.setString(1, name);
                insert.setString(2, hash);
                insert.setBoolean(3, staff);
                try (ResultSet rs = insert.executeQuery()) {
                    if (!rs.next()) {
                        throw new ApiException(409, "name_taken", "expected a user name nobody has, but '" + name
                                + "' is already registered; choose another name, or log in with POST /sessions");
                    }
                    return new User(rs.getLong(1), name, staff);
                }
            }
        });
    }

    /** Opens a session and returns its token; 401 for an unknown name or a wrong password. */
    String login(String name, String password) {
        // A name PostgreSQL cannot store cannot belong to anyone; asking would be a 500.
        Optional<Credentials> found = !Input.storable(name) ? Optional.empty() : db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, password_hash, staff FROM users WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Credentials(new User(rs.getLong(1), name, rs.getBoolean(3)),
                                    rs.getString(2)))
                            : Optional.<Credentials>empty();
                }
            }
        });
        if (found.isEmpty() || !Passwords.matches(password, found.get().passwordHash())) {
            throw new ApiException(401, "bad_credentials",
                    "expected the name and password of a registered user, but they do not match; "
                            + "register with POST /users, or check the password");
        }
        User user = found.get().user();
        String token = Passwords.newToken();
        String tokenHash = Passwords.tokenHash(token);
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sessions (token_hash, user_id) VALUES (?, ?)")) {
                insert.setString(1, tokenHash);
                insert.setLong(2, user.id());
                return insert.executeUpdate();
            }
        });
        cache(tokenHash, user);
        return token;
    }

    void logout(String token) {
        String tokenHash = Passwords.tokenHash(token);
        db.transaction(c -> {
            try (PreparedStatement revoke = c.prepareStatement(
                    "UPDATE sessions SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL")) {
                revoke.setString(1, tokenHash);
                return revoke.executeUpdate();
            }
        });
        if (evictOnLogout) {
            sessionCache.remove(tokenHash);
        }
    }

    /** The user behind a live token, or 401. */
    User authenticate(String token) {
        String tokenHash = Passwords.tokenHash(token);
        User cached = sessionCache.get(tokenHash);
        if (cached != null) {
            return cached;
        }
        Optional<User> live = db.transaction(c -> lookupLiveSession(c, tokenHash));
        live.ifPresent(user -> cache(tokenHash, user));
        return live.orElseThrow(() -> ApiException.unauthorized(
                "expected a live session token, but this one is unknown or logged out; log in again with POST /sessions"));
    }

    private static Optional<User> lookupLiveSession(java.sql.Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT u.id, u.name, u.staff FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.token_hash = ? AND s.revoked_at IS NULL")) {
            select.setString(1, tokenHash);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new User(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    private void cache(String tokenHash, User user) {
        if (sessionCache.size() >= CACHE_LIMIT) {
            // Crude but safe: a miss only costs one database lookup.
            sessionCache.clear();
        }
        sessionCache.put(tokenHash, user);
    }

    private record Credentials(User user, String passwordHash) {
    }
}
