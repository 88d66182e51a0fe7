package dev.tollgate.internal.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.Tollgate;
import dev.tollgate.gen.Gen;
import dev.tollgate.internal.gen.Alphabet;
import dev.tollgate.model.Model;
import dev.tollgate.report.Reporter;
import dev.tollgate.runner.ModelCheckFailure;
import dev.tollgate.model.User;
import dev.tollgate.runner.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bug that needs one non-ASCII character. Found with a long title, shrinking deletes the
 * characters around it in growing chunks, not one run per character; found with a hostile
 * string (one choice), it lowers the pick to the one-character hostile string.
 */
class LongStringShrinkTest {

  /** A service that answers 500 to any title with a character outside ASCII. */
  static final class AsciiOnly implements SystemUnderTest<AsciiOnly> {
    final List<String> failingTitles = new ArrayList<>();

    @Override
    public void reset() {}

    @Override
    public AsciiOnly client(User user) {
      return this;
    }

    int post(String title) {
      if (title.chars().anyMatch(c -> c > 127)) {
        failingTitles.add(title);
        return 500;
      }
      return 201;
    }
  }

  private static Model<Object, AsciiOnly> model() {
    return Model.define("titles", AsciiOnly.class, Object::new)
        .command("post", c -> c
            .with(Gen.strings().ofLength(0, 300))
            .run((service, title) -> service.post(title))
            .expect((state, call, status) -> assertThat(status).isEqualTo(201)))
        .build();
  }

  @Test
  void a_bug_needing_any_non_ascii_character_shrinks_to_one_and_long_titles_in_few_runs() {
    List<Integer> runs = new ArrayList<>();
    int hostiles = 0;
    for (long s = 1; s <= 300; s++) {
      long seed = s;
      AsciiOnly service = new AsciiOnly();
      ModelCheckFailure failure = catchThrowableOfType(ModelCheckFailure.class,
          () -> Tollgate.runner().seed(seed).users(1).reporter(Reporter.none())
              .withoutReports().withoutCorpus().check(model(), service));
      assertThat(failure).as("seed %d", seed).isNotNull();
      String original = service.failingTitles.get(0);
      boolean hostile = Alphabet.hostile(0, 300).contains(original);

      // The simplest non-ASCII character, whether the title was drawn or a hostile pick.
      assertThat(failure.steps()).as("seed %d", seed).containsExactly("user1 post(\"é\")");
      if (hostile) {
        hostiles++;
      } else if (original.codePointCount(0, original.length()) >= 100) {
        runs.add(failure.shrinkRuns());
      }
    }

    // 300 seeds give six long originals. Deleting one character per run cost 120-160 runs each.
    assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
    // A hostile string is one choice, not characters: it shrinks to the simplest failing one.
    assertThat(hostiles).isPositive();
    assertThat(runs.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .as("shrink runs for each long original: %s", runs)
        .isLessThan(60);
  }
}
