/*
 * supportd customer chat widget.
 *
 * Plain JavaScript, no dependencies, no build step. Mount it on any element
 * with a `data-supportd-widget` attribute:
 *
 *   <div data-supportd-widget data-company="Fernhollow"
 *        data-assistant-name="Fernhollow assistant" data-api-base=""></div>
 *   <script src="widget.js" defer></script>
 *
 * Server text is never parsed as HTML: everything is built with
 * createElement / textContent.
 *
 * Conversation flow (docs/human-loop-api.md):
 *   - a customer message is POSTed; with the AI the reply is an event stream
 *     (thinking steps, the answer's verified sentences as they are written,
 *     then the whole answer), with a person it is 202 JSON;
 *   - GET …/events (EventSource) delivers every stored message and hand-over
 *     notices; messages are keyed by id so the AI reply that arrives on both
 *     streams, or a replay after a reconnect, is shown once;
 *   - the conversation id lives in localStorage: a reload reads the transcript
 *     and resumes the stream after its `last_event_id`.
 *
 * In Node (for tests) the file exports the pure helpers via module.exports and
 * touches no DOM:  const { readEventStream } = require('./widget.js');
 */
(function () {
  'use strict';

  // ===========================================================================
  // Server-sent events parser (pure: text chunks in, events out)
  // ===========================================================================

  /**
   * Incremental parser for the text/event-stream format.
   *
   *   const parser = createSSEParser();
   *   parser.push('event: status\ndata: {"a"');   // -> []
   *   parser.push(':1}\n\n');                      // -> [{id: '', event: 'status', data: '{"a":1}'}]
   *   parser.end();                                // -> events still pending at end of stream
   *
   * Follows the WHATWG rules: lines end with CRLF, LF or CR (a CRLF split across
   * two chunks is handled); lines starting with ":" are comments; "field: value"
   * drops one leading space from the value; several data lines are joined with
   * "\n"; a blank line dispatches the event; an event with no data line is not
   * dispatched; `event` defaults to "message"; `id` persists to later events
   * (like EventSource.lastEventId); a leading byte-order mark is skipped.
   * Unlike a browser, end() also dispatches a final event that was not followed
   * by a blank line, so a reply is not lost if the server closes abruptly.
   */
  function createSSEParser() {
    let buffer = '';          // text of the current, unterminated line
    let skipLeadingLF = false; // previous chunk ended with "\r" (maybe half a CRLF)
    let started = false;
    let eventType = '';
    let dataLines = [];
    let lastEventId = '';

    function dispatch(out) {
      if (dataLines.length === 0) {
        eventType = '';
        return;
      }
      out.push({ id: lastEventId, event: eventType || 'message', data: dataLines.join('\n') });
      eventType = '';
      dataLines = [];
    }

    function processLine(line, out) {
      if (line === '') {
        dispatch(out);
        return;
      }
      if (line.charCodeAt(0) === 58 /* ':' */) return; // comment / heartbeat
      const colon = line.indexOf(':');
      let field = line;
      let value = '';
      if (colon !== -1) {
        field = line.slice(0, colon);
        value = line.slice(colon + 1);
        if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
      }
      switch (field) {
        case 'event':
          eventType = value;
          break;
        case 'data':
          dataLines.push(value);
          break;
        case 'id':
          if (value.indexOf('\u0000') === -1) lastEventId = value;
          break;
        default:
          break; // "retry" and unknown fields are ignored
      }
    }

    function push(chunk) {
      const out = [];
      let text = chunk == null ? '' : String(chunk);
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (skipLeadingLF && text.length > 0) {
        if (text.charCodeAt(0) === 10) text = text.slice(1);
        skipLeadingLF = false;
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        processLine(buffer.slice(start, i), out);
        if (c === 13) {
          if (i + 1 < buffer.length) {
            if (buffer.charCodeAt(i + 1) === 10) i++;
          } else {
            skipLeadingLF = true;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    }

    function end() {
      const out = [];
      if (buffer.length > 0) processLine(buffer, out);
      buffer = '';
      dispatch(out);
      return out;
    }

    return { push: push, end: end };
  }

  /**
   * Pure generator: takes an iterable of text chunks (split anywhere) and
   * yields {id, event, data} objects. `data` is the raw string; use
   * parseEventData() to decode JSON.
   */
  function* readEventStream(chunks) {
    const parser = createSSEParser();
    for (const chunk of chunks) yield* parser.push(chunk);
    yield* parser.end();
  }

  /** Same as readEventStream, for async iterables (a network stream). */
  async function* readEventStreamAsync(chunks) {
    const parser = createSSEParser();
    for await (const chunk of chunks) yield* parser.push(chunk);
    yield* parser.end();
  }

  /** Decodes an event's JSON data; returns null when it is not valid JSON. */
  function parseEventData(raw) {
    if (typeof raw !== 'string' || raw === '') return null;
    try {
      return JSON.parse(raw);
    } catch (_) {
      return null;
    }
  }

  // ===========================================================================
  // HTTP API
  // ===========================================================================

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
      this.code = code;
    }
  }

  function fallbackErrorMessage(status) {
    if (status === 429) return 'You are sending messages a little too quickly. Please wait a moment and try again.';
    if (status === 404) return 'We could not find that conversation.';
    if (status >= 500) return 'Our help service is having trouble right now. Please try again in a moment.';
    return 'Something went wrong (HTTP ' + status + ').';
  }

  /** Turns a non-2xx response ({"error": {"code", "message"}}) into an ApiError. */
  async function apiErrorFromResponse(response) {
    let code = 'http_' + response.status;
    let message = '';
    try {
      const body = await response.json();
      if (body && body.error) {
        if (typeof body.error.code === 'string') code = body.error.code;
        if (typeof body.error.message === 'string') message = body.error.message;
      }
    } catch (_) {
      // not JSON: keep the fallback message
    }
    return new ApiError(response.status, code, message || fallbackErrorMessage(response.status));
  }

  function conversationUrl(apiBase, id) {
    return apiBase + '/v1/conversations/' + encodeURIComponent(id);
  }

  async function postJSON(url, body, signal) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body || {}),
      signal: signal,
    });
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response.json();
  }

  /** POST /v1/conversations -> the new conversation id. */
  async function createConversation(apiBase, signal) {
    const body = await postJSON(apiBase + '/v1/conversations', {}, signal);
    if (!body || typeof body.id !== 'string') {
      throw new ApiError(0, 'bad_response', 'The server did not return a conversation id.');
    }
    return body.id;
  }

  /** GET /v1/conversations/{id} -> {id, status, agent, last_event_id, messages: [...]} */
  async function fetchConversation(apiBase, id, signal) {
    const response = await fetch(conversationUrl(apiBase, id), {
      headers: { Accept: 'application/json' },
      signal: signal,
    });
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response.json();
  }

  /** POST …/messages/{message_id}/rating {"helpful"} -> {message_id, helpful} */
  function rateMessage(apiBase, conversationId, messageId, helpful) {
    return postJSON(
      conversationUrl(apiBase, conversationId) + '/messages/' + encodeURIComponent(messageId) + '/rating',
      { helpful: helpful }
    );
  }

  /** Yields decoded text chunks from a fetch Response body. */
  async function* responseTextChunks(response) {
    if (!response.body || typeof response.body.getReader !== 'function') {
      yield await response.text();
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder('utf-8');
    let finished = false;
    try {
      for (;;) {
        const result = await reader.read();
        if (result.done) break;
        const text = decoder.decode(result.value, { stream: true });
        if (text) yield text;
      }
      finished = true;
      const tail = decoder.decode();
      if (tail) yield tail;
    } finally {
      if (!finished) {
        try {
          reader.cancel().catch(function () {});
        } catch (_) {
          // already released
        }
      }
      try {
        reader.releaseLock();
      } catch (_) {
        // ignore
      }
    }
  }

  /** "msg_51b2:3" -> "msg_51b2" (turn events are keyed by the customer message id). */
  function messageIdFromEventId(id) {
    if (typeof id !== 'string') return '';
    const colon = id.lastIndexOf(':');
    return colon > 0 ? id.slice(0, colon) : '';
  }

  /**
   * POST /v1/conversations/{id}/messages.
   *
   * With the AI (200 text/event-stream): calls onEvent({id, event, data}) for every
   * event, `data` JSON-decoded, and resolves {kind: 'turn'}.
   * With a person (202 JSON): resolves {kind: 'accepted', body: {message, status, agent}}
   * and no turn runs. Throws ApiError for 4xx/5xx.
   */
  async function sendMessage(apiBase, conversationId, text, options) {
    const opts = options || {};
    const response = await fetch(conversationUrl(apiBase, conversationId) + '/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
      body: JSON.stringify({ text: text }),
      signal: opts.signal,
    });
    if (!response.ok) throw await apiErrorFromResponse(response);
    const type = (response.headers.get('Content-Type') || '').toLowerCase();
    if (type.indexOf('text/event-stream') === -1) {
      if (type.indexOf('json') !== -1) return { kind: 'accepted', body: await response.json() };
      throw new ApiError(response.status, 'unexpected_response', 'The server sent an unexpected response.');
    }
    if (opts.onResponse) opts.onResponse(response);
    for await (const ev of readEventStreamAsync(responseTextChunks(response))) {
      if (opts.onEvent) opts.onEvent({ id: ev.id, event: ev.event, data: parseEventData(ev.data) });
    }
    return { kind: 'turn' };
  }

  /**
   * The conversation's long-lived event stream (GET …/events) through EventSource.
   * EventSource reconnects by itself after a dropped connection and sends
   * Last-Event-ID; when it gives up (the server answered with an error, or was
   * down), this opens a new one with `?after=<last id seen>` after a backoff.
   *
   *   const stream = openConversationStream(base, id, after, {
   *     onEvent(name, data, id), onState('connecting'|'open'|'reconnecting'|'offline') });
   *   stream.close();
   */
  function openConversationStream(apiBase, conversationId, after, handlers) {
    let lastId = typeof after === 'number' && after >= 0 ? after : null;
    let source = null;
    let closed = false;
    let timer = null;
    let failures = 0;
    let everOpened = false;

    function report(state) {
      if (handlers.onState) handlers.onState(state);
    }

    function noteId(id) {
      const n = Number(id);
      if (id !== '' && Number.isFinite(n) && (lastId === null || n > lastId)) lastId = n;
    }

    function listener(name) {
      return function (e) {
        const n = Number(e.lastEventId);
        // A replay after a reconnect may repeat events we have: skip them.
        if (e.lastEventId !== '' && Number.isFinite(n) && lastId !== null && n <= lastId) return;
        noteId(e.lastEventId);
        handlers.onEvent(name, parseEventData(e.data), e.lastEventId);
      };
    }

    function connect() {
      if (closed) return;
      let url = conversationUrl(apiBase, conversationId) + '/events';
      if (lastId !== null) url += '?after=' + lastId;
      report(everOpened ? 'reconnecting' : 'connecting');
      const es = new EventSource(url);
      source = es;
      es.onopen = function () {
        failures = 0;
        everOpened = true;
        report('open');
      };
      es.addEventListener('message', listener('message'));
      es.addEventListener('state', listener('state'));
      es.onerror = function () {
        if (closed || source !== es) return;
        if (es.readyState === EventSource.CONNECTING) {
          report('reconnecting'); // the browser retries with Last-Event-ID
          return;
        }
        es.close();
        failures++;
        report(failures > 3 ? 'offline' : 'reconnecting');
        const delay = Math.min(15000, 500 * Math.pow(2, Math.min(failures, 5)));
        timer = setTimeout(connect, delay);
      };
    }

    connect();
    return {
      close: function () {
        closed = true;
        clearTimeout(timer);
        if (source) source.close();
      },
      /** Reconnect now (e.g. the page came back online). */
      kick: function () {
        if (closed) return;
        if (source && source.readyState === EventSource.OPEN) return;
        clearTimeout(timer);
        if (source) source.close();
        failures = 0;
        connect();
      },
      get lastEventId() {
        return lastId;
      },
      set lastEventId(value) {
        if (typeof value === 'number' && (lastId === null || value > lastId)) lastId = value;
      },
    };
  }

  // ===========================================================================
  // Formatting helpers (pure)
  // ===========================================================================

  const PHASES = ['guard', 'routing', 'retrieval', 'drafting', 'verifying', 'finishing'];

  const PHASE_TEXT = {
    guard: 'Checking your message…',
    routing: 'Working out what you need…',
    retrieval: 'Looking through our policies…',
    drafting: 'Writing an answer…',
    verifying: 'Double-checking the answer…',
    finishing: 'Finishing up…',
  };

  const TIMING_LABELS = {
    guard: 'Safety check',
    routing: 'Routing',
    retrieval: 'Policy search',
    drafting: 'Drafting',
    verifying: 'Verifying',
    finishing: 'Finishing',
  };

  const OUTCOME_SUMMARY = {
    answer: ['Answered', 'in'],
    dont_know: ['Checked our policies', 'in'],
    handoff: ['Handed over', 'in'],
    refusal: ['Replied', 'in'],
    error: ['Stopped', 'after'],
  };

  /** 0.42 -> "0.4 ms", 12.3 -> "12 ms", 1530 -> "1.5 s"; "" when not a number. */
  function formatDuration(ms) {
    if (typeof ms !== 'number' || !isFinite(ms) || ms < 0) return '';
    if (ms < 10) return String(Math.round(ms * 10) / 10) + ' ms';
    if (ms < 1000) return String(Math.round(ms)) + ' ms';
    return String(Math.round(ms / 100) / 10) + ' s';
  }

  /** "Answered in 14 ms" style line for the collapsed thinking steps. */
  function summaryText(outcome, totalMs) {
    const parts = OUTCOME_SUMMARY[outcome] || ['Finished', 'in'];
    const duration = formatDuration(totalMs);
    return duration ? parts[0] + ' ' + parts[1] + ' ' + duration : parts[0];
  }

  function humanize(value) {
    return String(value).replace(/[_-]+/g, ' ').trim();
  }

  function formatVersion(version) {
    if (version === null || version === undefined || version === '') return '';
    const v = String(version);
    return /^\d+$/.test(v) ? 'v' + v : v;
  }

  /** Ordered [stage, ms] pairs: known phases first, then anything else. */
  function orderedTimings(timings) {
    if (!timings || typeof timings !== 'object') return [];
    const keys = Object.keys(timings).filter(function (k) {
      return typeof timings[k] === 'number';
    });
    keys.sort(function (a, b) {
      const ia = PHASES.indexOf(a);
      const ib = PHASES.indexOf(b);
      return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    });
    return keys.map(function (k) {
      return [k, timings[k]];
    });
  }

  function citationNumbers(value) {
    if (typeof value === 'number') return [value];
    if (Array.isArray(value)) {
      return value.filter(function (n) {
        return typeof n === 'number';
      });
    }
    return [];
  }

  function normalizeCitations(list) {
    if (!Array.isArray(list)) return [];
    return list
      .filter(function (c) {
        return c && typeof c.index === 'number';
      })
      .slice()
      .sort(function (a, b) {
        return a.index - b.index;
      });
  }

  // ===========================================================================
  // DOM helpers (never innerHTML)
  // ===========================================================================

  const SVG_NS = 'http://www.w3.org/2000/svg';

  // Static path data (Material icons, Apache-2.0), never server text.
  const ICONS = {
    send: 'M2.01 21 23 12 2.01 3 2 10l15 2-15 2z',
    minimize: 'M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6 1.41-1.41z',
    refresh:
      'M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z',
    chat: 'M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z',
    person:
      'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
    thumbUp:
      'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z',
    thumbDown:
      'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z',
    leaf: 'M6.05 8.05a7 7 0 0 0-.02 9.88c1.47-3.4 4.09-6.24 7.36-7.93a15.95 15.95 0 0 0-5.39 9.32c2.6 1.23 5.8.78 7.95-1.37C19.43 14.47 20 4 20 4S9.53 4.57 6.05 8.05z',
  };

  function icon(name) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'sd-icon');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', ICONS[name]);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  /**
   * el('p', {class: 'x', 'data-testid': 'y'}, ['text', childNode])
   * Strings become text nodes; attributes are set with setAttribute.
   */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        const value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        node.setAttribute(name, value === true ? '' : String(value));
      });
    }
    appendChildren(node, children);
    return node;
  }

  function appendChildren(node, children) {
    if (children === null || children === undefined) return;
    const list = Array.isArray(children) ? children : [children];
    list.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
  }

  function srOnly(text) {
    return el('span', { class: 'sd-sr-only' }, text);
  }

  // ===========================================================================
  // Message content builders (shared by live turns and restored transcripts)
  // ===========================================================================

  function citationMarker(n, citationsByIndex, idPrefix) {
    const citation = citationsByIndex[n];
    if (!citation) return el('sup', { class: 'sd-cite' }, '[' + n + ']');
    const title = citation.document_title || citation.document_id || 'policy';
    return el('sup', { class: 'sd-cite' }, [
      el(
        'a',
        {
          href: '#' + idPrefix + '-src-' + n,
          'data-citation': n,
          'data-testid': 'citation-marker',
          'aria-label': 'Source ' + n + ': ' + title,
        },
        '[' + n + ']'
      ),
    ]);
  }

  /** Appends text, turning "[n]" into citation markers when n is a known source. */
  function appendTextWithMarkers(container, text, citationsByIndex, idPrefix) {
    const pattern = /\[(\d+)\]/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      const n = Number(match[1]);
      if (!citationsByIndex[n]) continue;
      if (match.index > last) container.appendChild(document.createTextNode(text.slice(last, match.index)));
      container.appendChild(citationMarker(n, citationsByIndex, idPrefix));
      last = match.index + match[0].length;
    }
    if (last < text.length) container.appendChild(document.createTextNode(text.slice(last)));
  }

  /** Expandable "Sources" list: title › section (version) and the quoted passage. */
  function buildSources(citations, idPrefix) {
    const list = el('ol', { class: 'sd-source-list' });
    citations.forEach(function (c) {
      const head = el('div', { class: 'sd-source-head' }, [
        el('span', { class: 'sd-source-num', 'aria-hidden': 'true' }, '[' + c.index + ']'),
        el('span', { class: 'sd-source-title' }, c.document_title || c.document_id || 'Policy document'),
      ]);
      if (c.section) {
        head.appendChild(el('span', { class: 'sd-source-sep', 'aria-hidden': 'true' }, ' › '));
        head.appendChild(srOnly(', section: '));
        head.appendChild(el('span', { class: 'sd-source-section' }, c.section));
      }
      const version = formatVersion(c.version);
      if (version) head.appendChild(el('span', { class: 'sd-source-version' }, ' (' + version + ')'));
      const item = el(
        'li',
        {
          class: 'sd-source',
          id: idPrefix + '-src-' + c.index,
          tabindex: '-1',
          'data-testid': 'source-item',
          'data-citation-index': c.index,
          'data-document-id': c.document_id || null,
        },
        [head]
      );
      if (c.quote) item.appendChild(el('blockquote', { class: 'sd-source-quote' }, c.quote));
      list.appendChild(item);
    });
    return el('details', { class: 'sd-sources', 'data-testid': 'sources' }, [
      el('summary', { 'data-testid': 'sources-toggle' }, [
        'Sources ',
        el('span', { class: 'sd-source-count' }, '(' + citations.length + ')'),
      ]),
      list,
    ]);
  }

  /** Appends one sentence, space-separated from the one before, and its citation markers. */
  function appendSentence(body, text, markers) {
    if (body.childNodes.length > 0 && !/^\s/.test(text)) body.appendChild(document.createTextNode(' '));
    body.appendChild(el('span', { class: 'sd-sentence' }, text.replace(/\s+$/, '')));
    markers.forEach(function (marker) {
      body.appendChild(marker);
    });
  }

  /**
   * "[1]" after a streamed sentence. Not a link: the Sources it would point to
   * only come with the `answer` event, which replaces the streamed text.
   */
  function pendingCitationMarker(citation) {
    const title = [citation.document_title || citation.document_id, citation.section].filter(Boolean).join(' › ');
    return el('sup', { class: 'sd-cite sd-cite--pending', title: title || null }, '[' + citation.index + ']');
  }

  /**
   * Answer body: each sentence followed by its superscript marker, then Sources.
   * Without sentences (e.g. a restored message) the plain text is shown, with
   * any "[n]" in it turned into markers.
   */
  function buildAnswer(text, sentences, citationList, idPrefix) {
    const citations = normalizeCitations(citationList);
    const byIndex = {};
    citations.forEach(function (c) {
      byIndex[c.index] = c;
    });
    const body = el('div', { class: 'sd-text sd-answer', 'data-testid': 'answer-text' });
    const usable = Array.isArray(sentences)
      ? sentences.filter(function (s) {
          return s && typeof s.text === 'string' && s.text !== '';
        })
      : [];
    if (usable.length > 0) {
      usable.forEach(function (s) {
        const numbers = citationNumbers(s.citation !== undefined ? s.citation : s.citations);
        appendSentence(
          body,
          s.text,
          numbers.map(function (n) {
            return citationMarker(n, byIndex, idPrefix);
          })
        );
      });
    } else {
      appendTextWithMarkers(body, typeof text === 'string' ? text : '', byIndex, idPrefix);
    }
    const fragment = document.createDocumentFragment();
    fragment.appendChild(body);
    if (citations.length > 0) fragment.appendChild(buildSources(citations, idPrefix));
    return fragment;
  }

  function buildHandoff(text, handoffId) {
    const box = el('div', { class: 'sd-handoff', 'data-testid': 'handoff-notice' }, [
      el('p', { class: 'sd-handoff-label' }, [icon('person'), 'A person will take over']),
      el('p', { class: 'sd-text' }, text || 'We are passing your conversation to our support team.'),
    ]);
    if (handoffId) {
      box.appendChild(el('p', { class: 'sd-ref' }, ['Reference: ', el('code', {}, handoffId)]));
    }
    return box;
  }

  // ===========================================================================
  // Turn view + renderers (one per SSE event)
  // ===========================================================================

  /**
   * The pending assistant bubble for one turn. `ctx` supplies widget callbacks:
   * talkToPerson(), retry(turn), scroll().
   */
  function createTurn(ctx, idPrefix, retryText) {
    const steps = el('ol', { class: 'sd-steps', 'data-testid': 'status-steps' });
    const typing = el('div', { class: 'sd-typing', 'data-testid': 'typing-indicator' }, [
      el('span', { 'aria-hidden': 'true' }),
      el('span', { 'aria-hidden': 'true' }),
      el('span', { 'aria-hidden': 'true' }),
      srOnly('The assistant is thinking'),
    ]);
    // The typing dots sit below the steps: shown until the first status, and
    // again whenever no step is running (e.g. after "Found 3 … sections").
    const thinking = el('div', { class: 'sd-thinking', 'data-testid': 'thinking', 'data-state': 'active' }, [
      steps,
      typing,
    ]);
    const meta = el('div', { class: 'sd-meta' });
    const body = el('div', { class: 'sd-body' });
    const bubble = el('div', { class: 'sd-bubble' }, [srOnly(ctx.assistantName + ' said: '), meta, thinking, body]);
    const element = el(
      'li',
      {
        class: 'sd-msg sd-msg--assistant',
        'data-testid': 'message',
        'data-role': 'assistant',
        'data-state': 'streaming',
      },
      [bubble]
    );
    return {
      ctx: ctx,
      idPrefix: idPrefix,
      retryText: retryText,
      element: element,
      bubble: bubble,
      meta: meta,
      thinking: thinking,
      typing: typing,
      steps: steps,
      body: body,
      outcome: null,
      streamed: null, // {body, next, count}: the answer text `delta` events are filling in
      hasContent: false,
      completed: false,
      customerMessageId: '',
      gotDone: false,
      messageId: '',
      turnId: '',
    };
  }

  function activeStep(turn) {
    return turn.steps.querySelector('.sd-step[data-state="active"]');
  }

  function setStepState(step, state) {
    step.setAttribute('data-state', state);
  }

  function addStep(turn, text, state, phase) {
    turn.typing.hidden = true;
    const step = el('li', { class: 'sd-step', 'data-testid': 'status-step', 'data-phase': phase || null, 'data-state': state }, [
      el('span', { class: 'sd-step-icon', 'aria-hidden': 'true' }),
      el('span', { class: 'sd-step-text' }, text),
    ]);
    turn.steps.appendChild(step);
    return step;
  }

  /** Marks the running step as finished (or failed). */
  function settleSteps(turn, state) {
    turn.typing.hidden = true;
    const step = activeStep(turn);
    if (step) setStepState(step, state || 'done');
  }

  function setOutcome(turn, outcome) {
    keepStreamedText(turn);
    turn.outcome = outcome;
    turn.hasContent = true;
    turn.element.setAttribute('data-outcome', outcome);
  }

  function renderStatus(turn, data) {
    const phase = typeof data.phase === 'string' ? data.phase : '';
    const text = (typeof data.text === 'string' && data.text) || PHASE_TEXT[phase] || 'Working on it…';
    const current = activeStep(turn);
    if (current && phase && current.getAttribute('data-phase') === phase) {
      current.querySelector('.sd-step-text').textContent = text;
      return;
    }
    if (current) setStepState(current, 'done');
    addStep(turn, text, 'active', phase);
  }

  function renderIntent(turn, data) {
    if (typeof data.intent !== 'string' || data.intent === '') return;
    let title = 'Topic: ' + humanize(data.intent);
    if (typeof data.confidence === 'number') title += ' · ' + Math.round(data.confidence * 100) + '% confidence';
    turn.meta.replaceChildren(
      el('span', { class: 'sd-intent', 'data-testid': 'intent-tag', title: title }, [
        srOnly('Topic: '),
        humanize(data.intent),
      ])
    );
  }

  function renderPassages(turn, data) {
    const passages = Array.isArray(data.passages) ? data.passages : [];
    const current = activeStep(turn);
    if (current) setStepState(current, 'done');
    const n = passages.length;
    const text =
      n === 0
        ? 'No matching policy sections found'
        : 'Found ' + n + ' relevant policy section' + (n === 1 ? '' : 's');
    const step = addStep(turn, text, 'done', 'passages');
    turn.typing.hidden = false;
    const titles = [];
    passages.forEach(function (p) {
      const t = p && (p.document_title || p.document_id);
      if (t && titles.indexOf(t) === -1) titles.push(t);
    });
    if (titles.length) step.setAttribute('title', titles.join(', '));
  }

  /**
   * The answer body that `delta` events fill in, created on the first one where
   * the answer will go (below the thinking steps, which keep running). It is put
   * in the page empty, so each sentence is added to the live page on its own.
   */
  function streamedAnswer(turn) {
    if (!turn.streamed) {
      const body = el('div', {
        class: 'sd-text sd-answer',
        'data-testid': 'answer-text',
        'data-state': 'streaming',
        'aria-busy': 'true',
      });
      turn.body.appendChild(body);
      turn.streamed = { body: body, next: 0, count: 0 };
    }
    return turn.streamed;
  }

  /** One sentence of the answer that already passed verification: shown as it arrives. */
  function renderDelta(turn, data) {
    if (turn.outcome || typeof data.text !== 'string' || data.text === '') return;
    const streamed = streamedAnswer(turn);
    // Deltas come in order and are never taken back: an index already shown is a repeat.
    if (typeof data.index === 'number' && data.index < streamed.next) return;
    const citation = data.citation && typeof data.citation.index === 'number' ? data.citation : null;
    appendSentence(streamed.body, data.text, citation ? [pendingCitationMarker(citation)] : []);
    streamed.next = typeof data.index === 'number' ? data.index + 1 : streamed.next + 1;
    streamed.count++;
  }

  /**
   * Another outcome (or an error) followed deltas: the sentences were verified,
   * so they stay, and the outcome's message goes after them.
   */
  function keepStreamedText(turn) {
    if (!turn.streamed) return;
    turn.streamed.body.setAttribute('data-state', 'kept');
    turn.streamed.body.removeAttribute('aria-busy');
    turn.streamed = null;
  }

  function renderAnswer(turn, data) {
    settleSteps(turn);
    const answer = buildAnswer(data.text, data.sentences, data.citations, turn.idPrefix);
    const streamed = turn.streamed;
    if (streamed && streamed.body.parentNode === turn.body) {
      // The whole answer (the same sentences, linked markers, Sources) takes the
      // streamed text's place: one answer per turn, where the customer was reading.
      answer.firstElementChild.setAttribute('data-streamed', String(streamed.count));
      streamed.body.replaceWith(answer);
      turn.streamed = null;
    } else {
      turn.body.appendChild(answer);
    }
    setOutcome(turn, 'answer');
  }

  function renderDontKnow(turn, data) {
    settleSteps(turn);
    turn.body.appendChild(
      el('p', { class: 'sd-text' }, data.text || "I'm not sure about that one, and I don't want to guess.")
    );
    turn.body.appendChild(el('div', { class: 'sd-actions' }, [turn.ctx.talkButton()]));
    setOutcome(turn, 'dont_know');
  }

  function renderHandoff(turn, data) {
    settleSteps(turn);
    turn.element.classList.add('sd-msg--handoff');
    turn.body.appendChild(buildHandoff(data.text, data.handoff_id));
    setOutcome(turn, 'handoff');
  }

  function renderRefusal(turn, data) {
    settleSteps(turn);
    turn.element.classList.add('sd-msg--refusal');
    turn.body.appendChild(el('p', { class: 'sd-text' }, data.text || "Sorry, I can't help with that here."));
    if (data.reason) turn.element.setAttribute('data-reason', data.reason);
    setOutcome(turn, 'refusal');
  }

  /** Error line + "Try again" button. Used for the `error` event and for failed requests. */
  function renderError(turn, data) {
    settleSteps(turn, 'failed');
    turn.element.classList.add('sd-msg--error');
    const retry = el(
      'button',
      { type: 'button', class: 'sd-btn sd-btn--secondary', 'data-testid': 'retry-button', 'data-sd-action': 'retry' },
      [icon('refresh'), 'Try again']
    );
    retry.addEventListener('click', function () {
      turn.ctx.retry(turn);
    });
    turn.body.appendChild(
      el('div', { class: 'sd-error', 'data-testid': 'error-message', 'data-code': data.code || null }, [
        el('p', { class: 'sd-text' }, data.message || 'Something went wrong while answering.'),
        el('div', { class: 'sd-actions' }, [retry]),
      ])
    );
    setOutcome(turn, 'error');
  }

  /** Collapses the thinking steps into "Answered in 14 ms", expandable to per-stage timings. */
  function renderDone(turn, data) {
    settleSteps(turn, turn.outcome === 'error' ? 'failed' : 'done');
    const outcome = turn.outcome || data.outcome || null;
    if (!turn.outcome && data.outcome) turn.element.setAttribute('data-outcome', data.outcome);
    if (data.turn_id) {
      turn.turnId = data.turn_id;
      turn.element.setAttribute('data-turn-id', data.turn_id);
    }
    if (typeof data.message_id === 'string' && data.message_id) turn.messageId = data.message_id;
    const details = el('details', { class: 'sd-turn-summary', 'data-testid': 'turn-summary' }, [
      el('summary', {}, [
        el('span', { class: 'sd-summary-icon', 'aria-hidden': 'true' }),
        summaryText(outcome, data.total_ms),
      ]),
    ]);
    if (turn.steps.childElementCount > 0) details.appendChild(turn.steps);
    const timings = orderedTimings(data.timings_ms);
    if (timings.length > 0 || typeof data.total_ms === 'number') {
      const dl = el('dl', { class: 'sd-timings', 'data-testid': 'timings' });
      timings.forEach(function (pair) {
        dl.appendChild(el('dt', {}, TIMING_LABELS[pair[0]] || humanize(pair[0])));
        dl.appendChild(el('dd', {}, formatDuration(pair[1])));
      });
      if (typeof data.total_ms === 'number') {
        dl.appendChild(el('dt', { class: 'sd-total' }, 'Total'));
        dl.appendChild(el('dd', { class: 'sd-total' }, formatDuration(data.total_ms)));
      }
      details.appendChild(dl);
    }
    const hasDetail = details.childElementCount > 1;
    // A request that failed before any step ran has nothing to summarise.
    const keep = hasDetail || typeof data.total_ms === 'number';
    if (keep) turn.thinking.replaceChildren(details);
    else turn.thinking.replaceChildren();
    turn.thinking.hidden = !keep;
    turn.thinking.setAttribute('data-state', 'done');
    turn.element.setAttribute('data-state', 'done');
    turn.completed = true;
  }

  const EVENT_RENDERERS = {
    status: renderStatus,
    intent: renderIntent,
    passages: renderPassages,
    delta: renderDelta,
    answer: renderAnswer,
    dont_know: renderDontKnow,
    handoff: renderHandoff,
    refusal: renderRefusal,
    error: renderError,
    done: renderDone,
  };

  /** Routes one parsed SSE event to its renderer. Unknown events are ignored. */
  function handleStreamEvent(turn, ev) {
    if (!turn.customerMessageId) turn.customerMessageId = messageIdFromEventId(ev.id);
    if (ev.event === 'done') turn.gotDone = true;
    const renderer = EVENT_RENDERERS[ev.event];
    if (!renderer) return;
    const data = ev.data && typeof ev.data === 'object' ? ev.data : {};
    renderer(turn, data);
    turn.ctx.scroll();
  }

  // ===========================================================================
  // Widget
  // ===========================================================================

  /** The message the contract asks for; the router hands off with reason `customer_asked`. */
  const TALK_TO_PERSON_TEXT = "I'd like to talk to a person, please.";

  const HUMAN_STATES = ['waiting_for_human', 'with_human'];

  const CONNECTION_TEXT = {
    idle: '',
    connecting: 'Connecting…',
    open: 'Live',
    reconnecting: 'Reconnecting…',
    offline: 'Offline — retrying',
  };

  function safeStorage() {
    try {
      const s = window.localStorage;
      const probe = '__supportd_probe__';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    } catch (_) {
      return null;
    }
  }

  function displayName(name) {
    if (typeof name !== 'string' || !name) return '';
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  /** Assistant outcomes and agent replies can be rated; notices and refusals cannot. */
  function isRateable(role, outcome) {
    if (role === 'agent') return true;
    return role === 'assistant' && (outcome === 'answer' || outcome === 'dont_know' || !outcome);
  }

  function stateNoticeText(data) {
    if (data && typeof data.text === 'string' && data.text) return data.text;
    const agent = displayName(data && data.agent);
    switch (data && data.status) {
      case 'with_human':
        return (agent || 'A person') + ' has joined the conversation.';
      case 'waiting_for_human':
        return 'Waiting for a person from our team…';
      case 'with_ai':
        return 'You are back with the ' + 'assistant.';
      case 'resolved':
        return 'This conversation was marked as resolved.';
      default:
        return '';
    }
  }

  function createWidget(mount, options) {
    const opts = options || {};
    const company = opts.company || 'our store';
    const config = {
      apiBase: (opts.apiBase || '').replace(/\/+$/, ''),
      company: company,
      assistantName: opts.assistantName || company + ' assistant',
      storageKey: opts.storageKey || 'supportd:' + company.toLowerCase().replace(/\s+/g, '-') + ':conversation',
      suggestions: opts.suggestions || [],
      greeting:
        opts.greeting ||
        'Hi! I can answer questions about orders, shipping, returns and warranties, with links to the policy I used. What can I help with?',
    };
    const storage = safeStorage();
    const uid = Math.random().toString(36).slice(2, 8);
    const state = {
      conversationId: null,
      status: 'with_ai',
      agent: null,
      connection: 'idle',
      busy: false,
      controller: null,
      turnSeq: 0,
      stickToBottom: true,
      stream: null,
      messages: new Map(), // message id -> <li>
      turnsByTurnId: new Map(), // turn id -> <li> of a finished turn whose message id is unknown
      pendingCustomer: [], // customer <li>s sent but not yet known by id (oldest first)
      activeTurn: null, // the turn whose POST stream is open
      held: [], // assistant messages from the stream that arrived while a turn was open
      sending: false, // a customer message is posted and its response has not begun
      stats: { streamMessages: 0, recoveredFromTranscript: 0, duplicatesSkipped: 0, reconnects: 0 },
    };

    // ---- static structure --------------------------------------------------
    const ids = {
      panel: 'sd-' + uid + '-panel',
      title: 'sd-' + uid + '-title',
      input: 'sd-' + uid + '-input',
      hint: 'sd-' + uid + '-hint',
    };

    const launcher = el(
      'button',
      {
        type: 'button',
        class: 'sd-launcher',
        'aria-controls': ids.panel,
        'aria-expanded': 'false',
        'data-testid': 'chat-launcher',
      },
      [icon('chat'), el('span', {}, 'Chat with us')]
    );
    const newButton = el(
      'button',
      { type: 'button', class: 'sd-icon-btn', 'data-testid': 'new-conversation', title: 'Start a new conversation' },
      [icon('refresh'), srOnly('Start a new conversation')]
    );
    const closeButton = el(
      'button',
      {
        type: 'button',
        class: 'sd-icon-btn',
        'aria-controls': ids.panel,
        'aria-expanded': 'true',
        'data-testid': 'chat-minimize',
        title: 'Minimise chat',
      },
      [icon('minimize'), srOnly('Minimise chat')]
    );
    const subtitle = el(
      'span',
      { class: 'sd-subtitle-text', 'data-testid': 'conversation-status' },
      'Answers from our store policies · a person is one click away'
    );
    const connectionText = el('span', { class: 'sd-conn-text' }, '');
    const connection = el(
      'span',
      { class: 'sd-conn', role: 'status', 'data-testid': 'connection-state', 'data-state': 'idle' },
      [el('span', { class: 'sd-conn-dot', 'aria-hidden': 'true' }), srOnly('Connection: '), connectionText]
    );
    const header = el('header', { class: 'sd-header' }, [
      el('span', { class: 'sd-logo', 'aria-hidden': 'true' }, [icon('leaf')]),
      el('div', { class: 'sd-heading' }, [
        el('h2', { class: 'sd-title', id: ids.title }, config.company + ' help'),
        el('p', { class: 'sd-subtitle' }, [subtitle, connection]),
      ]),
      el('div', { class: 'sd-header-actions' }, [newButton, closeButton]),
    ]);
    const list = el('ol', {
      class: 'sd-messages',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      'aria-label': 'Conversation with ' + config.assistantName,
      'data-testid': 'message-list',
      tabindex: '0',
    });
    const input = el('textarea', {
      id: ids.input,
      class: 'sd-input',
      rows: '1',
      maxlength: '4000',
      placeholder: 'Type your question…',
      'aria-describedby': ids.hint,
      autocomplete: 'off',
      'data-testid': 'message-input',
    });
    const sendButton = el('button', { type: 'submit', class: 'sd-send', 'data-testid': 'send-button' }, [
      icon('send'),
      srOnly('Send message'),
    ]);
    const talkMain = el(
      'button',
      { type: 'button', class: 'sd-btn sd-btn--ghost', 'data-testid': 'talk-to-person' },
      [icon('person'), 'Talk to a person']
    );
    const hint = el('p', { class: 'sd-hint', id: ids.hint }, [
      'Enter to send · Shift+Enter for a new line. Answers are automated and cite our policies.',
    ]);
    const form = el('form', { class: 'sd-composer', 'data-testid': 'composer', novalidate: true }, [
      el('div', { class: 'sd-composer-actions' }, [talkMain]),
      el('label', { class: 'sd-sr-only', for: ids.input }, 'Message ' + config.assistantName),
      el('div', { class: 'sd-input-row' }, [input, sendButton]),
      hint,
    ]);
    const panel = el(
      'section',
      { class: 'sd-panel', id: ids.panel, 'aria-labelledby': ids.title, 'data-testid': 'chat-panel' },
      [header, list, form]
    );

    mount.classList.add('sd-widget');
    mount.replaceChildren(panel, launcher);

    // ---- open / close --------------------------------------------------------
    function setOpen(open, moveFocus) {
      panel.hidden = !open;
      launcher.hidden = open;
      launcher.setAttribute('aria-expanded', String(open));
      mount.setAttribute('data-open', String(open));
      if (storage) storage.setItem(config.storageKey + ':open', open ? '1' : '0');
      if (moveFocus) (open ? input : launcher).focus();
      if (open) scrollToBottom(true);
    }

    launcher.addEventListener('click', function () {
      setOpen(true, true);
    });
    closeButton.addEventListener('click', function () {
      setOpen(false, true);
    });
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !e.defaultPrevented && !e.isComposing) {
        e.preventDefault();
        setOpen(false, true);
      }
    });

    // ---- scrolling -----------------------------------------------------------
    function nearBottom() {
      return list.scrollHeight - list.scrollTop - list.clientHeight < 96;
    }
    function scrollToBottom(force) {
      if (force || state.stickToBottom) {
        list.scrollTop = list.scrollHeight;
        state.stickToBottom = true;
      }
    }
    list.addEventListener('scroll', function () {
      state.stickToBottom = nearBottom();
    });

    // ---- busy / status / connection -------------------------------------------
    function setBusy(busy) {
      state.busy = busy;
      sendButton.disabled = busy;
      mount.setAttribute('data-busy', String(busy));
      list.setAttribute('aria-busy', String(busy));
      list.querySelectorAll('[data-sd-action]').forEach(function (button) {
        button.disabled = busy || button.hasAttribute('data-used');
      });
      updateTalkButton();
    }

    function withHuman() {
      return HUMAN_STATES.indexOf(state.status) !== -1;
    }

    function updateTalkButton() {
      talkMain.hidden = withHuman();
      talkMain.disabled = state.busy;
    }

    function setStatus(status, agent) {
      if (typeof status === 'string' && status) state.status = status;
      if (agent !== undefined) state.agent = agent || null;
      mount.setAttribute('data-status', state.status);
      const name = displayName(state.agent);
      let text;
      if (state.status === 'with_human') {
        text = 'You are chatting with ' + (name || 'a person from our team');
        input.placeholder = 'Write to ' + (name || 'our team') + '…';
        hint.textContent = 'Enter to send · Shift+Enter for a new line. A person from our team is replying.';
      } else if (state.status === 'waiting_for_human') {
        text = 'Waiting for a person from our team…';
        input.placeholder = 'Add anything that might help…';
        hint.textContent = 'Enter to send · Shift+Enter for a new line. Your messages go to our team.';
      } else {
        text = 'Answers from our store policies · a person is one click away';
        input.placeholder = 'Type your question…';
        hint.textContent = 'Enter to send · Shift+Enter for a new line. Answers are automated and cite our policies.';
      }
      subtitle.textContent = text;
      updateTalkButton();
    }

    function setConnection(value) {
      state.connection = value;
      connection.setAttribute('data-state', value);
      connectionText.textContent = CONNECTION_TEXT[value] || '';
      mount.setAttribute('data-connection', value);
    }

    // ---- conversation id + its event stream -----------------------------------
    function rememberConversation(id) {
      state.conversationId = id;
      if (storage) {
        if (id) storage.setItem(config.storageKey, id);
        else storage.removeItem(config.storageKey);
      }
    }

    function closeStream() {
      if (state.stream) state.stream.close();
      state.stream = null;
      setConnection('idle');
    }

    function openStream(after) {
      closeStream();
      const id = state.conversationId;
      let wasDown = false;
      state.stream = openConversationStream(config.apiBase, id, after, {
        onEvent: function (name, data) {
          if (state.conversationId !== id || !data) return;
          if (name === 'message') {
            state.stats.streamMessages++;
            ingestMessage(data.message);
          } else if (name === 'state') {
            applyStateEvent(data);
          }
        },
        onState: function (value) {
          if (state.conversationId !== id) return;
          if (value === 'reconnecting' || value === 'offline') wasDown = true;
          if (value === 'open' && wasDown) {
            wasDown = false;
            state.stats.reconnects++;
            catchUp(id);
          }
          setConnection(value);
        },
      });
    }

    /**
     * After a reconnect the stream replays what we missed (Last-Event-ID). As a
     * second line of defence the transcript is read too; messages are keyed by
     * id, so nothing shows twice.
     */
    async function catchUp(id) {
      try {
        const conversation = await fetchConversation(config.apiBase, id);
        if (state.conversationId !== id || !conversation) return;
        (conversation.messages || []).forEach(function (msg) {
          if (msg && msg.id && !state.messages.has(msg.id) && !isHeld(msg.id)) {
            state.stats.recoveredFromTranscript++;
            ingestMessage(msg);
          }
        });
        if (conversation.status) setStatus(conversation.status, conversation.agent);
      } catch (_) {
        // the stream itself is the source of truth; ignore
      }
    }

    async function ensureConversation(signal) {
      if (!state.conversationId) {
        rememberConversation(await createConversation(config.apiBase, signal));
        openStream(0);
      }
      return state.conversationId;
    }

    // ---- messages, keyed by id ---------------------------------------------------
    function isHeld(id) {
      return state.held.some(function (m) {
        return m.id === id;
      });
    }

    function registerMessage(id, node) {
      if (!id || !node) return;
      node.setAttribute('data-message-id', id);
      state.messages.set(id, node);
      const rating = node.querySelector('[data-testid="rating"]');
      if (rating) rating.querySelectorAll('button').forEach(function (b) {
        b.disabled = false;
      });
    }

    function appendMessage(node, force) {
      list.appendChild(node);
      scrollToBottom(force);
    }

    /** Helpful / not helpful, shown as pressed toggle buttons. */
    function ratingControls(initial) {
      const up = el(
        'button',
        { type: 'button', class: 'sd-rate', 'data-testid': 'rate-helpful', 'aria-pressed': 'false', title: 'Helpful' },
        [icon('thumbUp'), srOnly('Helpful')]
      );
      const down = el(
        'button',
        { type: 'button', class: 'sd-rate', 'data-testid': 'rate-not-helpful', 'aria-pressed': 'false', title: 'Not helpful' },
        [icon('thumbDown'), srOnly('Not helpful')]
      );
      const note = el('span', { class: 'sd-rate-note', 'aria-live': 'polite' }, '');
      const group = el('div', { class: 'sd-rating', role: 'group', 'aria-label': 'Was this helpful?', 'data-testid': 'rating' }, [
        el('span', { class: 'sd-rate-label', 'aria-hidden': 'true' }, 'Helpful?'),
        up,
        down,
        note,
      ]);
      function show(value) {
        up.setAttribute('aria-pressed', String(value === true));
        down.setAttribute('aria-pressed', String(value === false));
        group.setAttribute('data-rating', value === true ? 'helpful' : value === false ? 'not_helpful' : '');
      }
      async function rate(value) {
        const li = group.closest('[data-message-id]');
        if (!li || !state.conversationId) return;
        const previous = group.getAttribute('data-rating');
        show(value);
        note.textContent = '';
        try {
          const body = await rateMessage(config.apiBase, state.conversationId, li.getAttribute('data-message-id'), value);
          show(body && typeof body.helpful === 'boolean' ? body.helpful : value);
          note.textContent = 'Thanks for the feedback.';
        } catch (err) {
          show(previous === 'helpful' ? true : previous === 'not_helpful' ? false : null);
          note.textContent = "Couldn't save that. Please try again.";
        }
      }
      up.addEventListener('click', function () {
        rate(true);
      });
      down.addEventListener('click', function () {
        rate(false);
      });
      up.disabled = true; // enabled once the message id is known
      down.disabled = true;
      show(typeof initial === 'boolean' ? initial : null);
      return group;
    }

    function customerMessage(text) {
      return el('li', { class: 'sd-msg sd-msg--customer', 'data-testid': 'message', 'data-role': 'customer' }, [
        el('div', { class: 'sd-bubble' }, [srOnly('You said: '), el('p', { class: 'sd-text' }, text)]),
      ]);
    }

    function agentMessage(msg) {
      const author = displayName(msg.author);
      const li = el('li', { class: 'sd-msg sd-msg--agent', 'data-testid': 'message', 'data-role': 'agent' }, [
        el('div', { class: 'sd-bubble' }, [
          el('p', { class: 'sd-sender' }, [
            icon('person'),
            (author ? author + ' · ' : '') + config.company + ' team',
            srOnly(' said: '),
          ]),
          agentBody(msg),
          ratingControls(msg.rating),
        ]),
      ]);
      return li;
    }

    /** An agent's text; when it quotes a draft with citations, its [n] markers link to the sources. */
    function agentBody(msg) {
      const text = typeof msg.text === 'string' ? msg.text : '';
      const citations = normalizeCitations(msg.citations);
      const body = el('div', { class: 'sd-text', 'data-testid': 'message-text' });
      if (citations.length === 0) {
        body.textContent = text;
        return body;
      }
      const prefix = 'sd-' + uid + '-m' + ++state.turnSeq;
      const byIndex = {};
      citations.forEach(function (c) {
        byIndex[c.index] = c;
      });
      appendTextWithMarkers(body, text, byIndex, prefix);
      return el('div', { class: 'sd-body' }, [body, buildSources(citations, prefix)]);
    }

    function talkButton() {
      const button = el(
        'button',
        {
          type: 'button',
          class: 'sd-btn sd-btn--secondary',
          'data-testid': 'talk-to-person-inline',
          'data-sd-action': 'talk',
        },
        [icon('person'), 'Talk to a person']
      );
      button.disabled = state.busy;
      button.addEventListener('click', function () {
        if (state.busy) return;
        button.setAttribute('data-used', '');
        button.disabled = true;
        submitText(TALK_TO_PERSON_TEXT);
        input.focus();
      });
      return button;
    }
    talkMain.addEventListener('click', function () {
      if (submitText(TALK_TO_PERSON_TEXT)) input.focus();
    });

    function welcomeMessage(withSuggestions) {
      const bubble = el('div', { class: 'sd-bubble' }, [
        srOnly(config.assistantName + ' said: '),
        el('p', { class: 'sd-text' }, config.greeting),
      ]);
      if (withSuggestions && config.suggestions.length) {
        const chips = el('div', { class: 'sd-suggestions', role: 'group', 'aria-label': 'Suggested questions' });
        config.suggestions.forEach(function (text) {
          const chip = el(
            'button',
            { type: 'button', class: 'sd-chip', 'data-testid': 'suggestion', 'data-sd-action': 'suggest' },
            text
          );
          chip.addEventListener('click', function () {
            if (submitText(text)) input.focus();
          });
          chips.appendChild(chip);
        });
        bubble.appendChild(chips);
      }
      return el('li', { class: 'sd-msg sd-msg--assistant sd-msg--welcome', 'data-testid': 'welcome-message' }, [bubble]);
    }

    function removeSuggestions() {
      list.querySelectorAll('.sd-suggestions').forEach(function (node) {
        node.remove();
      });
    }

    function systemNote(text, testid) {
      return el('li', { class: 'sd-msg sd-msg--system', 'data-testid': testid || 'system-message' }, [
        el('p', { class: 'sd-text' }, text),
      ]);
    }

    /** Renders one stored message (transcript or `message` event). */
    function storedMessage(msg, isLast) {
      const text = typeof msg.text === 'string' ? msg.text : '';
      if (msg.role === 'customer') return customerMessage(text);
      if (msg.role === 'agent') return agentMessage(msg);
      if (msg.role !== 'assistant') return systemNote(text);
      const outcome = msg.outcome || 'answer';
      const body = el('div', { class: 'sd-body' });
      const bubble = el('div', { class: 'sd-bubble' }, [srOnly(config.assistantName + ' said: '), body]);
      const li = el(
        'li',
        {
          class: 'sd-msg sd-msg--assistant',
          'data-testid': 'message',
          'data-role': 'assistant',
          'data-outcome': outcome,
          'data-state': 'done',
          'data-turn-id': msg.turn_id || null,
        },
        [bubble]
      );
      if (outcome === 'handoff') {
        li.classList.add('sd-msg--handoff');
        body.appendChild(buildHandoff(text, null));
      } else if (outcome === 'refusal') {
        li.classList.add('sd-msg--refusal');
        body.appendChild(el('p', { class: 'sd-text' }, text));
      } else if (outcome === 'dont_know') {
        body.appendChild(el('p', { class: 'sd-text' }, text));
        if (isLast && !withHuman()) body.appendChild(el('div', { class: 'sd-actions' }, [talkButton()]));
      } else {
        body.appendChild(buildAnswer(text, null, msg.citations, 'sd-' + uid + '-m' + ++state.turnSeq));
      }
      if (isRateable('assistant', outcome)) bubble.appendChild(ratingControls(msg.rating));
      return li;
    }

    /** One message from the conversation stream (or a catch-up read): shown once. */
    function ingestMessage(msg) {
      if (!msg || typeof msg.id !== 'string' || !msg.id) return;
      if (state.messages.has(msg.id)) {
        state.stats.duplicatesSkipped++;
        return;
      }
      if (msg.role === 'customer') {
        // Our own message echoed back: attach the id to the bubble we already show.
        const pending = state.pendingCustomer.shift();
        if (pending) {
          registerMessage(msg.id, pending);
          return;
        }
      } else if (msg.role === 'assistant') {
        // The open turn renders this reply itself; decide when its stream ends. A
        // message sent but not yet answered counts too: the reply can come in on the
        // conversation stream before the POST response's first bytes do.
        if (state.activeTurn || state.sending) {
          if (!isHeld(msg.id)) state.held.push(msg);
          return;
        }
        const turnNode = msg.turn_id ? state.turnsByTurnId.get(msg.turn_id) : null;
        if (turnNode) {
          state.turnsByTurnId.delete(msg.turn_id);
          registerMessage(msg.id, turnNode);
          return;
        }
      }
      removeSuggestions();
      const node = storedMessage(msg, false);
      registerMessage(msg.id, node);
      appendMessage(node, msg.role === 'customer');
    }

    function applyStateEvent(data) {
      setStatus(data.status, data.agent === undefined ? null : data.agent);
      const text = stateNoticeText(data);
      if (!text) return;
      const note = systemNote(text, 'state-notice');
      note.setAttribute('data-status', data.status || '');
      if (data.reason) note.setAttribute('data-reason', data.reason);
      appendMessage(note, false);
    }

    // ---- turns ---------------------------------------------------------------
    const turnContext = {
      assistantName: config.assistantName,
      talkButton: talkButton,
      retry: function (turn) {
        if (state.busy) return;
        turn.element.remove();
        if (turn.customerNode && !turn.customerNode.hasAttribute('data-message-id')) {
          state.pendingCustomer.push(turn.customerNode);
        }
        runTurn(turn.retryText, turn.customerNode);
        input.focus();
      },
      scroll: function () {
        scrollToBottom(false);
      },
    };

    function errorInfo(err) {
      if (err instanceof ApiError) return { code: err.code, message: err.message };
      return {
        code: 'network_error',
        message: "We couldn't reach our help service. Check your connection and try again.",
      };
    }

    function claimCustomerNode(node, id) {
      if (!node || !id) return;
      const i = state.pendingCustomer.indexOf(node);
      if (i !== -1) state.pendingCustomer.splice(i, 1);
      if (!state.messages.has(id)) registerMessage(id, node);
    }

    /** No turn opened (a person has the conversation, or the send failed): show what was held. */
    function releaseHeld() {
      const held = state.held;
      state.held = [];
      held.forEach(ingestMessage);
    }

    /** The POST stream ended: give the turn's bubble its message id, settle held replies. */
    function finishTurn(turn) {
      if (state.activeTurn === turn) state.activeTurn = null;
      claimCustomerNode(turn.customerNode, turn.customerMessageId);
      const held = state.held;
      state.held = [];
      let owned = false;
      if (turn.messageId && !state.messages.has(turn.messageId)) {
        registerMessage(turn.messageId, turn.element);
        owned = true;
      }
      held.forEach(function (msg) {
        if (msg.id === turn.messageId) return;
        if (!owned && turn.turnId && msg.turn_id === turn.turnId) {
          registerMessage(msg.id, turn.element);
          owned = true;
          return;
        }
        if (!owned && !turn.gotDone && turn.element.isConnected) {
          // The POST stream broke, but the reply was stored: show the stored one instead.
          const node = storedMessage(msg, true);
          registerMessage(msg.id, node);
          turn.element.replaceWith(node);
          owned = true;
          return;
        }
        ingestMessage(msg);
      });
      if (!owned && turn.turnId) state.turnsByTurnId.set(turn.turnId, turn.element);
      if (turn.gotDone && isRateable('assistant', turn.outcome) && turn.element.isConnected) {
        const rating = ratingControls(null);
        turn.bubble.appendChild(rating);
        if (turn.element.hasAttribute('data-message-id')) registerMessage(turn.element.getAttribute('data-message-id'), turn.element);
      }
    }

    function newTurn(text, customerNode) {
      const turn = createTurn(turnContext, 'sd-' + uid + '-t' + ++state.turnSeq, text);
      turn.customerNode = customerNode;
      state.activeTurn = turn;
      appendMessage(turn.element, true);
      return turn;
    }

    async function runTurn(text, customerNode) {
      setBusy(true);
      state.sending = true;
      const controller = new AbortController();
      state.controller = controller;
      let turn = null;
      const send = async function () {
        const conversationId = await ensureConversation(controller.signal);
        return sendMessage(config.apiBase, conversationId, text, {
          signal: controller.signal,
          onResponse: function () {
            // Only an AI turn streams: its bubble and thinking steps appear now.
            state.sending = false;
            if (!turn) turn = newTurn(text, customerNode);
          },
          onEvent: function (ev) {
            if (controller.signal.aborted || !turn) return;
            handleStreamEvent(turn, ev);
            if (turn.customerMessageId) claimCustomerNode(customerNode, turn.customerMessageId);
          },
        });
      };
      try {
        let result;
        try {
          result = await send();
        } catch (err) {
          // The stored conversation may be gone (e.g. the server was reset):
          // start a fresh one once and resend.
          if (err instanceof ApiError && err.status === 404 && !turn && !controller.signal.aborted) {
            closeStream();
            rememberConversation(null);
            result = await send();
          } else {
            throw err;
          }
        }
        if (controller.signal.aborted) return;
        if (result.kind === 'accepted') {
          const body = result.body || {};
          const message = body.message || {};
          claimCustomerNode(customerNode, message.id);
          if (customerNode) customerNode.setAttribute('data-delivered', 'human');
          setStatus(body.status || state.status, body.agent === undefined ? state.agent : body.agent);
          return;
        }
        if (!turn.hasContent) {
          renderError(turn, { code: 'interrupted', message: 'The reply was interrupted before it finished.' });
        }
        if (!turn.completed) renderDone(turn, {});
        else if (turn.outcome === 'handoff') setStatus('waiting_for_human');
      } catch (err) {
        if (controller.signal.aborted) return;
        if (!turn) turn = newTurn(text, customerNode);
        renderError(turn, errorInfo(err));
        if (!turn.completed) renderDone(turn, {});
      } finally {
        state.sending = false;
        if (turn) finishTurn(turn);
        else releaseHeld();
        if (state.controller === controller) {
          state.controller = null;
          setBusy(false);
        }
        scrollToBottom(false);
      }
    }

    /** Sends the text as the customer. Returns false when nothing was sent. */
    function submitText(raw) {
      if (state.busy) return false;
      const text = String(raw || '').trim();
      if (!text) return false;
      removeSuggestions();
      const node = customerMessage(text);
      state.pendingCustomer.push(node);
      appendMessage(node, true);
      runTurn(text, node);
      return true;
    }

    // ---- composer ------------------------------------------------------------
    function autosize() {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight, 160) + 'px';
      input.style.overflowY = input.scrollHeight > 160 ? 'auto' : 'hidden';
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (submitText(input.value)) {
        input.value = '';
        autosize();
      }
      input.focus();
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        if (submitText(input.value)) {
          input.value = '';
          autosize();
        }
      }
    });
    input.addEventListener('input', autosize);

    // Citation marker -> open Sources and jump to the entry.
    list.addEventListener('click', function (e) {
      const link = e.target instanceof Element ? e.target.closest('a[data-citation]') : null;
      if (!link) return;
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      e.preventDefault();
      const details = target.closest('details');
      if (details) details.open = true;
      target.classList.remove('sd-source--flash');
      void target.offsetWidth; // restart the highlight animation
      target.classList.add('sd-source--flash');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    });

    window.addEventListener('online', function () {
      if (state.stream) state.stream.kick();
    });

    // ---- new conversation ----------------------------------------------------
    function clearConversationState() {
      if (state.controller) state.controller.abort();
      state.controller = null;
      closeStream();
      state.messages.clear();
      state.turnsByTurnId.clear();
      state.pendingCustomer = [];
      state.held = [];
      state.sending = false;
      state.activeTurn = null;
    }

    function reset() {
      clearConversationState();
      rememberConversation(null);
      setStatus('with_ai', null);
      list.replaceChildren(welcomeMessage(true));
      setBusy(false);
      input.focus();
    }
    newButton.addEventListener('click', reset);

    // ---- restore after reload: transcript, then the stream after its last event ----
    async function restore() {
      const saved = storage ? storage.getItem(config.storageKey) : null;
      if (!saved) {
        list.replaceChildren(welcomeMessage(true));
        return;
      }
      state.conversationId = saved;
      list.replaceChildren(systemNote('Loading your conversation…', 'restore-note'));
      setBusy(true);
      try {
        const conversation = await fetchConversation(config.apiBase, saved);
        const messages = conversation && Array.isArray(conversation.messages) ? conversation.messages : [];
        setStatus(conversation.status || 'with_ai', conversation.agent || null);
        list.replaceChildren(welcomeMessage(messages.length === 0));
        messages.forEach(function (msg, i) {
          if (!msg || !msg.id || state.messages.has(msg.id)) return;
          const node = storedMessage(msg, i === messages.length - 1);
          registerMessage(msg.id, node);
          list.appendChild(node);
        });
        openStream(typeof conversation.last_event_id === 'number' ? conversation.last_event_id : 0);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) {
          rememberConversation(null);
          list.replaceChildren(welcomeMessage(true));
        } else {
          list.replaceChildren(
            welcomeMessage(false),
            systemNote("We couldn't load your earlier messages. You can keep chatting below.")
          );
          openStream(null);
        }
      } finally {
        setBusy(false);
        scrollToBottom(true);
      }
    }

    const savedOpen = storage ? storage.getItem(config.storageKey + ':open') : null;
    setOpen(savedOpen === null ? opts.open !== false : savedOpen === '1', false);
    setStatus('with_ai', null);
    restore();

    return {
      open: function () {
        setOpen(true, true);
      },
      close: function () {
        setOpen(false, true);
      },
      /** Opens the panel and sends `text` as the customer. */
      ask: function (text) {
        setOpen(true, false);
        const sent = submitText(text);
        input.focus();
        return sent;
      },
      reset: reset,
      get conversationId() {
        return state.conversationId;
      },
      get status() {
        return state.status;
      },
      get connection() {
        return state.connection;
      },
      get stats() {
        return Object.assign({}, state.stats);
      },
    };
  }

  // ===========================================================================
  // Auto-start + exports
  // ===========================================================================

  const api = {
    createSSEParser: createSSEParser,
    readEventStream: readEventStream,
    readEventStreamAsync: readEventStreamAsync,
    parseEventData: parseEventData,
    formatDuration: formatDuration,
    summaryText: summaryText,
    messageIdFromEventId: messageIdFromEventId,
    createConversation: createConversation,
    fetchConversation: fetchConversation,
    sendMessage: sendMessage,
    rateMessage: rateMessage,
    openConversationStream: openConversationStream,
    ApiError: ApiError,
    createWidget: createWidget,
    renderers: EVENT_RENDERERS,
    instances: [],
  };

  if (typeof module === 'object' && module && module.exports) module.exports = api;

  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    window.SupportWidget = api;

    const start = function () {
      document.querySelectorAll('[data-supportd-widget]').forEach(function (mount) {
        const d = mount.dataset;
        const suggestions = (d.suggestions || '')
          .split('|')
          .map(function (s) {
            return s.trim();
          })
          .filter(Boolean);
        api.instances.push(
          createWidget(mount, {
            apiBase: d.apiBase || '',
            company: d.company,
            assistantName: d.assistantName,
            greeting: d.greeting,
            suggestions: suggestions,
            open: d.open !== 'false',
          })
        );
      });
      // Page buttons like <button data-supportd-ask="Where is my order?"> ask the first widget.
      document.addEventListener('click', function (e) {
        const trigger = e.target instanceof Element ? e.target.closest('[data-supportd-ask]') : null;
        if (!trigger || !api.instances.length) return;
        e.preventDefault();
        api.instances[0].ask(trigger.getAttribute('data-supportd-ask'));
      });
    };

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
