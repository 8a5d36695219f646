package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Reminders are dismissed and snoozed with a {@code PATCH} of {@code remindAt} (null, or a later time), which needs no
 * version, so a reminder can be handled from any screen; a repeating task without a due date keeps the rhythm of the
 * day it was created.
 */
class RemindersAndRepeatsIT {

    private static JsonObject dueReminders(ApiClient user) {
        return Http.json(user.get("/tasks?reminder=due"));
    }

    @Test
    void patchingRemindAtToNullDismissesTheReminder() {
        ApiClient user = ApiClient.newUser("Dismisser");
        String id = user.createTask(
                        "Call mum", "\"remindAt\":\"" + Instant.now().minus(1, ChronoUnit.HOURS) + "\"")
                .getString("id");
        assertThat(dueReminders(user).getInt("total")).isEqualTo(1);

        JsonObject patched = Http.json(user.patch("/tasks/" + id, "{\"remindAt\":null}"));

        assertThat(patched.isNull("remindAt")).isTrue();
        assertThat(dueReminders(user).getInt("total")).isZero();
        assertThat(patched.getString("title")).isEqualTo("Call mum");
    }

    @Test
    void patchingRemindAtToALaterTimeSnoozesTheReminderUntilThen() {
        ApiClient user = ApiClient.newUser("Snoozer");
        String id = user.createTask(
                        "Renew passport", "\"remindAt\":\"" + Instant.now().minus(5, ChronoUnit.MINUTES) + "\"")
                .getString("id");
        Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        JsonObject patched = Http.json(user.patch("/tasks/" + id, "{\"remindAt\":\"" + inAnHour + "\"}"));

        assertThat(Instant.parse(patched.getString("remindAt"))).isEqualTo(inAnHour);
        assertThat(dueReminders(user).getInt("total")).isZero();
        JsonObject listed = Http.json(user.get("/tasks/" + id));
        assertThat(listed.getBoolean("completed")).isFalse();
    }

    @Test
    void aWeeklyTaskWithoutADueDateGetsItsNextOneOnTheWeekdayItWasCreated() {
        ApiClient user = ApiClient.newUser("Weekly");
        JsonObject task = user.createTask("Water the plants", "\"recurrence\":\"WEEKLY\"");
        Instant created = Instant.parse(task.getString("createdAt"));

        JsonObject next = Http.json(user.post("/tasks/" + task.getString("id") + "/completion", null))
                .getJsonObject("nextOccurrence");

        assertThat(Duration.between(created, Instant.parse(next.getString("dueAt"))))
                .isEqualTo(Duration.ofDays(7));
    }
}
