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
 * Brings the app's tables back to their baseline: the rows they held when the reset was prepared,
 * right after the app started (seed rows from migrations), or no rows at all for {@link
 * #emptying}. The schema and the baseline rows are read once; each reset is then one statement
 * string sent in one round trip: delete every row, insert the baseline rows again (parents first,
 * as literals held in the statement), and put each sequence back where it stood. DELETE plus
 * {@code setval} beats TRUNCATE (and ALTER SEQUENCE ... RESTART) on small tables, because those
 * make new files for each table, index and sequence.
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
  private static final String OWNED_SEQUENCES = "select d.refobjid::bigint, s.oid::bigint, q.seqstart,"
      + " s.oid::regclass::text from pg_depend d"
      + " join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_sequence q on q.seqrelid = s.oid"
      + " where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')";

  /** The insertable columns of a table: their names, and an expression that renders a row's values as SQL literals. */
  private static final String COLUMNS = "select string_agg(quote_ident(attname), ', ' order by attnum),"
      + " string_agg('quote_nullable(t.' || quote_ident(attname) || ')', ' || '', '' || ' order by attnum) from pg_attribute"
      + " where attrelid = ? and attnum > 0 and not attisdropped and attgenerated = ''";

  private final boolean truncate;
  private final boolean keepBaseline;
  private final Set<String> kept;

  private TableReset(boolean truncate, boolean keepBaseline, String... keptTables) {
    this.truncate = truncate;
    this.keepBaseline = keepBaseline;
    this.kept = new HashSet<>();
    kept.add(MIGRATION_HISTORY);
    for (String table : keptTables) {
      kept.add(table.toLowerCase(Locale.ROOT));
    }
  }

  public static Reset deleting(String... keptTables) {
    return new TableReset(false, true, keptTables);
  }

  public static Reset truncating(String... keptTables) {
    return new TableReset(true, true, keptTables);
  }

  /** Deletes every row, the baseline's too, and restarts sequences at their start. */
  public static Reset emptying(String... keptTables) {
    return new TableReset(false, false, keptTables);
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
      Map<Long, String> sequenceNames = new LinkedHashMap<>();
      Map<Long, Long> sequenceStarts = new HashMap<>();
      try (ResultSet rows = statement.executeQuery(OWNED_SEQUENCES)) {
        while (rows.next()) {
          if (tables.containsKey(rows.getLong(1))) {
            sequenceNames.put(rows.getLong(2), rows.getString(4));
            sequenceStarts.put(rows.getLong(2), rows.getLong(3));
          }
        }
      }
      List<String> sequences = new ArrayList<>();
      for (Map.Entry<Long, String> sequence : sequenceNames.entrySet()) {
        String value = sequenceStarts.get(sequence.getKey()) + ", false";
        if (keepBaseline) {
          try (ResultSet row = statement.executeQuery("select last_value, is_called from " + sequence.getValue())) {
            row.next();
            value = row.getLong(1) + ", " + row.getBoolean(2);
          }
        }
        sequences.add("setval(" + sequence.getKey() + "::regclass, " + value + ")");
      }
      List<Long> childrenFirst = childrenFirst(tables.keySet(), parents);
      List<Long> order = childrenFirst == null ? new ArrayList<>(tables.keySet()) : childrenFirst;
      String restore = keepBaseline ? baselineInserts(connection, order, tables, childrenFirst == null) : "";
      String sql = truncate || childrenFirst == null
          ? "truncate table " + String.join(", ", tables.values()) + " restart identity cascade;\n" + restore
              + (sequences.isEmpty() || !keepBaseline ? "" : "select " + String.join(", ", sequences))
          : deleteStatements(childrenFirst, tables) + restore
              + (sequences.isEmpty() ? "" : "select " + String.join(", ", sequences));
      return c -> {
        try (Statement s = c.createStatement()) {
          s.execute(sql);
        }
      };
    }
  }

  private static String deleteStatements(List<Long> order, Map<Long, String> tables) {
    StringBuilder sql = new StringBuilder();
    for (Long table : order) {
      sql.append("delete from ").append(tables.get(table)).append(";\n");
    }
    return sql.toString();
  }

  /**
   * The statements that put back the rows the tables hold now, parents before children: one
   * INSERT per non-empty table, its rows carried as SQL literals (or, when references form a
   * cycle, one statement holding every INSERT). Generated columns are left to
   * the database; identity columns take their old values.
   */
  private static String baselineInserts(Connection connection, List<Long> childrenFirst, Map<Long, String> tables,
      boolean cycle) throws SQLException {
    List<String> inserts = new ArrayList<>();
    for (int i = childrenFirst.size() - 1; i >= 0; i--) {
      Long table = childrenFirst.get(i);
      String name = tables.get(table);
      String columns;
      String values;
      try (java.sql.PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
        statement.setLong(1, table);
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          columns = result.getString(1);
          values = result.getString(2);
        }
      }
      if (columns == null) {
        continue;
      }
      // Each value as a quoted literal: PostgreSQL coerces an untyped literal to its column's type.
      String rows;
      try (Statement statement = connection.createStatement();
           ResultSet result = statement.executeQuery("select string_agg('(' || " + values + " || ')', ', ') from "
               + name + " t")) {
        result.next();
        rows = result.getString(1);
      }
      if (rows == null) {
        continue;
      }
      inserts.add("insert into " + name + " (" + columns + ") overriding system value values " + rows);
    }
    if (inserts.isEmpty()) {
      return "";
    }
    if (!cycle || inserts.size() == 1) {
      return String.join(";\n", inserts) + ";\n";
    }
    // Rows that reference each other across tables: one statement, whose foreign keys are checked
    // at its end, when every table holds its rows again.
    StringBuilder sql = new StringBuilder("with ");
    for (int i = 0; i < inserts.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("baseline").append(i).append(" as (").append(inserts.get(i)).append(')');
    }
    return sql.append(" select 1;\n").toString();
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
