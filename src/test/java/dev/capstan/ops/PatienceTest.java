package dev.capstan.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PatienceTest {
    private final Patience patience = new Patience(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(2), Clock.systemUTC());

    @Test
    void pausesDoubleFromTheirBaseWithJitterUpToTheMost() {
        for (int i = 0; i < 200; i++) {
            assertThat(patience.pauseAfter(1, Duration.ofMillis(10))).as("never below first").isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(patience.pauseAfter(3, Duration.ofSeconds(1))).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(patience.pauseAfter(30, Duration.ofSeconds(1))).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
            assertThat(patience.pauseAfter(2, Duration.ofSeconds(30))).as("a slow poll is its own floor and ceiling")
                    .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void aPauseInWordsAndNonsenseRefused() {
        assertThat(Patience.inWords(Duration.ofMillis(8400))).isEqualTo("8.4 s");
        assertThat(Patience.inWords(Duration.ofSeconds(75))).isEqualTo("1 min 15 s");
        assertThatThrownBy(() -> new Patience(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
