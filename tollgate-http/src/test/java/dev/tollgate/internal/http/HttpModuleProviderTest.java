package dev.tollgate.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.internal.module.HttpModules;
import org.junit.jupiter.api.Test;

class HttpModuleProviderTest {

  @Test
  void the_engine_finds_this_module_with_service_loader() {
    assertThat(HttpModules.find()).get().isInstanceOf(HttpModuleProvider.class);
  }
}
