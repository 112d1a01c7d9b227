package dev.capstan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The checks values pass where they enter: images, revisions, durations, and how outside text is shown. */
class InputChecksTest {
    @Test
    void imagesFollowTheRegistrysGrammar() {
        assertThat(ImageReference.isReference("123456789012.dkr.ecr.us-east-1.amazonaws.com/productionapp:b7c8d9e")).isTrue();
        assertThat(ImageReference.isReference("localhost:5000/team/app_web:v1.2-rc")).isTrue();
        assertThat(ImageReference.isReference("nginx@sha256:" + "a".repeat(64))).isTrue();
        assertThat(ImageReference.isTag("a476b78")).isTrue();
        assertThat(ImageReference.isTag("x".repeat(128))).isTrue();

        assertThat(ImageReference.isTag("x".repeat(129))).isFalse();
        assertThat(ImageReference.isTag("-rc")).isFalse();
        assertThat(ImageReference.isReference("registry/App:v1")).as("repository in lower case").isFalse();
        assertThat(ImageReference.isReference("registry/app:b7c8d9f;touch /tmp/pwned")).isFalse();
        assertThat(ImageReference.isReference("app@sha256:abc")).isFalse();
        assertThat(ImageReference.isReference("r/" + "a".repeat(260))).as("at most 255 characters").isFalse();
        assertThatThrownBy(() -> ImageReference.requireReference("app:\u001b[2J")).hasMessageStartingWith("'app:\\e[2J' is not an image: give a tag");
    }

    @Test
    void revisionsAreFamilyAndNumberOrAnArnOfTheEnvironmentsRegion() {
        assertThat(RevisionName.require(" StagingApp:41 ", "us-east-1")).isEqualTo("StagingApp:41");
        assertThat(RevisionName.require("arn:aws:ecs:us-east-1:123456789012:task-definition/StagingApp:41", "us-east-1")).endsWith(":41");
        assertThatThrownBy(() -> RevisionName.require("arn:aws:ecs:eu-west-1:123456789012:task-definition/StagingApp:41", "us-east-1"))
                .hasMessageContaining("is a revision of eu-west-1; this environment is in us-east-1");
        assertThatThrownBy(() -> RevisionName.require("../StagingApp:0", "us-east-1")).hasMessageContaining("give FAMILY:REV");
    }

    @Test
    void durationsArePositiveAndBounded() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> Durations.parse("0s")).hasMessageContaining("at least 1s and at most 7d");
        assertThatThrownBy(() -> Durations.parse("8d")).hasMessageContaining("at least 1s and at most 7d");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999m")).hasMessageContaining("is not a duration");
    }

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(Visible.text("plain\ttext")).isEqualTo("plain\ttext");
        assertThat(Visible.text("\u001b]0;title\u0007\r\u0000\u007f\u009b\u202e")).isEqualTo("\\e]0;title\\x07\\x0d\\x00\\x7f\\u009b\\u202e");
        assertThat(Visible.quoted("x".repeat(100), 10)).isEqualTo("'xxxxxxxxxx…'");
        assertThatThrownBy(() -> CommandWords.split("run\u0000,x", CommandSyntax.COMMA)).hasMessageContaining("holds control characters");
        assertThatThrownBy(() -> CommandWords.split("x".repeat(9000), CommandSyntax.SHELL)).hasMessageContaining("at most 8192");
    }

    @org.junit.jupiter.api.Test
    void aBriefDurationShowsItsTwoLargestUnits() {
        assertThat(Durations.brief(java.time.Duration.ofSeconds(40))).isEqualTo("40s");
        assertThat(Durations.brief(java.time.Duration.ofMinutes(12).plusSeconds(59))).isEqualTo("12m");
        assertThat(Durations.brief(java.time.Duration.ofHours(5).plusMinutes(10))).isEqualTo("5h 10m");
        assertThat(Durations.brief(java.time.Duration.ofDays(3).minusSeconds(1))).isEqualTo("2d 23h");
        assertThat(Durations.brief(java.time.Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
