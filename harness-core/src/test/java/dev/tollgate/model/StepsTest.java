package dev.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gen.Gen;
import dev.tollgate.internal.program.ChoiceRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepsTest {

  record Title(String text) {}

  record Post(String title, char mark, int votes, long views, boolean draft, Title nested) {}

  record Tags(List<String> tags) {}

  record Shouting(String text) {
    @Override
    public String toString() {
      return text.toUpperCase() + "\u202e\n";
    }
  }

  @Test
  void a_record_shows_each_component_quoted_as_java_writes_it() {
    Post post = new Post("say \"hi\"\\", '\'', -3, 7L, true, new Title("a\tb"));

    assertThat(Steps.show(post)).isEqualTo(
        "title=\"say \\\"hi\\\"\\\\\", mark='\\'', votes=-3, views=7, draft=true,"
            + " nested=Title[text=\"a\\tb\"]");
  }

  @Test
  void a_record_whose_last_component_ends_in_a_bracket_keeps_every_component() {
    assertThat(Steps.show(new Tags(List.of("x]", "[y")))).isEqualTo("tags=[\"x]\", \"[y\"]");
    assertThat(Steps.show(new Title("[a]"))).isEqualTo("text=\"[a]\"");
  }

  @Test
  void a_custom_to_string_is_shown_with_its_control_characters_escaped() {
    assertThat(Steps.show(new Shouting("hi"))).isEqualTo("HI\\u202E\\n");
    Object custom = new Object() {
      @Override
      public String toString() {
        return "bell\u0007";
      }
    };
    assertThat(Steps.quote(custom)).isEqualTo("bell\\u0007");
  }

  @Test
  void quote_writes_values_as_java_would() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("title", "milk");
    map.put("two words", 2);

    assertThat(Steps.quote("a\nb\u0000")).isEqualTo("\"a\\nb\\u0000\"");
    assertThat(Steps.quote('x')).isEqualTo("'x'");
    assertThat(Steps.quote('"')).isEqualTo("'\"'");
    assertThat(Steps.quote(null)).isEqualTo("null");
    assertThat(Steps.quote(1.5)).isEqualTo("1.5");
    assertThat(Steps.quote(List.of("a", 1))).isEqualTo("[\"a\", 1]");
    assertThat(Steps.quote(map)).isEqualTo("{title=\"milk\", \"two words\"=2}");
    assertThat(Steps.quote(new Title("t"))).isEqualTo("Title[text=\"t\"]");
    assertThat(Steps.quote("x".repeat(61))).isEqualTo("\"" + "x".repeat(60) + "…(61 chars)\"");
  }

  @Test
  void a_six_part_argument_from_combine_is_described_by_name() {
    Gen<Post> posts = Gen.combine(Gen.constant("t"), Gen.constant('m'), Gen.integers(0, 9),
        Gen.longs(5, 9), Gen.booleans(), Gen.constant(new Title("n")), Post::new);
    var model = Model.define("posts", Object.class, () -> "state")
        .command("post", c -> c.with(posts).run((client, post) -> post))
        .build();
    Command<String, Object> post = model.commands().get(0);
    Post drawn = posts.generate(ChoiceRecorder.replay(new int[0]));

    assertThat(post.describe(new TestCall(drawn))).isEqualTo(
        "post(title=\"t\", mark='m', votes=0, views=5, draft=false, nested=Title[text=\"n\"])");
  }

  private record TestCall(Object arg) implements Call<Object> {
    @Override
    public User user() {
      return null;
    }

    @Override
    public int step() {
      return 0;
    }

    @Override
    public <V> Ref<V> ref() {
      return null;
    }

    @Override
    public <V> Ref<V> ref(String label) {
      return null;
    }

    @Override
    public <V> java.util.List<Ref<V>> refs(String label) {
      return java.util.List.of();
    }
  }
}
