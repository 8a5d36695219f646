package dev.todo.web.task;

import dev.todo.web.account.AccessToken;
import dev.todo.web.api.ApiCalls;
import dev.todo.web.api.ApiException;
import dev.todo.web.api.Completion;
import dev.todo.web.api.ReminderChange;
import dev.todo.web.api.Task;
import dev.todo.web.api.TaskList;
import dev.todo.web.api.TaskStats;
import dev.todo.web.api.TasksApi;
import dev.todo.web.page.Pages;
import dev.todo.web.time.Times;
import dev.todo.web.time.UserZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@code /tasks}: quick add, the filtered list, counts and reminders. Filters, search, sort and page live in the URL
 * ({@link ListOptions}), so links, bookmarks and the back button show the same list. The list's actions answer Faces
 * Ajax requests from {@code app.js} by redrawing the list in place, and plain form posts by redirecting back to it.
 */
@Named
@RequestScoped
public class TasksPage {

    static final int PAGE_SIZE = 20;
    static final int REMINDERS_SHOWN = 20;
    /** Client ids of the hidden commands that the row and reminder buttons submit; see tasks.xhtml. */
    static final List<String> ROW_ACTIONS = List.of("list:act", "reminders-form:act");
    /** Snoozing a reminder till tomorrow rings it at this time of the user's day. */
    static final LocalTime TOMORROW_MORNING = LocalTime.of(9, 0);

    private static final Map<String, String> QUICK_ADD_INPUTS = Map.of(
            "title", "add:title",
            "description", "add:description",
            "tags", "add:tags",
            "dueAt", "add:due",
            "remindAt", "add:remind");

    @Inject
    TasksApi tasksApi;

    @Inject
    UserZone userZone;

    @Inject
    AccessToken accessToken;

    @Inject
    Times times;

    private ListOptions options;
    private String listUrl;
    private String encodedListUrl;
    /** Id of the task whose deletion the user is asked to confirm. */
    private String confirm;

    private TaskForm draft = new TaskForm();
    private Toast toast;

    private TaskList tasks;
    private TaskStats stats;
    private List<Task> reminders;

    /** A short notice at the bottom of the page, with the action that takes back what was just done. */
    public record Toast(String text, String undo) {}

    /** One part of a quick-add line, as its chip shows it. */
    public record Chip(String kind, String label) {}

    public void load() {
        String zone = userZone.id();
        ListOptions list = getOptions();
        // The three calls are independent; the API answers the counts and reminders while it lists the page.
        CompletionStage<TaskStats> pendingStats = tasksApi.statsAsync(accessToken.bearer(), zone);
        CompletionStage<TaskList> pendingReminders =
                tasksApi.reminders(accessToken.bearer(), "due", "dueAt", "asc", REMINDERS_SHOWN, zone);
        tasks = tasksApi.list(
                list.effectiveStatus(),
                list.priority(),
                list.category(),
                list.tag(),
                list.due(),
                list.q(),
                list.effectiveSort(),
                list.effectiveDirection(),
                list.page(),
                PAGE_SIZE,
                zone);
        stats = ApiCalls.await(pendingStats);
        reminders = ApiCalls.await(pendingReminders).items();
        if (!list.rejected().isEmpty() && !FacesContext.getCurrentInstance().isPostback()) {
            Pages.warning("This link had settings the list does not know (" + String.join(", ", list.rejected())
                    + "); those are back to the usual.");
        }
    }

    /**
     * On a GET the URL's parameters; on a postback the same, which the forms repeat as hidden inputs of the same
     * names (see {@link Pages#viewParameter}).
     */
    public ListOptions getOptions() {
        if (options == null) {
            options = ListOptions.read(Pages::viewParameter);
        }
        return options;
    }

    private void ensureLoaded() {
        if (tasks == null) {
            load();
        }
    }

