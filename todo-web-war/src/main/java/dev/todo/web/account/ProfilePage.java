package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.MeApi;
import dev.todo.web.api.NameChange;
import dev.todo.web.api.PasswordChange;
import dev.todo.web.api.Session;
import dev.todo.web.api.TaskStats;
import dev.todo.web.api.TasksApi;
import dev.todo.web.api.User;
import dev.todo.web.page.Pages;
import dev.todo.web.time.UserZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /profile}: name, email, password, the user's numbers, signing out everywhere ({@link SignOut}), and leaving
 * for good.
 */
@Named
@RequestScoped
public class ProfilePage {

    @Inject
    MeApi meApi;

    @Inject
    TasksApi tasksApi;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    UserZone userZone;

    private User user;
    private TaskStats stats = TaskStats.NONE;
    private String name;
    private String currentPassword;
    private String newPassword;
    private String repeatPassword;
    /** {@code delete} while the user is asked to confirm deleting the account; from the URL. */
    private String confirm;

    public void load() {
        ensureLoaded();
        if (name == null) {
            name = user.name();
        }
    }

    public void rename() {
        try {
            user = meApi.rename(new NameChange(name == null ? null : name.trim()));
            Pages.redirect("/profile", "Your name is now " + user.name() + ".");
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Pages.showProblem(e, Map.of("name", "name-form:name"), "Check your name.");
            reloadAfterFailure();
        }
    }

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            Pages.fieldError("password:repeat", "The two new passwords differ.");
            reloadAfterFailure();
            return;
        }
        try {
            Session session = meApi.changePassword(new PasswordChange(currentPassword, newPassword));
            sessionCookie.store(session.token(), session.expiresAt());
            Pages.redirect("/profile", "Your password is changed. Other devices must sign in again.");
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Pages.showProblem(
                    e,
                    Map.of("currentPassword", "password:current", "newPassword", "password:new"),
                    "Check the passwords.");
            reloadAfterFailure();
        }
    }

    public void deleteAccount() {
        meApi.deleteAccount();
        sessionCookie.clear();
        Pages.redirect("/sign-in", "Your account and all its tasks are deleted.");
    }

    /** The page shows the account again next to the messages, as the GET would. */
    private void reloadAfterFailure() {
        user = null;
    }

    /** Loaded by the view action on a GET, and on demand when a form comes back with errors. */
    private void ensureLoaded() {
        if (user == null) {
            user = meApi.me();
            stats = tasksApi.stats(userZone.id());
        }
    }

    public String getInitial() {
        String shown = getUser().name();
        return shown == null || shown.isBlank()
                ? "?"
                : shown.substring(0, shown.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }

    public boolean isConfirmingDelete() {
        return "delete".equals(confirm != null ? confirm : Pages.viewParameter("confirm"));
    }

    public User getUser() {
        ensureLoaded();
        return user;
    }

    public TaskStats getStats() {
        ensureLoaded();
        return stats;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
