// Small progressive enhancements; every page works without this file. Loaded as a file because the
// Content-Security-Policy allows no inline script.
(function () {
    "use strict";

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

    // Filter selects apply as soon as they change.
    function autoSubmitFilters() {
        document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
            select.addEventListener("change", function () {
                if (select.form.requestSubmit) {
                    select.form.requestSubmit();
                } else {
                    select.form.submit();
                }
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

    // Complete and reopen without a page load: a Faces Ajax request that runs the list's command and redraws the
    // list, the counts and the messages. Without faces.js the buttons simply submit the form.
    function ajaxRowButtons() {
        document.addEventListener("click", function (event) {
            var button = event.target.closest("button[data-ajax]");
            if (!button || !window.faces || !faces.ajax) {
                return;
            }
            event.preventDefault();
            var params = {};
            params[button.name] = button.value;
            var focusId = button.id;
            faces.ajax.request(button, event, {
                execute: button.form.id,
                render: button.form.id + " summary messages-region",
                params: params,
                onevent: function (data) {
                    if (data.status === "success") {
                        var again = document.getElementById(focusId);
                        (again || document.getElementById("messages-region")).focus({ preventScroll: !!again });
                        document.dispatchEvent(new CustomEvent("todo:updated"));
                    }
                }
            });
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

    document.addEventListener("DOMContentLoaded", function () {
        rememberTimeZone();
        autoSubmitFilters();
        tidyFilterUrls();
        ajaxRowButtons();
        notifyReminders();
    });
})();