    public void add() {
        ZonedDateTime now = ZonedDateTime.now(userZone.zone());
        TaskForm form = draft.withLine(QuickAdd.parse(draft.getTitle(), now), userZone.zone());
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            Pages.fieldErrors(problems, QUICK_ADD_INPUTS, "The task is not added yet.");
            return;
        }
        Task task;
        try {
            task = tasksApi.create(form.toFields(null));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Pages.showProblem(e, TaskForm.apiFields("add"), "The task is not added yet.");
            return;
        }
        String notice = "Added “" + task.title() + "”"
                + (task.dueAt() == null ? "" : ", due " + times.format(task.dueAt())) + "."
                + (form.remindsAfterDue() ? " Its reminder comes after it is due." : "");
        if (Pages.isAjax()) {
            // A toast rather than a message at the top, which would push the list down under the user's eyes.
            toast = new Toast(notice, null);
            draft = new TaskForm();
            load();
        } else {
            Pages.redirect(listUrl(), notice);
        }
    }

    /**
     * The list's one-click actions: the pressed button submits {@code <action>:<argument>}, e.g. {@code complete:<id>},
     * so the action never depends on row positions, which may have changed since the page was rendered.
     */
    public void act() {
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String value = ROW_ACTIONS.stream()
                .map(parameters::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return;
        }
        String argument = value.substring(colon + 1);
        String action = value.substring(0, colon);
        if (action.equals("confirm")) {
            confirm = argument;
            load();
            return;
        }
        toast = switch (action) {
            case "complete" -> completed(tasksApi.complete(argument));
            case "reopen" -> new Toast("Reopened “" + tasksApi.reopen(argument).title() + "”.", null);
            case "delete" -> deleted(argument);
            case "restore" -> restored(argument);
            case "dismiss" -> reminded(argument, null, "Reminder for “%s” dismissed.");
            case "snooze-hour" ->
                reminded(argument, Instant.now().plus(Duration.ofHours(1)), "“%s” will remind you again in an hour.");
            case "snooze-tomorrow" ->
                reminded(
                        argument,
                        ZonedDateTime.now(userZone.zone())
                                .toLocalDate()
                                .plusDays(1)
                                .atTime(TOMORROW_MORNING)
                                .atZone(userZone.zone())
                                .toInstant(),
                        "“%s” will remind you again tomorrow at 09:00.");
            default -> null;
        };
        if (toast == null) {
            return;
        }
        confirm = null;
        if (Pages.isAjax()) {
            load();
        } else {
            Pages.redirect(listUrl(), toast.text());
        }
    }

    private Toast completed(Completion completion) {
        Task task = completion.task();
        String done = "Done: “" + task.title() + "”.";
        Task next = completion.nextOccurrence();
        if (next != null) {
            done += " Next one " + (next.dueAt() == null ? "added" : "due " + times.format(next.dueAt())) + ".";
        }
        return new Toast(done, "reopen:" + task.id());
    }

    private Toast deleted(String id) {
        Task task = tasksApi.get(id);
        tasksApi.delete(id);
        return new Toast("Deleted “" + task.title() + "”.", "restore:" + DeletedTask.token(task));
    }

    private Toast restored(String token) {
        try {
            return new Toast("“" + tasksApi.create(DeletedTask.fields(token)).title() + "” is back.", null);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            return new Toast("That task could not be brought back.", null);
        }
    }

    private Toast reminded(String id, Instant remindAt, String sentence) {
        Task task = tasksApi.changeReminder(id, new ReminderChange(remindAt));
        return new Toast(sentence.formatted(task.title()), null);
    }

    /** This list's URL: the current filters, search, sort and page, leaving out defaults. Every row's links use it. */
    public String listUrl() {
        if (listUrl == null) {
            listUrl = urlOf(getOptions().state());
        }
        return listUrl;
    }

    /** This list's URL with one parameter changed; changing anything but the page goes back to the first page. */
    public String urlWith(String name, String value) {
        Map<String, String> state = getOptions().state();
        if (!"page".equals(name)) {
            state.remove("page");
        }
        if (value == null || value.isEmpty()) {
            state.remove(name);
        } else {
            state.put(name, value);
        }
        return urlOf(state);
    }

    public String pageUrl(int number) {
        return urlWith("page", number == 0 ? null : Integer.toString(number));
    }

    public String editUrl(String id) {
        if (encodedListUrl == null) {
            encodedListUrl = Pages.encode(listUrl());
        }
        return "/task?id=" + Pages.encode(id) + "&back=" + encodedListUrl;
    }

    /** A parameter of the list that the forms repeat; see {@link #getOptions()}. */
    public record HiddenInput(String name, String value) {}

    /** The list's parameters, as the forms repeat them for a postback. */
    public List<HiddenInput> getHiddenState() {
        return getOptions().state().entrySet().stream()
                .map(e -> new HiddenInput(e.getKey(), e.getValue()))
                .toList();
    }

    private static String urlOf(Map<String, String> state) {
        StringBuilder url = new StringBuilder("/tasks");
        char separator = '?';
        for (Map.Entry<String, String> entry : state.entrySet()) {
            url.append(separator).append(entry.getKey()).append('=').append(Pages.encode(entry.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** The words of the order button: what the order is now. */
    public String getOrderLabel() {
        boolean ascending = "asc".equals(getOptions().effectiveDirection());
        return switch (getOptions().effectiveSort()) {
            case "dueAt" -> ascending ? "Soonest first" : "Latest first";
            case "priority" -> ascending ? "Lowest first" : "Highest first";
            case "title" -> ascending ? "A to Z" : "Z to A";
            default -> ascending ? "Oldest first" : "Newest first";
        };
    }

    /** The direction the order button turns the list to. */
    public String getReversedDirection() {
        return "asc".equals(getOptions().effectiveDirection()) ? "desc" : "asc";
    }

    /**
     * What the quick-add line says so far, as chips, one for the due time however many words it took ("tomorrow",
     * "at 9am"); nothing for a line that is all title.
     */
    public List<Chip> getChips() {
        QuickAdd.Parsed line = QuickAdd.parse(draft.getTitle(), ZonedDateTime.now(userZone.zone()));
        return line.parts().stream().map(part -> chip(part, line)).distinct().toList();
    }

    private Chip chip(QuickAdd.Part part, QuickAdd.Parsed line) {
        return switch (part.kind()) {
            case "due" ->
                new Chip(
                        "due",
                        "Due "
                                + times.dueLabel(
                                        line.due().atZone(userZone.zone()).toInstant(), line.dueHasTime()));
            case "priority" ->
                new Chip(
                        "priority",
                        Choices.PRIORITIES.stream()
                                        .filter(c -> c.value().equals(line.priority()))
                                        .findFirst()
                                        .map(Choice::label)
                                        .orElse("")
                                + " priority");
            case "repeat" ->
                new Chip(
                        "repeat",
                        "Repeats "
                                + Choices.label(Choices.RECURRENCES, line.recurrence())
                                        .toLowerCase(Locale.ROOT));
            default -> new Chip("tag", part.words().replaceAll("[,;.]+$", "").toLowerCase(Locale.ROOT));
        };
    }

    /** The quick-add details open by themselves when one of their fields needs a look. */
    public boolean isDetailsOpen() {
        FacesContext context = FacesContext.getCurrentInstance();
        return List.of("add:description", "add:due", "add:remind", "add:tags").stream()
                .anyMatch(id -> !context.getMessageList(id).isEmpty());
    }

    public boolean isConfirming(String id) {
        return Objects.equals(confirm != null ? confirm : Pages.viewParameter("confirm"), id);
    }

    /** CSS class for how urgent a task is: overdue, due soon, or nothing. */
    public String urgency(Task task) {
        if (task.completed() || task.dueAt() == null) {
            return "";
        }
        if (times.isPast(task.dueAt())) {
            return "is-overdue";
        }
        return times.isSoon(task.dueAt()) ? "is-due-soon" : "";
    }

    public TaskList getTasks() {
        ensureLoaded();
        return tasks;
    }

    public TaskStats getStats() {
        ensureLoaded();
        return stats;
    }

    public List<Task> getReminders() {
        ensureLoaded();
        return reminders;
    }

    public TaskForm getDraft() {
        return draft;
    }

    public Toast getToast() {
        return toast;
    }
}
