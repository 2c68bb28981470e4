import { api, esc, dateTime } from './api.js';
import { shell } from './shell.js';
import { Live } from './live.js';

const state = { q: '', temperature: '', bot: '', sort: '-last_message', page: 1, size: 25 };

async function load() {
  const params = new URLSearchParams();
  for (const k of ['q', 'temperature', 'bot', 'sort', 'page', 'size']) if (state[k]) params.set(k, state[k]);
  const data = await api(`/api/v1/leads?${params}`);
  const body = document.querySelector('#leads tbody');
  body.innerHTML = data.items.length ? data.items.map(row).join('') :
    '<tr><td colspan="7" class="muted">No leads match.</td></tr>';
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  document.getElementById('pageinfo').textContent = `Page ${data.page} of ${pages} · ${data.total} leads`;
  document.getElementById('prev').disabled = data.page <= 1;
  document.getElementById('next').disabled = data.page >= pages;
  document.querySelectorAll('th[data-sort]').forEach((th) => {
    const key = state.sort.replace(/^-/, '');
    th.classList.toggle('sorted', th.dataset.sort === key);
    th.classList.toggle('desc', th.dataset.sort === key && state.sort.startsWith('-'));
  });
}

function row(l) {
  const last = l.last_message;
  return `<tr data-id="${esc(l.id)}">
    <td><a href="/conversation.html?id=${encodeURIComponent(l.id)}">${esc(l.name || l.id)}</a>
      <div class="muted">${esc(l.channel)}${l.opted_out ? ' · opted out' : ''}</div></td>
    <td>${l.temperature ? `<span class="badge ${esc(l.temperature)}">${esc(l.temperature)}</span>` : '<span class="muted">—</span>'}</td>
    <td>${l.score ?? '<span class="muted">—</span>'}</td>
    <td><span class="badge ${l.bot === 'human' ? 'human' : ''}">${esc(l.bot)}</span></td>
    <td class="clip">${last ? `${esc(last.author)}: ${esc(last.text)}<div class="muted">${esc(dateTime(last.at))}</div>` : '—'}</td>
    <td>${l.next_followup_at ? esc(dateTime(l.next_followup_at)) : '<span class="muted">—</span>'}</td>
    <td>${esc(dateTime(l.created_at))}</td></tr>`;
}

(async () => {
  const { indicator } = await shell('/leads.html');
  const form = document.getElementById('filters');
  let typing;
  const filter = () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const f = new FormData(form);
      Object.assign(state, { q: f.get('q'), temperature: f.get('temperature'), bot: f.get('bot'), page: 1 });
      load();
    }, 200);
  };
  form.addEventListener('input', filter);
  form.addEventListener('change', filter);
  form.addEventListener('submit', (e) => e.preventDefault());
  document.querySelectorAll('th[data-sort]').forEach((th) => th.addEventListener('click', () => {
    const key = th.dataset.sort;
    state.sort = state.sort === `-${key}` ? key : `-${key}`;
    state.page = 1;
    load();
  }));
  document.getElementById('prev').addEventListener('click', () => { state.page--; load(); });
  document.getElementById('next').addEventListener('click', () => { state.page++; load(); });
  await load();
  let pending;
  const soon = () => { clearTimeout(pending); pending = setTimeout(load, 400); };
  new Live(['leads', 'conversations'], { indicator, onEvent: soon, onResync: soon }).start();
})();
