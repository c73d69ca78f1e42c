import 'server-only';

import {
  EMBED_DEFAULT_HEIGHT,
  EMBED_PROTOCOL,
  EMBED_PROTOCOL_VERSION,
  FRAME_MESSAGES,
  HOST_MESSAGES,
} from '@/lib/contracts/embed';

/**
 * The host-side script portals load from Moderato (`<script src="https://moderato…/embed.js">`),
 * plain ES2017 with no build step on their side, in the manner of Jitsi's external API and
 * Superset's embedded SDK: `Moderato.embed({ element, url, getToken })` creates the iframe,
 * answers its `ready` and `token.expiring` with `getToken()`, sizes it to its content, tells it
 * which part of it is on screen (where its dialogs go) and passes its events on. Messages are
 * accepted from that iframe at Moderato's origin only and sent to that origin only. The
 * protocol's names come from lib/contracts/embed.ts, the iframe's side.
 */
export function embedScript(): string {
  const constants = JSON.stringify({
    protocol: EMBED_PROTOCOL,
    version: EMBED_PROTOCOL_VERSION,
    frame: FRAME_MESSAGES,
    host: HOST_MESSAGES,
    defaultHeight: EMBED_DEFAULT_HEIGHT,
  });
  return `/* Moderato embed v${EMBED_PROTOCOL_VERSION} — docs/embedding.md */
(function () {
  'use strict';
  var C = ${constants};
  var script = document.currentScript;
  if (!script || !script.src) throw new Error('Moderato: load embed.js with a <script src> tag');
  var moderatoOrigin = new URL(script.src).origin;

  function embed(options) {
    if (!options || typeof options.getToken !== 'function') {
      throw new Error('Moderato.embed: getToken (a function returning an embed token) is required');
    }
    var element = typeof options.element === 'string'
      ? document.querySelector(options.element) : options.element;
    if (!element) throw new Error('Moderato.embed: element not found');
    var url = new URL(options.url, moderatoOrigin);
    if (url.origin !== moderatoOrigin || url.pathname.indexOf('/embed/') !== 0) {
      throw new Error('Moderato.embed: url must be an /embed/… page of ' + moderatoOrigin);
    }
    var listeners = {};
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = options.title || 'Moderato';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = (options.minHeight || C.defaultHeight) + 'px';
    // prefers-color-scheme inside the frame follows this (CSS Color Adjust, "color-scheme").
    iframe.style.colorScheme = options.theme === 'light' || options.theme === 'dark'
      ? options.theme : 'light dark';

    function emit(type, detail) {
      (listeners[type] || []).concat(listeners['*'] || []).forEach(function (listener) {
        try { listener(detail, type); } catch (err) { console.error(err); }
      });
    }
    function post(type, fields) {
      var message = Object.assign({}, fields, { protocol: C.protocol, version: C.version, type: type });
      if (iframe.contentWindow) iframe.contentWindow.postMessage(message, moderatoOrigin);
    }
    function fetchToken() {
      return Promise.resolve()
        .then(function () { return options.getToken(); })
        .then(function (token) {
          if (typeof token !== 'string' || !token) throw new Error('getToken returned no token');
          return token;
        });
    }
    function provideToken(tokenPromise) {
      tokenPromise
        .then(function (token) { post(C.host.token, { token: token }); })
        .catch(function (err) {
          emit('error', { message: String((err && err.message) || err) });
        });
    }
    // The frame is as tall as its content, so its own viewport is all of it: it is told which part
    // the user sees, once per frame at most, so its dialogs open there and not off screen.
    var viewportQueued = false;
    function sendViewport() {
      viewportQueued = false;
      var rect = iframe.getBoundingClientRect();
      var top = Math.max(0, -rect.top);
      var bottom = Math.min(rect.height, window.innerHeight - rect.top);
      post(C.host.viewport, { top: top, height: Math.max(0, bottom - top) });
    }
    function queueViewport() {
      if (viewportQueued) return;
      viewportQueued = true;
      window.requestAnimationFrame(sendViewport);
    }
    // The first token is fetched while the iframe loads, so 'ready' is answered without waiting
    // for the portal's backend.
    var firstToken = fetchToken();
    firstToken.catch(function () {});
    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== moderatoOrigin) return;
      var data = event.data;
      if (!data || data.protocol !== C.protocol || data.version !== C.version) return;
      if (data.type === C.frame.ready) {
        provideToken(firstToken || fetchToken());
        firstToken = null;
        queueViewport();
      }
      if (data.type === C.frame.tokenExpiring) provideToken(fetchToken());
      if (data.type === C.frame.height && typeof data.height === 'number') {
        iframe.style.height = Math.max(options.minHeight || 0, data.height) + 'px';
        queueViewport();
      }
      var detail = Object.assign({}, data);
      delete detail.protocol;
      delete detail.version;
      delete detail.type;
      emit(data.type, detail);
    }
    window.addEventListener('message', onMessage);
    // Capture: a scrolling container around the frame scrolls it too, and its scroll events do
    // not bubble.
    window.addEventListener('scroll', queueViewport, { capture: true, passive: true });
    window.addEventListener('resize', queueViewport);
    element.appendChild(iframe);

    return {
      iframe: iframe,
      on: function (type, listener) {
        (listeners[type] = listeners[type] || []).push(listener);
        return this;
      },
      off: function (type, listener) {
        listeners[type] = (listeners[type] || []).filter(function (l) { return l !== listener; });
        return this;
      },
      destroy: function () {
        window.removeEventListener('message', onMessage);
        window.removeEventListener('scroll', queueViewport, { capture: true });
        window.removeEventListener('resize', queueViewport);
        iframe.remove();
        listeners = {};
      }
    };
  }

  window.Moderato = { version: C.version, events: C.frame, embed: embed };
})();
`;
}
