import { api, esc, dateTime } from './api.js';
import { shell } from './shell.js';
import { Live } from './live.js';

async function load() {
  const [s, health] = await Promise.all([
    api('/api/v1/dashboard/system'),
    fetch('/health', { credentials: 'same-origin' }).then((r) => r.json()).catch(() => null),
  ]);
  const components = (health && health.components) || {};
  document.getElementById('health').innerHTML =
    `<dt>Overall</dt><dd data-health>${esc(health ? health.status : 'unknown')}</dd>` +
    Object.entries(components).map(([k, v]) =>
      `<dt>${esc(k)}</dt><dd>${esc(typeof v === 'object' ? v.status || JSON.stringify(v) : v)}</dd>`).join('');
  document.getElementById('instance').innerHTML = `
    <dt>Instance</dt><dd>${esc(s.instance)}</dd><dt>Version</dt><dd>${esc(s.version)}</dd>
    <dt>Started</dt><dd>${esc(dateTime(s.started_at))}</dd><dt>Uptime</dt><dd>${esc(Math.round(s.uptime_seconds / 60))} min</dd>
    <dt>Database</dt><dd>${esc(s.database)}</dd><dt>Live connections</dt><dd>${esc(s.ws_connections)}</dd>`;
  document.getElementById('instances').innerHTML = s.instances.length
    ? `<table><thead><tr><th>Instance</th><th>Last event</th><th>Events</th></tr></thead><tbody>
       ${s.instances.map((i) => `<tr><td>${esc(i.instance_id)}${i.instance_id === s.instance ? ' <span class="badge">this one</span>' : ''}</td>
         <td>${esc(dateTime(i.last_seen))}</td><td>${esc(i.events)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No instance has written events lately.</p>';
  document.getElementById('alerts').innerHTML = s.recent_alerts.length
    ? `<table><thead><tr><th>When</th><th>Type</th><th>Instance</th><th>Details</th></tr></thead><tbody>
       ${s.recent_alerts.map((a) => `<tr><td>${esc(dateTime(a.at))}</td><td>${esc(a.type)}</td><td>${esc(a.instance_id)}</td>
         <td class="clip">${esc(a.data)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No alerts.</p>';
}

(async () => {
  const { indicator } = await shell('/system.html');
  await load();
  new Live(['system'], { indicator, onEvent: load, onResync: load }).start();
})();
