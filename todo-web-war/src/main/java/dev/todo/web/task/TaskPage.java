package dev.todo.web.task;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.Task;
import dev.todo.web.api.TasksApi;
import dev.todo.web.page.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * {@code /task?id=...}: every field of one task. Saves with the version it was read at, so a change made meanwhile
 * elsewhere (another tab, the assistant) is reported instead of overwritten.
 */
@Named
@RequestScoped
public class TaskPage {

    private static final Map<String, String> INPUTS = Map.of(
            "title", "edit:title",
            "description", "edit:description",
            "tags", "edit:tags",
            "dueAt", "edit:due",
            "remindAt", "edit:remind");

    @Inject
    TasksApi tasksApi;

    private String id;
    /** The list the user came from, to go back to; only paths of the tasks page are followed. */
    private String back;

    private String confirm;
    private Long version;

    private Task task;
    private TaskForm form;

    public void load() {
        if (id() == null) {
            Pages.redirect("/tasks", "That link names no task, so here is your list.");
            return;
        }
        task = tasksApi.get(id());
        if (!FacesContext.getCurrentInstance().isPostback()) {
            form = TaskForm.of(task);
            version = task.version();
        }
    }

    public void save() {
        Map<String, String> problems = getForm().problems();
        if (!problems.isEmpty()) {
            Pages.fieldErrors(problems, INPUTS, "The changes are not saved yet.");
            return;
        }
        try {
            Task saved = tasksApi.replace(id(), getForm().toFields(version));
            Pages.redirect(
                    getBackUrl(),
                    "Saved “" + saved.title() + "”."
                            + (getForm().remindsAfterDue() ? " Its reminder comes after it is due." : ""));
        } catch (ApiException e) {
            if (e.status() == 409) {
                task = tasksApi.get(id());
                version = task.version();
                Pages.error("This task was changed elsewhere while you edited it. Your changes are still in the form; "
                        + "save again to replace the other changes, or cancel to keep them.");
                FacesContext.getCurrentInstance().validationFailed();
            } else if (e.status() == 400) {
                Pages.showProblem(e, TaskForm.apiFields("edit"), "The changes are not saved yet.");
            } else {
                throw e;
            }
        }
    }

    public void delete() {
        tasksApi.delete(id());
        Pages.redirect(getBackUrl(), "Deleted “" + getTask().title() + "”.");
    }

    public void toggleCompleted() {
        Task current = getTask();
        String notice;
        if (current.completed()) {
            notice = "Reopened “" + tasksApi.reopen(id()).title() + "”.";
        } else {
            var completion = tasksApi.complete(id());
            notice = "Done: “" + completion.task().title() + "”."
                    + (completion.nextOccurrence() == null ? "" : " The next one is on your list.");
        }
        Pages.redirect(getBackUrl(), notice);
    }

    public String getBackUrl() {
        if (back == null) {
            back = Pages.viewParameter("back");
        }
        return back != null && (back.equals("/tasks") || back.startsWith("/tasks?")) ? back : "/tasks";
    }

    public String getConfirmDeleteUrl() {
        return "/task?id=" + Pages.encode(id()) + (back == null ? "" : "&back=" + Pages.encode(back))
                + "&confirm=delete";
    }

    public String getCancelDeleteUrl() {
        return "/task?id=" + Pages.encode(id()) + (back == null ? "" : "&back=" + Pages.encode(back));
    }

    public boolean isConfirmingDelete() {
        return "delete".equals(confirm != null ? confirm : Pages.viewParameter("confirm"));
    }

    private String id() {
        if (id == null) {
            id = Pages.viewParameter("id");
        }
        return id;
    }

    public Task getTask() {
        if (task == null) {
            task = tasksApi.get(id());
        }
        return task;
    }

    public TaskForm getForm() {
        if (form == null) {
            form = new TaskForm();
        }
        return form;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getBack() {
        return back;
    }

    public void setBack(String back) {
        this.back = back;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
