package dev.todo.api.telemetry;

import java.util.Locale;

/** How a sign-in attempt ended, as the {@code outcome} label of {@code todo.sign_ins}. */
public enum SignInOutcome {
    SUCCEEDED,
    /** A wrong email or password. */
    REFUSED,
    /** Refused before the password was checked: too many recent failures (429). */
    THROTTLED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
