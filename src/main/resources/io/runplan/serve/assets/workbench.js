// runplan serve: the coach's workbench in the page. Every action is a call of the JSON API (docs/serve.md); the week
// grids are the server's own week view, fetched again after each change. No outside files, no framework.
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------- small helpers

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className') element.className = value;
      else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return element;
  }

  function list(items, className) {
    return el('ul', { className }, items.map(item => el('li', {}, item)));
  }

  /** Calls the API; a refusal becomes an Error with the server's message and the HTTP status. */
  async function api(method, url, body) {
    const options = { method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(url, options);
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('application/json') ? await response.json() : null;
    if (!response.ok) {
      const error = new Error(data && data.error ? data.error : response.status + ' ' + response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function say(text, kind) {
    const message = document.getElementById('rp-message');
    if (message) {
      message.textContent = text || '';
      message.className = kind || '';
    }
  }

  function readFile(input) {
    const file = input.files && input.files[0];
    if (!file) return Promise.reject(new Error('choose a plan file first'));
    return file.text().then(text => ({ name: file.name, text }));
  }

  /** "Tue 24 Nov 07:00" for "2026-11-24T07:00". */
  function when(time) {
    if (!time) return 'unscheduled';
    const date = new Date(time + ':00');
    const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).replace(',', '');
    return day + ' ' + time.slice(11, 16);
  }

  const page = document.body.dataset.page || (document.querySelector('section.person, body > header') ? 'plan' : 'plans');

  // ---------------------------------------------------------------------------------------------- the plan list

  if (page === 'plans') {
    document.getElementById('rp-upload').addEventListener('click', async () => {
      try {
        const { name, text } = await readFile(document.getElementById('rp-upload-file'));
        await api('POST', '/api/plans/' + encodeURIComponent(name), text);
        location.href = '/plans/' + encodeURIComponent(name);
      } catch (error) {
        say(error.message, 'error');
      }
    });
    return;
  }

  const file = decodeURIComponent(location.pathname.replace(/^\/plans\//, '').replace(/\/.*$/, ''));
  const base = '/api/plans/' + encodeURIComponent(file);

  // ---------------------------------------------------------------------------------------------- a file that is no plan

  if (page === 'invalid') {
    const version = document.body.dataset.version;
    document.getElementById('rp-replace').addEventListener('click', async () => {
      try {
        const { text } = await readFile(document.getElementById('rp-upload-file'));
        await api('PUT', base + '?version=' + encodeURIComponent(version), text);
        location.reload();
      } catch (error) {
        say(error.message, 'error');
      }
    });
    document.getElementById('rp-undo').addEventListener('click', async () => {
      try {
        await api('POST', base + '/undo', { version });
        location.reload();
      } catch (error) {
        say(error.message, 'error');
      }
    });
    const events = new EventSource(base + '/events');
    events.addEventListener('changed', event => {
      if (JSON.parse(event.data).version !== version) location.reload();
    });
    return;
  }

  // ---------------------------------------------------------------------------------------------- a plan

  let state = null;          // the plan as GET /api/plans/FILE says it
  let selected = null;       // the session shown in the panel
  let busy = false;          // an action is under way: it redraws the page itself
  const panel = el('aside', { className: 'rp-panel', id: 'rp-panel', hidden: true });

  const buttons = {
    solve: el('button', { id: 'rp-solve', className: 'rp-primary', type: 'button', onclick: solve }, 'Solve'),
    stop: el('button', { id: 'rp-stop', type: 'button', disabled: true, onclick: stop }, 'Stop'),
    undo: el('button', { id: 'rp-undo', type: 'button', onclick: undo, title: 'Bring back the version before the last change' }, 'Undo'),
    replan: el('button', { id: 'rp-replan-open', type: 'button', onclick: () => showReplan() }, 'Re-plan\u2026'),
    busyTime: el('button', { id: 'rp-busy-open', type: 'button', onclick: () => showBusy() }, 'Busy time\u2026'),
  };
  const view = el('select', { id: 'rp-view', onchange: () => { location.hash = view.value; applyView(); } });
  const progress = el('span', { id: 'rp-progress' });
  const toolbar = el('nav', { id: 'rp-toolbar' },
    el('a', { href: '/' }, 'All plans'),
    buttons.solve, buttons.stop, progress, buttons.undo,
    el('label', {}, 'Show ', view),
    buttons.replan, buttons.busyTime,
    el('span', { className: 'rp-spacer' }),
    el('a', { id: 'rp-download', href: base + '/download' }, 'Plan file'),
    el('a', { id: 'rp-calendars', href: base + '/calendars.zip' }, 'Calendars (.ics)'),
    el('a', { id: 'rp-week', href: '/plans/' + encodeURIComponent(file) + '/week.html' }, 'Week page'),
    el('p', { id: 'rp-message', role: 'status' }));
  document.body.prepend(toolbar);
  document.body.append(panel);

  /** Runs an action of the API, then redraws; a refusal is shown, and a stale page is redrawn as the file is now. */
  async function act(action, done) {
    busy = true;
    try {
      const result = await action();
      await refresh();
      say(done ? done(result) : '', 'ok');
      return result;
    } catch (error) {
      if (error.status === 409 || error.status === 404) await refresh().catch(() => {});
      say(error.message, 'error');
      return null;
    } finally {
      busy = false;
    }
  }

  /** The week view and the plan's state, fetched again. */
  async function refresh() {
    const [html, fresh] = await Promise.all([
      fetch('/plans/' + encodeURIComponent(file), { credentials: 'same-origin' }).then(r => r.text()),
      api('GET', base)]);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    if (!doc.querySelector('body > header')) {
      location.reload(); // the file is no plan any more
      return;
    }
    document.querySelector('body > header').replaceWith(document.adoptNode(doc.querySelector('body > header')));
    document.querySelectorAll('body > section.person').forEach(section => section.remove());
    let after = document.querySelector('body > header');
    for (const section of doc.querySelectorAll('body > section.person')) {
      const adopted = document.adoptNode(section);
      after.after(adopted);
      after = adopted;
    }
    state = fresh;
    decorate();
    if (selected && !panel.hidden && panel.dataset.kind === 'session') await showSession(selected, true);
  }

  /** What the server's week view does not show: pins, the selected session, the toolbar's state. */
  function decorate() {
    const pinned = new Set(state.sessions.filter(s => s.pinned).map(s => s.id));
    document.querySelectorAll('[data-session]').forEach(item => {
      item.classList.toggle('rp-pinned', pinned.has(item.dataset.session));
      item.classList.toggle('rp-selected', item.dataset.session === selected);
    });
    const solving = !!state.activity;
    buttons.solve.disabled = solving;
    buttons.stop.disabled = !(solving && state.activity.startsWith('solving'));
    buttons.undo.disabled = solving || state.undoable === 0;
    buttons.replan.disabled = solving;
    progress.textContent = solving ? state.activity[0].toUpperCase() + state.activity.slice(1) + '\u2026' : '';
    const options = [['', 'everyone']]
      .concat(state.athletes.map(a => ['athlete:' + a.id, 'athlete ' + a.name]))
      .concat(state.coaches.map(c => ['coach:' + c.id, 'coach ' + c.name]));
    if (view.options.length !== options.length) {
      view.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
      view.value = decodeURIComponent(location.hash.slice(1));
      if (view.selectedIndex < 0) view.value = '';
    }
    applyView();
  }

  function applyView() {
    document.querySelectorAll('body > section.person').forEach(section => {
      section.hidden = view.value !== '' && section.dataset.person !== view.value;
    });
  }

  function openPanel(kind, ...children) {
    panel.dataset.kind = kind;
    panel.replaceChildren(el('button', { className: 'rp-close', type: 'button', title: 'Close', onclick: closePanel }, '\u00d7'),
      ...children.flat().filter(child => child !== null && child !== undefined && child !== false));
    panel.hidden = false;
    document.body.classList.add('rp-with-panel');
  }

  function closePanel() {
    panel.hidden = true;
    selected = null;
    document.body.classList.remove('rp-with-panel');
    decorate();
  }

  // ---------------------------------------------------------------------------------------------- solve, stop, undo

  async function solve() {
    await act(() => api('POST', base + '/solve', { version: state.version }), () => 'Solving\u2026');
  }

  async function stop() {
    try {
      await api('POST', base + '/stop', {});
      say('Stopping: the best plan so far will be written', 'ok');
    } catch (error) {
      say(error.message, 'error');
    }
  }

  async function undo() {
    await act(() => api('POST', base + '/undo', { version: state.version }), s => 'Undone: score ' + s.score);
  }

  // ---------------------------------------------------------------------------------------------- one session

  function sessionOf(id) {
    return state.sessions.find(s => s.id === id);
  }

  function scoreLine(s) {
    return 'Score ' + s.score + (s.broken.length ? '; broken: ' + s.broken.map(b => b.rule).join(', ') : '; every hard rule kept');
  }

  async function move(id, start) {
    await act(() => api('POST', base + '/sessions/' + encodeURIComponent(id) + '/move', { version: state.version, start }),
      s => 'Moved ' + id + ' to ' + when(start) + '. ' + scoreLine(s));
  }

  async function sessionAction(id, action, words) {
    await act(() => api('POST', base + '/sessions/' + encodeURIComponent(id) + '/' + action, { version: state.version }),
      s => words + ' ' + id + '. ' + scoreLine(s));
  }

  async function showSession(id, quiet) {
    selected = id;
    let about;
    try {
      about = await api('GET', base + '/sessions/' + encodeURIComponent(id));
    } catch (error) {
      if (!quiet) say(error.message, 'error');
      return;
    }
    const session = sessionOf(id);
    const grain = state.horizon.grainMinutes * 60;
    const start = el('input', { type: 'datetime-local', id: 'rp-move-start', step: grain, value: about.start || '' });
    const recommendations = el('div', { id: 'rp-recommendations' });
    openPanel('session',
      el('h2', {}, about.summary),
      el('p', { className: 'meta' }, about.session + ' \u00b7 ' + (about.start ? when(about.start) + '-' + about.end.slice(11) : 'unscheduled')
        + (about.pinned ? ' \u00b7 pinned' : '')),
      about.broken.length ? [el('h3', {}, 'Breaks'), list(about.broken, 'rp-broke')] : null,
      about.unscheduledReason ? [el('h3', {}, 'Why it is not placed'), el('p', {}, about.unscheduledReason)] : null,
      about.why.length ? [el('h3', {}, 'Why it is here'), list(about.why)] : null,
      about.costs.length ? [el('h3', {}, 'What it costs'), list(about.costs)] : null,
      el('div', { className: 'rp-row' },
        about.pinned
          ? el('button', { id: 'rp-unpin', type: 'button', onclick: () => sessionAction(id, 'unpin', 'Unpinned') }, 'Unpin')
          : el('button', { id: 'rp-pin', type: 'button', disabled: !about.start, onclick: () => sessionAction(id, 'pin', 'Pinned') }, 'Pin'),
        el('button', { id: 'rp-unschedule', type: 'button', disabled: !about.start, onclick: () => sessionAction(id, 'unschedule', 'Unscheduled') }, 'Unschedule'),
        el('button', { id: 'rp-recommend', type: 'button', disabled: about.pinned, onclick: () => recommend(id, recommendations) }, 'Other starts')),
      el('label', { for: 'rp-move-start' }, 'Move to'),
      el('div', { className: 'rp-row' }, start,
        el('button', { id: 'rp-move', type: 'button', onclick: () => start.value ? move(id, start.value) : say('give the new start', 'error') }, 'Move')),
      recommendations);
    if (session && session.coach) {
      panel.append(el('p', { className: 'meta' }, 'Led by coach ' + session.coach + '; moving it alone takes it out of its group.'));
    }
    decorate();
  }

  async function recommend(id, target) {
    target.replaceChildren(el('p', { className: 'meta' }, 'Trying every start\u2026'));
    let ranked;
    try {
      ranked = await api('GET', base + '/sessions/' + encodeURIComponent(id) + '/recommendations?limit=5');
    } catch (error) {
      target.replaceChildren();
      say(error.message, 'error');
      return;
    }
    target.replaceChildren(el('h3', {}, 'Best starts, best first'),
      ranked.length === 0 ? el('p', {}, 'No start fits.') : el('ol', { className: 'rp-recommendations' }, ranked.map(r =>
        el('li', { 'data-start': r.start },
          el('b', {}, r.label), r.current ? el('span', { className: 'rp-current' }, ' (where it is now)') : null,
          el('div', {}, 'score ' + r.score + (r.current ? '' : ' (' + r.difference + ' against now)'), ' ',
            r.current ? null : el('button', { type: 'button', className: 'rp-apply', onclick: () => move(id, r.start) }, 'Apply')),
          r.changes.length ? list(r.changes.map(c => c.rule + ' ' + c.difference + (c.reasons.length ? ': ' + c.reasons.join('; ') : ''))) : null))));
  }

  // ---------------------------------------------------------------------------------------------- busy time

  function people() {
    return state.athletes.map(a => ['athlete:' + a.id, 'athlete ' + a.name])
      .concat(state.coaches.map(c => ['coach:' + c.id, 'coach ' + c.name]));
  }

  function personOf(key) {
    const [role, ...rest] = key.split(':');
    return { [role]: rest.join(':') };
  }

  function showBusy(personKey, span) {
    const person = el('select', { id: 'rp-busy-person' }, people().map(([value, label]) => el('option', { value }, label)));
    if (personKey) person.value = personKey;
    const [from, to] = (span || '').split('/');
    const start = el('input', { type: 'datetime-local', id: 'rp-busy-start', value: from || '' });
    const end = el('input', { type: 'datetime-local', id: 'rp-busy-end', value: to || '' });
    const label = el('input', { type: 'text', id: 'rp-busy-label', placeholder: 'meeting' });
    const blocks = el('ul', { id: 'rp-busy-list' });
    function listBlocks() {
      const who = personOf(person.value);
      blocks.replaceChildren(...state.busy.filter(b => (who.athlete && b.athlete === who.athlete) || (who.coach && b.coach === who.coach))
        .map(b => el('li', { 'data-busy': b.start + '/' + b.end, className: b.start + '/' + b.end === span ? 'rp-selected' : null },
          when(b.start) + '-' + b.end.slice(11) + ' ' + b.label + ' ',
          b.calendar ? el('span', { className: 'meta' }, '(from ' + b.calendar + ')')
            : el('button', { type: 'button', className: 'rp-remove-busy', onclick: () => removeBusy(person.value, b) }, 'Remove'))));
    }
    person.addEventListener('change', listBlocks);
    openPanel('busy', el('h2', {}, 'Busy time'),
      el('p', { className: 'meta' }, 'No session may overlap busy time. Adding or removing it changes the plan file at once; '
        + 'the sessions stay where they are (a session now overlapping busy time breaks "Busy time"): solve or re-plan to move them.'),
      el('label', { for: 'rp-busy-person' }, 'Whose'), person,
      el('label', { for: 'rp-busy-start' }, 'From'), start,
      el('label', { for: 'rp-busy-end' }, 'To'), end,
      el('label', { for: 'rp-busy-label' }, 'What'), label,
      el('div', { className: 'rp-row' }, el('button', { id: 'rp-busy-add', type: 'button', onclick: async () => {
        const body = Object.assign({ version: state.version, start: start.value, end: end.value, label: label.value }, personOf(person.value));
        if (await act(() => api('POST', base + '/busy', body), s => 'Busy time added. ' + scoreLine(s))) showBusy(person.value);
      } }, 'Add busy time')),
      el('h3', {}, 'Busy time in the plan'), blocks);
    listBlocks();
  }

  async function removeBusy(personKey, block) {
    const body = Object.assign({ version: state.version, start: block.start, end: block.end }, personOf(personKey));
    if (await act(() => api('POST', base + '/busy/remove', body), s => 'Busy time removed. ' + scoreLine(s))) showBusy(personKey);
  }

  // ---------------------------------------------------------------------------------------------- re-plan

  function showReplan() {
    // Now, if now is in the plan's horizon; else its first day, for the coach to set.
    const horizonStart = state.horizon.start + 'T00:00';
    const horizonEnd = new Date(new Date(horizonStart + ':00').getTime() + state.horizon.days * 86400000);
    const nowText = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    const inHorizon = nowText >= horizonStart && new Date(nowText + ':00') < horizonEnd;
    const now = el('input', { type: 'datetime-local', id: 'rp-replan-now', value: inHorizon ? nowText : horizonStart });
    const athlete = el('select', { id: 'rp-replan-athlete' }, el('option', { value: '' }, 'everyone'),
      state.athletes.map(a => el('option', { value: a.id }, a.name)));
    const missed = el('select', { id: 'rp-replan-missed', multiple: true, size: 6 });
    function listMissed() {
      const scheduled = state.sessions.filter(s => s.start && s.start < now.value && (!athlete.value || s.athlete === athlete.value));
      missed.replaceChildren(...scheduled.map(s => el('option', { value: s.id }, s.id + ' (' + when(s.start) + ')')));
    }
    now.addEventListener('change', listMissed);
    athlete.addEventListener('change', listMissed);
    const off = el('input', { type: 'text', id: 'rp-replan-off', placeholder: '2026-11-27, 2026-11-28' });
    const busyStart = el('input', { type: 'datetime-local', id: 'rp-replan-busy-start' });
    const busyEnd = el('input', { type: 'datetime-local', id: 'rp-replan-busy-end' });
    const busyLabel = el('input', { type: 'text', id: 'rp-replan-busy-label', placeholder: 'dentist' });
    const result = el('div', { id: 'rp-replan-result' });
    openPanel('replan', el('h2', {}, 'Re-plan'),
      el('p', { className: 'meta' }, 'Sessions before "now" are done and stay, unless missed; the rest is re-planned, '
        + 'moving as few sessions as it can (runplan replan).'),
      el('label', { for: 'rp-replan-now' }, 'Now'), now,
      el('label', { for: 'rp-replan-athlete' }, 'Whose plan changed (needed for sick days and busy time when the plan has several athletes)'), athlete,
      el('label', { for: 'rp-replan-missed' }, 'Missed sessions'), missed,
      el('label', { for: 'rp-replan-off' }, 'Sick days (dates, comma separated)'), off,
      el('label', { for: 'rp-replan-busy-start' }, 'New busy time: from, to, what'), busyStart, busyEnd, busyLabel,
      el('div', { className: 'rp-row' }, el('button', { id: 'rp-replan', className: 'rp-primary', type: 'button', onclick: async () => {
        const body = { version: state.version, now: now.value, missed: [...missed.selectedOptions].map(o => o.value),
          off: off.value.split(/[,\s]+/).filter(Boolean) };
        if (athlete.value) body.athlete = athlete.value;
        if (busyStart.value || busyEnd.value) body.busyTime = [{ start: busyStart.value, end: busyEnd.value, label: busyLabel.value || null }];
        result.replaceChildren(el('p', { className: 'meta' }, 'Re-planning\u2026'));
        const replanned = await act(() => api('POST', base + '/replan', body),
          r => 'Re-planned: score ' + r.scoreBefore + ' before, ' + r.scoreAfter + ' after');
        result.replaceChildren(...(replanned ? [el('h3', {}, replanned.changes.length + ' change(s)'),
          list(replanned.changes.map(c => c.kind + ' ' + c.session + ': ' + (c.from || 'unscheduled') + ' \u2192 ' + (c.to || 'unscheduled') + '. ' + c.reason)),
          list(replanned.notes)] : []));
      } }, 'Re-plan')),
      result);
    listMissed();
  }

  // ---------------------------------------------------------------------------------------------- clicks and drags

  /** A session dragged to another time or day: the grid's top is the week's data-from, each day its data-date. */
  let drag = null;

  document.addEventListener('pointerdown', event => {
    const item = event.target.closest('.item[data-session]');
    if (!item || event.button !== 0 || !state) return;
    const rect = item.getBoundingClientRect();
    drag = { item, id: item.dataset.session, x: event.clientX, y: event.clientY, offsetY: event.clientY - rect.top, moved: false };
  });

  document.addEventListener('pointermove', event => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 6) return;
    drag.moved = true;
    drag.item.classList.add('rp-dragging');
    drag.item.style.transform = 'translate(' + dx + 'px,' + dy + 'px)';
    event.preventDefault();
  });

  document.addEventListener('pointerup', event => {
    if (!drag) return;
    const { item, id, moved, offsetY } = drag;
    drag = null;
    item.classList.remove('rp-dragging');
    item.style.transform = '';
    if (!moved) return; // a click: handled below
    const target = document.elementsFromPoint(event.clientX, event.clientY).find(e => e.matches('.day .body'));
    if (!target) return;
    const day = target.closest('.day');
    const week = target.closest('.week');
    const ppm = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--ppm')) || 0.8;
    const grain = state.horizon.grainMinutes;
    const minute = Number(week.dataset.from) + (event.clientY - offsetY - target.getBoundingClientRect().top) / ppm;
    const rounded = Math.max(0, Math.min(24 * 60 - grain, Math.round(minute / grain) * grain));
    const time = String(Math.floor(rounded / 60)).padStart(2, '0') + ':' + String(rounded % 60).padStart(2, '0');
    item.dataset.dragged = 'true';
    move(id, day.dataset.date + 'T' + time);
  });

  document.addEventListener('click', event => {
    const item = event.target.closest('.item[data-session]');
    if (item) {
      if (item.dataset.dragged) { delete item.dataset.dragged; return; }
      showSession(item.dataset.session);
      return;
    }
    const group = event.target.closest('.item[data-group]');
    if (group) {
      showSession(group.dataset.group.slice(group.dataset.group.indexOf(':') + 1));
      return;
    }
    const unscheduled = event.target.closest('[data-unscheduled]');
    if (unscheduled) {
      showSession(unscheduled.dataset.unscheduled);
      return;
    }
    const block = event.target.closest('.busy[data-busy]');
    if (block) showBusy(block.closest('section.person').dataset.person, block.dataset.busy);
  });

  // ---------------------------------------------------------------------------------------------- pushed events

  function listen() {
    const events = new EventSource(base + '/events');
    events.addEventListener('best', event => {
      const data = JSON.parse(event.data);
      progress.textContent = (data.message === 're-planning' ? 'Re-planning' : 'Solving') + ': best ' + data.score
        + ' at ' + data.seconds.toFixed(1) + ' s (' + data.limit + ')';
    });
    events.addEventListener('done', async event => {
      const data = JSON.parse(event.data);
      await refresh();
      if (data.version) say('Solved in ' + data.seconds.toFixed(1) + ' s: ' + scoreLine(state) + (data.message ? '. ' + data.message : ''), 'ok');
      else say(data.message, 'error');
    });
    events.addEventListener('changed', async event => {
      const data = JSON.parse(event.data);
      if (busy || !state || data.version === state.version) return;
      await refresh();
      say('The plan changed (' + data.cause + '); this page shows it as it is now.', 'note');
    });
  }

  api('GET', base).then(fresh => {
    state = fresh;
    decorate();
    listen();
    document.body.dataset.ready = 'true';
  }).catch(error => say(error.message, 'error'));
})();
