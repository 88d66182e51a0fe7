package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.environment.Reset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baseline reset on a real PostgreSQL, over the column kinds that seed data comes in. */
class TableResetIT {
  private static EmbeddedDatabase postgres;
  private static Lease lease;

  @BeforeAll
  static void start() throws Exception {
    java.nio.file.Path workDir = TinyApps.workDir("table-reset");
    lease = Lease.take(workDir);
    postgres = EmbeddedDatabase.start(workDir, lease);
  }

  @AfterAll
  static void stop() {
    postgres.close();
    lease.release();
  }

  @Test
  void seed_rows_of_every_column_kind_come_back_and_sequences_stand_where_they_stood() throws Exception {
    try (Connection c = postgres.database().connect(); Statement s = c.createStatement()) {
      s.execute("create table roles (id int generated always as identity primary key, name text not null,"
          + " perms text[], meta jsonb, icon bytea, label text generated always as (upper(name)) stored,"
          + " parent int references roles(id), note text)");
      s.execute("create table members (id bigserial primary key, role int not null references roles(id), name text)");
      s.execute("insert into roles (name, perms, meta, icon, parent, note) values"
          + " ('admin', '{read,write}', '{\"level\": 9}', '\\x00ff', null, 'it''s \\ $tollgate$ quoted'),"
          + " ('guest', '{}', null, null, 1, null)");
      s.execute("insert into members (role, name) values (1, 'root')");
      Reset.Action reset = Reset.deleteAllTables().prepare(c);
      String before = dump(s);

      s.execute("update roles set note = 'changed', perms = '{}' where id = 1");
      s.execute("insert into roles (name, parent) values ('extra', 2)");
      s.execute("insert into members (role, name) values (3, 'someone'), (1, 'other')");
      s.execute("delete from members where name = 'root'");
      reset.run(c);

      assertThat(dump(s)).isEqualTo(before);
      s.execute("insert into roles (name) values ('next')");
      s.execute("insert into members (role, name) values (1, 'next')");
      assertThat(ids(s, "select id from roles where name = 'next'")).as("identity continues after the seed").containsExactly(3L);
      assertThat(ids(s, "select id from members where name = 'next'")).as("serial continues after the seed").containsExactly(2L);

      Reset.emptyAllTables().prepare(c).run(c);
      assertThat(ids(s, "select count(*) from roles union all select count(*) from members")).containsExactly(0L, 0L);
    }
  }

  @Test
  void seed_rows_that_reference_each_other_across_tables_come_back_too() throws Exception {
    try (Connection c = postgres.database().connect(); Statement s = c.createStatement()) {
      s.execute("create schema cyc; create table cyc.teams (id int primary key, lead int);"
          + " create table cyc.people (id int primary key, team int not null references cyc.teams(id));"
          + " alter table cyc.teams add foreign key (lead) references cyc.people(id);"
          + " insert into cyc.teams values (1, null); insert into cyc.people values (10, 1);"
          + " update cyc.teams set lead = 10");
      Reset.Action reset = Reset.deleteAllTables("roles", "members").prepare(c);
      s.execute("insert into cyc.teams values (2, 10); insert into cyc.people values (11, 2)");

      reset.run(c);

      assertThat(ids(s, "select id * 100 + coalesce(lead, 0) from cyc.teams union all select id * 100 + team"
          + " from cyc.people")).containsExactly(110L, 1001L);
    }
  }

  private static String dump(Statement s) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String table : List.of("roles", "members")) {
      try (ResultSet rows = s.executeQuery("select t::text from " + table + " t order by id")) {
        while (rows.next()) {
          out.append(table).append(' ').append(rows.getString(1)).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static List<Long> ids(Statement s, String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getLong(1));
      }
    }
    return out;
  }
}
