package dev.reelforge.core.clips.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ReelForgeException;
import org.junit.jupiter.api.Test;

class ContentRangeTest {

  @Test
  void readsTheHeaderOfRfc9110() {
    ContentRange range = ContentRange.parse("bytes 1048576-2097151/73400320");
    assertThat(range).isEqualTo(new ContentRange(1_048_576, 2_097_151, 73_400_320));
    assertThat(range.length()).isEqualTo(1_048_576);
    assertThat(ContentRange.parse(" BYTES 0-0/1 ").length()).isEqualTo(1);
    assertThat(range).hasToString("bytes 1048576-2097151/73400320");
  }

  @Test
  void refusesWhatIsNoRangeOfTheFileNamingTheHeader() {
    for (String bad :
        new String[] {
          null,
          "",
          "bytes */100",
          "bytes 5-4/100",
          "bytes 0-100/100",
          "bytes 0-9",
          "items 0-9/10",
          "bytes -1-9/10",
          "bytes 0-9/99999999999999999999"
        }) {
      assertThatThrownBy(() -> ContentRange.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> assertThat(e.violations().getFirst().field()).isEqualTo("Content-Range"));
    }
  }
}
