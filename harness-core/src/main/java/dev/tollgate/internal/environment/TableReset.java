package dev.tollgate.internal.environment;

import dev.tollgate.environment.Reset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Empties the app's tables. The schema is read once; each reset is then one statement string
 * sent in one round trip. DELETE plus {@code setval} beats TRUNCATE (and ALTER SEQUENCE ...
 * RESTART) on small tables, because those make new files for each table, index and sequence.
 */
public final class TableReset implements Reset {
  /** Flyway's migration history survives every reset. */
  static final String MIGRATION_HISTORY = "flyway_schema_history";

  private static final String TABLES = "select c.oid::bigint, quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relname"
      + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
      + " where c.relkind in ('r', 'p') and not c.relispartition"
      + " and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'"
      + " and has_table_privilege(c.oid, 'DELETE')";
  private static final String FOREIGN_KEYS = "select conrelid::bigint, confrelid::bigint from pg_constraint"
      + " where contype = 'f' and conrelid <> confrelid";
  private static final String OWNED_SEQUENCES = "select d.refobjid::bigint, s.oid::bigint, q.seqstart from pg_depend d"
      + " join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_sequence q on q.seqrelid = s.oid"
      + " where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')";

  private final boolean truncate;
  private final Set<String> kept;

  private TableReset(boolean truncate, String... keptTables) {
    this.truncate = truncate;
    this.kept = new HashSet<>();
    kept.add(MIGRATION_HISTORY);
    for (String table : keptTables) {
      kept.add(table.toLowerCase(Locale.ROOT));
    }
  }

  public static Reset deleting(String... keptTables) {
    return new TableReset(false, keptTables);
  }

  public static Reset truncating(String... keptTables) {
    return new TableReset(true, keptTables);
  }

  @Override
  public Action prepare(Connection connection) throws SQLException {
    Map<Long, String> tables = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(TABLES)) {
        while (rows.next()) {
          if (!kept.contains(rows.getString(3).toLowerCase(Locale.ROOT))) {
            tables.put(rows.getLong(1), rows.getString(2));
          }
        }
      }
      if (tables.isEmpty()) {
        return c -> { };
      }
      Map<Long, Set<Long>> parents = new HashMap<>();
      try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
        while (rows.next()) {
          parents.computeIfAbsent(rows.getLong(1), k -> new HashSet<>()).add(rows.getLong(2));
        }
      }
      List<String> sequences = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(OWNED_SEQUENCES)) {
        while (rows.next()) {
          if (tables.containsKey(rows.getLong(1))) {
            sequences.add("setval(" + rows.getLong(2) + "::regclass, " + rows.getLong(3) + ", false)");
          }
        }
      }
      List<Long> childrenFirst = truncate ? null : childrenFirst(tables.keySet(), parents);
      String sql = childrenFirst == null
          ? "truncate table " + String.join(", ", tables.values()) + " restart identity cascade"
          : deleteStatements(childrenFirst, tables, sequences);
      return c -> {
        try (Statement s = c.createStatement()) {
          s.execute(sql);
        }
      };
    }
  }

  private static String deleteStatements(List<Long> order, Map<Long, String> tables, List<String> sequences) {
    StringBuilder sql = new StringBuilder();
    for (Long table : order) {
      sql.append("delete from ").append(tables.get(table)).append(";\n");
    }
    if (!sequences.isEmpty()) {
      sql.append("select ").append(String.join(", ", sequences));
    }
    return sql.toString();
  }

  /**
   * Orders tables so that each comes before the tables it references; null when references
   * form a cycle (then only TRUNCATE ... CASCADE empties them in one go). A table referenced
   * from outside the set (a kept table) keeps its rows only if nothing references them.
   */
  static List<Long> childrenFirst(Set<Long> tables, Map<Long, Set<Long>> parents) {
    Map<Long, Integer> referencedBy = new HashMap<>();
    for (Long table : tables) {
      referencedBy.putIfAbsent(table, 0);
      for (Long parent : parents.getOrDefault(table, Set.of())) {
        if (tables.contains(parent)) {
          referencedBy.merge(parent, 1, Integer::sum);
        }
      }
    }
    List<Long> order = new ArrayList<>();
    Set<Long> ready = new LinkedHashSet<>();
    referencedBy.forEach((table, count) -> {
      if (count == 0) {
        ready.add(table);
      }
    });
    while (!ready.isEmpty()) {
      Long table = ready.iterator().next();
      ready.remove(table);
      order.add(table);
      for (Long parent : parents.getOrDefault(table, Set.of())) {
        if (tables.contains(parent) && referencedBy.merge(parent, -1, Integer::sum) == 0) {
          ready.add(parent);
        }
      }
    }
    return order.size() == tables.size() ? order : null;
  }
}
