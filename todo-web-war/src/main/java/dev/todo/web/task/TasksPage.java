package dev.todo.web.task;

import dev.todo.web.account.AccessToken;
import dev.todo.web.api.ApiCalls;
import dev.todo.web.api.ApiException;
import dev.todo.web.api.Completion;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@code /tasks}: quick add, the filtered list, counts and reminders. Filters, search, sort and page live in the URL
 * (view parameters), so links, bookmarks and the back button show the same list.
 */
@Named
@RequestScoped
public class TasksPage {

    static final int PAGE_SIZE = 20;
    static final int REMINDERS_SHOWN = 20;
    /** Client id of the list form's hidden command that every row button submits; see tasks.xhtml. */
    static final String ROW_ACTION = "list:act";

    private static final Map<String, String> QUICK_ADD_INPUTS = Map.of(
            "title",
            "add:title",
            "description",
            "add:description",
            "tags",
            "add:tags",
            "dueAt",
            "add:due",
            "remindAt",
            "add:remind");

    @Inject
    TasksApi tasksApi;

    @Inject
    UserZone userZone;

    @Inject
    AccessToken accessToken;

    @Inject
    Times times;

    private String status;
    private String priority;
    private String category;
    private String tag;
    private String due;
    private String q;
    private String sort;
    private String direction;
    private int page;
    /** Id of the task whose deletion the user is asked to confirm. */
    private String confirm;

    private final TaskForm draft = new TaskForm();

    private TaskList tasks;
    private TaskStats stats;
    private List<Task> reminders;

    public void load() {
        restoreFromRequest();
        String zone = userZone.id();
        // The three calls are independent; the API answers the counts and reminders while it lists the page.
        CompletionStage<TaskStats> pendingStats = tasksApi.statsAsync(accessToken.bearer(), zone);
        CompletionStage<TaskList> pendingReminders =
                tasksApi.reminders(accessToken.bearer(), "due", "dueAt", "asc", REMINDERS_SHOWN, zone);
        tasks = tasksApi.list(
                getEffectiveStatus(),
                emptyToNull(priority),
                emptyToNull(category),
                emptyToNull(tag),
                emptyToNull(due),
                emptyToNull(q),
                emptyToNull(sort),
                emptyToNull(direction),
                Math.max(page, 0),
                PAGE_SIZE,
                zone);
        stats = ApiCalls.await(pendingStats);
        reminders = ApiCalls.await(pendingReminders).items();
    }

    /** On an Ajax postback the view parameters are not applied; the list form repeats them. */
    private void restoreFromRequest() {
        status = status != null ? status : Pages.viewParameter("status");
        priority = priority != null ? priority : Pages.viewParameter("priority");
        category = category != null ? category : Pages.viewParameter("category");
        tag = tag != null ? tag : Pages.viewParameter("tag");
        due = due != null ? due : Pages.viewParameter("due");
        q = q != null ? q : Pages.viewParameter("q");
        sort = sort != null ? sort : Pages.viewParameter("sort");
        direction = direction != null ? direction : Pages.viewParameter("direction");
        if (page == 0 && Pages.viewParameter("page") != null) {
            try {
                page = Integer.parseInt(Pages.viewParameter("page"));
            } catch (NumberFormatException e) {
                page = 0;
            }
        }
    }

    private void ensureLoaded() {
        if (tasks == null) {
            load();
        }
    }

    public void add() {
        try {
            Task task = tasksApi.create(draft.toFields(null));
            Pages.redirect(listUrl(), "Added “" + task.title() + "”.");
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            Pages.showProblem(e, QUICK_ADD_INPUTS, "Check the new task.");
        }
    }

    /** The list's one-click actions: the pressed button submits {@code complete:<id>}, {@code reopen:<id>} or {@code delete:<id>}. */
    public void act() {
        String value = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(ROW_ACTION);
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return;
        }
        String id = value.substring(colon + 1);
        String notice = switch (value.substring(0, colon)) {
            case "complete" -> completed(tasksApi.complete(id));
            case "reopen" -> "Reopened “" + tasksApi.reopen(id).title() + "”.";
            case "delete" -> deleted(id);
            default -> null;
        };
        if (notice == null) {
            return;
        }
        if (Pages.isAjax()) {
            Pages.info(notice);
            confirm = null;
            load();
        } else {
            confirm = null;
            Pages.redirect(listUrl(), notice);
        }
    }

    private String completed(Completion completion) {
        String done = "Done: “" + completion.task().title() + "”.";
        Task next = completion.nextOccurrence();
        if (next == null) {
            return done;
        }
        return done + " Next one " + (next.dueAt() == null ? "added" : "due " + times.format(next.dueAt())) + ".";
    }

    private String deleted(String id) {
        String title = tasksApi.get(id).title();
        tasksApi.delete(id);
        return "Deleted “" + title + "”.";
    }

    /** This list's URL: the current filters, search, sort and page, leaving out defaults. */
    public String listUrl() {
        restoreFromRequest();
        return urlOf(state());
    }

    /** This list's URL with one parameter changed; changing anything but the page goes back to the first page. */
    public String urlWith(String name, String value) {
        Map<String, String> state = state();
        if (!"page".equals(name)) {
            state.remove("page");
        }
        state.remove("confirm");
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

    public String confirmUrl(String id) {
        Map<String, String> state = state();
        state.put("confirm", id);
        return urlOf(state) + "#task-" + id;
    }

    public String editUrl(String id) {
        return "/task?id=" + Pages.encode(id) + "&back=" + Pages.encode(listUrl());
    }

    private Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        put(state, "status", status);
        put(state, "priority", priority);
        put(state, "category", category);
        put(state, "tag", tag);
        put(state, "due", due);
        put(state, "q", q);
        put(state, "sort", sort);
        put(state, "direction", direction);
        if (page > 0) {
            state.put("page", Integer.toString(page));
        }
        return state;
    }

    private static void put(Map<String, String> state, String name, String value) {
        if (value != null && !value.isBlank()) {
            state.put(name, value);
        }
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

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Open tasks unless the URL asks for others. */
    public String getEffectiveStatus() {
        return status == null || status.isBlank() ? "open" : status;
    }

    public String getEffectiveSort() {
        return sort == null || sort.isBlank() ? "createdAt" : sort;
    }

    public boolean isFiltered() {
        return state().entrySet().stream().anyMatch(e -> switch (e.getKey()) {
            case "sort", "direction", "page" -> false;
            case "status" -> !"open".equals(e.getValue());
            default -> true;
        });
    }

    public boolean isConfirming(String id) {
        return Objects.equals(confirm, id);
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getDue() {
        return due;
    }

    public void setDue(String due) {
        this.due = due;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
