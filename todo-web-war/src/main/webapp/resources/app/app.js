// Progressive enhancements; every page works without this file: forms post, links load pages. Loaded as a file
// because the Content-Security-Policy allows no inline script.
(function () {
    "use strict";

    var TOAST_MILLIS = 5000;

    // The user's time zone, for times shown and typed on the server. Reload once when the page was rendered in
    // another zone than the browser's, so the first page after signing in already shows local times.
    function rememberTimeZone() {
        var zone;
        try {
            zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        } catch (e) {
            return;
        }
        if (!zone) {
            return;
        }
        var current = (document.cookie.match(/(?:^|;\s*)tz=([^;]*)/) || [])[1];
        if (current && decodeURIComponent(current) === zone) {
            return;
        }
        document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
        var rendered = document.body.getAttribute("data-tz");
        if (rendered && rendered !== zone && document.body.getAttribute("data-page") === "tasks") {
            window.location.reload();
        }
    }

    function submit(form) {
        if (form.requestSubmit) {
            form.requestSubmit();
        } else {
            form.submit();
        }
    }

    // Filter selects apply as soon as they change; a new sort starts in its own natural order.
    function autoSubmitFilters() {
        document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
            select.addEventListener("change", function () {
                var resets = select.getAttribute("data-resets");
                if (resets) {
                    select.form.querySelectorAll("input[type=hidden][name='" + resets + "']").forEach(function (input) {
                        input.value = "";
                    });
                }
                submit(select.form);
            });
        });
    }

    // Leave empty filters out of the URL, so links and bookmarks stay short.
    function tidyFilterUrls() {
        var form = document.getElementById("filters");
        if (!form) {
            return;
        }
        form.addEventListener("submit", function () {
            Array.prototype.forEach.call(form.elements, function (field) {
                if (field.name && field.value === "") {
                    field.disabled = true;
                }
            });
        });
        window.addEventListener("pageshow", function () {
            Array.prototype.forEach.call(form.elements, function (field) {
                field.disabled = false;
            });
        });
    }

    // A form on its way: its button says so and cannot be pressed twice. Disabled a moment later, so that the
    // button still goes with the form (Faces needs it to know which action was asked for).
    function busyForms() {
        document.addEventListener("submit", function (event) {
            var button = event.submitter;
            if (event.defaultPrevented || !button || !button.hasAttribute("data-busy")) {
                return;
            }
            window.setTimeout(function () {
                button.setAttribute("aria-busy", "true");
                button.disabled = true;
                if (button.tagName === "INPUT") {
                    button.setAttribute("data-idle", button.value);
                    button.value = button.getAttribute("data-busy");
                }
            }, 0);
        });
        window.addEventListener("pageshow", function () {
            document.querySelectorAll("[aria-busy=true][data-busy]").forEach(function (button) {
                button.disabled = false;
                button.removeAttribute("aria-busy");
                if (button.hasAttribute("data-idle")) {
                    button.value = button.getAttribute("data-idle");
                }
            });
        });
    }

    // The field at fault: shown (its <details> opened), focused, so the user can fix it at once.
    function focusFieldAtFault(root) {
        var field = (root || document).querySelector("[aria-invalid=true]");
        if (!field) {
            return false;
        }
        var details = field.closest("details");
        if (details) {
            details.open = true;
        }
        field.focus();
        return true;
    }

    function ajaxReady() {
        return window.faces && faces.ajax && faces.ajax.request;
    }

    // --- The tasks page -------------------------------------------------------------------------------------

    var TASKS_RENDER = "list summary reminders-region messages-region";

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll("li.task"));
    }

    function rowId(row) {
        return row ? row.id.replace(/^task-/, "") : null;
    }

    function focusRow(row) {
        rows().forEach(function (r) {
            r.classList.toggle("is-selected", r === row);
        });
        if (row) {
            row.focus();
        }
    }

    // Where the focus goes after an action on a row that may be gone: the row's own button if it is still
    // listed, else the row that came after it, else the one before, else quick add.
    function focusAfter(id, neighbours, what) {
        var own = document.getElementById((what || "toggle-") + id);
        if (own) {
            own.focus();
            return;
        }
        for (var i = 0; i < neighbours.length; i++) {
            var next = neighbours[i] && document.getElementById("toggle-" + neighbours[i]);
            if (next) {
                next.focus();
                return;
            }
        }
        var title = document.getElementById("add:title");
        if (title) {
            title.focus();
        }
    }

    var toastTimer;

    // The Undo toast goes after about five seconds, but not while the pointer or the focus is on it.
    function showToast() {
        var toast = document.getElementById("toast");
        window.clearTimeout(toastTimer);
        if (!toast) {
            return;
        }
        var hide = function () {
            toast.classList.add("is-leaving");
            window.setTimeout(function () {
                if (toast.parentNode) {
                    toast.parentNode.removeChild(toast);
                }
            }, 300);
        };
        var later = function () {
            window.clearTimeout(toastTimer);
            toastTimer = window.setTimeout(hide, TOAST_MILLIS);
        };
        toast.addEventListener("mouseenter", function () {
            window.clearTimeout(toastTimer);
        });
        toast.addEventListener("focusin", function () {
            window.clearTimeout(toastTimer);
        });
        toast.addEventListener("mouseleave", later);
        toast.addEventListener("focusout", later);
        later();
    }

    // Sends one of the list's actions ("complete:<id>", "delete:<id>", "confirm:<id>", ...) as a Faces Ajax request
    // through the button that asks for it, and redraws the list, counts, reminders and messages in place.
    function sendAction(button, event, value, then) {
        var params = {};
        params[button.name] = value;
        button.setAttribute("aria-busy", "true");
        faces.ajax.request(button, event, {
            execute: button.form.id,
            render: TASKS_RENDER,
            params: params,
            onevent: function (data) {
                if (data.status === "success") {
                    showToast();
                    notifyReminders();
                    then();
                    document.dispatchEvent(new CustomEvent("todo:updated"));
                }
            },
            onerror: function () {
                button.removeAttribute("aria-busy");
            }
        });
    }

    function ajaxRowActions() {
        document.addEventListener("click", function (event) {
            if (!ajaxReady() || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
                return;
            }
            var button = event.target.closest("button[data-ajax]");
            if (!button) {
                return;
            }
            event.preventDefault();
            var row = button.closest("li.task");
            var all = rows();
            var index = all.indexOf(row);
            var neighbours = [rowId(all[index + 1]), rowId(all[index - 1])];
            var id = rowId(row);
            var value = button.value;
            sendAction(button, event, value, function () {
                if (button.id === "undo") {
                    var reopened = document.getElementById("toggle-" + value.replace(/^reopen:/, ""));
                    (reopened || document.getElementById("add:title")).focus();
                } else if (/^confirm:./.test(value)) {
                    focusAfter(id, neighbours, "confirm-delete-");
                } else if (value === "confirm:") {
                    focusAfter(id, neighbours, "delete-");
                } else if (id) {
                    focusAfter(id, neighbours);
                } else {
                    document.getElementById("add:title").focus();
                }
            });
        });
    }

    // Quick add: Enter adds without a page load and the cursor stays in the box for the next task. While typing,
    // the parts of the line the server recognises (dates, !priority, #tags, repeats) show as chips. The listeners sit
    // on the document, because every answer draws the form anew.
    function quickAdd() {
        if (!document.getElementById("add") || !ajaxReady()) {
            return;
        }
        var chipTimer;
        document.addEventListener("input", function (event) {
            if (event.target.id !== "add:title") {
                return;
            }
            window.clearTimeout(chipTimer);
            var line = event.target;
            if (!line.value.trim()) {
                document.getElementById("add:chips").innerHTML = "";
                return;
            }
            chipTimer = window.setTimeout(function () {
                faces.ajax.request(line, null, { execute: "add:title", render: "add:chips" });
            }, 180);
        });
        document.addEventListener("submit", function (event) {
            if (event.target.id !== "add") {
                return;
            }
            var button = document.getElementById("add:submit");
            event.preventDefault();
            window.clearTimeout(chipTimer);
            if (button.getAttribute("aria-busy") === "true") {
                return;
            }
            button.setAttribute("aria-busy", "true");
            faces.ajax.request(button, event, {
                execute: "add",
                render: "add " + TASKS_RENDER,
                onevent: function (data) {
                    if (data.status === "success") {
                        if (!focusFieldAtFault(document.getElementById("add"))) {
                            document.getElementById("add:title").focus();
                        }
                        showToast();
                        notifyReminders();
                        document.dispatchEvent(new CustomEvent("todo:updated"));
                    }
                },
                onerror: function () {
                    button.removeAttribute("aria-busy");
                }
            });
        });
    }

    function isTyping(element) {
        if (!element || element === document.body) {
            return false;
        }
        if (element.isContentEditable || element.tagName === "TEXTAREA" || element.tagName === "SELECT") {
            return true;
        }
        return element.tagName === "INPUT" && !/^(button|submit|reset|checkbox|radio)$/.test(element.type);
    }

    // Keyboard shortcuts of the tasks page; none while typing in a field or with Ctrl, Alt or Cmd held.
    function shortcuts() {
        var dialog = document.getElementById("shortcuts");
        if (!dialog) {
            return;
        }
        document.addEventListener("keydown", function (event) {
            if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || dialog.open) {
                return;
            }
            if (isTyping(event.target)) {
                if (event.key === "Escape") {
                    event.target.blur();
                }
                return;
            }
            var row = document.activeElement && document.activeElement.closest
                ? document.activeElement.closest("li.task")
                : null;
            row = row || document.querySelector("li.task.is-selected");
            var all = rows();
            var handled = true;
            switch (event.key) {
                case "q":
                case "n":
                    document.getElementById("add:title").focus();
                    break;
                case "/":
                    document.getElementById("q").focus();
                    break;
                case "j":
                case "k":
                    if (all.length) {
                        var at = all.indexOf(row);
                        var step = event.key === "j" ? 1 : -1;
                        var to = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
                        focusRow(all[to]);
                    }
                    break;
                case "x":
                    if (row) {
                        row.querySelector("button.check").click();
                    }
                    break;
                case "e":
                    if (row) {
                        window.location.href = row.querySelector("a.task-title").href;
                    }
                    break;
                case "#":
                    var ask = row && row.querySelector("button[id^='delete-']");
                    if (ask) {
                        ask.click();
                    }
                    break;
                case "?":
                    dialog.showModal();
                    break;
                default:
                    handled = false;
            }
            if (handled) {
                event.preventDefault();
            }
        });
    }

    // Reminders that are due: a browser notification once per reminder, where the user allowed them.
    function notifyReminders() {
        var reminders = document.querySelectorAll("[data-reminder-id]");
        if (!reminders.length || !("Notification" in window)) {
            return;
        }
        var enable = document.getElementById("enable-notifications");
        if (Notification.permission === "default" && enable) {
            enable.hidden = false;
            enable.addEventListener("click", function () {
                Notification.requestPermission().then(function (choice) {
                    enable.hidden = true;
                    if (choice === "granted") {
                        notifyReminders();
                    }
                });
            });
            return;
        }
        if (Notification.permission !== "granted") {
            return;
        }
        reminders.forEach(function (item) {
            var key = "todo.reminded." + item.getAttribute("data-reminder-id") + "." + item.getAttribute("data-reminder-at");
            try {
                if (window.localStorage.getItem(key)) {
                    return;
                }
                window.localStorage.setItem(key, "1");
            } catch (e) {
                return;
            }
            new Notification("Reminder", { body: item.getAttribute("data-reminder-title"), tag: key });
        });
    }

    // A page that opens to ask "Delete for good?" (the no-script way there) has its answer in reach.
    function focusOnLoad() {
        if (focusFieldAtFault()) {
            return;
        }
        var confirm = document.querySelector("button[id^='confirm-delete-']");
        if (confirm) {
            confirm.focus();
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        rememberTimeZone();
        autoSubmitFilters();
        tidyFilterUrls();
        // Quick add first: a form it sends by Ajax is not a page on its way, which busyForms would mark.
        quickAdd();
        busyForms();
        ajaxRowActions();
        shortcuts();
        notifyReminders();
        showToast();
        focusOnLoad();
    });
})();
