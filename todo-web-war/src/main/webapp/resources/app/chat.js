// The assistant page: send with Enter, and show the reply as it is written. The composer posts to
// /assistant/stream (a same-origin relay of the API's server-sent events) and the page draws the events with
// textContent only, so nothing the model or the user wrote is ever parsed as HTML. When the answer is complete the
// page loads the conversation again, as the server renders it. Without this file, or without fetch streams, the
// composer is a plain form post and the page shows the reply after it.
(function () {
    "use strict";

    function line(log, kind, text) {
        var item = document.createElement("li");
        item.className = "chat-line " + kind;
        var who = document.createElement("span");
        who.className = "visually-hidden";
        if (kind.indexOf("action") === 0) {
            var mark = document.createElement("span");
            mark.className = "action-mark";
            mark.setAttribute("aria-hidden", "true");
            mark.textContent = kind === "action" ? "\u2713" : "!";
            item.appendChild(mark);
            who.textContent = "Action: ";
        } else {
            who.textContent = (kind === "user" ? "You" : "Assistant") + ": ";
        }
        var body = document.createElement("span");
        body.className = "chat-text";
        body.textContent = text;
        item.appendChild(who);
        item.appendChild(body);
        log.appendChild(item);
        return item;
    }

    // Splits the text read so far into whole events ("event: x\ndata: y\n\n"); returns what is left over.
    function parseEvents(buffer, handle) {
        var blocks = buffer.split("\n\n");
        var rest = blocks.pop();
        blocks.forEach(function (block) {
            var name = "message";
            var data = [];
            block.split("\n").forEach(function (row) {
                if (row.indexOf("event:") === 0) {
                    name = row.slice(6).trim();
                } else if (row.indexOf("data:") === 0) {
                    data.push(row.slice(5).replace(/^ /, ""));
                }
            });
            var payload = {};
            try {
                payload = JSON.parse(data.join("\n") || "{}");
            } catch (e) {
                payload = {};
            }
            handle(name, payload);
        });
        return rest;
    }

    function enable(form) {
        var input = document.getElementById("composer:message");
        var send = document.getElementById("composer:send");
        var log = document.getElementById("chat-log");
        var failure = document.getElementById("chat-error");
        var conversation = form.elements.namedItem("conversation");
        var page = form.getAttribute("data-page");
        var busy = false;

        // "Write a message first." is about a box that was empty; once something is typed it no longer holds.
        input.addEventListener("input", function () {
            var stale = document.getElementById("composer:message-message");
            if (stale && input.value.trim()) {
                stale.textContent = "";
                input.removeAttribute("aria-invalid");
            }
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                if (form.requestSubmit) {
                    form.requestSubmit(send);
                } else {
                    send.click();
                }
            }
        });

        form.addEventListener("submit", function (event) {
            // Read at the moment of sending: without the attribute the form is a normal post.
            var url = form.getAttribute("data-stream");
            var text = input.value.trim();
            if (!url || !window.fetch || !window.TextDecoder || !text) {
                return;
            }
            event.preventDefault();
            if (busy) {
                return;
            }
            stream(url, text);
        });

        function setBusy(state) {
            busy = state;
            send.disabled = state;
            log.setAttribute("aria-busy", state ? "true" : "false");
        }

        function stream(url, text) {
            var intro = document.getElementById("chat-intro");
            if (intro) {
                intro.remove();
            }
            failure.textContent = "";
            setBusy(true);
            var sent = line(log, "user", text);
            input.value = "";
            var reply = null;
            var id = conversation.value;
            var started = false;
            var finished = false;

            function fail(message, location) {
                finished = true;
                if (reply && !reply.querySelector(".chat-text").textContent) {
                    reply.remove();
                }
                // Refused before the turn started (not configured, API down): the message was not kept.
                if (!started) {
                    sent.remove();
                }
                failure.textContent = message;
                input.value = text;
                setBusy(false);
                if (location) {
                    window.location.assign(location);
                    return;
                }
                if (id && id !== conversation.value) {
                    conversation.value = id;
                    window.history.replaceState(null, "", page + "?conversation=" + encodeURIComponent(id));
                }
                input.focus();
            }

            function handle(name, data) {
                if (name === "conversation") {
                    started = true;
                    id = data.conversationId || id;
                } else if (name === "text") {
                    if (!reply) {
                        reply = line(log, "assistant", "");
                    }
                    reply.querySelector(".chat-text").textContent += data.delta || "";
                } else if (name === "tool") {
                    var action = line(log, data.error ? "action failed" : "action", data.result || ("Used " + data.name));
                    if (reply) {
                        log.insertBefore(action, reply);
                    }
                } else if (name === "done") {
                    finished = true;
                    window.location.assign(page + "?conversation=" + encodeURIComponent(data.conversationId || id));
                } else if (name === "error") {
                    fail(data.message || "The assistant could not answer.", data.location);
                }
            }

            var body = new URLSearchParams();
            body.set("conversation", conversation.value);
            body.set("message", text);
            fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "text/event-stream" } })
                .then(function (response) {
                    if (!response.ok || !response.body) {
                        throw new Error("HTTP " + response.status);
                    }
                    var reader = response.body.getReader();
                    var decoder = new TextDecoder();
                    var buffer = "";
                    function next() {
                        return reader.read().then(function (chunk) {
                            if (chunk.done) {
                                parseEvents(buffer + "\n\n", handle);
                                if (!finished) {
                                    fail("The answer was cut off. Reload the conversation to see what was saved.");
                                }
                                return;
                            }
                            buffer = parseEvents(buffer + decoder.decode(chunk.value, { stream: true }), handle);
                            return next();
                        });
                    }
                    return next();
                })
                .catch(function () {
                    if (!finished) {
                        fail("Your message could not be sent. Check your connection and try again.");
                    }
                });
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var form = document.getElementById("composer");
        if (form) {
            enable(form);
        }
    });
})();
