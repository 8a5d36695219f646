package dev.todo.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * The body of {@code PATCH /tasks/{id}} that moves a reminder (snooze) or takes it away (dismiss, {@code null}); the
 * null is sent, since an absent field would change nothing.
 */
@JsonbNillable
public record ReminderChange(Instant remindAt) {}
