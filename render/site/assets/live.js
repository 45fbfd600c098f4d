// The live preview of blueprint serve: when a journey file changes, the
// server sends the new version over server-sent events and the page
// reloads, keeping its scroll position (site.js keeps the zoom of the
// blueprint). Pages of a static site load no copy of this script.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="blueprint-version"]');
  var version = meta ? meta.getAttribute('content') : '';
  var key = 'bp-scroll:' + location.pathname;
  try {
    var saved = JSON.parse(window.sessionStorage.getItem(key));
    if (saved) {
      window.sessionStorage.removeItem(key);
      window.scrollTo(saved.x, saved.y);
    }
  } catch (e) { /* no storage: the page starts at the top */ }
  if (!window.EventSource) { return; }
  var events = new EventSource('/_live/events');
  events.addEventListener('reload', function (e) {
    if (e.data === version) { return; }
    try {
      window.sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    } catch (err) { /* reload anyway */ }
    events.close();
    window.location.reload();
  });
}());
