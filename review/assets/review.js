// The review page: a list of documents, and for the one open, its flagged fields lowest confidence first,
// each with the crop of the page it was read from and an editor. Keyboard first: the editor of the current
// field has the focus, Enter saves, Ctrl+Enter accepts, arrows move; outside an editor j/k move and a accepts.
// Plain DOM: text from documents is only ever set as text, never parsed as HTML.

const token = document.querySelector('meta[name="jixiao-token"]').content;
const tokenHeader = document.querySelector('meta[name="jixiao-token-header"]').content;

const els = {
  documents: document.getElementById('documents'),
  fields: document.getElementById('fields'),
  progress: document.getElementById('progress'),
  heading: document.getElementById('queue-heading'),
  keys: document.getElementById('keys'),
};

const state = {
  /** @type {{sha256: string, file: string, title: string|null, department: string|null, flagged: number, fields: number, corrections: number}[]} */
  documents: [],
  sha256: null,
  /** The cards of the open document, in queue order. */
  cards: [],
  current: -1,
  busy: false,
};

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  const body = await response.json().catch(() => ({ error: `Expected JSON from ${path}, got status ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `Expected success from ${path}, got status ${response.status}`);
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function confidenceClass(c) {
  if (c >= 1) return 'reviewed';
  if (c < 0.5) return 'low';
  if (c < 0.8) return 'mid';
  return 'high';
}

// ---- documents -------------------------------------------------------------------------------------------

function renderDocuments() {
  els.documents.replaceChildren(
    ...state.documents.map((d) => {
      const name = d.file.split(/[\\/]/).pop();
      const button = el(
        'button',
        { type: 'button', class: 'doc', 'data-sha256': d.sha256, 'aria-current': d.sha256 === state.sha256 ? 'page' : null, title: d.file },
        el('span', { class: 'doc-name', text: name }),
        el('span', { class: 'doc-title', lang: 'zh-Hans', text: [d.department, d.title].filter(Boolean).join(' · ') }),
        el('span', { class: d.flagged > 0 ? 'count' : 'count done', text: `${d.flagged} flagged` }),
      );
      button.addEventListener('click', () => openDocument(d.sha256));
      return el('li', {}, button);
    }),
  );
}

function updateDocument(summary) {
  if (!summary) return;
  const i = state.documents.findIndex((d) => d.sha256 === summary.sha256);
  if (i >= 0) state.documents[i] = summary;
  renderDocuments();
}

async function openDocument(sha256, focus = true) {
  state.sha256 = sha256;
  history.replaceState(null, '', `#${sha256}`);
  renderDocuments();
  els.progress.textContent = 'Loading…';
  const data = await api(`/api/documents/${sha256}/fields`);
  updateDocument(data.document);
  els.heading.textContent = `Flagged fields of ${data.document.file.split(/[\\/]/).pop()}`;
  state.cards = data.fields.map((f) => makeCard(f));
  els.fields.replaceChildren(...state.cards.map((c) => c.node));
  state.current = -1;
  updateProgress();
  if (state.cards.length > 0) select(0, focus ? 'editor' : 'none');
  else if (focus) document.getElementById('queue').focus();
}

function moveDocument(step) {
  const i = state.documents.findIndex((d) => d.sha256 === state.sha256);
  const next = state.documents[i + step];
  if (next) openDocument(next.sha256);
}

// ---- fields ----------------------------------------------------------------------------------------------

let serial = 0;

function makeCard(field) {
  const n = ++serial;
  const editorId = `value-${n}`;
  const notesId = `notes-${n}`;
  const editor = field.multiline
    ? el('textarea', { id: editorId, name: 'value', lang: 'zh-Hans', rows: 3, spellcheck: 'false', 'aria-describedby': notesId })
    : el('input', { id: editorId, name: 'value', lang: 'zh-Hans', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': notesId });
  editor.value = field.value;
  const crops = el(
    'div',
    { class: 'crops' },
    ...field.pages.map((page) => {
      const src = `/api/crop?field=${encodeURIComponent(field.id)}&page=${page}`;
      const img = el('img', { src, alt: `Page ${page} of the source, the region this value was read from outlined`, loading: 'lazy', decoding: 'async' });
      img.addEventListener('error', () => cropFailed(img, src));
      return img;
    }),
  );
  if (field.pages.length === 0) crops.append(el('p', { class: 'no-crop', text: 'No region on the page: the value was not found there.' }));
  const confidence = el('span', { class: `confidence ${confidenceClass(field.confidence)}` });
  const notes = el('ul', { class: 'notes', id: notesId });
  const status = el('p', { class: 'status', role: 'status' });
  const accept = el('button', { type: 'button', class: 'accept' }, 'Accept ', el('kbd', { text: 'Ctrl+Enter' }));
  const save = el('button', { type: 'submit', class: 'save' }, 'Save ', el('kbd', { text: 'Enter' }));
  const form = el(
    'form',
    { class: 'editor', novalidate: true },
    el('label', { for: editorId, text: `Value (${kindHint(field.kind)})` }),
    editor,
    el('div', { class: 'actions' }, accept, save),
  );
  const node = el(
    'section',
    { class: 'field', 'data-field-id': field.id, tabindex: '-1', 'aria-labelledby': `heading-${n}` },
    crops,
    el(
      'div',
      { class: 'body' },
      el('h3', { id: `heading-${n}` }, el('span', { class: 'context', lang: 'zh-Hans', text: field.context }), ' ', el('span', { class: 'label', lang: 'zh-Hans', text: field.label })),
      el('p', { class: 'meta' }, confidence, ' ', el('span', { class: 'path', text: field.path })),
      el('p', { class: 'extracted' }, 'Extracted: ', el('span', { class: 'extracted-value', lang: 'zh-Hans', text: field.value === '' ? '(empty)' : field.value })),
      notes,
      form,
      status,
    ),
  );
  const card = { field, node, editor, confidence, notes, status, state: 'pending' };
  setField(card, field);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    review(card, 'correct');
  });
  accept.addEventListener('click', () => review(card, 'accept'));
  node.addEventListener('focusin', () => {
    const i = state.cards.indexOf(card);
    if (i !== state.current) select(i, 'none');
  });
  return card;
}

function kindHint(kind) {
  if (kind === 'amount') return 'a number, or empty';
  if (kind === 'target') return 'the target as written, e.g. ≥12次';
  if (kind === 'level') return 'code-name, e.g. 1-产出指标';
  return 'text';
}

function setField(card, field) {
  card.field = field;
  card.confidence.textContent = `confidence ${field.confidence.toFixed(2)}`;
  card.confidence.className = `confidence ${confidenceClass(field.confidence)}`;
  card.notes.replaceChildren(...field.notes.map((note) => el('li', { lang: 'zh-Hans', text: note })));
}

async function cropFailed(img, src) {
  let why = 'the crop could not be rendered';
  try {
    await api(src);
  } catch (error) {
    why = error.message;
  }
  img.replaceWith(el('p', { class: 'no-crop', role: 'note', text: `No crop: ${why}` }));
}

function select(i, focus) {
  if (i < 0 || i >= state.cards.length) return;
  const before = state.cards[state.current];
  if (before) before.node.classList.remove('current');
  state.current = i;
  const card = state.cards[i];
  card.node.classList.add('current');
  card.node.scrollIntoView({ block: 'nearest' });
  if (focus === 'editor') {
    card.editor.focus();
    card.editor.select();
  } else if (focus === 'card') card.node.focus();
}

/** The next card still to review after `from`, in `step` direction; -1 when none. */
function nextPending(from, step) {
  for (let i = from + step; i >= 0 && i < state.cards.length; i += step) if (state.cards[i].state === 'pending') return i;
  return -1;
}

function move(step, focus) {
  const i = state.current + step;
  if (i >= 0 && i < state.cards.length) select(i, focus);
}

function advance(focus) {
  const i = nextPending(state.current, 1);
  const j = i >= 0 ? i : nextPending(-1, 1);
  if (j >= 0) return select(j, focus);
  updateProgress();
  const next = state.documents.find((d) => d.sha256 !== state.sha256 && d.flagged > 0);
  els.progress.textContent = next
    ? `Every flagged field of this document is reviewed. Press ] for the next document.`
    : 'Every flagged field is reviewed.';
  document.getElementById('queue').focus();
}

function updateProgress() {
  const done = state.cards.filter((c) => c.state !== 'pending').length;
  const left = state.cards.length - done;
  els.progress.textContent = state.cards.length === 0 ? 'Nothing flagged in this document.' : `${done} of ${state.cards.length} reviewed, ${left} left.`;
}

async function review(card, action) {
  if (state.busy) return;
  state.busy = true;
  const wasInEditor = document.activeElement === card.editor;
  card.node.setAttribute('aria-busy', 'true');
  card.status.removeAttribute('role');
  card.status.setAttribute('role', 'status');
  card.status.className = 'status';
  try {
    const body = { field: card.field.id, action, expected: card.field.value };
    if (action === 'correct') body.value = card.editor.value;
    const data = await api('/api/review', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
      body: JSON.stringify(body),
    });
    card.editor.removeAttribute('aria-invalid');
    card.editor.value = data.field.value;
    card.state = 'reviewed';
    card.node.classList.add('reviewed');
    const c = data.correction;
    card.status.textContent =
      c && c.action === 'correct' ? `Corrected by ${c.reviewer}: ${show(card.field.value)} → ${show(data.field.value)}` : `Accepted by ${c ? c.reviewer : 'you'}`;
    setField(card, data.field);
    mergeFlagged(data.fields, data.changed, card);
    updateDocument(data.document);
    updateProgress();
    advance(wasInEditor ? 'editor' : 'card');
  } catch (error) {
    card.status.setAttribute('role', 'alert');
    card.status.className = 'status error';
    card.status.textContent = error.message;
    card.editor.setAttribute('aria-invalid', 'true');
    card.editor.focus();
  } finally {
    card.node.removeAttribute('aria-busy');
    state.busy = false;
  }
}

function show(value) {
  return value === '' ? '(empty)' : value;
}

/** After a review the checks ran again: fields may have left the flagged list (a sum passes) or joined it. */
function mergeFlagged(flagged, changed, reviewedCard) {
  const byId = new Map(flagged.map((f) => [f.id, f]));
  const changedById = new Map(changed.map((f) => [f.id, f]));
  for (const card of state.cards) {
    if (card === reviewedCard || card.state !== 'pending') continue;
    const now = byId.get(card.field.id);
    if (now) setField(card, now);
    else {
      const cleared = changedById.get(card.field.id);
      if (cleared) setField(card, cleared);
      card.state = 'cleared';
      card.node.classList.add('cleared');
      card.status.textContent = 'No longer flagged: the checks pass after the last review.';
    }
  }
  const known = new Set(state.cards.map((c) => c.field.id));
  for (const f of flagged) {
    if (known.has(f.id)) continue;
    const card = makeCard(f);
    card.status.textContent = 'Newly flagged: a check fails after the last review.';
    state.cards.push(card);
    els.fields.append(card.node);
  }
}

// ---- keys ------------------------------------------------------------------------------------------------

/** In a text box, ↓ at the end of the text (or with all of it selected) and ↑ at its start leave for the next field. */
function atEdge(textarea, key) {
  return key === 'ArrowDown' ? textarea.selectionEnd === textarea.value.length : textarea.selectionStart === 0;
}

document.addEventListener('keydown', (e) => {
  const card = state.cards[state.current];
  const target = e.target;
  const inEditor = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
  if (inEditor && card && target === card.editor) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      review(card, 'accept');
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      review(card, 'correct');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      card.editor.value = card.field.value;
      card.node.focus();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && (e.altKey || target instanceof HTMLInputElement || atEdge(target, e.key))) {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1, 'editor');
    }
    return;
  }
  if (inEditor || e.ctrlKey || e.metaKey || e.altKey) return;
  if (target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return;
  const keys = {
    j: () => move(1, 'card'),
    ArrowDown: () => move(1, 'card'),
    k: () => move(-1, 'card'),
    ArrowUp: () => move(-1, 'card'),
    a: () => card && card.state === 'pending' && review(card, 'accept'),
    e: () => card && select(state.current, 'editor'),
    Enter: () => card && select(state.current, 'editor'),
    ']': () => moveDocument(1),
    '[': () => moveDocument(-1),
    '?': () => (els.keys.open = !els.keys.open),
  };
  const action = keys[e.key];
  if (action) {
    e.preventDefault();
    action();
  }
});

// ---- start -----------------------------------------------------------------------------------------------

async function start() {
  try {
    const data = await api('/api/documents');
    state.documents = data.documents;
    renderDocuments();
    if (state.documents.length === 0) {
      els.progress.textContent = 'The database holds no document that was read.';
      return;
    }
    const fromHash = location.hash.slice(1);
    const first = state.documents.find((d) => d.sha256 === fromHash) ?? state.documents.find((d) => d.flagged > 0) ?? state.documents[0];
    await openDocument(first.sha256);
  } catch (error) {
    els.progress.textContent = error.message;
  }
}

start();
