// The profile page's copy buttons: each names the element whose text it copies (data-copy). Without JavaScript the
// buttons stay hidden and the text can be selected and copied by hand. Loaded as a file: the CSP allows no inline
// script.
(function () {
    "use strict";

    var COPIED_MILLIS = 2000;

    function selectText(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    function copied(button, label) {
        var original = button.getAttribute("data-label") || button.textContent;
        button.setAttribute("data-label", original);
        button.textContent = label;
        window.setTimeout(function () {
            button.textContent = original;
        }, COPIED_MILLIS);
    }

    function copy(button) {
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source) {
            return;
        }
        var text = source.textContent;
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () {
                copied(button, "Copied");
            }, function () {
                selectText(source);
                copied(button, "Press Ctrl+C");
            });
        } else {
            selectText(source);
            copied(button, document.execCommand && document.execCommand("copy") ? "Copied" : "Press Ctrl+C");
        }
    }

    document.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            copy(button);
        });
    });

    // A token was just made: bring it into view and focus, so that it is copied before the page is left.
    var fresh = document.getElementById("new-token");
    if (fresh) {
        fresh.setAttribute("tabindex", "-1");
        fresh.scrollIntoView({block: "center"});
        fresh.focus({preventScroll: true});
    }
})();
