/*
 * supportd agent console.
 *
 * Plain JavaScript, no dependencies, no build step. Talks to the console API of
 * docs/human-loop-api.md with `Authorization: Bearer <token>`. EventSource cannot
 * send that header, so both live streams (the queue and the open conversation)
 * are read with fetch() and parsed here.
 *
 * Server text is never parsed as HTML: everything is built with createElement /
 * textContent.
 */
(function () {
  'use strict';

  const TOKEN_KEY = 'supportd-console:token';

  // ===========================================================================
  // Server-sent events: frame parser + a reconnecting fetch reader
  // ===========================================================================

  // The event-stream parser is the widget's (widget.js, loaded first by console.html).
  const createSSEParser = window.SupportWidget.createSSEParser;

  /**
   * Reads an authenticated event stream with fetch and reconnects with backoff
   * (1 s doubling to 30 s, with jitter), sending Last-Event-ID.
   *
   *   const s = openStream({ url, token, onEvent(name, data, id), onState(state), onAuthError() });
   *   s.close();
   */
  function openStream(opts) {
    let controller = null;
    let closed = false;
    let attempt = 0;
    let timer = null;
    let lastId = opts.lastEventId != null ? String(opts.lastEventId) : '';

    function state(value, detail) {
      if (opts.onState) opts.onState(value, detail);
    }

    async function run() {
      if (closed) return;
      controller = new AbortController();
      state(attempt === 0 ? 'connecting' : 'reconnecting');
      let url = opts.url;
      const headers = { Authorization: 'Bearer ' + opts.token, Accept: 'text/event-stream' };
      if (lastId !== '') headers['Last-Event-ID'] = lastId;
      else if (opts.after != null) url += (url.indexOf('?') === -1 ? '?' : '&') + 'after=' + opts.after;
      try {
        const response = await fetch(url, { headers: headers, signal: controller.signal, cache: 'no-store' });
        if (response.status === 401) {
          closed = true;
          state('closed');
          if (opts.onAuthError) opts.onAuthError();
          return;
        }
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        attempt = 0;
        state('open');
        if (opts.onOpen) opts.onOpen();
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const parser = createSSEParser();
        for (;;) {
          const part = await reader.read();
          if (part.done) break;
          const events = parser.push(decoder.decode(part.value, { stream: true }));
          for (const ev of events) {
            if (ev.id) lastId = ev.id;
            let payload = null;
            try {
              payload = JSON.parse(ev.data);
            } catch (_) {
              payload = null;
            }
            opts.onEvent(ev.event, payload, ev.id);
          }
        }
        throw new Error('stream ended');
      } catch (err) {
        if (closed) return;
        attempt++;
        const delay = Math.min(30000, 1000 * Math.pow(2, attempt - 1)) * (0.75 + Math.random() * 0.5);
        state('reconnecting', Math.round(delay / 1000));
        timer = setTimeout(run, delay);
      }
    }

    run();
    return {
      close: function () {
        closed = true;
        clearTimeout(timer);
        if (controller) controller.abort();
      },
      get lastEventId() {
        return lastId;
      },
    };
  }

  // ===========================================================================
  // Small helpers
  // ===========================================================================

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        const value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        node.setAttribute(name, value === true ? '' : String(value));
      });
    }
    (Array.isArray(children) ? children : [children]).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  const $ = function (selector, root) {
    return (root || document).querySelector(selector);
  };
  const tid = function (name, root) {
    return $('[data-testid="' + name + '"]', root);
  };

  function humanize(value) {
    return value == null ? '' : String(value).replace(/[_-]+/g, ' ').trim();
  }

  function cap(value) {
    const s = humanize(value);
    return s ? s.charAt(0).toUpperCase() + s.slice(1) : '';
  }

  function formatWait(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0) seconds = 0;
    seconds = Math.floor(seconds);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    if (h > 0) return h + 'h ' + String(m).padStart(2, '0') + 'm';
    if (m > 0) return m + 'm ' + String(s).padStart(2, '0') + 's';
    return s + 's';
  }

  function formatTime(iso) {
    const d = iso ? new Date(iso) : null;
    if (!d || isNaN(d)) return iso || '';
    return d.toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', month: 'short', day: 'numeric' });
  }

  function timeEl(iso) {
    return el('time', { datetime: iso || null }, formatTime(iso));
  }

  function percent(x) {
    return typeof x === 'number' ? Math.round(x * 100) + '%' : '–';
  }

  function statusBadge(status, testid) {
    return el('span', { class: 'badge badge-' + (status || 'unknown'), 'data-testid': testid || null, 'data-status': status || '' }, cap(status) || 'Unknown');
  }

  function section(title, testid, children, open) {
    return el('details', { class: 'card', 'data-testid': testid, open: open === false ? null : true }, [
      el('summary', {}, el('h3', {}, title)),
      el('div', { class: 'card-body' }, children),
    ]);
  }

  function citationList(citations) {
    if (!Array.isArray(citations) || citations.length === 0) return null;
    return el(
      'ol',
      { class: 'citations' },
      citations.map(function (c) {
        return el('li', { 'data-testid': 'citation' }, [
          el('strong', {}, c.document_title || c.document_id || 'Policy'),
          c.section ? ' › ' + c.section : '',
          c.version ? el('span', { class: 'muted' }, ' (v' + c.version + ')') : '',
          c.quote ? el('blockquote', {}, c.quote) : null,
        ]);
      })
    );
  }

  // ===========================================================================
  // Console
  // ===========================================================================

  const app = {
    token: null,
    agent: null,
    queue: [],
    queueReceivedAt: 0,
    queueStream: null,
    pollTimer: null,
    open: null, // {id, data, stream, messages: Map, draft, replyMode}
  };

  // ---- errors ------------------------------------------------------------------
  let toastTimer = null;
  function showError(message) {
    const toast = tid('console-error');
    toast.textContent = message;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
      toast.hidden = true;
    }, 6000);
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + app.token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    let payload = null;
    try {
      payload = await response.json();
    } catch (_) {
      payload = null;
    }
    if (!response.ok) {
      const err = (payload && payload.error) || {};
      if (response.status === 401 && app.agent) {
        logout('Your session is no longer valid. Please sign in again.');
      }
      throw new ApiError(response.status, err.code || 'http_' + response.status, err.message || 'Request failed (HTTP ' + response.status + ').');
    }
    return payload;
  }

  function explain(err) {
    if (!(err instanceof ApiError)) return "Couldn't reach the server. Check the connection and try again.";
    switch (err.code) {
      case 'already_claimed':
        return 'Another agent already has this conversation. ' + err.message;
      case 'not_owner':
        return 'You need to claim this conversation first. ' + err.message;
      case 'no_customer_message':
        return 'There is no customer message to draft a reply to.';
      default:
        return err.message;
    }
  }

  // ---- login -------------------------------------------------------------------
  function showView(name) {
    tid('login-view').hidden = name !== 'login';
    tid('console-view').hidden = name !== 'console';
    tid('session').hidden = name !== 'console';
  }

  async function login(token, fromStorage) {
    app.token = token;
    try {
      const me = await api('GET', '/v1/console/me');
      app.agent = me && me.agent ? me.agent : null;
      if (!app.agent) throw new ApiError(0, 'bad_response', 'The server did not say who you are.');
      sessionStorage.setItem(TOKEN_KEY, token);
      tid('agent-name').textContent = cap(app.agent);
      document.body.setAttribute('data-agent', app.agent);
      showView('console');
      startQueue();
      const wanted = location.hash.match(/^#conv=(.+)$/);
      if (wanted) openConversation(decodeURIComponent(wanted[1]));
      return true;
    } catch (err) {
      app.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      showView('login');
      const box = tid('login-error');
      box.textContent =
        err instanceof ApiError && err.status === 401
          ? fromStorage
            ? 'Your session has ended. Please sign in again.'
            : 'That token was not accepted.'
          : explain(err);
      box.hidden = false;
      tid('login-token').focus();
      return false;
    }
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (app.queueStream) app.queueStream.close();
    app.queueStream = null;
    clearInterval(app.pollTimer);
    closeConversation();
    app.token = null;
    app.agent = null;
    document.body.removeAttribute('data-agent');
    tid('queue-list').replaceChildren();
    showView('login');
    const box = tid('login-error');
    box.textContent = message || '';
    box.hidden = !message;
    tid('login-token').value = '';
    tid('login-token').focus();
  }

  tid('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    const token = tid('login-token').value.trim();
    const box = tid('login-error');
    if (token.length < 8) {
      box.textContent = 'Agent tokens have at least 8 characters.';
      box.hidden = false;
      return;
    }
    box.hidden = true;
    tid('login-submit').disabled = true;
    login(token, false).finally(function () {
      tid('login-submit').disabled = false;
    });
  });
  tid('logout').addEventListener('click', function () {
    logout('');
  });

  // ---- queue -------------------------------------------------------------------
  function setConn(node, value, detail) {
    node.setAttribute('data-state', value);
    const text = {
      connecting: 'Connecting…',
      open: 'Live',
      reconnecting: detail ? 'Reconnecting in ' + detail + ' s…' : 'Reconnecting…',
      polling: 'Refreshing every 5 s',
      closed: 'Disconnected',
    }[value];
    $('.conn-text', node).textContent = text || value;
  }

  function startQueue() {
    if (app.queueStream) app.queueStream.close();
    app.queueStream = openStream({
      url: '/v1/console/queue/events',
      token: app.token,
      onEvent: function (name, data) {
        if (name === 'queue' && data && Array.isArray(data.entries)) setQueue(data.entries);
      },
      onState: function (value, detail) {
        setConn(tid('queue-connection'), value, detail);
        // Until the live stream is back, read the queue once so nothing looks stale.
        if (value === 'reconnecting') refreshQueueOnce();
      },
      onAuthError: function () {
        logout('Your session is no longer valid. Please sign in again.');
      },
    });
  }

  async function refreshQueueOnce() {
    try {
      const body = await api('GET', '/v1/console/queue');
      if (body && Array.isArray(body.entries)) setQueue(body.entries);
    } catch (_) {
      // the stream reconnects by itself
    }
  }

  function entryWaitingSince(entry) {
    const t = Date.parse(entry.waiting_since || '');
    if (!isNaN(t)) return t;
    if (typeof entry.waiting_seconds === 'number') return app.queueReceivedAt - entry.waiting_seconds * 1000;
    return app.queueReceivedAt;
  }

  function setQueue(entries) {
    app.queue = entries;
    app.queueReceivedAt = Date.now();
    renderQueue();
    if (app.open) {
      const entry = entries.find(function (e) {
        return e.conversation_id === app.open.id;
      });
      if (entry) updateOwnership(entry.status, entry.owner, entry.lease_expires_at);
    }
  }

  function renderQueue() {
    const list = tid('queue-list');
    tid('queue-count').textContent = String(app.queue.length);
    tid('queue-empty').hidden = app.queue.length > 0;
    const nodes = app.queue.map(function (entry) {
      const packet = (entry.handoff && entry.handoff.packet) || {};
      const frustration = (packet.frustration && packet.frustration.level) || 'none';
      const reason = (entry.handoff && entry.handoff.reason) || packet.reason || '';
      const mine = entry.owner && entry.owner === app.agent;
      const button = el(
        'button',
        {
          type: 'button',
          class: 'queue-entry',
          'data-testid': 'queue-entry',
          'data-conversation-id': entry.conversation_id,
          'data-status': entry.status,
          'aria-current': app.open && app.open.id === entry.conversation_id ? 'true' : null,
        },
        [
          el('span', { class: 'qe-row' }, [
            el('span', { class: 'qe-reason', 'data-testid': 'queue-reason' }, cap(reason) || 'Hand-over'),
            el(
              'span',
              { class: 'qe-wait', 'data-testid': 'queue-waiting', 'data-since': String(entryWaitingSince(entry)), title: 'Waiting time' },
              formatWait((Date.now() - entryWaitingSince(entry)) / 1000)
            ),
          ]),
          el('span', { class: 'qe-row' }, [
            el('span', { class: 'frustration frustration-' + frustration, 'data-testid': 'queue-frustration', 'data-level': frustration }, 'Frustration: ' + frustration),
            statusBadge(entry.status, 'queue-status'),
          ]),
          entry.last_customer_message
            ? el('span', { class: 'qe-last' }, '“' + entry.last_customer_message + '”')
            : null,
          el('span', { class: 'qe-row qe-foot' }, [
            el('span', { 'data-testid': 'queue-owner', 'data-owner': entry.owner || '' }, entry.owner ? (mine ? 'You' : cap(entry.owner)) : 'Unassigned'),
            packet.intent ? el('span', { class: 'muted' }, humanize(packet.intent)) : null,
            typeof entry.priority === 'number' ? el('span', { class: 'muted', title: 'Priority (higher first)' }, 'priority ' + entry.priority.toFixed(2)) : null,
          ]),
        ]
      );
      button.addEventListener('click', function () {
        openConversation(entry.conversation_id);
      });
      return el('li', {}, button);
    });
    list.replaceChildren.apply(list, nodes);
  }

  function leaseText(iso) {
    const left = (Date.parse(iso) - Date.now()) / 1000;
    return isNaN(left) ? '' : left > 0 ? 'lease ends in ' + formatWait(left) : 'lease expired';
  }

  // Waiting times and leases tick every second.
  setInterval(function () {
    document.querySelectorAll('[data-since]').forEach(function (node) {
      node.textContent = formatWait((Date.now() - Number(node.getAttribute('data-since'))) / 1000);
    });
    document.querySelectorAll('[data-lease-expires]').forEach(function (node) {
      node.textContent = leaseText(node.getAttribute('data-lease-expires'));
    });
  }, 1000);

  // ---- conversation ----------------------------------------------------------------
  function closeConversation() {
    if (app.open && app.open.stream) app.open.stream.close();
    app.open = null;
    const box = tid('conversation');
    box.replaceChildren();
    box.hidden = true;
    tid('detail-empty').hidden = false;
  }

  async function openConversation(id) {
    if (app.open && app.open.id === id) return;
    closeConversation();
    app.open = { id: id, data: null, stream: null, messages: new Map(), draft: null, replyMode: 'plain', renderedAt: 0 };
    history.replaceState(null, '', '#conv=' + encodeURIComponent(id));
    renderQueue();
    tid('detail-empty').hidden = true;
    const box = tid('conversation');
    box.hidden = false;
    box.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    try {
      const data = await api('GET', '/v1/console/conversations/' + encodeURIComponent(id));
      if (!app.open || app.open.id !== id) return;
      app.open.data = data;
      renderConversation();
      const conversation = data.conversation || {};
      app.open.stream = openStream({
        url: '/v1/console/conversations/' + encodeURIComponent(id) + '/events',
        token: app.token,
        after: typeof conversation.last_event_id === 'number' ? conversation.last_event_id : 0,
        onEvent: function (name, payload) {
          if (!app.open || app.open.id !== id || !payload) return;
          if (name === 'message') addTranscriptMessage(payload.message, true);
          else if (name === 'state') {
            updateOwnership(payload.status, payload.agent, undefined);
            scheduleRefresh();
          }
        },
        onState: function (value, detail) {
          if (!app.open || app.open.id !== id) return;
          app.open.connState = [value, detail];
          const node = tid('conv-connection');
          if (node) setConn(node, value, detail);
          if (value === 'open' && app.open && app.open.renderedAt && Date.now() - app.open.renderedAt > 1000) scheduleRefresh();
        },
        onAuthError: function () {
          logout('Your session is no longer valid. Please sign in again.');
        },
      });
      const heading = tid('conv-title');
      if (heading) heading.focus();
    } catch (err) {
      if (!app.open || app.open.id !== id) return;
      box.replaceChildren(el('p', { class: 'error' }, explain(err)));
    }
  }

  let refreshTimer = null;
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshConversation, 150);
  }

  /** Re-reads the open conversation (owner, transitions, traces, feedback); keeps the reply box. */
  async function refreshConversation() {
    if (!app.open) return;
    const id = app.open.id;
    try {
      const data = await api('GET', '/v1/console/conversations/' + encodeURIComponent(id));
      if (!app.open || app.open.id !== id) return;
      app.open.data = data;
      renderConversation();
    } catch (err) {
      showError(explain(err));
    }
  }

  function currentStatus() {
    const data = app.open && app.open.data;
    return (data && data.conversation && data.conversation.status) || '';
  }

  function isMine() {
    const data = app.open && app.open.data;
    return !!data && data.owner === app.agent && currentStatus() === 'with_human';
  }

  function updateOwnership(status, owner, lease) {
    if (!app.open || !app.open.data) return;
    const data = app.open.data;
    data.conversation = data.conversation || {};
    if (status) data.conversation.status = status;
    if (owner !== undefined) data.owner = owner || null;
    if (lease !== undefined) data.lease_expires_at = lease || null;
    renderOwnership();
  }

  function renderOwnership() {
    const data = app.open.data;
    const status = currentStatus();
    const bar = tid('conv-ownership');
    if (!bar) return;
    const owner = data.owner;
    bar.replaceChildren(
      statusBadge(status, 'conv-status'),
      el('span', { 'data-testid': 'conv-owner', 'data-owner': owner || '' }, owner ? 'Owner: ' + (owner === app.agent ? 'you' : cap(owner)) : 'No owner'),
      data.lease_expires_at && status === 'with_human'
        ? el('span', { class: 'muted', 'data-lease-expires': data.lease_expires_at, 'data-testid': 'conv-lease' }, leaseText(data.lease_expires_at))
        : null
    );
    const mine = isMine();
    const claim = tid('action-claim');
    claim.textContent = mine ? 'Renew lease' : 'Claim';
    claim.disabled = status === 'resolved' || (status === 'with_human' && !mine && !!owner && !leaseExpired());
    tid('action-release').disabled = !mine;
    tid('action-return').disabled = !mine;
    tid('action-resolve').disabled = status === 'resolved';
    const composer = tid('reply-panel');
    if (composer) composer.setAttribute('data-enabled', String(mine));
    document.querySelectorAll('[data-needs-lease]').forEach(function (b) {
      b.disabled = !mine || b.hasAttribute('data-busy');
    });
    const hint = tid('reply-hint');
    if (hint) hint.hidden = mine;
  }

  function leaseExpired() {
    const t = Date.parse((app.open.data && app.open.data.lease_expires_at) || '');
    return !isNaN(t) && t < Date.now();
  }

  async function action(name, path, after) {
    const id = app.open.id;
    const button = tid('action-' + name);
    button.disabled = true;
    try {
      const body = await api('POST', '/v1/console/conversations/' + encodeURIComponent(id) + '/' + path, {});
      if (!app.open || app.open.id !== id) return;
      if (body && body.status) updateOwnership(body.status, body.owner !== undefined ? body.owner : app.open.data.owner, body.lease_expires_at);
      if (after) after(body);
      await refreshConversation();
    } catch (err) {
      showError(explain(err));
      await refreshConversation();
    }
  }

  // ---- rendering the open conversation ---------------------------------------------
  function renderConversation() {
    const open = app.open;
    const data = open.data;
    const conversation = data.conversation || {};
    open.renderedAt = Date.now();
    const keep = captureReplyState();
    open.messages = new Map();

    const head = el('div', { class: 'conv-head' }, [
      el('div', {}, [
        el('h2', { id: 'conv-title', tabindex: '-1', 'data-testid': 'conv-title' }, 'Conversation ' + (conversation.id || open.id)),
        el('div', { class: 'conv-ownership', 'data-testid': 'conv-ownership' }),
      ]),
      el('span', { class: 'conn', role: 'status', 'data-testid': 'conv-connection', 'data-state': 'connecting' }, [
        el('span', { class: 'dot', 'aria-hidden': 'true' }),
        el('span', { class: 'conn-text' }, 'Connecting…'),
      ]),
    ]);

    const actions = el('div', { class: 'actions', role: 'group', 'aria-label': 'Conversation actions' }, [
      el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'action-claim' }, 'Claim'),
      el('button', { type: 'button', class: 'btn', 'data-testid': 'action-release' }, 'Release'),
      el('button', { type: 'button', class: 'btn', 'data-testid': 'action-return' }, 'Return to AI'),
      el('button', { type: 'button', class: 'btn', 'data-testid': 'action-resolve' }, 'Resolve'),
    ]);
    $('[data-testid="action-claim"]', actions).addEventListener('click', function () {
      action('claim', 'claim');
    });
    $('[data-testid="action-release"]', actions).addEventListener('click', function () {
      action('release', 'release');
    });
    $('[data-testid="action-return"]', actions).addEventListener('click', function () {
      action('return', 'return-to-ai');
    });
    $('[data-testid="action-resolve"]', actions).addEventListener('click', function () {
      action('resolve', 'resolve');
    });

    const transcript = el('ol', { class: 'transcript', 'data-testid': 'transcript', 'aria-live': 'polite', 'aria-relevant': 'additions' });
    const left = el('div', { class: 'conv-main' }, [
      section('Transcript', 'transcript-card', [transcript]),
      renderReplyPanel(),
      renderTraces(data.turns),
    ]);
    const right = el('div', { class: 'conv-side' }, [
      renderPacket(data.handoffs),
      renderTransitions(data.transitions),
      renderFeedback(data.feedback),
    ]);
    const box = tid('conversation');
    box.replaceChildren(head, actions, el('div', { class: 'conv-grid' }, [left, right]));
    box.setAttribute('data-conversation-id', open.id);
    (conversation.messages || []).forEach(function (m) {
      addTranscriptMessage(m, false);
    });
    if (open.connState) setConn(tid('conv-connection'), open.connState[0], open.connState[1]);
    restoreReplyState(keep);
    renderOwnership();
  }

  function addTranscriptMessage(msg, live) {
    if (!msg || !msg.id || !app.open || app.open.messages.has(msg.id)) return;
    const list = tid('transcript');
    if (!list) return;
    const who = msg.role === 'agent' ? (msg.author ? cap(msg.author) + ' (agent)' : 'Agent') : msg.role === 'assistant' ? 'AI assistant' : 'Customer';
    const meta = [el('strong', {}, who), ' · ', timeEl(msg.created_at)];
    if (msg.outcome) meta.push(el('span', { class: 'pill' }, humanize(msg.outcome)));
    if (msg.reason) meta.push(el('span', { class: 'pill pill-quiet' }, humanize(msg.reason)));
    if (msg.rating === true || msg.rating === false) {
      meta.push(el('span', { class: 'pill ' + (msg.rating ? 'pill-good' : 'pill-bad'), 'data-testid': 'message-rating' }, msg.rating ? 'rated helpful' : 'rated not helpful'));
    }
    const li = el('li', { class: 'tm tm-' + msg.role, 'data-testid': 'transcript-message', 'data-role': msg.role, 'data-message-id': msg.id }, [
      el('div', { class: 'tm-meta' }, meta),
      el('p', { class: 'tm-text' }, msg.text || ''),
      citationList(msg.citations),
    ]);
    app.open.messages.set(msg.id, li);
    list.appendChild(li);
    if (live) {
      li.classList.add('tm-new');
      li.scrollIntoView({ block: 'nearest' });
    }
  }

  function renderPacket(handoffs) {
    const list = Array.isArray(handoffs) ? handoffs : [];
    const handoff = list[list.length - 1];
    if (!handoff) return section('Hand-over packet', 'handoff-packet', [el('p', { class: 'muted' }, 'No hand-over in this conversation.')]);
    const p = handoff.packet || {};
    const fr = p.frustration || {};
    const rows = [
      ['Reason', el('span', { 'data-testid': 'packet-reason' }, cap(p.reason || handoff.reason))],
      [
        'Intent',
        el('span', { 'data-testid': 'packet-intent' }, p.intent ? humanize(p.intent) + ' · ' + percent(p.intent_confidence) + ' confidence' : 'Unsure (' + percent(p.intent_confidence) + ')'),
      ],
      [
        'Frustration',
        el('span', { 'data-testid': 'packet-frustration', 'data-level': fr.level || 'none' }, [
          el('span', { class: 'frustration frustration-' + (fr.level || 'none') }, fr.level || 'none'),
          typeof fr.score === 'number' ? ' score ' + fr.score.toFixed(2) : '',
          Array.isArray(fr.cues) && fr.cues.length ? el('span', { class: 'muted' }, ' — cues: ' + fr.cues.join(', ')) : '',
        ]),
      ],
      ['Suggested next step', el('span', { 'data-testid': 'packet-next-step' }, p.suggested_next_step || '–')],
    ];
    const dl = el(
      'dl',
      { class: 'kv' },
      rows.reduce(function (acc, row) {
        acc.push(el('dt', {}, row[0]), el('dd', {}, row[1]));
        return acc;
      }, [])
    );
    const questions = el(
      'ol',
      { class: 'plain', 'data-testid': 'packet-questions' },
      (p.customer_messages || []).map(function (q) {
        return el('li', {}, q);
      })
    );
    const facts = el(
      'ul',
      { class: 'plain', 'data-testid': 'packet-facts' },
      (p.facts || []).map(function (f) {
        return el('li', { 'data-testid': 'packet-fact' }, [
          f.text || f.quote || '',
          el('span', { class: 'source' }, ' — ' + (f.document_title || f.document_id || 'policy') + (f.section ? ' › ' + f.section : '') + (f.version ? ' (v' + f.version + ')' : '')),
        ]);
      })
    );
    const told = el(
      'ul',
      { class: 'plain', 'data-testid': 'packet-told' },
      (p.told_customer || []).map(function (t) {
        return el('li', {}, t);
      })
    );
    const draft = p.ai_draft
      ? el('div', { class: 'ai-draft', 'data-testid': 'packet-draft' }, [
          p.ai_draft.question ? el('p', { class: 'muted' }, 'Answering: “' + p.ai_draft.question + '”') : null,
          el('p', {}, p.ai_draft.text || ''),
          citationList(p.ai_draft.citations),
        ])
      : el('p', { class: 'muted', 'data-testid': 'packet-draft' }, 'No AI draft in the packet.');
    return section('Hand-over packet', 'handoff-packet', [
      el('p', { class: 'muted' }, ['Handed over ', timeEl(handoff.created_at), list.length > 1 ? ' (latest of ' + list.length + ')' : '']),
      dl,
      el('h4', {}, 'What the customer asked'),
      questions.childElementCount ? questions : el('p', { class: 'muted' }, '–'),
      el('h4', {}, 'Facts from policy'),
      facts.childElementCount ? facts : el('p', { class: 'muted' }, 'None found.'),
      el('h4', {}, 'What the customer was told'),
      told.childElementCount ? told : el('p', { class: 'muted' }, '–'),
      el('h4', {}, 'AI draft at hand-over'),
      draft,
    ]);
  }

  function traceStages(trace) {
    if (!trace) return [];
    if (Array.isArray(trace)) return trace;
    if (Array.isArray(trace.stages)) return trace.stages;
    if (Array.isArray(trace.steps)) return trace.steps;
    return [];
  }

  function cell(value) {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'number') return String(Math.round(value * 100) / 100);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  function stageMs(s) {
    if (s.duration_ms != null) return s.duration_ms;
    if (s.milliseconds != null) return s.milliseconds;
    return s.ms;
  }

  function renderTraces(turns) {
    const list = Array.isArray(turns) ? turns : [];
    const items = list.map(function (turn, i) {
      const trace = turn.trace || {};
      const stages = traceStages(trace);
      const total = turn.total_ms != null ? turn.total_ms : trace.total_ms != null ? trace.total_ms : trace.total_milliseconds;
      const summary = el('summary', {}, [
        el('strong', {}, 'Turn ' + (i + 1)),
        ' · ',
        humanize(turn.outcome || trace.outcome || ''),
        turn.intent ? ' · ' + humanize(turn.intent) + (typeof turn.confidence === 'number' ? ' (' + percent(turn.confidence) + ')' : '') : '',
        total != null ? el('span', { class: 'muted' }, ' · ' + cell(total) + ' ms') : null,
        turn.delivered === false ? el('span', { class: 'pill pill-bad' }, 'not delivered') : null,
      ]);
      const body = [];
      if (stages.length) {
        const heads = ['stage', 'decision and output', 'score / threshold', 'ms'];
        body.push(
          el('table', { class: 'trace-table' }, [
            el('thead', {}, el('tr', {}, heads.map(function (k) {
              return el('th', { scope: 'col' }, k);
            }))),
            el('tbody', {}, stages.map(function (s) {
              return el('tr', { 'data-testid': 'trace-stage', 'data-stage': s.stage || s.name || '' }, [
                el('td', {}, [el('strong', {}, cell(s.stage || s.name)), s.component ? el('div', { class: 'muted' }, s.component) : null]),
                el('td', {}, [
                  cell(s.decision),
                  s.output != null && s.output !== s.decision ? el('div', { class: 'muted' }, cell(s.output)) : null,
                  s.input ? el('div', { class: 'muted' }, 'in: ' + cell(s.input)) : null,
                ]),
                el('td', {}, s.score == null && s.threshold == null ? '–' : cell(s.score) + ' / ' + cell(s.threshold)),
                el('td', {}, cell(stageMs(s))),
              ]);
            })),
          ])
        );
      }
      body.push(el('details', { class: 'raw' }, [el('summary', {}, 'Raw trace'), el('pre', {}, JSON.stringify(turn, null, 2))]));
      return el('details', { class: 'trace', 'data-testid': 'trace', 'data-turn-id': turn.id || turn.turn_id || null }, [summary].concat(body));
    });
    return section('Turn traces (' + list.length + ')', 'traces', items.length ? items : [el('p', { class: 'muted' }, 'No AI turns.')], false);
  }

  function renderTransitions(transitions) {
    const list = Array.isArray(transitions) ? transitions : [];
    return section(
      'Transitions',
      'transitions',
      list.length
        ? [
            el(
              'ol',
              { class: 'plain timeline' },
              list.map(function (t) {
                // The contract names `actor` / `actor_kind`; the server sends `by: {kind, name}`.
                const by = t.by || {};
                const actor = t.actor || by.name || '';
                const kind = t.actor_kind || by.kind || '';
                return el('li', { 'data-testid': 'transition', 'data-to': t.to, 'data-reason': t.reason }, [
                  timeEl(t.created_at),
                  ' ',
                  el('strong', {}, humanize(t.from) + ' → ' + humanize(t.to)),
                  ' · ' + humanize(t.reason) + ' · ' + (actor ? cap(actor) + (kind ? ' (' + kind + ')' : '') : kind === 'ai' ? 'AI' : cap(kind)),
                ]);
              })
            ),
          ]
        : [el('p', { class: 'muted' }, 'No transitions yet.')]
    );
  }

  function renderFeedback(feedback) {
    const list = Array.isArray(feedback) ? feedback : [];
    return section(
      'Draft feedback',
      'feedback-list',
      list.length
        ? list.map(function (f) {
            return el('div', { class: 'feedback', 'data-testid': 'feedback', 'data-action': f.action }, [
              el('p', {}, [
                el('strong', {}, cap(f.action)),
                ' by ' + cap(f.agent) + ' · edit distance ' + (typeof f.edit_distance === 'number' ? f.edit_distance.toFixed(2) : '–') + ' · ',
                timeEl(f.created_at),
              ]),
              f.action !== 'accept' ? el('p', { class: 'muted' }, 'Sent: ' + (f.sent_text || '')) : null,
            ]);
          })
        : [el('p', { class: 'muted' }, 'No drafts sent yet.')],
      list.length > 0
    );
  }

  // ---- drafts and replies ---------------------------------------------------------
  function renderReplyPanel() {
    const draftBox = el('div', { class: 'draft', 'data-testid': 'draft', hidden: true });
    const textarea = el('textarea', { id: 'reply-text', rows: '5', 'data-testid': 'reply-text', placeholder: 'Write to the customer…' });
    const modeLabel = el('span', { class: 'muted', 'data-testid': 'reply-mode' }, '');
    const panel = el('section', { class: 'card reply', 'data-testid': 'reply-panel', 'aria-labelledby': 'reply-title' }, [
      el('h3', { id: 'reply-title' }, 'Reply'),
      el('p', { class: 'muted', 'data-testid': 'reply-hint' }, 'Claim the conversation to reply.'),
      el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'btn', 'data-testid': 'draft-request', 'data-needs-lease': true }, 'AI draft'),
      ]),
      draftBox,
      el('label', { for: 'reply-text' }, ['Message ', modeLabel]),
      textarea,
      el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'reply-send', 'data-needs-lease': true }, 'Send'),
        el('button', { type: 'button', class: 'btn btn-quiet', 'data-testid': 'reply-cancel', hidden: true }, 'Back to the draft'),
      ]),
      el('p', { class: 'muted', 'data-testid': 'reply-result', 'aria-live': 'polite' }, ''),
    ]);
    $('[data-testid="draft-request"]', panel).addEventListener('click', requestDraft);
    $('[data-testid="reply-send"]', panel).addEventListener('click', sendReply);
    $('[data-testid="reply-cancel"]', panel).addEventListener('click', function () {
      setReplyMode('draft');
    });
    return panel;
  }

  /** What a re-render must not lose: the typed reply, focus, and which panels are open. */
  function captureReplyState() {
    const textarea = tid('reply-text');
    const active = document.activeElement;
    const open = {};
    document.querySelectorAll('#detail details').forEach(function (d) {
      const key = detailsKey(d);
      if (key) open[key] = d.open;
    });
    return {
      text: textarea ? textarea.value : '',
      result: tid('reply-result') ? tid('reply-result').textContent : '',
      focus: active && active.closest && active.closest('#detail') ? active.getAttribute('data-testid') : null,
      selection: active === textarea && textarea ? [textarea.selectionStart, textarea.selectionEnd] : null,
      open: open,
    };
  }

  function detailsKey(d) {
    const testid = d.getAttribute('data-testid');
    if (testid === 'trace') return 'trace:' + d.getAttribute('data-turn-id');
    if (testid) return testid;
    const parent = d.parentElement && d.parentElement.closest('details[data-testid="trace"]');
    return parent ? 'raw:' + parent.getAttribute('data-turn-id') : null;
  }

  function restoreReplyState(keep) {
    if (app.open.draft) renderDraft(app.open.draft);
    setReplyMode(app.open.replyMode || 'plain', true);
    if (keep.text) tid('reply-text').value = keep.text;
    if (keep.result) tid('reply-result').textContent = keep.result;
    document.querySelectorAll('#detail details').forEach(function (d) {
      const key = detailsKey(d);
      if (key && key in keep.open) d.open = keep.open[key];
    });
    if (keep.focus) {
      const node = tid(keep.focus);
      if (node) {
        node.focus({ preventScroll: true });
        if (keep.selection && node.setSelectionRange) node.setSelectionRange(keep.selection[0], keep.selection[1]);
      }
    }
  }

  function setReplyMode(mode, quiet) {
    app.open.replyMode = mode;
    const textarea = tid('reply-text');
    const label = tid('reply-mode');
    const cancel = tid('reply-cancel');
    const draft = app.open.draft;
    tid('reply-panel').setAttribute('data-mode', mode);
    cancel.hidden = !(mode === 'edit' || mode === 'reject');
    if (mode === 'edit') {
      label.textContent = '(editing the AI draft)';
      if (!quiet) textarea.value = draft ? draft.text : '';
    } else if (mode === 'reject') {
      label.textContent = '(your own words; the draft is recorded as rejected)';
      if (!quiet) textarea.value = '';
    } else if (mode === 'draft') {
      label.textContent = '(or use the draft buttons above)';
    } else {
      label.textContent = '';
    }
    if (!quiet && (mode === 'edit' || mode === 'reject')) textarea.focus();
  }

  function renderDraft(draft) {
    const box = tid('draft');
    box.hidden = false;
    box.setAttribute('data-draft-id', draft.id);
    const actions = el('div', { class: 'actions' }, [
      el('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'draft-accept', 'data-needs-lease': true }, 'Accept and send'),
      el('button', { type: 'button', class: 'btn', 'data-testid': 'draft-edit', 'data-needs-lease': true }, 'Edit'),
      el('button', { type: 'button', class: 'btn', 'data-testid': 'draft-reject', 'data-needs-lease': true }, 'Reject, write my own'),
    ]);
    box.replaceChildren(
      el('p', { class: 'draft-head' }, [el('strong', {}, 'AI draft'), ' · ', humanize(draft.outcome), ' · for message ', el('code', {}, draft.for_message_id || '')]),
      el('p', { class: 'draft-text', 'data-testid': 'draft-text' }, draft.text || ''),
      citationList(draft.citations),
      actions
    );
    $('[data-testid="draft-accept"]', box).addEventListener('click', function () {
      postReply('accept');
    });
    $('[data-testid="draft-edit"]', box).addEventListener('click', function () {
      setReplyMode('edit');
    });
    $('[data-testid="draft-reject"]', box).addEventListener('click', function () {
      setReplyMode('reject');
    });
    renderOwnership();
  }

  async function requestDraft() {
    const id = app.open.id;
    const button = tid('draft-request');
    button.setAttribute('data-busy', '');
    button.disabled = true;
    try {
      const body = await api('POST', '/v1/console/conversations/' + encodeURIComponent(id) + '/drafts', {});
      if (!app.open || app.open.id !== id) return;
      app.open.draft = body.draft;
      renderDraft(body.draft);
      setReplyMode('draft');
    } catch (err) {
      showError(explain(err));
    } finally {
      button.removeAttribute('data-busy');
      if (app.open && app.open.id === id) renderOwnership();
    }
  }

  function sendReply() {
    const mode = app.open.replyMode;
    if (mode === 'edit') return postReply('edit');
    if (mode === 'reject') return postReply('reject');
    return postPlain();
  }

  async function withSending(fn) {
    const buttons = document.querySelectorAll('[data-needs-lease]');
    buttons.forEach(function (b) {
      b.setAttribute('data-busy', '');
      b.disabled = true;
    });
    try {
      await fn();
    } finally {
      buttons.forEach(function (b) {
        b.removeAttribute('data-busy');
      });
      if (app.open) renderOwnership();
    }
  }

  function postReply(kind) {
    const open = app.open;
    const draft = open.draft;
    if (!draft) return showError('Ask for an AI draft first.');
    const text = tid('reply-text').value.trim();
    if (kind !== 'accept' && !text) return showError('Write the message first.');
    const body = { action: kind, draft_id: draft.id };
    if (kind !== 'accept') body.text = text;
    return withSending(async function () {
      try {
        const result = await api('POST', '/v1/console/conversations/' + encodeURIComponent(open.id) + '/replies', body);
        if (app.open !== open) return;
        if (result && result.message) addTranscriptMessage(result.message, true);
        open.draft = null;
        tid('draft').hidden = true;
        tid('draft').replaceChildren();
        tid('reply-text').value = '';
        setReplyMode('plain', true);
        const fb = result && result.feedback;
        tid('reply-result').textContent =
          'Sent (' + kind + (fb && typeof fb.edit_distance === 'number' ? ', edit distance ' + fb.edit_distance.toFixed(2) : '') + ').';
        scheduleRefresh();
      } catch (err) {
        showError(explain(err));
      }
    });
  }

  function postPlain() {
    const open = app.open;
    const text = tid('reply-text').value.trim();
    if (!text) return showError('Write the message first.');
    return withSending(async function () {
      try {
        const result = await api('POST', '/v1/console/conversations/' + encodeURIComponent(open.id) + '/messages', { text: text });
        if (app.open !== open) return;
        if (result && result.message) addTranscriptMessage(result.message, true);
        else if (result && result.id) addTranscriptMessage(result, true);
        tid('reply-text').value = '';
        tid('reply-result').textContent = 'Sent.';
        scheduleRefresh();
      } catch (err) {
        showError(explain(err));
      }
    });
  }

  // Ctrl/Cmd+Enter sends from the reply box.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target && e.target.id === 'reply-text' && isMine()) {
      e.preventDefault();
      sendReply();
    }
  });

  // ---- start ------------------------------------------------------------------------
  window.SupportConsole = { app: app, openConversation: openConversation };
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) login(saved, true);
  else showView('login');
})();
