package dev.todo.web.account;

import dev.todo.web.api.AccountDeletion;
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
 * {@code /profile}: name, email, password, the user's numbers, signing out everywhere ({@link SignOutServlet}), and leaving
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
    private String deletePassword;
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
            Pages.redirect("/profile", "Your name is now " + sentenceEnd(user.name()));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Pages.showProblem(
                    e,
                    Map.of("name", new Pages.Field("name-form:name", "Enter your name, up to 100 characters.")),
                    "Your name is not changed yet.");
            reloadAfterFailure();
        }
    }

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            Pages.fieldError("password:repeat", "Type the same new password twice.");
            Pages.error("Your password is not changed yet. The two new passwords are not the same.");
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
                    Map.of(
                            "currentPassword",
                            new Pages.Field("password:current", "That is not your current password."),
                            "newPassword",
                            new Pages.Field("password:new", "Choose a new password of at least 8 characters.")),
                    "Your password is not changed yet.");
            reloadAfterFailure();
        }
    }

    public void deleteAccount() {
        try {
            meApi.deleteAccount(new AccountDeletion(deletePassword));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Pages.fieldError("delete:password", "That is not your password.");
            Pages.error("Your account is not deleted. That is not your password.");
            confirm = "delete";
            reloadAfterFailure();
            return;
        }
        sessionCookie.clear();
        Pages.redirect("/sign-in", "Your account and all its tasks are deleted.");
    }

    /** "Ayesha K." ends its own sentence; "Ayesha" needs a full stop. */
    static String sentenceEnd(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
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

    /** What the name field shows: what was typed, or, when another form was sent, the name as it is. */
    public String getName() {
        return name != null ? name : getUser().name();
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

    public String getDeletePassword() {
        return deletePassword;
    }

    public void setDeletePassword(String deletePassword) {
        this.deletePassword = deletePassword;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
