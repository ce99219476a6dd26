// Samskab's only script of its own. Pages work without it; it adds DKFDS behaviour and htmx's antiforgery header.
(function () {
    'use strict';
    var summary = document.querySelector('[data-module="error-summary"]');
    if (window.DKFDS && summary) {
        new window.DKFDS.ErrorSummary(summary).init();
    }
    if (window.DKFDS) {
        document.querySelectorAll('.alert-close').forEach(function (button) {
            new window.DKFDS.Alert(button.closest('.alert')).init();
        });
    }
    // Every htmx request carries the antiforgery token, so htmx posts are checked like ordinary form posts.
    document.body.addEventListener('htmx:configRequest', function (event) {
        var meta = document.querySelector('meta[name="request-verification-token"]');
        if (meta) {
            event.detail.headers['RequestVerificationToken'] = meta.getAttribute('content');
        }
    });
    // A confirm step for dangerous buttons without inline script: <button data-confirm="...">.
    document.addEventListener('submit', function (event) {
        var submitter = event.submitter;
        var text = submitter && submitter.getAttribute('data-confirm');
        if (text && !window.confirm(text)) {
            event.preventDefault();
        }
    });
    // On a phone the initiative's tabs scroll sideways: bring the current one into view.
    var currentTab = document.querySelector('.initiative-tabs [aria-current="page"]');
    if (currentTab && currentTab.parentElement && currentTab.closest('ul').scrollWidth > currentTab.closest('ul').clientWidth) {
        var list = currentTab.closest('ul');
        list.scrollLeft = currentTab.offsetLeft - (list.clientWidth - currentTab.offsetWidth) / 2;
    }
    // The affinity board: dragging a card onto a group ticks it (with any other ticked cards, if it was ticked) and
    // submits the board's own move form, the same form the keyboard uses.
    var moveForm = document.querySelector('form[data-board-move]');
    if (moveForm) {
        var target = moveForm.querySelector('select[name="Move.Target"]');
        document.querySelectorAll('.board-note[draggable="true"]').forEach(function (note) {
            note.addEventListener('dragstart', function (event) {
                event.dataTransfer.setData('text/plain', note.getAttribute('data-note-id'));
                event.dataTransfer.effectAllowed = 'move';
            });
        });
        document.querySelectorAll('[data-board-drop]').forEach(function (zone) {
            zone.addEventListener('dragover', function (event) {
                event.preventDefault();
                zone.classList.add('board-drop-target');
            });
            zone.addEventListener('dragleave', function (event) {
                if (!zone.contains(event.relatedTarget)) {
                    zone.classList.remove('board-drop-target');
                }
            });
            zone.addEventListener('drop', function (event) {
                event.preventDefault();
                event.stopPropagation();
                zone.classList.remove('board-drop-target');
                var box = document.getElementById('pick-' + event.dataTransfer.getData('text/plain'));
                if (!box) {
                    return;
                }
                if (!box.checked) {
                    document.querySelectorAll('input[form="move-form"][name="Move.MaterialIds"]').forEach(function (other) { other.checked = false; });
                    box.checked = true;
                }
                target.value = zone.getAttribute('data-board-drop');
                leavingBySubmit = true;
                moveForm.requestSubmit(moveForm.querySelector('button[type="submit"]:not([formaction])'));
            });
        });
    }
    // Warn before leaving a page with text typed but not saved: forms marked data-warn-unsaved, and every form
    // with a textarea. Submitting any form of the page is not leaving it.
    var dirty = false;
    var leavingBySubmit = false;
    document.querySelectorAll('form[data-warn-unsaved], form:has(textarea)').forEach(function (form) {
        form.addEventListener('input', function () { dirty = true; });
    });
    document.addEventListener('submit', function () { leavingBySubmit = true; });
    window.addEventListener('beforeunload', function (event) {
        if (dirty && !leavingBySubmit) {
            event.preventDefault();
            event.returnValue = '';
        }
    });
})();
