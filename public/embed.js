/*
 * MicroCare in an iframe, sized to its content. On the clinic's page:
 *
 *   <div id="microcare"></div>
 *   <script src="https://clinic.example/care/embed.js" data-target="#microcare" async></script>
 *
 * The iframe shows the app from the folder this script comes from. The app
 * posts only {type: "microcare:height", height} to this page; a message is
 * used only if it comes from the app's origin and from this iframe, and if
 * the height is a finite number within bounds. Nothing else is read.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var app = new URL('./', script.src);
  var target = document.querySelector(script.getAttribute('data-target') || '#microcare');
  if (!target) {
    console.warn('MicroCare embed: no element ' + (script.getAttribute('data-target') || '#microcare'));
    return;
  }
  var MIN_HEIGHT = 200;
  var MAX_HEIGHT = 30000;
  var frame = document.createElement('iframe');
  frame.src = app.href;
  frame.title = script.getAttribute('data-title') || 'MicroCare';
  // The camera is used only when the client taps "Take a photo" on the
  // Photos page; without it the app offers the file picker instead.
  frame.setAttribute('allow', 'clipboard-write; web-share; camera');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.height = '800px';
  target.appendChild(frame);
  window.addEventListener('message', function (event) {
    if (event.origin !== app.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'microcare:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    frame.style.height = Math.ceil(height) + 'px';
  });
})();
