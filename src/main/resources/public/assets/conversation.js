import { api, esc, dateTime, money } from './api.js';
import { shell } from './shell.js';
import { Live } from './live.js';

const id = new URLSearchParams(location.search).get('id');
let view;

function label(key) {
  return key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function value(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number' && v >= 10000) return money(v);
  return String(v);
}

function render(v) {
  view = v;
  document.title = `${v.name || v.id} · Jorge`;
  document.getElementById('name').textContent = v.name || v.id;
  document.getElementById('temperature').innerHTML = v.temperature
    ? `<span class="badge ${esc(v.temperature)}">${esc(v.temperature)}</span>` : '';
  document.getElementById('bot').innerHTML = `<span class="badge ${v.bot === 'human' ? 'human' : ''}" data-bot="${esc(v.bot)}">${esc(v.bot)}</span>`;
  const hold = document.getElementById('hold');
  hold.dataset.hold = v.human_hold ? 'true' : 'false';
  hold.textContent = v.human_hold ? 'Release to bots' : 'Take over';
  hold.className = v.human_hold ? 'btn secondary' : 'btn';

  document.getElementById('transcript').innerHTML = v.transcript.map((m) => `
    <div class="bubble ${esc(m.author)}" data-author="${esc(m.author)}">${esc(m.text)}
      <div class="meta">${esc(m.author)} · ${esc(dateTime(m.at))}${m.truncated ? ' · truncated' : ''}</div></div>`).join('')
    || '<p class="muted">No messages yet.</p>';
  const t = document.getElementById('transcript');
  t.scrollTop = t.scrollHeight;

  const q = v.qualification || {};
  const rows = [['Channel', v.channel], ['Phone', v.phone], ['Email', v.email], ['Asking', v.asking],
    ['Opted out', q.opted_out], ['Appointment', q.appointment && dateTime(q.appointment.start)],
    ['Silenced until', v.silenced_until && dateTime(v.silenced_until)]]
    .filter(([k, x]) => x !== undefined && !(k === 'Silenced until' && !x));
  document.getElementById('lead').innerHTML = rows.map(([k, x]) => `<dt>${esc(k)}</dt><dd>${esc(value(x))}</dd>`).join('');

  const sides = ['seller', 'buyer'].filter((s) => q[s]);
  document.getElementById('answers').innerHTML = sides.length ? sides.map((s) => `
    <h3 class="muted">${esc(label(s))} · <span class="badge ${esc(q[s].temperature)}">${esc(q[s].temperature)}</span></h3>
    <dl class="kv" data-side="${s}">${Object.entries(q[s].answers).map(([k, x]) =>
      `<dt>${esc(label(k))}</dt><dd data-answer="${esc(k)}">${esc(value(x))}</dd>`).join('') || '<dt>—</dt><dd>No answers yet</dd>'}</dl>
    ${q[s].reasons && q[s].reasons.length ? `<p class="muted">${q[s].reasons.map(esc).join(' · ')}</p>` : ''}`).join('')
    : '<p class="muted">Still finding out whether they buy or sell.</p>';

  const sc = v.score;
  const factor = (f, cls) => `<li class="${cls}">${esc(label(f.feature || f.name || ''))}${f.value !== undefined ? ` = ${esc(value(f.value))}` : ''}
    <span class="muted">(${f.contribution > 0 ? '+' : ''}${Number(f.contribution).toFixed(2)})</span></li>`;
  document.getElementById('score').innerHTML = sc
    ? `<dl class="kv"><dt>Score</dt><dd data-score>${esc(sc.score)} / 100</dd>
        <dt>Probability</dt><dd>${(sc.probability * 100).toFixed(1)}%</dd>
        <dt>Expected commission</dt><dd>${esc(money(sc.expected_commission))}</dd>
        <dt>Model</dt><dd>${esc(sc.model_version)}</dd></dl>
       ${sc.factors ? `<ul>${(sc.factors.positive || []).map((f) => factor(f, 'factor-pos')).join('')}
         ${(sc.factors.negative || []).map((f) => factor(f, 'factor-neg')).join('')}</ul>` : ''}`
    : '<p class="muted">Not scored yet.</p>';

  document.getElementById('handoffs').innerHTML = v.handoffs.length
    ? `<table><tbody>${v.handoffs.map((h) => `<tr><td>${esc(h.from)} → ${esc(h.to)}</td><td class="muted">${esc(h.reason)}</td><td class="muted">${esc(dateTime(h.at))}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">None.</p>';
  document.getElementById('followups').innerHTML = (v.followups || []).length
    ? `<table><tbody>${v.followups.map((f) => `<tr><td>${esc(dateTime(f.due_at))}</td><td>${esc(f.status)}</td><td class="muted">${esc(f.reason)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">None scheduled.</p>';
}

async function load() {
  try {
    render(await api(`/api/v1/contacts/${encodeURIComponent(id)}`));
  } catch (e) {
    const err = document.getElementById('error');
    err.hidden = false;
    err.textContent = e.status === 404 ? 'No such lead.' : e.message;
  }
}

(async () => {
  const { user, indicator } = await shell('/leads.html');
  const canAct = user.role === 'agent' || user.role === 'admin';
  const hold = document.getElementById('hold');
  hold.hidden = !canAct;
  document.getElementById('outcomes').hidden = !canAct;
  hold.addEventListener('click', async () => {
    hold.disabled = true;
    try {
      await api(`/api/v1/contacts/${encodeURIComponent(id)}/${view.human_hold ? 'release' : 'takeover'}`, { method: 'POST' });
      await load();
    } finally {
      hold.disabled = false;
    }
  });
  document.querySelectorAll('[data-outcome]').forEach((b) => b.addEventListener('click', async () => {
    const status = document.getElementById('outcome-status');
    try {
      await api(`/api/v1/contacts/${encodeURIComponent(id)}/outcome`, { method: 'POST', body: { outcome: b.dataset.outcome } });
      status.textContent = `Recorded: ${b.textContent}`;
    } catch (e) {
      status.textContent = e.status === 404 ? 'Outcomes are recorded once scoring is enabled.' : e.message;
    }
  }));
  await load();
  let pending;
  const soon = () => { clearTimeout(pending); pending = setTimeout(load, 150); };
  new Live(['leads', 'conversations', 'appointments'], {
    indicator,
    onEvent: (e) => { if (e.data && e.data.contact_id === id) soon(); },
    onResync: soon,
  }).start();
})();
