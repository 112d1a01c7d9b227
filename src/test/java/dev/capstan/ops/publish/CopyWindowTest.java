package dev.capstan.ops.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The S3 copier's window: halved once per round of copies that S3 slows down, widened by one per window's worth that pass. */
class CopyWindowTest {
    @Test
    void aBurstHalvesTheWindowOnceAndCopiesThatPassWidenItBackToWhereItBegan() throws Exception {
        CopyWindow window = new CopyWindow(8);
        long[] rounds = new long[8];
        for (int i = 0; i < 8; i++) {
            rounds[i] = window.enter();
        }

        assertThat(window.slowedDown(rounds[0])).as("the first SlowDown halves").isTrue();
        for (int i = 1; i < 8; i++) {
            assertThat(window.slowedDown(rounds[i])).as("copies that entered before the halving do not halve again").isFalse();
        }
        assertThat(window.size()).isEqualTo(4);

        long later = window.enter();
        assertThat(window.slowedDown(later)).as("a copy of the new round halves again").isTrue();
        assertThat(window.size()).isEqualTo(2);

        for (int i = 0; i < 2 + 3 + 4 + 5 + 6 + 7 + 20; i++) {
            window.enter();
            window.passed();
        }
        assertThat(window.size()).as("widened one by one, never beyond where it began").isEqualTo(8);
    }

    @Test
    void itNeverClosesEntirely() throws Exception {
        CopyWindow window = new CopyWindow(2);
        assertThat(window.slowedDown(window.enter())).isTrue();
        assertThat(window.slowedDown(window.enter())).as("one copy at a time is the least").isFalse();
        assertThat(window.size()).isEqualTo(1);
    }
}
