package dev.tollgate.internal.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableResetTest {

  @Test
  void orders_children_before_the_tables_they_reference() {
    // votes -> todos -> users, votes -> users
    Map<Long, Set<Long>> parents = Map.of(3L, Set.of(2L, 1L), 2L, Set.of(1L));

    assertThat(TableReset.childrenFirst(Set.of(1L, 2L, 3L), parents)).containsExactly(3L, 2L, 1L);
  }

  @Test
  void ignores_references_to_tables_outside_the_reset() {
    Map<Long, Set<Long>> parents = Map.of(2L, Set.of(99L));

    assertThat(TableReset.childrenFirst(Set.of(1L, 2L), parents)).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void gives_up_on_a_reference_cycle_so_truncate_is_used() {
    Map<Long, Set<Long>> parents = Map.of(1L, Set.of(2L), 2L, Set.of(1L));

    assertThat(TableReset.childrenFirst(Set.of(1L, 2L), parents)).isNull();
  }
}
